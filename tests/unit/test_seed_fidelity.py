"""The seed SOPs and office profiles in ``resources/`` against the four seed documents.

Every expected value below is copied from the documents in the seed folder (Kota Ambon, Kab. Lumajang,
Kota Madiun, Kota Tangerang), not read back from the JSON: a change to a seed file that drifts from its
document fails here. Executors follow the agreed reading of the documents, whose executor marks were lost
in extraction.
"""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from protokol_desktop.domain.durations import DurationKind
from protokol_desktop.domain.office import Office, office_from_dict
from protokol_desktop.domain.sop import Decision, Requirement, Sop, sop_from_dict, sop_to_dict
from protokol_desktop.paths import resource_dir

SOP_DIR = resource_dir() / "sops"
OFFICE_DIR = resource_dir() / "offices"

MULAI = ("mulai", "proses")
PROSES = ("proses",)
SELESAI = ("proses", "selesai")
KEPUTUSAN = ("keputusan",)


def load_sop(code: str) -> Sop:
    with (SOP_DIR / f"{code}.json").open(encoding="utf-8") as handle:
        return sop_from_dict(json.load(handle))


def load_office(code: str) -> Office:
    with (OFFICE_DIR / f"{code}.json").open(encoding="utf-8") as handle:
        return office_from_dict(json.load(handle))


# (number, uraian, executor, kinds, kelengkapan, waktu, output)
StepRow = tuple[int, str, str, tuple[str, ...], tuple[str, ...], str, str]


def check_steps(sop: Sop, expected: list[StepRow]) -> None:
    assert len(sop.steps) == len(expected)
    for step, (number, uraian, executor, kinds, kelengkapan, waktu, output) in zip(sop.steps, expected, strict=True):
        assert step.number == number
        assert step.uraian == uraian, number
        assert step.executor == executor, number
        assert step.kinds == kinds, number
        assert step.kelengkapan == kelengkapan, number
        assert step.waktu == waktu, number
        assert step.output == output, number


# ---------------------------------------------------------------------------------------------
# The library as a whole


SEED_CODES = {
    "AMB-SAMBUTAN": ("ambon", "Sambutan Walikota", "fa5s.microphone", True, "dokumen"),
    "AMB-ACARA": ("ambon", "Pengaturan Acara", "fa5s.calendar-check", True, "dokumen"),
    "AMB-PENGADUAN": ("ambon", "Pengaduan", "fa5s.comment-dots", False, "disusun_kantor"),
    "LMJ-KOORDINASI": ("lumajang", "Koordinasi Kegiatan Pimpinan", "fa5s.users", True, "dokumen"),
    "MDN-BIMTEK": ("madiun", "Bimtek Keprotokolan", "fa5s.chalkboard-teacher", True, "dokumen"),
    "TNG-KUNJUNGAN": ("tangerang", "Kunjungan Tamu", "fa5s.handshake", True, "dokumen"),
}


def test_exactly_the_six_seed_sops() -> None:
    assert {path.stem for path in SOP_DIR.glob("*.json")} == set(SEED_CODES)


def test_exactly_the_four_office_profiles() -> None:
    assert {path.stem for path in OFFICE_DIR.glob("*.json")} == {"ambon", "lumajang", "madiun", "tangerang"}


@pytest.mark.parametrize("code", sorted(SEED_CODES))
def test_seed_identity_fields(code: str) -> None:
    office, service, icon, has_event, source_kind = SEED_CODES[code]
    sop = load_sop(code)
    assert sop.code == code
    assert sop.office == office
    assert sop.service == service
    assert sop.icon == icon
    assert sop.has_event is has_event
    assert sop.status == "berlaku"
    assert sop.source.kind == source_kind
    assert sop.source.document


@pytest.mark.parametrize("code", sorted(SEED_CODES))
def test_seed_file_is_canonical_exchange_format(code: str) -> None:
    path = SOP_DIR / f"{code}.json"
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert sop_to_dict(sop_from_dict(data)) == data  # no unknown or untrimmed fields
    assert raw == json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("code", sorted(SEED_CODES))
def test_first_and_last_step_kinds(code: str) -> None:
    sop = load_sop(code)
    assert sop.steps[0].kinds == MULAI
    if code != "AMB-SAMBUTAN":
        assert sop.steps[-1].kinds == SELESAI
    for step in sop.steps:
        assert step.is_decision == (step.decision is not None)


