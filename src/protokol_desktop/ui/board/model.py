"""Item models of the board: one list model per column, holding plain :class:`Card` rows.

Filtering happens once in Python over all cards (cheap) and each column is reset with its share;
a single changed request moves between columns with granular remove/insert/dataChanged. Dropping a
card on a column does not move anything: the model only emits :attr:`BoardColumnModel.cardDropped`,
and the controller asks the services what the drop means.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from .texts import card_tooltip

if TYPE_CHECKING:
    from ...services.board import Card


CARD_ROLE = Qt.ItemDataRole.UserRole + 1
REQUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-protokol-request"

Index = QModelIndex | QPersistentModelIndex


class BoardColumnModel(QAbstractListModel):
    cardDropped = Signal(int, str)  # request id, this column's key
    """A card was dropped on this column; nothing has moved yet."""

    def __init__(self, key: str, title: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.key = key
        self.title = title
        self.now = datetime.now(UTC)
        self._cards: list[Card] = []

    # -- reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.nomor_surat} — {card.perihal}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(card, self.now)
        if role == CARD_ROLE:
            return card
        if role == REQUEST_ID_ROLE:
            return card.request_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def cards(self) -> list[Card]:
        return list(self._cards)

    def row_of(self, request_id: int) -> int | None:
        for row, card in enumerate(self._cards):
            if card.request_id == request_id:
                return row
        return None

    # -- writing (by the controller only)
    def set_cards(self, cards: list[Card]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def put(self, card: Card) -> None:
        """Insert or replace one card (kept in received order)."""
        row = self.row_of(card.request_id)
        if row is not None:
            self._cards[row] = card
            index = self.index(row)
            self.dataChanged.emit(index, index)
            return
        position = len(self._cards)
        for candidate, existing in enumerate(self._cards):
            if existing.received_at > card.received_at:
                position = candidate
                break
        self.beginInsertRows(QModelIndex(), position, position)
        self._cards.insert(position, card)
        self.endInsertRows()

    def take(self, request_id: int) -> None:
        row = self.row_of(request_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._cards[row]
        self.endRemoveRows()

    def tick(self, now: datetime) -> None:
        """Timers moved on: repaint every card."""
        self.now = now
        if self._cards:
            self.dataChanged.emit(self.index(0), self.index(len(self._cards) - 1), [Qt.ItemDataRole.DisplayRole])

    # -- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        ids = [str(self._cards[i.row()].request_id) for i in indexes if i.isValid()]
        mime.setData(MIME_TYPE, QByteArray(",".join(ids).encode()))
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: ANN001, N802
        return data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: ANN001, N802
        if not data.hasFormat(MIME_TYPE):
            return False
        raw = bytes(data.data(MIME_TYPE).data()).decode()
        for text in raw.split(","):
            if text.isdigit():
                self.cardDropped.emit(int(text), self.key)
        return False  # nothing moves here; the controller refreshes after the services decide
