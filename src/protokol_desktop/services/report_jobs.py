"""Writing a report file as one job with progress and cancellation, for the CLI and the GUI worker.

The job reads, computes and writes in phases; between phases it reports progress and stops when
asked to. A cancelled job leaves no file behind (the writers save under a temporary name first).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from . import Actor, ServiceError, audit
from .board_frame import BoardFilter

REPORTS = {"register": "Buku agenda permohonan", "kinerja": "Laporan kinerja", "rekap": "Rekapitulasi"}


class Cancelled(Exception):
    """The user cancelled the job; nothing was written."""


@dataclass(frozen=True)
class ReportResult:
    path: Path
    title: str
    summary: str


Progress = Callable[[int, str], None]


def write_report(
    kind: str,
    date_from: date,
    date_to: date,
    out: Path,
    criteria: BoardFilter | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    now: datetime | None = None,
    actor: Actor | str | None = None,
) -> ReportResult:
    from ..export import reports_xlsx
    from . import reports

    if kind not in REPORTS:
        raise ServiceError(f'Jenis laporan "{kind}" tidak dikenal; pilih {", ".join(REPORTS)}')
    if out.suffix.lower() != ".xlsx":
        raise ServiceError(f"Berkas keluaran harus berakhiran .xlsx: {out}")

    def step(percent: int, text: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(percent, text)

    now = now or datetime.now(UTC)
    meta = reports.report_meta(date_from, date_to, now)
    step(2, "Membaca permohonan…")
    total = max(1, reports.count_requests(date_from, date_to))

    def reading(done: int) -> None:  # reading and computing: 5 % to 50 %
        if done % 250 == 0:
            step(5 + 45 * min(done, total) // total, f"Membaca permohonan… ({done} dari {total})")

    def writing(of: int) -> Callable[[int], None]:  # writing the sheets: 50 % to 99 %
        def report(written: int) -> None:
            step(50 + 49 * min(written, of) // max(of, 1), f"Menulis berkas Excel… ({written} dari {of} baris)")

        return report

    if kind == "register":
        register, history = reports_xlsx.RegisterTable(), reports_xlsx.StepTable()
        try:
            for done, (row, steps) in enumerate(reports.register_entries(date_from, date_to, criteria, now=now), 1):
                register.add_row(row)
                history.add_steps(steps)
                reading(done)
            summary = f"{register.count} permohonan, {history.count} langkah"
            step(50, "Menulis berkas Excel…")
            reports_xlsx.write_register(out, register, history, meta, writing(register.count + history.count))
        finally:
            register.close()
            history.close()
    elif kind == "kinerja":
        history = reports_xlsx.StepTable()
        counted = 0

        def sink(rows: list[reports.StepRow]) -> None:
            nonlocal counted
            history.add_steps(rows)
            counted += 1
            reading(counted)

        try:
            report = reports.kinerja(date_from, date_to, criteria, now=now, sink=sink)
            summary = f"{sum(s.received for s in report.services)} permohonan, {history.count} langkah"
            step(50, "Menulis berkas Excel…")
            reports_xlsx.write_kinerja(out, report, history, meta, writing(history.count))
        finally:
            history.close()
    else:
        recap = reports.rekap(date_from, date_to, now=now)
        step(60, "Menulis berkas Excel…")
        reports_xlsx.write_rekap(out, recap, meta)
        summary = f"{recap.total} permohonan"
    if cancelled is not None and cancelled():
        out.unlink(missing_ok=True)
        raise Cancelled
    # The register and kinerja name senders, contacts and officers: every report file is an audit entry.
    audit.record_export(actor, f"laporan_{kind}", out, None, periode=meta.period_text, ringkasan=summary)
    if progress is not None:
        progress(100, "Selesai")
    return ReportResult(out, f"{REPORTS[kind]} {meta.period_text}", summary)
