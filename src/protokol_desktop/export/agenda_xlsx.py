"""A week of the leaders' agenda as an Excel workbook, ready to send to the Sekpri and the ajudan.

One sheet per leader (Walikota / Bupati, Wakil, Sekda), A4 landscape, one page wide with the header
row repeated: day, time, event, place, organiser, attendance (hadir / diwakili oleh … / tidak hadir)
and notes. Clashing items are filled red and say what they clash with; a day without events says so.
Rows are made tall enough for their wrapped texts (Excel does not grow freshly written rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.indonesian import DAYS, format_date
from .cells import put
from .files import save_workbook

FONT = "Arial"
SIZE = 10
LINE_POINTS = 12.75
FILL_HEADER = "D9D9D9"
FILL_CLASH = "F8D7DA"
FILL_DAY = "F2F2F2"
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADERS = ("Hari / Tanggal", "Waktu", "Kegiatan", "Tempat", "Penyelenggara", "Kehadiran", "Keterangan")
WIDTHS = (27, 14, 44, 28, 26, 22, 32)


@dataclass(frozen=True)
class WeekRow:
    day: date
    day_text: str
    time: str
    title: str
    place: str
    organiser: str
    attendance: str
    note: str = ""
    clash: bool = False


@dataclass(frozen=True)
class WeekSheet:
    leader: str
    rows: Sequence[WeekRow]


def font(bold: bool = False, size: float = SIZE, italic: bool = False, color: str | None = None) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic, color=color)


def line_count(value: str, width: float) -> int:
    """Lines a text takes wrapped in a column ``width`` characters wide (a safe estimate)."""
    usable = max(4.0, width * 1.1 - 2)
    lines = 0
    for paragraph in str(value).split("\n"):
        lines += max(1, -(-len(paragraph) // int(usable)))
    return max(1, lines)




def print_setup(ws: Worksheet, header_row: int, landscape: bool, title: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = f"{title.replace('&', '&&')} — Halaman &P dari &N"
    ws.oddFooter.center.size = 8


def _sheet_title(leader: str, used: set[str]) -> str:
    base = "".join(ch for ch in leader if ch not in "[]:*?/\\")[:28] or "Pimpinan"
    title, number = base, 2
    while title in used:
        title = f"{base[:25]} {number}"
        number += 1
    used.add(title)
    return title


def _fill_sheet(
    ws: Worksheet, organisation: str, unit: str, leader: str, week_start: date, rows: Sequence[WeekRow],
    printed: str, footnote: str,
) -> None:  # fmt: skip
    end = week_start + timedelta(days=6)
    for column, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    last = get_column_letter(len(HEADERS))
    lines = [
        (f"AGENDA KEGIATAN {leader.upper()}", font(True, 14)),
        (f"{organisation} — {unit}", font(False, 10)),
        (f"Minggu {format_date(week_start)} – {format_date(end)}", font(True, 11)),
        (f"Dicetak {printed}", font(False, 9, italic=True)),
    ]
    for row, (value, style) in enumerate(lines, start=1):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = put(ws, row, 1, value)
        cell.font = style
        cell.alignment = Alignment(horizontal="center")
    header_row = len(lines) + 2
    for column, title in enumerate(HEADERS, start=1):
        cell = put(ws, header_row, column, title)
        cell.font = font(True)
        cell.fill = PatternFill("solid", fgColor=FILL_HEADER)
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = header_row + 1
    for offset in range(7):
        day = week_start + timedelta(days=offset)
        todays = [r for r in rows if r.day == day]
        values_list: list[tuple[str, ...]]
        if todays:
            values_list = [
                (r.day_text if i == 0 else "", r.time, r.title, r.place, r.organiser, r.attendance, r.note)
                for i, r in enumerate(todays)
            ]
        else:
            values_list = [(f"{DAYS[day.weekday()]}, {format_date(day)}", "", "Tidak ada kegiatan", "", "", "", "")]
        for index, values in enumerate(values_list):
            clash = bool(todays) and todays[index].clash
            height = 1
            for column, value in enumerate(values, start=1):
                cell = put(ws, row, column, value)
                cell.font = font(bold=column == 1, italic=not todays and column == 3, color="9C0006" if clash else None)
                cell.border = BORDER
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if clash:
                    cell.fill = PatternFill("solid", fgColor=FILL_CLASH)
                elif column == 1:
                    cell.fill = PatternFill("solid", fgColor=FILL_DAY)
                height = max(height, line_count(value, WIDTHS[column - 1]))
            ws.row_dimensions[row].height = LINE_POINTS * height + 3
            row += 1
    row += 1
    for note in (footnote, "* jam selesai perkiraan. Baris merah: jadwal bentrok yang belum diputuskan."):
        if note:
            ws.merge_cells(f"A{row}:{last}{row}")
            cell = put(ws, row, 1, note)
            cell.font = font(False, 9, italic=True)
            cell.alignment = Alignment(wrap_text=True)
            row += 1
    ws.freeze_panes = f"A{header_row + 1}"
    print_setup(ws, header_row, True, f"Agenda {leader} {format_date(week_start)}")


def write_agenda_week(
    *,
    organisation: str,
    unit: str,
    week_start: date,
    sheets: Sequence[WeekSheet],
    out: Path,
    printed: str = "",
    footnote: str = "",
) -> Path:
    """Write one sheet per leader for the week starting on ``week_start`` (a Monday); returns ``out``."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    used: set[str] = set()
    for index, sheet in enumerate(sheets or [WeekSheet("Pimpinan", [])]):
        ws = first if index == 0 else wb.create_sheet()
        ws.title = _sheet_title(sheet.leader, used)
        _fill_sheet(ws, organisation, unit, sheet.leader, week_start, sheet.rows, printed, footnote)
    return save_workbook(wb, out)
