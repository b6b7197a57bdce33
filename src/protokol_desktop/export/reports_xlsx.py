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

import contextlib
import marshal
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.dimensions import RowDimension
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
from .cells import assign, put, text_cell
from .files import save_workbook

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
    centred: bool = False  # a short text centred, not wrapped (Tepat Waktu)


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


def _column_width(ws: Worksheet, column: int) -> float:
    dimension = ws.column_dimensions.get(get_column_letter(column))
    return float(dimension.width) if dimension is not None and dimension.customWidth else DEFAULT_WIDTH


def _title_height(text: str, font: Font, width: float) -> float:
    """The height of a merged, wrapped title row ``width`` wide."""
    size = float(font.size or SIZE)
    scale = size / SIZE * (1.1 if font.bold else 1.0)
    return round(_lines(text, width / scale) * size * 1.3 + 3, 1)


def _fit_titles(ws: Worksheet, header_row: int) -> None:
    """Make the merged, wrapped rows above the table as tall as their text needs (a sheet written
    cell by cell: the recap's letterhead)."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row >= header_row or merged.min_row != merged.max_row:
            continue
        cell = ws.cell(row=merged.min_row, column=merged.min_col)
        if not cell.value:
            continue
        width = sum(_column_width(ws, c) for c in range(merged.min_col, merged.max_col + 1))
        ws.row_dimensions[merged.min_row].height = _title_height(str(cell.value), cell.font, width)


class _Bounded(dict):
    """A memo that forgets everything when it grows past ``limit`` (unique texts must not pile up)."""

    def __init__(self, limit: int = 20_000) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: Any, value: Any) -> Any:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


class Table:
    """A bordered table for a write-only sheet, collected before it is written.

    A write-only sheet needs its column widths before its first row, and the widths follow the
    contents: :meth:`add` measures each row as it comes (once per distinct value, and not at all in
    a column already at its widest) and spools it to a temporary file, so memory stays flat however
    many rows the table has. :meth:`write` then streams the rows into the sheet, every value put
    into its cell by :func:`export.cells.assign` (user text stays text) with the column's shared
    style, each row as tall as its wrapped texts (computed once per distinct text per column). A
    value given as ``(value, number_format)`` overrides the column's number format for that cell.
    """

    def __init__(self, cols: Sequence[Col]) -> None:
        self.cols = list(cols)
        self.count = 0
        n = len(self.cols)
        self._need = [0.0] * n
        self._largest: list[Any] = [None] * n  # numbers: the widest is the largest (a fixed format)
        self._dated = [i for i, col in enumerate(self.cols) if col.kind in ("date", "datetime")]
        self._numeric = [i for i, col in enumerate(self.cols) if col.kind in ("int", "minutes", "share", "actual")]
        self._texts = [i for i, col in enumerate(self.cols) if col.kind == "text"]
        self._open = list(self._texts)  # text columns still measured (not yet at max_width)
        self._sizes = [_Bounded() for _ in self.cols]
        self._spool: Any = tempfile.TemporaryFile()  # noqa: SIM115 - closed by rows() or close()
        self._batch: list[list[Any]] = []  # rows not yet spooled

    def add(self, values: Sequence[Any]) -> None:
        row = list(values)
        for index in self._dated:
            value = row[index]
            if value is not None:
                row[index] = to_excel(value.replace(tzinfo=None) if isinstance(value, datetime) else value)
                self._largest[index] = 1
        for index in self._numeric:
            value = row[index]
            number = value[0] if isinstance(value, tuple) else value
            if number is not None and (self._largest[index] is None or abs(number) > self._largest[index]):
                self._largest[index] = abs(number)
        closed = False
        for index in self._open:
            value = row[index]
            if value == "":
                row[index] = None
                continue
            if value is None:
                continue
            sizes = self._sizes[index]
            need = sizes.get(value)
            if need is None:
                need = sizes.remember(value, _text_width(str(value)))
            if need > self._need[index]:
                self._need[index] = need
                closed = closed or need >= self.cols[index].max_width
        if closed:
            self._open = [i for i in self._open if self._need[i] < self.cols[i].max_width]
        for index in self._texts:
            if row[index] == "":
                row[index] = None
        self._batch.append(row)
        if len(self._batch) >= 500:
            self._flush()
        self.count += 1

    def _flush(self) -> None:
        if self._batch:
            marshal.dump(self._batch, self._spool)
            self._batch = []

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.add(values)

    def widths(self) -> list[float]:
        widths = []
        for index, col in enumerate(self.cols):
            need = self._need[index]
            if self._largest[index] is not None and col.kind != "text":
                need = _text_width(_display(self._largest[index], col))
            longest_word = max((_chars(word) for word in col.title.split()), default=1.0) * 1.1  # bold
            widths.append(round(max(col.min_width, longest_word + 2.0, min(col.max_width, need)), 1))
        return widths

    def rows(self) -> Iterator[list[Any]]:
        """The spooled rows, once."""
        if self._spool is None:
            raise RuntimeError("a table is written once")
        self._flush()
        spool, self._spool = self._spool, None
        with spool:
            spool.seek(0)
            left = self.count
            while left > 0:
                batch = marshal.load(spool)
                left -= len(batch)
                yield from batch

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def write(self, ws: Any, header_row: int, progress: Callable[[int], None] | None = None) -> int:
        """Append the header (at ``header_row``, which must be the sheet's next row) and the rows;
        returns the last row written. ``progress`` is called with the rows written so far."""
        widths = self.widths()
        header_style = _style(ws, font=_font(bold=True), fill=PatternFill("solid", fgColor=FILL_HEADER),
                              border=BORDER, alignment=Alignment(horizontal="center", vertical="center",
                                                                 wrap_text=True))  # fmt: skip
        header_lines = max(_lines(col.title, width) for col, width in zip(self.cols, widths, strict=True))
        _append(ws, header_row, [_styled(text_cell(ws, col.title), header_style) for col in self.cols],
                LINE_POINTS * header_lines + 4)  # fmt: skip
        styles = [_style(ws, **_data_style(col)) for col in self.cols]
        overrides: dict[tuple[int, str], Any] = {}
        texts = [col.kind == "text" for col in self.cols]
        lines_of = [_Bounded() for _ in self.cols]
        streaming = _streaming(ws)
        reused = [_styled(text_cell(ws, None), style) for style in styles]  # one cell per column
        row_number = header_row
        for values in self.rows():
            row_number += 1
            cells = reused if streaming else [_styled(text_cell(ws, None), style) for style in styles]
            lines = 1
            for index, value in enumerate(values):
                cell = cells[index]
                if isinstance(value, tuple):
                    value, fmt = value
                    style = styles[index]
                    if fmt:
                        style = overrides.get((index, fmt))
                        if style is None:
                            style = overrides[(index, fmt)] = _style(ws, **{**_data_style(self.cols[index]),
                                                                            "number_format": fmt})  # fmt: skip
                    cell._style = style
                elif streaming:
                    cell._style = styles[index]
                assign(cell, value)  # user text stays text (export.cells)
                if texts[index] and value is not None:
                    known = lines_of[index].get(value)
                    if known is None:
                        known = lines_of[index].remember(value, _lines(str(value), widths[index]))
                    if known > lines:
                        lines = known
            _append(ws, row_number, cells, LINE_POINTS * lines + 2 if lines > 1 else None)
            if progress is not None and (row_number - header_row) % 1000 == 0:
                progress(row_number - header_row)
        return header_row + self.count


def _data_style(col: Col) -> dict[str, Any]:
    """Font, border, number format and alignment of a data cell of ``col``."""
    fmt = col.number_format or {
        "date": FORMAT_DATE, "datetime": FORMAT_DATETIME, "minutes": FORMAT_MINUTES, "int": FORMAT_INT,
        "share": FORMAT_SHARE,
    }.get(col.kind)  # fmt: skip
    if col.centred:
        alignment = Alignment(vertical="top", horizontal="center")
    elif col.kind == "text":
        alignment = Alignment(vertical="top", wrap_text=True)
    else:
        centred = col.kind in ("date", "datetime") or col.title == "No"
        alignment = Alignment(vertical="top", horizontal="center" if centred else "right")
    style: dict[str, Any] = {"font": _font(), "border": BORDER, "alignment": alignment}
    if fmt:
        style["number_format"] = fmt
    return style


class _SharedStyle(StyleArray):
    """A cell style shared by a column's cells. The writer looks each cell's style up by hash; this
    one is hashed once (it is never changed after it is made)."""

    __slots__ = ("_hash",)

    def __hash__(self) -> int:
        try:
            return self._hash
        except AttributeError:
            self._hash: int = hash(tuple(self))
            return self._hash


def _style(ws: Any, **style: Any) -> Any:
    """The style of a cell with ``style`` set, made once and shared by the cells given it."""
    return _SharedStyle(text_cell(ws, None, **style)._style)


def _styled(cell: Any, style: Any) -> Any:
    cell._style = style  # the shared StyleArray: setting font, border... per cell costs a lookup each
    return cell


def _streaming(ws: Any) -> bool:
    """Whether ``ws`` is write-only; if so, the cells appended to it are written as they are.

    openpyxl's write-only ``append`` first tries each value as a plain value (a cell fails that with
    an exception, then a new spare cell is made): for a sheet of styled cells that costs more than
    writing them. The sheet's own row conversion is replaced by one that takes the cells given
    (made by :func:`export.cells.text_cell`, their values set by :func:`export.cells.assign`) and
    only numbers them. The row is written before ``append`` returns, so a writer may reuse its cells.
    """
    if not isinstance(ws, WriteOnlyWorksheet):
        return False
    if "_values_to_row" not in vars(ws):
        ws._values_to_row = _numbered
    return True


def _numbered(cells: Sequence[Any], row: int) -> Iterator[Any]:
    for column, cell in enumerate(cells, start=1):
        cell.row = row
        cell.column = column
        yield cell


def _append(ws: Any, row: int, cells: list[Any], height: float | None = None) -> None:
    """Append ``cells`` as row ``row`` (the sheet's next one), ``height`` points tall if given. A
    write-only sheet writes the row at once, so its height is forgotten afterwards (and the rows of
    one height share one dimension: the writer reads only its height from it)."""
    if height is None:
        ws.append(cells)
    elif isinstance(ws, WriteOnlyWorksheet):
        shared = vars(ws).setdefault("_shared_heights", {})
        dimension = shared.get(height)
        if dimension is None:
            dimension = shared[height] = RowDimension(ws, ht=height)
        ws.row_dimensions[row] = dimension
        ws.append(cells)
        del ws.row_dimensions[row]
    else:
        ws.row_dimensions[row].height = height
        ws.append(cells)


def _title_rows(ws: Any, lines: Sequence[tuple[str, Font]], widths: Sequence[float], note: str = "",
                span: int | None = None) -> int:  # fmt: skip
    """Title lines, then an optional note, each merged across ``span`` columns (default: the table's)
    and wrapped, as tall as their text needs; then a blank row. Returns the row of the table header."""
    ncols = max(len(widths), span or 0)
    last = get_column_letter(ncols)
    total = sum(widths) + DEFAULT_WIDTH * (ncols - len(widths))
    items = [*lines, *([(note, _font(italic=True, size=9))] if note else [])]
    row = 1
    for text, font in items:
        style = _style(ws, font=font, alignment=Alignment(wrap_text=True, vertical="top"))
        _append(ws, row, [_styled(text_cell(ws, text), style)], _title_height(text, font, total) if text else None)
        ws.merged_cells.add(f"A{row}:{last}{row}")
        row += 1
    ws.append([])
    return row + 1


def _table_sheet(ws: Any, table: Table, print_title: str, landscape: bool, heading: Sequence[tuple[str, Font]] = (),
                 note: str = "", span: int | None = None,
                 progress: Callable[[int], None] | None = None) -> tuple[int, int]:  # fmt: skip
    """A write-only sheet holding ``table`` below an optional title block, set up to print. Returns
    the header row and the last row."""
    _streaming(ws)
    widths = table.widths()
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    header = 1 + len(heading) + (1 if note else 0) + (1 if heading or note else 0)
    _print_setup(ws, header, header + table.count, len(table.cols), landscape, print_title)
    if (heading or note) and _title_rows(ws, heading, widths, note, span) != header:
        raise AssertionError("title block and header row disagree")
    last = table.write(ws, header, progress)
    return header, last


def _print_setup(ws: Worksheet, header_row: int, last_row: int, ncols: int, landscape: bool, title: str) -> None:
    """A4, one page wide, the header row repeated, frozen below it, an autofilter over the table."""
    last = get_column_letter(ncols)
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
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


@contextlib.contextmanager
def _write_only() -> Iterator[Workbook]:
    """A write-only workbook; if writing it fails (or is cancelled) its sheets' temporary files go."""
    wb = Workbook(write_only=True)
    try:
        yield wb
    except BaseException:
        for ws in wb.worksheets:
            rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
            with contextlib.suppress(Exception):
                if rows is not None:
                    rows.close()  # ends the sheet's row stream while its file is still open
                if writer is not None:
                    writer.xf.close()
                    writer.cleanup()
        raise




# ---------------------------------------------------------------------------------------------
# Register and Riwayat Langkah


REGISTER_COLS = (
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
    Col("Tepat Waktu", max_width=8, centred=True),
)
STEP_COLS = (
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
)
assert tuple(c.title for c in REGISTER_COLS) == REGISTER_HEADERS
assert tuple(c.title for c in STEP_COLS) == STEP_HEADERS


class RegisterTable(Table):
    """The rows of the "Register" sheet, collected (see :class:`Table`)."""

    def __init__(self) -> None:
        super().__init__(REGISTER_COLS)

    def add_row(self, r: RegisterRow) -> None:
        actual = (r.actual, ACTUAL_FORMATS.get(r.actual_unit)) if r.actual is not None else None
        self.add((
            r.no, r.nomor_surat, r.tanggal_surat, r.received_at, r.perihal, r.pengirim, r.service, r.leader,
            r.event_date, r.status_label, r.current_step, r.finished_at, r.jangka_waktu, actual, r.on_time,
        ))  # fmt: skip


class StepTable(Table):
    """The rows of a "Riwayat Langkah" sheet, collected (see :class:`Table`)."""

    def __init__(self) -> None:
        super().__init__(STEP_COLS)

    def add_steps(self, steps: Iterable[StepRow]) -> None:
        add = self.add
        for s in steps:
            add((s.nomor_surat, s.service, s.step_number, s.round, s.uraian, s.role, s.person, s.started_at,
                 s.ended_at, s.durasi, s.standar, s.mutu_baku, s.status))  # fmt: skip


Progress = Callable[[int], None]


def _register_sheet(ws: Any, table: RegisterTable, meta: ReportMeta, progress: Progress | None = None) -> None:
    _table_sheet(ws, table, f"Buku Agenda Permohonan — {meta.period_text}", True,
                 _heading(meta, "BUKU AGENDA PERMOHONAN"), progress=progress)  # fmt: skip


def _steps_sheet(ws: Any, table: StepTable, meta: ReportMeta, progress: Progress | None = None) -> None:
    _table_sheet(ws, table, f"Riwayat Langkah — {meta.period_text} — {meta.unit}", True, progress=progress)


def _register_table(rows: RegisterTable | Iterable[RegisterRow]) -> RegisterTable:
    if isinstance(rows, RegisterTable):
        return rows
    table = RegisterTable()
    for row in rows:
        table.add_row(row)
    return table


def _step_table(steps: StepTable | Iterable[StepRow]) -> StepTable:
    if isinstance(steps, StepTable):
        return steps
    table = StepTable()
    table.add_steps(steps)
    return table


def write_register(
    path: Path,
    rows: RegisterTable | Iterable[RegisterRow],
    steps: StepTable | Iterable[StepRow],
    meta: ReportMeta,
    progress: Progress | None = None,
) -> Path:
    """The Buku Agenda Permohonan: sheets "Register" and "Riwayat Langkah". ``rows`` and ``steps``
    are the rows themselves or the tables they were already collected into (one pass over the
    database fills both: :func:`services.reports.register_entries`). ``progress`` is told the rows
    written so far, every thousand."""
    register, history = _register_table(rows), _step_table(steps)
    try:
        with _write_only() as wb:
            _register_sheet(wb.create_sheet("Register"), register, meta, progress)
            done = register.count
            _steps_sheet(wb.create_sheet("Riwayat Langkah"), history, meta,
                         None if progress is None else lambda n: progress(done + n))  # fmt: skip
            return save_workbook(wb, path)
    finally:
        register.close()
        history.close()


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
    table = Table(cols)
    table.extend(values)
    header, last = _table_sheet(
        ws, table, f"Kinerja per Layanan — {meta.period_text}", True,
        _heading(meta, "KINERJA LAYANAN TERHADAP MUTU BAKU"), note,
    )


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
    table = Table(cols)
    table.extend(values)
    header, last = _table_sheet(
        ws, table, f"Kinerja per Langkah — {meta.period_text}", True,
        _heading(meta, "KINERJA PER LANGKAH SOP"), P90_NOTE,
    )


def _role_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    cols = [Col("Pelaksana", max_width=20, min_width=14), *STAT_COLS]
    values = [[r.role, *_stat_values(r.stats)] for r in report.roles]
    table = Table(cols)
    table.extend(values)
    header, last = _table_sheet(
        ws, table, f"Kinerja per Pelaksana — {meta.period_text}", False,
        _heading(meta, "KINERJA PER PELAKSANA"), P90_NOTE,
    )


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
    table = Table(cols)
    table.extend(values)
    header, last = _table_sheet(
        ws, table, f"Permohonan Terlama — {meta.period_text}", True,
        _heading(meta, "PERMOHONAN TERLAMA PER LAYANAN"), note,
    )


def _axes_visible(chart: BarChart) -> None:
    chart.x_axis.delete = False
    chart.y_axis.delete = False


def _on_time_chart_sheet(ws: Worksheet, report: KinerjaReport, meta: ReportMeta) -> None:
    cols = [Col("Langkah", max_width=34, min_width=20), Col("Standar (menit)", "int"), Col("Tepat waktu (%)", "share")]
    timed = [s for s in report.steps if s.stats.with_standard]
    values = [[f"{s.service} · {s.step_number}", s.standar, s.stats.on_time_share] for s in timed]
    table = Table(cols)
    table.extend(values)
    header, last = _table_sheet(
        ws, table, f"Grafik Tepat Waktu per Langkah — {meta.period_text}", False,
        _heading(meta, "TEPAT WAKTU PER LANGKAH"), span=CHART_SPAN,
    )
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
    table = Table(cols)
    table.extend(values)
    header, last = _table_sheet(
        ws, table, f"Grafik Volume Permohonan — {meta.period_text}", True,
        _heading(meta, "VOLUME PERMOHONAN PER BULAN"),
    )
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


def write_kinerja(
    path: Path,
    report: KinerjaReport,
    steps: StepTable | Iterable[StepRow] | None,
    meta: ReportMeta,
    progress: Progress | None = None,
) -> Path:
    """The kinerja workbook; ``steps`` (default: the report's own rows), or the table they were
    collected into while the report was computed, go to "Riwayat Langkah"."""
    history = _step_table(report.step_rows if steps is None else steps)
    try:
        return _write_kinerja(path, report, history, meta, progress)
    finally:
        history.close()


def _write_kinerja(path: Path, report: KinerjaReport, history: StepTable, meta: ReportMeta,
                   progress: Progress | None) -> Path:  # fmt: skip
    with _write_only() as wb:
        return _kinerja_sheets(wb, path, report, history, meta, progress)


def _kinerja_sheets(wb: Workbook, path: Path, report: KinerjaReport, history: StepTable, meta: ReportMeta,
                    progress: Progress | None) -> Path:  # fmt: skip
    _service_sheet(wb.create_sheet("Kinerja Layanan"), report, meta)
    _step_sheet(wb.create_sheet("Kinerja Langkah"), report, meta)
    _role_sheet(wb.create_sheet("Kinerja Pelaksana"), report, meta)
    _slowest_sheet(wb.create_sheet("Permohonan Terlama"), report, meta)
    _on_time_chart_sheet(wb.create_sheet("Grafik Tepat Waktu"), report, meta)
    _volume_chart_sheet(wb.create_sheet("Grafik Volume"), report, meta)
    _steps_sheet(wb.create_sheet("Riwayat Langkah"), history, meta, progress)
    return save_workbook(wb, path)


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
        cell = put(ws, row, 1, line.upper() if line != meta.address else line)
        cell.font = fonts[line]
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(f"A{row}:{last_col}{row}")
        ws.row_dimensions[row].height = 20 if fonts[line].size and fonts[line].size >= 12 else 14
        row += 1
    double = Side(style="double", color="000000")
    for column in range(1, ncols + 1):
        put(ws, row - 1, column).border = Border(bottom=double)
    row += 1
    for text, font in (
        ("REKAPITULASI PERMOHONAN LAYANAN KEPROTOKOLAN", _font(bold=True, size=12)),
        (meta.period_text, _font(bold=True)),
    ):
        cell = put(ws, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(f"A{row}:{last_col}{row}")
        row += 1
    row += 1
    put(ws, row, 1, "A. Permohonan menurut layanan dan status").font = _font(bold=True)
    row += 1
    header = row
    cols = [
        Col("Layanan", max_width=30, min_width=24),
        *[Col(report.status_label(s), "int", min_width=11) for s in statuses],
        Col("Jumlah", "int", min_width=9),
    ]
    table = Table(cols)
    table.extend([r.service, *[r.counts[s] for s in statuses], r.total] for r in report.rows)
    for index, width in enumerate(table.widths(), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    last = table.write(ws, header)
    _fit_titles(ws, header)
    total_row = last + 1
    for column, value in enumerate(["Jumlah", *[report.totals[s] for s in statuses], report.total], start=1):
        cell = put(ws, total_row, column, value)
        cell.font = _font(bold=True)
        cell.border = BORDER
        cell.fill = PatternFill("solid", fgColor=FILL_TOTAL)
        if column > 1:
            cell.number_format = FORMAT_INT
    _print_setup(ws, header, last, ncols, False, "")  # the letterhead is the heading

    row = total_row + 2
    put(ws, row, 1, "B. Kegiatan dan pengaduan").font = _font(bold=True)
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
        cell = put(ws, row, column, text)
        cell.font = _font(bold=True)
        cell.fill = PatternFill("solid", fgColor=FILL_HEADER)
        cell.alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A{row}:{label_end}{row}")
    for column in range(1, ncols + 1):
        put(ws, row, column).border = BORDER
    row += 1
    for text, value in activities:
        put(ws, row, 1, text).font = _font()
        ws.merge_cells(f"A{row}:{label_end}{row}")
        number = put(ws, row, ncols, value)
        number.font = _font()
        number.number_format = FORMAT_INT
        for column in range(1, ncols + 1):
            put(ws, row, column).border = BORDER
        row += 1
    row += 1
    note = (
        f"Dasar: permohonan yang diterima pada {meta.period_text}; status per "
        f"{format_datetime(meta.printed_at)} {_zone_name(meta.printed_at)}."
    )
    cell = put(ws, row, 1, note)
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
        cell = put(ws, row, sign_col, text)
        cell.font = _font(bold=text == meta.signer_title)
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
        ws.merge_cells(f"{get_column_letter(sign_col)}{row}:{sign_end}{row}")
        if text == meta.signer_title and len(text) > 40:
            ws.row_dimensions[row].height = LINE_POINTS * 2 + 2
        row += 1
    ws.print_area = f"A1:{last_col}{row - 1}"
    return save_workbook(wb, path)
