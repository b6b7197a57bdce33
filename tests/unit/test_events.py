"""Pengaturan Acara (AMB-ACARA): rundown, officers, checks with photos, dress code, guests, and the
reminders of a location check / gladi due on H-1 (hard limit one hour before), in the office zone WIT."""

from __future__ import annotations

from datetime import date

import pytest

from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import events as ev
from protokol_desktop.services import requests as rs
from protokol_desktop.store.events import EventCheck, RundownItem
from protokol_desktop.store.models import AuditEntry, History, Request, StepRun
from tests.conftest import sambutan_form, utc

BOTH_BACKENDS = True  # every test here runs on SQLite and on a PostgreSQL server

KABAG = Actor("Drs. Ahmad", "Kabag")
KASUBBAG = Actor("Yohanes", "Kasubbag")
STAF = Actor("Maria", "Staf")
ACTOR_OF = {"Kabag": KABAG, "Kasubbag": KASUBBAG, "Staf": STAF}


def acara_form(**overrides):
    """An Ambon Pengaturan Acara letter, received Monday 23 Nov 2026 09.00 WIT, for an event on
    Wednesday 25 Nov 2026 09.00 WIT (= 00.00 UTC) at Lapangan Merdeka."""
    values = dict(
        sop_code="AMB-ACARA",
        nomor_surat="005/77/Dispora/2026",
        perihal="Pembukaan Pekan Olahraga Pelajar Kota Ambon",
        pengirim="Dinas Pemuda dan Olahraga",
        fulfilled=(0, 1, 2),
    )
    values.update(overrides)
    return sambutan_form(**values)


@pytest.fixture
def acara(store):
    return rs.register_request(acara_form(), STAF)


def test_rundown_times_follow_event_start_and_moves(acara):
    a = ev.add_rundown_item(acara, "Pembukaan oleh MC", 5, STAF, person="MC", now=utc(2026, 11, 23, 2))
    b = ev.add_rundown_item(acara, "Menyanyikan Indonesia Raya", 3, STAF, person="Dirigen", now=utc(2026, 11, 23, 2))
    c = ev.add_rundown_item(acara, "Sambutan Walikota", 15, STAF, person="Walikota", now=utc(2026, 11, 23, 2))
    rows = ev.rundown_rows(acara)
    assert [(r.number, r.start, r.end) for r in rows] == [
        (1, "09.00", "09.05"),
        (2, "09.05", "09.08"),
        (3, "09.08", "09.23"),
    ]
    assert ev.move_rundown_item(c, -1, KASUBBAG, now=utc(2026, 11, 23, 3)) == 2
    rows = ev.rundown_rows(acara)
    assert [r.id for r in rows] == [a, c, b]
    assert [r.start for r in rows] == ["09.00", "09.05", "09.20"]
    ev.update_rundown_item(a, STAF, minutes=10, now=utc(2026, 11, 23, 3))
    assert [r.start for r in ev.rundown_rows(acara)] == ["09.00", "09.10", "09.25"]
    ev.withdraw_rundown_item(a, STAF, now=utc(2026, 11, 23, 4))
    rows = ev.rundown_rows(acara)
    assert [(r.number, r.start) for r in rows] == [(1, "09.00"), (2, "09.15")]
    assert RundownItem.select().count() == 3  # withdrawn, not deleted
    actions = [h.action for h in History.select().where(History.request == acara)]
    assert actions.count("susunan_acara") == 6
    assert Request.get_by_id(acara).version == 6
    assert AuditEntry.select().where(AuditEntry.action == "susunan_acara").count() == 6


def test_rundown_refuses_bad_lines_and_changes_nothing(acara):
    with pytest.raises(ServiceError, match="Uraian"):
        ev.add_rundown_item(acara, " ", 5, STAF)
    with pytest.raises(ServiceError, match="Durasi"):
        ev.add_rundown_item(acara, "Doa", -5, STAF)
    with pytest.raises(ServiceError, match="tidak dikenal"):
        ev.add_rundown_item(acara, "Doa", 5, Actor("X", "Sekpri"))
    assert RundownItem.select().count() == 0
    assert History.select().where(History.request == acara).count() == 1


