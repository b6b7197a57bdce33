"""The office's reports as Excel workbooks, ready to print on A4.

* :func:`write_register`: sheet "Register" (the Buku Agenda Permohonan) and sheet "Riwayat Langkah"
  (one row per pass through a step).
* :func:`write_kinerja`: timing against Mutu Baku per service, per step and per role, the slowest
  requests, two bar charts (on-time share per step, monthly volume per service) and the
  "Riwayat Langkah" sheet every figure is computed from, so a reader can recompute them.
* :func:`write_rekap`: the monthly recap for the leadership under the office letterhead.

Dates and times are real Excel dates (office-local, written naive) and durations are numbers. Every
table sheet is A4, one page wide (fitToWidth 1, fitToHeight 0), its header row repeated on every
page, frozen below the header and filterable. Column widths follow the contents; long texts wrap and
their rows are made tall enough, since neither Excel nor LibreOffice grows freshly written rows.
The "Riwayat Langkah" sheet starts with its header row (row 1) so it reads as a plain table; its
title is in the page header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.indonesian import format_date, format_datetime
from ..services.reports import (
    P90_NOTE,
    KinerjaReport,
    RegisterRow,
    RekapReport,
    ReportMeta,
    StepRow,
)

FONT = "Arial"
SIZE = 10
LINE_POINTS = 12.75  # one line of Arial 10
DEFAULT_WIDTH = 8.43  # a column whose width is not set
FILL_HEADER = "D9D9D9"
FILL_TOTAL = "F2F2F2"
CHART_SPAN = 14  # columns the on-time chart sheet spans: its table, a gap and the chart

FORMAT_DATE = "DD/MM/YYYY"
FORMAT_DATETIME = "DD/MM/YYYY HH:MM"
FORMAT_MINUTES = "#,##0.0"
FORMAT_INT = "#,##0"
FORMAT_SHARE = "0.0%"
ACTUAL_FORMATS = {
    "hari kerja": '0 "hari kerja"',
    "hari": '0 "hari"',
    "menit": '#,##0.0 "menit"',
    "menit aktif": '#,##0.0 "menit aktif"',
}

REGISTER_HEADERS = (
    "No", "Nomor Surat", "Tanggal Surat", "Diterima", "Perihal", "Penyelenggara", "Layanan", "Pimpinan",
    "Tanggal Acara", "Status", "Langkah Saat Ini", "Selesai", "Jangka Waktu", "Waktu Aktual", "Tepat Waktu",
)  # fmt: skip
STEP_HEADERS = (
    "Nomor Surat", "Layanan", "Langkah", "Putaran", "Uraian", "Pelaksana", "Petugas", "Mulai", "Selesai",
    "Durasi (menit)", "Standar (menit)", "Mutu Baku", "Status",
)  # fmt: skip

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


# ---------------------------------------------------------------------------------------------
# Layout helpers


@dataclass(frozen=True)
class Col:
    """A table column: its header, the kind of its values and how wide it may grow."""

    title: str
    kind: str = "text"  # text, int, minutes, share, date, datetime
    max_width: float = 30.0
    min_width: float = 5.0
    number_format: str | None = None


def _font(bold: bool = False, size: int = SIZE, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


_NARROW = set(" .,:;/|!'()[]-ilIjtfr")
_WIDE = set("mwMW@%")


def _chars(text: str) -> float:
    """Width of ``text`` in Arial 10, in column-width units (the '0' of the default Calibri 11), with
    a 10 % margin: digits and most lower case about one unit, capitals more, punctuation half."""
    total = 0.0
    for ch in text:
        if ch in _NARROW:
            total += 0.55
        elif ch in _WIDE:
            total += 1.55
        elif ch.isupper():
            total += 1.3
        else:
            total += 1.06
    return total * 1.1


def _text_width(text: str) -> float:
    """Column width ``text`` needs on one line (with the cell padding)."""
    return _chars(text) + 1.5


def _display(value: Any, col: Col) -> str:
    if value is None:
        return ""
    if col.kind == "date":
        return "00/00/0000"
    if col.kind == "datetime":
        return "00/00/0000 00:00"
    if col.kind == "share":
        return "100,0%"
    if col.kind == "minutes":
        return f"{value:,.1f}"
    if col.kind == "int":
        return f"{value:,}"
    if col.kind == "actual":
        return f"{value:,.1f} menit aktif"
    return str(value)


def _lines(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` wide: a greedy word wrap, erring on the tall side."""
    capacity = max(3.0, (width - 1.5) * 1.15)  # _chars keeps a margin for widths; less is needed here
    space = _chars(" ")
    total = 0
    for paragraph in (text or "").split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split():
            size = _chars(word)
            if used and used + space + size > capacity:
                lines, used = lines + 1, 0.0
            while size > capacity:  # a word longer than the line breaks anywhere
                lines, size = lines + 1, size - capacity
            used = used + space + size if used else size
        total += lines
    return max(1, total)


