"""Indonesian durations as the SOP documents write them.

The Mutu Baku column says "5 menit", "120 Menit", "4 Jam", "3 Jam 40 Menit", "1,5 jam", "1 hari",
"3 Hari kerja" or "tentatif". A :class:`Duration` keeps which unit family it belongs to (clock minutes,
calendar days or working days, or no standard at all) because adding "1 hari" to a Friday is not the
same as adding "1 hari kerja". Unknown text raises :class:`DurationError` quoting the text; it never
becomes a silent zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class DurationKind(StrEnum):
    MINUTES = "menit"  # clock time: menit and jam
    DAYS = "hari"  # calendar days
    WORKING_DAYS = "hari_kerja"  # Monday-Friday minus holidays and cuti bersama
    TENTATIVE = "tentatif"  # the document says "tentatif": no standard
    NONE = "kosong"  # the document leaves the cell empty: no standard


class DurationError(ValueError):
    """Text that is not a duration the documents use."""


@dataclass(frozen=True)
class Duration:
    kind: DurationKind
    amount: Fraction = Fraction(0)  # minutes for MINUTES, days for DAYS / WORKING_DAYS

    @property
    def has_standard(self) -> bool:
        return self.kind not in (DurationKind.TENTATIVE, DurationKind.NONE)

    @property
    def minutes(self) -> int | None:
        """Whole minutes of a clock duration, ``None`` for days or no standard."""
        if self.kind is not DurationKind.MINUTES:
            return None
        return round(self.amount)

    @property
    def days(self) -> Fraction | None:
        if self.kind in (DurationKind.DAYS, DurationKind.WORKING_DAYS):
            return self.amount
        return None

    @classmethod
    def of_minutes(cls, minutes: int | Fraction) -> Duration:
        return cls(DurationKind.MINUTES, Fraction(minutes))

    def __add__(self, other: object) -> Duration:
        if not isinstance(other, Duration):
            return NotImplemented
        if not other.has_standard:
            return self
        if not self.has_standard:
            return other
        if self.kind is not other.kind:
            raise DurationError(f"Tidak dapat menjumlahkan {format_duration(self)} dan {format_duration(other)}")
        return Duration(self.kind, self.amount + other.amount)

    def __str__(self) -> str:
        return format_duration(self)


_NUMBER = r"(\d+(?:[.,]\d+)?|\d+/\d+)"
_PART = re.compile(rf"{_NUMBER}\s*(menit|mnt|jam|hari\s+kerja|hari)\b", re.IGNORECASE)
_WORDS_TENTATIVE = {"tentatif", "tentative", "menyesuaikan", "situasional"}
_EMPTY = {"", "-", "–"}


def _number(text: str) -> Fraction:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):  # "1.000": Indonesian thousands separator
        return Fraction(int(text.replace(".", "")))
    if "/" in text:
        num, den = text.split("/")
        return Fraction(int(num), int(den))
    return Fraction(text.replace(",", "."))


def parse_duration(text: str | None) -> Duration:
    """Parse a Waktu cell. Raises :class:`DurationError` for text it does not understand."""
    raw = "" if text is None else str(text)
    cleaned = " ".join(raw.split()).strip().rstrip(".")
    if cleaned.lower() in _EMPTY:
        return Duration(DurationKind.NONE)
    if cleaned.lower() in _WORDS_TENTATIVE:
        return Duration(DurationKind.TENTATIVE)
    position = 0
    minutes = Fraction(0)
    days = Fraction(0)
    day_kind: DurationKind | None = None
    seen_minutes = False
    for match in _PART.finditer(cleaned):
        if cleaned[position : match.start()].strip() not in ("", "dan", "+"):
            break
        try:
            value = _number(match.group(1))
        except ZeroDivisionError as exc:
            raise DurationError(f'Waktu tidak dikenali: "{raw}" (pembagian dengan nol)') from exc
        unit = " ".join(match.group(2).lower().split())
        if unit in ("menit", "mnt"):
            minutes += value
            seen_minutes = True
        elif unit == "jam":
            minutes += value * 60
            seen_minutes = True
        else:
            kind = DurationKind.WORKING_DAYS if unit == "hari kerja" else DurationKind.DAYS
            if day_kind is not None and day_kind is not kind:
                raise DurationError(f'Waktu tidak dikenali: "{raw}" (hari dan hari kerja bercampur)')
            day_kind = kind
            days += value
        position = match.end()
    if position == 0 or cleaned[position:].strip():
        raise DurationError(
            f'Waktu tidak dikenali: "{raw}". Tulis misalnya "5 menit", "1 jam", '
            '"3 Jam 40 Menit", "1 hari", "3 Hari kerja" atau "tentatif".'
        )
    if day_kind is not None and seen_minutes:
        raise DurationError(f'Waktu tidak dikenali: "{raw}" (hari dan jam bercampur)')
    if day_kind is not None:
        return Duration(day_kind, days)
    return Duration(DurationKind.MINUTES, minutes)


def _format_number(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_minutes(minutes: int | Fraction) -> str:
    """``220`` -> ``"3 Jam 40 Menit"``; ``45`` -> ``"45 Menit"``; ``120`` -> ``"2 Jam"``."""
    total = round(Fraction(minutes))
    hours, rest = divmod(total, 60)
    if hours and rest:
        return f"{hours} Jam {rest} Menit"
    if hours:
        return f"{hours} Jam"
    return f"{rest} Menit"


def format_duration(duration: Duration) -> str:
    """Print a duration back in the documents' style (capitalised units as in the total rows)."""
    if duration.kind is DurationKind.TENTATIVE:
        return "Tentatif"
    if duration.kind is DurationKind.NONE:
        return "-"
    if duration.kind is DurationKind.MINUTES:
        return format_minutes(duration.amount)
    unit = "Hari kerja" if duration.kind is DurationKind.WORKING_DAYS else "Hari"
    return f"{_format_number(duration.amount)} {unit}"