def test_template_fills_rundown_and_dress_code(acara):
    count = ev.apply_template(acara, "pembukaan", STAF, now=utc(2026, 11, 23, 2))
    rows = ev.rundown_rows(acara)
    assert len(rows) == count and rows[0].start == "09.00"
    assert any("Walikota" in r.description for r in rows)
    assert "batik" in ev.event_summary(acara).dress_code
    with pytest.raises(ServiceError, match="sudah berisi"):
        ev.apply_template(acara, "upacara", STAF)
    ev.apply_template(acara, "audiensi", STAF, replace=True, now=utc(2026, 11, 23, 3))
    assert len(ev.rundown_rows(acara)) == 7
    ev.set_dress_code(acara, "PSL (Pakaian Sipil Lengkap)", KASUBBAG, now=utc(2026, 11, 23, 3))
    assert ev.event_summary(acara).dress_code == "PSL (Pakaian Sipil Lengkap)"


def test_officers_with_contacts(acara):
    ev.add_officer(acara, "MC", "Nona Latuheru", STAF, contact="0812 4000 1111", now=utc(2026, 11, 23, 2))
    dirigen = ev.add_officer(acara, "Dirigen", "Samuel", STAF, now=utc(2026, 11, 23, 2))
    ev.add_officer(acara, "Pembaca doa", "Ustadz Hasan", STAF, now=utc(2026, 11, 23, 2))
    ev.add_officer(acara, "Ajudan", "Briptu Ronal", STAF, contact="+62 813 1111 2222", now=utc(2026, 11, 23, 2))
    with pytest.raises(ServiceError, match="Nomor telepon"):
        ev.add_officer(acara, "MC", "X", STAF, contact="123")
    ev.withdraw_officer(dirigen, STAF, now=utc(2026, 11, 23, 3))
    rows = ev.officers(acara)
    assert [(o.duty, o.name, o.contact) for o in rows] == [
        ("MC", "Nona Latuheru", "081240001111"),
        ("Pembaca doa", "Ustadz Hasan", ""),
        ("Ajudan", "Briptu Ronal", "+6281311112222"),
    ]


def test_guest_list_in_order_of_precedence(acara):
    for title in ("Kapolresta Pulau Ambon", "Gubernur Maluku", "Ketua DPRD Kota Ambon", "Asisten I (mewakili Sekda)"):
        ev.add_guest(acara, title, STAF, now=utc(2026, 11, 23, 2))
    ev.set_host(acara, "Walikota Ambon", KASUBBAG, now=utc(2026, 11, 23, 2))
    assert [g.title for g in ev.ordered_guests(acara)] == [
        "Gubernur Maluku", "Ketua DPRD Kota Ambon", "Kapolresta Pulau Ambon", "Asisten I (mewakili Sekda)",
    ]  # fmt: skip
    seats = ev.seating(acara)
    assert [("host" if s.is_host else s.person.title) for s in seats] == [
        "Asisten I (mewakili Sekda)", "Ketua DPRD Kota Ambon", "Gubernur Maluku", "host", "Kapolresta Pulau Ambon",
    ]  # fmt: skip


def test_checks_with_photos_are_copied(acara, store, tmp_path):
    photo = tmp_path / "lokasi.jpg"
    photo.write_bytes(b"\xff\xd8\xff jpeg")
    check = ev.record_check(
        acara, "cek_lokasi", utc(2026, 11, 24, 1), "Tenda dan kursi VIP siap; sound system dicek", STAF,
        officers="Maria, panitia Dispora", photos=[photo], files_dir=store.attachments, now=utc(2026, 11, 24, 2),
    )  # fmt: skip
    rows = ev.checks(acara)
    assert rows[0].id == check and rows[0].kind_label == "Cek lokasi"
    assert (store.attachments / rows[0].photos[0].stored_name).read_bytes() == b"\xff\xd8\xff jpeg"
    bad = tmp_path / "x.exe"
    bad.write_bytes(b"MZ")
    with pytest.raises(ServiceError, match="Foto harus"):
        ev.add_check_photo(check, bad, STAF, store.attachments)
    with pytest.raises(ServiceError, match="sebelum acara dimulai"):
        ev.record_check(acara, "gladi", utc(2026, 11, 25, 1), "terlambat", STAF, now=utc(2026, 11, 25, 2))
    with pytest.raises(ServiceError, match="masa depan"):
        ev.record_check(acara, "gladi", utc(2026, 11, 24, 10), "x", STAF, now=utc(2026, 11, 24, 2))
    with pytest.raises(ServiceError, match="tidak dikenal"):
        ev.record_check(acara, "upacara", utc(2026, 11, 24, 1), "x", STAF, now=utc(2026, 11, 24, 2))


