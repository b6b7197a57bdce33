"""Paints a board card: no widget per card, only a delegate.

A card shows the service icon, nomor surat and perihal, the current step (number and text), the
step timer against its standard with a coloured state, the working days left for the service, the
event date and who holds it. Each key fact has a line of its own, so none is cut to make room for
another (a badge goes beside the letter number only when both fit whole). The compact mode shows the
letter number, the perihal and the timer with the days left, for boards of many columns.

:func:`card_pieces` lays a card out as plain rectangles and texts and :meth:`CardDelegate.paint`
only draws them, so a test measures exactly what a card shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate

from ...domain.workflow import TimerState
from .. import icons
from .model import CARD_ROLE
from .texts import TRAINING_TAG, badge_text, days_left_text, event_line, step_line, timer_text

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtWidgets import QStyleOptionViewItem

    from ...services.board import Card

CARD_HEIGHT = 142  # the normal card at the default font; the real height follows the font
MARGIN = 5
MIN_CARD_WIDTH = 100

STATE_COLOURS = {
    TimerState.ON_TIME: QColor("#2e7d32"),
    TimerState.NEAR: QColor("#ef8f00"),
    TimerState.OVER: QColor("#c62828"),
    TimerState.NO_STANDARD: QColor("#607d8b"),
}
HOLD_COLOUR = QColor("#6a1b9a")
DONE_COLOUR = QColor("#1565c0")
CANCEL_COLOUR = QColor("#757575")
NEW_COLOUR = QColor("#00838f")
INCOMPLETE_COLOUR = QColor("#c62828")
TRAINING_COLOUR = QColor("#5d4037")  # the mode latihan banner's brown


def card_colour(card: Card, now: datetime) -> QColor:
    if card.status == "ditunda":
        return HOLD_COLOUR
    if card.status == "selesai":
        return DONE_COLOUR
    if card.status == "batal":
        return CANCEL_COLOUR
    state = card.timer_state(now)
    if state is None:
        return NEW_COLOUR
    return STATE_COLOURS[state]


# -- layout: what a card shows and where, as plain rectangles


@dataclass(frozen=True)
class Piece:
    """One text on a card: ``key`` names the fact, ``text`` is what is drawn (elided when it had to
    be), ``full`` what it says whole, ``tone`` its colour (text, muted, state, late, badge)."""

    key: str
    rect: QRect
    text: str
    full: str
    font: QFont
    tone: str
    align: Qt.AlignmentFlag


@dataclass(frozen=True)
class CardFonts:
    """The four fonts of a card and their metrics, made once per view font (not per card painted)."""

    base: QFont
    bold: QFont
    small: QFont
    small_bold: QFont
    metrics: tuple[QFontMetrics, QFontMetrics, QFontMetrics, QFontMetrics]

    @classmethod
    def of(cls, font: QFont) -> CardFonts:
        key = font.key()
        made = _FONTS.get(key)
        if made is None:
            base = QFont(font)
            bold = QFont(base)
            bold.setBold(True)
            small = QFont(base)
            small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
            small_bold = QFont(small)
            small_bold.setBold(True)
            fonts = (base, bold, small, small_bold)
            made = _FONTS[key] = cls(*fonts, tuple(QFontMetrics(f) for f in fonts))  # type: ignore[arg-type]
        return made

    def metrics_of(self, font: QFont) -> QFontMetrics:
        for candidate, metrics in zip((self.base, self.bold, self.small, self.small_bold), self.metrics, strict=True):
            if candidate is font:
                return metrics
        return QFontMetrics(font)


_FONTS: dict[str, CardFonts] = {}


LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
VCENTER = Qt.AlignmentFlag.AlignVCenter
ICON_SPACE = 24
ICON_SIZE = 18
TEXT_LINES = 4  # the letter number (one or two lines) and the perihal share four lines of the base font
COMPACT_TEXT_LINES = 3
GAP = 8


def card_height(font: QFont, compact: bool) -> int:
    """The height of every card at ``font`` (the lists use uniform item sizes)."""
    fonts = CardFonts.of(font)
    line = fonts.metrics[0].height()
    small = fonts.metrics[2].height()
    if compact:
        return 2 * (MARGIN // 2 + 1) + 10 + COMPACT_TEXT_LINES * line + small + 4
    return 2 * (MARGIN // 2 + 1) + 14 + (TEXT_LINES + 1) * line + 3 * small + 10


def wrap_text(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of ``width``; the last one elided."""
    words = text.split()
    result: list[str] = []
    while words and len(result) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if metrics.horizontalAdvance(line) > width:  # one word wider than the line: elided below
            words.insert(0, line)
            break
        result.append(line)
    if words:
        result.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return result or [""]


