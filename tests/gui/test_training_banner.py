"""Mode latihan: a database with training data says so on every start, its cards say "Latihan", and a
database of real work shows no banner (issue #16, item 5)."""

from __future__ import annotations

import pytest


def _start(store, qtbot, dialogs):
    from protokol_desktop.ui.app import AppController, create_application
    from protokol_desktop.ui.context import AppContext
    from protokol_desktop.ui.main_window import MainWindow
    from tests.gui.conftest import account

    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    controller = AppController(window, AppContext(store, dialogs, account=account("Drs. Ahmad", "Kabag")))
    with qtbot.waitSignal(controller.board.reloaded):
        window.show()
    return window, controller


def _cards(controller):
    return [card for model in controller.board.models.values() for card in model.cards()]


def test_a_demo_database_shows_the_training_banner_and_marks_its_cards(store, qtbot, dialogs):
    from PySide6.QtCore import Qt

    from protokol_desktop.services.demo import fill_demo

    fill_demo(30, seed=4)  # dated back from today: the board shows the recent ones
    window, controller = _start(store, qtbot, dialogs)
    banner = window.training_banner
    assert banner.isVisible()
    assert banner.text().startswith("MODE LATIHAN — basis data ini berisi 30 permohonan latihan")
    assert banner.geometry().bottom() < window.navigation.mapTo(window, window.navigation.rect().topLeft()).y() + 1
    cards = _cards(controller)
    assert cards and all(card.training for card in cards)
    model = next(m for m in controller.board.models.values() if m.rowCount())
    assert "Data latihan" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    window.grab()  # the delegate paints the tag


def test_a_plain_database_shows_no_banner_and_one_after_demo_on_refresh(store, qtbot, dialogs):
    from protokol_desktop.services import Actor
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.demo import fill_demo
    from tests.conftest import sambutan_form

    rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    window, controller = _start(store, qtbot, dialogs)
    assert not window.training_banner.isVisible() and window.training_banner.text() == ""
    assert not any(card.training for card in _cards(controller))
    # Training data written into this office's data on purpose: the next refresh (the toolbar's
    # "Muat Ulang") shows the banner, and only the training cards carry the mark.
    fill_demo(30, seed=2, into_office_data=True)
    with qtbot.waitSignal(controller.board.reloaded):
        window.refresh_action.trigger()
    assert window.training_banner.isVisible() and "30 permohonan latihan" in window.training_banner.text()
    marks = sorted(card.training for card in _cards(controller))
    assert marks.count(False) == 1 and marks.count(True) >= 1


@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")  # a menu, offscreen
def test_berkas_hapus_data_latihan_clears_the_banner_and_the_cards(store, qtbot, dialogs):
    """The menu item a Kabag clicks: asked first, then the training requests are gone, the banner too,
    and the office's own request stays on the board."""
    from PySide6.QtCore import Qt

    from protokol_desktop.services import Actor
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.demo import fill_demo
    from tests.conftest import sambutan_form

    real = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    fill_demo(20, seed=3, into_office_data=True)
    window, controller = _start(store, qtbot, dialogs)
    action = window.remove_training_action
    assert window.training_banner.isVisible() and action.isVisible() and action.isEnabled()
    bar = window.menuBar()
    berkas = next(a for a in bar.actions() if a.text() == "&Berkas")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(berkas).center())
    menu = berkas.menu()
    qtbot.waitUntil(menu.isVisible)
    dialogs.answers = [False]  # "Hapus data latihan?" answered Tidak: nothing changes
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert dialogs.confirms[-1][0] == "Hapus data latihan?" and "20 permohonan latihan" in dialogs.confirms[-1][1]
    assert window.training_banner.isVisible()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(berkas).center())
    qtbot.waitUntil(menu.isVisible)
    with qtbot.waitSignal(controller.board.reloaded):
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    assert dialogs.infos[-1][0] == "Data latihan dihapus"
    assert not window.training_banner.isVisible() and not action.isVisible()
    assert [card.request_id for card in _cards(controller)] == [real]


def test_a_staf_is_not_offered_the_removal(store, qtbot, dialogs):
    from protokol_desktop.services.demo import fill_demo
    from protokol_desktop.ui.app import AppController, create_application
    from protokol_desktop.ui.context import AppContext
    from protokol_desktop.ui.main_window import MainWindow
    from tests.gui.conftest import account

    fill_demo(5, seed=3)
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    controller = AppController(window, AppContext(store, dialogs, account=account("Maria", "Staf")))
    with qtbot.waitSignal(controller.board.reloaded):
        window.show()
    action = window.remove_training_action
    assert action.isVisible() and not action.isEnabled()
    assert "hanya boleh dilakukan oleh Admin atau Kabag" in action.toolTip()
