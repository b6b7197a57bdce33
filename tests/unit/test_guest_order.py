"""A guest list typed as a clerk types it, ordered per UU 9/2010 Pasal 11 (with Pasal 11 ayat (2) for
the provincial guest): abbreviations through the alias table, the office's own aliases, guests the
rules do not know placed by the clerk, and the SOP Protokol numbering the seats as the guest list."""

from __future__ import annotations

import pytest

from protokol_desktop.domain import precedence
from protokol_desktop.services import ServiceError, sop_protokol
from protokol_desktop.services import events as ev
from protokol_desktop.services import precedence as aliases
from protokol_desktop.store.models import AuditEntry
from tests.conftest import utc
from tests.unit.test_events import KABAG, STAF, acara  # noqa: F401 - the fixture

NOW = utc(2026, 11, 23, 2)

# As typed at the desk, in the order the invitations came back.
TYPED = [
    "Kasdim 1504/Ambon",
    "Lurah Benteng",
    "Ketua KPUD Kota Ambon",
    "Kepala Kejari Ambon",
    "Anggota Dewan Kota Ambon",
    "Camat Sirimau",
    "Bpk. Walikota Ambon",
    "Kades Hative Besar",
    "Kadis Pendidikan",
    "Wakapolresta Pulau Ambon",
    "Sekcam Nusaniwe",
    "Ketua Dewan",
    "Danramil 1504-01/Sirimau",
    "Kapolsek Sirimau",
    "Staf Ahli Walikota Bidang Hukum",
    "Wakil Gubernur Maluku",
    "Dandim 1504/Ambon",
    "Sekkot Ambon",
    "Asisten I Setkot",
    "Wakil Ketua II DPRD Kota Ambon",
    "Ketua PN Ambon",
    "Kapolresta Pulau Ambon dan Pp. Lease",
    "Ketua MUI Kota Ambon",
    "Wawali",
    "Ketua DPC PDI-P Kota Ambon",
]

# Pasal 11 ayat (2): the provincial guest first; then ayat (1) huruf a to m. Within huruf f the law's
# own order (Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari); Wakapolres and Kasdim, whom the law
# does not list, with the heads of vertical offices (huruf k) before Danramil and Kapolsek, in the
# order typed; Lurah and Kades share huruf m, in the order typed.
EXPECTED = [
    "Wakil Gubernur Maluku",  # Pasal 10 huruf b, jo. Pasal 11 ayat (2)
    "Bpk. Walikota Ambon",  # a
    "Wawali",  # b
    "Ketua Dewan",  # d
    "Wakil Ketua II DPRD Kota Ambon",  # e
    "Sekkot Ambon",  # f
    "Dandim 1504/Ambon",
    "Kapolresta Pulau Ambon dan Pp. Lease",
    "Ketua PN Ambon",
    "Kepala Kejari Ambon",
    "Ketua DPC PDI-P Kota Ambon",  # g
    "Anggota Dewan Kota Ambon",  # h
    "Ketua MUI Kota Ambon",  # i
    "Asisten I Setkot",  # j
    "Kadis Pendidikan",
    "Staf Ahli Walikota Bidang Hukum",
    "Ketua KPUD Kota Ambon",
    "Kasdim 1504/Ambon",  # k
    "Wakapolresta Pulau Ambon",
    "Danramil 1504-01/Sirimau",
    "Kapolsek Sirimau",
    "Camat Sirimau",  # l
    "Sekcam Nusaniwe",
    "Lurah Benteng",  # m
    "Kades Hative Besar",
]


def _titles(request_id: int) -> list[str]:
    return [g.title for g in ev.ordered_guests(request_id)]


def test_a_clerks_guest_list_is_ordered_per_pasal_11(acara):  # noqa: F811
    for title in TYPED:
        ev.add_guest(acara, title, STAF, now=NOW)
    assert _titles(acara) == EXPECTED
    assert all(g.rank.known for g in ev.ordered_guests(acara))


def test_default_aliases_all_mean_recognised_titles():
    defaults = aliases.default_aliases()
    assert len(defaults) >= 30
    for item in defaults:
        assert precedence.classify(item.meaning).known, item


