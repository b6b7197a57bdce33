"""Small screens: the main window opens within the screen and comes back where it was on this PC;
every page, the request detail and the prompts fit 1366x768 and stay usable at 1024x768.

The offscreen platform has one 800x800 screen; the tests give the app's screen code a laptop's
screen instead (``available_geometry``), which is all the windows are sized from."""

from __future__ import annotations

import pytest
from PySide6 import QtWidgets
from PySide6.QtCore import QRect, QSize, Qt

from protokol_desktop.services import Actor
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import apply_office
from protokol_desktop.ui import screen_fit
from protokol_desktop.ui.dialog_service import DialogService
from protokol_desktop.ui.main_window import PAGE_KEYS
from tests.conftest import sambutan_form
from tests.gui.conftest import account

TASKBAR = 40


def laptop(monkeypatch, width: int, height: int) -> QSize:
    """A screen of ``width`` x ``height`` with a taskbar; returns the room a window has on it."""
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(0, 0, width, height - TASKBAR))
    return screen_fit.room()


def fits(size: QSize, room: QSize) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def test_first_start_fits_the_screen_and_the_geometry_comes_back(store, qtbot, monkeypatch):
    from protokol_desktop.ui.app import build_main_window, create_application

    create_application()
    room = laptop(monkeypatch, 1920, 1080)
    window, _controller = build_main_window(store, account("Drs. Ahmad", "Kabag"))
    qtbot.addWidget(window)
    # Large screen: the preferred size, centred, not maximised.
    assert window.size() == QSize(1440, 860) and fits(window.size(), room)
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert window.x() > 0 and window.y() > 0
    window.close()

    room = laptop(monkeypatch, 1366, 768)
    (store.data / "window.ini").unlink()  # a PC that never ran the app: the first start again
    window, _controller = build_main_window(store, account("Drs. Ahmad", "Kabag"))
    qtbot.addWidget(window)
    assert fits(window.size(), room), window.size()  # was 1440x860 whatever the screen
    assert window.windowState() & Qt.WindowState.WindowMaximized  # too small a screen: maximised
    window.show()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(960, 640)
    window.close()

    window, _controller = build_main_window(store, account("Drs. Ahmad", "Kabag"))
    qtbot.addWidget(window)
    assert window.size() == QSize(960, 640)  # this PC's size, kept in the data folder
    assert not window.windowState() & Qt.WindowState.WindowMaximized
    assert (store.data / "window.ini").exists()
    window.show()
    window.setWindowState(Qt.WindowState.WindowMaximized)
    window.close()

    window, _controller = build_main_window(store, account("Drs. Ahmad", "Kabag"))
    qtbot.addWidget(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized  # and maximised again
    window.close()


def test_a_saved_geometry_larger_than_this_screen_is_made_to_fit(store, qtbot, monkeypatch):
    from protokol_desktop.ui.app import build_main_window, create_application

    create_application()
    laptop(monkeypatch, 1920, 1080)
    window, _controller = build_main_window(store, account("Drs. Ahmad", "Kabag"))
    qtbot.addWidget(window)
    window.close()  # saved at 1440x860
    room = laptop(monkeypatch, 1024, 768)  # the data folder moved to a small laptop (portable)
    window, _controller = build_main_window(store, account("Drs. Ahmad", "Kabag"))
    qtbot.addWidget(window)
    assert fits(window.size(), room), window.size()
    window.close()


@pytest.mark.parametrize("office", ["ambon", "tangerang"])
def test_every_page_fits_1024x768(main_window, qtbot, monkeypatch, office):
    window, controller = main_window
    if office != "ambon":
        apply_office(office, Actor("Admin", "Admin"))
        controller.board.rebuild()
        controller.refresh()
    controller.context.account = account("Drs. Ahmad Latuconsina, S.Sos., M.Si.", "Admin")  # every page
    controller.refresh()
    room = laptop(monkeypatch, 1024, 768)
    window.resize(room)
    for row, key in enumerate(PAGE_KEYS):
        qtbot.mouseClick(
            window.navigation.viewport(), Qt.MouseButton.LeftButton,
            pos=window.navigation.visualItemRect(window.navigation.item(row)).center(),
        )  # fmt: skip
        assert window.pages.currentIndex() == row
        minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert fits(minimum, room), (key, minimum)
        assert fits(window.size(), room), (key, window.size())
    # The toolbar keeps the user's name, Kunci and Tentang on screen (not in an overflow menu).
    toolbar = window.findChild(QtWidgets.QToolBar, "mainToolbar")
    for action in (window.actor_action, window.lock_action, window.about_action):
        button = toolbar.widgetForAction(action)
        assert button.isVisible(), action.text()
        assert toolbar.rect().contains(button.geometry()), action.text()


def _detail_sizes(controller, monkeypatch, request_id):
    seen = {}

    def fake_exec(dialog):
        seen["size"] = dialog.size()
        seen["minimum"] = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        seen["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        return 0

    from protokol_desktop.ui.dialogs.request_detail import RequestDetailDialog

    monkeypatch.setattr(RequestDetailDialog, "exec", fake_exec)
    controller.board.open_request(request_id)
    return seen


@pytest.mark.parametrize("width,height", [(1366, 768), (1024, 768)])
@pytest.mark.parametrize(
    "office,sop_code,tab",
    [
        ("ambon", "AMB-SAMBUTAN", "Sambutan"),
        ("ambon", "AMB-ACARA", "Acara"),
        ("tangerang", "TNG-KUNJUNGAN", "Kunjungan"),
        ("madiun", "MDN-BIMTEK", "Bimtek"),
    ],
)
def test_request_detail_fits(main_window, monkeypatch, office, sop_code, tab, width, height):
    window, controller = main_window
    if office != "ambon":
        apply_office(office, Actor("Admin", "Admin"))
    room = laptop(monkeypatch, width, height)
    request_id = rs.register_request(sambutan_form(sop_code=sop_code, fulfilled=()), Actor("Maria", "Staf"))
    seen = _detail_sizes(controller, monkeypatch, request_id)
    assert any(tab.casefold() in title.casefold() for title in seen["tabs"]), seen["tabs"]
    assert fits(seen["size"], room), seen["size"]  # was 1100x640 on any screen
    assert fits(seen["minimum"], room), seen["minimum"]


def test_incomplete_file_prompt_wraps_within_the_screen(main_window, qtbot, monkeypatch):
    """Mulai on a request with missing documents asks for a reason; the question listing them was a
    single line 1379 pixels wide."""
    window, controller = main_window
    room = laptop(monkeypatch, 1024, 768)
    form = sambutan_form(fulfilled=())  # nothing handed in
    request_id = rs.register_request(form, Actor("Maria", "Staf"))
    controller.context.dialogs = DialogService()  # the real prompt
    asked = {}

    def fake_prompt_exec(dialog):
        asked["label"] = dialog.labelText()
        # What the window manager is asked for: the hint within the limits, never below the minimum.
        asked["size"] = dialog.sizeHint().boundedTo(dialog.maximumSize()).expandedTo(dialog.minimumSizeHint())
        return 0  # Batal: nothing starts

    monkeypatch.setattr(QtWidgets.QInputDialog, "exec", fake_prompt_exec)

    def fake_detail_exec(dialog):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        return 0

    from protokol_desktop.ui.dialogs.request_detail import RequestDetailDialog

    monkeypatch.setattr(RequestDetailDialog, "exec", fake_detail_exec)
    controller.board.open_request(request_id)
    assert asked["label"].startswith("Belum ada:") and len(asked["label"]) > 150
    assert asked["size"].width() <= min(room.width(), 600), asked["size"]
    assert rs.Request.get_by_id(request_id).status == "baru"


@pytest.mark.parametrize("sop_code", ["AMB-SAMBUTAN", "LMJ-KOORDINASI"])
def test_new_request_and_step_dialogs_fit_1024x768(main_window, qtbot, monkeypatch, sop_code):
    window, controller = main_window
    room = laptop(monkeypatch, 1024, 768)
    from protokol_desktop.ui.dialogs.complete_step import CompleteStepDialog
    from protokol_desktop.ui.dialogs.intake import IntakeDialog

    seen = {}

    def fake_exec(dialog):
        if isinstance(dialog, IntakeDialog):
            dialog.service.setCurrentIndex(dialog.service.findData(sop_code))  # its requirements shown
        seen[type(dialog).__name__] = (dialog.size(), dialog.minimumSizeHint().expandedTo(dialog.minimumSize()))
        return 0

    monkeypatch.setattr(IntakeDialog, "exec", fake_exec)
    monkeypatch.setattr(CompleteStepDialog, "exec", fake_exec)
    qtbot.mouseClick(
        window.findChild(QtWidgets.QToolBar, "mainToolbar").widgetForAction(window.new_request_action),
        Qt.MouseButton.LeftButton,
    )  # the toolbar's Permohonan Baru…
    request_id = rs.register_request(sambutan_form(), Actor("Maria", "Staf"))
    rs.start_request(request_id, Actor("Drs. Ahmad", "Kabag"))
    controller.requests.complete_current(request_id, window)
    assert set(seen) == {"IntakeDialog", "CompleteStepDialog"}
    for name, (_size, minimum) in seen.items():  # shown at their size hint, never below the minimum
        assert fits(minimum, room), (name, minimum)
