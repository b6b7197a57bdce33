"""Windows and dialogs sized to the screen they open on, and the main window's place kept per PC.

Offices run the app on 1366x768 and 1024x768 laptops as well as on large monitors: a window asks for
its preferred size and gets at most the screen's available area (without the taskbar), less room
for the frame the window manager adds. The main window's geometry and maximised state are kept in
``window.ini`` in the data folder, which belongs to this PC (a data folder on a network share is
refused), so each PC opens the window where its user left it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ALLOWANCE = QSize(16, 48)
"""What a window manager adds around a window (borders, title bar) before the window is shown."""
FALLBACK_AREA = QRect(0, 0, 1024, 768)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable area of the screen ``widget`` is on (else the primary screen), taskbar excluded."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(FALLBACK_AREA)


def room(widget: QWidget | None = None) -> QSize:
    """The largest client size a window can have on that screen with its frame on screen too."""
    area = available_geometry(widget)
    return QSize(max(1, area.width() - FRAME_ALLOWANCE.width()), max(1, area.height() - FRAME_ALLOWANCE.height()))


def fit_size(widget: QWidget, preferred: QSize) -> QSize:
    """``preferred``, made no larger than the screen's room (and no smaller than the widget's minimum
    where that fits)."""
    limit = room(widget)
    width = min(preferred.width(), limit.width())
    height = min(preferred.height(), limit.height())
    minimum = widget.minimumSize()
    return QSize(max(width, min(minimum.width(), limit.width())), max(height, min(minimum.height(), limit.height())))


def fit_window(widget: QWidget, preferred: QSize) -> None:
    """Resize ``widget`` to ``preferred`` within the screen and centre it on the available area."""
    size = fit_size(widget, preferred)
    widget.resize(size)
    area = available_geometry(widget)
    x = area.left() + max(0, (area.width() - size.width() - FRAME_ALLOWANCE.width()) // 2)
    y = area.top() + max(0, (area.height() - size.height() - FRAME_ALLOWANCE.height()) // 2)
    widget.move(x, y)


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """Resize a dialog to ``preferred`` within the screen; Qt centres it on its parent when shown."""
    dialog.resize(fit_size(dialog, preferred))


def keep_on_screen(widget: QWidget) -> None:
    """After a restore: no larger than the screen, and its top-left corner on the available area."""
    limit = room(widget)
    if widget.width() > limit.width() or widget.height() > limit.height():
        widget.resize(min(widget.width(), limit.width()), min(widget.height(), limit.height()))
    area = available_geometry(widget)
    x = min(max(widget.x(), area.left()), area.right() - widget.width() - FRAME_ALLOWANCE.width() + 1)
    y = min(max(widget.y(), area.top()), area.bottom() - widget.height() - FRAME_ALLOWANCE.height() + 1)
    widget.move(max(x, area.left()), max(y, area.top()))


def read_choice(path: Path, key: str) -> bool | None:
    """A yes/no choice this PC's user made (``None``: never made), from ``window.ini``."""
    value = QSettings(str(path), QSettings.Format.IniFormat).value(key)
    return None if value is None else str(value).casefold() == "true"


def write_choice(path: Path, key: str, value: bool) -> None:
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(key, bool(value))
    settings.sync()


class WindowGeometry(QObject):
    """Restores a main window's geometry and maximised state from ``window.ini`` and saves them when
    the window closes (``closing`` signal)."""

    GEOMETRY_KEY = "window/geometry"
    MAXIMIZED_KEY = "window/maximized"

    def __init__(self, window: QWidget, path: Path, preferred: QSize) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.preferred = preferred

    def _settings(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def restore(self) -> bool:
        """Put the window where it was on this PC; the first time, fit and centre it (maximised when
        the screen is smaller than its preferred size). True when a saved geometry was used."""
        settings = self._settings()
        saved = settings.value(self.GEOMETRY_KEY)
        maximized = str(settings.value(self.MAXIMIZED_KEY, "false")).casefold() == "true"
        restored = isinstance(saved, QByteArray) and not saved.isEmpty() and self.window.restoreGeometry(saved)
        if restored:
            keep_on_screen(self.window)
        else:
            fit_window(self.window, self.preferred)
            limit = room(self.window)
            maximized = self.preferred.width() > limit.width() or self.preferred.height() > limit.height()
        state = self.window.windowState() & ~Qt.WindowState.WindowMaximized
        self.window.setWindowState(state | Qt.WindowState.WindowMaximized if maximized else state)
        return bool(restored)

    def save(self) -> None:
        settings = self._settings()
        maximized = bool(self.window.windowState() & Qt.WindowState.WindowMaximized)
        # saveGeometry keeps the normal geometry the window returns to when it is maximised.
        settings.setValue(self.GEOMETRY_KEY, self.window.saveGeometry())
        settings.setValue(self.MAXIMIZED_KEY, maximized)
        settings.sync()
