"""The working-day calendar against the 2025-2027 Indonesian holidays and cuti bersama.

The dates below come from ``holidays.country_holidays("ID", categories=("public", "government"))``;
every expected day was counted by hand with the calendar's day-0 convention (a request received on a
working day counts that day as day 0; one received outside working days makes the next working day
day 1).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from protokol_desktop.domain import calendar as calendar_module
from protokol_desktop.domain.calendar import WorkingCalendar, office_zone
from protokol_desktop.domain.durations import parse_duration


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def cal() -> WorkingCalendar:
    return WorkingCalendar()


# ---------------------------------------------------------------------------------------------
# Working days


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 21),  # Saturday
        date(2026, 11, 22),  # Sunday
        date(2025, 3, 28),  # cuti bersama Hari Suci Nyepi (Friday)
        date(2025, 4, 2),  # cuti bersama Idul Fitri
        date(2025, 4, 7),  # cuti bersama Idul Fitri (Monday after the long break)
        date(2025, 12, 26),  # cuti bersama Natal
        date(2026, 3, 23),  # cuti bersama Idul Fitri
        date(2026, 5, 14),  # Kenaikan Yesus Kristus
        date(2026, 5, 15),  # cuti bersama Kenaikan
        date(2026, 6, 1),  # Hari Lahir Pancasila
        date(2026, 8, 17),  # Hari Kemerdekaan
        date(2026, 12, 24),  # cuti bersama Natal
        date(2026, 12, 25),  # Natal
        date(2027, 1, 1),  # Tahun Baru Masehi
        date(2027, 3, 10),  # Idul Fitri (perkiraan)
        date(2027, 12, 24),  # cuti bersama Natal
    ],
)
def test_not_working_days(cal, day):
    assert not cal.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 23),  # Monday
        date(2025, 3, 27),  # Thursday before the Nyepi / Idul Fitri break
        date(2025, 4, 8),  # first working day after it
        date(2025, 12, 31),
        date(2026, 3, 17),
        date(2026, 3, 25),
        date(2026, 5, 13),
        date(2026, 12, 23),
        date(2027, 1, 4),
    ],
)
def test_working_days(cal, day):
    assert cal.is_working_day(day)


def test_holiday_names(cal):
    assert "Cuti Bersama" in (cal.holiday_name(date(2025, 4, 2)) or "")
    assert "Natal" in (cal.holiday_name(date(2026, 12, 24)) or "")
    assert cal.holiday_name(date(2026, 11, 23)) is None
    assert cal.holiday_name(date(2026, 11, 21)) is None  # a plain weekend has no name


def test_next_working_day_is_strictly_after(cal):
    assert cal.next_working_day(date(2026, 11, 23)) == date(2026, 11, 24)
    assert cal.next_working_day(date(2026, 11, 20)) == date(2026, 11, 23)  # Friday -> Monday
    assert cal.next_working_day(date(2025, 3, 27)) == date(2025, 4, 8)  # over Nyepi and Idul Fitri


# ---------------------------------------------------------------------------------------------
# Adding working days


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        # Wednesday before Kenaikan (Thu 14) and its cuti bersama (Fri 15): 18, 19, 20 count.
        (date(2026, 5, 13), 3, date(2026, 5, 20)),
        # Received on the cuti bersama Nyepi Friday: nothing works until Tue 8 April (day 1), 9, 10.
        (date(2025, 3, 28), 3, date(2025, 4, 10)),
        # Thursday before it: day 0, then 8, 9, 10 April.
        (date(2025, 3, 27), 3, date(2025, 4, 10)),
        (date(2025, 3, 27), 1, date(2025, 4, 8)),
        # Friday before Hari Lahir Pancasila (Mon 1 June): 2, 3, 4 June.
        (date(2026, 5, 29), 3, date(2026, 6, 4)),
        # Friday before Nyepi and Idul Fitri 2026: Mon 16, Tue 17, then nothing until Wed 25.
        (date(2026, 3, 13), 3, date(2026, 3, 25)),
        # Friday before Nyepi and Idul Fitri 2027: nothing from Mon 8 to Mon 15; 16, 17, 18 count.
        (date(2027, 3, 5), 3, date(2027, 3, 18)),
        # Christmas: cuti bersama 24, Natal 25, weekend.
        (date(2026, 12, 23), 1, date(2026, 12, 28)),
        (date(2025, 12, 24), 3, date(2025, 12, 31)),
        (date(2027, 12, 23), 1, date(2027, 12, 27)),
        # New year.
        (date(2026, 12, 31), 1, date(2027, 1, 4)),
        # An ordinary week.
        (date(2026, 11, 23), 3, date(2026, 11, 26)),
        (date(2026, 11, 23), 5, date(2026, 11, 30)),
    ],
)
def test_add_working_days(cal, start, count, due):
    assert cal.add_working_days(start, count) == due


def test_zero_working_days_from_a_working_day_is_that_day(cal):
    assert cal.add_working_days(date(2026, 11, 23), 0) == date(2026, 11, 23)


def test_counting_from_a_weekend_makes_monday_day_one(cal):
    saturday = date(2026, 11, 21)
    assert cal.add_working_days(saturday, 0) == date(2026, 11, 23)
    assert cal.add_working_days(saturday, 1) == date(2026, 11, 23)
    assert cal.add_working_days(saturday, 3) == date(2026, 11, 25)


def test_negative_count_is_refused(cal):
    with pytest.raises(ValueError):
        cal.add_working_days(date(2026, 11, 23), -1)


# ---------------------------------------------------------------------------------------------
# The office's own days


def test_office_extra_holiday_moves_the_due_day():
    friday = date(2026, 9, 4)
    assert WorkingCalendar().add_working_days(friday, 1) == date(2026, 9, 7)
    office = WorkingCalendar(extra_holidays={date(2026, 9, 7): "HUT Kota Ambon"})
    assert not office.is_working_day(date(2026, 9, 7))
    assert office.holiday_name(date(2026, 9, 7)) == "HUT Kota Ambon"
    assert office.add_working_days(friday, 1) == date(2026, 9, 8)


def test_office_extra_working_saturday_moves_the_due_day():
    saturday = date(2026, 5, 16)
    office = WorkingCalendar(extra_working_days={saturday})
    assert office.is_working_day(saturday)
    # 16 (Saturday made a working day), 18, 19.
    assert office.add_working_days(date(2026, 5, 13), 3) == date(2026, 5, 19)
    assert office.working_days_between(date(2026, 5, 13), date(2026, 5, 19)) == 3
    # A request received on that Saturday counts it as day 0.
    assert office.add_working_days(saturday, 1) == date(2026, 5, 18)


def test_office_extra_working_day_overrides_a_cuti_bersama():
    office = WorkingCalendar(extra_working_days={date(2026, 12, 24)})
    assert office.is_working_day(date(2026, 12, 24))
    assert office.add_working_days(date(2026, 12, 23), 1) == date(2026, 12, 24)


def test_holidays_in_lists_national_and_office_days():
    office = WorkingCalendar(extra_holidays={date(2026, 9, 7): "HUT Kota Ambon", date(2027, 9, 7): "HUT Kota Ambon"})
    listed = office.holidays_in([2026])
    days = [day for day, _ in listed]
    assert days == sorted(days)
    assert all(day.year == 2026 for day in days)
    assert (date(2026, 9, 7), "HUT Kota Ambon") in listed
    assert date(2026, 12, 24) in days  # cuti bersama (category government)
    assert date(2026, 8, 17) in days


def test_holidays_in_accepts_any_iterable_of_years():
    office = WorkingCalendar(extra_holidays={date(2026, 9, 7): "HUT Kota Ambon"})
    listed = office.holidays_in(year for year in [2026])
    assert (date(2026, 9, 7), "HUT Kota Ambon") in listed


# ---------------------------------------------------------------------------------------------
# Working days between two days


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (date(2026, 5, 13), date(2026, 5, 20), 3),
        (date(2025, 3, 27), date(2025, 4, 10), 3),
        (date(2025, 3, 28), date(2025, 4, 10), 3),
        (date(2026, 11, 20), date(2026, 11, 23), 1),  # Friday -> Monday
        (date(2026, 11, 21), date(2026, 11, 22), 0),  # over a weekend
        (date(2026, 11, 23), date(2026, 11, 23), 0),
        (date(2026, 11, 30), date(2026, 11, 23), 0),  # end before start
    ],
)
def test_working_days_between(cal, start, end, count):
    assert cal.working_days_between(start, end) == count


def test_between_undoes_add_from_every_working_day(cal):
    day = date(2025, 1, 1)
    while day <= date(2027, 12, 31):
        if cal.is_working_day(day):
            assert cal.working_days_between(day, cal.add_working_days(day, 3)) == 3, day
        day += timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Zones and deadlines


@pytest.mark.parametrize(("name", "hours"), [("WIB", 7), ("WITA", 8), ("WIT", 9), ("wit", 9)])
def test_office_zone_offsets(name, hours):
    zone = office_zone(name)
    assert zone.utcoffset(datetime(2026, 11, 23, 12, 0)) == timedelta(hours=hours)


@pytest.mark.parametrize("name", ["UTC", "WITB", "", "Asia/Jayapura"])
def test_unknown_zone_is_refused(name):
    with pytest.raises(ValueError, match="Zona waktu tidak dikenal"):
        office_zone(name)


def test_office_zone_without_tz_database(monkeypatch):
    def missing(key: str):
        raise LookupError(key)

    monkeypatch.setattr(calendar_module, "ZoneInfo", missing)
    zone = office_zone("WIT")
    assert zone == timezone(timedelta(hours=9), "WIT")
    assert zone.utcoffset(None) == timedelta(hours=9)


def test_deadline_one_calendar_day_wit(cal):
    # Monday 2026-11-23 09.00 WIT -> Tuesday 16.00 WIT.
    due = cal.deadline(utc(2026, 11, 23, 0, 0), parse_duration("1 hari"), office_zone("WIT"))
    assert due == utc(2026, 11, 24, 7, 0)
    assert due.tzinfo is UTC


@pytest.mark.parametrize(
    ("received", "due_day"),
    [
        # Wed 13 May 2026: Thu 14 is Kenaikan, Fri 15 its cuti bersama -> Monday 18 May.
        (utc(2026, 5, 13, 0, 0), date(2026, 5, 18)),
        # Tue 17 Mar 2026: 18 cuti Nyepi, 19 Nyepi, 20-24 Idul Fitri and its cuti bersama -> Wed 25 Mar.
        (utc(2026, 3, 17, 0, 0), date(2026, 3, 25)),
        # Fri 27 Nov 2026: not Saturday 28 -> Monday 30 Nov.
        (utc(2026, 11, 27, 0, 0), date(2026, 11, 30)),
        # Received after closing time on Wednesday: the count still starts on the next working day.
        (utc(2026, 5, 13, 8, 30), date(2026, 5, 18)),
        # Received on Saturday: Monday is day 1.
        (utc(2026, 11, 28, 1, 0), date(2026, 11, 30)),
    ],
)
def test_one_day_service_ends_on_a_working_day(cal, received, due_day):
    zone = office_zone("WIT")
    found = cal.service_deadline(received, parse_duration("1 hari"), zone)
    assert found is not None
    assert found.day == due_day
    assert cal.is_working_day(found.day)
    assert found.due_at == datetime.combine(due_day, calendar_module.OFFICE_CLOSE, tzinfo=zone).astimezone(UTC)
    assert found.rule == "1 hari kerja, dihitung sejak hari kerja berikutnya"
    # One rule: the CLI's "calendar add DATE 1" counts the same.
    assert cal.due_day(received.astimezone(zone).date(), 1) == due_day


def test_calendar_days_frame_never_due_on_a_closed_day(cal):
    zone = office_zone("WIB")
    day = date(2026, 1, 1)
    while day < date(2027, 1, 1):
        for text in ("1 hari", "2 hari", "3 Hari kerja"):
            found = cal.service_deadline(datetime.combine(day, time(10), tzinfo=zone), parse_duration(text), zone)
            assert found is not None and cal.is_working_day(found.day), (day, text)
        day += timedelta(days=1)


def test_deadline_working_days_wit_and_wib(cal):
    frame = parse_duration("3 Hari kerja")
    # Wednesday 2026-05-13 10.00 local -> Wednesday 2026-05-20 16.00 local.
    assert cal.deadline(utc(2026, 5, 13, 1, 0), frame, office_zone("WIT")) == utc(2026, 5, 20, 7, 0)
    assert cal.deadline(utc(2026, 5, 13, 3, 0), frame, office_zone("WIB")) == utc(2026, 5, 20, 9, 0)
    # Thursday 2025-03-27 14.00 WIT, before Nyepi and Idul Fitri -> Thursday 2025-04-10 16.00 WIT.
    assert cal.deadline(utc(2025, 3, 27, 5, 0), frame, office_zone("WIT")) == utc(2025, 4, 10, 7, 0)


def test_deadline_counts_from_the_local_date(cal):
    frame = parse_duration("3 Hari kerja")
    received = utc(2026, 5, 12, 16, 30)  # Tuesday 23.30 WIB, but already Wednesday 01.30 WIT
    assert cal.deadline(received, frame, office_zone("WIB")) == utc(2026, 5, 19, 9, 0)  # 13, 18, 19
    assert cal.deadline(received, frame, office_zone("WIT")) == utc(2026, 5, 20, 7, 0)  # 18, 19, 20


def test_deadline_fractional_working_days_round_up(cal):
    due = cal.deadline(utc(2026, 11, 23, 0, 0), parse_duration("1,5 hari kerja"), office_zone("WIT"))
    assert due == utc(2026, 11, 25, 7, 0)


def test_deadline_in_clock_time_is_added(cal):
    received = utc(2026, 11, 23, 0, 0)
    due = cal.deadline(received, parse_duration("3 Jam 40 Menit"), office_zone("WIT"))
    assert due == utc(2026, 11, 23, 3, 40)
    assert due.tzinfo is UTC


@pytest.mark.parametrize("text", ["tentatif", "", "-"])
def test_deadline_without_standard_is_none(cal, text):
    assert cal.deadline(utc(2026, 11, 23), parse_duration(text), office_zone("WIT")) is None


def test_working_days_left(cal):
    zone = office_zone("WIT")
    due = cal.deadline(utc(2026, 5, 13, 1, 0), parse_duration("3 Hari kerja"), zone)
    assert due is not None
    assert cal.working_days_left(utc(2026, 5, 13, 1, 0), due, zone) == 3
    assert cal.working_days_left(utc(2026, 5, 15, 1, 0), due, zone) == 3  # cuti bersama: nothing used up
    assert cal.working_days_left(utc(2026, 5, 20, 6, 0), due, zone) == 0
    assert cal.working_days_left(utc(2026, 5, 22, 1, 0), due, zone) == -2
