"""Tata tempat after UU 9/2010: Pasal 11 ayat (1) for a kabupaten/kota, national and provincial
officials first (ayat (2)), spouses (Pasal 14), representatives by their own office (Pasal 15),
unknown titles last and stable, and the front row with the host beside the highest guest (Pasal 13)."""

from __future__ import annotations

import random

import pytest

from protokol_desktop.domain.precedence import (
    LOCAL,
    NATIONAL,
    PROVINCIAL,
    UNKNOWN,
    Guest,
    classify,
    describe_row,
    order_guests,
    own_office,
    seating_row,
)

# Pasal 11 ayat (1), one office per huruf a-m, in the law's order.
PASAL_11 = [
    "Walikota Ambon",  # a
    "Wakil Walikota Ambon",  # b
    "Mantan Walikota Ambon",  # c
    "Ketua DPRD Kota Ambon",  # d
    "Wakil Ketua DPRD Kota Ambon",  # e
    "Sekretaris Daerah Kota Ambon",  # f
    "Ketua DPC Partai Gerindra Kota Ambon",  # g
    "Anggota DPRD Kota Ambon",  # h
    "Ketua MUI Kota Ambon",  # i
    "Kepala Dinas Pendidikan Kota Ambon",  # j
    "Kepala Kantor Kementerian Agama Kota Ambon",  # k
    "Camat Sirimau",  # l
    "Lurah Batu Meja",  # m
]


def _shuffled(values: list, seed: int) -> list:
    copy = list(values)
    random.Random(seed).shuffle(copy)
    return copy


@pytest.mark.parametrize("seed", range(8))
def test_pasal_11_order_from_any_shuffle(seed):
    assert order_guests(_shuffled(PASAL_11, seed)) == PASAL_11


def test_letters_of_pasal_11():
    assert [classify(t).letter for t in PASAL_11] == list("abcdefghijklm")
    assert all(classify(t).tier == LOCAL for t in PASAL_11)
    assert classify("Sekda").basis == "UU 9/2010 Pasal 11 ayat (1) huruf f"


@pytest.mark.parametrize(
    ("spelling", "letter"),
    [
        ("Dandim 1504/Ambon", "f"),
        ("Komandan Kodim 0821/Lumajang", "f"),
        ("Kapolres Lumajang", "f"),
        ("Kapolresta Pulau Ambon dan Pulau-Pulau Lease", "f"),
        ("Kepala Kepolisian Resor Lumajang", "f"),
        ("Kajari Ambon", "f"),
        ("Kepala Kejaksaan Negeri Lumajang", "f"),
        ("Ketua Pengadilan Negeri Lumajang", "f"),
        ("Ketua Pengadilan Agama Ambon", "f"),
        ("Sekretaris Kota Ambon", "f"),
        ("Sekda Kabupaten Lumajang", "f"),
        ("Wabup Lumajang", "b"),
        ("Wakil Wali Kota Ambon", "b"),
        ("Wawali", "b"),
        ("Bupati Lumajang", "a"),
        ("Wali Kota Ambon", "a"),
        ("Pj. Bupati Lumajang", "a"),
        ("Plt. Kepala Dinas Kesehatan", "j"),
        ("Kadis Kominfo", "j"),
        ("Kepala Bappeda", "j"),
        ("Asisten Pemerintahan dan Kesra", "j"),
        ("Staf Ahli Bupati Bidang Hukum", "j"),
        ("Ketua KPU Kabupaten Lumajang", "j"),
        ("Kepala BPS Kabupaten Lumajang", "k"),
        ("Danramil 0821-01/Lumajang", "k"),
        ("Kapolsek Sukodono", "k"),
        ("Kabag Protokol dan Komunikasi Pimpinan", "l"),
        ("Kepala Bidang Pendidikan Dasar", "l"),
        ("Raja Negeri Soya", "m"),
        ("Kepala Desa Tempeh", "m"),
        ("Kasubbag Protokol", "m"),
        ("Ketua DPD Partai Golkar Kabupaten Lumajang", "g"),
        ("Ketua Sinode GPM", "i"),
        ("Tokoh Masyarakat", "i"),
    ],
)
def test_common_spellings(spelling, letter):
    rank = classify(spelling)
    assert rank.tier == LOCAL and rank.letter == letter, (spelling, rank)


def test_sub_order_within_huruf_f_follows_the_law():
    shuffled = ["Kajari Ambon", "Ketua Pengadilan Negeri Ambon", "Kapolresta Ambon", "Dandim 1504/Ambon", "Sekda"]
    assert order_guests(shuffled) == [
        "Sekda", "Dandim 1504/Ambon", "Kapolresta Ambon", "Ketua Pengadilan Negeri Ambon", "Kajari Ambon",
    ]  # fmt: skip
    assert classify("Kajari Ambon").same_place(classify("Sekda"))


