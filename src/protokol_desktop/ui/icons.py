"""Icons from qtawesome, loaded once the window and its board are on screen.

Importing qtawesome (QtPy and its icon fonts) costs about 0.2 s, more than a bare Qt window takes to
appear, so views register what to do once icons are there with :func:`load_later`, and the start-up
sequence (``AppController``) calls :func:`load_soon` after the board's cards are painted. Code that
paints (the board's cards) asks :func:`ready` and skips the icon until then. :func:`icon` loads
qtawesome at once when a view needs an icon right away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon

_qta: Any = None


class _Loader(QObject):
    loaded = Signal()
    """qtawesome is imported: the views fill in their icons. A view that is gone is not called (Qt
    drops a connection when its receiver is destroyed)."""


_loader: _Loader | None = None


def loader() -> _Loader:
    """The object whose ``loaded`` signal says the icons are in (for the start-up sequence's waiters)."""
    global _loader
    if _loader is None:
        _loader = _Loader()
    return _loader


def ready() -> bool:
    return _qta is not None


def icon(name: str, **options: object) -> QIcon:
    """A qtawesome icon; imports qtawesome if it is not loaded yet."""
    global _qta
    if _qta is None:
        import qtawesome

        _qta = qtawesome
    return _qta.icon(name, **options)


def _load() -> None:
    icon("fa5s.file-alt")
    if _loader is not None:
        _loader.loaded.emit()


def load_later(callback: Callable[[], None]) -> None:
    """Run ``callback`` (a bound method of a widget) once qtawesome is loaded; now if it already is."""
    if ready():
        callback()
        return
    loader().loaded.connect(callback)


def load_soon() -> None:
    """Load qtawesome on the next turn of the event loop and give the waiting views their icons."""
    QTimer.singleShot(0, _load)