def wrap_number(text: str, metrics: QFontMetrics, width: int, lines: int) -> list[str]:
    """A letter number ("005/123/Disdikbud/2026") broken after its slashes into at most ``lines``."""
    parts = re.findall(r"[^/]*/|[^/]+$", text) or [text]
    result: list[str] = []
    while parts and len(result) < lines - 1:
        line = parts.pop(0)
        while parts and metrics.horizontalAdvance(line + parts[0]) <= width:
            line += parts.pop(0)
        result.append(line)
    if parts:
        result.append(metrics.elidedText("".join(parts), Qt.TextElideMode.ElideRight, width))
    return result


def card_pieces(card: Card, now: datetime, rect: QRect, font: QFont, compact: bool = False) -> list[Piece]:
    """Where each fact of ``card`` goes inside the card's ``rect`` (its rounded frame)."""
    fonts = CardFonts.of(font)
    base, bold, small, small_bold = fonts.metrics
    line, small_line = base.height(), small.height()
    left = rect.left() + 10  # past the coloured strip
    right = rect.right() - 6
    width = right - left + 1
    pieces: list[Piece] = []

    def put(
        key: str, x: int, y: int, w: int, h: int, full: str, font: QFont, tone: str,
        align: Qt.AlignmentFlag = LEFT, elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:  # fmt: skip
        w = max(0, w)
        text = fonts.metrics_of(font).elidedText(full, elide, w)
        pieces.append(Piece(key, QRect(x, y, w, h), text, full, font, tone, align | VCENTER))

    y = rect.top() + (4 if compact else 6)
    badge = badge_text(card)
    badge_width = small.horizontalAdvance(badge) + 10 if badge else 0
    number_width = bold.horizontalAdvance(card.nomor_surat) + 2
    # The service icon only where the whole letter number fits beside it; a number too long for the
    # line breaks after a slash onto a second line (taken from the perihal), never cut.
    icon = not compact and number_width <= right - (left + ICON_SPACE) + 1
    text_left = left + ICON_SPACE if icon else left
    top_width = right - text_left + 1
    badge_on_top = bool(badge) and number_width + GAP + badge_width <= top_width
    if icon:
        put("icon", left, y, ICON_SIZE, ICON_SIZE, "", fonts.small, "icon")
    if badge_on_top:
        put("badge", right - badge_width + 1, y + (line - small_line - 2) // 2, badge_width, small_line + 2,
            badge, fonts.small, "badge", Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
        numbers = [card.nomor_surat]
        number_room = top_width - badge_width - GAP
    else:
        numbers = [card.nomor_surat] if number_width <= top_width else wrap_number(card.nomor_surat, bold, top_width, 2)
        number_room = top_width
    for number, text in enumerate(numbers):
        put("nomor" if number == 0 else "nomor2", text_left, y + number * line, number_room, line, text,
            fonts.bold, "text")  # fmt: skip
    y += len(numbers) * line + 2
    subject_lines = (COMPACT_TEXT_LINES if compact else TEXT_LINES) - len(numbers)

    timer = timer_text(card, now)
    late = (card.days_left or 0) < 0
    for number, text in enumerate(wrap_text(card.perihal, base, width, subject_lines)):
        put(f"perihal{number + 1}", left, y + number * line, width, line, text, fonts.base, "text")
    y += subject_lines * line + 1
    if compact:
        y += 1
        days = days_left_text(card, short=True)
        days_width = small.horizontalAdvance(days) + 2 if days else 0
        timer_width = small_bold.horizontalAdvance(timer) + 2
        if days and timer_width + GAP + days_width <= width:
            put("timer", left, y, timer_width, small_line, timer, fonts.small_bold, "state")
            put("deadline", right - days_width + 1, y, days_width, small_line, days, fonts.small,
                "late" if late else "muted", RIGHT)  # fmt: skip
        elif days and late:  # late for the whole service: that is the news on a narrow card
            put("deadline", left, y, width, small_line, days, fonts.small, "late")
        else:
            put("timer", left, y, width, small_line, timer, fonts.small_bold, "state")
        return pieces

    put("step", left, y, width, line, step_line(card), fonts.base, "muted")
    y += line + 3
    put("timer", left, y, width, small_line, timer, fonts.small_bold, "state")
    y += small_line + 2

    days = days_left_text(card)
    days_width = min(width, small.horizontalAdvance(days) + 2) if days else 0
    holder = card.assigned_to or ""
    badge_pending = bool(badge) and not badge_on_top
    if days:
        put("deadline", left, y, days_width, small_line, days, fonts.small, "late" if late else "muted")
    room = width - (days_width + GAP if days else 0)
    if badge_pending and badge_width <= room:
        put("badge", right - badge_width + 1, y, badge_width, small_line + 1, badge, fonts.small, "badge",
            Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
        badge_pending = False
    elif holder and room > 0:
        put("holder", right - room + 1, y, room, small_line, holder, fonts.small, "muted", RIGHT,
            Qt.TextElideMode.ElideLeft)  # fmt: skip
        holder = ""
    y += small_line + 2

    # The last line: the event date and leader, beside whatever did not find room above.
    event = event_line(card)
    beside = 0
    if badge_pending:
        beside = min(badge_width, width)
        put("badge", right - beside + 1, y, beside, small_line + 1, badge, fonts.small, "badge",
            Qt.AlignmentFlag.AlignHCenter)  # fmt: skip
    elif holder:
        beside = min(small.horizontalAdvance(holder) + 2, width // 2)
        put("holder", right - beside + 1, y, beside, small_line, holder, fonts.small, "muted", RIGHT,
            Qt.TextElideMode.ElideLeft)  # fmt: skip
    if event:
        put("event", left, y, width - (beside + GAP if beside else 0), small_line, event, fonts.small, "muted")
    return pieces


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._icons: dict[tuple[str, str], QPixmap] = {}
        self.compact = False

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        # The narrowest card: the list stretches every card to its viewport's width. (Asking for the
        # option's width kept the cards as wide as the column once was after the window shrank.)
        return QSize(MIN_CARD_WIDTH, card_height(option.font, self.compact))

    def _icon(self, name: str, colour: QColor) -> QPixmap:
        key = (name, colour.name())
        pixmap = self._icons.get(key)
        if pixmap is None:
            try:
                pixmap = icons.icon(name, color=colour).pixmap(QSize(18, 18))
            except Exception:  # an unknown icon name in an imported SOP must not break the board
                pixmap = icons.icon("fa5s.file-alt", color=colour).pixmap(QSize(18, 18))
            self._icons[key] = pixmap
        return pixmap

    @staticmethod
    def card_rect(option: QStyleOptionViewItem) -> QRect:
        return option.rect.adjusted(MARGIN, MARGIN // 2 + 1, -MARGIN, -(MARGIN // 2 + 1))

    def pieces(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> list[Piece]:
        """The card's layout at this option's rectangle and font: what :meth:`paint` draws."""
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return []
        now = index.model().now  # type: ignore[attr-defined]
        return card_pieces(card, now, self.card_rect(option), option.font, self.compact)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return
        now = index.model().now  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.card_rect(option)
        # QStyle through its module at the first card's paint: making its Python type (~4 ms, all its
        # enums) is not needed to paint the window before the cards are read.
        flags = QtWidgets.QStyle.StateFlag
        selected = bool(option.state & flags.State_Selected)
        focused = bool(option.state & flags.State_HasFocus)
        palette = option.palette
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight).lighter(185)
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(border, 1))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        if focused:  # the keyboard's place: a thicker frame in the highlight colour
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight).darker(115), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 5, 5)
        colour = card_colour(card, now)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)

        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlpha(170)
        tones = {"text": text_colour, "muted": muted, "state": colour, "late": STATE_COLOURS[TimerState.OVER]}
        for piece in card_pieces(card, now, rect, option.font, self.compact):
            if piece.tone == "icon":
                if icons.ready():
                    painter.drawPixmap(piece.rect.topLeft(), self._icon(card.icon, colour))
                continue
            painter.setFont(piece.font)
            if piece.tone == "badge":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(
                    INCOMPLETE_COLOUR if piece.full == "Belum lengkap"
                    else TRAINING_COLOUR if piece.full == TRAINING_TAG
                    else HOLD_COLOUR if card.status == "ditunda" else colour
                )  # fmt: skip
                painter.drawRoundedRect(piece.rect, 4, 4)
                painter.setPen(QColor("white"))
            else:
                painter.setPen(tones[piece.tone])
            painter.drawText(piece.rect, piece.align, piece.text)
        painter.restore()
