"""The audit trail in Excel: one row per entry with its hash, printable on A4 landscape."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..services.audit import AuditRow
from .cells import safe_row

HEADERS = ["No. entri", "Waktu", "Oleh", "Tindakan", "Objek", "Kunci", "Sebelum", "Sesudah"]
WIDTHS = [10, 18, 28, 20, 14, 18, 45, 45]


def write_audit(path: Path, rows: Sequence[AuditRow], zone, title: str) -> Path:  # noqa: ANN001
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Jejak Audit"
    ws.append(safe_row(ws, [title]))
    ws["A1"].font = Font(bold=True, size=12)
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    for row in rows:
        ws.append(safe_row(
            ws, [row.id, row.at.astimezone(zone).replace(tzinfo=None), row.actor, row.action, row.entity, row.entity_id,
             row.before, row.after]
        ))  # fmt: skip
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[chr(64 + index)].width = width
    for cells in ws.iter_rows(min_row=3):
        cells[1].number_format = "DD/MM/YYYY HH:MM:SS"
        for cell in cells[6:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:H{max(2, ws.max_row)}"
    ws.print_title_rows = "2:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=path.parent)
    os.close(handle)
    wb.save(temporary)
    os.replace(temporary, path)
    return path
