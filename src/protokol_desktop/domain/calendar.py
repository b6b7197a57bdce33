"""The working-day calendar of an Indonesian government office.

A working day is Monday to Friday, minus the national public holidays and the *cuti bersama*
(the ``holidays`` package, categories ``public`` and ``government``), minus the office's own extra
holidays, plus the office's own extra working days (a Saturday made up for a cuti bersama, say).

Deadlines in working days follow the office habit: a request received on a working day counts that
day as day 0, and "3 hari kerja" ends at the close of the third working day after it; a request
received outside working days starts counting from the next working day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from .durations import Duration, DurationKind

OFFICE_CLOSE = time(16, 0)  # end of the working day in regional offices (jam kerja 07.30-16.00)

_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
_IANA = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def office_zone(name: str) -> tzinfo:
    """``"WIT"`` -> UTC+9. Uses the IANA zone when tzdata is there, a fixed offset otherwise."""
    key = name.upper()
    if key not in _ZONES:
        raise ValueError(f"Zona waktu tidak dikenal: {name!r} (gunakan WIB, WITA atau WIT)")
    try:
        return ZoneInfo(_IANA[key])
    except Exception:  # no tz database on this machine (Windows without tzdata)
        return timezone(timedelta(hours=_ZONES[key]), key)


def national_holidays(years: Iterable[int]) -> dict[date, str]:
    """Indonesian public holidays and cuti bersama of ``years``, with their Indonesian names."""
    import holidays as holidays_lib  # ~50 ms to import: only when a year is not cached

    found = holidays_lib.country_holidays(
        "ID", categories=("public", "government"), language="id", years=sorted(set(years))
    )
    return {day: str(name) for day, name in found.items()}


def holidays_version() -> str:
    """Identifies the installed holidays data without importing it (a cache key)."""
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return "?"
    origin = Path(spec.origin)
    return f"{origin.parent}:{origin.stat().st_mtime_ns}" if origin.exists() else str(origin)


@dataclass
class WorkingCalendar:
    extra_holidays: dict[date, str] = field(default_factory=dict)
    extra_working_days: set[date] = field(default_factory=set)
    # Precomputed national holidays for some years (a cache kept by the caller); other years are
    # computed by the holidays package on first use.
    known_national: dict[date, str] = field(default_factory=dict)
    known_years: frozenset[int] = frozenset()

    @cached_property
    def _national(self) -> Mapping[date, str]:
        import holidays as holidays_lib

        return holidays_lib.country_holidays("ID", categories=("public", "government"), language="id")

    def holiday_name(self, day: date) -> str | None:
        if day in self.extra_holidays:
            return self.extra_holidays[day]
        if day.year in self.known_years:
            return self.known_national.get(day)
        name = self._national.get(day)
        return str(name) if name else None

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        if day.weekday() >= 5:
            return False
        return self.holiday_name(day) is None

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, count: int) -> date:
        """The working day ``count`` working days after ``start``.

        ``start`` itself counts as day 0 when it is a working day; otherwise counting starts on the
        next working day (which is then day 1).
        """
        if count < 0:
            raise ValueError("Jumlah hari kerja tidak boleh negatif")
        day = start
        if not self.is_working_day(day):
            day = self.next_working_day(day)
            count -= 1
            if count < 0:
                return day
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def holidays_in(self, years: Iterable[int]) -> list[tuple[date, str]]:
        years = set(years)
        result: dict[date, str] = {}
        for year in years:
            if year in self.known_years:
                result.update((d, n) for d, n in self.known_national.items() if d.year == year)
            else:
                result.update(national_holidays([year]))
        for day, name in self.extra_holidays.items():
            if day.year in years:
                result[day] = name
        return sorted(result.items())

    def deadline(self, received: datetime, frame: Duration, zone: tzinfo) -> datetime | None:
        """When a service with jangka waktu ``frame`` received at ``received`` is due (aware UTC).

        Working days end at :data:`OFFICE_CLOSE` of the last day; calendar days too ("1 hari":
        by the close of the next day); clock frames are simply added. ``None`` without a standard.
        """
        local = received.astimezone(zone)
        if frame.kind is DurationKind.MINUTES:
            return (received + timedelta(minutes=float(frame.amount))).astimezone(UTC)
        if frame.kind is DurationKind.WORKING_DAYS:
            due_day = self.add_working_days(local.date(), _ceil(frame.amount))
        elif frame.kind is DurationKind.DAYS:
            due_day = local.date() + timedelta(days=_ceil(frame.amount))
        else:
            return None
        return datetime.combine(due_day, OFFICE_CLOSE, tzinfo=zone).astimezone(UTC)

    def working_days_left(self, now: datetime, due: datetime, zone: tzinfo) -> int:
        """Working days from today to the due day (0 on the due day, negative when late)."""
        today = now.astimezone(zone).date()
        due_day = due.astimezone(zone).date()
        if due_day >= today:
            return self.working_days_between(today, due_day)
        return -self.working_days_between(due_day, today)


def _ceil(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)
