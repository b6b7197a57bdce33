"""The SOP as a PDF: the six seed SOPs and a large synthetic one, checked on the file (pages, text) and on
the layout pass (symbols in their executor's column, arrows, loops, off-page connectors).

The text checks run on the layout always and on ``pdftotext`` output when poppler-utils is installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from protokol_desktop.domain.sop import Decision, Signatory, Sop, Step
from protokol_desktop.store.seed import seed_sops

pytestmark = pytest.mark.usefixtures("qapp")

SEED_CODES = ["AMB-ACARA", "AMB-PENGADUAN", "AMB-SAMBUTAN", "LMJ-KOORDINASI", "MDN-BIMTEK", "TNG-KUNJUNGAN"]
MADIUN_SIGNATURE = [
    "SEKRETARIS DAERAH",
    "Ir. SOEKO DWI HANDIARTO, MT",
    "Pembina Utama Madya",
    "NIP. 19670416 199303 1 015",
]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Sop]:
    return {sop.code: sop for sop in seed_sops()}


def layout_of(sop: Sop):
    from protokol_desktop.ui.pdf.sop_pdf import layout_sop_pdf

    return layout_sop_pdf(sop)


def write(sop: Sop, out: Path, office_name: str = "") -> Path:
    from protokol_desktop.ui.pdf.sop_pdf import write_sop_pdf

    return write_sop_pdf(sop, out, office_name)


def page_count(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


def pdftotext_or_none(path: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    text = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout.decode()
    return unicodedata.normalize("NFKC", text)  # fonts with ligatures give "ﬁ" for "fi"


def pdftotext(path: Path) -> str:
    text = pdftotext_or_none(path)
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return text


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def one_line(text: str) -> str:
    return " ".join(text.split())


def synthetic_sop(steps: int = 25, executors: int = 8) -> Sop:
    """A long SOP over many columns: a loop on the same page, a loop and a jump across page breaks."""
    names = tuple(f"Pelaksana {chr(ord('A') + index)}" for index in range(executors))
    built = []
    for number in range(1, steps + 1):
        kinds: tuple[str, ...] = ("proses",)
        decision = None
        if number == 1:
            kinds = ("mulai", "proses")
        elif number == steps:
            kinds = ("proses", "selesai")
        elif number == 9:
            kinds, decision = ("keputusan",), Decision("Perlu perbaikan?", 7, 10)
        elif number == 14:
            kinds, decision = ("keputusan",), Decision("Berkas lengkap?", 15, 22)
        elif number == 20:
            kinds, decision = ("keputusan",), Decision("Ada koreksi?", 4, 21)
        built.append(
            Step(
                number,
                f"Langkah uji {number}: menyiapkan, memeriksa dan meneruskan berkas kegiatan kepada pelaksana "
                "berikutnya sesuai disposisi pimpinan",
                names[(number * 3) % executors],
                kinds,
                decision,
                ("Berkas kegiatan", "Komputer"),
                "15 menit",
                f"Keluaran {number}",
            )
        )
    return Sop(
        "UJI-25",
        "ambon",
        "Uji Dua Puluh Lima Langkah",
        "Uji",
        executors=names,
        steps=tuple(built),
    )


# ---------------------------------------------------------------------------------------------
# The files


@pytest.mark.parametrize("code", SEED_CODES)
def test_seed_sop_exports_to_a_pdf_with_its_pages(code, seeds, tmp_path):
    sop = seeds[code]
    out = write(sop, tmp_path / "keluaran" / f"{code}.pdf", "Kantor Uji")

    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-64:]
    layout = layout_of(sop)
    assert page_count(out) == len(layout.pages) >= 3  # identity/procedure page(s) and Standar Pelayanan
    assert layout.pages[-1].kind == "standard"
    assert [p.name for p in out.parent.iterdir()] == [f"{code}.pdf"]  # no temporary file left behind


def test_pdf_metadata_names_the_sop_and_the_app(seeds, tmp_path):
    tool = shutil.which("pdfinfo")
    if tool is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    out = write(seeds["MDN-BIMTEK"], tmp_path / "madiun.pdf")
    info = subprocess.run([tool, str(out)], capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Title:\s+SOP Pelaksanaan Bimbingan Teknis Keprotokolan$", info, re.M)
    assert re.search(r"^Creator:\s+Protokol Desktop$", info, re.M)
    assert re.search(r"^Page size:.*A4", info, re.M)
    assert re.search(r"^Pages:\s+3$", info, re.M)


def test_export_to_an_unwritable_place_raises_oserror(seeds, tmp_path):
    occupied = tmp_path / "SOP.pdf"
    occupied.mkdir()  # a folder where the file should go
    with pytest.raises(OSError):
        write(seeds["AMB-SAMBUTAN"], occupied)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SOP.pdf"]


@pytest.mark.parametrize("code", SEED_CODES)
def test_pdf_text_has_identity_steps_and_footer(code, seeds, tmp_path):
    sop = seeds[code]
    out = write(sop, tmp_path / f"{code}.pdf")
    text = pdftotext(out)
    found = words(text)
    ident = sop.identity
    for line in ident.organisation:
        assert words(line) <= found, line
    for value in (ident.nomor, ident.tanggal_pembuatan, ident.tanggal_pengesahan, sop.name):
        assert words(value) <= found, value
    for label in (
        "Nomor SOP",
        "Tanggal Pembuatan",
        "Tanggal Revisi",
        "Tanggal Pengesahan",
        "Disahkan Oleh",
        "Nama SOP",
        "Dasar Hukum",
        "Kualifikasi Pelaksana",
        "Keterkaitan",
        "Peralatan/Perlengkapan",
        "Peringatan",
        "Pencatatan dan Pendataan",
        "Uraian Prosedur",
        "Pelaksana",
        "Kelengkapan",
        "Waktu",
        "Output",
        "Jumlah",
        "STANDAR PELAYANAN",
    ):
        assert label in one_line(text), label  # a label may wrap, depending on the fonts installed
    for item in (*ident.dasar_hukum, *ident.peralatan, *ident.pencatatan, *ident.keterkaitan):
        assert words(item) <= found, item
    for executor in sop.executors:
        assert words(executor) <= found, executor
    for step in sop.steps:
        assert words(step.uraian) <= found, step.uraian
        assert words(step.output) <= found, step.output
        for item in step.kelengkapan:
            assert words(item) <= found, item
    pages = len(layout_of(sop).pages)
    for number in range(1, pages + 1):
        assert f"Halaman {number} dari {pages}" in text
    assert f"SOP {sop.code}" in text


def test_tangerang_total_and_madiun_signature_in_the_layout(seeds, tmp_path):
    tangerang = layout_of(seeds["TNG-KUNJUNGAN"])
    assert "3 Jam 40 Menit" in tangerang.text().splitlines()  # one line in its cell
    madiun = layout_of(seeds["MDN-BIMTEK"]).text().splitlines()
    for line in MADIUN_SIGNATURE:
        assert line in madiun


def test_tangerang_total_and_madiun_signature_in_the_pdf(seeds, tmp_path):
    text = pdftotext(write(seeds["TNG-KUNJUNGAN"], tmp_path / "tng.pdf"))
    assert "3 Jam 40 Menit" in text
    assert "100/Kep.14-Setresamkot/2018" in text
    text = pdftotext(write(seeds["MDN-BIMTEK"], tmp_path / "mdn.pdf"))
    for line in MADIUN_SIGNATURE:
        assert line in text
    assert "11 Jam" in text


def test_madiun_signature_block_is_on_the_right_in_order(seeds):
    layout = layout_of(seeds["MDN-BIMTEK"])
    runs = {run.text: run for page in layout.pages for run in page.texts}
    block = [runs["Disahkan oleh"], *(runs[line] for line in MADIUN_SIGNATURE)]
    assert all(run.x > layout.width / 2 for run in block)
    tops = [run.y for run in block]
    assert tops == sorted(tops)
    name = runs["Ir. SOEKO DWI HANDIARTO, MT"]
    assert name.font.bold and name.font.underline
    assert name.y - runs["SEKRETARIS DAERAH"].y > 15 * layout.dots_per_mm  # room to sign and stamp


def test_empty_signatory_leaves_a_line_to_fill_in(seeds):
    layout = layout_of(seeds["AMB-SAMBUTAN"])
    assert "Disahkan oleh" in layout.text()
    assert any(run.text.startswith("(....") for page in layout.pages for run in page.texts)
    assert "NIP." not in layout.text()


def test_standard_page_lists_every_component(seeds):
    layout = layout_of(seeds["AMB-ACARA"])
    standard = "\n".join(page.text() for page in layout.pages if page.kind == "standard")
    for label in (
        "Persyaratan",
        "Sistem, Mekanisme dan Prosedur",
        "Jangka Waktu",
        "Biaya/Tarif",
        "Produk Pelayanan",
        "Penanganan Pengaduan",
        "Catatan",
    ):
        assert label in one_line(standard)  # a label may wrap, depending on the fonts installed
    flat = one_line(standard)
    assert "Susunan acara, kalau ada (jika perlu)" in flat
    assert "1 hari" in flat and "Gratis" in flat
    assert re.search(r"^3\.$", standard, re.M)  # the requirements are numbered
    madiun = "\n".join(page.text() for page in layout_of(seeds["MDN-BIMTEK"]).pages if page.kind == "standard")
    assert "Belum diatur dalam dokumen" in madiun


# ---------------------------------------------------------------------------------------------
# The layout pass


@pytest.mark.parametrize("code", SEED_CODES)
def test_every_step_symbol_stands_in_its_executor_column_with_its_shape(code, seeds):
    sop = seeds[code]
    layout = layout_of(sop)
    symbols = layout.step_symbols()
    assert sorted(symbols) == [step.number for step in sop.steps]
    assert list(layout.columns) == list(sop.executors)
    for step in sop.steps:
        symbol = symbols[step.number]
        left, right = layout.columns[step.executor]
        assert left < symbol.x and symbol.right < right, (step.number, step.executor)
        assert left < symbol.cx < right
        if "keputusan" in step.kinds:
            assert symbol.shape == "decision"
        elif "mulai" in step.kinds or "selesai" in step.kinds:
            assert symbol.shape == "terminator"
        else:
            assert symbol.shape == "process"
        assert step.number in layout.pages[symbol.page - 1].procedure_rows
    # the rows run in order, down the pages
    order = [(symbols[s.number].page, symbols[s.number].y) for s in sop.steps]
    assert order == sorted(order)


@pytest.mark.parametrize("code", SEED_CODES)
def test_arrows_join_each_step_to_the_next_orthogonally(code, seeds):
    sop = seeds[code]
    layout = layout_of(sop)
    symbols = layout.step_symbols()
    flows = layout.paths()
    for path in flows:
        for (x1, y1), (x2, y2) in zip(path.points, path.points[1:], strict=False):
            assert abs(x1 - x2) < 0.01 or abs(y1 - y2) < 0.01, path  # no slanted segment
    for position, step in enumerate(sop.steps[:-1]):
        if step.decision is not None or "selesai" in step.kinds:
            continue
        following = sop.steps[position + 1].number
        paths = [p for p in flows if p.kind == "next" and p.source == step.number and p.target == following]
        assert paths, (code, step.number)
        source, target = symbols[step.number], symbols[following]
        start, end = paths[0].points[0], paths[-1].points[-1]
        assert start == pytest.approx((source.cx, source.bottom))
        assert end == pytest.approx((target.cx, target.y))
        if source.page == target.page and abs(source.cx - target.cx) > 1:
            assert len(paths[0].points) == 4  # down, across, down


def test_sambutan_loops_from_step_8_back_to_step_3(seeds):
    layout = layout_of(seeds["AMB-SAMBUTAN"])
    symbols = layout.step_symbols()
    decision, target = symbols[8], symbols[3]
    assert decision.shape == "decision"
    loops = [p for p in layout.paths("loop") if p.source == 8 and p.target == 3]
    assert loops
    first = next(p for p in loops if p.page == decision.page)  # the part that leaves the diamond
    last = next(p for p in reversed(loops) if p.page == target.page)  # the part that reaches step 3
    assert first.label == "Ya"
    assert first.page == decision.page and last.page == target.page
    assert first.points[0] == pytest.approx((decision.right, decision.cy))  # out of the diamond's side
    assert last.points[-1] == pytest.approx((target.right, target.cy))  # into step 3 from the side
    assert last.arrow
    lane = first.points[1][0]
    executor_right = max(right for _, right in layout.columns.values())
    assert decision.right < lane < executor_right  # beside the symbols, inside the executor area
    if decision.page != target.page:  # the loop crosses a page break: a connector pair with one letter
        pair = [c for c in layout.connectors() if c.source == 8 and c.target == 3]
        assert {(c.page, c.at) for c in pair} == {(decision.page, "top"), (target.page, "bottom")}
        assert len({c.letter for c in pair}) == 1
    # Tidak: the end, in a small Selesai terminator under the diamond
    ends = [p for p in layout.paths("end") if p.source == 8]
    assert [p.label for p in ends] == ["Tidak"]
    end_symbols = [s for s in layout.pages[decision.page - 1].symbols if s.role == "end"]
    assert len(end_symbols) == 1 and end_symbols[0].text == "Selesai" and end_symbols[0].shape == "terminator"
    assert end_symbols[0].y > decision.bottom
    labels = {run.text for run in layout.pages[decision.page - 1].texts}
    assert {"Ya", "Tidak", "Selesai"} <= labels


def test_lumajang_decision_jumps_forward_and_labels_both_answers(seeds):
    layout = layout_of(seeds["LMJ-KOORDINASI"])
    yes = [p for p in layout.paths() if p.source == 5 and p.target == 6]
    no = [p for p in layout.paths("skip") if p.source == 5 and p.target == 8]
    assert yes and yes[0].label == "Ya" and yes[0].kind == "next"
    assert no and no[0].label == "Tidak"
    symbols = layout.step_symbols()
    assert no[-1].points[-1] == pytest.approx((symbols[8].x, symbols[8].cy))


def test_tangerang_has_six_executor_columns_side_by_side(seeds):
    sop = seeds["TNG-KUNJUNGAN"]
    layout = layout_of(sop)
    spans = [layout.columns[name] for name in sop.executors]
    assert len(spans) == 6
    for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
        assert right == pytest.approx(left)
    assert all(right - left >= 18 * layout.dots_per_mm - 0.5 for left, right in spans)


@pytest.mark.parametrize("code", SEED_CODES)
def test_texts_stay_on_the_page_and_legible(code, seeds):
    layout = layout_of(seeds[code])
    for page in layout.pages:
        for run in page.texts:
            assert run.font.size >= 7.0
            assert run.x >= -0.5 and run.x + run.w <= layout.width + 0.5, run.text
            assert run.y >= -0.5 and run.y + run.h <= layout.height + 0.5, run.text


def test_large_sop_runs_over_pages_with_connectors(tmp_path):
    sop = synthetic_sop()
    layout = layout_of(sop)
    dpmm = layout.dots_per_mm
    procedure = layout.procedure_pages()
    assert len(procedure) >= 2
    assert sorted(n for page in procedure for n in page.procedure_rows) == list(range(1, 26))

    # eight executor columns, none narrower than 18 mm; every step in its own column
    assert len(layout.columns) == 8
    assert all(right - left >= 18 * dpmm - 0.5 for left, right in layout.columns.values())
    symbols = layout.step_symbols()
    for step in sop.steps:
        left, right = layout.columns[step.executor]
        assert left < symbols[step.number].cx < right

    # each page break: the header again, and a connector pair for every arrow across it
    connectors = layout.connectors()
    assert connectors
    by_letter: dict[str, list] = {}
    for connector in connectors:
        by_letter.setdefault(connector.letter, []).append(connector)
    for letter, pair in by_letter.items():
        assert sorted(c.at for c in pair) == ["bottom", "top"], letter
        bottom = next(c for c in pair if c.at == "bottom")
        top = next(c for c in pair if c.at == "top")
        assert bottom.page != top.page
        assert (bottom.source, bottom.target) == (top.source, top.target)
    for page in procedure[:-1]:
        assert any(c.page == page.number and c.at == "bottom" for c in connectors)
        following = layout.pages[page.number]
        assert any(c.page == following.number and c.at == "top" for c in connectors)
    for page in procedure:
        assert page.text().count("Uraian Prosedur") == 1
        assert "Pelaksana H" in one_line(page.text())
    # the flow from the last row of a page goes on at the top of the next
    for page in procedure[:-1]:
        last = page.procedure_rows[-1]
        if sop.step(last).decision is None:
            assert any(c.source == last and c.at == "bottom" for c in connectors)
    # loops and jumps across pages use connectors too
    assert any(c.source == 20 and c.target == 4 for c in connectors)
    assert any(c.source == 14 and c.target == 22 for c in connectors)
    assert [p for p in layout.paths("loop") if p.source == 9 and p.target == 7]

    for page in layout.pages:
        for run in page.texts:
            assert run.font.size >= 7.0
            assert run.x + run.w <= layout.width + 0.5, run.text

    out = write(sop, tmp_path / "uji.pdf")
    assert page_count(out) == len(layout.pages) >= 4
    text = pdftotext_or_none(out)
    if text is not None:
        for step in sop.steps:
            assert words(step.uraian) <= words(text)
        assert "6 Jam 15 Menit" in text


def test_total_and_signature_stay_with_the_last_step():
    sop = synthetic_sop(steps=14, executors=3)
    sop = replace(sop, identity=replace(sop.identity, disahkan_oleh=Signatory("Kepala Bagian", "Budi", "", "1970")))
    layout = layout_of(sop)
    last_page = layout.pages[layout.step_symbols()[14].page - 1]
    assert len(last_page.procedure_rows) >= 1
    for text in ("Jumlah", "3 Jam 30 Menit", "Disahkan oleh", "KEPALA BAGIAN", "Budi", "NIP. 1970"):
        assert text in last_page.text().splitlines()


def test_steps_timed_in_days_are_totalled_apart_in_the_pdf(seeds, tmp_path):
    from dataclasses import replace

    sambutan = seeds["AMB-SAMBUTAN"]
    waktu = {2: "1 hari", 3: "2 hari", 4: "1 hari kerja"}
    steps = tuple(replace(s, waktu=waktu.get(s.number, s.waktu)) for s in sambutan.steps)
    sop = sambutan.with_steps(steps)
    assert sop.total_text == "2 Jam 30 Menit + 3 Hari + 1 Hari kerja"
    lines = layout_of(sop).text().splitlines()
    at = lines.index("2 Jam 30 Menit")  # each unit family on its own line of the Jumlah cell
    assert lines[at + 1 : at + 3] == ["+ 3 Hari", "+ 1 Hari kerja"]
    text = one_line(pdftotext(write(sop, tmp_path / "hari.pdf")))
    assert "2 Jam 30 Menit + 3 Hari + 1 Hari kerja" in text
    assert "3 langkah dalam hari dijumlah terpisah" in text
