"""Printable records: a guest visit (checklist, attendance list for signatures, minutes), a Bimtek
(attendance and report) and the complaint register. A4, header rows repeated, fit to width."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .cells import safe_row
from .files import save_workbook

HEADER_FILL = "DDDDDD"


def _book() -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    return wb


def _sheet(
    wb: Any,
    title: str,
    heading: list[str],
    headers: list[str],
    widths: list[int],
    rows: Sequence[Sequence[Any]],
    landscape: bool = False,
    row_height: float | None = None,
) -> Any:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    for line in heading:
        ws.append(safe_row(ws, [line]))
    for row in range(1, len(heading) + 1):
        ws.cell(row, 1).font = Font(bold=row == 1, size=12 if row == 1 else 10)
    header_row = len(heading) + 2
    ws.append([])
    ws.append(safe_row(ws, headers))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for values in rows:
        ws.append(safe_row(ws, values))
        for cell in ws[ws.max_row]:
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        if row_height:
            ws.row_dimensions[ws.max_row].height = row_height
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "Halaman &P dari &N"
    return ws


def _text_sheet(wb: Any, title: str, heading: list[str], text: str) -> Any:
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(title)
    for line in heading:
        ws.append(safe_row(ws, [line]))
    ws.cell(1, 1).font = Font(bold=True, size=12)
    ws.append([])
    for paragraph in (text or "-").splitlines() or ["-"]:
        ws.append(safe_row(ws, [paragraph]))
        ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[ws.max_row].height = max(15, 15 * (len(paragraph) // 95 + 1))
    ws.column_dimensions["A"].width = 100
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws




def _signature_column(ws: Any, first_row: int, column: int) -> None:
    """The usual Indonesian sign-in column: odd numbers on the left, even numbers set off to the right,
    so neighbours' signatures do not run into each other."""
    from openpyxl.styles import Alignment

    for row in ws.iter_rows(min_row=first_row, min_col=column, max_col=column):
        cell = row[0]
        number = ws.cell(cell.row, 1).value
        odd = not isinstance(number, int) or number % 2 == 1
        cell.alignment = Alignment(horizontal="left" if odd else "center", vertical="center")


def write_visit(path: Path, heading: list[str], checklist: Sequence[Any], guests: Sequence[Any], minutes: str,
                catering: str, checklist_notes: Sequence[str] = ()) -> Path:  # fmt: skip
    """``checklist``: rows with section, text, done, done_by, done_at (local, naive), note;
    ``guests``: rows with nama, jabatan, instansi, telepon; ``checklist_notes``: more heading lines
    for the checklist sheet only."""
    wb = _book()
    checklist_heading = [*heading, f"Pesanan jamuan: {catering}", *checklist_notes]
    ws = _sheet(
        wb, "Daftar Periksa", checklist_heading,
        ["No", "Bagian", "Butir", "Siap", "Oleh", "Waktu", "Catatan"], [5, 14, 38, 7, 22, 17, 30],
        [(n, "Peralatan/Perlengkapan" if i.section == "peralatan" else "Pencatatan dan Pendataan", i.text,
          "Ya" if i.done else "Belum", i.done_by, i.done_at, i.note) for n, i in enumerate(checklist, start=1)],
        landscape=True,
    )  # fmt: skip
    for row in ws.iter_rows(min_row=len(checklist_heading) + 3):
        row[5].number_format = "DD/MM/YYYY HH:MM"
    heading_rows = len(heading) + 2
    ws = _sheet(
        wb, "Daftar Hadir", ["DAFTAR HADIR", *heading[1:]],
        ["No", "Nama", "Jabatan", "Instansi", "Telepon", "Tanda Tangan"], [5, 28, 24, 28, 16, 24],
        [(n, g.nama, g.jabatan, g.instansi, g.telepon, f"{n}. ") for n, g in enumerate(guests, start=1)]
        + [(len(guests) + n, "", "", "", "", f"{len(guests) + n}. ") for n in range(1, 6)],
        row_height=30,
    )  # fmt: skip
    _signature_column(ws, heading_rows + 1, 6)
    _text_sheet(wb, "Notulen", ["NOTULEN", *heading[1:]], minutes)
    return save_workbook(wb, path)