@pytest.mark.parametrize("code", sorted(SEED_CODES))
def test_every_step_explains_its_executor(code: str) -> None:
    assert all(step.note for step in load_sop(code).steps)


# (total_minutes, without_standard, total_text, tentative_steps, untimed_steps)
TOTALS = {
    "AMB-SAMBUTAN": (475, 0, "7 Jam 55 Menit", 0, 0),  # 5+15+300+10+10+60+15+60
    "AMB-ACARA": (120, 1, "2 Jam", 1, 0),  # 5+10+45+10+5+30+15, step 8 tentatif
    "AMB-PENGADUAN": (375, 0, "6 Jam 15 Menit", 0, 0),  # 15+30+15+240+30+15+30 (office standard)
    "LMJ-KOORDINASI": (378, 0, "6 Jam 18 Menit", 0, 0),  # 5+60+240+10+15+5+15+5+10+3+10
    "MDN-BIMTEK": (660, 0, "11 Jam", 0, 0),  # 60+120+120+240+60+60
    "TNG-KUNJUNGAN": (220, 1, "3 Jam 40 Menit", 0, 1),  # 120+60+20+20, step 5 empty; JUMLAH row 3 Jam 40 Menit
}


@pytest.mark.parametrize("code", sorted(TOTALS))
def test_totals(code: str) -> None:
    minutes, without, text, tentative, untimed = TOTALS[code]
    sop = load_sop(code)
    assert sop.total == (minutes, without)
    assert sop.total_text == text
    assert sop.tentative_steps == tentative
    assert sop.untimed_steps == untimed


TIME_FRAMES = {
    "AMB-SAMBUTAN": ("1 hari", DurationKind.DAYS, 1),
    "AMB-ACARA": ("1 hari", DurationKind.DAYS, 1),
    "AMB-PENGADUAN": ("5 Hari kerja", DurationKind.WORKING_DAYS, 5),
    "LMJ-KOORDINASI": ("3 Hari kerja", DurationKind.WORKING_DAYS, 3),
    "MDN-BIMTEK": ("", DurationKind.NONE, 0),
    "TNG-KUNJUNGAN": ("", DurationKind.NONE, 0),
}


@pytest.mark.parametrize("code", sorted(TIME_FRAMES))
def test_time_frames(code: str) -> None:
    text, kind, amount = TIME_FRAMES[code]
    standard = load_sop(code).standard
    assert standard.jangka_waktu == text
    assert standard.time_frame.kind is kind
    assert standard.time_frame.amount == Fraction(amount)


# ---------------------------------------------------------------------------------------------
# Kota Ambon: Sambutan Walikota


def test_ambon_sambutan_steps() -> None:
    sop = load_sop("AMB-SAMBUTAN")
    assert sop.name == "Sambutan Walikota Ambon"
    assert sop.executors == ("KABAG", "KASUBBAG", "STAF")
    check_steps(
        sop,
        [
            (
                1,
                "Menerima disposisi surat masuk dari Bapak Walikota Ambon",
                "KABAG",
                MULAI,
                ("Agenda Pimpinan",),
                "5 menit",
                "Disposisi",
            ),
            (
                2,
                "Memberikan disposisi kepada anggota tim/Kasubbag",
                "KABAG",
                PROSES,
                ("Jadwal Petugas",),
                "15 menit",
                "Disposisi",
            ),
            (
                3,
                "Menerima disposisi dan membuat sambutan",
                "STAF",
                PROSES,
                ("Materi sambutan",),
                "5 jam",
                "Konsep sambutan",
            ),
            (
                4,
                "Mencetak sambutan yang sudah selesai dikerjakan",
                "STAF",
                PROSES,
                ("Komputer", "Printer"),
                "10 menit",
                "Draft sambutan",
            ),
            (
                5,
                "Menyerahkan sambutan kepada Ketua Tim Sambutan/Kabag",
                "KASUBBAG",
                PROSES,
                ("Laporan",),
                "10 menit",
                "Draft sambutan",
            ),
            (
                6,
                "Mengkoreksi sambutan dan membubuhkan paraf",
                "KABAG",
                PROSES,
                ("Materi sambutan",),
                "1 jam",
                "Draft sambutan",
            ),
            (7, "Menyerahkan sambutan kepada Pimpinan", "KABAG", PROSES, ("Laporan",), "15 menit", "Draft sambutan"),
            (
                8,
                "Apabila ada koreksi dari Pimpinan, dikembalikan ke Tim Sambutan untuk diperbaiki",
                "STAF",
                KEPUTUSAN,
                ("Materi sambutan", "Agenda Pimpinan"),
                "1 jam",
                "Sambutan",
            ),
        ],
    )
    assert [s.number for s in sop.steps if s.decision] == [8]
    assert sop.step(8).decision == Decision(question="Ada koreksi dari Pimpinan?", yes=3, no=None)
    assert sop.next_step(8, True) == 3
    assert sop.next_step(8, False) is None
    assert sop.next_step(2) == 3
    assert sop.loop_targets() == {(8, 3)}


