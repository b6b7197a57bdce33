"""Paints a board card: no widget per card, only a delegate.

A card shows the service icon, nomor surat and perihal, the current step (number and text), the
step timer against its standard with a coloured state, the working days left for the service, the
event date and who holds it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate

from ...domain.indonesian import format_date_short
from ...domain.workflow import TimerState, format_elapsed
from .. import icons
from .model import CARD_ROLE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from ...services.board import Card

CARD_HEIGHT = 112
MARGIN = 5

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


def timer_text(card: Card, now: datetime) -> str:
    if card.timer is None:
        if card.status == "selesai" and card.finished_at:
            return f"Selesai {format_date_short(card.finished_at.date())}"
        if card.status == "batal":
            return "Dibatalkan"
        return "Belum dimulai"
    elapsed = format_elapsed(card.timer.elapsed_seconds(now))
    standard = card.timer.standard_minutes
    # The standard in the elapsed time's short form, so that "9 m / 15 m" fits beside the deadline.
    if card.standard_text:  # a Mutu Baku in days reads as the SOP writes it: "1 j 5 m / 2 hari"
        text = f"{elapsed} / {card.standard_text}"
    elif standard is not None:
        text = f"{elapsed} / {format_elapsed(standard * 60)}"
    else:
        text = f"{elapsed} (tanpa standar)"
    if card.timer.paused:
        text += " — dijeda"
    return text


def days_left_text(card: Card) -> str:
    if card.days_left is None:
        return ""
    if card.days_left < 0:
        return f"Lewat {-card.days_left} hari kerja"
    if card.days_left == 0:
        return "Batas hari ini"
    return f"Sisa {card.days_left} hari kerja"


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._icons: dict[tuple[str, str], QPixmap] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return QSize(max(200, option.rect.width()), CARD_HEIGHT)

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

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        card: Card | None = index.data(CARD_ROLE)
        if card is None:
            return
        now = index.model().now  # type: ignore[attr-defined]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(MARGIN, MARGIN // 2 + 1, -MARGIN, -(MARGIN // 2 + 1))
        # QStyle through its module at the first card's paint: making its Python type (~4 ms, all its
        # enums) is not needed to paint the window before the cards are read.
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        palette = option.palette
        background = palette.color(QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight).lighter(185)
            border = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(border, 1))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        colour = card_colour(card, now)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), 5, rect.height()), 2, 2)

        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlpha(170)
        left = rect.left() + 12
        width = rect.right() - left - 8
        base_font = QFont(option.font)
        bold = QFont(base_font)
        bold.setBold(True)
        small = QFont(base_font)
        small.setPointSizeF(max(7.0, base_font.pointSizeF() - 1))
        line = QFontMetrics(base_font).height()
        y = rect.top() + 6

        if icons.ready():
            painter.drawPixmap(left, y, self._icon(card.icon, colour))
        painter.setFont(bold)
        painter.setPen(text_colour)
        metrics = QFontMetrics(bold)
        badge = ""
        if card.incomplete and card.status in ("baru", "berjalan", "ditunda"):
            badge = "Belum lengkap"
        elif card.status == "ditunda":
            badge = "Ditunda"
        elif card.round > 1 and card.status in ("berjalan", "ditunda"):
            badge = f"Putaran {card.round}"
        badge_width = 0
        if badge:
            painter.setFont(small)
            small_metrics = QFontMetrics(small)
            badge_width = small_metrics.horizontalAdvance(badge) + 10
            badge_rect = QRect(rect.right() - badge_width - 6, y, badge_width, small_metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(
                QColor("#c62828") if badge == "Belum lengkap" else HOLD_COLOUR if card.status == "ditunda" else colour
            )
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
            painter.setFont(bold)
            painter.setPen(text_colour)
        title_width = width - 24 - badge_width - 6
        painter.drawText(
            QRect(left + 24, y, title_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(card.nomor_surat, Qt.TextElideMode.ElideRight, title_width),
        )
        y += line + 2
        painter.setFont(base_font)
        metrics = QFontMetrics(base_font)
        painter.drawText(
            QRect(left, y, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(card.perihal, Qt.TextElideMode.ElideRight, width),
        )
        y += line + 1
        painter.setPen(muted)
        if card.step_number is not None:
            step_line = f"Langkah {card.step_number}/{card.step_count}: {card.step_text}"
        else:
            step_line = f"{card.service} — {card.status_label}"
        painter.drawText(
            QRect(left, y, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(step_line, Qt.TextElideMode.ElideRight, width),
        )
        y += line + 3
        painter.setFont(small)
        metrics = QFontMetrics(small)
        small_line = metrics.height()
        timer = timer_text(card, now)
        timer_font = QFont(small)
        timer_font.setBold(True)
        timer_metrics = QFontMetrics(timer_font)
        days = days_left_text(card)
        days_width = metrics.horizontalAdvance(days) + 6 if days else 0
        timer_width = min(width - days_width, timer_metrics.horizontalAdvance(timer) + 6)
        painter.setPen(colour)
        painter.setFont(timer_font)
        painter.drawText(
            QRect(left, y, timer_width, small_line),
            Qt.AlignmentFlag.AlignLeft,
            timer_metrics.elidedText(timer, Qt.TextElideMode.ElideRight, timer_width),
        )
        painter.setFont(small)
        if days:
            painter.setPen(STATE_COLOURS[TimerState.OVER] if (card.days_left or 0) < 0 else muted)
            painter.drawText(
                QRect(left + timer_width, y, width - timer_width, small_line),
                Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(days, Qt.TextElideMode.ElideRight, width - timer_width),
            )
        y += small_line + 1
        painter.setPen(muted)
        parts = []
        if card.event_date:
            parts.append(f"Acara {format_date_short(card.event_date)}")
        if card.leader:
            parts.append(card.leader)
        holder = card.assigned_to or ""
        left_text = " · ".join(parts)
        holder_width = metrics.horizontalAdvance(holder) + 4 if holder else 0
        holder_width = min(holder_width, width // 2)
        painter.drawText(
            QRect(left, y, width - holder_width, small_line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(left_text, Qt.TextElideMode.ElideRight, width - holder_width - 4),
        )
        if holder:
            painter.drawText(
                QRect(rect.right() - 8 - holder_width, y, holder_width, small_line),
                Qt.AlignmentFlag.AlignRight,
                metrics.elidedText(holder, Qt.TextElideMode.ElideLeft, holder_width),
            )
        painter.restore()