def test_office_alias_places_a_guest_and_is_audited(acara):  # noqa: F811
    ev.add_guest(acara, "Camat Sirimau", STAF, now=NOW)
    ev.add_guest(acara, "Ketua TP PKK Kota Ambon", STAF, now=NOW)
    assert _titles(acara) == ["Camat Sirimau", "Ketua TP PKK Kota Ambon"]  # unknown: after the known
    with pytest.raises(ServiceError, match="tidak dikenali"):
        aliases.add_alias("Ketua TP PKK", "Ketua Panitia", STAF, now=NOW)
    with pytest.raises(ServiceError, match="wajib diisi"):
        aliases.add_alias(" ", "Istri Walikota", STAF, now=NOW)
    assert "Pendamping: Bupati/Walikota" in aliases.preview("Ketua TP PKK", "Istri Walikota")
    # In Ambon the Ketua TP-PKK is the Walikota's wife: Pasal 14, the place beside the Walikota.
    aliases.add_alias("Ketua TP PKK", "Istri Walikota", STAF, now=NOW)
    assert _titles(acara) == ["Ketua TP PKK Kota Ambon", "Camat Sirimau"]
    assert AuditEntry.select().where(AuditEntry.action == "sebutan_jabatan").count() == 1
    row = next(r for r in aliases.alias_rows() if r.alias == "Ketua TP PKK")
    assert not row.builtin and row.group.startswith("Pasal 11 huruf a")
    # The office overrides a default for its own Perda, and removing it brings the default back.
    aliases.add_alias("Kasdim", "Camat", KABAG, now=NOW)
    assert precedence.classify("Kasdim", aliases.alias_table()).letter == "l"
    assert next(r for r in aliases.alias_rows() if r.alias == "Kasdim" and r.builtin).replaced
    aliases.remove_alias("Kasdim", KABAG, now=NOW)
    assert precedence.classify("Kasdim", aliases.alias_table()).letter == "k"
    with pytest.raises(ServiceError, match="bawaan"):
        aliases.remove_alias("Kasdim", KABAG, now=NOW)


def test_unknown_guest_is_placed_by_the_clerk(acara):  # noqa: F811
    for title in ("Walikota Ambon", "Sekda Kota Ambon", "Camat Sirimau", "Lurah Benteng", "Ketua Panitia HUT Kota"):
        ev.add_guest(acara, title, STAF, now=NOW)
    panitia = next(g for g in ev.guests(acara) if g.title.startswith("Ketua Panitia"))
    assert _titles(acara)[-1] == "Ketua Panitia HUT Kota"
    assert ev.move_guest(panitia.id, -1, STAF, now=NOW) == 4  # past the Lurah
    assert ev.move_guest(panitia.id, -1, STAF, now=NOW) == 3  # past the Camat
    assert _titles(acara) == ["Walikota Ambon", "Sekda Kota Ambon", "Ketua Panitia HUT Kota", "Camat Sirimau",
                              "Lurah Benteng"]  # fmt: skip
    moved = next(g for g in ev.guests(acara) if g.id == panitia.id)
    assert moved.placed and moved.rank.letter == "l" and "ditempatkan petugas" in moved.rank.group
    # A recognised guest does not jump over another rank: the law orders them.
    camat = next(g for g in ev.guests(acara) if g.title == "Camat Sirimau")
    assert ev.move_guest(camat.id, -1, STAF, now=NOW) == 3  # one rank (huruf l) with the Ketua Panitia: swap
    with pytest.raises(ServiceError, match="UU 9/2010"):
        ev.move_guest(camat.id, -1, STAF, now=NOW)  # not past the Sekda
    assert _titles(acara).index("Camat Sirimau") == 2
    assert ev.move_guest(camat.id, 1, STAF, now=NOW) == 4
    walikota = next(g for g in ev.guests(acara) if g.title == "Walikota Ambon")
    with pytest.raises(ServiceError, match="teratas"):
        ev.move_guest(walikota.id, -1, STAF, now=NOW)
    # Choosing a rank: the Ketua Panitia at the end of huruf f; and back by the rules.
    huruf_f = next(r for r in precedence.group_choices() if r.tier == precedence.LOCAL and r.letter == "f")
    ev.set_guest_rank(panitia.id, precedence.rank_key_text(huruf_f), STAF, now=NOW)
    assert _titles(acara)[:3] == ["Walikota Ambon", "Sekda Kota Ambon", "Ketua Panitia HUT Kota"]
    ev.set_guest_rank(panitia.id, "", STAF, now=NOW)
    assert _titles(acara)[-1] == "Ketua Panitia HUT Kota"
    with pytest.raises(ServiceError, match="Golongan"):
        ev.set_guest_rank(panitia.id, "9:9:9", STAF, now=NOW)


