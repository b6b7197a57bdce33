"""Layout of the board page: a filter bar and one list view per column. No decisions here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .. import icons
from ..widgets import date_edit, office_today
from .delegate import CARD_HEIGHT, CardDelegate
from .model import BoardColumnModel

COLUMN_MIN_WIDTH = 228


class ColumnWidget(QFrame):
    def __init__(self, model: BoardColumnModel, delegate: CardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("boardColumn")
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        self.header = QLabel(model.title)
        self.header.setObjectName("columnHeader")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.header.setFont(font)
        layout.addWidget(self.header)
        self.list = QListView()
        self.list.setModel(model)
        self.list.setItemDelegate(delegate)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.verticalScrollBar().setSingleStep(CARD_HEIGHT // 4)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)

    def set_count(self, shown: int) -> None:
        self.header.setText(f"{self.model.title} ({shown})")


class BoardView(QWidget):
    """Filter bar on top, columns side by side (scrolling sideways when there are many)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = CardDelegate(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Cari nomor surat, perihal, pengirim…")
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.service = QComboBox()
        self.service.setToolTip("Layanan")
        bar.addWidget(self.service, 1)
        self.leader = QComboBox()
        self.leader.setToolTip("Pimpinan")
        bar.addWidget(self.leader)
        self.state = QComboBox()
        self.state.setToolTip("Keadaan")
        for label, key in (
            ("Semua keadaan", ""),
            ("Terlambat", "terlambat"),
            ("Ditunda", "ditunda"),
            ("Berkas belum lengkap", "belum_lengkap"),
        ):
            self.state.addItem(label, key)
        bar.addWidget(self.state)
        self.use_dates = QCheckBox("Diterima")
        bar.addWidget(self.use_dates)
        self.date_from = date_edit()
        self.date_to = date_edit()
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        today = office_today()
        self.date_from.setDate(today.addMonths(-1))
        self.date_to.setDate(today)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("s.d."))
        bar.addWidget(self.date_to)
        layout.addLayout(bar)

        self.summary = QLabel()
        self.summary.setObjectName("boardSummary")
        layout.addWidget(self.summary)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.columns_host = QWidget()
        self.columns_layout = QHBoxLayout(self.columns_host)
        self.columns_layout.setContentsMargins(0, 0, 0, 0)
        self.columns_layout.setSpacing(6)
        self.scroll.setWidget(self.columns_host)
        layout.addWidget(self.scroll, 1)
        self.columns: list[ColumnWidget] = []
        icons.load_later(self.repaint_cards)

    def repaint_cards(self) -> None:
        for column in self.columns:
            column.list.viewport().update()

    def set_columns(self, models: list[BoardColumnModel]) -> list[ColumnWidget]:
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.columns = []
        for model in models:
            column = ColumnWidget(model, self.delegate, self.columns_host)
            self.columns_layout.addWidget(column, 1)
            self.columns.append(column)
        return self.columns
