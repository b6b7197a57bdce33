"""An event's SOP Protokol as an Excel workbook under the office letterhead, A4 portrait.

The sheet follows the document the Lumajang office hands to its officers: the letterhead (kop), the
title and the event, then I. Keterangan Acara, II. Susunan Acara, III. Petugas, IV. Tata Tempat (the
order of precedence and the front row), V. Cek Lokasi dan Gladi, VI. Distribusi (with columns to
fill on receipt), and the Kasubag's paraf and the Kabag's signature block. It is written from the JSON
snapshot of :func:`..services.sop_protokol.build_content`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .agenda_xlsx import BORDER, FILL_HEADER, LINE_POINTS, font, line_count, print_setup
from .cells import put
from .files import save_workbook

WIDTHS = (6, 15, 42, 14, 26)  # A-E
LAST = get_column_letter(len(WIDTHS))
_THICK = Side(style="medium", color="000000")


def section_titles() -> tuple[str, ...]:
    return (
        "I. KETERANGAN ACARA",
        "II. SUSUNAN ACARA",
        "III. PETUGAS",
        "IV. TATA TEMPAT",
        "V. CEK LOKASI DAN GLADI",
        "VI. DISTRIBUSI",
    )


class _Writer:
    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.row = 1
        for column, width in enumerate(WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width

    def _width(self, first: int, last: int) -> float:
        return sum(WIDTHS[first - 1 : last])

    def line(
        self, value: str, *, bold: bool = False, size: float = 10, center: bool = False, italic: bool = False
    ) -> None:
        self.ws.merge_cells(f"A{self.row}:{LAST}{self.row}")
        cell = put(self.ws, self.row, 1, value)
        cell.font = font(bold, size, italic)
        cell.alignment = Alignment(horizontal="center" if center else "left", vertical="top", wrap_text=True)
        lines = line_count(value, self._width(1, len(WIDTHS)) * 10 / max(size, 8))
        self.ws.row_dimensions[self.row].height = LINE_POINTS * size / 10 * lines + 2
        self.row += 1

    def gap(self) -> None:
        self.row += 1

    def rule(self) -> None:
        for column in range(1, len(WIDTHS) + 1):
            self.ws.cell(row=self.row - 1, column=column).border = Border(bottom=_THICK)

    def pair(self, label: str, value: str) -> None:
        """A label in B, ``:`` and the value over C:E (A stays as the indent)."""
        ws = self.ws
        put(ws, self.row, 2, label).font = font(True)
        ws.merge_cells(f"C{self.row}:{LAST}{self.row}")
        cell = put(ws, self.row, 3, f": {value or '-'}")
        cell.font = font()
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        ws.cell(row=self.row, column=2).alignment = Alignment(vertical="top", wrap_text=True)
        lines = max(line_count(value or "-", self._width(3, 5)), line_count(label, WIDTHS[1]))
        ws.row_dimensions[self.row].height = LINE_POINTS * lines + 2
        self.row += 1

    def table(self, headers: Sequence[str], spans: Sequence[tuple[int, int]], rows: Sequence[Sequence[Any]]) -> None:
        """A bordered table; ``spans`` gives each column's first and last sheet column."""
        ws = self.ws
        for values, header in ((headers, True), *((r, False) for r in rows)):
            height = 1
            for (first, last), value in zip(spans, values, strict=True):
                if last > first:
                    ws.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)
                cell = put(ws, self.row, first, value)
                cell.font = font(bold=header)
                cell.alignment = Alignment(
                    horizontal="center" if header or first == 1 else "left", vertical="top", wrap_text=True
                )
                for column in range(first, last + 1):
                    ws.cell(row=self.row, column=column).border = BORDER
                    if header:
                        ws.cell(row=self.row, column=column).fill = PatternFill("solid", fgColor=FILL_HEADER)
                height = max(height, line_count(str(value or ""), self._width(first, last)))
            ws.row_dimensions[self.row].height = LINE_POINTS * height + 3
            self.row += 1


def _letterhead(w: _Writer, head: dict) -> None:
    w.line(head.get("organisation", ""), bold=True, size=14, center=True)
    if head.get("parent"):
        w.line(head["parent"], bold=True, size=12, center=True)
    w.line(head.get("unit", ""), bold=True, size=12, center=True)
    contact = "  ".join(
        x for x in (head.get("address", ""), f"Telp. {head['phone']}" if head.get("phone") else "") if x
    )
    if contact:
        w.line(contact, size=9, center=True)
    if head.get("web"):
        w.line(head["web"], size=9, center=True)
    w.rule()


