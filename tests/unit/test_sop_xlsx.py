"""The SOP workbook: the Permenpan-RB 35/2012 sheet and the Standar Pelayanan sheet, read back with openpyxl."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from protokol_desktop.domain.sop import Decision, Identity, ServiceStandard, Signatory, Sop, Step, sop_from_dict
from protokol_desktop.export.sop_xlsx import write_sop_workbook
from protokol_desktop.paths import resource_dir

SEED_CODES = ["AMB-SAMBUTAN", "AMB-ACARA", "AMB-PENGADUAN", "LMJ-KOORDINASI", "MDN-BIMTEK", "TNG-KUNJUNGAN"]
SYMBOLS = ("▭", "◇", "( Mulai", "( Selesai")


def seed(code: str) -> Sop:
    return sop_from_dict(json.loads((resource_dir() / "sops" / f"{code}.json").read_text(encoding="utf-8")))


class SopSheet:
    """The procedure table of an exported SOP sheet, located by its header."""

    def __init__(self, ws, sop: Sop) -> None:
        self.ws = ws
        self.sop = sop
        self.header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "No")
        count = len(sop.executors)
        self.executor_columns = list(range(3, 3 + count))
        self.kelengkapan, self.waktu, self.output, self.ket = (3 + count + i for i in range(4))
        self.first_step = self.header + 2
        self.total_row = self.first_step + len(sop.steps)

    def step_row(self, number: int) -> int:
        return self.first_step + number - 1

    def cell(self, row: int, column: int):
        return self.ws.cell(row, column).value

    def merged(self, row: int, column: int):
        for merged in self.ws.merged_cells.ranges:
            if merged.min_row == row and merged.min_col == column:
                return merged
        return None

    def find(self, predicate) -> list[tuple[int, int, str]]:
        return [
            (cell.row, cell.column, cell.value)
            for row in self.ws.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and predicate(cell.value)
        ]

    def identity(self, label: str):
        rows = [r for r in range(1, self.header) if self.cell(r, self.kelengkapan) == label]
        assert len(rows) == 1, label
        return self.cell(rows[0], self.waktu)


def export(sop: Sop, tmp_path: Path, office_name: str = "Kantor Uji"):
    out = write_sop_workbook(sop, tmp_path / f"{sop.code}.xlsx", office_name)
    assert out == tmp_path / f"{sop.code}.xlsx"
    return openpyxl.load_workbook(out)


@pytest.fixture(params=SEED_CODES)
def seeded(request, tmp_path):
    sop = seed(request.param)
    workbook = export(sop, tmp_path)
    return sop, workbook, SopSheet(workbook["SOP"], sop)


def test_sheets_and_properties(seeded):
    sop, workbook, _ = seeded
    assert workbook.sheetnames == ["SOP", "Standar Pelayanan"]
    assert workbook.properties.title == sop.name
    assert workbook.properties.creator == "Protokol Desktop"


def test_identity_block(seeded):
    sop, _, sheet = seeded
    ident = sop.identity
    assert sheet.identity("Nomor SOP") == (ident.nomor or "-")
    assert sheet.identity("Tanggal Pembuatan") == (ident.tanggal_pembuatan or "-")
    assert sheet.identity("Tanggal Revisi") == (ident.tanggal_revisi or "-")
    assert sheet.identity("Tanggal Pengesahan") == (ident.tanggal_pengesahan or "-")
    assert sheet.identity("Nama SOP") == sop.name
    organisation = sheet.cell(1, 1)
    for line in ident.organisation:
        assert line in organisation
    org_range = sheet.merged(1, 1)
    assert org_range is not None and org_range.max_col == sheet.executor_columns[-1]
    for label, items in (("Dasar Hukum", ident.dasar_hukum), ("Peralatan/Perlengkapan", ident.peralatan)):
        (row, column, _) = sheet.find(lambda v, label=label: v == label)[0]
        text = sheet.cell(row + 1, column)
        assert all(item in text for item in items)
        if not items:
            assert text == "-"


def test_header_merges(seeded):
    sop, _, sheet = seeded
    h1, h2 = sheet.header, sheet.header + 1
    assert sheet.cell(h1, 2) == "Uraian Prosedur"
    assert sheet.cell(h1, 3) == "Pelaksana"
    pelaksana = sheet.merged(h1, 3)
    assert (pelaksana.min_row, pelaksana.max_row) == (h1, h1)
    assert pelaksana.max_col - pelaksana.min_col + 1 == len(sop.executors)
    assert [sheet.cell(h2, c) for c in sheet.executor_columns] == list(sop.executors)
    assert sheet.cell(h1, sheet.kelengkapan) == "Mutu Baku"
    mutu = sheet.merged(h1, sheet.kelengkapan)
    assert (mutu.min_col, mutu.max_col) == (sheet.kelengkapan, sheet.output)
    assert [sheet.cell(h2, c) for c in (sheet.kelengkapan, sheet.waktu, sheet.output)] == [
        "Kelengkapan",
        "Waktu",
        "Output",
    ]
    for column in (1, 2, sheet.ket):
        merged = sheet.merged(h1, column)
        assert (merged.min_row, merged.max_row) == (h1, h2)


def test_every_step_in_its_row_and_executor_column(seeded):
    sop, _, sheet = seeded
    for step in sop.steps:
        row = sheet.step_row(step.number)
        assert sheet.cell(row, 1) == step.number
        assert sheet.cell(row, 2) == step.uraian
        own = sheet.executor_columns[sop.executors.index(step.executor)]
        text = sheet.cell(row, own)
        if step.decision is not None:
            assert text.startswith("◇")
            assert step.decision.question in text
        elif "mulai" in step.kinds:
            assert text.startswith("( Mulai")
        elif "selesai" in step.kinds:
            assert text.startswith("( Selesai )")
        else:
            assert text.startswith("▭")
        fill = sheet.ws.cell(row, own).fill
        assert fill.fill_type == "solid" and fill.fgColor.rgb not in (None, "00000000")
        for column in sheet.executor_columns:
            if column != own:
                assert sheet.cell(row, column) is None, (step.number, column)
        if step.waktu:
            assert sheet.cell(row, sheet.waktu) == step.waktu
        for item in step.kelengkapan:
            assert item in sheet.cell(row, sheet.kelengkapan)
        if step.output:
            assert sheet.cell(row, sheet.output) == step.output
    for row in range(sheet.first_step, sheet.total_row):
        for column in range(1, sheet.ket + 1):
            border = sheet.ws.cell(row, column).border
            assert border.left.style in ("thin", "medium") and border.bottom.style in ("thin", "medium")


def test_total_row(seeded):
    sop, _, sheet = seeded
    assert sheet.cell(sheet.total_row, 1) == "Jumlah"
    assert sheet.cell(sheet.total_row, sheet.waktu) == sop.total_text
    note = sheet.cell(sheet.total_row, sheet.output) or ""
    without = sop.total[1]
    assert (f"(+ {without} langkah tentatif/tanpa waktu)" in note) == bool(without)


def title_rows(ws) -> str:
    return ws.print_title_rows.replace("$", "")


def test_print_settings(seeded):
    _, workbook, sheet = seeded
    ws = sheet.ws
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert title_rows(ws) == f"{sheet.header}:{sheet.header + 1}"
    assert ws.print_options.horizontalCentered
    assert ws.page_margins.left == pytest.approx(0.5)
    second = workbook["Standar Pelayanan"]
    assert int(second.page_setup.paperSize) == 9
    assert second.sheet_properties.pageSetUpPr.fitToPage is True


def test_row_heights_set_for_wrapped_text(seeded):
    sop, _, sheet = seeded
    for step in sop.steps:
        height = sheet.ws.row_dimensions[sheet.step_row(step.number)].height
        assert height is not None and height >= 25


def test_madiun_identity_and_signature(tmp_path):
    sop = seed("MDN-BIMTEK")
    sheet = SopSheet(export(sop, tmp_path)["SOP"], sop)
    assert sheet.identity("Nomor SOP") == "1.4.3.1"
    assert sheet.identity("Tanggal Pembuatan") == "30 Agustus 2022"
    assert "Ir. SOEKO DWI HANDIARTO, MT" in sheet.identity("Disahkan Oleh")
    blocks = sheet.find(lambda v: v.startswith("Disahkan oleh"))
    assert len(blocks) == 1
    row, column, text = blocks[0]
    assert row > sheet.total_row and column == sheet.kelengkapan
    lines = text.split("\n")
    assert "Sekretaris Daerah" in lines
    assert "Ir. SOEKO DWI HANDIARTO, MT" in lines
    assert "Pembina Utama Madya" in lines
    assert "NIP. 19670416 199303 1 015" in lines
    assert lines.index("Sekretaris Daerah") < lines.index("Ir. SOEKO DWI HANDIARTO, MT") - 1  # room to sign
    ws_rich = openpyxl.load_workbook(tmp_path / "MDN-BIMTEK.xlsx", rich_text=True)["SOP"]
    name_runs = [
        run for run in ws_rich.cell(row, column).value if getattr(run, "text", "") == sop.identity.disahkan_oleh.nama
    ]
    assert name_runs and name_runs[0].font.b and name_runs[0].font.u == "single"


def test_signature_without_signatory_leaves_room(tmp_path):
    sop = seed("AMB-SAMBUTAN")
    sheet = SopSheet(export(sop, tmp_path)["SOP"], sop)
    (_, _, text) = sheet.find(lambda v: v.startswith("Disahkan oleh"))[0]
    assert "NIP" not in text
    assert "(....." in text


def test_ambon_sambutan_flow(tmp_path):
    sop = seed("AMB-SAMBUTAN")
    sheet = SopSheet(export(sop, tmp_path)["SOP"], sop)
    staf = sheet.executor_columns[sop.executors.index("STAF")]
    decision = sheet.cell(sheet.step_row(8), staf)
    assert decision.startswith("◇")
    assert "Ya → langkah 3" in decision
    assert "Tidak → Selesai" in decision
    kabag = sheet.executor_columns[sop.executors.index("KABAG")]
    assert sheet.cell(sheet.step_row(1), kabag).startswith("( Mulai )")
    assert sheet.cell(sheet.step_row(1), kabag).endswith("↓")  # step 2 is Kabag's too
    assert sheet.cell(sheet.step_row(2), kabag).endswith("→ STAF")
    assert sheet.cell(sheet.step_row(4), staf).endswith("← KASUBBAG")
    assert sheet.cell(sheet.step_row(8), kabag) is None


def test_tangerang_total_and_six_executors(tmp_path):
    sop = seed("TNG-KUNJUNGAN")
    sheet = SopSheet(export(sop, tmp_path)["SOP"], sop)
    assert len(sheet.executor_columns) == 6
    assert sheet.cell(sheet.total_row, sheet.waktu) == "3 Jam 40 Menit"
    assert "(+ 1 langkah tentatif/tanpa waktu)" in sheet.cell(sheet.total_row, sheet.output)
    subag = sheet.executor_columns[sop.executors.index("Subag Umum & Kepegawaian")]
    assert sheet.cell(sheet.step_row(5), subag).startswith("( Selesai )")
    assert sheet.identity("Nomor SOP") == "100/Kep.14-Setresamkot/2018"


def test_standard_sheet(tmp_path):
    sop = seed("LMJ-KOORDINASI")
    ws = export(sop, tmp_path)["Standar Pelayanan"]
    rows = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    for label in (
        "Persyaratan",
        "Sistem, Mekanisme dan Prosedur",
        "Jangka Waktu",
        "Biaya/Tarif",
        "Produk Pelayanan",
        "Penanganan Pengaduan",
        "Catatan",
    ):
        assert label in rows
    assert rows["Jangka Waktu"] == "3 Hari kerja"
    assert rows["Biaya/Tarif"] == sop.standard.biaya
    persyaratan = rows["Persyaratan"].split("\n")
    assert len(persyaratan) == len(sop.standard.persyaratan)
    assert persyaratan[0].startswith("1. ")
    optional = [line for line in persyaratan if "jika perlu" in line]
    assert len(optional) == 1 and optional[0].count("jika perlu") == 1
    assert rows["Sistem, Mekanisme dan Prosedur"].split("\n")[0].startswith("1. ")
    if not sop.standard.pengaduan:
        assert rows["Penanganan Pengaduan"] == "Belum diatur dalam dokumen"


def test_standard_sheet_of_sop_without_standard(tmp_path):
    sop = seed("TNG-KUNJUNGAN")
    ws = export(sop, tmp_path)["Standar Pelayanan"]
    rows = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    assert rows["Jangka Waktu"] == "Belum diatur dalam dokumen"
    assert rows["Persyaratan"] == "Belum diatur dalam dokumen"
    assert "tanpa Standar Pelayanan" in rows["Catatan"]


def test_optional_requirement_is_marked(tmp_path):
    from protokol_desktop.domain.sop import Requirement

    sop = seed("AMB-SAMBUTAN")
    sop = Sop(
        **{
            **sop.__dict__,
            "standard": ServiceStandard(
                persyaratan=(Requirement("Surat"), Requirement("Susunan acara", required=False))
            ),
        }
    )
    ws = export(sop, tmp_path)["Standar Pelayanan"]
    rows = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    assert rows["Persyaratan"] == "1. Surat\n2. Susunan acara (jika perlu)"


def big_sop() -> Sop:
    executors = tuple(f"Pelaksana Nomor {i} Bagian Umum" for i in range(1, 9))
    steps = []
    for number in range(1, 26):
        kinds: tuple[str, ...] = ("proses",)
        decision = None
        if number == 1:
            kinds = ("mulai", "proses")
        elif number == 25:
            kinds = ("proses", "selesai")
        elif number == 12:
            kinds = ("keputusan",)
            decision = Decision("Berkas sudah lengkap dan benar?", yes=13, no=5)
        steps.append(
            Step(
                number=number,
                uraian=f"Langkah {number}: menerima, memeriksa dan meneruskan berkas permohonan kepada pelaksana "
                "berikutnya sesuai disposisi pimpinan",
                executor=executors[(number * 3) % 8],
                kinds=kinds,
                decision=decision,
                kelengkapan=("Surat permohonan", "Lembar disposisi", "Daftar periksa"),
                waktu="15 menit" if number % 5 else "tentatif",
                output="Berkas yang sudah diperiksa dan diparaf",
                keterangan="Catatan langkah" if number % 4 == 0 else "",
            )
        )
    return Sop(
        code="UJI-BESAR",
        office="uji",
        name="SOP Uji dengan Banyak Langkah dan Pelaksana",
        service="Uji",
        identity=Identity(
            organisation=("PEMERINTAH KOTA UJI",),
            nomor="000/UJI/2026",
            disahkan_oleh=Signatory(jabatan="Sekretaris Daerah", nama="Drs. Nama Pejabat", nip="19700101 199001 1 001"),
        ),
        executors=executors,
        steps=tuple(steps),
    )


def test_many_steps_and_executors_stay_printable(tmp_path):
    sop = big_sop()
    workbook = export(sop, tmp_path, office_name="")
    sheet = SopSheet(workbook["SOP"], sop)
    assert len(sheet.executor_columns) == 8
    assert [sheet.cell(sheet.header + 1, c) for c in sheet.executor_columns] == list(sop.executors)
    assert sheet.merged(sheet.header, 3).max_col == 10
    step_rows = [r for r in range(sheet.first_step, sheet.total_row) if isinstance(sheet.cell(r, 1), int)]
    assert len(step_rows) == 25
    assert sheet.cell(sheet.total_row, 1) == "Jumlah"
    for step in sop.steps:
        row = sheet.step_row(step.number)
        filled = [c for c in sheet.executor_columns if sheet.cell(row, c) is not None]
        assert filled == [sheet.executor_columns[sop.executors.index(step.executor)]]
        assert any(sheet.cell(row, filled[0]).startswith(symbol) for symbol in SYMBOLS)
    assert "Ya → langkah 13" in sheet.cell(sheet.step_row(12), sheet.executor_columns[(12 * 3) % 8])
    assert "(+ 5 langkah tentatif/tanpa waktu)" in sheet.cell(sheet.total_row, sheet.output)
    ws = sheet.ws
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in sheet.executor_columns]
    assert all(9 <= w < 14 for w in widths)
    assert 30 <= ws.column_dimensions["B"].width < 45
    assert title_rows(ws) == f"{sheet.header}:{sheet.header + 1}"


def test_office_name_when_no_organisation(tmp_path):
    sop = big_sop()
    sop = Sop(**{**sop.__dict__, "identity": Identity(tanggal_efektif="2 Januari 2026")})
    ws = export(sop, tmp_path, office_name="Pemerintah Kota Contoh")["SOP"]
    assert ws.cell(1, 1).value == "Pemerintah Kota Contoh"
    sheet = SopSheet(ws, sop)
    assert sheet.identity("Tanggal Efektif") == "2 Januari 2026"
    assert sheet.identity("Disahkan Oleh") == "-"


def test_creates_folder_and_leaves_no_temporary_file(tmp_path):
    sop = seed("AMB-ACARA")
    out = write_sop_workbook(sop, tmp_path / "ekspor" / "acara.xlsx")
    assert out.is_file()
    assert [p.name for p in out.parent.iterdir()] == ["acara.xlsx"]
    write_sop_workbook(sop, out)  # overwrite
    assert [p.name for p in out.parent.iterdir()] == ["acara.xlsx"]


def test_page_break_only_to_keep_the_end_together(seeded):
    sop, _, sheet = seeded
    breaks = [brk.id for brk in sheet.ws.row_breaks.brk]
    assert breaks in ([], [sheet.step_row(len(sop.steps)) - 1])
