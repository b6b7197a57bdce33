"""Field validation shared by the services: Indonesian phone numbers, lengths, text cleaning."""

from __future__ import annotations

import re
from datetime import date

_PHONE_CHARS = re.compile(r"[\s\-.()/]")
_PHONE = re.compile(r"^(?:\+62|62|0)([1-9]\d{6,11})$")


class ValidationError(ValueError):
    """A field value the office would not accept; the message names the field, in Indonesian."""


def normalise_phone(text: str) -> str:
    """``"(0334) 881009"`` -> ``"0334881009"``, ``"+62 812-3456-7890"`` -> ``"+6281234567890"``.

    Raises :class:`ValidationError` for anything that is not an Indonesian number.
    """
    raw = text.strip()
    compact = _PHONE_CHARS.sub("", raw)
    balanced = raw.count("(") == raw.count(")") <= 1 and raw.find("(") <= raw.find(")")
    if not balanced or not _PHONE.match(compact):
        raise ValidationError(
            f'Nomor telepon "{text}" tidak sah. Contoh yang benar: 0812 3456 7890, +62 812 3456 7890, (0334) 881009.'
        )
    if compact.startswith("62"):
        compact = "+" + compact
    return compact


def clean_text(value: str | None, field: str, *, required: bool = False, max_length: int = 500) -> str:
    """Trim; refuse blank required fields and over-long text (any Unicode is kept as it is)."""
    text = (value or "").strip()
    if "\x00" in text:
        raise ValidationError(f"{field} berisi karakter yang tidak sah")
    if required and not text:
        raise ValidationError(f"{field} wajib diisi")
    if len(text) > max_length:
        count, limit = (f"{n:,}".replace(",", ".") for n in (len(text), max_length))
        raise ValidationError(f"{field} terlalu panjang ({count} karakter; maksimal {limit})")
    return text


# How far from today a date may lie before the form asks whether it is right. An event is planned
# at most a year ahead and registered at most a month after it; a letter is received today or
# earlier, at most a year back, and dated at most a year before it is received (a letter dated
# after it was received is refused by the service, not asked about). Outside these a typing slip
# (2099, 2062) is more likely than a real date, so the user is asked once; "Ya" keeps it.
EVENT_AHEAD_DAYS, EVENT_BEHIND_DAYS = 366, 31
RECEIVED_AHEAD_DAYS, RECEIVED_BEHIND_DAYS = 0, 366
LETTER_BEHIND_DAYS = 366


def _distance(days: int) -> str:
    count = abs(days)
    if count >= 365:
        amount = f"{count // 365} tahun"
    elif count >= 30:
        amount = f"{count // 30} bulan"
    else:
        amount = f"{count} hari"
    return f"{amount} lagi" if days > 0 else f"{amount} yang lalu"


def far_date_question(label: str, day: date, today: date, *, ahead_days: int, behind_days: int) -> str | None:
    """``"Tanggal acara Kamis, 1 Januari 2099 benar? Tanggal itu 72 tahun lagi."`` when ``day`` lies
    more than ``ahead_days`` after or ``behind_days`` before ``today``; ``None`` when it is near."""
    from .indonesian import format_date_long

    offset = (day - today).days
    if -behind_days <= offset <= ahead_days:
        return None
    return f"{label} {format_date_long(day)} benar? Tanggal itu {_distance(offset)}."
