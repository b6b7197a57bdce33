"""The susunan acara: start times counted from the event's start, recomputed when items move."""

from __future__ import annotations

from datetime import time

import pytest

from protokol_desktop.domain.rundown import (
    TEMPLATES,
    Item,
    RundownError,
    check_item,
    end_time,
    format_duration,
    move,
    parse_hhmm,
    schedule,
    total_minutes,
)

ITEMS = [Item("Pembukaan", 5, "MC"), Item("Indonesia Raya", 3, "Dirigen"), Item("Sambutan Walikota", 15)]


def test_times_follow_from_the_start():
    rows = schedule(ITEMS, "09.00")
    assert [(r.start_text, r.end_text) for r in rows] == [("09.00", "09.05"), ("09.05", "09.08"), ("09.08", "09.23")]
    assert [r.number for r in rows] == [1, 2, 3]
    assert rows[2].span_text == "09.08 – 09.23"
    assert end_time(ITEMS, time(9, 0)) == time(9, 23)
    assert total_minutes(ITEMS) == 23


def test_moving_recomputes_times():
    moved = move(ITEMS, 2, -2)
    assert [i.description for i in moved] == ["Sambutan Walikota", "Pembukaan", "Indonesia Raya"]
    rows = schedule(moved, "09.00")
    assert [r.start_text for r in rows] == ["09.00", "09.15", "09.20"]
    assert move(ITEMS, 0, -1) == ITEMS  # clamped at the top
    assert move(ITEMS, 2, 5)[-1] == ITEMS[2]
    with pytest.raises(RundownError):
        move(ITEMS, 3, 1)


def test_past_midnight_is_marked():
    rows = schedule([Item("Malam budaya", 90), Item("Penutup", 30)], "23.00")
    assert rows[1].start_text == "00.30" and rows[1].day_offset == 1


@pytest.mark.parametrize("bad", ["9", "25.00", "09.60", "sembilan", ""])
def test_bad_times_are_refused(bad):
    with pytest.raises(RundownError, match="tidak sah"):
        parse_hhmm(bad)


def test_parse_accepts_colon():
    assert parse_hhmm("9:05") == time(9, 5)


def test_item_checks():
    with pytest.raises(RundownError, match="Uraian"):
        check_item(Item("  ", 5))
    with pytest.raises(RundownError, match="Durasi"):
        check_item(Item("x", -1))
    with pytest.raises(RundownError, match="paling lama"):
        check_item(Item("x", 13 * 60))


def test_templates_as_data():
    assert set(TEMPLATES) == {"upacara", "audiensi", "pembukaan"}
    upacara = TEMPLATES["upacara"].items_for("Walikota")
    assert any("Indonesia Raya" in i.description for i in upacara)
    assert any(i.person == "Walikota" for i in upacara)
    assert not any("{pimpinan}" in i.description + i.person for t in TEMPLATES.values() for i in t.items_for("Bupati"))
    pembukaan = [i.description for i in TEMPLATES["pembukaan"].items_for("Bupati")]
    assert pembukaan.index("Menyanyikan Lagu Kebangsaan Indonesia Raya") < pembukaan.index("Pembacaan doa")
    assert all(i.minutes > 0 for t in TEMPLATES.values() for i in t.items)


def test_format_duration():
    assert format_duration(5) == "5 menit"
    assert format_duration(60) == "1 jam"
    assert format_duration(90) == "1 jam 30 menit"
    assert format_duration(0) == "0 menit"
