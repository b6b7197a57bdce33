"""Showing a permission on a widget: enabled, or disabled with the reason in its tooltip.

The decision is always a :class:`services.permissions.Permission`, computed by the same rule the
service enforces; this module only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from ..services.permissions import Permission


def show_permission(
    widget: QWidget | QAction, permission: Permission, tooltip: str = "", *, available: bool = True
) -> None:
    """Enable ``widget`` when allowed (with ``tooltip``); otherwise disable it and let its tooltip
    say why. ``available`` False (nothing selected, a state the action does not apply to) disables
    it whatever the permission, with ``tooltip``."""
    widget.setEnabled(available and permission.allowed)
    widget.setToolTip(permission.reason if available and not permission.allowed else tooltip)


def show_item_permission(combo: QComboBox, index: int, permission: Permission) -> None:
    """One choice of a combo box: selectable, or greyed out with the reason as its tooltip."""
    model = combo.model()
    if isinstance(model, QStandardItemModel):
        item = model.item(index)
        if item is not None:
            item.setEnabled(permission.allowed)
    combo.setItemData(index, "" if permission.allowed else permission.reason, Qt.ItemDataRole.ToolTipRole)