def test_ambon_sambutan_standard() -> None:
    sop = load_sop("AMB-SAMBUTAN")
    standard = sop.standard
    assert standard.persyaratan == (
        Requirement("Surat masuk tentang mohon kesediaan Bapak Walikota Ambon untuk memberikan sambutan", True),
        Requirement("Materi sambutan dari penyelenggara kegiatan", True),
        Requirement("Nomor kontak penyelenggara kegiatan yang aktif dan dapat dihubungi", True),
    )
    assert standard.produk == ("Sambutan Walikota Ambon",)
    assert standard.jangka_waktu == "1 hari"
    assert standard.biaya == "Gratis"
    assert standard.prosedur == (
        "Surat masuk tentang mohon kesediaan Bapak Walikota Ambon untuk memberikan sambutan melalui Bagian Tata "
        "Usaha Pimpinan",
        "Surat masuk didisposisi oleh Bapak Walikota Ambon kepada Tim Sambutan Pemerintah Kota Ambon",
        "Ketua Tim Sambutan memberikan disposisi kepada anggota tim",
        "Anggota tim yang ditunjuk membuat sambutan, mencetak dan menyerahkannya kepada Ketua Tim Sambutan",
        "Ketua Tim Sambutan mengkoreksi, membubuhkan paraf, kemudian diserahkan kepada Pimpinan",
        "Apabila ada koreksi dari Pimpinan, dikembalikan ke Tim Sambutan untuk diperbaiki",
    )
    assert "AMB-PENGADUAN" in standard.pengaduan  # the office's addition, pointing at its complaint SOP
    assert standard.notes
    assert sop.identity.organisation == (
        "PEMERINTAH KOTA AMBON",
        "SEKRETARIAT DAERAH",
        "BAGIAN PROTOKOL DAN KOMUNIKASI PIMPINAN",
    )
    assert sop.identity.nomor == ""  # the document carries no nomor, dates or pengesahan
    assert sop.identity.tanggal_pengesahan == ""


# ---------------------------------------------------------------------------------------------
# Kota Ambon: Pengaturan Acara


def test_ambon_acara_steps() -> None:
    sop = load_sop("AMB-ACARA")
    assert sop.name == "Pengaturan Acara"
    assert sop.executors == ("KABAG", "KASUBBAG", "PELAKSANA")
    check_steps(
        sop,
        [
            (
                1,
                "Menerima laporan dari Sekpri Pimpinan terkait surat masuk/undangan kepada Pimpinan",
                "KABAG",
                MULAI,
                ("Agenda Pimpinan",),
                "5 menit",
                "Laporan",
            ),
            (
                2,
                "Menerima arahan dari Kabag untuk koordinasi lanjut dengan penyelenggara kegiatan",
                "KASUBBAG",
                PROSES,
                ("Jadwal Petugas",),
                "10 menit",
                "Arahan",
            ),
            (
                3,
                "Koordinasi susunan acara dengan penyelenggara kegiatan",
                "PELAKSANA",
                PROSES,
                ("Materi acara",),
                "45 menit",
                "Konsep acara",
            ),
            (
                4,
                "Menerima arahan dari Kasubbag untuk gladi kegiatan",
                "PELAKSANA",
                PROSES,
                ("Susunan acara", "Petugas"),
                "10 menit",
                "Draft acara",
            ),
            (5, "Menerima laporan hasil gladi kegiatan", "KASUBBAG", PROSES, ("Laporan",), "5 menit", "Draft acara"),
            (
                6,
                "Menerima laporan hasil gladi kegiatan dan memberikan masukan",
                "KABAG",
                PROSES,
                ("Materi acara",),
                "30 menit",
                "Draft acara",
            ),
            (
                7,
                "Mengecek kembali seluruh persiapan sebelum acara dimulai",
                "PELAKSANA",
                PROSES,
                ("Laporan",),
                "15 menit",
                "Draft acara",
            ),
            (8, "Pelaksanaan acara", "PELAKSANA", SELESAI, ("Materi acara", "Agenda Pimpinan"), "tentatif", "Acara"),
        ],
    )
    assert sop.step(8).duration.kind is DurationKind.TENTATIVE
    assert not any(step.decision for step in sop.steps)
    assert sop.loop_targets() == set()
    assert sop.next_step(8) is None


