"""The admin command line, run as a separate process the way office IT staff run it."""

from __future__ import annotations

import json
import re
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


# ---------------------------------------------------------------------------------------------
# Fit (issue #16, item 8): options anywhere, Indonesian help and errors, documented exit codes.


def _run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "protokol_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, env=env)  # fmt: skip


def test_data_dir_and_database_after_the_subcommand(tmp_path):
    result = _run("sop", "list", "--json", "--data-dir", str(tmp_path / "sesudah"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sesudah" / "protokol.sqlite3").exists()
    # Given both before and after, the one after the subcommand wins; neither overwrites the other.
    result = _run("--data-dir", str(tmp_path / "depan"), "calendar", "add", "2026-05-13", "3",
                  "--data-dir", str(tmp_path / "belakang"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "belakang" / "protokol.sqlite3").exists() and not (tmp_path / "depan").exists()
    result = _run("--data-dir", str(tmp_path / "depan"), "calendar", "add", "2026-05-13", "3")
    assert result.returncode == 0 and (tmp_path / "depan" / "protokol.sqlite3").exists()
    from protokol_desktop.cli import build_parser

    args = build_parser().parse_args(["sop", "list", "--database", "postgresql://staf@host/protokol"])
    assert args.database == "postgresql://staf@host/protokol" and args.data_dir is None


ENGLISH = re.compile(
    r"usage|positional arguments|optional arguments|options:|show this help|show program|\berror\b|"
    r"\b(OUT|FILE|CODE|DATE|DAYS|NAME|YEAR|SEED|REQUESTS|DATA_DIR|DATABASE|URL_)\b|_command\b"
)


def _all_parsers(parser):
    import argparse

    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                yield from _all_parsers(child)


def test_help_is_entirely_indonesian(tmp_path):
    from protokol_desktop.cli import build_parser

    parsers = list(_all_parsers(build_parser()))
    assert len(parsers) > 15
    for parser in parsers:
        text = re.sub(r"--?[a-z][a-z-]*", "", parser.format_help())  # option names are the interface
        assert not ENGLISH.search(text), (parser.prog, ENGLISH.search(text).group(0), text)
        assert "cara pakai:" in parser.format_help()
    result = _run("calendar", "add", "--help")
    assert result.returncode == 0 and "cara pakai:" in result.stdout and "argumen:" in result.stdout
    assert "tampilkan bantuan ini lalu keluar" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["calendar", "add", "2026-05-13", "-3"], "harus 0 sampai 1.000, bukan -3"),
        (["calendar", "add", "2026-05-13", "99999999999999999999"], "harus 0 sampai 1.000"),
        (["calendar", "add", "2026-05-13", "tiga"], '"tiga" bukan bilangan bulat'),
        (["calendar", "add", "13-05-2026", "3"], "tidak sah; tulis YYYY-MM-DD"),
        (["calendar", "list", "--year", "99999"], "harus 1900 sampai 2200"),
        (["calendar"], "wajib diisi: PERINTAH"),
        (["frob"], "pilihan 'frob' tidak ada"),
        (["sop", "list", "--frob"], "argumen tidak dikenal: --frob"),
        (["sop", "export", "AMB-ACARA"], "wajib diisi: --out"),
        (["demo", "--requests", "0"], "harus 1 sampai"),
        (["calendar", "add-holiday", "2026-09-07", "HUT " * 51], "terlalu panjang (203 karakter; maksimal 200)"),
        (["export", "register", "--from", "2026-11-01", "--to", "2026-11-30", "--out", "laporan.pdf"], ".xlsx"),
    ],
)
def test_every_error_is_one_indonesian_line_and_status_2(tmp_path, args, expected):
    result = _run("--data-dir", str(tmp_path), *args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert not ENGLISH.search(re.sub(r"--?[a-z][a-z-]*", "", lines[0])), lines[0]
    assert "Traceback" not in result.stderr


def test_an_unexpected_failure_is_one_line_and_logged(tmp_path):
    """A folder where the export file should go is an OS error: one line, status 2, no traceback; an
    internal error (here a broken SOP export) is one line, status 1, the traceback in the log."""
    folder = tmp_path / "laporan.xlsx"
    folder.mkdir()
    result = _run("--data-dir", str(tmp_path / "d"), "agenda", "export", "--week", "2026-11-23", "--out", str(folder))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    from protokol_desktop import cli as cli_module
    from protokol_desktop.paths import resolve_paths

    paths = resolve_paths(tmp_path / "d").ensure()
    args = cli_module.build_parser().parse_args(["sop", "list"])
    original = cli_module.COMMANDS["sop"]
    cli_module.COMMANDS["sop"] = lambda args, paths: {}["tidak-ada"]
    try:
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            status = cli_module.run_command(args, paths)
    finally:
        cli_module.COMMANDS["sop"] = original
    assert status == 1
    assert len(err.getvalue().strip().splitlines()) == 1 and "galat tak terduga (KeyError" in err.getvalue()
    assert "Traceback" in (paths.data / cli_module.ERROR_LOG).read_text(encoding="utf-8")


def test_piping_into_head_ends_quietly(tmp_path):
    cli(tmp_path, "sop", "list")  # create the database first, so the command below only prints
    process = subprocess.Popen(
        [sys.executable, "-m", "protokol_desktop", "--data-dir", str(tmp_path), "calendar", "list", "--year", "2026"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    process.stdout.close()  # the reader is gone before the first line is written, as `| head -0` does
    stderr = process.stderr.read().decode("utf-8")
    process.stderr.close()
    assert process.wait(timeout=120) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "Exception ignored" not in stderr


def test_demo_refuses_a_configured_office_folder_unless_told(tmp_path):
    cli(tmp_path, "calendar", "add-holiday", "2026-09-07", "HUT Kota Ambon")  # the office's own work
    refused = cli(tmp_path, "demo", "--requests", "3", check=False)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "sudah berisi pekerjaan kantor: 1 hari libur/hari kerja kantor" in refused.stderr
    assert "--ke-data-kantor" in refused.stderr
    with sqlite3.connect(tmp_path / "protokol.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM request").fetchone()[0] == 0
    db.close()
    done = cli(tmp_path, "demo", "--requests", "3", "--ke-data-kantor")
    assert "3 permohonan latihan (Kota Ambon)" in done.stdout
    tangerang = cli(tmp_path / "tng", "demo", "--office", "tangerang", "--requests", "4")
    assert "4 permohonan latihan (Kota Tangerang)" in tangerang.stdout
    with sqlite3.connect(tmp_path / "tng" / "protokol.sqlite3") as db:
        assert db.execute("SELECT COUNT(*), SUM(training) FROM request").fetchone() == (4, 4)
    db.close()


def test_operating_system_errors_are_one_indonesian_line(tmp_path):
    a_file = tmp_path / "bukan-folder"
    a_file.write_text("x", encoding="utf-8")
    result = _run("--data-dir", str(a_file), "sop", "list")
    assert result.returncode == 2
    assert result.stderr.strip() == f"Gagal membuka data: {a_file}: sudah ada dan bukan folder"
    missing = tmp_path / "tidak-ada" / "sop.json"
    result = _run("--data-dir", str(tmp_path / "d"), "sop", "import", str(missing))
    assert result.returncode == 2
    assert result.stderr.strip() == f"Gagal: Berkas {missing} tidak dapat dibaca: tidak ada"
    result = _run("--data-dir", str(tmp_path / "d"), "backup", "--out", str(a_file / "cadangan.sqlite3"))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("Gagal: ") and "Traceback" not in result.stderr
