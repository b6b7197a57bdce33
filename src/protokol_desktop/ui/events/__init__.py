"""The leader's agenda and the event records in the GUI: the Agenda Pimpinan page, the tabs of the
request detail (Pengaturan Acara, Sambutan, SOP Protokol) and the reminders of due checks.

* :data:`TAB_FACTORIES`: append to ``RequestController.tab_factories``; each is a
  ``TabFactory`` ``(request_id, sop_code, context, parent) -> (title, tab) | None``.
* :class:`ReminderBanner`: a label for the main window that shows the due location checks / gladi;
  feed it from ``AgendaController.remindersChanged`` (or call :func:`reminder_texts` yourself).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ...services import events as event_service
from ...services.sop_protokol import SOP_PROTOKOL_SOPS
from ...services.speeches import SPEECH_SOPS
from ..context import AppContext


def event_tab_factory(request_id: int, sop_code: str, context: AppContext, parent: QWidget) -> tuple[str, Any] | None:
    if sop_code not in event_service.EVENT_SOPS:
        return None
    from .event_tab import EventTab

    return "Pengaturan Acara", EventTab(request_id, context, parent)


def speech_tab_factory(request_id: int, sop_code: str, context: AppContext, parent: QWidget) -> tuple[str, Any] | None:
    if sop_code not in SPEECH_SOPS:
        return None
    from .speech_tab import SpeechTab

    return "Sambutan", SpeechTab(request_id, context, parent)


def sop_protokol_tab_factory(
    request_id: int, sop_code: str, context: AppContext, parent: QWidget
) -> tuple[str, Any] | None:
    if sop_code not in SOP_PROTOKOL_SOPS:
        return None
    from .sop_protokol_tab import SopProtokolTab

    return "SOP Protokol", SopProtokolTab(request_id, context, parent)


TAB_FACTORIES = [event_tab_factory, speech_tab_factory, sop_protokol_tab_factory]


def reminder_texts(now: datetime | None = None) -> list[str]:
    """The messages of the checks due now (polling alternative to the controller's signal)."""
    return [r.message for r in event_service.reminders(now or datetime.now(UTC))]


class ReminderBanner(QLabel):
    """A yellow banner (or status-bar label) listing the due location checks / gladi; hidden when none.

    ``set_reminders`` takes the list ``AgendaController.remindersChanged`` emits.
    """

    def __init__(self, parent: QWidget | None = None, limit: int = 3) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setObjectName("reminderBanner")
        self.setWordWrap(True)
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


__all__ = [
    "TAB_FACTORIES",
    "ReminderBanner",
    "event_tab_factory",
    "reminder_texts",
    "sop_protokol_tab_factory",
    "speech_tab_factory",
]
