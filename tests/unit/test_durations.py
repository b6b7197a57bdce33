"""Durations as the SOP documents write them: parsing, printing back, summing, refusing bad text."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from protokol_desktop.domain.durations import (
    Duration,
    DurationError,
    DurationKind,
    format_duration,
    format_minutes,
    parse_duration,
    sum_standards,
    total_minutes,
)

# ---------------------------------------------------------------------------------------------
# Parsing every form the documents use


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("5 menit", 5),
        ("120 Menit", 120),
        ("1 jam", 60),
        ("4 Jam", 240),
        ("3 Jam 40 Menit", 220),
        ("1,5 jam", 90),
        ("1.5 jam", 90),
        ("240 Menit", 240),
        ("1 jam dan 30 menit", 90),
        ("  20   Menit ", 20),
        ("0 menit", 0),
    ],
)
def test_clock_durations(text, minutes):
    duration = parse_duration(text)
    assert duration.kind is DurationKind.MINUTES
    assert duration.minutes == minutes
    assert duration.days is None
    assert duration.has_standard


def test_one_and_a_half_hours_is_exactly_ninety_minutes():
    assert parse_duration("1,5 jam") == Duration.of_minutes(90)
    assert parse_duration("1,5 jam").amount == Fraction(90)


def test_calendar_days():
    duration = parse_duration("1 hari")
    assert duration.kind is DurationKind.DAYS
    assert duration.days == 1
    assert duration.minutes is None
    assert duration.has_standard


@pytest.mark.parametrize("text", ["3 Hari kerja", "3 hari kerja", "3 Hari Kerja", "3 hari   kerja"])
def test_working_days(text):
    duration = parse_duration(text)
    assert duration.kind is DurationKind.WORKING_DAYS
    assert duration.days == 3
    assert duration.minutes is None
    assert duration.has_standard


def test_working_days_and_calendar_days_differ():
    assert parse_duration("1 hari") != parse_duration("1 hari kerja")


@pytest.mark.parametrize("text", ["tentatif", "Tentatif", "TENTATIF"])
def test_tentative_has_no_standard(text):
    duration = parse_duration(text)
    assert duration.kind is DurationKind.TENTATIVE
    assert not duration.has_standard
    assert duration.minutes is None
    assert duration.days is None


@pytest.mark.parametrize("text", ["", "-", "  ", None])
def test_empty_cell_has_no_standard(text):
    duration = parse_duration(text)
    assert duration.kind is DurationKind.NONE
    assert not duration.has_standard
    assert duration.minutes is None
    assert duration.days is None


# ---------------------------------------------------------------------------------------------
# Printing back


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(220, "3 Jam 40 Menit"), (45, "45 Menit"), (120, "2 Jam"), (0, "0 Menit"), (60, "1 Jam"), (61, "1 Jam 1 Menit")],
)
def test_format_minutes(minutes, text):
    assert format_minutes(minutes) == text


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("3 Jam 40 Menit", "3 Jam 40 Menit"),
        ("45 menit", "45 Menit"),
        ("120 Menit", "2 Jam"),
        ("1,5 jam", "1 Jam 30 Menit"),
        ("1 hari", "1 Hari"),
        ("3 Hari kerja", "3 Hari kerja"),
        ("tentatif", "Tentatif"),
        ("", "-"),
        ("-", "-"),
    ],
)
def test_format_duration(text, printed):
    duration = parse_duration(text)
    assert format_duration(duration) == printed
    assert str(duration) == printed


@pytest.mark.parametrize("text", ["1 Hari", "3 Hari kerja", "1,5 Hari", "Tentatif", "-", "3 Jam 40 Menit"])
def test_printed_form_parses_back(text):
    duration = parse_duration(text)
    assert parse_duration(format_duration(duration)) == duration


@settings(database=None)
@given(st.integers(min_value=0, max_value=10000))
def test_format_minutes_round_trips(minutes):
    assert parse_duration(format_minutes(minutes)).minutes == minutes


# ---------------------------------------------------------------------------------------------
# Summing


def test_adding_clock_durations():
    assert parse_duration("2 Jam") + parse_duration("20 Menit") == Duration.of_minutes(140)
    assert (parse_duration("3 Jam 40 Menit") + parse_duration("1,5 jam")).minutes == 310


def test_adding_days_of_the_same_kind():
    assert parse_duration("1 hari") + parse_duration("2 hari") == Duration(DurationKind.DAYS, Fraction(3))
    total = parse_duration("3 Hari kerja") + parse_duration("2 hari kerja")
    assert total == Duration(DurationKind.WORKING_DAYS, Fraction(5))


@pytest.mark.parametrize("empty", ["tentatif", "", "-"])
def test_no_standard_adds_nothing(empty):
    step = parse_duration("20 Menit")
    assert step + parse_duration(empty) == step
    assert parse_duration(empty) + step == step


def test_adding_different_kinds_is_refused():
    with pytest.raises(DurationError, match="1 Jam.*1 Hari"):
        parse_duration("1 jam") + parse_duration("1 hari")
    with pytest.raises(DurationError):
        parse_duration("1 hari") + parse_duration("1 hari kerja")


def test_adding_something_else_is_a_type_error():
    with pytest.raises(TypeError):
        parse_duration("1 jam") + 5


def test_tangerang_total():
    steps = [parse_duration(text) for text in ("2 Jam", "1 Jam", "20 Menit", "20 Menit", "")]
    assert total_minutes(steps) == (220, 1)
    assert format_minutes(220) == "3 Jam 40 Menit"


def test_total_counts_tentative_and_empty_steps():
    steps = [parse_duration(text) for text in ("1 jam", "tentatif", "", "15 menit")]
    assert total_minutes(steps) == (75, 2)
    assert total_minutes([]) == (0, 0)


def test_total_keeps_day_durations_apart():
    steps = [parse_duration(t) for t in ("1 jam", "1 hari", "2 hari", "15 menit", "1 Hari kerja", "tentatif")]
    assert total_minutes(steps) == (75, 1)
    total = sum_standards(steps)
    assert (total.minutes, total.days, total.working_days, total.without, total.timed_in_days) == (75, 3, 1, 1, 3)
    assert total.text == "1 Jam 15 Menit + 3 Hari + 1 Hari kerja"
    assert sum_standards([parse_duration("2 hari")]).text == "2 Hari"
    assert sum_standards([parse_duration("5 menit")]).text == "5 Menit"


# ---------------------------------------------------------------------------------------------
# Bad text is refused, quoting it; it never becomes a silent zero


@pytest.mark.parametrize(
    "text",
    [
        "lima menit",
        "5 detik",
        "jam",
        "3 Jam 40",
        "1 hari 2 jam",
        "1 hari 1 hari kerja",
        "abc",
        "5 menitan",
        "-5 menit",
        "5 menit abc 3 jam",
        "1 Jam, 30 Menit",
        "kurang lebih 1 jam",
    ],
)
def test_bad_text_is_refused_quoting_it(text):
    with pytest.raises(DurationError) as excinfo:
        parse_duration(text)
    assert f'"{text}"' in str(excinfo.value)


def test_duration_error_is_a_value_error():
    assert issubclass(DurationError, ValueError)


def test_zero_denominator_is_refused_as_duration_error():
    with pytest.raises(DurationError, match='"1/0 jam"'):
        parse_duration("1/0 jam")


def test_dot_thousands_separator():
    assert parse_duration("1.000 menit").minutes == 1000
    assert parse_duration("1,5 jam").minutes == 90