def test_national_and_provincial_officials_come_first():
    guests = [
        "Kapolres Lumajang",
        "Bupati Lumajang",
        "Kepala Dinas Pendidikan Provinsi Jawa Timur",
        "Wakil Gubernur Jawa Timur",
        "Anggota DPR RI",
        "Ketua DPRD Provinsi Jawa Timur",
        "Menteri Dalam Negeri",
        "Gubernur Jawa Timur",
        "Ketua DPRD Kabupaten Lumajang",
        "Kapolda Jawa Timur",
    ]
    assert order_guests(guests) == [
        "Menteri Dalam Negeri",
        "Gubernur Jawa Timur",
        "Anggota DPR RI",
        "Wakil Gubernur Jawa Timur",
        "Ketua DPRD Provinsi Jawa Timur",
        "Kapolda Jawa Timur",
        "Kepala Dinas Pendidikan Provinsi Jawa Timur",
        "Bupati Lumajang",
        "Ketua DPRD Kabupaten Lumajang",
        "Kapolres Lumajang",
    ]
    assert classify("Gubernur Maluku").tier == NATIONAL
    assert classify("Pangdam XVI/Pattimura").tier == PROVINCIAL
    assert classify("Kajati Maluku").tier == PROVINCIAL


def test_provincial_dprd_is_not_confused_with_the_local_one():
    assert classify("Ketua DPRD Prov. Maluku").tier == PROVINCIAL
    assert classify("Anggota DPRD Provinsi Maluku").letter == "i"
    assert classify("Anggota DPRD Kota Ambon").tier == LOCAL
    assert classify("Anggota DPD RI").tier == NATIONAL
    assert classify("Anggota DPR RI").tier == NATIONAL


def test_representative_takes_their_own_rank_pasal_15():
    guests = [
        "Asisten I mewakili Walikota",
        "Ketua DPRD Kota Ambon",
        "Kabag Ops Polresta (mewakili Kapolresta)",
        "Dandim 1504/Ambon",
    ]
    assert order_guests(guests) == [
        "Ketua DPRD Kota Ambon",
        "Dandim 1504/Ambon",
        "Asisten I mewakili Walikota",
        "Kabag Ops Polresta (mewakili Kapolresta)",
    ]
    assert own_office("Walikota (diwakili oleh Asisten III)") == "Asisten III"
    assert classify("Walikota diwakili Asisten III").letter == "j"
    assert classify("Camat Nusaniwe a.n. Walikota").letter == "l"


def test_guest_objects_with_represents_field():
    asisten = Guest("Drs. A. Latuconsina", "Asisten II Setda", represents="Walikota Ambon")
    kadis = Guest("Ir. B. Pattiasina", "Kepala Dinas PUPR")
    wakil = Guest("H. Ely Toisuta", "Wakil Walikota Ambon")
    sekda = Guest("Agus Ririmasse", "Sekretaris Kota Ambon")
    assert order_guests([kadis, asisten, sekda, wakil]) == [wakil, sekda, asisten, kadis]
    assert order_guests([{"title": "Camat"}, {"jabatan": "Bupati"}]) == [{"jabatan": "Bupati"}, {"title": "Camat"}]


def test_unknown_titles_after_known_ones_and_stable():
    guests = ["Direktur PT Maju Jaya", "Camat Sirimau", "Ketua Panitia", "Walikota Ambon", "Rektor Unpatti"]
    assert order_guests(guests) == [
        "Walikota Ambon", "Camat Sirimau", "Direktur PT Maju Jaya", "Ketua Panitia", "Rektor Unpatti",
    ]  # fmt: skip
    assert classify("Ketua Panitia").tier == UNKNOWN
    assert not classify("Rektor Unpatti").known


def test_equal_ranks_keep_the_given_order():
    guests = ["Anggota DPRD B", "Anggota DPRD A", "Kepala Dinas Sosial", "Anggota DPRD C"]
    assert order_guests(guests) == ["Anggota DPRD B", "Anggota DPRD A", "Anggota DPRD C", "Kepala Dinas Sosial"]


def test_spouse_sits_right_after_the_official_pasal_14():
    guests = ["Wakil Walikota", "Istri Walikota", "Walikota"]
    assert order_guests(guests) == ["Walikota", "Istri Walikota", "Wakil Walikota"]


