"""An SOP as an Excel workbook in the Permenpan-RB 35/2012 layout, ready to print.

Sheet "SOP": the identity block, the paired sections (Dasar Hukum | Kualifikasi Pelaksana, ...), the
procedure table with one column per executor and the Mutu Baku, the Jumlah row and the signature
block; A4 landscape, one page wide, the table header repeated on every page. Sheet "Standar
Pelayanan": the components of the service standard as a two-column table, A4 portrait.

The flowchart symbols of the documents are drawn with cells: a step's executor column holds a text
symbol in a filled, boxed cell (``( Mulai )`` / ``( Selesai )`` terminator, ``▭`` proses, ``◇``
keputusan with where Ya and Tidak lead) and an arrow towards the column of the next step, so the path
through the columns reads at a glance. Row heights are estimated from the texts: neither Excel nor
LibreOffice grows merged cells, and Excel does not grow freshly written wrapped rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break

from ..domain.sop import Signatory, Sop, Step
from .cells import assign, put
from .files import save_workbook

FONT = "Arial"
SIZE = 10

SYMBOL_PROCESS = "▭"
SYMBOL_DECISION = "◇"
ARROW_DOWN = "↓"
ARROW_RIGHT = "→"
ARROW_LEFT = "←"

FILL_HEADER = "D9D9D9"
FILL_LABEL = "F2F2F2"
FILL_TERMINATOR = "E2EFDA"  # light green: Mulai / Selesai
FILL_PROCESS = "DDEBF7"  # light blue: proses
FILL_DECISION = "FFF2CC"  # light yellow: keputusan

A4_POINTS = (595.3, 841.9)
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 0.5, 0.45, 0.55  # inches
SIGNATURE_BLANK_LINES = 3  # room for the signature and the stamp
EMPTY_STANDARD = "Belum diatur dalam dokumen"

_THIN = Side(style="thin", color="000000")
_MEDIUM = Side(style="medium", color="000000")
BORDER_THIN = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
BORDER_SYMBOL = Border(left=_MEDIUM, right=_MEDIUM, top=_MEDIUM, bottom=_MEDIUM)
BORDER_NONE = Border()


# ---------------------------------------------------------------------------------------------
# Text helpers


def _numbered(items: Iterable[str]) -> str:
    """``1. a`` / ``2. b`` on separate lines; a single item stays unnumbered."""
    values = [item for item in items if item]
    if len(values) == 1:
        return values[0]
    return "\n".join(f"{index}. {item}" for index, item in enumerate(values, start=1))


def _bulleted(items: Iterable[str]) -> str:
    values = [item for item in items if item]
    if len(values) == 1:
        return values[0]
    return "\n".join(f"• {item}" for item in values)


# Advance widths of Arial (= Helvetica, = Liberation Sans) in 1/1000 em, for estimating wrapped lines.
_ARIAL_WIDTHS = dict(
    zip(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
        [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278]
        + [556] * 10
        + [278, 278, 584, 584, 584, 556, 1015]
        + [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833]
        + [722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]
        + [278, 278, 278, 469, 556, 333]
        + [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833]
        + [556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]
        + [334, 260, 334, 584],
        strict=True,
    )
)


def _text_px(text: str, size: float, bold: bool) -> float:
    """Approximate width of ``text`` in pixels at 96 dpi."""
    units = sum(_ARIAL_WIDTHS.get(char, 1000 if ord(char) > 0x2000 else 600) for char in text)
    return units / 1000 * size * 96 / 72 * (1.08 if bold else 1.0)


def _line_count(text: str, width: float, size: float = SIZE, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped in a cell ``width`` Excel units wide."""
    available = max(10.0, (7 * width - 6) * 0.95)  # cell padding and a safety margin
    space = _text_px(" ", size, bold)
    lines = 0
    for paragraph in str(text).split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            word_px = _text_px(word, size, bold)
            gap = space if used else 0.0
            if used and used + gap + word_px > available:
                lines += 1
                used, gap = 0.0, 0.0
            used += gap + word_px
            while used > available:  # a word longer than the cell breaks anywhere
                lines += 1
                used -= available
    return max(1, lines)