def _naive(value: Any) -> Any:
    """What a cell holds: office-local datetimes made naive, and nothing for an empty text."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return None if value == "" else value


def _title_block(
    ws: Worksheet, lines: Sequence[tuple[str, Font]], ncols: int, note: str = "", span: int | None = None
) -> int:
    """Title lines, then an optional note, each merged across ``span`` columns (default: the table's)
    and wrapped; their heights are set by :func:`_table` once the widths are known. Returns the row
    of the table header (after one blank row)."""
    row = 1
    last = get_column_letter(max(ncols, span or 0))
    items = [*lines, *([(note, _font(italic=True, size=9))] if note else [])]
    for text, font in items:
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(f"A{row}:{last}{row}")
        row += 1
    return row + 1


def _column_width(ws: Worksheet, column: int) -> float:
    dimension = ws.column_dimensions.get(get_column_letter(column))
    return float(dimension.width) if dimension is not None and dimension.customWidth else DEFAULT_WIDTH


def _fit_titles(ws: Worksheet, header_row: int) -> None:
    """Make the merged, wrapped rows above the table as tall as their text needs."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row >= header_row or merged.min_row != merged.max_row:
            continue
        cell = ws.cell(row=merged.min_row, column=merged.min_col)
        if not cell.value:
            continue
        width = sum(_column_width(ws, c) for c in range(merged.min_col, merged.max_col + 1))
        size = float(cell.font.size or SIZE)
        scale = size / SIZE * (1.1 if cell.font.bold else 1.0)
        lines = _lines(str(cell.value), width / scale)
        ws.row_dimensions[merged.min_row].height = round(lines * size * 1.3 + 3, 1)


def _table(ws: Worksheet, header_row: int, cols: Sequence[Col], rows: Sequence[Sequence[Any]],
           formats: Sequence[Sequence[str | None]] | None = None) -> int:  # fmt: skip
    """Write a bordered table with its header at ``header_row``; set the widths and the row heights.
    ``formats`` overrides the number format cell by cell. Returns the last row written."""
    widths = []
    for index, col in enumerate(cols):
        longest_word = max((_chars(word) for word in col.title.split()), default=1.0) * 1.1  # bold
        need = max([_text_width(_display(row[index], col)) for row in rows] or [0.0])
        width = max(col.min_width, longest_word + 2.0, min(col.max_width, need))
        widths.append(round(width, 1))
        ws.column_dimensions[get_column_letter(index + 1)].width = round(width, 1)
    header_fill = PatternFill("solid", fgColor=FILL_HEADER)
    header_lines = 1
    for index, col in enumerate(cols, start=1):
        cell = ws.cell(row=header_row, column=index, value=col.title)
        cell.font = _font(bold=True)
        cell.fill = header_fill
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header_lines = max(header_lines, _lines(col.title, widths[index - 1]))
    ws.row_dimensions[header_row].height = LINE_POINTS * header_lines + 4
    for offset, values in enumerate(rows, start=1):
        row = header_row + offset
        lines = 1
        for index, (col, value) in enumerate(zip(cols, values, strict=True), start=1):
            cell = ws.cell(row=row, column=index, value=_naive(value))
            cell.font = _font()
            cell.border = BORDER
            fmt = formats[offset - 1][index - 1] if formats else None
            if fmt or col.number_format:
                cell.number_format = fmt or col.number_format or "General"
            elif col.kind == "date":
                cell.number_format = FORMAT_DATE
            elif col.kind == "datetime":
                cell.number_format = FORMAT_DATETIME
            elif col.kind == "minutes":
                cell.number_format = FORMAT_MINUTES
            elif col.kind == "int":
                cell.number_format = FORMAT_INT
            elif col.kind == "share":
                cell.number_format = FORMAT_SHARE
            if col.kind == "text":
                text = "" if value is None else str(value)
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                lines = max(lines, _lines(text, widths[index - 1]))
            else:
                centred = col.kind in ("date", "datetime") or col.title == "No"
                cell.alignment = Alignment(vertical="top", horizontal="center" if centred else "right")
        if lines > 1:
            ws.row_dimensions[row].height = LINE_POINTS * lines + 2
    _fit_titles(ws, header_row)
    return header_row + len(rows)


def _print_setup(ws: Worksheet, header_row: int, last_row: int, ncols: int, landscape: bool, title: str) -> None:
    """A4, one page wide, the header row repeated, frozen below it, an autofilter over the table."""
    last = get_column_letter(ncols)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.7, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{last}{max(last_row, header_row)}"
    if title:
        ws.oddHeader.center.text = title
        ws.oddHeader.center.size = 9
    ws.oddFooter.center.text = "Halaman &P dari &N"
    ws.oddFooter.center.size = 9


def _heading(meta: ReportMeta, title: str) -> list[tuple[str, Font]]:
    office = " — ".join(part for part in (meta.organisation, meta.unit) if part)
    printed = f"{format_datetime(meta.printed_at)} {_zone_name(meta.printed_at)}".strip()
    return [
        (title, _font(bold=True, size=14)),
        (office, _font(bold=True)),
        (f"Periode: {meta.period_text} (tanggal diterima) · dicetak {printed}", _font()),
    ]


def _zone_name(moment: datetime) -> str:
    offset = moment.utcoffset()
    hours = offset.total_seconds() / 3600 if offset is not None else None
    return {7.0: "WIB", 8.0: "WITA", 9.0: "WIT"}.get(hours or 0.0, "")


def _save(wb: Workbook, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# ---------------------------------------------------------------------------------------------
# Register and Riwayat Langkah


def _register_sheet(ws: Worksheet, rows: Sequence[RegisterRow], meta: ReportMeta) -> None:
    cols = [
        Col("No", "int", min_width=5),
        Col("Nomor Surat", max_width=24),
        Col("Tanggal Surat", "date"),
        Col("Diterima", "datetime"),
        Col("Perihal", max_width=40, min_width=20),
        Col("Penyelenggara", max_width=26, min_width=14),
        Col("Layanan", max_width=18),
        Col("Pimpinan", max_width=16),
        Col("Tanggal Acara", "date"),
        Col("Status", max_width=14),
        Col("Langkah Saat Ini", max_width=30, min_width=14),
        Col("Selesai", "datetime"),
        Col("Jangka Waktu", max_width=13),
        Col("Waktu Aktual", "actual", max_width=20),
        Col("Tepat Waktu", max_width=8),
    ]
    assert tuple(c.title for c in cols) == REGISTER_HEADERS
    header = _title_block(ws, _heading(meta, "BUKU AGENDA PERMOHONAN"), len(cols))
    values = [
        [
            r.no, r.nomor_surat, r.tanggal_surat, r.received_at, r.perihal, r.pengirim, r.service, r.leader,
            r.event_date, r.status_label, r.current_step, r.finished_at, r.jangka_waktu, r.actual, r.on_time,
        ]
        for r in rows
    ]  # fmt: skip
    blank: list[str | None] = [None] * 13
    formats = [blank + [ACTUAL_FORMATS.get(r.actual_unit) if r.actual is not None else None, None] for r in rows]
    last = _table(ws, header, cols, values, formats)
    for row in range(header + 1, last + 1):
        ws.cell(row=row, column=15).alignment = Alignment(vertical="top", horizontal="center")
    _print_setup(ws, header, last, len(cols), True, f"Buku Agenda Permohonan — {meta.period_text}")


def _steps_sheet(ws: Worksheet, steps: Sequence[StepRow], meta: ReportMeta) -> None:
    cols = [
        Col("Nomor Surat", max_width=24),
        Col("Layanan", max_width=18),
        Col("Langkah", "int"),
        Col("Putaran", "int"),
        Col("Uraian", max_width=42, min_width=20),
        Col("Pelaksana", max_width=12),
        Col("Petugas", max_width=22),
        Col("Mulai", "datetime"),
        Col("Selesai", "datetime"),
        Col("Durasi (menit)", "minutes"),
        Col("Standar (menit)", "int"),
        Col("Mutu Baku", max_width=14),
        Col("Status", max_width=13),
    ]
    assert tuple(c.title for c in cols) == STEP_HEADERS
    values = [
        [
            s.nomor_surat, s.service, s.step_number, s.round, s.uraian, s.role, s.person, s.started_at, s.ended_at,
            s.durasi, s.standar, s.mutu_baku, s.status,
        ]
        for s in steps
    ]  # fmt: skip
    last = _table(ws, 1, cols, values)
    _print_setup(ws, 1, last, len(cols), True, f"Riwayat Langkah — {meta.period_text} — {meta.unit}")


def write_register(path: Path, rows: Sequence[RegisterRow], steps: Sequence[StepRow], meta: ReportMeta) -> Path:
    """The Buku Agenda Permohonan: sheets "Register" and "Riwayat Langkah"."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Register"
    _register_sheet(ws, rows, meta)
    _steps_sheet(wb.create_sheet("Riwayat Langkah"), steps, meta)
    return _save(wb, path)


# ---------------------------------------------------------------------------------------------
# Kinerja


STAT_COLS = (
    Col("Langkah selesai (n)", "int"),
    Col("Median (menit)", "minutes"),
    Col("P90 (menit)", "minutes"),
    Col("Dengan standar", "int"),
    Col("Tepat waktu", "int"),
    Col("Terlambat", "int"),
    Col("Tepat waktu (%)", "share"),
)


def _stat_values(stats: Any) -> list[Any]:
    return [
        stats.count, stats.median, stats.p90, stats.with_standard, stats.on_time, stats.late, stats.on_time_share,
    ]  # fmt: skip


def _service_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    cols = [
        Col("Layanan", max_width=24),
        Col("Kode SOP", max_width=24),
        Col("Jangka Waktu", max_width=13),
        Col("Diterima", "int"),
        Col("Selesai", "int"),
        Col("Dibatalkan", "int"),
        Col("Belum selesai", "int"),
        Col("Selesai dengan jangka waktu", "int"),
        Col("Selesai dalam jangka waktu", "int"),
        Col("Dalam jangka waktu (%)", "share"),
        *STAT_COLS,
    ]
    values = [
        [
            s.service, s.sop_codes, s.jangka_waktu, s.received, s.finished, s.cancelled, s.open,
            s.finished_with_deadline, s.finished_within, s.within_share, *_stat_values(s.stats),
        ]
        for s in report.services
    ]  # fmt: skip
    note = (
        P90_NOTE + " Selesai dalam jangka waktu: permohonan selesai paling lambat pada batas waktu jangka waktu "
        "layanan (hari kerja menurut kalender kantor), dari permohonan selesai yang punya jangka waktu."
    )
    header = _title_block(ws, _heading(meta, "KINERJA LAYANAN TERHADAP MUTU BAKU"), len(cols), note)
    last = _table(ws, header, cols, values)
    _print_setup(ws, header, last, len(cols), True, f"Kinerja per Layanan — {meta.period_text}")


def _step_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    cols = [
        Col("Layanan", max_width=22),
        Col("Langkah", "int"),
        Col("Uraian", max_width=44, min_width=20),
        Col("Pelaksana", max_width=12),
        Col("Standar (menit)", "int"),
        Col("Mutu Baku", max_width=14),
        *STAT_COLS,
    ]
    values = [
        [s.service, s.step_number, s.uraian, s.role, s.standar, s.mutu_baku, *_stat_values(s.stats)]
        for s in report.steps
    ]
    header = _title_block(ws, _heading(meta, "KINERJA PER LANGKAH SOP"), len(cols), P90_NOTE)
    last = _table(ws, header, cols, values)
    _print_setup(ws, header, last, len(cols), True, f"Kinerja per Langkah — {meta.period_text}")


def _role_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    cols = [Col("Pelaksana", max_width=20, min_width=14), *STAT_COLS]
    values = [[r.role, *_stat_values(r.stats)] for r in report.roles]
    header = _title_block(ws, _heading(meta, "KINERJA PER PELAKSANA"), len(cols), P90_NOTE)
    last = _table(ws, header, cols, values)
    _print_setup(ws, header, last, len(cols), False, f"Kinerja per Pelaksana — {meta.period_text}")


def _slowest_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    cols = [
        Col("Layanan", max_width=22),
        Col("Peringkat", "int"),
        Col("Nomor Surat", max_width=24),
        Col("Perihal", max_width=48, min_width=20),
        Col("Status", max_width=14),
        Col("Langkah selesai", "int"),
        Col("Total waktu aktif (menit)", "minutes"),
    ]
    values = [
        [s.service, slow.rank, slow.nomor_surat, slow.perihal, slow.status_label, slow.steps, slow.active_minutes]
        for s in report.services
        for slow in s.slowest
    ]
    note = (
        "Lima permohonan per layanan dengan jumlah durasi langkah selesai (Tepat waktu, Terlambat, Tanpa standar) "
        "terbesar menurut sheet Riwayat Langkah."
    )
    header = _title_block(ws, _heading(meta, "PERMOHONAN TERLAMA PER LAYANAN"), len(cols), note)
    last = _table(ws, header, cols, values)
    _print_setup(ws, header, last, len(cols), True, f"Permohonan Terlama — {meta.period_text}")


def _axes_visible(chart: BarChart) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _on_time_chart_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    cols = [Col("Langkah", max_width=34, min_width=20), Col("Standar (menit)", "int"), Col("Tepat waktu (%)", "share")]
    timed = [s for s in report.steps if s.stats.with_standard]
    values = [[f"{s.service} · {s.step_number}", s.standar, s.stats.on_time_share] for s in timed]
    header = _title_block(ws, _heading(meta, "TEPAT WAKTU PER LANGKAH"), len(cols), span=CHART_SPAN)
    last = _table(ws, header, cols, values)
    _print_setup(ws, header, last, len(cols), False, f"Grafik Tepat Waktu per Langkah — {meta.period_text}")
    if not timed:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = "Tepat waktu per langkah (langkah bermutu baku)"
    chart.legend = None
    chart.y_axis.title = "Tepat waktu"
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # first step on top, as in the table
    _axes_visible(chart)
    chart.add_data(Reference(ws, min_col=3, min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    chart.width = 17
    chart.height = max(8.0, 0.5 * len(timed) + 2)
    ws.add_chart(chart, f"E{header}")


def _volume_chart_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    names = report.service_names
    cols = [Col("Bulan", min_width=10), *[Col(n, "int", min_width=12) for n in names], Col("Jumlah", "int")]
    values = [[m.label, *[m.counts[n] for n in names], sum(m.counts.values())] for m in report.monthly]
    header = _title_block(ws, _heading(meta, "VOLUME PERMOHONAN PER BULAN"), len(cols))
    last = _table(ws, header, cols, values)
    _print_setup(ws, header, last, len(cols), True, f"Grafik Volume Permohonan — {meta.period_text}")
    if not names or not values:
        return
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.style = 10
    chart.title = "Permohonan diterima per bulan menurut layanan"
    chart.y_axis.title = "Permohonan"
    chart.y_axis.number_format = "0"
    chart.x_axis.title = "Bulan"
    _axes_visible(chart)
    chart.add_data(
        Reference(ws, min_col=2, max_col=1 + len(names), min_row=header, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    chart.width = 24
    chart.height = 11
    ws.add_chart(chart, f"A{last + 3}")


def write_kinerja(path: Path, report: KinerjaReport, steps: Sequence[StepRow] | None, meta: ReportMeta) -> Path:
    """The kinerja workbook; ``steps`` (default: the report's own rows) go to "Riwayat Langkah"."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Kinerja Layanan"
    _service_sheet(ws, report, meta)
    _step_sheet(wb.create_sheet("Kinerja Langkah"), report, meta)
    _role_sheet(wb.create_sheet("Kinerja Pelaksana"), report, meta)
    _slowest_sheet(wb.create_sheet("Permohonan Terlama"), report, meta)
    _on_time_chart_sheet(wb.create_sheet("Grafik Tepat Waktu"), report, meta)
    _volume_chart_sheet(wb.create_sheet("Grafik Volume"), report, meta)
    _steps_sheet(wb.create_sheet("Riwayat Langkah"), report.step_rows if steps is None else steps, meta)
    return _save(wb, path)


# ---------------------------------------------------------------------------------------------
# Rekap


def write_rekap(path: Path, report: RekapReport, meta: ReportMeta) -> Path:
    """The monthly recap under the office letterhead: requests per service and status, then the
    activities (speeches, events, visits, complaints), then the signature block."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Rekap"
    statuses = report.statuses
    ncols = len(statuses) + 2
    last_col = get_column_letter(ncols)
    row = 1
    fonts = {
        meta.organisation: _font(bold=True, size=14),
        meta.parent: _font(bold=True, size=12),
        meta.unit: _font(bold=True, size=12),
        meta.address: _font(italic=True, size=9),
    }
    for line in meta.letterhead:
        cell = ws.cell(row=row, column=1, value=line.upper() if line != meta.address else line)
        cell.font = fonts[line]
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(f"A{row}:{last_col}{row}")
        ws.row_dimensions[row].height = 20 if fonts[line].size and fonts[line].size >= 12 else 14
        row += 1
    double = Side(style="double", color="000000")
    for column in range(1, ncols + 1):
        ws.cell(row=row - 1, column=column).border = Border(bottom=double)
    row += 1
    for text, font in (
        ("REKAPITULASI PERMOHONAN LAYANAN KEPROTOKOLAN", _font(bold=True, size=12)),
        (meta.period_text, _font(bold=True)),
    ):
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(f"A{row}:{last_col}{row}")
        row += 1
    row += 1
    ws.cell(row=row, column=1, value="A. Permohonan menurut layanan dan status").font = _font(bold=True)
    row += 1
    header = row
    cols = [
        Col("Layanan", max_width=30, min_width=24),
        *[Col(report.status_label(s), "int", min_width=11) for s in statuses],
        Col("Jumlah", "int", min_width=9),
    ]
    values = [[r.service, *[r.counts[s] for s in statuses], r.total] for r in report.rows]
    last = _table(ws, header, cols, values)
    total_row = last + 1
    for column, value in enumerate(["Jumlah", *[report.totals[s] for s in statuses], report.total], start=1):
        cell = ws.cell(row=total_row, column=column, value=value)
        cell.font = _font(bold=True)
        cell.border = BORDER
        cell.fill = PatternFill("solid", fgColor=FILL_TOTAL)
        if column > 1:
            cell.number_format = FORMAT_INT
    _print_setup(ws, header, last, ncols, False, "")  # the letterhead is the heading

    row = total_row + 2
    ws.cell(row=row, column=1, value="B. Kegiatan dan pengaduan").font = _font(bold=True)
    row += 1
    c = report.complaints
    activities = [
        ("Sambutan pimpinan yang selesai disusun (layanan Sambutan)", report.sambutan_finished),
        ("Acara yang selesai diatur (Pengaturan Acara, Koordinasi Kegiatan)", report.events_finished),
        ("Permohonan pengaturan acara dan koordinasi yang diterima", report.events_received),
        ("Kunjungan tamu: permohonan diterima", report.visits_received),
        ("Kunjungan tamu: selesai dilayani", report.visits_finished),
        ("Pengaduan diterima", c.received),
        ("Pengaduan selesai ditanggapi", c.finished),
        ("Pengaduan selesai dalam jangka waktu", c.finished_on_time),
        ("Pengaduan masih dalam proses", c.open),
        ("Pengaduan dalam proses yang melewati jangka waktu", c.overdue),
        ("Pengaduan dibatalkan", c.cancelled),
    ]
    label_end = get_column_letter(ncols - 1)
    for column, text in ((1, "Uraian"), (ncols, "Jumlah")):
        cell = ws.cell(row=row, column=column, value=text)
        cell.font = _font(bold=True)
        cell.fill = PatternFill("solid", fgColor=FILL_HEADER)
        cell.alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A{row}:{label_end}{row}")
    for column in range(1, ncols + 1):
        ws.cell(row=row, column=column).border = BORDER
    row += 1
    for text, value in activities:
        ws.cell(row=row, column=1, value=text).font = _font()
        ws.merge_cells(f"A{row}:{label_end}{row}")
        number = ws.cell(row=row, column=ncols, value=value)
        number.font = _font()
        number.number_format = FORMAT_INT
        for column in range(1, ncols + 1):
            ws.cell(row=row, column=column).border = BORDER
        row += 1
    row += 1
    note = (
        f"Dasar: permohonan yang diterima pada {meta.period_text}; status per "
        f"{format_datetime(meta.printed_at)} {_zone_name(meta.printed_at)}."
    )
    cell = ws.cell(row=row, column=1, value=note)
    cell.font = _font(italic=True, size=9)
    ws.merge_cells(f"A{row}:{last_col}{row}")
    row += 2
    sign_col = max(1, ncols - 3)
    sign_end = last_col
    signature = [
        f"{meta.place}, {format_date(meta.printed_at.date())}" if meta.place else format_date(meta.printed_at.date()),
        meta.signer_title,
        "",
        "",
        "",
        "(.......................................................)",
        "NIP. ",
    ]
    for text in signature:
        cell = ws.cell(row=row, column=sign_col, value=text)
        cell.font = _font(bold=text == meta.signer_title)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
        ws.merge_cells(f"{get_column_letter(sign_col)}{row}:{sign_end}{row}")
        if text == meta.signer_title and len(text) > 40:
            ws.row_dimensions[row].height = LINE_POINTS * 2 + 2
        row += 1
    ws.print_area = f"A1:{last_col}{row - 1}"
    return _save(wb, path)
