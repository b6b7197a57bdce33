"""An SOP as a PDF in the Permenpan-RB 35/2012 layout, drawn with ``QPdfWriter`` and ``QPainter``.

Page 1 opens with the identity block (organisation on the left; Nomor SOP, the dates, Disahkan Oleh and
Nama SOP on the right) and the paired sections (Dasar Hukum | Kualifikasi Pelaksana, ...). The procedure
table follows: No | Uraian Prosedur | one column per executor under "Pelaksana" | Mutu Baku (Kelengkapan,
Waktu, Output) | Ket. Each step's flowchart symbol stands in its executor's column (a capsule for Mulai /
Selesai, a rectangle for a proses, a diamond for a keputusan) and arrows join the symbols: straight down in
the same column, down-across-down when the executor changes, out of a diamond's side through a lane at
the edge of the executor area for a loop back or a jump forward, with "Ya" / "Tidak" on a decision's
arrows. When the table runs past a page its header repeats, and every arrow that crosses the break ends
in an off-page connector (a pentagon with a letter) at the bottom of the page and starts again from the
same letter at the top of the page where it continues. The Jumlah row, the symbol legend and the
signature block close the procedure; a "Standar Pelayanan" page follows. Every page carries
"Halaman N dari M" and the SOP code and name.

The work is split in two passes: :func:`layout_sop_pdf` measures the texts against the PDF device and
produces a :class:`SopPdfLayout` (pages of cells, text lines, symbols, arrow paths and connectors, all in
device dots), and the paint pass only draws that list. Tests check the geometry on the layout itself.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)

from ...domain.sop import Sop, Step

RESOLUTION = 300  # dots per inch: every layout coordinate is in dots
MARGIN_MM = 12.0
FOOTER_MM = 7.0
FAMILIES = ["Arial", "Liberation Sans", "Helvetica", "DejaVu Sans"]
CREATOR = "Protokol Desktop"

FILL_HEADER = "#D9D9D9"
FILL_LABEL = "#F2F2F2"
FILL_TERMINATOR = "#E2EFDA"  # light green: Mulai / Selesai
FILL_PROCESS = "#DDEBF7"  # light blue: proses
FILL_DECISION = "#FFF2CC"  # light yellow: keputusan
FILL_CONNECTOR = "#FFFFFF"

TERMINATOR = "terminator"
PROCESS = "process"
DECISION = "decision"

EMPTY_STANDARD = "Belum diatur dalam dokumen"
ARROW = "\u2192"

# Geometry of the flowchart, in millimetres.
SYMBOL_TOP = 2.8  # room above a symbol for the incoming arrow
SYMBOL_BELOW = 4.4  # room below a symbol for the outgoing arrow and its label
END_BELOW = 10.0  # room below a diamond that ends in a small "Selesai" terminator under it
SIGNING_SPACE = 18.0  # between the jabatan and the name: the signature and the stamp
LEGEND_LINE = 5.4
STRIP = 9.0  # height of the connector strip at a page break
LANES = (2.8, 1.5)  # loop lanes: distances from the outer edge of the executor area
SYMBOL_MARGIN = 3.8  # at least this much room between a symbol and its column's edge, for the lanes
CONNECTOR_W, CONNECTOR_H = 4.8, 5.5


# ---------------------------------------------------------------------------------------------
# The layout: what the paint pass draws, in device dots


@dataclass(frozen=True)
class FontSpec:
    size: float  # points
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass
class TextRun:
    """One line of text; ``y`` is the top of the line box, ``baseline`` where the glyphs sit."""

    x: float
    y: float
    text: str
    font: FontSpec
    baseline: float
    w: float = 0.0
    h: float = 0.0


@dataclass
class Cell:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    border: bool = True


@dataclass
class Symbol:
    """A flowchart symbol; ``role`` is "step" (a step's own symbol), "end" (the small Selesai after a
    keputusan) or "legend"."""

    shape: str
    x: float
    y: float
    w: float
    h: float
    page: int
    step: int | None = None
    executor: str = ""
    text: str = ""
    role: str = "step"

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass
class Connector:
    """An off-page connector: a pentagon pointing down with ``letter``; ``at`` is "bottom" on the page the
    arrow leaves and "top" on the page where it goes on."""

    letter: str
    x: float
    y: float
    w: float
    h: float
    page: int
    at: str
    source: int
    target: int | None

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass
class FlowPath:
    """An orthogonal arrow. ``kind``: "next" (to the following step), "loop" (back to an earlier step),
    "skip" (forward past the following step), "end" (to a small Selesai) or "legend"."""

    kind: str
    source: int | None
    target: int | None
    page: int
    points: list[tuple[float, float]]
    label: str = ""
    arrow: bool = True


@dataclass
class Page:
    number: int  # 1-based
    kind: str  # "sop" or "standard"
    cells: list[Cell] = field(default_factory=list)
    texts: list[TextRun] = field(default_factory=list)
    symbols: list[Symbol] = field(default_factory=list)
    paths: list[FlowPath] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    procedure_rows: list[int] = field(default_factory=list)  # numbers of the steps on this page

    def text(self) -> str:
        return "\n".join(run.text for run in self.texts)


@dataclass
class SopPdfLayout:
    code: str
    resolution: int
    width: float  # printable area, in dots
    height: float
    pages: list[Page]
    columns: dict[str, tuple[float, float]]  # executor -> (left, right) of its column

    @property
    def dots_per_mm(self) -> float:
        return self.resolution / 25.4

    def step_symbols(self) -> dict[int, Symbol]:
        return {s.step: s for page in self.pages for s in page.symbols if s.role == "step" and s.step is not None}

    def paths(self, kind: str | None = None) -> list[FlowPath]:
        return [p for page in self.pages for p in page.paths if kind is None or p.kind == kind]

    def connectors(self) -> list[Connector]:
        """The off-page connectors of the flowchart (not the one in the legend)."""
        return [c for page in self.pages for c in page.connectors if c.at in ("top", "bottom")]

    def procedure_pages(self) -> list[Page]:
        return [page for page in self.pages if page.procedure_rows]

    def text(self) -> str:
        return "\n".join(page.text() for page in self.pages)


# ---------------------------------------------------------------------------------------------
# Text measurement against the PDF device


@dataclass(frozen=True)
class _Para:
    text: str
    font: FontSpec
    prefix: str = ""  # "1." or "-": drawn in a hanging indent
    align: str = "left"  # left | center | right
    space_before: float = 0.0  # dots


class _Typesetter:
    def __init__(self, device: QPaintDevice) -> None:
        self.device = device
        self._fonts: dict[FontSpec, QFont] = {}
        self._metrics: dict[FontSpec, QFontMetricsF] = {}

    def font(self, spec: FontSpec) -> QFont:
        font = self._fonts.get(spec)
        if font is None:
            font = QFont()
            family = _family()
            if family:
                font.setFamily(family)
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPointSizeF(spec.size)
            font.setBold(spec.bold)
            font.setItalic(spec.italic)
            font.setUnderline(spec.underline)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            self._fonts[spec] = font
        return font

    def metrics(self, spec: FontSpec) -> QFontMetricsF:
        metrics = self._metrics.get(spec)
        if metrics is None:
            metrics = QFontMetricsF(self.font(spec), self.device)
            self._metrics[spec] = metrics
        return metrics

    def width(self, text: str, spec: FontSpec) -> float:
        return self.metrics(spec).horizontalAdvance(text)

    def line_height(self, spec: FontSpec) -> float:
        return self.metrics(spec).lineSpacing()

    def wrap(self, text: str, spec: FontSpec, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width``: at spaces, inside a word only when it must."""
        if not text.strip():
            return []
        layout = QTextLayout(text, self.font(spec), self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        units = text.encode("utf-16-le")  # QTextLine counts UTF-16 code units
        lines: list[str] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            start, length = line.textStart(), line.textLength()
            piece = units[2 * start : 2 * (start + length)].decode("utf-16-le", errors="replace").strip()
            if piece:
                lines.append(piece)
        layout.endLayout()
        return lines

    def block(self, paras: Iterable[_Para], x: float, y: float, width: float) -> tuple[list[TextRun], float]:
        """Lay ``paras`` out in a column ``width`` wide from (x, y); returns the lines and the height used."""
        paras = [p for p in paras if p.text.strip()]
        prefixed = [p for p in paras if p.prefix]
        indent = 0.0
        if prefixed:
            indent = max(self.width(p.prefix, p.font) for p in prefixed) + self.width("  ", prefixed[0].font)
        runs: list[TextRun] = []
        top = y
        for index, para in enumerate(paras):
            if index:
                y += para.space_before
            metrics = self.metrics(para.font)
            height, ascent = metrics.lineSpacing(), metrics.ascent()
            text_x, text_width = x + indent, max(width - indent, 1.0)
            if para.prefix:
                runs.append(
                    TextRun(x, y, para.prefix, para.font, y + ascent, self.width(para.prefix, para.font), height)
                )
            for line in self.wrap(para.text, para.font, text_width):
                line_width = self.width(line, para.font)
                if para.align == "center":
                    line_x = text_x + (text_width - line_width) / 2
                elif para.align == "right":
                    line_x = text_x + text_width - line_width
                else:
                    line_x = text_x
                runs.append(TextRun(line_x, y, line, para.font, y + ascent, line_width, height))
                y += height
        return runs, y - top


_FAMILY: str | None = None


def _family() -> str:
    """The first of :data:`FAMILIES` installed here ("" when none is: Qt's sans serif then), looked up in
    the installed list so that Qt never has to search its aliases for a missing family."""
    global _FAMILY
    if _FAMILY is None:
        installed = {name.casefold(): name for name in QFontDatabase.families()}
        _FAMILY = next((installed[name.casefold()] for name in FAMILIES if name.casefold() in installed), "")
    return _FAMILY


def _shift(runs: list[TextRun], dx: float, dy: float) -> list[TextRun]:
    for run in runs:
        run.x += dx
        run.y += dy
        run.baseline += dy
    return runs


def _letters() -> Iterator[str]:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    yield from alphabet
    for first in alphabet:
        for second in alphabet:
            yield first + second


def _shape_of(step: Step) -> str:
    if "keputusan" in step.kinds:
        return DECISION
    if "mulai" in step.kinds or "selesai" in step.kinds:
        return TERMINATOR
    return PROCESS


def _terminator_text(step: Step) -> str:
    names = [name for kind, name in (("mulai", "Mulai"), ("selesai", "Selesai")) if kind in step.kinds]
    return " / ".join(names)


# ---------------------------------------------------------------------------------------------
# The layout pass


@dataclass
class _Exit:
    label: str
    target: int | None
    kind: str  # next | loop | skip | end
    side: str = ""  # down | left | right
    lane: float = 0.0  # x of the lane for loop / skip


@dataclass
class _Row:
    step: Step
    column: int | None  # executor column index
    exits: list[_Exit]
    cells: dict[str, tuple[list[TextRun], float, str]]  # column key -> (runs at 0,0; height; vertical align)
    shape: str
    sym_w: float
    sym_h: float
    below: float
    height: float
    page: int = 0
    y: float = 0.0
    symbol: Symbol | None = None


class _Layouter:
    def __init__(self, sop: Sop, office_name: str, device: QPaintDevice, width: float, height: float) -> None:
        self.sop = sop
        self.office_name = office_name
        self.ts = _Typesetter(device)
        self.dpmm = device.logicalDpiX() / 25.4
        self.width = width
        self.height = height
        self.body_bottom = height - self.mm(FOOTER_MM)
        self.pages: list[Page] = []
        self.y = 0.0
        self.letters = _letters()
        count = len(sop.executors)
        size = 7.0 if count >= 8 else 7.5 if count >= 6 else 8.0
        self.f_body = FontSpec(size)
        self.f_bold = FontSpec(size, bold=True)
        self.f_italic = FontSpec(size, italic=True)
        self.f_small = FontSpec(7.0)
        self.f_small_bold = FontSpec(7.0, bold=True)
        self.f_ident = FontSpec(8.5)
        self.f_ident_bold = FontSpec(8.5, bold=True)
        self.pad_x, self.pad_y = self.mm(1.3), self.mm(1.1)
        self.columns: dict[str, tuple[float, float]] = {}  # column key -> (x, width)
        self.executor_index = {name: index for index, name in enumerate(sop.executors)}
        self.lanes = {"left": 0, "right": 0}
        self.new_page("sop")

    # helpers -------------------------------------------------------------------------------

    def mm(self, value: float) -> float:
        return value * self.dpmm

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self, kind: str) -> Page:
        self.pages.append(Page(number=len(self.pages) + 1, kind=kind))
        self.y = 0.0
        return self.page

    def text_cell(
        self,
        page: Page,
        x: float,
        y: float,
        w: float,
        h: float,
        runs: list[TextRun],
        runs_h: float,
        valign: str = "top",
        fill: str | None = None,
    ) -> None:
        page.cells.append(Cell(x, y, w, h, fill))
        dy = y + self.pad_y
        if valign == "center":
            dy = y + (h - runs_h) / 2
        page.texts.extend(_shift(runs, x + self.pad_x, dy))

    def measure(self, paras: list[_Para], width: float) -> tuple[list[TextRun], float]:
        return self.ts.block(paras, 0.0, 0.0, width - 2 * self.pad_x)

    def numbered(self, items: Iterable[str], font: FontSpec, prefix: str = "number") -> list[_Para]:
        values = [item for item in items if item.strip()]
        if len(values) == 1:
            return [_Para(values[0], font)]
        marks = [f"{i}." if prefix == "number" else "-" for i in range(1, len(values) + 1)]
        return [_Para(value, font, mark) for value, mark in zip(values, marks, strict=True)]

    # page 1: identity and sections ------------------------------------------------------------

    def identity(self) -> None:
        ident = self.sop.identity
        signatory = ident.disahkan_oleh
        left_w = self.width * 0.40
        label_w = self.mm(40)
        value_w = self.width - left_w - label_w
        signed = [signatory.jabatan, signatory.nama, signatory.pangkat, signatory.nip and f"NIP. {signatory.nip}"]
        signed = [line for line in signed if line]
        rows: list[tuple[str, list[_Para]]] = [
            ("Nomor SOP", [_Para(ident.nomor or "-", self.f_ident)]),
            ("Tanggal Pembuatan", [_Para(ident.tanggal_pembuatan or "-", self.f_ident)]),
            ("Tanggal Revisi", [_Para(ident.tanggal_revisi or "-", self.f_ident)]),
            ("Tanggal Pengesahan", [_Para(ident.tanggal_pengesahan or "-", self.f_ident)]),
        ]
        if ident.tanggal_efektif:
            rows.append(("Tanggal Efektif", [_Para(ident.tanggal_efektif, self.f_ident)]))
        rows.append(("Disahkan Oleh", [_Para(line, self.f_ident) for line in signed] or [_Para("-", self.f_ident)]))
        rows.append(("Nama SOP", [_Para(self.sop.name, FontSpec(9.0, bold=True))]))
        measured = []
        for label, paras in rows:
            label_runs, label_h = self.measure([_Para(label, self.f_ident_bold)], label_w)
            value_runs, value_h = self.measure(paras, value_w)
            height = max(label_h, value_h, self.ts.line_height(self.f_ident)) + 2 * self.pad_y
            measured.append([label_runs, label_h, value_runs, value_h, max(height, self.mm(6.2))])
        organisation = list(ident.organisation) or ([self.office_name] if self.office_name else [])
        org_paras = [_Para(line, FontSpec(11.0, bold=True), align="center") for line in organisation]
        org_paras.append(_Para("STANDAR OPERASIONAL PROSEDUR", FontSpec(8.5), align="center", space_before=self.mm(3)))
        org_runs, org_h = self.ts.block(org_paras, 0.0, 0.0, left_w - self.mm(8))
        total = sum(row[4] for row in measured)
        if org_h + self.mm(8) > total:
            extra = (org_h + self.mm(8) - total) / len(measured)
            for row in measured:
                row[4] += extra
            total = org_h + self.mm(8)
        page, top = self.page, self.y
        page.cells.append(Cell(0.0, top, left_w, total))
        page.texts.extend(_shift(org_runs, self.mm(4), top + (total - org_h) / 2))
        y = top
        for label_runs, label_h, value_runs, value_h, height in measured:
            self.text_cell(page, left_w, y, label_w, height, label_runs, label_h, "center", FILL_LABEL)
            self.text_cell(page, left_w + label_w, y, value_w, height, value_runs, value_h, "center")
            y += height
        self.y = top + total + self.mm(4)

    def sections(self) -> None:
        ident = self.sop.identity
        pairs = [
            ("Dasar Hukum", ident.dasar_hukum, "Kualifikasi Pelaksana", ident.kualifikasi_pelaksana),
            ("Keterkaitan", ident.keterkaitan, "Peralatan/Perlengkapan", ident.peralatan),
            ("Peringatan", ident.peringatan, "Pencatatan dan Pendataan", ident.pencatatan),
        ]
        half = self.width / 2
        for left_label, left_items, right_label, right_items in pairs:
            head = [self.measure([_Para(label, self.f_ident_bold)], half) for label in (left_label, right_label)]
            head_h = max(h for _, h in head) + 2 * self.pad_y
            body = [
                self.measure(self.numbered(items, self.f_ident) or [_Para("-", self.f_ident)], half)
                for items in (left_items, right_items)
            ]
            body_h = max(h for _, h in body) + 2 * self.pad_y
            if self.y + head_h + body_h > self.body_bottom:
                self.new_page("sop")
            page = self.page
            for index, (runs, runs_h) in enumerate(head):
                self.text_cell(page, index * half, self.y, half, head_h, runs, runs_h, "center", FILL_LABEL)
            self.y += head_h
            for index, (runs, runs_h) in enumerate(body):
                self.text_cell(page, index * half, self.y, half, body_h, runs, runs_h)
            self.y += body_h
        self.y += self.mm(5)

    # procedure table ---------------------------------------------------------------------------

    def setup_columns(self) -> None:
        count = max(1, len(self.sop.executors))
        total = self.width / self.dpmm
        no_w = 8.0
        mutu = {"kel": 35.0, "waktu": 18.0, "out": 34.0, "ket": 22.0}
        fixed = sum(mutu.values())
        executor_w = min(30.0, max(18.0, (total - no_w - fixed - 72.0) / count))
        uraian = total - no_w - fixed - count * executor_w
        if uraian < 40.0:  # many executors: the Mutu Baku columns give way, down to 72 %
            scale = max(0.72, (fixed - (40.0 - uraian)) / fixed)
            mutu = {key: value * scale for key, value in mutu.items()}
            fixed = sum(mutu.values())
            uraian = total - no_w - fixed - count * executor_w
            if uraian < 40.0:  # beyond what the layout is made for: the executor columns give way too
                executor_w = max(10.0, (total - no_w - fixed - 40.0) / count)
                uraian = total - no_w - fixed - count * executor_w
        widths = [("no", no_w), ("uraian", uraian)]
        widths += [(f"x{index}", executor_w) for index in range(count)]
        widths += list(mutu.items())
        x = 0.0
        for key, width_mm in widths:
            self.columns[key] = (x, self.mm(width_mm))
            x += self.mm(width_mm)
        self.executor_w = self.mm(executor_w)
        self.exec_left = self.columns["x0"][0]
        self.exec_right = self.exec_left + count * self.executor_w
        self.sym_w = min(self.mm(18), self.executor_w - 2 * self.mm(SYMBOL_MARGIN))
        self.diamond_w = min(self.sym_w, self.mm(13))
        self.end_w = min(self.mm(13), self.executor_w - self.mm(5))
        self.end_h = self.mm(5.0)

    def executor_column(self, name: str) -> tuple[float, float] | None:
        index = self.executor_index.get(name)
        if index is None:
            return None
        x, w = self.columns[f"x{index}"]
        return x, x + w

    def fit_font(self, texts: Iterable[str], width: float) -> FontSpec:
        """The header font in which no word of ``texts`` has to be broken in a column ``width`` wide."""
        words = [word for text in texts for word in text.split()]
        room = width - 2 * self.pad_x
        size = self.f_bold.size
        for spec in (self.f_bold, FontSpec(7.0, bold=True), FontSpec(size), FontSpec(7.0)):
            if all(self.ts.width(word, spec) <= room for word in words):
                return spec
        return FontSpec(7.0)

    def header_parts(self) -> tuple[float, float]:
        h1 = self.ts.line_height(self.f_bold) + 2 * self.pad_y
        self.f_executor = self.fit_font(self.sop.executors, self.executor_w)
        names = [
            self.measure([_Para(n, self.f_executor, align="center")], self.executor_w)[1] for n in self.sop.executors
        ]
        labels = [
            self.measure([_Para(label, self.f_bold, align="center")], self.columns[key][1])[1]
            for key, label in (("kel", "Kelengkapan"), ("waktu", "Waktu"), ("out", "Output"))
        ]
        h2 = max([*names, *labels]) + 2 * self.pad_y
        return h1, h2

    def place_header(self, page: Page, y: float) -> float:
        h1, h2 = self.header_h
        col = self.columns

        def put(x: float, w: float, h: float, top: float, label: str, spec: FontSpec = self.f_bold) -> None:
            runs, runs_h = self.measure([_Para(label, spec, align="center")], w)
            self.text_cell(page, x, top, w, h, runs, runs_h, "center", FILL_HEADER)

        put(col["no"][0], col["no"][1], h1 + h2, y, "No")
        put(col["uraian"][0], col["uraian"][1], h1 + h2, y, "Uraian Prosedur")
        put(self.exec_left, self.exec_right - self.exec_left, h1, y, "Pelaksana")
        put(col["kel"][0], col["kel"][1] + col["waktu"][1] + col["out"][1], h1, y, "Mutu Baku")
        put(col["ket"][0], col["ket"][1], h1 + h2, y, "Ket.")
        for index, name in enumerate(self.sop.executors):
            x, w = col[f"x{index}"]
            put(x, w, h2, y + h1, name, self.f_executor)
        for key, label in (("kel", "Kelengkapan"), ("waktu", "Waktu"), ("out", "Output")):
            put(col[key][0], col[key][1], h2, y + h1, label)
        return h1 + h2

    def place_strip(self, page: Page, y: float, note: str) -> None:
        for key, (x, w) in self.columns.items():
            if key == "uraian" and note:
                runs, runs_h = self.measure([_Para(note, self.f_italic)], w)
                self.text_cell(page, x, y, w, self.mm(STRIP), runs, runs_h, "center")
            else:
                page.cells.append(Cell(x, y, w, self.mm(STRIP)))

    def target_text(self, target: int | None) -> str:
        return "Selesai" if target is None else f"langkah {target}"

    def plan_exits(self) -> list[list[_Exit]]:
        steps = self.sop.steps
        numbers = {step.number: step for step in steps}
        count = len(self.sop.executors)
        plans: list[list[_Exit]] = []
        for position, step in enumerate(steps):
            following = steps[position + 1].number if position + 1 < len(steps) else None
            column = self.executor_index.get(step.executor)

            def known(target: int | None) -> bool:
                return target is None or (target in numbers and numbers[target].executor in self.executor_index)

            exits: list[_Exit] = []
            if column is None:
                plans.append(exits)
                continue
            if step.decision is None:
                if "selesai" not in step.kinds and following is not None and known(following):
                    exits.append(_Exit("", following, "next", "down"))
                plans.append(exits)
                continue
            decision = step.decision
            answers = [("Ya", decision.yes), ("Tidak", decision.no)]
            if decision.yes == decision.no:
                answers = [("Ya / Tidak", decision.yes)]
            for label, target in answers:
                if not known(target):
                    continue
                if target is None:
                    kind = "end"
                elif target == following:
                    kind = "next"
                elif target <= step.number:
                    kind = "loop"
                else:
                    kind = "skip"
                exits.append(_Exit(label, target, kind))
            down = next((e for e in exits if e.kind == "next"), None) or next(
                (e for e in exits if e.kind == "end"), None
            )
            if down is not None:
                down.side = "down"
            free = ["right", "left"]
            for exit_ in exits:
                if exit_.side or exit_.kind not in ("loop", "skip"):
                    continue
                assert exit_.target is not None
                other = self.executor_index[numbers[exit_.target].executor]
                preferred = "right" if count - 1 - max(column, other) <= min(column, other) else "left"
                side = preferred if preferred in free or not free else free[0]
                if side in free:
                    free.remove(side)
                exit_.side = side
                exit_.lane = self.lane_x(side)
            for exit_ in exits:
                if exit_.side:
                    continue
                options = [s for s in free if (s == "right" and column < count - 1) or (s == "left" and column > 0)]
                exit_.side = options[0] if options else (free[0] if free else "right")
            plans.append(exits)
        return plans

    def lane_x(self, side: str) -> float:
        offset = self.mm(LANES[self.lanes[side] % len(LANES)])
        self.lanes[side] += 1
        return self.exec_right - offset if side == "right" else self.exec_left + offset

    def connector_x(self, x: float) -> float:
        """Where a connector for an arrow at ``x`` stands: inside the executor area, clear of its edges."""
        half = self.mm(CONNECTOR_W) / 2 + self.mm(0.4)
        return min(max(x, self.exec_left + half), self.exec_right - half)

    def plan_row(self, step: Step, exits: list[_Exit]) -> _Row:
        col = self.columns
        uraian = [_Para(step.uraian, self.f_body)]
        if step.decision is not None:
            decision = step.decision
            uraian.append(_Para(f"Keputusan: {decision.question}", self.f_italic, space_before=self.mm(0.8)))
            uraian.append(
                _Para(
                    f"Ya {ARROW} {self.target_text(decision.yes)}; Tidak {ARROW} {self.target_text(decision.no)}",
                    self.f_italic,
                )
            )
        keterangan = [step.keterangan] if step.keterangan else []
        column = self.executor_index.get(step.executor)
        if column is None:
            keterangan.append(f"Pelaksana: {step.executor}")
        cells = {
            "no": ([_Para(str(step.number), self.f_body, align="center")], "top"),
            "uraian": (uraian, "top"),
            "kel": (self.numbered(step.kelengkapan, self.f_body, prefix="dash"), "top"),
            "waktu": ([_Para(step.waktu or "-", self.f_body, align="center")], "top"),
            "out": ([_Para(step.output, self.f_body)] if step.output else [], "top"),
            "ket": ([_Para(text, self.f_body) for text in keterangan], "top"),
        }
        measured = {}
        text_h = 0.0
        for key, (paras, valign) in cells.items():
            runs, runs_h = self.measure(paras, col[key][1])
            measured[key] = (runs, runs_h, valign)
            text_h = max(text_h, runs_h + 2 * self.pad_y)
        shape = _shape_of(step)
        sym_w = self.diamond_w if shape == DECISION else self.sym_w
        sym_h = {DECISION: self.mm(9.0), PROCESS: self.mm(6.6), TERMINATOR: self.mm(6.4)}[shape]
        if shape == TERMINATOR:  # as wide as its longest word needs, short of the lanes
            text = _terminator_text(step)
            widest = max(self.ts.width(word, self.f_small_bold) for word in text.split())
            sym_w = min(self.executor_w - 2 * self.mm(3.1), max(sym_w, widest + self.mm(3)))
            lines = self.ts.wrap(text, self.f_small_bold, sym_w - self.mm(2.5))
            sym_h = max(sym_h, len(lines) * self.ts.line_height(self.f_small_bold) + self.mm(2))
        below = self.mm(SYMBOL_BELOW)
        if any(e.kind == "end" and e.side == "down" for e in exits):
            below = self.mm(END_BELOW)
        executor_h = self.mm(SYMBOL_TOP) + sym_h + below
        height = max(text_h, executor_h, self.mm(11))
        return _Row(step, column, exits, measured, shape, sym_w, sym_h, below, height)

    # the Jumlah row, the legend and the signature block -------------------------------------

    def jumlah_cells(self) -> list[tuple[float, float, list[_Para], str]]:
        """The cells of the Jumlah row: (x, width, paragraphs, alignment). The total stays on one line: when
        it is wider than the Waktu column it takes the Output column too."""
        col = self.columns
        total_text, note = self.sop.totals.text, self.sop.totals.note
        label_w = col["kel"][0] + col["kel"][1]
        total_w = col["waktu"][1]
        if self.ts.width(total_text, self.f_bold) > total_w - 2 * self.pad_x:
            total_w += col["out"][1]
        total = [_Para(total_text, self.f_bold, align="center")]
        if self.ts.width(total_text, self.f_bold) > total_w - 2 * self.pad_x:
            # Minutes, days and working days are summed apart: one line each ("2 Jam", "+ 3 Hari").
            parts = total_text.split(" + ")
            total = [_Para(p if i == 0 else f"+ {p}", self.f_bold, align="center") for i, p in enumerate(parts)]
        note_x = col["waktu"][0] + total_w
        cells = [
            (0.0, label_w, [_Para("Jumlah", self.f_bold, align="right")], "center"),
            (col["waktu"][0], total_w, total, "center"),
        ]
        if col["ket"][0] + col["ket"][1] - note_x > 1:
            cells.append((note_x, col["ket"][0] + col["ket"][1] - note_x, [_Para(note, self.f_italic)], "center"))
        return cells

    def tail_parts(self) -> tuple[float, float]:
        jumlah_h = max(self.measure(paras, w)[1] for _, w, paras, _ in self.jumlah_cells()) + 2 * self.pad_y
        return jumlah_h, max(self.legend_height(), self.signature_height())

    def signature_paras(self) -> tuple[list[_Para], list[_Para]]:
        signatory = self.sop.identity.disahkan_oleh
        regular, bold = FontSpec(9.0), FontSpec(9.0, bold=True)
        head = [_Para("Disahkan oleh", regular, align="center")]
        if signatory.jabatan:
            head.append(_Para(signatory.jabatan.upper(), bold, align="center"))
        name = signatory.nama or "(.......................................)"
        tail = [_Para(name, FontSpec(9.0, bold=bool(signatory.nama), underline=bool(signatory.nama)), align="center")]
        if signatory.pangkat:
            tail.append(_Para(signatory.pangkat, regular, align="center"))
        if signatory.nip:
            tail.append(_Para(f"NIP. {signatory.nip}", regular, align="center"))
        return head, tail

    def signature_height(self) -> float:
        head, tail = self.signature_paras()
        width = self.mm(90)
        return self.ts.block(head, 0, 0, width)[1] + self.mm(SIGNING_SPACE) + self.ts.block(tail, 0, 0, width)[1]

    LEGEND = (
        (TERMINATOR, "Mulai / Selesai: awal dan akhir prosedur"),
        (PROCESS, "Proses: kegiatan yang dilaksanakan"),
        (DECISION, "Keputusan: Ya / Tidak menunjukkan langkah berikutnya"),
        ("arrow", "Arah alur ke langkah berikutnya"),
        ("connector", "Penghubung antarhalaman: alur berlanjut pada huruf yang sama"),
    )

    def legend_height(self) -> float:
        return self.ts.line_height(self.f_small_bold) + self.mm(1.5) + len(self.LEGEND) * self.mm(LEGEND_LINE)

    def place_tail(self, page: Page, y: float, jumlah_h: float) -> float:
        for x, w, paras, valign in self.jumlah_cells():
            runs, runs_h = self.measure(paras, w)
            self.text_cell(page, x, y, w, jumlah_h, runs, runs_h, valign)
        return jumlah_h

    def place_legend(self, page: Page, x: float, y: float) -> None:
        runs, height = self.ts.block([_Para("Keterangan simbol:", self.f_small_bold)], x, y, self.mm(120))
        page.texts.extend(runs)
        y += height + self.mm(1.5)
        symbol_w, symbol_h = self.mm(12), self.mm(4.6)
        for shape, text in self.LEGEND:
            cy = y + self.mm(3.2)
            if shape in (TERMINATOR, PROCESS, DECISION):
                page.symbols.append(Symbol(shape, x, cy - symbol_h / 2, symbol_w, symbol_h, page.number, role="legend"))
            elif shape == "arrow":
                page.paths.append(FlowPath("legend", None, None, page.number, [(x, cy), (x + symbol_w, cy)]))
            else:
                w = self.mm(5.0)
                page.connectors.append(
                    Connector("A", x + (symbol_w - w) / 2, cy - w / 2, w, w, page.number, "legend", 0, None)
                )
                self.connector_text(page, page.connectors[-1])
            line_runs, line_h = self.ts.block([_Para(text, self.f_small)], 0, 0, self.mm(105))
            page.texts.extend(_shift(line_runs, x + symbol_w + self.mm(3), cy - line_h / 2))
            y += self.mm(LEGEND_LINE)

    def place_signature(self, page: Page, y: float) -> None:
        head, tail = self.signature_paras()
        width = self.mm(90)
        x = self.width - width
        runs, height = self.ts.block(head, x, y, width)
        page.texts.extend(runs)
        runs, _ = self.ts.block(tail, x, y + height + self.mm(SIGNING_SPACE), width)
        page.texts.extend(runs)

    # pagination and the flowchart -------------------------------------------------------------

    def procedure(self) -> None:
        self.setup_columns()
        self.header_h = self.header_parts()
        header_h = sum(self.header_h)
        strip_h = self.mm(STRIP)
        rows = [self.plan_row(step, exits) for step, exits in zip(self.sop.steps, self.plan_exits(), strict=True)]
        jumlah_h, closing_h = self.tail_parts()
        tail_h = jumlah_h + self.mm(6) + closing_h
        self.top_strips: dict[int, float] = {}
        self.bottom_strips: dict[int, float] = {}

        # Keep the flowchart on one page when a fresh page holds all of it and this one does not; otherwise
        # start on this page only when its first three rows fit (or all of a shorter table).
        whole = header_h + sum(row.height for row in rows) + tail_h
        opening = rows[:3]
        first_need = header_h + sum(row.height for row in opening)
        first_need += tail_h if len(opening) == len(rows) else strip_h
        fresh = self.body_bottom
        if self.y > 0 and (self.y + first_need > fresh or self.y + whole > fresh >= whole):
            self.new_page("sop")
        self.y += self.place_header(self.page, self.y)
        on_page = 0
        for position, row in enumerate(rows):
            last = position == len(rows) - 1
            need = row.height + (tail_h if last else strip_h)
            if self.y + need > self.body_bottom and on_page:
                self.bottom_strips[self.page.number] = self.y
                self.place_strip(self.page, self.y, f"bersambung ke halaman {self.page.number + 1}")
                previous = self.page.number
                page = self.new_page("sop")
                self.y += self.place_header(page, self.y)
                self.top_strips[page.number] = self.y
                self.place_strip(page, self.y, f"lanjutan dari halaman {previous}")
                self.y += strip_h
                on_page = 0
            row.page, row.y = self.page.number, self.y
            self.place_row(self.page, row)
            self.y += row.height
            on_page += 1
        if self.y + jumlah_h > self.body_bottom:
            self.new_page("sop")
        self.y += self.place_tail(self.page, self.y, jumlah_h)
        self.y += self.mm(6)
        if self.y + closing_h > self.body_bottom:
            self.new_page("sop")
        self.place_legend(self.page, 0.0, self.y)
        self.place_signature(self.page, self.y)
        self.y += closing_h
        self.draw_flow(rows)

    def place_row(self, page: Page, row: _Row) -> None:
        page.procedure_rows.append(row.step.number)
        for key, (x, w) in self.columns.items():
            if key in row.cells:
                runs, runs_h, valign = row.cells[key]
                self.text_cell(page, x, row.y, w, row.height, runs, runs_h, valign)
            else:
                page.cells.append(Cell(x, row.y, w, row.height))
        if row.column is None:
            return
        x, w = self.columns[f"x{row.column}"]
        region_top = row.y + self.mm(SYMBOL_TOP)
        region_bottom = row.y + row.height - row.below
        top = region_top + max(0.0, (region_bottom - region_top - row.sym_h) / 2)
        fill_text = _terminator_text(row.step) if row.shape == TERMINATOR else ""
        symbol = Symbol(
            row.shape,
            x + (w - row.sym_w) / 2,
            top,
            row.sym_w,
            row.sym_h,
            page.number,
            row.step.number,
            row.step.executor,
            fill_text,
        )
        row.symbol = symbol
        page.symbols.append(symbol)
        if fill_text:
            self.symbol_text(page, symbol)

    def symbol_text(self, page: Page, symbol: Symbol) -> None:
        runs, height = self.ts.block(
            [_Para(symbol.text, self.f_small_bold, align="center")], 0, 0, symbol.w - self.mm(2.5)
        )
        page.texts.extend(_shift(runs, symbol.x + self.mm(1.25), symbol.cy - height / 2))

    def connector_text(self, page: Page, connector: Connector) -> None:
        spec = self.f_small_bold
        height = self.ts.line_height(spec)
        width = self.ts.width(connector.letter, spec)
        top = connector.y + connector.h * 0.42 - height / 2
        page.texts.append(
            TextRun(
                connector.cx - width / 2,
                top,
                connector.letter,
                spec,
                top + self.ts.metrics(spec).ascent(),
                width,
                height,
            )
        )

    def add_connector(
        self, page_number: int, cx: float, strip_y: float, at: str, source: int, target: int | None, letter: str
    ) -> Connector:
        w = self.mm(CONNECTOR_W)
        h = self.mm(CONNECTOR_H)
        connector = Connector(
            letter, cx - w / 2, strip_y + (self.mm(STRIP) - h) / 2, w, h, page_number, at, source, target
        )
        page = self.pages[page_number - 1]
        page.connectors.append(connector)
        self.connector_text(page, connector)
        return connector

    def add_path(self, page_number: int, path: FlowPath) -> FlowPath:
        self.pages[page_number - 1].paths.append(path)
        return path

    def add_label(self, page_number: int, text: str, x: float, y: float, anchor: str) -> None:
        """A Ya / Tidak label; ``anchor``: "left" (text starts at x) or "right" (text ends at x); y is the top."""
        spec = self.f_small_bold
        width = self.ts.width(text, spec)
        height = self.ts.line_height(spec)
        left = x if anchor == "left" else x - width
        if self.columns:  # keep it over the executor columns, off the texts beside them
            left = min(max(left, self.exec_left + self.mm(0.3)), self.exec_right - self.mm(0.3) - width)
        self.pages[page_number - 1].texts.append(
            TextRun(left, y, text, spec, y + self.ts.metrics(spec).ascent(), width, height)
        )

    def draw_flow(self, rows: list[_Row]) -> None:
        by_number = {row.step.number: row for row in rows}
        for row in rows:
            source = row.symbol
            if source is None:
                continue
            for exit_ in row.exits:
                if exit_.kind == "end":
                    self.draw_end(row, exit_)
                    continue
                assert exit_.target is not None
                target_row = by_number[exit_.target]
                if target_row.symbol is None:
                    continue
                if exit_.side == "down":
                    self.draw_down(row, target_row, exit_)
                else:
                    self.draw_lane(row, target_row, exit_)

    def down_label(self, row: _Row, exit_: _Exit, goes_right: bool) -> None:
        if not exit_.label:
            return
        source = row.symbol
        assert source is not None
        gap = self.mm(0.8)
        x = source.cx - gap if goes_right else source.cx + gap
        self.add_label(row.page, exit_.label, x, source.bottom + self.mm(0.2), "right" if goes_right else "left")

    def side_label(self, row: _Row, exit_: _Exit) -> None:
        if not exit_.label:
            return
        source = row.symbol
        assert source is not None
        height = self.ts.line_height(self.f_small_bold)
        top = source.cy - height - self.mm(0.3)
        if exit_.side == "right":
            self.add_label(row.page, exit_.label, source.right + self.mm(0.6), top, "left")
        else:
            self.add_label(row.page, exit_.label, source.x - self.mm(0.6), top, "right")

    def draw_down(self, row: _Row, target_row: _Row, exit_: _Exit) -> None:
        source, target = row.symbol, target_row.symbol
        assert source is not None and target is not None
        number, goal = row.step.number, target_row.step.number
        if row.page == target_row.page:
            if abs(source.cx - target.cx) < 0.5:
                points = [(source.cx, source.bottom), (target.cx, target.y)]
            else:
                row_bottom = row.y + row.height
                elbow = source.bottom + max(self.mm(2.5), (row_bottom - source.bottom) / 2)
                points = [(source.cx, source.bottom), (source.cx, elbow), (target.cx, elbow), (target.cx, target.y)]
            self.add_path(row.page, FlowPath("next", number, goal, row.page, points, exit_.label))
            self.down_label(row, exit_, target.cx > source.cx + 0.5)
            return
        letter = next(self.letters)
        strip = self.bottom_strips[row.page]
        out = self.add_connector(row.page, source.cx, strip, "bottom", number, goal, letter)
        self.add_path(
            row.page,
            FlowPath("next", number, goal, row.page, [(source.cx, source.bottom), (source.cx, out.y)], exit_.label),
        )
        self.down_label(row, exit_, False)
        arrive = self.add_connector(
            target_row.page, target.cx, self.top_strips[target_row.page], "top", number, goal, letter
        )
        self.add_path(
            target_row.page,
            FlowPath("next", number, goal, target_row.page, [(target.cx, arrive.bottom), (target.cx, target.y)]),
        )

    def draw_lane(self, row: _Row, target_row: _Row, exit_: _Exit) -> None:
        source, target = row.symbol, target_row.symbol
        assert source is not None and target is not None
        number, goal = row.step.number, target_row.step.number
        lane = exit_.lane
        vertex = (source.right, source.cy) if exit_.side == "right" else (source.x, source.cy)
        entry = (target.right, target.cy) if exit_.side == "right" else (target.x, target.cy)
        self.side_label(row, exit_)
        if row.page == target_row.page:
            if goal == number:  # a keputusan that repeats itself: back into its own top
                points = [
                    vertex,
                    (lane, source.cy),
                    (lane, source.y - self.mm(1.6)),
                    (source.cx, source.y - self.mm(1.6)),
                    (source.cx, source.y),
                ]
            else:
                points = [vertex, (lane, source.cy), (lane, target.cy), entry]
            self.add_path(row.page, FlowPath(exit_.kind, number, goal, row.page, points, exit_.label))
            return
        letter = next(self.letters)
        cx = self.connector_x(lane)
        jog = self.mm(0.9)
        if target_row.page < row.page:  # loop back to an earlier page: up to the top, on from the bottom
            top = self.top_strips[row.page]
            out = self.add_connector(row.page, cx, top, "top", number, goal, letter)
            turn = top + self.mm(STRIP) + jog
            points = [vertex, (lane, source.cy), *self.jogged(lane, cx, turn), (cx, out.bottom)]
            self.add_path(row.page, FlowPath(exit_.kind, number, goal, row.page, points, exit_.label))
            bottom = self.bottom_strips[target_row.page]
            arrive = self.add_connector(target_row.page, cx, bottom, "bottom", number, goal, letter)
            points = [(cx, arrive.y), *self.jogged(cx, lane, bottom - jog), (lane, target.cy), entry]
            self.add_path(target_row.page, FlowPath(exit_.kind, number, goal, target_row.page, points))
        else:  # forward past a page break: down to the bottom, on from the top
            bottom = self.bottom_strips[row.page]
            out = self.add_connector(row.page, cx, bottom, "bottom", number, goal, letter)
            points = [vertex, (lane, source.cy), *self.jogged(lane, cx, bottom - jog), (cx, out.y)]
            self.add_path(row.page, FlowPath(exit_.kind, number, goal, row.page, points, exit_.label))
            top = self.top_strips[target_row.page]
            arrive = self.add_connector(target_row.page, cx, top, "top", number, goal, letter)
            turn = top + self.mm(STRIP) + jog
            points = [(cx, arrive.bottom), *self.jogged(cx, lane, turn), (lane, target.cy), entry]
            self.add_path(target_row.page, FlowPath(exit_.kind, number, goal, target_row.page, points))

    @staticmethod
    def jogged(x_from: float, x_to: float, y: float) -> list[tuple[float, float]]:
        """The corners of a sideways step at height ``y`` from ``x_from`` to ``x_to`` (none when in line)."""
        if abs(x_from - x_to) < 0.5:
            return []
        return [(x_from, y), (x_to, y)]

    def draw_end(self, row: _Row, exit_: _Exit) -> None:
        source = row.symbol
        assert source is not None
        page = self.pages[row.page - 1]
        number = row.step.number
        if exit_.side == "down":
            top = source.bottom + self.mm(3.2)
            end = Symbol(
                TERMINATOR,
                source.cx - self.end_w / 2,
                top,
                self.end_w,
                self.end_h,
                row.page,
                None,
                row.step.executor,
                "Selesai",
                "end",
            )
            points = [(source.cx, source.bottom), (source.cx, end.y)]
            self.down_label(row, exit_, False)
        else:
            step_column = row.column or 0
            neighbour = step_column + (1 if exit_.side == "right" else -1)
            neighbour = min(max(neighbour, 0), len(self.sop.executors) - 1)
            x, w = self.columns[f"x{neighbour}"]
            end = Symbol(
                TERMINATOR,
                x + (w - self.end_w) / 2,
                source.cy - self.end_h / 2,
                self.end_w,
                self.end_h,
                row.page,
                None,
                row.step.executor,
                "Selesai",
                "end",
            )
            if exit_.side == "right":
                points = [(source.right, source.cy), (end.x, source.cy)]
            else:
                points = [(source.x, source.cy), (end.right, source.cy)]
            self.side_label(row, exit_)
        page.symbols.append(end)
        self.symbol_text(page, end)
        page.paths.append(FlowPath("end", number, None, row.page, points, exit_.label))

    # Standar Pelayanan -----------------------------------------------------------------------

    def standard(self) -> None:
        sop = self.sop
        standard = sop.standard
        page = self.new_page("standard")
        organisation = list(sop.identity.organisation) or ([self.office_name] if self.office_name else [])
        title = [
            _Para("STANDAR PELAYANAN", FontSpec(12.0, bold=True), align="center"),
            _Para(sop.service or sop.name, FontSpec(10.0, bold=True), align="center", space_before=self.mm(1)),
        ]
        if organisation:
            title.append(_Para(", ".join(organisation), FontSpec(9.0), align="center", space_before=self.mm(1)))
        runs, height = self.ts.block(title, 0.0, 0.0, self.width)
        page.texts.extend(runs)
        self.y = height + self.mm(5)
        font, bold = FontSpec(9.0), FontSpec(9.0, bold=True)
        requirements = [
            r.text if r.required or "jika perlu" in r.text.casefold() else f"{r.text} (jika perlu)"
            for r in standard.persyaratan
        ]
        components: list[tuple[str, list[_Para]]] = [
            ("Persyaratan", self.numbered(requirements, font)),
            ("Sistem, Mekanisme dan Prosedur", self.numbered(standard.prosedur, font)),
            ("Jangka Waktu", [_Para(standard.jangka_waktu, font)] if standard.jangka_waktu else []),
            ("Biaya/Tarif", [_Para(standard.biaya, font)] if standard.biaya else []),
            ("Produk Pelayanan", self.numbered(standard.produk, font)),
            ("Penanganan Pengaduan", [_Para(standard.pengaduan, font)] if standard.pengaduan else []),
        ]
        notes = self.numbered(standard.notes, font) or [_Para("-", font)]
        components = [
            (label, paras or [_Para(EMPTY_STANDARD, FontSpec(9.0, italic=True))]) for label, paras in components
        ]
        components.append(("Catatan", notes))
        label_w = self.mm(62)
        value_w = self.width - label_w

        def header() -> None:
            h = self.ts.line_height(bold) + 2 * self.pad_y
            for x, w, label in ((0.0, label_w, "Komponen"), (label_w, value_w, "Uraian")):
                runs, runs_h = self.measure([_Para(label, bold, align="center")], w)
                self.text_cell(self.page, x, self.y, w, h, runs, runs_h, "center", FILL_HEADER)
            self.y += h

        header()
        for label, paras in components:
            pending = list(paras)
            continued = False
            while pending:
                shown = f"{label} (lanjutan)" if continued else label
                label_runs, label_h = self.measure([_Para(shown, bold)], label_w)
                room = self.body_bottom - self.y - 2 * self.pad_y
                take, value_runs, value_h = self._fitting(pending, value_w, room)
                if max(value_h, label_h) > room and self.y > self.mm(30):
                    self.new_page("standard")
                    header()
                    continue
                height = max(value_h, label_h) + 2 * self.pad_y
                self.text_cell(self.page, 0.0, self.y, label_w, height, label_runs, label_h, "top", FILL_LABEL)
                self.text_cell(self.page, label_w, self.y, value_w, height, value_runs, value_h)
                self.y += height
                pending = pending[take:]
                continued = True

    def _fitting(self, paras: list[_Para], width: float, room: float) -> tuple[int, list[TextRun], float]:
        """The most of ``paras`` (at least one) whose block fits ``room``, with its lines and height.
        Galloping then halving: a page costs layouts of about the items it shows, not of every item
        still to come, so a long list of long items is laid out in n log n, not n squared."""
        best = (1, *self.measure(paras[:1], width))
        if best[2] > room:
            return best
        low, step = 1, 1  # ``low`` items fit; look further in growing strides
        high = len(paras) + 1
        while low + step < high:
            runs, height = self.measure(paras[: low + step], width)
            if height > room:
                high = low + step
                break
            best, low, step = (low + step, runs, height), low + step, step * 2
        high = min(high, len(paras) + 1)
        while high - low > 1:  # ``low`` fits, ``high`` does not (or is past the end)
            middle = (low + high) // 2
            runs, height = self.measure(paras[:middle], width)
            if height <= room:
                best, low = (middle, runs, height), middle
            else:
                high = middle
        return best

    # footer -----------------------------------------------------------------------------------

    def footers(self) -> None:
        sop = self.sop
        total = len(self.pages)
        spec = FontSpec(7.5)
        rule_y = self.height - self.mm(FOOTER_MM) + self.mm(1.5)
        left = f"SOP {sop.code} \u2013 {sop.name}"
        if sop.identity.nomor:
            left += f" (Nomor {sop.identity.nomor})"
        for page in self.pages:
            page.rules.append((0.0, rule_y, self.width, rule_y))
            right = f"Halaman {page.number} dari {total}"
            right_w = self.ts.width(right, spec)
            top = rule_y + self.mm(1.0)
            runs, _ = self.ts.block([_Para(left, spec)], 0.0, top, self.width - right_w - self.mm(10))
            page.texts.extend(runs[:1])
            page.texts.append(
                TextRun(
                    self.width - right_w,
                    top,
                    right,
                    spec,
                    top + self.ts.metrics(spec).ascent(),
                    right_w,
                    self.ts.line_height(spec),
                )
            )

    def run(self) -> SopPdfLayout:
        self.identity()
        self.sections()
        self.procedure()
        self.standard()
        self.footers()
        columns = {}
        for name, index in self.executor_index.items():
            x, w = self.columns[f"x{index}"]
            columns[name] = (x, x + w)
        return SopPdfLayout(self.sop.code, round(self.dpmm * 25.4), self.width, self.height, self.pages, columns)


