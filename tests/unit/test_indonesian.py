"""Indonesian formats of dates, times and numbers."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from protokol_desktop.domain.indonesian import (
    format_date,
    format_date_long,
    format_date_short,
    format_datetime,
    format_number,
    format_time,
)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 11, 23), "Senin, 23 November 2026"),
        (date(2026, 11, 24), "Selasa, 24 November 2026"),
        (date(2026, 11, 25), "Rabu, 25 November 2026"),
        (date(2026, 11, 26), "Kamis, 26 November 2026"),
        (date(2026, 11, 27), "Jumat, 27 November 2026"),
        (date(2026, 11, 28), "Sabtu, 28 November 2026"),
        (date(2026, 11, 29), "Minggu, 29 November 2026"),
        (date(2025, 8, 17), "Minggu, 17 Agustus 2025"),
        (date(2027, 1, 1), "Jumat, 1 Januari 2027"),
    ],
)
def test_format_date_long(day, text):
    assert format_date_long(day) == text


def test_format_date_and_short():
    assert format_date(date(2026, 11, 23)) == "23 November 2026"
    assert format_date_short(date(2026, 11, 23)) == "23 Nov 2026"
    assert format_date_short(date(2026, 8, 5)) == "5 Agu 2026"
    assert format_date_short(date(2026, 10, 5)) == "5 Okt 2026"
    assert format_date_short(date(2026, 12, 5)) == "5 Des 2026"


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 11, 23, 14, 5), "14.05"),
        (datetime(2026, 11, 23, 7, 30), "07.30"),
        (datetime(2026, 11, 23, 0, 0), "00.00"),
        (datetime(2026, 11, 23, 23, 59, 59), "23.59"),
    ],
)
def test_format_time(moment, text):
    assert format_time(moment) == text


def test_format_datetime():
    assert format_datetime(datetime(2026, 11, 23, 14, 5)) == "23 Nov 2026 14.05"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (1234.5, 1, "1.234,5"),
        (1234, 1, "1.234"),
        (1234.0, 1, "1.234"),
        (1234567.25, 2, "1.234.567,25"),
        (0, 1, "0"),
        (0.5, 1, "0,5"),
        (999, 1, "999"),
        (1000, 1, "1.000"),
        (-1234.5, 1, "-1.234,5"),
        (12.345, 2, "12,35"),
    ],
)
def test_format_number(value, decimals, text):
    assert format_number(value, decimals) == text


def test_format_number_default_is_one_decimal():
    assert format_number(1234.5) == "1.234,5"
    assert format_number(1234) == "1.234"