def _height(lines: int, size: float = SIZE) -> float:
    """Row height in points for ``lines`` lines: Excel gives Arial 10 12.75 pt a line."""
    return round(lines * size * 1.275 + 1.5, 2)


def _footer_text(text: str) -> str:
    return text.replace("&", "&&")


# ---------------------------------------------------------------------------------------------
# Sheet writer with row-height bookkeeping


class _Sheet:
    def __init__(self, ws: Any, widths: dict[int, float]) -> None:
        self.ws = ws
        self.widths = widths
        self.heights: dict[int, float] = {}
        for column, width in widths.items():
            ws.column_dimensions[get_column_letter(column)].width = width

    def width(self, first: int, last: int) -> float:
        return sum(self.widths.get(c, 8.43) for c in range(first, last + 1)) + 0.3 * (last - first)

    def need(self, row: int, height: float) -> None:
        self.heights[row] = max(self.heights.get(row, 0.0), height)

    def put(
        self,
        row: int,
        column: int,
        value: Any,
        *,
        last_column: int | None = None,
        last_row: int | None = None,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        size: float = SIZE,
        horizontal: str = "left",
        vertical: str = "center",
        fill: str | None = None,
        border: Border = BORDER_THIN,
        fit: bool = True,
    ) -> Any:
        """Write ``value`` (merged over ``last_row``/``last_column`` if given) and style every cell."""
        last_column = last_column or column
        last_row = last_row or row
        ws = self.ws
        cell = put(ws, row, column, value if value != "" else None)
        font = Font(name=FONT, size=size, bold=bold, italic=italic, underline="single" if underline else None)
        alignment = Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True)
        pattern = PatternFill("solid", start_color=fill, end_color=fill) if fill else None
        for r in range(row, last_row + 1):
            for c in range(column, last_column + 1):
                target = ws.cell(row=r, column=c)
                target.font = font
                target.alignment = alignment
                target.border = border
                if pattern is not None:
                    target.fill = pattern
        if last_column != column or last_row != row:
            ws.merge_cells(start_row=row, start_column=column, end_row=last_row, end_column=last_column)
        if fit and value not in (None, "") and last_row == row:
            lines = _line_count(str(value), self.width(column, last_column), size, bold)
            self.need(row, _height(lines, size))
        return cell

    def row_height(self, row: int) -> float:
        return max(self.heights.get(row, _height(1)), 1.0)

    def apply_heights(self) -> None:
        for row in range(1, self.ws.max_row + 1):
            self.ws.row_dimensions[row].height = self.row_height(row)

    def page_starts(self, last_row: int, title_rows: tuple[int, int], landscape: bool) -> list[int]:
        """The first row of each printed page, one page wide, as Excel paginates with these heights and widths."""
        sheet_width = sum(7 * width for width in self.widths.values()) * 0.75  # 7 pixels a unit, in points
        page_width, page_height = (A4_POINTS[1], A4_POINTS[0]) if landscape else A4_POINTS
        scale = min(1.0, int((page_width - 2 * MARGIN_SIDE * 72) / sheet_width * 100) / 100)
        capacity = (page_height - (MARGIN_TOP + MARGIN_BOTTOM) * 72) / scale
        titles = sum(self.row_height(r) for r in range(title_rows[0], title_rows[1] + 1))
        starts, used = [1], 0.0
        for row in range(1, last_row + 1):
            height = self.row_height(row)
            if used and used + height > capacity:
                starts.append(row)
                used = titles if row > title_rows[1] else 0.0
            used += height
        return starts


def _print_setup(ws: Any, landscape: bool, title_rows: str | None, last_column: int, last_row: int) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(
        left=MARGIN_SIDE, right=MARGIN_SIDE, top=MARGIN_TOP, bottom=MARGIN_BOTTOM, header=0.2, footer=0.25
    )
    if title_rows:
        ws.print_title_rows = title_rows
    ws.print_area = f"A1:{get_column_letter(last_column)}{last_row}"
    ws.sheet_view.showGridLines = False


