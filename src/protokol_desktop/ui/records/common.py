"""Layout pieces and date conversions shared by the guest-visit and Bimtek tabs."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.office import active_office


def record_frame(tab: QWidget, export_tip: str) -> tuple[QLabel, QPushButton, QTabWidget]:
    """A record tab's frame: a status line with the Excel export beside it, and the sections below."""
    outer = QVBoxLayout(tab)
    outer.setContentsMargins(4, 4, 4, 4)
    top = QHBoxLayout()
    status = QLabel()
    status.setWordWrap(True)
    top.addWidget(status, 1)
    export = QPushButton("Ekspor ke Excel…")
    export.setToolTip(export_tip)
    top.addWidget(export)
    outer.addLayout(top)
    sections = QTabWidget()
    outer.addWidget(sections, 1)
    return status, export, sections


def group(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    """A titled box and its layout."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 6, 6, 6)
    return box, layout


def side_by_side(left: QWidget, right: QWidget, left_stretch: int, right_stretch: int) -> QSplitter:
    """Two panes next to each other that neither can collapse."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, left_stretch)
    splitter.setStretchFactor(1, right_stretch)
    splitter.setChildrenCollapsible(False)
    return splitter


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
