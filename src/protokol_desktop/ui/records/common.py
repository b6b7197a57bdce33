"""Layout pieces shared by the guest-visit and Bimtek tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


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