def test_ambon_acara_standard() -> None:
    standard = load_sop("AMB-ACARA").standard
    assert standard.persyaratan == (
        Requirement("Surat masuk tentang mohon kesediaan Bapak Walikota Ambon untuk menghadiri kegiatan", True),
        Requirement("Susunan acara, kalau ada", False),
        Requirement("Nomor kontak penyelenggara kegiatan yang aktif dan dapat dihubungi", True),
    )
    assert standard.produk == ("Pengaturan acara",)
    assert standard.jangka_waktu == "1 hari"
    assert standard.biaya == "Gratis"
    assert standard.prosedur == (
        "Undangan/surat masuk tentang mohon kesediaan Bapak Walikota Ambon untuk menghadiri kegiatan melalui "
        "Bagian Tata Usaha Pimpinan",
        "Penyelenggara kegiatan setelah menyampaikan undangan/surat, WAJIB berkoordinasi langsung ke Bagian "
        "Komunikasi Pimpinan dan Protokol",
        "Petugas dan susunan acara dikoordinasikan secara bersama sesuai aturan yang berlaku",
        "Petugas dari Bagian KPP bersama penyelenggara kegiatan bersama-sama ke lokasi kegiatan 1 hari sebelum "
        "kegiatan dimulai (paling terlambat 1 jam",
        "Petugas dari Bagian Komunikasi Pimpinan dan Keprotokolan mengecek kembali seluruh persiapan sebelum acara "
        "dimulai",
        "Pelaksanaan acara",
    )
    assert any("paling terlambat 1 jam" in note for note in standard.notes)  # the cut-off is recorded
    assert "AMB-PENGADUAN" in standard.pengaduan


# ---------------------------------------------------------------------------------------------
# Kota Ambon: Prosedur Pengaduan (the document gives only the title; the body is the office's)


def test_ambon_pengaduan_is_written_by_the_office() -> None:
    sop = load_sop("AMB-PENGADUAN")
    assert sop.name == "Prosedur Pengaduan Bagian Protokol dan Komunikasi Pimpinan"
    assert sop.source.kind == "disusun_kantor"
    assert "judul" in sop.source.note
    assert sop.executors == ("KABAG", "KASUBBAG", "STAF")
    assert [step.executor for step in sop.steps] == ["STAF", "KASUBBAG", "KABAG", "STAF", "KASUBBAG", "KABAG", "STAF"]
    assert [step.kinds for step in sop.steps] == [MULAI, PROSES, PROSES, PROSES, KEPUTUSAN, PROSES, SELESAI]
    for channel in ("langsung", "telepon", "surat", "WhatsApp", "email", "kotak saran"):
        assert channel in sop.steps[0].uraian
    assert sop.step(5).decision == Decision(question="Tanggapan perlu diperbaiki?", yes=4, no=6)
    assert sop.next_step(5, True) == 4
    assert sop.next_step(5, False) == 6
    assert sop.loop_targets() == {(5, 4)}
    assert sop.step(4).waktu == "4 jam"
    assert all(step.duration.kind is DurationKind.MINUTES for step in sop.steps)
    assert sop.standard.jangka_waktu == "5 Hari kerja"
    assert sop.standard.biaya == "Gratis"


# ---------------------------------------------------------------------------------------------
# Kabupaten Lumajang: Koordinasi kegiatan kedinasan pimpinan daerah

SIGNED = "hasil SOP yg sdh ditandatangani"