def total_minutes(durations: list[Duration]) -> tuple[int, int]:
    """Sum of the clock durations, and how many had no standard (tentatif or empty).

    Standards in days ("2 hari", "1 hari kerja") are not minutes: they are left out here and summed
    apart by :func:`sum_standards`.
    """
    total = sum_standards(durations)
    return total.minutes, total.without


@dataclass(frozen=True)
class StandardTotal:
    """The Jumlah of a column of step standards, each unit family apart: clock minutes, calendar days
    and working days do not add up into one another."""

    minutes: int = 0
    days: Fraction = Fraction(0)
    working_days: Fraction = Fraction(0)
    without: int = 0  # steps without a standard (tentatif or empty)
    timed_in_days: int = 0  # steps whose standard is in days or working days

    @property
    def text(self) -> str:
        """``"3 Jam 40 Menit + 2 Hari"``; ``"2 Hari"`` when every timed step is in days."""
        parts = []
        if self.minutes or not (self.days or self.working_days):
            parts.append(format_minutes(self.minutes))
        if self.days:
            parts.append(format_duration(Duration(DurationKind.DAYS, self.days)))
        if self.working_days:
            parts.append(format_duration(Duration(DurationKind.WORKING_DAYS, self.working_days)))
        return " + ".join(parts)

    @property
    def note(self) -> str:
        """The Jumlah row's remark: ``"(2 langkah dalam hari dijumlah terpisah; + 1 langkah tentatif/tanpa
        waktu)"``, or ``""``. The SOP workbook and the SOP PDF print the same one."""
        notes = []
        if self.timed_in_days:
            notes.append(f"{self.timed_in_days} langkah dalam hari dijumlah terpisah")
        if self.without:
            notes.append(f"+ {self.without} langkah tentatif/tanpa waktu")
        return f"({'; '.join(notes)})" if notes else ""


def sum_standards(durations: list[Duration]) -> StandardTotal:
    minutes = Fraction(0)
    days = Fraction(0)
    working = Fraction(0)
    without = 0
    in_days = 0
    for duration in durations:
        if not duration.has_standard:
            without += 1
        elif duration.kind is DurationKind.MINUTES:
            minutes += duration.amount
        elif duration.kind is DurationKind.DAYS:
            days += duration.amount
            in_days += 1
        else:
            working += duration.amount
            in_days += 1
    return StandardTotal(round(minutes), days, working, without, in_days)
