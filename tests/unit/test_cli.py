"""The admin command line, run as a separate process the way office IT staff run it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

EXPECTED = {
    # code: (steps, executors, total_minutes, tentative_steps, time_frame)
    "AMB-SAMBUTAN": (8, ["KABAG", "KASUBBAG", "STAF"], 475, 0, "1 hari"),
    "AMB-ACARA": (8, ["KABAG", "KASUBBAG", "PELAKSANA"], 120, 1, "1 hari"),
    "LMJ-KOORDINASI": (11, ["Kabag", "Kasubag", "Staf"], 378, 0, "3 Hari kerja"),
    "MDN-BIMTEK": (6, ["KABAG", "KASUBAG", "JFU"], 660, 0, None),
    "TNG-KUNJUNGAN": (
        5,
        [
            "PPTK & Staff Umum",
            "Bendahara Pengeluaran",
            "Subag Umum & Kepegawaian",
            "PPK / Kasubag Keuangan",
            "Sekretaris SKPD",
            "Kepala SKPD",
        ],
        220,
        0,
        None,
    ),
}


def cli(data_dir, *args, check=True):
    result = subprocess.run(
        [sys.executable, "-m", "protokol_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def test_version():
    result = subprocess.run([sys.executable, "-m", "protokol_desktop", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("Protokol Desktop 0.")


def test_sop_list_json_reports_the_documents(tmp_path):
    items = json.loads(cli(tmp_path, "sop", "list", "--json").stdout)
    by_code = {item["code"]: item for item in items}
    assert len(items) == 6
    for code, (steps, executors, total, tentative, frame) in EXPECTED.items():
        item = by_code[code]
        assert (
            item["steps"],
            item["executors"],
            item["total_minutes"],
            item["tentative_steps"],
            item["time_frame"],
        ) == (
            steps,
            executors,
            total,
            tentative,
            frame,
        ), code
    assert by_code["AMB-PENGADUAN"]["source"] == "disusun_kantor"
    assert by_code["TNG-KUNJUNGAN"]["total_text"] == "3 Jam 40 Menit"
    assert (tmp_path / "protokol.sqlite3").exists()


def test_environment_variable_chooses_the_data_dir(tmp_path):
    env_dir = tmp_path / "dari-env"
    result = subprocess.run(
        [sys.executable, "-m", "protokol_desktop", "sop", "list"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "PROTOKOL_DATA_DIR": str(env_dir)},
    )
    assert result.returncode == 0, result.stderr
    assert (env_dir / "protokol.sqlite3").exists()


def test_export_import_round_trip_and_bad_import(tmp_path):
    out = tmp_path / "sambutan.json"
    cli(tmp_path / "a", "sop", "export", "AMB-SAMBUTAN", "--out", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["code"] == "AMB-SAMBUTAN" and len(data["steps"]) == 8
    result = cli(tmp_path / "b", "sop", "import", str(out))
    assert "revisi 1" in result.stdout and "Catatan" not in result.stdout
    old = {**data, "format_version": 1, "steps": [{k: v for k, v in s.items() if k != "gates"} for s in data["steps"]]}
    (tmp_path / "lama.json").write_text(json.dumps(old), encoding="utf-8")
    result = cli(tmp_path / "b", "sop", "import", str(tmp_path / "lama.json"))
    assert "Catatan:" in result.stdout and "Langkah 6 (Mengkoreksi sambutan dan membubuhkan paraf)" in result.stdout
    data["steps"][3]["executor"] = "LURAH"
    bad = tmp_path / "rusak.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = cli(tmp_path / "b", "sop", "list", "--json").stdout
    result = cli(tmp_path / "b", "sop", "import", str(bad), check=False)
    assert result.returncode == 2
    assert "steps[3].executor" in result.stderr
    assert cli(tmp_path / "b", "sop", "list", "--json").stdout == before


def test_unknown_code_is_a_clear_error(tmp_path):
    result = cli(tmp_path, "sop", "export", "TIDAK-ADA", "--out", str(tmp_path / "x.json"), check=False)
    assert result.returncode == 2
    assert "TIDAK-ADA" in result.stderr


def test_check_passes_on_demo_data_and_fails_on_tampering(tmp_path):
    cli(tmp_path, "demo", "--requests", "40", "--seed", "3")
    assert "berhasil" in cli(tmp_path, "check").stdout
    with sqlite3.connect(tmp_path / "protokol.sqlite3") as db:
        row = db.execute("SELECT id, started_at FROM step_run WHERE ended_at IS NOT NULL LIMIT 1").fetchone()
        db.execute("UPDATE step_run SET ended_at = '2000-01-01 00:00:00' WHERE id = ?", (row[0],))
    db.close()
    result = cli(tmp_path, "check", check=False)
    assert result.returncode == 1
    assert "selesai sebelum mulai" in result.stderr


def test_demo_is_deterministic_and_adds(tmp_path):
    def rows(folder):
        with sqlite3.connect(folder / "protokol.sqlite3") as db:
            return db.execute("SELECT nomor_surat, perihal, status FROM request ORDER BY id").fetchall()

    cli(tmp_path / "a", "demo", "--requests", "15", "--seed", "9")
    cli(tmp_path / "b", "demo", "--requests", "15", "--seed", "9")
    first, second = rows(tmp_path / "a"), rows(tmp_path / "b")
    # The clock moves between the runs; the letters and their order do not.
    assert [r[:2] for r in first] == [r[:2] for r in second]
    cli(tmp_path / "a", "demo", "--requests", "5", "--seed", "9")
    assert len(rows(tmp_path / "a")) == 20


@pytest.mark.parametrize("path", [r"\\server\share\protokol", "//server/share/protokol"])
def test_network_share_is_refused(path):
    result = subprocess.run(
        [sys.executable, "-m", "protokol_desktop", "--data-dir", path, "sop", "list"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "jaringan" in result.stderr


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("UPDATE audit_entry SET actor = 'penyusup' WHERE id = 7", ["entri #7", "diubah"]),
        ("UPDATE audit_entry SET after = '{}' WHERE id = 9", ["entri #9", "diubah"]),
        ("DELETE FROM audit_entry WHERE id = 12", ["#12", "hilang"]),
    ],
)
def test_check_names_an_edited_or_removed_audit_entry(tmp_path, statement, expected):
    cli(tmp_path, "demo", "--requests", "10", "--seed", "4")
    assert cli(tmp_path, "check").returncode == 0
    with sqlite3.connect(tmp_path / "protokol.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0] > 20
        db.execute(statement)
    db.close()
    result = cli(tmp_path, "check", check=False)
    assert result.returncode == 1
    for text in expected:
        assert text in result.stderr


def test_export_reports_from_the_command_line(tmp_path):
    import openpyxl

    cli(tmp_path, "demo", "--requests", "30", "--seed", "6")
    today = __import__("datetime").date.today()
    start = (today - __import__("datetime").timedelta(days=200)).isoformat()
    for report, sheet in (("register", "Register"), ("kinerja", "Kinerja Layanan"), ("rekap", "Rekap")):
        out = tmp_path / f"{report}.xlsx"
        result = cli(tmp_path, "export", report, "--from", start, "--to", today.isoformat(), "--out", str(out))
        assert "disimpan ke" in result.stdout
        assert sheet in openpyxl.load_workbook(out).sheetnames
    bad = cli(
        tmp_path, "export", "register", "--from", "2026-13-01", "--to", "2026-12-01", "--out", str(out), check=False
    )
    assert bad.returncode == 2 and "tidak sah" in bad.stderr
    reversed_period = cli(
        tmp_path, "export", "rekap", "--from", "2026-12-01", "--to", "2026-11-01", "--out", str(out), check=False
    )
    assert reversed_period.returncode == 2


def test_sop_export_pdf_and_xlsx_without_a_display(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    for fmt in ("pdf", "xlsx"):
        out = tmp_path / f"sop.{fmt}"
        result = subprocess.run(
            [sys.executable, "-m", "protokol_desktop", "--data-dir", str(tmp_path), "sop", "export", "TNG-KUNJUNGAN",
             "--format", fmt, "--out", str(out)],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000
    assert (tmp_path / "sop.pdf").read_bytes().startswith(b"%PDF")


def test_agenda_week_export(tmp_path):
    import openpyxl

    cli(tmp_path, "demo", "--requests", "20", "--seed", "2")
    out = tmp_path / "agenda.xlsx"
    result = cli(tmp_path, "agenda", "export", "--week", "2026-11-23", "--out", str(out))
    assert "disimpan ke" in result.stdout
    assert openpyxl.load_workbook(out).sheetnames
    bad = cli(tmp_path, "agenda", "export", "--week", "23-11-2026", "--out", str(out), check=False)
    assert bad.returncode == 2 and "tidak sah" in bad.stderr
