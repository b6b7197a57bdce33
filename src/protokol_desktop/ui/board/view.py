"""Layout of the board page: a filter bar and one list view per column. No decisions here.

Columns share the width of the page and scroll sideways only when even their narrowest width does
not fit; the compact card mode makes that narrowest width smaller, for offices with many roles. A
column's header wraps onto two lines and carries its whole title as a tooltip. From the keyboard,
Enter opens the current card, the arrow keys move between cards and columns, and the column and the
card that hold the focus are drawn so.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .. import icons
from ..widgets import date_edit, office_today
from .delegate import CARD_HEIGHT, CardDelegate, wrap_text
from .model import BoardColumnModel

COLUMN_MIN_WIDTH = 226  # a full card shows its key facts whole from this width on; five fit 1366 pixels
COMPACT_MIN_WIDTH = 132
OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CardList(QListView):
    """A column's cards: Enter opens the current card, Left and Right ask for the next column."""

    openRequested = Signal(QModelIndex)
    """Enter on a card (the same as a double-click)."""
    columnStep = Signal(int)
    """Left (-1) or Right (+1) was pressed: the board moves the focus to that column."""
    focusChanged = Signal(bool)
    """The list got (True) or lost the keyboard focus: the column draws it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in OPEN_KEYS:
            if self.currentIndex().isValid():
                self.openRequested.emit(self.currentIndex())
            event.accept()
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
            self.columnStep.emit(-1 if key == Qt.Key.Key_Left else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if not self.currentIndex().isValid() and self.model() is not None and self.model().rowCount() > 0:
            self.setCurrentIndex(self.model().index(0, 0))
        self.focusChanged.emit(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focusChanged.emit(False)


class ColumnHeader(QLabel):
    """A column's title and card count on at most two lines at whatever width the column has: a
    title too long for them ends in "…" and keeps its count; the tooltip has the whole title."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.count: int | None = None
        self.setTextFormat(Qt.TextFormat.PlainText)  # "Subag Umum & Kepegawaian" as written
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setToolTip(title)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit()

    def set_count(self, count: int) -> None:
        self.count = count
        self.setToolTip(f"{self.title}: {count} kartu")
        self._fit()

    def shown_text(self) -> str:
        """The title and count as drawn (lines joined by a space)."""
        return self.text().replace("\n", " ")

    def setFont(self, font) -> None:  # noqa: ANN001, N802
        super().setFont(font)
        self.setFixedHeight(2 * self.fontMetrics().height() + 4)  # two lines for every header
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        width = max(20, self.contentsRect().width() - 4)
        count = f" ({self.count})" if self.count is not None else ""
        whole = self.title + count
        lines = wrap_text(whole, metrics, width, 2)
        if " ".join(lines) != whole:  # too long for two lines: the title is cut, the count stays whole
            first = wrap_text(self.title, metrics, width, 2)[0]
            rest = self.title[len(first):].strip()
            room = width - metrics.horizontalAdvance(count)
            lines = [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room) + count] if rest else [
                first, count.strip()]  # fmt: skip
        self.setText("\n".join(lines))


class ColumnWidget(QFrame):
    stepRequested = Signal(object, int)
    """Left or Right in this column's list: the column and the step (-1, +1)."""

    def __init__(self, model: BoardColumnModel, delegate: CardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.focused = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("boardColumn")
        self.setMinimumWidth(COMPACT_MIN_WIDTH if delegate.compact else COLUMN_MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        self.header = ColumnHeader(model.title)
        self.header.setObjectName("columnHeader")
        self.header.setAutoFillBackground(True)
        font = self.header.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.header.setFont(font)
        layout.addWidget(self.header)
        self.list = CardList()
        self.list.setModel(model)
        self.list.setItemDelegate(delegate)
        self.list.setUniformItemSizes(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)  # the cards follow the column's width
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
        self.list.focusChanged.connect(self.set_focused)
        self.list.columnStep.connect(self._step)

    def _step(self, step: int) -> None:
        self.stepRequested.emit(self, step)

    def set_count(self, shown: int) -> None:
        self.header.set_count(shown)

    def set_focused(self, focused: bool) -> None:
        """The keyboard is in this column: its header in the highlight colour, a frame around it."""
        self.focused = focused
        palette = self.palette()
        if focused:
            palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Highlight))
            palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.HighlightedText))
        self.header.setPalette(palette)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.focused:
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


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
        self.search.setMinimumWidth(160)
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
        # The date range shares the second line with the counts, so that the first fits 1024 pixels.
        line = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("boardSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        line.addWidget(self.summary, 1)
        self.use_dates = QCheckBox("Diterima")
        line.addWidget(self.use_dates)
        self.date_from = date_edit()
        self.date_to = date_edit()
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        today = office_today()
        self.date_from.setDate(today.addMonths(-1))
        self.date_to.setDate(today)
        line.addWidget(self.date_from)
        line.addWidget(QLabel("s.d."))
        line.addWidget(self.date_to)
        line.addSpacing(8)
        # Long service names must not widen the bar past a small screen: the list shows them whole.
        self.service.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.service.setMinimumContentsLength(12)
        layout.addLayout(bar)

        self.compact = QCheckBox("Kartu ringkas")
        self.compact.setToolTip("Kartu lebih kecil (nomor surat, perihal, waktu) agar semua kolom muat di layar")
        line.addWidget(self.compact)
        layout.addLayout(line)

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
        self.compact.toggled.connect(self.set_compact)
        icons.load_later(self.repaint_cards)

    def set_compact(self, compact: bool) -> None:
        """Full or compact cards: the columns' narrowest width and the cards' height follow."""
        if self.compact.isChecked() != compact:
            self.compact.setChecked(compact)  # comes back here through toggled
            return
        self.delegate.compact = compact
        for column in self.columns:
            column.setMinimumWidth(COMPACT_MIN_WIDTH if compact else COLUMN_MIN_WIDTH)
            column.list.doItemsLayout()
        if self.isVisible():  # before the first paint there is nothing drawn to redo
            self.repaint_cards()

    def step_column(self, column: ColumnWidget, step: int) -> None:
        """Move the keyboard focus to the column ``step`` places away, to the card in the same row."""
        if column not in self.columns:
            return
        position = self.columns.index(column) + step
        if not 0 <= position < len(self.columns):
            return
        target = self.columns[position]
        rows = target.model.rowCount()
        if rows:
            row = min(max(column.list.currentIndex().row(), 0), rows - 1)
            target.list.setCurrentIndex(target.model.index(row, 0))
        column.list.clearSelection()  # one selected card on the board: the one the keyboard is on
        target.list.setFocus(Qt.FocusReason.TabFocusReason)
        self.scroll.ensureWidgetVisible(target, 0, 0)

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
            column.stepRequested.connect(self.step_column)
        return self.columns