def test_a_mixed_guest_list():
    guests = [
        "Ketua Pengadilan Agama Lumajang",
        "Camat Lumajang",
        "Kepala Desa Labruk Kidul",
        "Ketua KPU Kabupaten Lumajang",
        "Wakil Ketua DPRD Kabupaten Lumajang",
        "Ketua PCNU Lumajang",
        "Wakil Bupati Lumajang (mewakili Bupati)",
        "Kepala Kantor Pertanahan Kabupaten Lumajang",
        "Anggota DPRD Kabupaten Lumajang",
        "Danramil Lumajang",
        "Kajari Lumajang",
    ]
    assert order_guests(guests) == [
        "Wakil Bupati Lumajang (mewakili Bupati)",
        "Wakil Ketua DPRD Kabupaten Lumajang",
        "Ketua Pengadilan Agama Lumajang",
        "Kajari Lumajang",
        "Anggota DPRD Kabupaten Lumajang",
        "Ketua PCNU Lumajang",
        "Ketua KPU Kabupaten Lumajang",
        "Kepala Kantor Pertanahan Kabupaten Lumajang",
        "Danramil Lumajang",
        "Camat Lumajang",
        "Kepala Desa Labruk Kidul",
    ]


def test_seating_row_puts_the_host_beside_the_highest_guest():
    ordered = order_guests(["Kapolda Maluku", "Gubernur Maluku", "Dandim 1504/Ambon", "Ketua DPRD Kota Ambon"])
    seats = seating_row("Walikota Ambon", ordered)
    # left to right as the audience sees it: 4 · 2 · 1 · host · 3
    assert describe_row(seats) == "4 · 2 · 1 · Tuan rumah · 3"
    assert [s.person for s in seats] == [
        "Dandim 1504/Ambon", "Kapolda Maluku", "Gubernur Maluku", "Walikota Ambon", "Ketua DPRD Kota Ambon",
    ]  # fmt: skip
    assert [s.position for s in seats] == [1, 2, 3, 4, 5]
    highest = next(s for s in seats if s.number == 1)
    host = next(s for s in seats if s.is_host)
    assert host.position == highest.position + 1  # the guest sits at the host's right hand


def test_seating_row_without_host_and_with_host_in_the_list():
    ordered = order_guests(["Camat", "Walikota", "Sekda", "Wakil Walikota"])
    assert describe_row(seating_row(None, ordered)) == "4 · 2 · 1 · 3"
    seats = seating_row("Walikota", ["Walikota", "Sekda"])
    assert [s.person for s in seats] == ["Sekda", "Walikota"]
    assert seating_row(None, []) == []


@pytest.mark.parametrize(
    ("title", "tier", "letter"),
    [
        ("Wakil Ketua I DPRD Kabupaten Lumajang", LOCAL, "e"),
        ("Wakil Ketua II DPRD Provinsi Jawa Timur", PROVINCIAL, "f"),
        ("Ketua Komisi B DPRD Kabupaten Lumajang", LOCAL, "h"),
        ("Anggota Komisi A DPRD Kota Ambon", LOCAL, "h"),
        ("Sekretaris DPRD", LOCAL, "j"),
        ("Ketua PD Muhammadiyah Lumajang", LOCAL, "i"),
        ("Ketua MUI Provinsi Maluku", PROVINCIAL, "l"),
        ("H. Thoriqul Haq, Bupati Lumajang", LOCAL, "a"),
        ("Kepala Puskesmas Rijali", LOCAL, "m"),
    ],
)
def test_more_spellings(title, tier, letter):
    rank = classify(title)
    assert (rank.tier, rank.letter) == (tier, letter), title


def test_alias_table_replaces_whole_words_longest_first_once():
    from protokol_desktop.domain.precedence import Alias, AliasTable, classify

    table = AliasTable(
        [Alias("Ketua Dewan", "Ketua DPRD"), Alias("Wakil Ketua Dewan", "Wakil Ketua DPRD"), Alias("Dewan", "Camat")]
    )
    assert classify("Wakil Ketua Dewan", table).letter == "e"  # the longer alias wins
    assert classify("Ketua Dewan Kota Ambon", table).letter == "d"
    assert classify("Dewan", table).letter == "l"
    assert classify("Dewanto, Camat", table).letter == "l"  # whole words only: "Dewanto" is a name
    assert not classify("Ketua Dewan").known  # without the table
    # The office's alias (later in the list) overrides a default with the same spelling.
    own = AliasTable([Alias("Kasdim", "Kepala Staf Kodim", builtin=True), Alias("kasdim.", "Camat")])
    assert classify("Kasdim 1504", own).letter == "l"
