"""The admin command line: ``protokol-desktop sop|check|demo|export ...``.

For office IT staff who script checks and backups, and for testing the product from outside. It acts
with the rights its operating-system user has on the data folder and is recorded under that name.
Messages are Indonesian; exit status 0 on success, 1 when a check fails, 2 for bad input.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from . import __version__
from .paths import AppPaths


def os_user() -> str:
    try:
        return f"os:{getpass.getuser()}"
    except Exception:  # no login name (service account, container)
        return "os:tidak-dikenal"


def cli_actor():  # noqa: ANN201 - services.Actor, imported lazily
    """The command line acts with its OS user's rights on the data folder: as an administrator."""
    from .services import Actor

    return Actor(os_user(), "Admin")


def _print_table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def cmd_sop(args: argparse.Namespace, paths: AppPaths) -> int:
    from .services import library

    if args.sop_command == "list":
        items = library.list_summaries()
        if args.json:
            print(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            _print_table(
                [
                    [i["code"], i["name"][:48], i["office"], str(i["steps"]), i["total_text"], i["time_frame"] or "-"]
                    for i in items
                ],
                ["Kode", "Nama SOP", "Kantor", "Langkah", "Total waktu", "Jangka waktu"],
            )
        return 0
    if args.sop_command == "export":
        out = Path(args.out)
        fmt = args.format or (out.suffix.lstrip(".").lower() if out.suffix else "json")
        if fmt == "json":
            library.export_json(args.code, out)
        elif fmt == "xlsx":
            from .export.sop_xlsx import write_sop_workbook
            from .services.office import office_name

            sop = library.get_sop(args.code)
            write_sop_workbook(sop, out, office_name(sop.office))
        elif fmt == "pdf":
            from .services.office import office_name
            from .ui.pdf.sop_pdf import write_sop_pdf  # Qt's PDF writer; offscreen without a display

            sop = library.get_sop(args.code)
            write_sop_pdf(sop, out, office_name(sop.office))
        else:
            print(f"Format '{fmt}' tidak didukung (json, xlsx atau pdf)", file=sys.stderr)
            return 2
        print(f"SOP {args.code} diekspor ke {out}")
        return 0
    if args.sop_command == "import":
        row = library.import_file(Path(args.file), cli_actor())
        sop = library.sop_of_revision(row.id)
        print(f"SOP {sop.code} diimpor sebagai revisi {row.revision} ({len(sop.steps)} langkah)")
        return 0
    return 2


def cmd_check(args: argparse.Namespace, paths: AppPaths) -> int:
    from .services.checks import run_checks
    from .store.db import is_sqlite
    from .store.models import database

    where = paths.database if is_sqlite(database.obj) else f"server {database.obj.database}"
    problems = run_checks()
    if problems:
        print(f"Pemeriksaan GAGAL: {len(problems)} masalah ditemukan di {where}", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    print(f"Pemeriksaan berhasil: basis data {where} utuh dan konsisten.")
    return 0


def cmd_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    from .services.demo import fill_demo

    if args.requests < 1:
        print("Jumlah permohonan harus minimal 1", file=sys.stderr)
        return 2
    made = fill_demo(args.requests, seed=args.seed, actor=cli_actor())
    print(f"{made} permohonan latihan dibuat di {paths.database}")
    return 0


def cmd_calendar(args: argparse.Namespace, paths: AppPaths) -> int:
    from datetime import date

    from .domain.calendar import SERVICE_DAYS_RULE
    from .domain.indonesian import format_date_long
    from .services import ServiceError
    from .services.office import calendar, calendar_entries, rescheduled_message, set_office_day

    def parse_day(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise ServiceError(f'Tanggal "{text}" tidak sah; tulis YYYY-MM-DD') from exc

    if args.calendar_command == "list":
        for day, name, kind in calendar_entries(args.year):
            print(f"{day.isoformat()}  {format_date_long(day):<28} {kind:<18} {name}")
        return 0
    if args.calendar_command == "add-holiday":
        moved = set_office_day(parse_day(args.date), True, args.name, actor=cli_actor())
        print(f"Libur kantor {args.date} disimpan. {rescheduled_message(moved)}")
        return 0
    if args.calendar_command == "add-workday":
        moved = set_office_day(parse_day(args.date), False, args.name or "Hari kerja kantor", actor=cli_actor())
        print(f"Hari kerja kantor {args.date} disimpan. {rescheduled_message(moved)}")
        return 0
    if args.calendar_command == "add":
        start = parse_day(args.date)
        due = calendar().due_day(start, args.days)
        print(f"{args.days} hari kerja dari {format_date_long(start)} ({SERVICE_DAYS_RULE}): {format_date_long(due)}")
        return 0
    return 2


def cmd_backup(args: argparse.Namespace, paths: AppPaths) -> int:
    from .services.backup import backup_to

    out = backup_to(Path(args.out))
    print(f"Cadangan dibuat: {out} ({out.stat().st_size} bita)")
    return 0


def cmd_restore(args: argparse.Namespace, paths: AppPaths) -> int:
    from .services.backup import check_backup_file, restore

    source = Path(args.file)
    problems = check_backup_file(source)
    if problems:
        for problem in problems:
            print(f"Ditolak: {problem}", file=sys.stderr)
        return 2
    if not args.yes:
        if not sys.stdin.isatty():
            print("Pemulihan mengganti basis data saat ini; ulangi dengan --yes untuk skrip.", file=sys.stderr)
            return 2
        answer = input(f"Basis data {paths.database} akan diganti dengan {source}. Ketik YA untuk melanjutkan: ")
        if answer.strip().upper() != "YA":
            print("Dibatalkan; tidak ada yang berubah.")
            return 1
    aside = restore(paths, source)
    print(f"Dipulihkan dari {source}. Basis data sebelumnya disimpan di {aside}")
    return 0


def cmd_export(args: argparse.Namespace, paths: AppPaths) -> int:
    from datetime import date

    from .services.report_jobs import write_report

    days = []
    for option, text in (("--from", args.date_from), ("--to", args.date_to)):
        try:
            days.append(date.fromisoformat(text))
        except ValueError:
            print(f'Tanggal {option} "{text}" tidak sah; tulis YYYY-MM-DD, misalnya 2026-11-01', file=sys.stderr)
            return 2
    out = Path(args.out)
    try:  # a bad period or file name is a ServiceError: "Gagal: ..." and status 2
        result = write_report(args.report, days[0], days[1], out)
    except OSError as exc:
        print(f"Gagal menulis {out}: {exc}", file=sys.stderr)
        return 2
    print(f"{result.title} ({result.summary}) disimpan ke {result.path}")
    return 0


def cmd_migrate_to(args: argparse.Namespace, paths: AppPaths) -> int:
    import getpass

    from .services.migrate import migrate_to
    from .store.db import close_database

    close_database()
    password = None
    if args.ask_password:
        password = getpass.getpass("Kata sandi basis data: ")
    report = migrate_to(paths.database, args.url, password)
    for table, count in report.counts.items():
        print(f"  {table:<24} {count:>8}")
    print(
        f"Data dipindahkan ke server dan diperiksa: jumlah baris sama, jejak audit utuh ({report.audit_entries} "
        f"entri). Berkas {paths.database} tidak diubah."
    )
    return 0


def cmd_agenda(args: argparse.Namespace, paths: AppPaths) -> int:
    from datetime import date

    from .services.agenda import export_week

    try:
        day = date.fromisoformat(args.week)
    except ValueError:
        print(f'Tanggal --week "{args.week}" tidak sah; tulis YYYY-MM-DD', file=sys.stderr)
        return 2
    try:
        out = export_week(day, Path(args.out))
    except OSError as exc:
        print(f"Gagal menulis {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"Agenda pimpinan minggu {args.week} disimpan ke {out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="protokol-desktop",
        description="Protokol Desktop: SOP, permohonan dan laporan Bagian Protokol.",
    )
    parser.add_argument("--version", action="version", version=f"Protokol Desktop {__version__}")
    parser.add_argument("--data-dir", help="folder data (basis data, cadangan, lampiran); juga PROTOKOL_DATA_DIR")
    parser.add_argument("--self-test", action="store_true", help="buka basis data dan jendela utama, lalu keluar")
    parser.add_argument(
        "--database", metavar="URL", help="server PostgreSQL, mis. postgresql://pengguna@host:5432/protokol"
    )
    sub = parser.add_subparsers(dest="command")

    sop = sub.add_parser("sop", help="pustaka SOP")
    sop_sub = sop.add_subparsers(dest="sop_command", required=True)
    sop_list = sop_sub.add_parser("list", help="daftar SOP")
    sop_list.add_argument("--json", action="store_true", help="keluaran JSON")
    sop_export = sop_sub.add_parser("export", help="ekspor satu SOP")
    sop_export.add_argument("code")
    sop_export.add_argument("--out", required=True)
    sop_export.add_argument("--format", choices=["json", "xlsx", "pdf"])
    sop_import = sop_sub.add_parser("import", help="impor berkas SOP (format pertukaran)")
    sop_import.add_argument("file")

    sub.add_parser("check", help="periksa keutuhan dan konsistensi basis data")
    backup = sub.add_parser("backup", help="buat cadangan basis data")
    backup.add_argument("--out", required=True)
    restore = sub.add_parser("restore", help="pulihkan basis data dari cadangan")
    restore.add_argument("file")
    restore.add_argument("--yes", action="store_true", help="jangan bertanya (untuk skrip)")

    cal = sub.add_parser("calendar", help="kalender hari kerja kantor")
    cal_sub = cal.add_subparsers(dest="calendar_command", required=True)
    cal_list = cal_sub.add_parser("list", help="hari libur dan cuti bersama setahun")
    cal_list.add_argument("--year", type=int, default=__import__("datetime").date.today().year)
    holiday = cal_sub.add_parser("add-holiday", help="tambah libur kantor")
    holiday.add_argument("date")
    holiday.add_argument("name")
    workday = cal_sub.add_parser("add-workday", help="jadikan satu hari sebagai hari kerja")
    workday.add_argument("date")
    workday.add_argument("name", nargs="?", default="")
    add = cal_sub.add_parser("add", help="hitung N hari kerja dari satu tanggal")
    add.add_argument("date")
    add.add_argument("days", type=int)

    demo = sub.add_parser("demo", help="isi basis data dengan permohonan latihan")
    demo.add_argument("--requests", type=int, default=50)
    demo.add_argument("--seed", type=int, default=1)
    agenda = sub.add_parser("agenda", help="agenda pimpinan")
    agenda_sub = agenda.add_subparsers(dest="agenda_command", required=True)
    agenda_export = agenda_sub.add_parser("export", help="ekspor agenda seminggu ke Excel (satu lembar per pimpinan)")
    agenda_export.add_argument("--week", required=True, metavar="YYYY-MM-DD", help="tanggal mana pun dalam minggu itu")
    agenda_export.add_argument("--out", required=True, metavar="FILE.xlsx")
    migrate = sub.add_parser("migrate-to", help="pindahkan data SQLite ke server PostgreSQL")
    migrate.add_argument("url", help="postgresql://pengguna@host:5432/nama (basis data kosong)")
    migrate.add_argument("--ask-password", action="store_true", help="tanyakan kata sandi server")
    export = sub.add_parser("export", help="ekspor laporan ke Excel: register, kinerja atau rekap")
    export.add_argument("report", choices=["register", "kinerja", "rekap"], help="jenis laporan")
    export.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help="tanggal diterima awal")
    export.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="tanggal diterima akhir")
    export.add_argument("--out", required=True, metavar="FILE.xlsx", help="berkas Excel keluaran (.xlsx)")
    return parser


COMMANDS = {
    "sop": cmd_sop,
    "check": cmd_check,
    "demo": cmd_demo,
    "calendar": cmd_calendar,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "export": cmd_export,
    "migrate-to": cmd_migrate_to,
    "agenda": cmd_agenda,
}


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    from .services import ServiceError

    try:
        return COMMANDS[args.command](args, paths)
    except ServiceError as exc:
        print(f"Gagal: {exc}", file=sys.stderr)
        return 2