def test_sop_protokol_seat_numbers_match_the_guest_list(acara):  # noqa: F811
    for title in ("Kepala Dinas Pendidikan", "Walikota Ambon", "Sekda Kota Ambon", "Camat Sirimau"):
        ev.add_guest(acara, title, STAF, now=NOW)
    ev.set_host(acara, "Kepala Dinas Pendidikan", STAF, now=NOW)  # the host is on the list
    numbered = ev.numbered_guests(acara)
    assert [(n, g.title) for n, g in numbered] == [
        (1, "Walikota Ambon"), (2, "Sekda Kota Ambon"), (0, "Kepala Dinas Pendidikan"), (3, "Camat Sirimau"),
    ]  # fmt: skip
    content = sop_protokol.build_content(acara, 1, KABAG, NOW)
    order = {g["title"]: g["number"] for g in content["seating"]["order"]}
    row = {s["title"]: s["label"] for s in content["seating"]["row"]}
    assert row == {"Walikota Ambon": "Nomor 1", "Sekda Kota Ambon": "Nomor 2", "Camat Sirimau": "Nomor 3",
                   "Kepala Dinas Pendidikan": "Tuan rumah"}  # fmt: skip
    for title, label in row.items():
        assert label == ("Tuan rumah" if order[title] == 0 else f"Nomor {order[title]}")


def test_office_order_of_groups_for_its_perda(acara):  # noqa: F811
    for title in ("Ketua MUI Kota Ambon", "Anggota DPRD Kota Ambon", "Walikota Ambon", "Gubernur Maluku"):
        ev.add_guest(acara, title, STAF, now=NOW)
    assert _titles(acara) == ["Gubernur Maluku", "Walikota Ambon", "Anggota DPRD Kota Ambon", "Ketua MUI Kota Ambon"]
    huruf_i = next(r.key for r in aliases.group_order_rows() if r.label.startswith("Pasal 11 huruf i"))
    with pytest.raises(ServiceError, match="Kabag"):
        aliases.move_group(huruf_i, -1, STAF, now=NOW)
    aliases.move_group(huruf_i, -1, KABAG, now=NOW)  # the Perda: religious leaders before DPRD members
    assert _titles(acara) == ["Gubernur Maluku", "Walikota Ambon", "Ketua MUI Kota Ambon", "Anggota DPRD Kota Ambon"]
    rows = aliases.group_order_rows()
    assert [r.label[:16] for r in rows if r.moved] == ["Pasal 11 huruf i", "Pasal 11 huruf h"]
    # A local group never passes the provincial ones (Pasal 11 ayat (2)).
    huruf_a = next(r.key for r in rows if r.label.startswith("Pasal 11 huruf a"))
    with pytest.raises(ServiceError, match="ujung"):
        aliases.move_group(huruf_a, -1, KABAG, now=NOW)
    aliases.reset_group_order(KABAG, now=NOW)
    assert _titles(acara)[2:] == ["Anggota DPRD Kota Ambon", "Ketua MUI Kota Ambon"]
    assert not any(r.moved for r in aliases.group_order_rows())
    assert AuditEntry.select().where(AuditEntry.action == "urutan_golongan").count() == 2


def test_order_table_keeps_groups_a_saved_order_lacks():
    law = precedence.OrderTable().groups
    partial = precedence.OrderTable([law[3], law[1]])
    assert sorted(partial.groups) == sorted(law) and len(partial.groups) == len(law)
    assert partial.groups.index(law[3]) < partial.groups.index(law[1])