def test_lumajang_steps() -> None:
    sop = load_sop("LMJ-KOORDINASI")
    assert sop.name == "Koordinasi kegiatan kedinasan pimpinan daerah"
    assert sop.executors == ("Kabag", "Kasubag", "Staf")
    check_steps(
        sop,
        [
            (
                1,
                "Perintah / Disposisi Surat dari kabag baik dari jadwal kegiatan Bupati dan Wakil Bupati maupun "
                "Surat Undangan dari OPD",
                "Kabag",
                MULAI,
                ("Surat / jadwal kegiatan bupati dan Wakil Bupati",),
                "5 menit",
                "Disposisi Surat Perintah Kabag",
            ),
            (
                2,
                "Rapat koordinasi leading sektor dengan Kasubag Protokol yang mengikutsertakan staf protokol terkait "
                "persiapan acara",
                "Kasubag",
                PROSES,
                ("data",),
                "1 jam",
                "Konsep",
            ),
            (
                3,
                "a. cek lokasi terkait tempat kegiatan berdasarkan Standar Protokol; b. Pembuatan SOP Protokol",
                "Staf",
                PROSES,
                ("data",),
                "4 Jam",
                "Perinjauan Lokasi dan Konsep pembuatan SOP",
            ),
            (
                4,
                "Koreksi awal SOP Protokol oleh kasubag protokol dan langsung diserahkan ke kabag",
                "Kasubag",
                PROSES,
                ("data",),
                "10 menit",
                "Konsep SOP",
            ),
            (
                5,
                "Koreksi dan Revisi SOP Protokol oleh kabag",
                "Kabag",
                KEPUTUSAN,
                ("Laporan dan SOP Protokol",),
                "15 menit",
                "Konsep SOP",
            ),
            (
                6,
                "kasubag menerima hasil koreksi kemudian menyerahkan kepada staf yg menangani",
                "Kasubag",
                PROSES,
                ("Konsep SOP",),
                "5 menit",
                "SOP hasil koreksi",
            ),
            (7, "Penyelesaian SOP", "Staf", PROSES, ("SOP hasil koreksi",), "15 menit", "SOP"),
            (
                8,
                "SOP yang sudah dikoreksi Kabag diparaf oleh kasubag protokol",
                "Kasubag",
                PROSES,
                ("SOP",),
                "5 menit",
                "SOP",
            ),
            (9, "Tanda Tangan SOP", "Kabag", PROSES, ("hasil SOP yg benar",), "10 menit", "hasil SOP yg benar"),
            (
                10,
                "Kabag menyerahkan SOP yang sudah ditandatangani kepada kasubag protokol",
                "Kabag",
                PROSES,
                (SIGNED,),
                "3 menit",
                SIGNED,
            ),
            (
                11,
                "Distribusi SOP Protokol ke petugas protokol, setelah itu distribusi SOP Protokol ke Ajudan Bupati dan "
                "Wakil Bupati",
                "Kasubag",
                SELESAI,
                (SIGNED,),
                "10 menit",
                SIGNED,
            ),
        ],
    )
    assert "sektordengan" in sop.step(2).note  # the extraction artefact that was corrected is recorded
    assert sop.step(9).keterangan == "Daftar prosedur dokumen: Tanda Tangan SOP oleh Kabag Rumah Tangga dan Protokol"
    assert [s.number for s in sop.steps if s.decision] == [5]
    assert sop.step(5).decision == Decision(question="Ada koreksi/revisi dari Kabag?", yes=6, no=8)
    assert sop.next_step(5, True) == 6
    assert sop.next_step(5, False) == 8
    assert sop.next_step(7) == 8  # after the correction the flow simply continues
    assert sop.next_step(11) is None
    assert sop.loop_targets() == set()


def test_lumajang_standard_and_identity() -> None:
    sop = load_sop("LMJ-KOORDINASI")
    standard = sop.standard
    assert standard.persyaratan == (
        Requirement("Membawa surat undangan untuk pimpinan daerah", True),
        Requirement("Membawa rundown acara", True),
        Requirement("Membawa draft sambutan pimpinan daerah", True),
        Requirement("Membawa surat permohonan bantuan MC dan dirigen (jika perlu)", False),
    )
    assert standard.produk == ("SOP Protokol",)
    assert standard.jangka_waktu == "3 Hari kerja"
    assert standard.biaya == "Tidak dipungut biaya"
    assert standard.prosedur == (
        "Panitia kegiatan mengirim undangan untuk pimpinan daerah melalui Sub Bagian TU Pimpinan",
        "Panitia kegiatan berkoordinasi dengan Sub Bagian Protokol terkait teknis acara",
        "Jika diperlukan, petugas protokol bersama panitia melakukan gladi dan cek lokasi acara",
        "Pada hari pelaksanaan, petugas protokol melayani pendampingan dan penataan acara.",
    )
    assert standard.pengaduan == ""
    assert "Bagian Pengaduan Layanan kosong dalam dokumen." in standard.notes
    assert sop.identity.organisation == ("PEMERINTAH KABUPATEN LUMAJANG", "BAGIAN PROTOKOL DAN TU PIMPINAN")
    assert sop.identity.nomor == ""  # "No. SK :" is empty in the document


