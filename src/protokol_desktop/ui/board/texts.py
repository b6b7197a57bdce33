"""What a board card says, as plain text: the delegate draws these, the model's tooltip joins them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...domain.indonesian import format_date_short
from ...domain.workflow import format_elapsed

if TYPE_CHECKING:
    from ...services.board import Card

TRAINING_TAG = "Latihan"


def timer_text(card: Card, now: datetime) -> str:
    if card.timer is None:
        if card.status == "selesai" and card.finished_day:
            return f"Selesai {format_date_short(card.finished_day)}"
        if card.status == "batal":
            return "Dibatalkan"
        return "Belum dimulai"
    elapsed = format_elapsed(card.timer.elapsed_seconds(now))
    standard = card.timer.standard_minutes
    # The standard in the elapsed time's short form, so that "9 m / 15 m" stays short.
    if card.standard_text:  # a Mutu Baku in days reads as the SOP writes it: "1 j 5 m / 2 hari"
        text = f"{elapsed} / {card.standard_text}"
    elif standard is not None:
        text = f"{elapsed} / {format_elapsed(standard * 60)}"
    else:
        text = f"{elapsed} (tanpa standar)"
    if card.timer.paused:
        text += " — dijeda"
    return text


def days_left_text(card: Card, short: bool = False) -> str:
    """The service deadline in working days; ``short`` writes "HK" (hari kerja) for compact cards."""
    if card.days_left is None:
        return ""
    unit = "HK" if short else "hari kerja"
    if card.days_left < 0:
        return f"Lewat {-card.days_left} {unit}"
    if card.days_left == 0:
        return "Batas hari ini"
    return f"Sisa {card.days_left} {unit}"


def badge_text(card: Card) -> str:
    if card.incomplete and card.status in ("baru", "berjalan", "ditunda"):
        return "Belum lengkap"
    if card.status == "ditunda":
        return "Ditunda"
    if card.round > 1 and card.status in ("berjalan", "ditunda"):
        return f"Putaran {card.round}"
    if card.training:  # training data made by `demo`: never mistaken for a real letter
        return TRAINING_TAG
    return ""


def step_line(card: Card) -> str:
    if card.step_number is not None:
        return f"Langkah {card.step_number}/{card.step_count}: {card.step_text}"
    return f"{card.service} — {card.status_label}"


def event_line(card: Card) -> str:
    parts = []
    if card.event_date:
        parts.append(f"Acara {format_date_short(card.event_date)}")
    if card.leader:
        parts.append(card.leader)
    return " · ".join(parts)


def card_tooltip(card: Card, now: datetime) -> str:
    """Everything a card shows, whole, the step's timer included: the board's tooltip."""
    lines = [card.service, card.nomor_surat, card.perihal, f"Pengirim: {card.pengirim}"]
    if card.step_number is not None:
        lines.append(f"Langkah {card.step_number}/{card.step_count}: {card.step_text}")
    lines.append(f"Waktu langkah: {timer_text(card, now)}")
    days = days_left_text(card)
    if days:
        lines.append(f"Jangka waktu layanan: {days}")
    badge = badge_text(card)
    if badge:
        lines.append(badge)
    event = event_line(card)
    if event:
        lines.append(event)
    if card.assigned_to:
        lines.append(f"Dipegang: {card.assigned_to}")
    if card.training:
        lines.append("Data latihan (dibuat oleh perintah demo), bukan surat sungguhan")
    return "\n".join(lines)
