"""Agenda Pimpinan: items from requests and typed entries, clashes for one leader flagged and resolved
(hadir / diwakili / ditolak with the reply letter), the week exported for the Sekpri and ajudan."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import agenda as ag
from protokol_desktop.services import events as ev
from protokol_desktop.services import requests as rs
from protokol_desktop.store.events import AgendaDecision, AgendaEntry
from protokol_desktop.store.models import AuditEntry, History
from tests.conftest import sambutan_form, utc

BOTH_BACKENDS = True  # every test here runs on SQLite and on a PostgreSQL server

KABAG = Actor("Drs. Ahmad", "Kabag")
KASUBBAG = Actor("Yohanes", "Kasubbag")
STAF = Actor("Maria", "Staf")
WEDNESDAY = date(2026, 11, 25)


def _acara(**overrides):
    values = dict(
        sop_code="AMB-ACARA",
        nomor_surat="005/77/Dispora/2026",
        perihal="Pembukaan Pekan Olahraga Pelajar",
        pengirim="Dinas Pemuda dan Olahraga",
        fulfilled=(0, 1, 2),
    )
    values.update(overrides)
    return sambutan_form(**values)


@pytest.fixture
def two_at_nine(store):
    """Two events for the Walikota on Wednesday 25 Nov 2026 at 09.00, at different places."""
    first = rs.register_request(sambutan_form(), STAF)  # Hari Guru, Lapangan Merdeka 09.00
    second = rs.register_request(
        _acara(nomor_surat="005/90/Dinkes/2026", perihal="Pencanangan Bulan Imunisasi", event_place="Puskesmas Rijali"),
        STAF,
    )
    return first, second


def test_two_walikota_events_at_the_same_hour_are_flagged(two_at_nine):
    first, second = two_at_nine
    found = ag.items(*ag.period("hari", WEDNESDAY))
    assert [i.key for i in found] == [f"permohonan:{first}", f"permohonan:{second}"]
    a, b = found
    assert a.clash_with == (b.key,) and b.clash_with == (a.key,)
    assert a.time_text == "09.00 – 11.00*" and a.end_assumed  # no end: two hours assumed
    (clash,) = ag.clashes(*ag.period("minggu", WEDNESDAY))
    assert clash.leader == "Walikota" and set(clash.keys) == {a.key, b.key}
    assert "Pencanangan Bulan Imunisasi" in clash.text
    # Another leader at the same hour is no clash.
    assert ag.clashes(WEDNESDAY, WEDNESDAY, leader="Wakil Walikota") == []


def test_resolving_a_clash_by_representation_is_recorded(two_at_nine):
    first, second = two_at_nine
    with pytest.raises(ServiceError, match="Kabag atau Kasubbag"):
        ag.decide(f"permohonan:{second}", "diwakili", STAF, representative="Wakil Walikota")
    with pytest.raises(ServiceError, match="mewakili"):
        ag.decide(f"permohonan:{second}", "diwakili", KASUBBAG)
    ag.decide(f"permohonan:{first}", "hadir", KASUBBAG, now=utc(2026, 11, 23, 3))
    assert len(ag.clashes(WEDNESDAY, WEDNESDAY)) == 1  # attending both is still a clash
    ag.decide(
        f"permohonan:{second}", "diwakili", KABAG, representative="Asisten II, Drs. J. Latuheru",
        reply_letter="005/120/Prokopim/2026", now=utc(2026, 11, 23, 4),
    )  # fmt: skip
    assert ag.clashes(WEDNESDAY, WEDNESDAY) == []
    item = ag.item(f"permohonan:{second}")
    assert item.decision == "diwakili" and item.decision_text == "Diwakili Asisten II, Drs. J. Latuheru"
    assert not item.clash
    history = History.select().where((History.request == second) & (History.action == "agenda_pimpinan")).get()
    assert "Diwakili oleh Asisten II" in history.detail
    assert AuditEntry.select().where(AuditEntry.action == "agenda_pimpinan").count() == 2
    # A newer decision supersedes the old one; nothing is deleted.
    ag.decide(f"permohonan:{second}", "ditolak", KABAG, reply_letter="005/121/Prokopim/2026", now=utc(2026, 11, 23, 5))
    assert ag.item(f"permohonan:{second}").decision_text == "Tidak hadir (surat balasan 005/121/Prokopim/2026)"
    assert AgendaDecision.select().where(AgendaDecision.request == second).count() == 2
    with pytest.raises(ServiceError, match="surat balasan"):
        ag.decide(f"permohonan:{first}", "ditolak", KABAG)


def test_typed_entries_clash_with_requests_and_use_their_end_time(store):
    request_id = rs.register_request(sambutan_form(event_time="10.30"), STAF)
    entry = ag.add_entry(
        ag.EntryForm("Walikota", WEDNESDAY, "08.00", "Rapat koordinasi Forkopimda", end_time="10.00",
                     place="Balai Kota"), KASUBBAG, now=utc(2026, 11, 23, 1),
    )  # fmt: skip
    assert ag.clashes(WEDNESDAY, WEDNESDAY) == []  # 08.00-10.00 and 10.30-12.30
    late = ag.add_entry(
        ag.EntryForm("Walikota", WEDNESDAY, "11.00", "Menerima kunjungan DPRD"), STAF, now=utc(2026, 11, 23, 1)
    )
    (clash,) = ag.clashes(WEDNESDAY, WEDNESDAY)
    assert set(clash.keys) == {f"permohonan:{request_id}", f"agenda:{late}"}
    ag.decide(f"agenda:{late}", "ditolak", KABAG, reply_letter="surat 005/9", now=utc(2026, 11, 23, 2))
    assert ag.clashes(WEDNESDAY, WEDNESDAY) == []
    assert AuditEntry.select().where(AuditEntry.action == "agenda_keputusan").count() == 1
    with pytest.raises(ServiceError, match="pembuatnya"):
        ag.withdraw_entry(entry, "batal", STAF)
    ag.withdraw_entry(entry, "Rapat diundur", KASUBBAG, now=utc(2026, 11, 23, 3))
    assert AgendaEntry.get_by_id(entry).withdrawn
    assert [i.key for i in ag.items(WEDNESDAY, WEDNESDAY)] == [f"permohonan:{request_id}", f"agenda:{late}"]


def test_bad_entries_are_refused(store):
    with pytest.raises(ServiceError, match="Pimpinan"):
        ag.add_entry(ag.EntryForm("Presiden", WEDNESDAY, "08.00", "x"), STAF)
    with pytest.raises(ServiceError, match="Jam mulai"):
        ag.add_entry(ag.EntryForm("Walikota", WEDNESDAY, "25.00", "x"), STAF)
    with pytest.raises(ServiceError, match="sesudah jam mulai"):
        ag.add_entry(ag.EntryForm("Walikota", WEDNESDAY, "10.00", "x", end_time="09.00"), STAF)
    with pytest.raises(ServiceError, match="Nama kegiatan"):
        ag.add_entry(ag.EntryForm("Walikota", WEDNESDAY, "10.00", " "), STAF)
    assert AgendaEntry.select().count() == 0


def test_same_event_in_two_requests_is_not_a_clash(store):
    rs.register_request(sambutan_form(), STAF)
    rs.register_request(_acara(nomor_surat="005/91/Disdikbud/2026", event_place="lapangan  merdeka"), STAF)
    found = ag.items(WEDNESDAY, WEDNESDAY)
    assert all(not i.clash for i in found) and all(i.same_event_as for i in found)


def test_rundown_length_sets_the_end_and_cancelled_requests_leave(store):
    request_id = rs.register_request(_acara(), STAF)
    ev.add_rundown_item(request_id, "Upacara pembukaan", 45, STAF, now=utc(2026, 11, 23, 1))
    (item,) = ag.items(WEDNESDAY, WEDNESDAY)
    assert item.time_text == "09.00 – 09.45*"
    rs.cancel(request_id, "acara batal", KABAG, now=utc(2026, 11, 23, 2))
    assert ag.items(WEDNESDAY, WEDNESDAY) == []


def test_periods():
    assert ag.period("minggu", WEDNESDAY) == (date(2026, 11, 23), date(2026, 11, 29))
    assert ag.period("bulan", WEDNESDAY) == (date(2026, 11, 1), date(2026, 11, 30))
    assert ag.period("hari", WEDNESDAY) == (WEDNESDAY, WEDNESDAY)
    assert ag.period_title("minggu", WEDNESDAY) == "23–29 November 2026"
    with pytest.raises(ServiceError):
        ag.period("tahun", WEDNESDAY)


def test_week_exports_to_excel_per_leader(two_at_nine, tmp_path):
    first, second = two_at_nine
    ag.add_entry(ag.EntryForm("Wakil Walikota", date(2026, 11, 26), "14.00", "Safari Natal", place="Gereja Maranatha"),
                 KASUBBAG, now=utc(2026, 11, 23, 1))  # fmt: skip
    out = ag.export_week(WEDNESDAY, tmp_path / "agenda.xlsx", now=utc(2026, 11, 23, 6))
    wb = load_workbook(out)
    assert wb.sheetnames == ["Walikota", "Wakil Walikota", "Sekretaris Daerah"]
    ws = wb["Walikota"]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    values = [[c.value for c in row] for row in ws.iter_rows()]
    text = "\n".join(str(v) for row in values for v in row if v)
    assert "AGENDA KEGIATAN WALIKOTA" in text
    assert "Peringatan Hari Guru Nasional" in text and "Pencanangan Bulan Imunisasi" in text
    assert "BENTROK" in text
    assert "Tidak ada kegiatan" in text  # the other days of the week
    assert "Safari Natal" in "\n".join(str(c.value) for row in wb["Wakil Walikota"].iter_rows() for c in row if c.value)
    with pytest.raises(ServiceError, match="xlsx"):
        ag.export_week(WEDNESDAY, tmp_path / "agenda.pdf")