def write_bimtek(path: Path, heading: list[str], speakers: Sequence[Any], participants: Sequence[Any],
                 minutes: str, report: str) -> Path:  # fmt: skip
    """``participants``: rows with nama, nip, instansi (unit), attended; ``speakers``: nama, instansi,
    kontak, topik. The attendance sheet has five empty lines for late registrations."""
    wb = _book()
    ws = _sheet(
        wb, "Daftar Hadir", ["DAFTAR HADIR PESERTA BIMTEK KEPROTOKOLAN", *heading[1:]],
        ["No", "Nama", "NIP", "Unit Kerja", "Hadir", "Tanda Tangan"], [5, 28, 22, 30, 8, 24],
        [(n, p.nama, p.nip, p.instansi, "Ya" if p.attended else "Tidak", f"{n}. ")
         for n, p in enumerate(participants, start=1)]
        + [(len(participants) + n, "", "", "", "", f"{len(participants) + n}. ") for n in range(1, 6)],
        row_height=30,
    )  # fmt: skip
    _signature_column(ws, len(heading) + 3, 6)
    _sheet(
        wb, "Narasumber", ["NARASUMBER", *heading[1:]], ["No", "Nama", "Instansi", "Kontak", "Topik"],
        [5, 28, 30, 18, 36], [(n, s.nama, s.instansi, s.kontak, s.topik) for n, s in enumerate(speakers, start=1)],
    )  # fmt: skip
    _text_sheet(wb, "Notulen", ["NOTULEN", *heading[1:]], minutes)
    _text_sheet(wb, "Laporan", ["LAPORAN HASIL PELAKSANAAN BIMTEK KEPROTOKOLAN", *heading[1:]], report)
    return save_workbook(wb, path)


def write_complaints(path: Path, heading: list[str], rows: Sequence[Any], zone: Any) -> Path:
    """``rows``: complaint rows (services.complaints.ComplaintRow); times shown in ``zone``."""

    def local(moment: Any) -> Any:
        return None if moment is None else moment.astimezone(zone).replace(tzinfo=None)

    def notes(row: Any) -> str:
        return "\n".join(f"{local(n.at):%d/%m/%Y %H.%M} {n.actor}: {n.text}" for n in row.notes)

    wb = _book()
    ws = _sheet(
        wb, "Register Pengaduan", heading,
        ["No", "Diterima", "Saluran", "Pengadu", "Layanan / Permohonan", "Isi", "Klasifikasi", "Petugas",
         "Batas Jawab", "Status", "Tindak Lanjut", "Penyelesaian", "Selesai", "Tepat Waktu"],
        [6, 16, 12, 20, 20, 40, 14, 18, 12, 12, 34, 34, 16, 10],
        [(r.id, local(r.received_at), r.channel, r.complainant + (f" ({r.contact})" if r.contact else ""),
          " — ".join(x for x in (r.service, r.request_label) if x), r.content, r.classification, r.handler,
          r.due_date, r.status_label, notes(r), r.resolution, local(r.resolved_at),
          "" if r.on_time is None else ("Ya" if r.on_time else "Tidak")) for r in rows],
        landscape=True,
    )  # fmt: skip
    header_row = len(heading) + 2
    for row in ws.iter_rows(min_row=header_row + 1):
        row[1].number_format = "DD/MM/YYYY HH:MM"
        row[8].number_format = "DD/MM/YYYY"
        row[12].number_format = "DD/MM/YYYY HH:MM"
    from openpyxl.styles import Font

    for offset, complaint in enumerate(rows, start=header_row + 1):
        if complaint.overdue:  # past its answer deadline and not resolved: red, as on screen
            for cell in ws[offset]:
                cell.font = Font(color="C62828", bold=True)
    ws.auto_filter.ref = f"A{header_row}:N{max(header_row, ws.max_row)}"
    return save_workbook(wb, path)
