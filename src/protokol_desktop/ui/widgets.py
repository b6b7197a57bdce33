"""Small view helpers shared by the pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(
    model: QAbstractItemModel, *, fit_columns: bool = False, single: bool = True, widths: Sequence[int] = ()
) -> QTableView:
    """A table of whole-row selection that cannot be edited in place, rows wrapped, last column
    stretched; ``fit_columns`` sizes the other columns to their contents, ``widths`` gives the first
    columns their widths in pixels."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    if fit_columns:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.horizontalHeader().resizeSection(column, width)
    return view