def write_sop_protokol(content: dict, out: Path) -> Path:
    """Write the SOP Protokol ``content`` to ``out`` (.xlsx); returns ``out``."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "SOP Protokol"
    w = _Writer(ws)
    event = content["event"]
    _letterhead(w, content["letterhead"])
    w.gap()
    w.line(content.get("title", "SOP PROTOKOL"), bold=True, size=14, center=True)
    w.line(event["name"], bold=True, size=11, center=True)
    w.line(f"Putaran {content['round']} — disusun {content['generated_at']} oleh {content['generated_by']}",
           size=9, center=True, italic=True)  # fmt: skip
    titles = section_titles()

    w.gap()
    w.line(titles[0], bold=True)
    when = event["time"] + (f" – {event['end_time']}" if event.get("end_time") else "") + f" {event['zone']}"
    w.pair("Acara", event["name"])
    w.pair("Hari / tanggal", event["date_text"])
    w.pair("Waktu", when.strip() if event["time"] else "")
    w.pair("Tempat", event["place"])
    w.pair("Pimpinan", event["leader"])
    w.pair("Penyelenggara", event["organiser"])
    w.pair("Narahubung", event["contact"])
    w.pair("Tata pakaian", content.get("dress_code", ""))
    w.pair("Dasar", f"Surat {event['nomor_surat']}")

    w.gap()
    w.line(titles[1], bold=True)
    if content["rundown"]:
        w.table(
            ("No", "Waktu", "Acara", "Durasi", "Pelaksana"),
            ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5)),
            [
                (r["number"], f"{r['start']} – {r['end']}" if r["start"] else "", r["description"], r["duration"],
                 r["person"])
                for r in content["rundown"]
            ],
        )  # fmt: skip
    else:
        w.line("Susunan acara belum diisi.", italic=True)

    w.gap()
    w.line(titles[2], bold=True)
    if content["officers"]:
        w.table(
            ("No", "Tugas", "Nama", "Kontak"),
            ((1, 1), (2, 2), (3, 3), (4, 5)),
            [(i, o["duty"], o["name"], o["contact"]) for i, o in enumerate(content["officers"], start=1)],
        )
    else:
        w.line("Petugas belum ditetapkan.", italic=True)

    w.gap()
    w.line(titles[3], bold=True)
    seating = content["seating"]
    if seating["order"]:
        w.table(
            ("No", "Jabatan", "Nama", "Dasar urutan"),
            ((1, 1), (2, 3), (4, 4), (5, 5)),
            [
                (
                    g["number"] or "Tuan rumah",  # the host is on the list, not numbered
                    g["title"] + (f" (mewakili {g['represents']})" if g["represents"] else ""),
                    g["name"],
                    g["basis"].replace("UU 9/2010 ", ""),
                )
                for g in seating["order"]
            ],
        )
        row = " | ".join(
            ("Tuan rumah: " if s["label"] == "Tuan rumah" else f"{s['label'].replace('Nomor ', '')}. ") + s["title"]
            for s in seating["row"]
        )
        w.line(f"Kursi depan (dilihat dari hadirin, kiri ke kanan): {row}", size=9)
        w.line(seating.get("convention", ""), size=9, italic=True)
    else:
        w.line("Daftar tamu belum diisi.", italic=True)

    w.gap()
    w.line(titles[4], bold=True)
    if content["checks"]:
        w.table(
            ("No", "Jenis", "Hasil / temuan", "Waktu", "Petugas"),
            ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5)),
            [
                (i, c["kind_label"], c["findings"] + (f" ({c['photos']} foto)" if c["photos"] else ""),
                 c["held_at"], c["officers"])
                for i, c in enumerate(content["checks"], start=1)
            ],
        )  # fmt: skip
    else:
        w.line("Cek lokasi belum dilaporkan.", italic=True)

    w.gap()
    w.line(titles[5], bold=True)
    w.table(
        ("No", "Penerima", "Nama", "Diterima", "Paraf penerima"),
        ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5)),
        [(i, d["kind"], d["recipient"], "", "") for i, d in enumerate(content["distribution"], start=1)],
    )

    w.gap()
    signatory = content["signatory"]
    put(ws, w.row, 2, f"Paraf {content['paraf_role']}:").font = font(True)
    put(ws, w.row, 5, content.get("date_line", "")).font = font()
    w.row += 1
    put(ws, w.row, 2, "…………").font = font()
    put(ws, w.row, 5, signatory["jabatan"]).font = font(True)
    ws.cell(row=w.row, column=5).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[w.row].height = LINE_POINTS * line_count(signatory["jabatan"], WIDTHS[4]) + 2
    w.row += 4
    put(ws, w.row, 5, "(………………………………)").font = font()
    print_setup(ws, 0, False, f"SOP Protokol — {event['name'][:60]}")
    return save_workbook(wb, out)
