"""What the event tabs share: the ``changed`` signal, running a service call with its refusal shown,
and a read-only table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...services import ServiceError
from ..context import AppContext
from ..models.rows import RowsModel


def make_table(model: QAbstractItemModel, widths: Sequence[int] = ()) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    return view


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