# ---------------------------------------------------------------------------------------------
# Sheet 1: SOP


def _executor_widths(count: int) -> tuple[float, float]:
    """Widths of the Uraian column and of each executor column: narrower when there are many."""
    executor = max(9.0, min(14.0, 14.0 - (count - 4) * 0.75))
    uraian = 45.0 if count <= 5 else max(34.0, 45.0 - (count - 5) * 3.0)
    return uraian, executor


def _flow_hint(sop: Sop, step: Step, columns: dict[str, int]) -> list[str]:
    """Where the flow goes after ``step``: an arrow to the next column, or the Ya / Tidak targets."""

    def target_text(target: int | None) -> str:
        return "Selesai" if target is None else f"langkah {target}"

    if step.decision is not None:
        return [
            f"Ya {ARROW_RIGHT} {target_text(step.decision.yes)}",
            f"Tidak {ARROW_RIGHT} {target_text(step.decision.no)}",
        ]
    try:
        following = sop.next_step(step.number)
    except (KeyError, ValueError):
        return []
    if following is None:
        return []
    try:
        executor = sop.step(following).executor
    except KeyError:
        return []
    here, there = columns.get(step.executor), columns.get(executor)
    if here is None or there is None or here == there:
        return [ARROW_DOWN]
    return [f"{ARROW_RIGHT if there > here else ARROW_LEFT} {executor}"]


def _step_symbol(sop: Sop, step: Step, columns: dict[str, int]) -> tuple[str, list[str], str]:
    """A step's flowchart symbol, the lines under it (question, where the flow goes) and its fill colour."""
    flow = _flow_hint(sop, step, columns)
    if step.decision is not None:
        return SYMBOL_DECISION, [step.decision.question, *flow], FILL_DECISION
    if "mulai" in step.kinds or "selesai" in step.kinds:
        names = [name for kind, name in (("mulai", "Mulai"), ("selesai", "Selesai")) if kind in step.kinds]
        return f"( {' / '.join(names)} )", flow, FILL_TERMINATOR
    return SYMBOL_PROCESS, flow, FILL_PROCESS


def symbol_text(sop: Sop, step: Step, columns: dict[str, int]) -> str:
    """The plain text of a step's executor cell, e.g. ``"◇\nAda koreksi?\nYa → langkah 3\nTidak → Selesai"``."""
    symbol, lines, _ = _step_symbol(sop, step, columns)
    return "\n".join([symbol, *lines])


def _symbol_cell(sheet: _Sheet, row: int, column: int, sop: Sop, step: Step, columns: dict[str, int]) -> None:
    """The executor cell of a step: a big symbol over small text, filled and boxed."""
    symbol, lines, fill = _step_symbol(sop, step, columns)
    terminator = symbol.startswith("(")
    symbol_size = SIZE + 1 if terminator else 13
    blocks = [TextBlock(InlineFont(rFont=FONT, sz=symbol_size, b=terminator), symbol)]
    if lines:
        blocks.append(TextBlock(InlineFont(rFont=FONT, sz=SIZE - 1), "\n" + "\n".join(lines)))
    sheet.put(row, column, "", horizontal="center", fill=fill, border=BORDER_SYMBOL, size=SIZE - 1)
    sheet.ws.cell(row=row, column=column).value = CellRichText(blocks)
    width = sheet.width(column, column)
    height = _height(_line_count(symbol, width, symbol_size, terminator), symbol_size)
    if lines:
        height += _height(_line_count("\n".join(lines), width, SIZE - 1), SIZE - 1) - 4
    sheet.need(row, height)