# ---------------------------------------------------------------------------------------------
# Kota Madiun: SOP 1.4.3.1 Pelaksanaan Bimbingan Teknis Keprotokolan

UNDANGAN = "Undangan untuk Peserta, Narasumber, dan Kesiapan Teknis Kegiatan"


def test_madiun_steps() -> None:
    sop = load_sop("MDN-BIMTEK")
    assert sop.name == "Pelaksanaan Bimbingan Teknis Keprotokolan"
    assert sop.executors == ("KABAG", "KASUBAG", "JFU")
    check_steps(
        sop,
        [
            (
                1,
                "Memerintahkan kasubag untuk mempersiapkan Bimtek Keprotokolan sesuai jadwal kepegawaian dan "
                "melakukan rapat internal.",
                "KABAG",
                MULAI,
                ("Jadwal Kegiatan",),
                "1 jam",
                "Jadwal Kegiatan dan Arahannya",
            ),
            (
                2,
                "Melaksanakan rapat internal bersama kasubag dan JFU, melakukan koordinasi dengan narasumber dan "
                "memerintahkan JFU untuk mempersiapkan administrasi dan teknis Bimtek Keprotokolan.",
                "KASUBAG",
                PROSES,
                ("Hasil koordinasi & arahan",),
                "120 Menit",
                "Arahan dan jadwal Kegiatan",
            ),
            (
                3,
                "Mempersiapkan administrasi dan teknis Bimtek Keprotokolan serta melaporkan hasilnya ke kasubag",
                "JFU",
                PROSES,
                ("Arahan dan Jadwal Kegiatan",),
                "120 Menit",
                UNDANGAN,
            ),
            (
                4,
                "Menerima laporan kesiapan administrasi dan teknis Bimtek Keprotokolan serta melaporkan ke kabag.",
                "KASUBAG",
                PROSES,
                (UNDANGAN,),
                "240 Menit",
                "Notulen, Penyuluhan Hukum",
            ),
            (
                5,
                "Menerima laporan dari kasubag dan melaksanakan Bimtek Keprotokolan bersama serta memerintahkan "
                "kasubag untuk membuat laporan akhir pelaksanaannya",
                "KABAG",
                PROSES,
                ("Notulen Penyuluhan Hukum",),
                "60 Menit",
                "Laporan Penyuluhan Hukum",
            ),
            (
                6,
                "Menyusun laporan hasil pelaksanaan Bimtek Keprotokolan",
                "KASUBAG",
                SELESAI,
                ("Pelaksanaan acara, dokumentasi",),
                "1 jam",
                "Laporan",
            ),
        ],
    )
    assert sop.step(3).keterangan == "SOP Administrasi dan Surat keluar"
    assert "Penyuluhan Hukum" in sop.step(4).note  # the slip is kept and noted
    assert not any(step.decision for step in sop.steps)
    assert sop.loop_targets() == set()


