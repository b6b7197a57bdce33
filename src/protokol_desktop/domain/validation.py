"""Field validation shared by the services: Indonesian phone numbers, lengths, text cleaning."""

from __future__ import annotations

import re

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
