"""GUI fixtures: a dialog service that answers from a script and records what it was told."""

from __future__ import annotations

import pytest


class FakeDialogs:
    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.texts: list[str | None] = []
        self.files: list[str] = []
        self.starts: list[str] = []  # the folder each open_file dialog opened in
        self.written: list[tuple[str, str, str]] = []  # file_written: title, text, path
        self.confirms: list[tuple[str, str]] = []
        self.answers: list[bool] = []  # confirm's answers in order; True when none is left

    def info(self, parent, title, text):
        self.infos.append((title, text))

    def error(self, parent, title, text):
        self.errors.append((title, text))

    def confirm(self, parent, title, text):
        self.confirms.append((title, text))
        return self.answers.pop(0) if self.answers else True

    def file_written(self, parent, title, text, path):
        self.written.append((title, text, str(path)))
        return None

    def ask_text(self, parent, title, label, text=""):
        return self.texts.pop(0) if self.texts else None

    def open_file(self, parent, title, filters, start=""):
        self.starts.append(str(start))
        return self.files.pop(0) if self.files else None

    def open_files(self, parent, title, filters):
        files, self.files = self.files, []
        return files

    def save_file(self, parent, title, suggested, filters):
        return self.files.pop(0) if self.files else None

    def choose_folder(self, parent, title, start):
        return self.files.pop(0) if self.files else None


def account(name: str, role: str):
    """A logged-in account for GUI tests (the login itself is tested in test_login.py)."""
    from protokol_desktop.services.users import Account

    return Account(0, name.split()[-1].casefold(), name, "", "", role, True)


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def main_window(store, qtbot, dialogs):
    from protokol_desktop.ui.app import AppController, create_application
    from protokol_desktop.ui.context import AppContext
    from protokol_desktop.ui.main_window import MainWindow

    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    controller = AppController(window, AppContext(store, dialogs, account=account("Drs. Ahmad", "Kabag")))
    with qtbot.waitSignal(controller.board.reloaded):  # the cards come after the window's first paint
        window.show()
    return window, controller