def test_gladi_due_h1_and_reminders_in_wit(acara):
    # Event: Wednesday 25 Nov 2026 09.00 WIT = 00.00 UTC. H-1 starts Tuesday 24 Nov 00.00 WIT = 23 Nov 15.00 UTC.
    assert ev.reminders(utc(2026, 11, 23, 14, 59)) == []
    due = ev.reminders(utc(2026, 11, 23, 15, 0))
    assert [(r.kind, r.level) for r in due] == [("cek_lokasi", "H-1"), ("gladi", "H-1")]
    gladi = next(r for r in due if r.kind == "gladi")
    assert gladi.request_id == acara
    assert gladi.deadline == utc(2026, 11, 24, 23, 0)  # 08.00 WIT on the day: one hour before
    assert "H-1" in gladi.message and "Rabu, 25 November 2026 pukul 08.00" in gladi.message

    # The gladi is held on Tuesday 14.00 WIT: only the location check is still due.
    ev.record_check(acara, "gladi", utc(2026, 11, 24, 5), "Gladi bersih; MC dan dirigen siap", STAF,
                    now=utc(2026, 11, 24, 6))  # fmt: skip
    assert [r.kind for r in ev.reminders(utc(2026, 11, 24, 6))] == ["cek_lokasi"]

    # Wednesday 05.00 WIT: the event's own day, before the hard limit.
    (morning,) = ev.reminders(utc(2026, 11, 24, 20))
    assert morning.level == "hari H" and "batas akhir pukul 08.00" in morning.message
    # 08.30 WIT: past the hard limit of one hour before the start.
    (late,) = ev.reminders(utc(2026, 11, 24, 23, 30))
    assert late.level == "terlambat"
    assert "Pengingat" in ev.format_reminders([late])
    # Once the event has started there is nothing left to remind.
    assert ev.reminders(utc(2026, 11, 25, 0, 0)) == []


def test_reminders_skip_cancelled_and_reported_events(acara):
    other = rs.register_request(acara_form(nomor_surat="005/78/Dispora/2026", event_date=date(2026, 11, 26)), STAF)
    # Wednesday 10.00 WIT: the first event has started, the second (Thursday) is on H-1.
    assert {r.request_id for r in ev.reminders(utc(2026, 11, 25, 1))} == {other}
    rs.cancel(other, "acara batal", KABAG, now=utc(2026, 11, 25, 1))
    assert ev.reminders(utc(2026, 11, 25, 1)) == []
    ev.set_required_checks(acara, ["cek_lokasi"], KASUBBAG, now=utc(2026, 11, 23, 16))
    assert [r.kind for r in ev.reminders(utc(2026, 11, 23, 16))] == ["cek_lokasi"]
    with pytest.raises(ServiceError, match="minimal satu"):
        ev.set_required_checks(acara, [], KASUBBAG)
    check = ev.record_check(acara, "cek_lokasi", utc(2026, 11, 24, 1), "ok", STAF, now=utc(2026, 11, 24, 1))
    assert ev.reminders(utc(2026, 11, 24, 2)) == []
    ev.withdraw_check(check, "salah acara", KASUBBAG, now=utc(2026, 11, 24, 3))
    assert EventCheck.get_by_id(check).withdrawn
    assert [r.kind for r in ev.reminders(utc(2026, 11, 24, 4))] == ["cek_lokasi"]


def test_an_acara_request_runs_through_its_sop_with_its_records(acara):
    rs.start_request(acara, KABAG, now=utc(2026, 11, 23, 1))
    ev.apply_template(acara, "pembukaan", STAF, now=utc(2026, 11, 23, 1, 30))
    ev.add_officer(acara, "MC", "Nona Latuheru", STAF, now=utc(2026, 11, 23, 1, 40))
    minute = 0
    while Request.get_by_id(acara).status == "berjalan":
        run = StepRun.get((StepRun.request == acara) & StepRun.ended_at.is_null())
        minute += 20
        at = utc(2026, 11, 23, 2 + minute // 60, minute % 60)
        if run.step_number == 5:  # "Menerima laporan hasil gladi kegiatan"
            ev.record_check(acara, "gladi", at, "Gladi lancar", STAF, now=at)
            ev.record_check(acara, "cek_lokasi", at, "Lokasi siap", STAF, now=at)
        rs.complete_step(acara, ACTOR_OF[run.role], now=at)
    assert Request.get_by_id(acara).status == "selesai"
    assert ev.reminders(utc(2026, 11, 24, 20)) == []
    assert len(ev.rundown_rows(acara)) == 9
    with pytest.raises(ServiceError, match="tidak ada"):
        ev.rundown_rows(999)