def test_madiun_identity() -> None:
    sop = load_sop("MDN-BIMTEK")
    ident = sop.identity
    assert ident.organisation == ("PEMERINTAH KOTA MADIUN", "SEKRETARIAT DAERAH")
    assert ident.nomor == "1.4.3.1"
    assert ident.tanggal_pembuatan == "30 Agustus 2022"
    assert ident.tanggal_revisi == "-"
    assert ident.tanggal_pengesahan == "30 Agustus 2022"
    assert ident.disahkan_oleh.jabatan == "Sekretaris Daerah"
    assert ident.disahkan_oleh.nama == "Ir. SOEKO DWI HANDIARTO, MT"
    assert ident.disahkan_oleh.pangkat == "Pembina Utama Madya"
    assert ident.disahkan_oleh.nip == "19670416 199303 1 015"
    assert len(ident.dasar_hukum) == 3
    assert ident.dasar_hukum[0] == "Undang-undang Nomor 9 Tahun 200 tentang Keprotokolan"  # as written; 2010 meant
    assert ident.dasar_hukum[1] == (
        "Undang-undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah terakhir dengan "
        "Undang-undang Nomor 9 Tahun 2015"
    )
    assert ident.dasar_hukum[2].startswith("Peraturan Walikota Nomor 4 Tahun 2020 tentang Kedudukan")
    assert ident.dasar_hukum[2].endswith("Peraturan Walikota Madiun Nomor 61 Tahun 2021")
    assert any("2010" in note for note in sop.notes)
    assert ident.kualifikasi_pelaksana == ("SMA",)
    assert ident.keterkaitan == ("SOP Administrasi Surat Keluar", "SOP Administrasi Surat Masuk")
    assert ident.peralatan == ("Lembar Disposisi", "ATK", "Komputer/Laptop", "Telepon", "Peraturan Perundang-Undangan")
    assert ident.peringatan == ("Jika SOP ini tidak dilaksanakan akan mengakibatkan tidak lancarnya kegiatan",)
    assert ident.pencatatan == ()
    assert sop.standard.jangka_waktu == ""
    assert sop.standard.persyaratan == ()
    assert sop.standard.notes  # says the seed has no Standar Pelayanan


# ---------------------------------------------------------------------------------------------
# Kota Tangerang: Mekanisme Pelayanan Kunjungan Tamu dari Luar Daerah

TANGERANG_COLUMNS = (
    "PPTK & Staff Umum",
    "Bendahara Pengeluaran",
    "Subag Umum & Kepegawaian",
    "PPK / Kasubag Keuangan",
    "Sekretaris SKPD",
    "Kepala SKPD",
)


def test_tangerang_steps() -> None:
    sop = load_sop("TNG-KUNJUNGAN")
    assert sop.name == "Mekanisme Pelayanan Kunjungan Tamu dari Luar Daerah"
    assert any("RELAYANAN" in note for note in sop.notes)
    assert sop.executors == TANGERANG_COLUMNS
    check_steps(
        sop,
        [
            (
                1,
                "Menerima tamu/surat permohonan kunjungan ke Dinas Koperasi dan UKM Kota Tangerang",
                "Subag Umum & Kepegawaian",
                MULAI,
                ("Surat pemberitahuan kunjungan & lembar disposisi",),
                "2 Jam",
                "Surat tercatat",
            ),
            (
                2,
                "Perintah untuk mempersiapkan",
                "Kepala SKPD",
                PROSES,
                ("Disposisi surat",),
                "1 Jam",
                "Tempat, perlengkapan, tempat, panitia dan jamuan tamu yang disiapkan",
            ),
            (
                3,
                "Membuat daftar hadir dan notulen",
                "PPTK & Staff Umum",
                PROSES,
                ("Surat rencana kunjungan",),
                "20 Menit",
                "Format daftar hadir dan notulen",
            ),
            (4, "Membuat Dokumentasi (Foto)", "PPTK & Staff Umum", PROSES, ("Kamera",), "20 Menit", "Foto Dokumentasi"),
            (5, "Arsip", "Subag Umum & Kepegawaian", SELESAI, (), "", ""),
        ],
    )
    assert sop.step(5).duration.kind is DurationKind.NONE
    assert sop.total == (220, 1)
    assert sop.total_text == "3 Jam 40 Menit"  # the document's JUMLAH row
    assert not any(step.decision for step in sop.steps)


