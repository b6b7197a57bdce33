"""The audit trail in Excel: a filed copy that can be re-verified against the chain, printable on A4.

The sheet opens with who exported what: office, period, filter, time zone, the exporting user and
the chain's state and head at that moment. Each entry's row carries everything its hash covers (the
UTC time to the microsecond included) and both hashes, so ``protokol-desktop audit verify FILE`` can
recompute every row and compare it with the database. Printing: A4 landscape, fitted to the page
width, wrapped text, thin borders, the column header repeated on every page and "Halaman n dari m"
in the footer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..services.audit import AuditRow, utc_text
from .cells import put
from .files import save_workbook

SHEET = "Jejak Audit"
MARKER = "Jejak Audit Protokol Desktop"
HEADERS = ["No. entri", "Waktu", "Waktu UTC (untuk verifikasi)", "Oleh", "Tindakan", "Objek", "Kunci", "Sebelum",
           "Sesudah", "Hash entri sebelumnya", "Hash entri"]  # fmt: skip
WIDTHS = [7, 16, 15, 18, 15, 11, 13, 34, 34, 13, 13]
SMALL_COLUMNS = (3, 10, 11)  # UTC time and hashes: small print, wrapped
META_LABELS = ["Kantor", "Periode", "Saringan", "Zona waktu", "Diekspor oleh", "Diekspor pada", "Jumlah entri",
               "Keadaan rantai", "Ujung rantai saat ekspor"]  # fmt: skip


@dataclass(frozen=True)
class AuditExportMeta:
    office: str
    period: str
    filters: str
    zone_label: str
    exported_by: str
    exported_at: str
    chain_state: str
    chain_head: str


def write_audit(path: Path, rows: Sequence[AuditRow], zone, meta: AuditExportMeta) -> Path:  # noqa: ANN001
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    put(ws, 1, 1, MARKER).font = Font(bold=True, size=13)
    values = [meta.office, meta.period, meta.filters, meta.zone_label, meta.exported_by, meta.exported_at,
              len(rows), meta.chain_state, meta.chain_head]  # fmt: skip
    for offset, (label, value) in enumerate(zip(META_LABELS, values, strict=True)):
        row = 2 + offset
        put(ws, row, 1, label).font = Font(bold=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = put(ws, row, 3, value)
        cell.alignment = Alignment(horizontal="left", wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=len(HEADERS))
    header_row = 2 + len(META_LABELS) + 1
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, title in enumerate(HEADERS, start=1):
        cell = put(ws, header_row, column, title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
        cell.border = border
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    wrap = Alignment(wrap_text=True, vertical="top")
    small = Font(size=7)
    for index, entry in enumerate(rows, start=header_row + 1):
        values = [entry.id, entry.at.astimezone(zone).replace(tzinfo=None), utc_text(entry.at), entry.actor,
                  entry.action, entry.entity, entry.entity_id, entry.before, entry.after, entry.prev_hash,
                  entry.hash]  # fmt: skip
        for column, value in enumerate(values, start=1):
            cell = put(ws, index, column, value)
            cell.border = border
            cell.alignment = wrap
            if column in SMALL_COLUMNS:
                cell.font = small
        ws.cell(index, 2).number_format = "DD/MM/YYYY HH:MM:SS"
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[chr(64 + index)].width = width
    last_column = chr(64 + len(HEADERS))
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{last_column}{max(header_row, ws.max_row)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{last_column}{max(header_row, ws.max_row)}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddHeader.left.text = meta.office.replace("&", "&&")
    ws.oddHeader.right.text = "Jejak Audit — &D"
    ws.oddFooter.left.text = f"Diekspor oleh {meta.exported_by}".replace("&", "&&")
    ws.oddFooter.center.text = "Halaman &P dari &N"
    return save_workbook(wb, path)


@dataclass(frozen=True)
class ExportedEntry:
    """One row of an audit export, as read back."""

    row: int
    id: int
    utc: str
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str
    prev_hash: str
    hash: str


def read_audit(path: Path) -> tuple[dict[str, str], list[ExportedEntry]]:
    """The heading and the rows of an audit export; ValueError when ``path`` is not one."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        if SHEET not in wb.sheetnames:
            raise ValueError(f"lembar '{SHEET}' tidak ada")
        ws = wb[SHEET]
        rows = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    if not rows or rows[0][0] != MARKER:
        raise ValueError("judul ekspor jejak audit tidak ada")
    heading: dict[str, str] = {}
    header_index = None
    for index, row in enumerate(rows[1:], start=1):
        if row and row[0] == HEADERS[0] and list(row[: len(HEADERS)]) == HEADERS:
            header_index = index
            break
        if row and row[0] in META_LABELS:
            heading[str(row[0])] = "" if row[2] is None else str(row[2])
    if header_index is None:
        raise ValueError("baris judul kolom tidak ada")
    entries = []
    for number, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not row or row[0] is None:
            continue
        texts = ["" if value is None else str(value) for value in row[: len(HEADERS)]]
        try:
            entry_id = int(row[0])
        except (TypeError, ValueError) as exc:
            raise ValueError(f"baris {number}: nomor entri '{row[0]}' bukan angka") from exc
        entries.append(ExportedEntry(number, entry_id, texts[2], texts[3], texts[4], texts[5], texts[6], texts[7],
                                     texts[8], texts[9], texts[10]))  # fmt: skip
    return heading, entries
