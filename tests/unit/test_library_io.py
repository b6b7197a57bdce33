"""The SOP library in the database: seeding, export/import round trip, revisions, bad files."""

from __future__ import annotations

import json

import pytest

from protokol_desktop.domain.sop import sop_from_dict, sop_to_dict
from protokol_desktop.services import ServiceError, library
from protokol_desktop.services import requests as rs
from protokol_desktop.store.models import SopRecord, SopRevision
from protokol_desktop.store.seed import seed_sops
from tests.conftest import sambutan_form
from tests.unit.test_requests_workflow import KABAG, STAF

BOTH_BACKENDS = True


def _snapshot() -> list[tuple]:
    return [(r.sop_id, r.revision, r.status, r.data) for r in SopRevision.select().order_by(SopRevision.id)]


def test_seed_library_holds_six_services(store):
    summaries = {s["code"]: s for s in library.list_summaries()}
    assert set(summaries) == {
        "AMB-SAMBUTAN",
        "AMB-ACARA",
        "AMB-PENGADUAN",
        "LMJ-KOORDINASI",
        "MDN-BIMTEK",
        "TNG-KUNJUNGAN",
    }
    assert summaries["TNG-KUNJUNGAN"]["total_minutes"] == 220
    assert summaries["TNG-KUNJUNGAN"]["total_text"] == "3 Jam 40 Menit"
    assert len(summaries["TNG-KUNJUNGAN"]["executors"]) == 6
    assert summaries["AMB-ACARA"]["tentative_steps"] == 1
    assert summaries["LMJ-KOORDINASI"]["time_frame"] == "3 Hari kerja"
    assert summaries["AMB-PENGADUAN"]["source"] == "disusun_kantor"


@pytest.mark.parametrize("sop", seed_sops(), ids=lambda s: s.code)
def test_round_trip_through_a_file(store, tmp_path, sop):
    out = library.export_json(sop.code, tmp_path / f"{sop.code}.json")
    assert sop_from_dict(json.loads(out.read_text(encoding="utf-8"))) == sop
    assert library.read_sop_file(out) == sop


def test_import_of_existing_code_makes_a_revision_and_running_requests_keep_theirs(store, tmp_path):
    request_id = rs.register_request(sambutan_form(), STAF)
    rs.start_request(request_id, KABAG)
    data = library.export_dict("AMB-SAMBUTAN")
    data["steps"][2]["waktu"] = "4 jam"
    data["steps"][2]["uraian"] = "Menerima disposisi dan menyusun konsep sambutan"
    path = tmp_path / "revisi.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    row = library.import_file(path, KABAG)
    assert row.revision == 1
    statuses = [r.status for r in library.revisions("AMB-SAMBUTAN")]
    assert statuses == ["diganti", "berlaku"]
    assert library.get_sop("AMB-SAMBUTAN").step(3).waktu == "4 jam"
    running = rs.sop_of(rs.Request.get_by_id(request_id))
    assert running.step(3).waktu == "5 jam"  # the running request keeps its revision
    new_request = rs.register_request(sambutan_form(nomor_surat="005/999"), STAF)
    assert rs.sop_of(rs.Request.get_by_id(new_request)).step(3).waktu == "4 jam"


def test_import_of_a_new_sop(store, tmp_path):
    data = library.export_dict("TNG-KUNJUNGAN")
    data["code"] = "AMB-KUNJUNGAN"
    data["office"] = "ambon"
    path = tmp_path / "baru.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    library.import_file(path, KABAG)
    assert SopRecord.select().count() == 7
    assert library.get_sop("AMB-KUNJUNGAN").total_text == "3 Jam 40 Menit"


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["steps"][2].update(executor="CAMAT"), "steps[2].executor"),
        (lambda d: d["steps"][0].update(waktu="lima menit"), "steps[0].waktu"),
        (lambda d: d["steps"][7]["decision"].update(yes=42), "steps[7].decision.yes"),
        (lambda d: d["steps"][1].update(number=5), "steps"),
        (lambda d: d.update(format_version=99), "format_version"),
        (lambda d: d["standard"]["persyaratan"][0].update(required="ya"), "standard.persyaratan[0].required"),
        (lambda d: d.update(executors=["KABAG", "kabag"]), "executors"),
        (lambda d: d["steps"][0].update(kinds=["mulai", "rapat"]), "steps[0].kinds"),
        (lambda d: d["standard"].update(jangka_waktu="sebentar"), "standard.jangka_waktu"),
        (lambda d: d.pop("name"), "name"),
        (lambda d: d["steps"][3].update(waktu="0 hari"), "steps[3].waktu"),
        (lambda d: d["steps"][3].update(waktu="1 hari 2 jam"), "steps[3].waktu"),
        (lambda d: d.update(format_version=True), "format_version"),
        (lambda d: d["steps"][5].update(gates="speech_paraf"), "steps[5].gates"),
        (lambda d: d["steps"][5].update(gates=["Paraf Kabag"]), "steps[5].gates"),
        (lambda d: d["steps"][5].update(gates=["speech_paraf", "speech_paraf"]), "steps[5].gates"),
        (lambda d: d["steps"][5].update(gates=["stempel_basah"]), "langkah 6: stempel_basah"),
    ],
)
def test_bad_import_names_the_field_and_changes_nothing(store, tmp_path, mutate, field):
    data = library.export_dict("AMB-SAMBUTAN")
    mutate(data)
    path = tmp_path / "rusak.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = _snapshot()
    with pytest.raises(ServiceError) as error:
        library.import_file(path, KABAG)
    assert field in str(error.value)
    assert _snapshot() == before


def test_not_json_is_refused(store, tmp_path):
    path = tmp_path / "bukan.json"
    path.write_text("{ ini bukan json", encoding="utf-8")
    with pytest.raises(ServiceError, match="bukan JSON"):
        library.import_file(path, KABAG)


