"""The Tata Tempat page on real widgets: a clerk types guests, adds an alias in the Sebutan Jabatan
dialog and the guest moves to its place; an unknown guest is moved up with the Naik button and given
a rank with the Golongan choice; the item models through qtmodeltester."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from protokol_desktop.services import requests as rs
from protokol_desktop.ui.dialogs.precedence_aliases import AliasDialog
from tests.gui.test_events_ui import STAF, ZONE_WIT, _acara, _context


def _titles(tab) -> list[str]:
    return [r.values[1] for r in tab.guest_model.rows()]


def _select(qtbot, tab, title: str) -> None:
    row = _titles(tab).index(title)
    tab.guest_table.selectRow(row)
    assert tab.guest_table.selectionModel().selectedRows()[0].row() == row


def test_alias_dialog_and_moves_place_the_guests(store, qtbot, dialogs, monkeypatch, qtmodeltester):
    from protokol_desktop.ui.events.event_tab import EventTab

    now = datetime.now(UTC)
    soon = (now + timedelta(days=2)).astimezone(ZONE_WIT).date()
    request_id = rs.register_request(
        _acara(tanggal_surat=soon - timedelta(days=5), received_at=now - timedelta(hours=2), event_date=soon), STAF
    )
    tab = EventTab(request_id, _context(store, dialogs, "Maria", "Staf"))
    qtbot.addWidget(tab)
    tab.pages.setCurrentIndex(3)
    for title in ("Lurah Benteng", "Kepala Kejari Ambon", "Ketua TP PKK Kota Ambon", "Walikota Ambon", "Wakapolres"):
        qtbot.keyClicks(tab.guest_title, title)
        with qtbot.waitSignal(tab.changed):
            qtbot.mouseClick(tab.add_guest_button, Qt.MouseButton.LeftButton)
    # The shipped aliases: Kepala Kejari = Kajari (huruf f), Wakapolres with the vertical heads (huruf k).
    assert _titles(tab) == [
        "Walikota Ambon", "Kepala Kejari Ambon", "Wakapolres", "Lurah Benteng", "Ketua TP PKK Kota Ambon",
    ]  # fmt: skip
    qtmodeltester.check(tab.guest_model)

    seen = {}

    def fake_exec(dialog: AliasDialog) -> int:
        qtmodeltester.check(dialog.model)
        seen["defaults"] = dialog.model.rowCount()
        qtbot.keyClicks(dialog.alias, "Ketua TP PKK")
        qtbot.keyClicks(dialog.meaning, "Istri Walikota")
        seen["preview"] = dialog.preview_label.text()
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        seen["rows"] = [r.values for r in dialog.model.rows()]
        qtbot.keyClicks(dialog.alias, "Ketua Panitia")
        qtbot.keyClicks(dialog.meaning, "Ketua Panitia Pelaksana")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # not a recognised title: refused
        return 0

    monkeypatch.setattr(AliasDialog, "exec", fake_exec)
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.aliases_button, Qt.MouseButton.LeftButton)
    assert seen["defaults"] >= 30
    assert "Pendamping: Bupati/Walikota" in seen["preview"]
    assert seen["rows"][0] == ("Ketua TP PKK", "Istri Walikota", "Pasal 11 huruf a: Pendamping: Bupati/Walikota",
                               "kantor")  # fmt: skip
    assert dialogs.errors[-1][0] == "Sebutan tidak ditambah" and "tidak dikenali" in dialogs.errors[-1][1]
    # The Ketua TP-PKK moved from after the Lurah to beside the Walikota (Pasal 14).
    assert _titles(tab)[:2] == ["Walikota Ambon", "Ketua TP PKK Kota Ambon"]

    # A guest the rules do not know: moved up with Naik, past the Lurah, then given a rank.
    qtbot.keyClicks(tab.guest_title, "Ketua Panitia HUT Kota")
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.add_guest_button, Qt.MouseButton.LeftButton)
    assert _titles(tab)[-1] == "Ketua Panitia HUT Kota"
    _select(qtbot, tab, "Ketua Panitia HUT Kota")
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.guest_up_button, Qt.MouseButton.LeftButton)
    assert _titles(tab)[-2:] == ["Ketua Panitia HUT Kota", "Lurah Benteng"]
    assert tab.guest_model.rows()[-2].values[4].endswith("(ditempatkan petugas)")
    # The selection stays on the moved guest: Turun takes it back down.
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.guest_down_button, Qt.MouseButton.LeftButton)
    assert _titles(tab)[-1] == "Ketua Panitia HUT Kota"
    # A recognised guest is not moved across ranks: the refusal says why.
    _select(qtbot, tab, "Lurah Benteng")
    qtbot.mouseClick(tab.guest_up_button, Qt.MouseButton.LeftButton)
    assert dialogs.errors[-1][0] == "Tamu tidak dipindah" and "UU 9/2010" in dialogs.errors[-1][1]
    # Golongan: the Ketua Panitia with the kepala bagian and camat (huruf l).
    _select(qtbot, tab, "Ketua Panitia HUT Kota")
    tab.guest_rank.setCurrentIndex(tab.guest_rank.findText("Pasal 11 huruf l", Qt.MatchFlag.MatchStartsWith))
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.guest_rank_button, Qt.MouseButton.LeftButton)
    assert _titles(tab)[-2:] == ["Ketua Panitia HUT Kota", "Lurah Benteng"]
    assert [r.values[0] for r in tab.guest_model.rows()] == [1, 2, 3, 4, 5, 6]


def test_group_order_dialog_follows_the_offices_perda(store, qtbot, dialogs, monkeypatch, qtmodeltester):
    from protokol_desktop.ui.dialogs.precedence_aliases import GroupOrderDialog
    from protokol_desktop.ui.events.event_tab import EventTab

    now = datetime.now(UTC)
    soon = (now + timedelta(days=2)).astimezone(ZONE_WIT).date()
    request_id = rs.register_request(
        _acara(tanggal_surat=soon - timedelta(days=5), received_at=now - timedelta(hours=2), event_date=soon), STAF
    )
    tab = EventTab(request_id, _context(store, dialogs))  # the Kabag
    qtbot.addWidget(tab)
    for title in ("Ketua MUI Kota Ambon", "Anggota Dewan"):
        qtbot.keyClicks(tab.guest_title, title)
        with qtbot.waitSignal(tab.changed):
            qtbot.mouseClick(tab.add_guest_button, Qt.MouseButton.LeftButton)
    assert _titles(tab) == ["Anggota Dewan", "Ketua MUI Kota Ambon"]

    def fake_exec(dialog: GroupOrderDialog) -> int:
        qtmodeltester.check(dialog.model)
        labels = [r.values[1] for r in dialog.model.rows()]
        dialog.table.selectRow(next(i for i, label in enumerate(labels) if label.startswith("Pasal 11 huruf i")))
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
        moved = [r.values[1][:16] for r in dialog.model.rows() if r.values[2] == "diubah kantor"]
        assert moved == ["Pasal 11 huruf i", "Pasal 11 huruf h"]
        assert dialog.model.row(dialog.table.selectionModel().selectedRows()[0].row()).values[1].startswith(
            "Pasal 11 huruf i"
        )
        return 0

    monkeypatch.setattr(GroupOrderDialog, "exec", fake_exec)
    with qtbot.waitSignal(tab.changed):
        qtbot.mouseClick(tab.group_order_button, Qt.MouseButton.LeftButton)
    assert not dialogs.errors, dialogs.errors
    assert _titles(tab) == ["Ketua MUI Kota Ambon", "Anggota Dewan"]
