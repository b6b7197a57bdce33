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
    step(5, "Membaca permohonan…")
    if kind == "register":
        rows = reports.register_rows(date_from, date_to, criteria, now=now)
        step(40, "Membaca riwayat langkah…")
        steps = reports.step_rows(date_from, date_to, criteria, now=now)
        step(70, "Menulis berkas Excel…")
        reports_xlsx.write_register(out, rows, steps, meta)
        summary = f"{len(rows)} permohonan, {len(steps)} langkah"
    elif kind == "kinerja":
        report = reports.kinerja(date_from, date_to, now=now)
        step(60, "Menulis berkas Excel…")
        reports_xlsx.write_kinerja(out, report, report.step_rows, meta)
        summary = f"{sum(s.received for s in report.services)} permohonan, {len(report.step_rows)} langkah"
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