def test_export_is_the_exchange_format(store):
    sop = library.get_sop("MDN-BIMTEK")
    assert library.export_dict("MDN-BIMTEK") == sop_to_dict(sop)
    assert sop.identity.disahkan_oleh.nip == "19670416 199303 1 015"


def test_a_new_revision_is_dated_on_the_office_calendar(store, monkeypatch):
    """18.00 UTC on 2 Dec is already 3 Dec in Ambon (WIT): the revision date is the office's day,
    not the PC's (``date.today()`` before)."""
    from datetime import UTC, date, datetime

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206
            return datetime(2026, 12, 2, 18, 0, tzinfo=UTC).astimezone(tz)

    monkeypatch.setattr(library, "datetime", Clock)
    sop = library.get_sop("AMB-SAMBUTAN")
    row = library.save_sop(sop, KABAG, note="revisi")
    assert row.revision == 1 and row.tanggal_revisi == date(2026, 12, 3)


def test_the_seed_declares_sambutan_step_6_gate_in_its_data(store):
    sop = library.get_sop("AMB-SAMBUTAN")
    assert [(step.number, step.gates) for step in sop.steps if step.gates] == [(6, ("speech_paraf",))]
    data = library.export_dict("AMB-SAMBUTAN")
    assert data["format_version"] == 2 and data["steps"][5]["gates"] == ["speech_paraf"]
    assert sop_from_dict(data) == sop


def test_a_version_1_file_is_migrated_inferring_nothing_and_saying_so(store, tmp_path):
    """An old file cannot declare gates: it gets none, and the import names the steps whose wording
    speaks of a paraf or a signature so the office can add them."""
    data = library.export_dict("LMJ-KOORDINASI")
    data["format_version"] = 1
    for step in data["steps"]:
        del step["gates"]
    path = tmp_path / "lama.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    row = library.import_file(path, KABAG)
    sop = library.sop_of_revision(row.id)
    assert all(step.gates == () for step in sop.steps)
    assert row.note.startswith("Diimpor dari lama.json.")
    assert "Langkah 8 (SOP yang sudah dikoreksi Kabag diparaf oleh kasubag protokol) menyebut paraf" in row.note
    assert "Langkah 9 (Tanda Tangan SOP) menyebut tanda tangan" in row.note
    assert "tidak ada syarat yang ditambahkan" in row.note
    assert library.export_dict("LMJ-KOORDINASI")["format_version"] == 2


def test_a_stored_version_1_revision_still_reads(store):
    """A library saved by an older program: its revisions are read through the same migration."""
    data = library.export_dict("AMB-ACARA")
    data["format_version"] = 1
    for step in data["steps"]:
        del step["gates"]
    assert sop_from_dict(data) == library.get_sop("AMB-ACARA")


def test_a_library_seeded_before_format_2_adopts_the_seed_gates_once(store):
    """An installation from before step gates: the seed SOPs it still runs unchanged get their
    gates as a new, audited revision; an SOP the office changed keeps its own; a request already
    running keeps its revision; the second start does nothing."""
    from dataclasses import replace

    from protokol_desktop.domain.sop import sop_to_dict as to_dict
    from protokol_desktop.store.models import AuditEntry, Setting
    from protokol_desktop.store.seed import SEED_GATES_KEY, seed_gates_pending

    assert not seed_gates_pending() and library.adopt_seed_gates() == []  # a fresh library has them
    for code in ("AMB-SAMBUTAN", "TNG-KUNJUNGAN", "LMJ-KOORDINASI"):  # as an older program stored them
        row = library.current_revision(code)
        old = library.sop_of_revision(row.id)
        old = old.with_steps(tuple(replace(s, gates=()) for s in old.steps))
        if code == "LMJ-KOORDINASI":
            old = replace(old, name=old.name + " (diubah kantor)")
        data = to_dict(old)
        data["format_version"] = 1
        for step in data["steps"]:
            del step["gates"]
        SopRevision.update(data=json.dumps(data)).where(SopRevision.id == row.id).execute()
    library.forget_parsed()
    Setting.delete().where(Setting.key == SEED_GATES_KEY).execute()
    running = rs.register_request(sambutan_form(), STAF)
    assert library.get_sop("AMB-SAMBUTAN").step(6).gates == ()

    assert sorted(library.adopt_seed_gates()) == ["AMB-SAMBUTAN", "TNG-KUNJUNGAN"]
    assert library.get_sop("AMB-SAMBUTAN").step(6).gates == ("speech_paraf",)
    assert library.get_sop("TNG-KUNJUNGAN").step(3).gates == ("visit_attendance", "visit_minutes")
    assert all(s.gates == () for s in library.get_sop("LMJ-KOORDINASI").steps)  # the office's own: untouched
    assert rs.sop_of(rs.Request.get_by_id(running)).step(6).gates == ()  # keeps the revision it started on
    assert "langkah 6: speech_paraf" in library.current_revision("AMB-SAMBUTAN").note
    assert AuditEntry.select().where(AuditEntry.action == "sop_disimpan").count() == 2
    assert library.adopt_seed_gates() == []


def test_every_gate_kind_names_a_check_that_exists_and_every_seed_gate_is_known(store):
    from importlib import import_module

    from protokol_desktop.services import gates

    for kind in gates.KINDS.values():
        module, _, function = kind.check.partition(":")
        assert callable(getattr(import_module(module), function)), kind.name
    assert all(not gates.unknown_kinds(sop) for sop in seed_sops())
    declared = {name for sop in seed_sops() for step in sop.steps for name in step.gates}
    assert declared == set(gates.KINDS)  # every kind is used by a seed, none is dead