# ---------------------------------------------------------------------------------------------
# The device, the application and the paint pass


def _page_layout() -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape, margins, QPageLayout.Unit.Millimeter
    )


def _configure(writer: QPdfWriter) -> tuple[float, float]:
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(_page_layout())
    rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    return float(rect.width()), float(rect.height())


_APPLICATION: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new ``QGuiApplication`` for drawing without a window.

    Off Windows and macOS it uses the offscreen platform unless ``QT_QPA_PLATFORM`` says otherwise, so that
    the command line exports a PDF on a server without a display.
    """
    global _APPLICATION
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    argv = ["protokol"]
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform not in ("win32", "darwin"):
        argv += ["-platform", "offscreen"]
    _APPLICATION = QGuiApplication(argv)
    return _APPLICATION


def layout_sop_pdf(sop: Sop, office_name: str = "", device: QPdfWriter | None = None) -> SopPdfLayout:
    """The pages of ``sop`` as the PDF will show them, measured against ``device`` (a throw-away PDF
    writer when not given). Needs a Qt GUI application; one is created when none runs."""
    ensure_gui_application()
    buffer = QBuffer()  # outlives the throw-away writer: both go when the function returns
    if device is None:
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        device = QPdfWriter(buffer)
    width, height = _configure(device)
    return _Layouter(sop, office_name, device, width, height).run()


def _color(name: str | None) -> QColor:
    return QColor(name) if name else QColor(Qt.GlobalColor.white)


def _arrowhead(painter: QPainter, tip: tuple[float, float], before: tuple[float, float], size: float) -> None:
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length < 1e-6:
        return
    ux, uy = dx / length, dy / length
    base = (tip[0] - ux * size, tip[1] - uy * size)
    half = size * 0.42
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(*tip),
                QPointF(base[0] - uy * half, base[1] + ux * half),
                QPointF(base[0] + uy * half, base[1] - ux * half),
            ]
        )
    )


def _paint_symbol(painter: QPainter, symbol: Symbol) -> None:
    rect = QRectF(symbol.x, symbol.y, symbol.w, symbol.h)
    if symbol.shape == TERMINATOR:
        painter.setBrush(QBrush(QColor(FILL_TERMINATOR)))
        radius = symbol.h / 2
        painter.drawRoundedRect(rect, radius, radius)
    elif symbol.shape == DECISION:
        painter.setBrush(QBrush(QColor(FILL_DECISION)))
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(symbol.cx, symbol.y),
                    QPointF(symbol.right, symbol.cy),
                    QPointF(symbol.cx, symbol.bottom),
                    QPointF(symbol.x, symbol.cy),
                ]
            )
        )
    else:
        painter.setBrush(QBrush(QColor(FILL_PROCESS)))
        painter.drawRect(rect)


def _paint_page(painter: QPainter, page: Page, ts: _Typesetter, dpmm: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for cell in page.cells:
        if cell.fill:
            painter.fillRect(QRectF(cell.x, cell.y, cell.w, cell.h), _color(cell.fill))
    grid = QPen(QColor("#000000"), 0.2 * dpmm)
    grid.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(grid)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for cell in page.cells:
        if cell.border:
            painter.drawRect(QRectF(cell.x, cell.y, cell.w, cell.h))
    painter.setPen(QPen(QColor("#404040"), 0.2 * dpmm))
    for x1, y1, x2, y2 in page.rules:
        painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    line = QPen(QColor("#000000"), 0.3 * dpmm)
    line.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    line.setCapStyle(Qt.PenCapStyle.FlatCap)
    arrow_size = 1.9 * dpmm
    for path in page.paths:
        points = list(path.points)
        if len(points) < 2:
            continue
        if path.arrow:  # stop the line where the arrowhead starts, so the tip stays sharp
            (x1, y1), (x2, y2) = points[-2], points[-1]
            length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
            if length > arrow_size:
                cut = (length - arrow_size * 0.8) / length
                points[-1] = (x1 + (x2 - x1) * cut, y1 + (y2 - y1) * cut)
        qpath = QPainterPath(QPointF(*points[0]))
        for point in points[1:]:
            qpath.lineTo(QPointF(*point))
        painter.setPen(line)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(qpath)
        if path.arrow:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("#000000")))
            _arrowhead(painter, path.points[-1], path.points[-2], arrow_size)

    symbol_pen = QPen(QColor("#000000"), 0.35 * dpmm)
    symbol_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    for symbol in page.symbols:
        painter.setPen(symbol_pen)
        _paint_symbol(painter, symbol)
    for connector in page.connectors:
        painter.setPen(symbol_pen)
        painter.setBrush(QBrush(QColor(FILL_CONNECTOR)))
        shoulder = connector.y + connector.h * 0.62
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(connector.x, connector.y),
                    QPointF(connector.x + connector.w, connector.y),
                    QPointF(connector.x + connector.w, shoulder),
                    QPointF(connector.cx, connector.bottom),
                    QPointF(connector.x, shoulder),
                ]
            )
        )

    painter.setPen(QPen(QColor("#000000")))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    current: FontSpec | None = None
    for run in page.texts:
        if run.font != current:
            painter.setFont(ts.font(run.font))
            current = run.font
        painter.drawText(QPointF(run.x, run.baseline), run.text)


def paint_sop_pdf(layout: SopPdfLayout, writer: QPdfWriter) -> None:
    """Draw ``layout`` on ``writer`` (configured by :func:`layout_sop_pdf`'s caller), one page after another."""
    ts = _Typesetter(writer)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Berkas PDF tidak dapat ditulis")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index, page in enumerate(layout.pages):
            if index and not writer.newPage():
                raise OSError("Halaman PDF baru tidak dapat dibuat")
            _paint_page(painter, page, ts, layout.dots_per_mm)
    finally:
        painter.end()


def write_sop_pdf(sop: Sop, out: Path, office_name: str = "") -> Path:
    """Write ``sop`` to ``out`` as an A4 landscape PDF; returns ``out``.

    Needs a Qt GUI application (one with the offscreen platform is created when none runs). The file is
    written beside ``out`` first and then moved into place, so a failed export never leaves a half-written
    PDF. Raises :class:`OSError` when the file cannot be written.
    """
    ensure_gui_application()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=out.parent)
    os.close(handle)
    try:
        writer = QPdfWriter(temporary)
        writer.setTitle(sop.name if sop.name.upper().startswith("SOP") else f"SOP {sop.name}")
        writer.setCreator(CREATOR)
        layout = layout_sop_pdf(sop, office_name, writer)
        paint_sop_pdf(layout, writer)
        del writer
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out


__all__ = [
    "Connector",
    "FlowPath",
    "Page",
    "SopPdfLayout",
    "Symbol",
    "ensure_gui_application",
    "layout_sop_pdf",
    "paint_sop_pdf",
    "write_sop_pdf",
]
