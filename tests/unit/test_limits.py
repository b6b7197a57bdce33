"""Size and shape limits of the SOP exchange format (issue #16, item 6): a field past its limit is
refused naming the field and the limit, an oversized import changes nothing, and an SOP with every
field at its limit still exports to Excel and PDF at once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from protokol_desktop.domain.sop import LIST_LIMITS, TEXT_LIMITS, SopFormatError, sop_from_dict, sop_to_dict
from protokol_desktop.services import Actor, ServiceError, library
from protokol_desktop.store.models import SopRevision
from protokol_desktop.store.seed import seed_sops

ADMIN = Actor("Admin", "Admin")


def sambutan() -> dict:
    return sop_to_dict(next(s for s in seed_sops() if s.code == "AMB-SAMBUTAN"))


def words(length: int) -> str:
    """Readable text of exactly ``length`` characters (words a PDF can wrap)."""
    sentence = "Menyiapkan bahan sambutan dan mengoordinasikan jadwal pimpinan dengan penyelenggara. "
    text = sentence * (length // len(sentence) + 1)
    return text[:length].rstrip() + "x" * (length - len(text[:length].rstrip()))


def at_every_limit() -> dict:
    """The Sambutan SOP with every text field, and every list, as large as the format allows."""
    data = sambutan()
    for key in ("name", "service"):
        data[key] = words(TEXT_LIMITS[key])
    data["notes"] = [words(TEXT_LIMITS["notes"])] * LIST_LIMITS["notes"]
    data["source"]["note"] = words(TEXT_LIMITS["source.note"])
    identity = data["identity"]
    for key in ("nomor", "tanggal_pembuatan", "tanggal_revisi", "tanggal_pengesahan", "tanggal_efektif"):
        identity[key] = words(TEXT_LIMITS[f"identity.{key}"])
    for key in ("jabatan", "nama", "pangkat"):
        identity["disahkan_oleh"][key] = words(TEXT_LIMITS[f"identity.disahkan_oleh.{key}"])
    for key in ("organisation", "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan",
                "pencatatan"):  # fmt: skip
        identity[key] = [words(TEXT_LIMITS[f"identity.{key}"])] * LIST_LIMITS[f"identity.{key}"]
    for step in data["steps"]:
        for key in ("uraian", "output", "keterangan", "note"):
            step[key] = words(TEXT_LIMITS[f"steps.{key}"])
        step["kelengkapan"] = [words(TEXT_LIMITS["steps.kelengkapan"])] * LIST_LIMITS["steps.kelengkapan"]
        if step["decision"]:
            step["decision"]["question"] = words(TEXT_LIMITS["steps.decision.question"])
    standard = data["standard"]
    standard["persyaratan"] = [{"text": words(TEXT_LIMITS["standard.persyaratan.text"]), "required": False}] * (
        LIST_LIMITS["standard.persyaratan"]
    )
    for key in ("produk", "prosedur", "notes"):
        standard[key] = [words(TEXT_LIMITS[f"standard.{key}"])] * LIST_LIMITS[f"standard.{key}"]
    for key in ("biaya", "pengaduan"):
        standard[key] = words(TEXT_LIMITS[f"standard.{key}"])
    return data


def _set(data: dict, path: str, value) -> None:
    node = data
    *parents, last = path.split(".")
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value


@pytest.mark.parametrize(
    ("path", "field", "limit"),
    [
        ("steps.3.uraian", "steps[3].uraian", "2.000"),
        ("steps.0.note", "steps[0].note", "5.000"),
        ("steps.7.decision.question", "steps[7].decision.question", "500"),
        ("name", "name", "300"),
        ("identity.disahkan_oleh.nama", "identity.disahkan_oleh.nama", "200"),
        ("standard.pengaduan", "standard.pengaduan", "5.000"),
    ],
)
def test_a_field_one_past_its_limit_is_refused_naming_field_and_limit(path, field, limit):
    size = int(limit.replace(".", ""))
    data = sambutan()
    _set(data, path, words(size))
    sop_from_dict(data)  # exactly at the limit: accepted
    _set(data, path, words(size + 1))
    with pytest.raises(SopFormatError) as refused:
        sop_from_dict(data)
    assert refused.value.field == field
    assert str(refused.value) == f"{field}: terlalu panjang ({size + 1:,} karakter; maksimal {limit})".replace(",", ".")


def test_list_items_and_counts_are_limited():
    data = sambutan()
    data["identity"]["dasar_hukum"] = ["UU 9/2010", words(1001)]
    with pytest.raises(SopFormatError, match=r"dasar_hukum\[1\]: terlalu panjang \(1.001 karakter; maksimal 1.000\)"):
        sop_from_dict(data)
    data = sambutan()
    data["standard"]["persyaratan"] = [{"text": f"Berkas {n}", "required": True} for n in range(51)]
    with pytest.raises(SopFormatError, match=r"standard.persyaratan: terlalu banyak \(51 persyaratan; maksimal 50\)"):
        sop_from_dict(data)
    data = sambutan()
    data["executors"] = [f"Kolom {n}" for n in range(13)]
    with pytest.raises(SopFormatError, match=r"executors: terlalu banyak \(13 butir; maksimal 12\)"):
        sop_from_dict(data)
    data = sambutan()
    data["steps"] = [dict(data["steps"][0], number=n, kinds=["proses"], decision=None) for n in range(1, 102)]
    with pytest.raises(SopFormatError, match=r"steps: terlalu banyak \(101 langkah; maksimal 100\)"):
        sop_from_dict(data)
    sop_from_dict(at_every_limit())  # every field at its limit at once is a valid SOP


def _state():
    return [(r.sop_id, r.revision, r.status, r.data) for r in SopRevision.select().order_by(SopRevision.id)]


def test_an_oversized_import_changes_nothing(store, tmp_path):
    before = _state()
    data = sambutan()
    data["steps"][2]["uraian"] = words(3000)
    long_field = tmp_path / "panjang.json"
    long_field.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ServiceError) as refused:
        library.import_file(long_field, ADMIN)
    assert str(refused.value) == (
        "Berkas panjang.json ditolak, kolom steps[2].uraian (Langkah 3, uraian): terlalu panjang "
        "(3.000 karakter; maksimal 2.000)"
    )
    data["steps"][2]["uraian"] = "x" * (5 * 1024 * 1024)  # the 5 MB step description of the report
    huge = tmp_path / "besar.json"
    huge.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ServiceError, match=r"besar.json terlalu besar untuk berkas SOP \(5,0 MB; maksimal 2 MB\)"):
        library.import_file(huge, ADMIN)
    assert _state() == before
    assert library.get_sop("AMB-SAMBUTAN").steps[2].uraian == next(
        s for s in seed_sops() if s.code == "AMB-SAMBUTAN"
    ).steps[2].uraian


def test_an_sop_at_every_limit_imports_and_exports_at_once(tmp_path):
    """Through the command line, each run bounded: a field can no longer make an export run for
    minutes (a 5 MB step description once took over 300 s and 275 MB of PDF)."""
    source = tmp_path / "maksimal.json"
    source.write_text(json.dumps(at_every_limit()), encoding="utf-8")
    assert source.stat().st_size < 2 * 1024 * 1024

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "protokol_desktop", "--data-dir", str(tmp_path / "d"), *args],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)  # fmt: skip

    assert run("sop", "import", str(source)).returncode == 0
    for fmt in ("xlsx", "pdf"):
        out = tmp_path / f"maksimal.{fmt}"
        result = run("sop", "export", "AMB-SAMBUTAN", "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert 0 < out.stat().st_size < 20 * 1024 * 1024
    assert Path(tmp_path / "maksimal.pdf").read_bytes().startswith(b"%PDF")
