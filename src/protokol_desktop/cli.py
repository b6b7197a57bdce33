"""The admin command line: ``protokol-desktop sop|check|demo|export ...``.

For office IT staff who script checks and backups, and for testing the product from outside. It acts
with the rights its operating-system user has on the data folder and is recorded under that name.
Messages are Indonesian, argparse's own included (usage, help, errors); every error is one line on
stderr. Exit status 0 on success, 1 when a check fails (or the command broke unexpectedly: the details
go to ``cli-galat.log`` in the data folder), 2 for bad input. ``--data-dir`` and ``--database`` are
accepted before or after the subcommand.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from . import __version__
from .paths import AppPaths

# argparse's own strings, in Indonesian. argparse looks them up through gettext at the moment it builds
# a parser or reports an error; :func:`_indonesian_argparse` points those look-ups here.
ARGPARSE_TEXT = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "optional arguments": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan %(value)r tidak ada (pilih %(choices)s)",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s kurang jelas: bisa %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r tidak dipakai",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}

ERROR_LOG = "cli-galat.log"
MAX_CALENDAR_DAYS = 1000  # calendar add: about four years of working days
MAX_DEMO_REQUESTS = 20_000


def _gettext(message: str) -> str:
    return ARGPARSE_TEXT.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


def _indonesian_argparse() -> None:
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one Indonesian line (and exit status 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (lihat {self.prog} --help)\n")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def whole_number(low: int, high: int, grouped: bool = True):  # noqa: ANN201 - an argparse type
    """An argparse ``type``: a whole number from ``low`` to ``high``, refused in Indonesian otherwise
    (``grouped``: the bounds written as counts, 1.000; a year is written 2026)."""
    shown = _number if grouped else str

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f'"{text}" bukan bilangan bulat') from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"harus {shown(low)} sampai {shown(high)}, bukan {text}")
        return value

    return parse


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
        if row.note != f"Diimpor dari {Path(args.file).name}":  # a migrated older file: what it could not say
            print(f"Catatan: {row.note}")
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
    from .services import ServiceError
    from .services.demo import fill_demo
    from .services.office import active_office
    from .services.training import OfficeDataPresent, remove_training

    if args.hapus_latihan:
        try:
            removed = remove_training(cli_actor(), paths.attachments)
        except ServiceError as exc:
            print(f"Ditolak: {exc}", file=sys.stderr)
            return 2
        print(f"{removed} permohonan latihan dihapus dari {paths.database} (dicatat di jejak audit)")
        return 0
    try:
        made = fill_demo(args.requests, seed=args.seed, actor=cli_actor(), office=args.office,
                         into_office_data=args.ke_data_kantor)  # fmt: skip
    except OfficeDataPresent as exc:
        print(f"Ditolak: {exc}. Data latihan tidak dicampur ke data kantor: pakai --data-dir folder lain, "
              "atau --ke-data-kantor bila memang disengaja.", file=sys.stderr)  # fmt: skip
        return 2
    print(f"{made} permohonan latihan ({active_office().name}) dibuat di {paths.database}")
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

    out = backup_to(Path(args.out), cli_actor())
    print(f"Cadangan dibuat: {out} ({out.stat().st_size} bita)")
    return 0


def cmd_restore(args: argparse.Namespace, paths: AppPaths) -> int:
    """Refused while another process holds the data folder, and for a file that fails the checks of
    ``check`` unless ``--force --reason`` says why (the restore's audit entry records it)."""
    from .services.backup import RestoreRefused, inspect_backup, refuse_if_busy, restore

    source = Path(args.file)
    if args.force and not (args.reason or "").strip():
        print("--force memerlukan --reason \"alasan\" (dicatat di jejak audit)", file=sys.stderr)
        return 2
    try:
        refuse_if_busy(paths)
    except RestoreRefused as exc:
        print(exc, file=sys.stderr)  # "Pemulihan ditolak: folder data ... sedang dipakai oleh ..."
        return 2
    inspection = inspect_backup(paths, source)
    for problem in inspection.problems:
        print(f"Ditolak: {problem}", file=sys.stderr)
    if inspection.problems:
        return 2
    if inspection.findings:
        print(f"Berkas {source.name} gagal pemeriksaan ({len(inspection.findings)} masalah):", file=sys.stderr)
        for finding in inspection.findings:
            print(f"- {finding}", file=sys.stderr)
        if not args.force:
            refusal = "Ditolak: berkas yang gagal pemeriksaan tidak dipulihkan; tidak ada yang diubah."
            print(f'{refusal} Ulangi dengan --force --reason "alasan" bila memang harus dipulihkan.', file=sys.stderr)
            return 2
    if not args.yes:
        if not sys.stdin.isatty():
            print("Pemulihan mengganti basis data saat ini; ulangi dengan --yes untuk skrip.", file=sys.stderr)
            return 2
        answer = input(f"Basis data {paths.database} akan diganti dengan {source}. Ketik YA untuk melanjutkan: ")
        if answer.strip().upper() != "YA":
            print("Dibatalkan; tidak ada yang berubah.")
            return 1
    try:
        aside = restore(paths, source, actor=cli_actor(), force_reason=args.reason if args.force else None)
    except RestoreRefused as exc:
        print(f"Ditolak: {exc}", file=sys.stderr)
        return 2
    forced = " meskipun gagal pemeriksaan (dicatat di jejak audit)" if inspection.findings else ""
    print(f"Dipulihkan dari {source}{forced}. Basis data sebelumnya disimpan di {aside}")
    return 0


def cmd_audit(args: argparse.Namespace, paths: AppPaths) -> int:
    from .services import audit

    if args.audit_command == "verify":
        from .services.audit_file import verify_export

        result = verify_export(Path(args.file))
        if result.problems:
            for problem in result.problems:
                print(problem, file=sys.stderr)
            print(f"Verifikasi GAGAL: {len(result.problems)} masalah di {args.file}", file=sys.stderr)
            return 1
        print(f"Verifikasi berhasil: {result.checked} entri di {args.file} sama dengan jejak audit "
              f"(rantai utuh sampai entri #{result.last_id}).")  # fmt: skip
        return 0
    if args.audit_command == "reset-anchor":
        current = audit.reset_anchor(cli_actor(), args.reason)
        print(f"Jangkar jejak audit diatur ulang ke entri #{current.id if current else 0}; dicatat di jejak audit.")
        return 0
    return 2


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
        result = write_report(args.report, days[0], days[1], out, actor=cli_actor())
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
        out = export_week(day, Path(args.out), actor=cli_actor())
    except OSError as exc:
        print(f"Gagal menulis {args.out}: {exc}", file=sys.stderr)
        return 2
    print(f"Agenda pimpinan minggu {args.week} disimpan ke {out}")
    return 0


def _global_options(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument("--data-dir", metavar="FOLDER", default=default,
                        help="folder data (basis data, cadangan, lampiran); juga PROTOKOL_DATA_DIR")  # fmt: skip
    parser.add_argument("--database", metavar="URL", default=default,
                        help="server PostgreSQL, mis. postgresql://pengguna@host:5432/protokol")  # fmt: skip


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse._SubParsersAction]:
    return [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]


def _finish(parser: argparse.ArgumentParser) -> None:
    """Every subcommand (at any depth) also takes the global options, without overwriting a value given
    before the subcommand; a missing subcommand is named in Indonesian."""
    for action in _subparsers(parser):
        action.metavar = action.metavar or "PERINTAH"
        for child in action.choices.values():
            _global_options(child, default=argparse.SUPPRESS)
            _finish(child)


def build_parser() -> argparse.ArgumentParser:
    _indonesian_argparse()
    parser = Parser(
        prog="protokol-desktop",
        description="Protokol Desktop: SOP, permohonan dan laporan Bagian Protokol. Tanpa perintah: buka aplikasi.",
        epilog="Kode keluar: 0 berhasil, 1 pemeriksaan gagal (atau galat tak terduga), 2 masukan salah.",
    )
    parser.add_argument("--version", action="version", version=f"Protokol Desktop {__version__}",
                        help="tampilkan versi program lalu keluar")  # fmt: skip
    parser.add_argument("--self-test", action="store_true", help="buka basis data dan jendela utama, lalu keluar")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", title="perintah")

    sop = sub.add_parser("sop", help="pustaka SOP")
    sop_sub = sop.add_subparsers(dest="sop_command", required=True)
    sop_list = sop_sub.add_parser("list", help="daftar SOP")
    sop_list.add_argument("--json", action="store_true", help="keluaran JSON")
    sop_export = sop_sub.add_parser("export", help="ekspor satu SOP")
    sop_export.add_argument("code", metavar="KODE", help="kode SOP, lihat sop list")
    sop_export.add_argument("--out", required=True, metavar="BERKAS", help="berkas keluaran")
    sop_export.add_argument("--format", choices=["json", "xlsx", "pdf"], help="bentuk berkas (bawaan: akhiran --out)")
    sop_import = sop_sub.add_parser("import", help="impor berkas SOP (format pertukaran)")
    sop_import.add_argument("file", metavar="BERKAS", help="berkas JSON format pertukaran SOP")

    sub.add_parser("check", help="periksa keutuhan dan konsistensi basis data")
    backup = sub.add_parser("backup", help="buat cadangan basis data")
    backup.add_argument("--out", required=True, metavar="BERKAS", help="berkas cadangan (.sqlite3)")
    restore = sub.add_parser("restore", help="pulihkan basis data dari cadangan")
    restore.add_argument("file", metavar="BERKAS", help="berkas cadangan")
    restore.add_argument("--yes", action="store_true", help="jangan bertanya (untuk skrip)")
    restore.add_argument("--force", action="store_true", help="pulihkan juga berkas yang gagal pemeriksaan")
    restore.add_argument("--reason", metavar="ALASAN", help="alasan --force, dicatat di jejak audit")
    audit_parser = sub.add_parser("audit", help="jejak audit: verifikasi ekspor, jangkar")
    audit_sub = audit_parser.add_subparsers(dest="audit_command", required=True)
    audit_verify = audit_sub.add_parser("verify", help="periksa berkas ekspor jejak audit terhadap rantai")
    audit_verify.add_argument("file", metavar="BERKAS.xlsx", help="berkas ekspor jejak audit")
    audit_reset = audit_sub.add_parser("reset-anchor", help="terima rantai saat ini setelah pemotongan diperiksa")
    audit_reset.add_argument("--reason", required=True, metavar="ALASAN", help="dicatat di jejak audit")

    cal = sub.add_parser("calendar", help="kalender hari kerja kantor")
    cal_sub = cal.add_subparsers(dest="calendar_command", required=True)
    cal_list = cal_sub.add_parser("list", help="hari libur dan cuti bersama setahun")
    cal_list.add_argument("--year", type=whole_number(1900, 2200, grouped=False), metavar="TAHUN",
                          default=__import__("datetime").date.today().year, help="bawaan: tahun ini")  # fmt: skip
    holiday = cal_sub.add_parser("add-holiday", help="tambah libur kantor")
    holiday.add_argument("date", metavar="TANGGAL", help="YYYY-MM-DD")
    holiday.add_argument("name", metavar="NAMA", help="nama hari libur")
    workday = cal_sub.add_parser("add-workday", help="jadikan satu hari sebagai hari kerja")
    workday.add_argument("date", metavar="TANGGAL", help="YYYY-MM-DD")
    workday.add_argument("name", nargs="?", default="", metavar="NAMA", help="keterangan")
    add = cal_sub.add_parser("add", help="hitung N hari kerja dari satu tanggal")
    add.add_argument("date", metavar="TANGGAL", help="YYYY-MM-DD")
    add.add_argument("days", type=whole_number(0, MAX_CALENDAR_DAYS), metavar="JUMLAH",
                     help=f"jumlah hari kerja, 0 sampai {_number(MAX_CALENDAR_DAYS)}")  # fmt: skip

    demo = sub.add_parser("demo", help="isi basis data dengan permohonan latihan")
    demo.add_argument("--requests", type=whole_number(1, MAX_DEMO_REQUESTS), default=50, metavar="JUMLAH",
                      help="jumlah permohonan latihan (bawaan 50)")  # fmt: skip
    demo.add_argument("--seed", type=whole_number(0, 2**31), default=1, metavar="ANGKA",
                      help="angka acak awal: angka yang sama, data yang sama")  # fmt: skip
    demo.add_argument("--office", metavar="KANTOR",
                      help="data untuk SOP kantor ini saja: ambon, lumajang, madiun atau tangerang")  # fmt: skip
    demo.add_argument("--ke-data-kantor", action="store_true",
                      help="tetap tulis ke folder berisi pekerjaan kantor (data latihan ditandai)")  # fmt: skip
    demo.add_argument("--hapus-latihan", action="store_true",
                      help="hapus semua permohonan latihan dan catatannya (permohonan kantor tetap)")  # fmt: skip
    agenda = sub.add_parser("agenda", help="agenda pimpinan")
    agenda_sub = agenda.add_subparsers(dest="agenda_command", required=True)
    agenda_export = agenda_sub.add_parser("export", help="ekspor agenda seminggu ke Excel (satu lembar per pimpinan)")
    agenda_export.add_argument("--week", required=True, metavar="YYYY-MM-DD", help="tanggal mana pun dalam minggu itu")
    agenda_export.add_argument("--out", required=True, metavar="BERKAS.xlsx")
    migrate = sub.add_parser("migrate-to", help="pindahkan data SQLite ke server PostgreSQL")
    migrate.add_argument("url", help="postgresql://pengguna@host:5432/nama (basis data kosong)")
    migrate.add_argument("--ask-password", action="store_true", help="tanyakan kata sandi server")
    export = sub.add_parser("export", help="ekspor laporan ke Excel: register, kinerja atau rekap")
    export.add_argument("report", choices=["register", "kinerja", "rekap"], help="jenis laporan")
    export.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD", help="tanggal diterima awal")
    export.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD", help="tanggal diterima akhir")
    export.add_argument("--out", required=True, metavar="BERKAS.xlsx", help="berkas Excel keluaran (.xlsx)")
    _finish(parser)
    return parser


COMMANDS = {
    "sop": cmd_sop,
    "check": cmd_check,
    "demo": cmd_demo,
    "calendar": cmd_calendar,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "audit": cmd_audit,
    "export": cmd_export,
    "migrate-to": cmd_migrate_to,
    "agenda": cmd_agenda,
}


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    """Run one subcommand. Bad input is one line and status 2; anything unexpected is one line and
    status 1, with its traceback appended to ``cli-galat.log`` in the data folder."""
    import sqlite3

    from .domain.indonesian import os_error_text
    from .domain.validation import ValidationError
    from .services import ServiceError

    try:
        return COMMANDS[args.command](args, paths)
    except (ServiceError, ValidationError) as exc:
        print(f"Gagal: {one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise  # the reader went away (| head): __main__ ends quietly
    except OSError as exc:
        print(f"Gagal: {os_error_text(exc)}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:  # e.g. a backup into a folder that cannot be written
        print(f"Gagal: basis data atau berkas tujuan tidak dapat dibuka atau ditulis ({one_line(exc)})",
              file=sys.stderr)  # fmt: skip
        return 2
    except Exception as exc:  # one line for the user, the details in the log
        print(f"Gagal karena galat tak terduga ({type(exc).__name__}: {one_line(exc)}); rincian di "
              f"{log_error(paths)}", file=sys.stderr)  # fmt: skip
        return 1


def one_line(exc: BaseException) -> str:
    """An exception's message on one line (a server's message can span several)."""
    return " ".join(str(exc).split())


def log_error(paths: AppPaths) -> Path:
    """Append the current exception's traceback to the data folder's CLI error log; returns its path."""
    import traceback
    from datetime import datetime

    log = paths.data / ERROR_LOG
    try:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')} {' '.join(sys.argv[1:])}\n")
            handle.write(traceback.format_exc())
    except OSError:
        pass
    return log