def _signature_text(signatory: Signatory) -> tuple[CellRichText, int]:
    """The signature block as one rich-text cell, and its number of text lines (without the signing space)."""
    regular = InlineFont(rFont=FONT, sz=SIZE)
    bold = InlineFont(rFont=FONT, sz=SIZE, b=True)
    name = InlineFont(rFont=FONT, sz=SIZE, b=True, u="single")
    blocks = [TextBlock(regular, "Disahkan oleh")]
    lines = 1
    if signatory.jabatan:
        blocks.append(TextBlock(bold, "\n" + signatory.jabatan))
        lines += 1
    blocks.append(TextBlock(regular, "\n" * (SIGNATURE_BLANK_LINES + 1)))
    blocks.append(TextBlock(name, signatory.nama or "(.......................................)"))
    lines += 1
    tail = [line for line in (signatory.pangkat, f"NIP. {signatory.nip}" if signatory.nip else "") if line]
    if tail:
        blocks.append(TextBlock(regular, "\n" + "\n".join(tail)))
        lines += len(tail)
    return CellRichText(blocks), lines


def _write_sop_sheet(ws: Any, sop: Sop, office_name: str) -> None:
    executors = list(sop.executors)
    count = max(1, len(executors))
    c_exec = 3
    c_kel = c_exec + count
    c_waktu, c_out, c_ket = c_kel + 1, c_kel + 2, c_kel + 3
    left_last = c_kel - 1
    uraian_width, executor_width = _executor_widths(count)
    widths = {1: 5.0, 2: uraian_width, c_kel: 22.0, c_waktu: 14.0, c_out: 20.0, c_ket: 16.0}
    widths.update({c_exec + i: executor_width for i in range(count)})
    sheet = _Sheet(ws, widths)
    columns = {name: c_exec + index for index, name in enumerate(executors)}
    ident = sop.identity
    signatory = ident.disahkan_oleh

    # Identity block -------------------------------------------------------------------------
    signed_by = [signatory.jabatan, signatory.nama, signatory.pangkat]
    if signatory.nip:
        signed_by.append(f"NIP. {signatory.nip}")
    identity_rows = [
        ("Nomor SOP", ident.nomor),
        ("Tanggal Pembuatan", ident.tanggal_pembuatan),
        ("Tanggal Revisi", ident.tanggal_revisi),
        ("Tanggal Pengesahan", ident.tanggal_pengesahan),
    ]
    if ident.tanggal_efektif:
        identity_rows.append(("Tanggal Efektif", ident.tanggal_efektif))
    identity_rows.append(("Disahkan Oleh", "\n".join(line for line in signed_by if line)))
    identity_rows.append(("Nama SOP", sop.name))
    top = 1
    for offset, (label, value) in enumerate(identity_rows):
        row = top + offset
        sheet.put(row, c_kel, label, bold=True, fill=FILL_LABEL)
        sheet.put(row, c_waktu, value or "-", last_column=c_ket, bold=label == "Nama SOP")
    bottom = top + len(identity_rows) - 1
    organisation = list(ident.organisation) or ([office_name] if office_name else [])
    org_text = "\n".join(organisation)
    sheet.put(
        top, 1, org_text, last_column=left_last, last_row=bottom, bold=True, size=12, horizontal="center", fit=False
    )
    org_lines = _line_count(org_text, sheet.width(1, left_last), 12, True) if org_text else 0
    org_height = _height(org_lines + 1, 12)
    rows_height = sum(sheet.heights.get(r, _height(1)) for r in range(top, bottom + 1))
    if org_height > rows_height:
        extra = (org_height - rows_height) / len(identity_rows)
        for r in range(top, bottom + 1):
            sheet.heights[r] = sheet.heights.get(r, _height(1)) + extra
    row = bottom + 1
    sheet.need(row, 6)
    row += 1

    # Paired sections ------------------------------------------------------------------------
    pairs = [
        ("Dasar Hukum", ident.dasar_hukum, "Kualifikasi Pelaksana", ident.kualifikasi_pelaksana),
        ("Keterkaitan", ident.keterkaitan, "Peralatan/Perlengkapan", ident.peralatan),
        ("Peringatan", ident.peringatan, "Pencatatan dan Pendataan", ident.pencatatan),
    ]
    for left_label, left_items, right_label, right_items in pairs:
        sheet.put(row, 1, left_label, last_column=left_last, bold=True, fill=FILL_LABEL)
        sheet.put(row, c_kel, right_label, last_column=c_ket, bold=True, fill=FILL_LABEL)
        row += 1
        sheet.put(row, 1, _numbered(left_items) or "-", last_column=left_last, vertical="top")
        sheet.put(row, c_kel, _numbered(right_items) or "-", last_column=c_ket, vertical="top")
        row += 1
    sheet.need(row, 6)
    row += 1

    # Procedure table ------------------------------------------------------------------------
    h1, h2 = row, row + 1
    header: dict[str, Any] = {"bold": True, "horizontal": "center", "fill": FILL_HEADER}
    sheet.put(h1, 1, "No", last_row=h2, **header)
    sheet.put(h1, 2, "Uraian Prosedur", last_row=h2, **header)
    sheet.put(h1, c_exec, "Pelaksana", last_column=left_last, **header)
    sheet.put(h1, c_kel, "Mutu Baku", last_column=c_out, **header)
    sheet.put(h1, c_ket, "Ket.", last_row=h2, **header)
    for name, column in columns.items():
        sheet.put(h2, column, name, **header)
    for column, label in ((c_kel, "Kelengkapan"), (c_waktu, "Waktu"), (c_out, "Output")):
        sheet.put(h2, column, label, **header)
    row = h2 + 1
    for step in sop.steps:
        sheet.put(row, 1, step.number, horizontal="center")
        sheet.put(row, 2, step.uraian)
        for column in range(c_exec, left_last + 1):
            sheet.put(row, column, None)
        keterangan = step.keterangan
        own_column = columns.get(step.executor)
        if own_column is not None:
            _symbol_cell(sheet, row, own_column, sop, step, columns)
        else:
            keterangan = "\n".join(filter(None, [keterangan, f"Pelaksana: {step.executor}"]))
        sheet.put(row, c_kel, _bulleted(step.kelengkapan))
        sheet.put(row, c_waktu, step.waktu or "-", horizontal="center")
        sheet.put(row, c_out, step.output)
        sheet.put(row, c_ket, keterangan)
        sheet.need(row, _height(2))
        row += 1
    total_text, total_note = sop.totals.text, sop.totals.note
    sheet.put(row, 1, "Jumlah", last_column=c_kel, bold=True, horizontal="right")
    sheet.put(row, c_waktu, total_text, bold=True, horizontal="center")
    sheet.put(row, c_out, total_note, last_column=c_ket, italic=True, size=SIZE - 1)
    row += 1

    sheet.need(row, 8)
    row += 1

    # Legend and signature block: one row, so that a page break never separates them ------------
    legend = "\n".join(
        [
            "Keterangan simbol:",
            "( Mulai ) / ( Selesai ) : awal / akhir prosedur",
            f"{SYMBOL_PROCESS} : kegiatan (proses)",
            f"{SYMBOL_DECISION} : keputusan; Ya / Tidak menunjukkan langkah berikutnya",
            f"{ARROW_RIGHT} {ARROW_LEFT} : pindah ke pelaksana lain",
            f"{ARROW_DOWN} : langkah berikutnya pada pelaksana yang sama",
        ]
    )
    sheet.put(row, 1, legend, last_column=2, italic=True, size=SIZE - 1, vertical="top", border=BORDER_NONE)
    signature, signature_lines = _signature_text(signatory)
    sheet.put(row, c_kel, "", last_column=c_ket, horizontal="center", vertical="top", border=BORDER_NONE)
    assign(ws.cell(row=row, column=c_kel), signature)
    sheet.need(row, _height(signature_lines + SIGNATURE_BLANK_LINES))
    last_row = row

    sheet.apply_heights()
    last_step_row = h2 + len(sop.steps)
    if len(sop.steps) > 1 and sheet.page_starts(last_row, (h1, h2), landscape=True)[-1] > last_step_row:
        # The Jumlah row or the signature would open a page of their own under the repeated header:
        # take the last step along with them.
        ws.row_breaks.append(Break(id=last_step_row - 1))
    _print_setup(ws, True, f"{h1}:{h2}", c_ket, last_row)
    title = sop.name if sop.name.upper().startswith("SOP") else f"SOP {sop.name}"
    ws.oddFooter.left.text = _footer_text(
        " ".join(filter(None, [title[:80], sop.identity.nomor and f"({sop.identity.nomor})"]))
    )
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = 8
    ws.sheet_properties.tabColor = "2F5597"


