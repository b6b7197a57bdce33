"""What the event tabs share: the ``changed`` signal, running a service call with its refusal shown,
and the selected row's key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableView, QWidget

from ...services import ServiceError
from ..context import AppContext
from ..models.rows import RowsModel


def selected_key(table: QTableView) -> Any:
    model = table.model()
    rows = table.selectionModel().selectedRows()
    if not rows or not isinstance(model, RowsModel):
        return None
    return model.row(rows[0].row()).key


def select_key(table: QTableView, key: Any) -> None:
    model = table.model()
    if not isinstance(model, RowsModel):
        return
    for number, row in enumerate(model.rows()):
        if row.key == key:
            table.selectRow(number)
            return


class RecordTab(QWidget):
    """A tab of a request's own records. ``changed`` is emitted after every saved change."""

    changed = Signal()

    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request_id = request_id
        self.context = context

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(self, title: str, action: Callable[[], object]) -> bool:
        """Call a service; show its refusal under ``title``; refresh and announce a success."""
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(self, title, str(exc))
            return False
        except OSError as exc:
            self.context.dialogs.error(self, title, f"Berkas tidak dapat ditulis atau dibaca: {exc}")
            return False
        self.refresh()
        self.changed.emit()
        return True
