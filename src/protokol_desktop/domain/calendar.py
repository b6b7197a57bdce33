"""The working-day calendar of an Indonesian government office.

A working day is Monday to Friday, minus the national public holidays and the *cuti bersama*
(the ``holidays`` package, categories ``public`` and ``government``), minus the office's own extra
holidays, plus the office's own extra working days (a Saturday made up for a cuti bersama, say).

Deadlines follow one rule (:meth:`WorkingCalendar.service_deadline`, used by intake, the holiday
rescheduling and ``calendar add``): the count starts on the next working day after the day the letter
was received ("dihitung sejak hari kerja berikutnya"), so a request received on a working day counts
that day as day 0 and "3 hari kerja" ends at the close of the third working day after it, and one
received outside working days has the next working day as day 1. A service time frame written in
days, "1 hari" as in a Standar Pelayanan, is counted in working days the same way: a due day never
falls on a day the office is closed (Kenaikan, a cuti bersama, a Saturday).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from .durations import Duration, DurationKind, format_duration

SERVICE_DAYS_RULE = "dihitung sejak hari kerja berikutnya"
"""How a time frame in days is counted, in the words the intake form shows."""

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


@dataclass(frozen=True)
class Deadline:
    """When a service is due, and the rule that gave it, as the intake form shows it."""

    due_at: datetime  # aware UTC
    day: date  # the office-local due day
    rule: str  # "1 hari kerja, dihitung sejak hari kerja berikutnya"


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

    def due_day(self, start: date, days: int) -> date:
        """The due day of a time frame of ``days`` days starting from the office-local day ``start``
        (the rule of the module: counted from the next working day; always a working day)."""
        return self.add_working_days(start, days)

    def service_deadline(self, received: datetime, frame: Duration, zone: tzinfo) -> Deadline | None:
        """When a service with jangka waktu ``frame`` received at ``received`` is due.

        A frame in days ("1 hari", "3 Hari kerja") ends at :data:`OFFICE_CLOSE` of the working day
        :meth:`due_day` gives; a clock frame ("4 Jam") is simply added. ``None`` without a standard.
        """
        local = received.astimezone(zone)
        if frame.kind is DurationKind.MINUTES:
            due = (received + timedelta(minutes=float(frame.amount))).astimezone(UTC)
            return Deadline(due, due.astimezone(zone).date(), f"{format_duration(frame)} sejak diterima")
        if frame.kind not in (DurationKind.WORKING_DAYS, DurationKind.DAYS):
            return None
        days = _ceil(frame.amount)
        due_day = self.due_day(local.date(), days)
        due = datetime.combine(due_day, OFFICE_CLOSE, tzinfo=zone).astimezone(UTC)
        return Deadline(due, due_day, f"{days} hari kerja, {SERVICE_DAYS_RULE}")

    def step_limit_minutes(self, started: datetime, standard: Duration, zone: tzinfo) -> int | None:
        """The time a step may take, in minutes of its timer, from its Mutu Baku and its start.

        Clock standards are their minutes; "2 hari" is calendar days, 2 x 24 hours from the start;
        "1 hari kerja" runs to the office close of the working day :meth:`due_day` gives (the same rule
        as a service deadline), so a step started on Friday has until Monday 16.00. ``None`` without
        a standard. Pauses lengthen the time as they do for clock standards.
        """
        if standard.kind is DurationKind.MINUTES:
            return standard.minutes
        if standard.kind is DurationKind.DAYS:
            return round(standard.amount * 24 * 60)
        if standard.kind is DurationKind.WORKING_DAYS:
            local = started.astimezone(zone)
            due_day = self.due_day(local.date(), _ceil(standard.amount))
            due = datetime.combine(due_day, OFFICE_CLOSE, tzinfo=zone)
            return max(0, round((due - local).total_seconds() / 60))
        return None

    def deadline(self, received: datetime, frame: Duration, zone: tzinfo) -> datetime | None:
        """The due time (aware UTC) of :meth:`service_deadline`."""
        found = self.service_deadline(received, frame, zone)
        return None if found is None else found.due_at

    def working_days_left(self, now: datetime, due: datetime, zone: tzinfo) -> int:
        """Working days from today to the due day (0 on the due day, negative when late)."""
        today = now.astimezone(zone).date()
        due_day = due.astimezone(zone).date()
        if due_day >= today:
            return self.working_days_between(today, due_day)
        return -self.working_days_between(due_day, today)


def _ceil(value: Fraction) -> int:
    return -((-value.numerator) // value.denominator)
