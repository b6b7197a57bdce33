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
