"""An event's SOP Protokol as a PDF (A4 portrait) under the office letterhead, drawn with ``QPdfWriter``.

The contents are the JSON snapshot of :func:`protokol_desktop.services.sop_protokol.build_content`, laid
out as rich text (:func:`sop_protokol_html`: letterhead, title, I. Keterangan Acara … VI. Distribusi,
paraf and signature block) in a ``QTextDocument`` measured against the PDF device, then painted page by
page with "Halaman N dari M" in the footer. Pass :func:`write_sop_protokol_pdf` to
``services.sop_protokol.generate(pdf_writer=...)``.
"""

from __future__ import annotations

import os
import tempfile
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from .sop_pdf import FAMILIES, ensure_gui_application

RESOLUTION = 300
MARGIN_MM = 18.0
FOOTER_MM = 8.0
CREATOR = "Protokol Desktop"

_CSS = """
body { font-size: 10pt; }
h1 { font-size: 14pt; margin: 0; }
h2 { font-size: 12pt; margin: 0; }
h3 { font-size: 10.5pt; margin-top: 10pt; margin-bottom: 3pt; }
.kop { text-align: center; }
.small { font-size: 8.5pt; }
.muted { font-size: 8.5pt; font-style: italic; color: #444444; }
table.grid { border-collapse: collapse; }
table.grid th { background-color: #d9d9d9; font-weight: bold; }
table.grid td, table.grid th { border: 1px solid #000000; padding: 3px; vertical-align: top; }
table.pairs td { padding: 1px 4px; vertical-align: top; }
td.seat { font-size: 7.5pt; }
"""


def _family() -> str:
    """The first of the SOP PDF's font families installed here ("" leaves Qt's sans serif)."""
    installed = {name.casefold(): name for name in QFontDatabase.families()}
    return next((installed[name.casefold()] for name in FAMILIES if name.casefold() in installed), "")


def _e(value: object) -> str:
    return escape(str(value or ""))


def _grid(headers: list[str], rows: list[list[object]], widths: list[int]) -> str:
    head = "".join(f'<th width="{w}%">{_e(h)}</th>' for h, w in zip(headers, widths, strict=True))
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="grid" width="100%" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}</table>'


def _seat_label(label: str) -> str:
    return label if label == "Tuan rumah" else label.replace("Nomor ", "")


