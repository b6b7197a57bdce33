"""Item models of the agenda page and the event tabs: rows with a background (clashes, due checks, the
current version) and the side-by-side comparison of two speech versions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...services.speeches import DiffLine
from ..models.rows import Row, RowsModel

Index = QModelIndex | QPersistentModelIndex

CLASH_BACKGROUND = "#f8d7da"
DECLINED_FOREGROUND = "#888888"
DIFF_COLOURS = {"replace": "#fff2cc", "delete": "#f8d7da", "insert": "#d9ead3"}


class ShadedRowsModel(RowsModel):
    """:class:`RowsModel` whose rows may also carry a background colour (by row number)."""

    def __init__(self, headers: Sequence[str], parent=None) -> None:  # noqa: ANN001
        super().__init__(headers, parent)
        self._backgrounds: list[str | None] = []

    def set_rows(self, rows: list[Row], backgrounds: Sequence[str | None] | None = None) -> None:
        self._backgrounds = list(backgrounds) if backgrounds is not None else [None] * len(rows)
        if len(self._backgrounds) != len(rows):
            raise ValueError("one background per row")
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if role == Qt.ItemDataRole.BackgroundRole:
            if not index.isValid() or not 0 <= index.row() < len(self._backgrounds):
                return None
            colour = self._backgrounds[index.row()]
            return QColor(colour) if colour else None
        return super().data(index, role)

    def background(self, row: int) -> str | None:
        return self._backgrounds[row]


class DiffModel(QAbstractTableModel):
    """Two versions side by side: line number and text of each, changed lines shaded."""

    HEADERS = ("No", "Versi kiri", "No", "Versi kanan")

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._lines: list[DiffLine] = []
        self._titles = ["Versi kiri", "Versi kanan"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section in (0, 2):
            return "No"
        if section == 1:
            return self._titles[0]
        if section == 3:
            return self._titles[1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._lines) or not 0 <= index.column() < 4:
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = (line.left_number, line.left, line.right_number, line.right)[column]
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(value) if column in (1, 3) and value else None
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.BackgroundRole and line.tag != "equal":
            left_side = column in (0, 1)
            if (line.tag == "delete" and not left_side) or (line.tag == "insert" and left_side):
                return None
            return QColor(DIFF_COLOURS[line.tag])
        if role == Qt.ItemDataRole.UserRole:
            return line.tag
        return None

    def set_lines(
        self, lines: Sequence[DiffLine], left_title: str = "Versi kiri", right_title: str = "Versi kanan"
    ) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._titles = [left_title, right_title]
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def lines(self) -> list[DiffLine]:
        return list(self._lines)
