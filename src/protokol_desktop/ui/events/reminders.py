"""The reminders of due location checks and gladi, for the main window: a watcher that checks them
on a timer whatever page is open, and the banner in the status bar that shows them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def _reminders(now: datetime) -> list[Any]:
    from ...services import events as event_service  # the events service is not needed to show the window

    return event_service.reminders(now)


class ReminderWatcher(QObject):
    remindersChanged = Signal(list)
    """The due checks (a list of ``services.events.Reminder``) after :meth:`check_reminders`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer: QTimer | None = None
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.check_reminders)

    def check_reminders(self, now: datetime | None = None) -> list:
        """The due location checks / gladi now; emits :attr:`remindersChanged`."""
        try:
            found = _reminders(now or datetime.now(UTC))
        except Exception:  # a closed or busy database must not break the window's timer
            return []
        self.remindersChanged.emit(found)
        return found

    def start_reminder_timer(self, interval_ms: int = 60_000, first_check_ms: int = 0) -> QTimer:
        """Check the reminders after ``first_check_ms`` (on the next turn of the event loop by default,
        once the window is painted) and then every ``interval_ms``."""
        if self.timer is None:
            self.timer = QTimer(self)
            self.timer.timeout.connect(self.check_reminders)
        self.timer.start(interval_ms)
        self._first.start(first_check_ms)
        return self.timer


def reminder_texts(now: datetime | None = None) -> list[str]:
    """The messages of the checks due now (polling alternative to the controller's signal)."""
    return [r.message for r in _reminders(now or datetime.now(UTC))]


class ReminderBanner(QLabel):
    """A yellow banner (or status-bar label) listing the due location checks / gladi; hidden when none.

    ``set_reminders`` takes the list ``ReminderWatcher.remindersChanged`` emits.
    """

    def __init__(self, parent: QWidget | None = None, limit: int = 3) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setObjectName("reminderBanner")
        # One line per reminder, never wrapped: a wrapped label in the status bar grows to a third of a
        # 768-pixel screen. The status bar cuts what does not fit; the tooltip has every reminder whole.
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("QLabel#reminderBanner { background: #fff3cd; color: #664d03; padding: 4px 8px; }")
        self.items: list[Any] = []
        self.setVisible(False)

    def set_reminders(self, items: Sequence[Any]) -> None:
        self.items = list(items)
        if not self.items:
            self.clear()
            self.setVisible(False)
            return
        colour = {"terlambat": "#b02a37", "hari H": "#664d03", "H-1": "#664d03"}
        lines = [
            f"<span style='color:{colour.get(r.level, '#664d03')}'><b>Pengingat {r.level}</b> — "
            f"{_escape(r.message)}</span>"
            for r in self.items[: self.limit]
        ]
        if len(self.items) > self.limit:
            lines.append(f"… dan {len(self.items) - self.limit} pengingat lainnya (lihat Agenda Pimpinan)")
        self.setText("<br>".join(lines))
        self.setToolTip("\n".join(r.message for r in self.items))
        self.setVisible(True)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
