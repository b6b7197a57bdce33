"""The shared cell writer keeps user text as text in normal and write-only sheets."""

from openpyxl import Workbook, load_workbook

from protokol_desktop.export.cells import Formula, put, safe_row, text_cell

HOSTILE = ["=1+1", '=HYPERLINK("http://x","klik")', "=cmd|' /C calc'!A0"]


def test_put_and_append_keep_text(tmp_path):
    wb = Workbook()
    ws = wb.active
    for row, text in enumerate(HOSTILE, start=1):
        put(ws, row, 1, text)
    ws.append(safe_row(ws, [*HOSTILE, 7]))
    put(ws, 9, 1, Formula("=SUM(D4:D4)"))
    out = tmp_path / "a.xlsx"
    wb.save(out)
    sheet = load_workbook(out).active
    assert [sheet.cell(r, 1).data_type for r in (1, 2, 3)] == ["s", "s", "s"]
    assert [c.data_type for c in sheet[4]] == ["s", "s", "s", "n"]
    assert sheet.cell(4, 2).value == HOSTILE[1]
    assert sheet.cell(9, 1).data_type == "f"


def test_write_only_cells_keep_text(tmp_path):
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(safe_row(ws, HOSTILE))
    ws.append([text_cell(ws, "=A1", number_format="@")])
    out = tmp_path / "b.xlsx"
    wb.save(out)
    sheet = load_workbook(out).active
    assert all(c.data_type == "s" for row in sheet.iter_rows() for c in row if c.value is not None)