# ---------------------------------------------------------------------------------------------
# Sheet 2: Standar Pelayanan


def _write_standard_sheet(ws: Any, sop: Sop, office_name: str) -> None:
    sheet = _Sheet(ws, {1: 26.0, 2: 74.0})
    standard = sop.standard
    organisation = list(sop.identity.organisation) or ([office_name] if office_name else [])
    sheet.put(1, 1, "STANDAR PELAYANAN", last_column=2, bold=True, size=12, horizontal="center", border=BORDER_NONE)
    sheet.put(2, 1, sop.service or sop.name, last_column=2, bold=True, horizontal="center", border=BORDER_NONE)
    sheet.put(3, 1, ", ".join(organisation), last_column=2, horizontal="center", border=BORDER_NONE)
    sheet.need(4, 8)
    header = 5
    sheet.put(header, 1, "Komponen", bold=True, horizontal="center", fill=FILL_HEADER)
    sheet.put(header, 2, "Uraian", bold=True, horizontal="center", fill=FILL_HEADER)
    requirements = [
        r.text if r.required or "jika perlu" in r.text.casefold() else f"{r.text} (jika perlu)"
        for r in standard.persyaratan
    ]
    rows = [
        ("Persyaratan", _numbered(requirements)),
        ("Sistem, Mekanisme dan Prosedur", _numbered(standard.prosedur)),
        ("Jangka Waktu", standard.jangka_waktu),
        ("Biaya/Tarif", standard.biaya),
        ("Produk Pelayanan", _numbered(standard.produk)),
        ("Penanganan Pengaduan", standard.pengaduan),
    ]
    row = header + 1
    for label, value in rows:
        sheet.put(row, 1, label, bold=True, fill=FILL_LABEL, vertical="top")
        sheet.put(row, 2, value or EMPTY_STANDARD, italic=not value, vertical="top")
        row += 1
    sheet.put(row, 1, "Catatan", bold=True, fill=FILL_LABEL, vertical="top")
    sheet.put(row, 2, _numbered(standard.notes) or "-", vertical="top")
    sheet.apply_heights()
    _print_setup(ws, False, f"{header}:{header}", 2, row)
    ws.oddFooter.left.text = _footer_text(f"Standar Pelayanan {sop.service or sop.name}"[:80])
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Halaman &P dari &N"
    ws.oddFooter.right.size = 8


# ---------------------------------------------------------------------------------------------


def write_sop_workbook(sop: Sop, out: Path, office_name: str = "") -> Path:
    """Write ``sop`` to ``out`` as an .xlsx with the sheets "SOP" and "Standar Pelayanan"; returns ``out``.

    The file is written beside ``out`` first and then moved into place, so a failed export never leaves
    a half-written workbook. Raises :class:`OSError` when the file cannot be written (for example when
    it is open in Excel).
    """
    out = Path(out)
    workbook = Workbook()
    sop_sheet = workbook.active
    sop_sheet.title = "SOP"
    _write_sop_sheet(sop_sheet, sop, office_name)
    _write_standard_sheet(workbook.create_sheet("Standar Pelayanan"), sop, office_name)
    workbook.active = 0
    workbook.properties.title = sop.name
    workbook.properties.subject = f"Standar Operasional Prosedur {sop.code}"
    workbook.properties.creator = "Protokol Desktop"
    workbook.properties.lastModifiedBy = "Protokol Desktop"
    workbook.properties.keywords = "SOP, Standar Pelayanan"
    workbook.properties.language = "id-ID"

    return save_workbook(workbook, out)


__all__ = ["symbol_text", "write_sop_workbook"]
