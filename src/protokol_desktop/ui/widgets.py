"""Small view helpers shared by the pages: read-only tables, date-and-time fields in the office's
time zone, and data texts on widgets that read "&" as a mnemonic."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QAbstractItemModel, QDateTime
from PySide6.QtWidgets import QAbstractItemView, QDateTimeEdit, QHeaderView, QTableView

from ..services.office import active_office


def literal(text: str) -> str:
    """``text`` for an action, button, check box or tab, which take "&x" as the shortcut Alt+X: data
    such as "Subag Umum & Kepegawaian" keeps its "&"."""
    return text.replace("&", "&&")


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


def datetime_edit() -> QDateTimeEdit:
    """A date-and-time field with the calendar popup, in the office's "dd/MM/yyyy HH.mm"."""
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy HH.mm")
    return edit


def to_qt(moment: datetime) -> QDateTime:
    """A stored instant as the office's local wall-clock time, to the minute."""
    local = moment.astimezone(active_office().zone)
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)


def from_qt(edit: QDateTimeEdit) -> datetime:
    """The field's wall-clock time as an aware datetime in the office's zone."""
    return edit.dateTime().toPython().replace(tzinfo=active_office().zone)
