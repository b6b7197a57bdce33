"""Icons from qtawesome, loaded after the window is first shown.

Importing qtawesome (QtPy and its icon fonts) costs about 0.2 s, more than a bare Qt window takes to
appear, so the main window shows first and :func:`load_later` fills in the icons on the next turn of
the event loop. Code that paints (the board's cards) asks :func:`ready` and skips the icon until then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon

_qta: Any = None
_waiting: list[Callable[[], None]] = []


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
    callbacks, _waiting[:] = list(_waiting), []
    for callback in callbacks:
        callback()


def load_later(callback: Callable[[], None]) -> None:
    """Run ``callback`` once qtawesome is loaded (now if it already is)."""
    if ready():
        callback()
        return
    _waiting.append(callback)
    if len(_waiting) == 1:
        QTimer.singleShot(0, _load)