def test_tangerang_identity() -> None:
    sop = load_sop("TNG-KUNJUNGAN")
    ident = sop.identity
    assert ident.organisation == (
        "PEMERINTAH KOTA TANGERANG",
        "INSPEKTORAT KOTA TANGERANG",
        "BAGIAN UMUM DAN KEPEGAWAIAN",
    )
    assert ident.nomor == "100/Kep.14-Setresamkot/2018"
    assert ident.tanggal_pembuatan == "Januari 2018"
    assert ident.tanggal_revisi == ""
    assert ident.tanggal_efektif == ""
    assert ident.disahkan_oleh.nama == ""
    assert ident.dasar_hukum == (
        "Peraturan Walikota Nomor 73 Tahun 2016 tentang Susunan Organisasi Tugas, Fungsi serta Tata Kerja Dinas "
        "Koperasi dan UKM",
        "Aturan Keprotokolan",
    )
    assert ident.kualifikasi_pelaksana == ("D3 / S1 semua Jurusan",)
    assert ident.keterkaitan == ()
    assert ident.peralatan == (
        "ATK",
        "Komputer",
        "Buku Tamu/ Daftar Hadir",
        "Kamera",
        "Proyektor",
        "Sound System",
        "Perlengkapan untuk jamuan makan dan minum",
        "Data/bahan yang diperlukan tamu",
    )
    assert ident.peringatan == ("SOP harus selalu diterapkan agar pelayanan prima dapat diterima oleh tamu",)
    assert ident.pencatatan == (
        "Surat dan jadwal kunjungan",
        "Disposisi surat",
        "Pesanan jamuan",
        "MC",
        "Dokumentasi",
    )
    assert any("Dinas Koperasi" in note for note in sop.notes)  # the header/step mismatch is recorded
    assert sop.standard.jangka_waktu == ""
    assert sop.standard.notes


# ---------------------------------------------------------------------------------------------
# Office profiles


OFFICES = {
    "ambon": ("Kota Ambon", "Pemerintah Kota Ambon", "Bagian Protokol dan Komunikasi Pimpinan", "WIT"),
    "lumajang": ("Kabupaten Lumajang", "Pemerintah Kabupaten Lumajang", "Bagian Protokol dan TU Pimpinan", "WIB"),
    "madiun": ("Kota Madiun", "Pemerintah Kota Madiun", "Bagian Protokol dan Komunikasi Pimpinan", "WIB"),
    "tangerang": ("Kota Tangerang", "Pemerintah Kota Tangerang", "Bagian Umum dan Kepegawaian", "WIB"),
}


@pytest.mark.parametrize("code", sorted(OFFICES))
def test_office_profiles_load(code: str) -> None:
    name, organisation, unit, timezone = OFFICES[code]
    office = load_office(code)
    assert office.code == code
    assert office.name == name
    assert office.organisation == organisation
    assert office.unit == unit
    assert office.timezone == timezone
    assert office.complaint_days == 5
    assert office.zone is not None
    ranks = [role.rank for role in office.ranked_roles]
    assert ranks == list(range(1, len(ranks) + 1))


def test_office_details() -> None:
    ambon = load_office("ambon")
    assert ambon.parent == "Sekretariat Daerah"
    assert ambon.leaders == ("Walikota", "Wakil Walikota", "Sekretaris Daerah")
    assert [(r.name, r.rank) for r in ambon.ranked_roles] == [("Kabag", 1), ("Kasubbag", 2), ("Staf", 3)]
    assert ambon.role_for("Ketua Tim Sambutan").name == "Kabag"
    lumajang = load_office("lumajang")
    assert lumajang.address == "Jalan Alun-Alun Utara 7 Lumajang 67316"
    assert lumajang.phone == "(0334) 881009"
    assert lumajang.web == "https://lumajangkab.go.id/"
    assert lumajang.leaders == ("Bupati", "Wakil Bupati", "Sekretaris Daerah")
    assert lumajang.role_for("Kasubag").name == "Kasubbag"
    madiun = load_office("madiun")
    assert madiun.parent == "Sekretariat Daerah"
    assert madiun.role_for("JFU").name == "Staf"
    tangerang = load_office("tangerang")
    assert tangerang.leaders == ("Walikota", "Wakil Walikota", "Sekretaris Daerah")
    assert [(r.name, r.rank) for r in tangerang.ranked_roles] == [
        ("Kepala SKPD", 1),
        ("Sekretaris SKPD", 2),
        ("PPK / Kasubag Keuangan", 3),
        ("Subag Umum & Kepegawaian", 4),
        ("Bendahara Pengeluaran", 5),
        ("PPTK & Staff Umum", 6),
    ]
    assert tangerang.role_for("Staf").name == "PPTK & Staff Umum"


@pytest.mark.parametrize("code", sorted(SEED_CODES))
def test_every_executor_maps_to_a_role_of_its_office(code: str) -> None:
    sop = load_sop(code)
    office = load_office(sop.office)
    for executor in sop.executors:
        assert office.role_for(executor) is not None, executor
    if code == "TNG-KUNJUNGAN":  # six columns, six roles, one each
        assert sorted(office.role_for(e).name for e in sop.executors) == sorted(r.name for r in office.roles)