def sop_protokol_html(content: dict) -> str:
    """The SOP Protokol as rich text for ``QTextDocument`` (also handy to check the contents)."""
    head = content["letterhead"]
    event = content["event"]
    parts = [f"<html><head><style>{_CSS}</style></head><body>"]
    parts.append('<div class="kop">')
    parts.append(f"<h1>{_e(head['organisation'])}</h1>")
    if head.get("parent"):
        parts.append(f"<h2>{_e(head['parent'])}</h2>")
    parts.append(f"<h2>{_e(head['unit'])}</h2>")
    contact = "  ".join(
        x for x in (head.get("address", ""), f"Telp. {head['phone']}" if head.get("phone") else "") if x
    )
    if contact or head.get("web"):
        parts.append(f'<p class="small">{_e(contact)}<br/>{_e(head.get("web", ""))}</p>')
    parts.append("</div><hr/>")
    parts.append(f'<p align="center"><b style="font-size:14pt">{_e(content.get("title", "SOP PROTOKOL"))}</b><br/>')
    parts.append(f'<b>{_e(event["name"])}</b><br/><span class="muted">Putaran {_e(content["round"])} — disusun ')
    parts.append(f"{_e(content['generated_at'])} oleh {_e(content['generated_by'])}</span></p>")

    when = event["time"] + (f" – {event['end_time']}" if event.get("end_time") else "")
    pairs = [
        ("Acara", event["name"]),
        ("Hari / tanggal", event["date_text"]),
        ("Waktu", f"{when} {event['zone']}" if event["time"] else ""),
        ("Tempat", event["place"]),
        ("Pimpinan", event["leader"]),
        ("Penyelenggara", event["organiser"]),
        ("Narahubung", event["contact"]),
        ("Tata pakaian", content.get("dress_code", "")),
        ("Dasar", f"Surat {event['nomor_surat']}"),
    ]
    parts.append("<h3>I. KETERANGAN ACARA</h3><table class='pairs' width='100%'>")
    for label, value in pairs:
        parts.append(f'<tr><td width="22%"><b>{_e(label)}</b></td><td>: {_e(value or "-")}</td></tr>')
    parts.append("</table>")

    parts.append("<h3>II. SUSUNAN ACARA</h3>")
    if content["rundown"]:
        rows = [
            [
                r["number"],
                f"{r['start']} – {r['end']}" if r["start"] else "",
                r["description"],
                r["duration"],
                r["person"],
            ]
            for r in content["rundown"]
        ]
        parts.append(_grid(["No", "Waktu", "Acara", "Durasi", "Pelaksana"], rows, [6, 15, 45, 12, 22]))
    else:
        parts.append('<p class="muted">Susunan acara belum diisi.</p>')

    parts.append("<h3>III. PETUGAS</h3>")
    if content["officers"]:
        rows = [[i, o["duty"], o["name"], o["contact"]] for i, o in enumerate(content["officers"], start=1)]
        parts.append(_grid(["No", "Tugas", "Nama", "Kontak"], rows, [6, 24, 45, 25]))
    else:
        parts.append('<p class="muted">Petugas belum ditetapkan.</p>')

    parts.append("<h3>IV. TATA TEMPAT</h3>")
    seating = content["seating"]
    if seating["order"]:
        rows = [
            [
                g["number"] or "Tuan rumah",  # the host is on the list, not numbered
                g["title"] + (f" (mewakili {g['represents']})" if g["represents"] else ""),
                g["name"],
                g["basis"].replace("UU 9/2010 ", ""),
            ]
            for g in seating["order"]
        ]
        parts.append(_grid(["No", "Jabatan", "Nama", "Dasar urutan"], rows, [6, 40, 24, 30]))
        cells = "".join(
            f'<td align="center" class="seat"><b>{_e(_seat_label(s["label"]))}</b><br/>{_e(s["title"])}</td>'
            for s in seating["row"]
        )
        parts.append('<p class="small"><b>Kursi depan</b> (dilihat dari hadirin, kiri ke kanan):</p>')
        parts.append(f'<table class="grid" width="100%" cellspacing="0"><tr>{cells}</tr></table>')
        parts.append(f'<p class="muted">{_e(seating.get("convention", ""))}</p>')
    else:
        parts.append('<p class="muted">Daftar tamu belum diisi.</p>')

    parts.append("<h3>V. CEK LOKASI DAN GLADI</h3>")
    if content["checks"]:
        rows = [
            [i, c["kind_label"], c["findings"] + (f" ({c['photos']} foto)" if c["photos"] else ""), c["held_at"],
             c["officers"]]
            for i, c in enumerate(content["checks"], start=1)
        ]  # fmt: skip
        parts.append(_grid(["No", "Jenis", "Hasil / temuan", "Waktu", "Petugas"], rows, [6, 14, 44, 18, 18]))
    else:
        parts.append('<p class="muted">Cek lokasi belum dilaporkan.</p>')

    parts.append("<h3>VI. DISTRIBUSI</h3>")
    rows = [[i, d["kind"], d["recipient"], "", ""] for i, d in enumerate(content["distribution"], start=1)]
    parts.append(_grid(["No", "Penerima", "Nama", "Diterima", "Paraf"], rows, [6, 26, 32, 20, 16]))

    signatory = content["signatory"]
    parts.append(
        '<br/><table width="100%"><tr>'
        f'<td width="50%" valign="top">Paraf {_e(content["paraf_role"])}:<br/><br/>…………</td>'
        f'<td width="50%" align="center" valign="top">{_e(content.get("date_line", ""))}<br/>'
        f"<b>{_e(signatory['jabatan'])}</b><br/><br/><br/><br/>(………………………………)</td>"
        "</tr></table>"
    )
    parts.append("</body></html>")
    return "".join(parts)


def write_sop_protokol_pdf(content: dict, out: Path) -> Path:
    """Write the SOP Protokol ``content`` to ``out`` as an A4 PDF; returns ``out``.

    Written beside ``out`` and moved into place, so a failed export leaves no half-written file.
    """
    ensure_gui_application()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=out.parent)
    os.close(handle)
    try:
        _paint(content, temporary)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out


def _paint(content: dict, path: str) -> None:
    writer = QPdfWriter(path)
    writer.setTitle(f"SOP Protokol — {content['event']['name']}")
    writer.setCreator(CREATOR)
    writer.setResolution(RESOLUTION)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
        )
    )
    rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = float(rect.width()), float(rect.height())
    footer = FOOTER_MM * RESOLUTION / 25.4
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    font = QFont()
    family = _family()
    if family:
        font.setFamily(family)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(sop_protokol_html(content))
    page_height = height - footer
    document.setPageSize(QSizeF(width, page_height))
    pages = max(1, document.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Berkas PDF tidak dapat ditulis")
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(8)
        for index in range(pages):
            if index and not writer.newPage():
                raise OSError("Halaman PDF baru tidak dapat dibuat")
            painter.save()
            painter.translate(0, -index * page_height)
            document.drawContents(painter, QRectF(0, index * page_height, width, page_height))
            painter.restore()
            painter.setFont(footer_font)
            label = f"SOP Protokol — {content['event']['name'][:70]}    Halaman {index + 1} dari {pages}"
            painter.drawText(
                QRectF(0, height - footer * 0.8, width, footer * 0.8),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            painter.drawLine(QPointF(0, height - footer * 0.85), QPointF(width, height - footer * 0.85))
    finally:
        painter.end()
