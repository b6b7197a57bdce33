"""The leader's agenda and the event records in the GUI: the Agenda Pimpinan page, the tabs of the
request detail (Pengaturan Acara, Sambutan, SOP Protokol) and the reminders of due checks.

* :data:`TAB_FACTORIES`: append to ``RequestController.tab_factories``; each is a
  ``TabFactory`` ``(request_id, sop_code, context, parent) -> (title, tab) | None``.
* :class:`ReminderBanner`: a label for the main window that shows the due location checks / gladi;
  feed it from ``ReminderWatcher.remindersChanged`` (or call :func:`reminder_texts` yourself).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from ..context import AppContext
from .reminders import ReminderBanner, ReminderWatcher, reminder_texts

# The services are imported when a request's detail is first opened, not when the window starts.


def event_tab_factory(request_id: int, sop_code: str, context: AppContext, parent: QWidget) -> tuple[str, Any] | None:
    from ...services.events import EVENT_SOPS

    if sop_code not in EVENT_SOPS:
        return None
    from .event_tab import EventTab

    return "Pengaturan Acara", EventTab(request_id, context, parent)


def speech_tab_factory(request_id: int, sop_code: str, context: AppContext, parent: QWidget) -> tuple[str, Any] | None:
    from ...services.speeches import SPEECH_SOPS

    if sop_code not in SPEECH_SOPS:
        return None
    from .speech_tab import SpeechTab

    return "Sambutan", SpeechTab(request_id, context, parent)


def sop_protokol_tab_factory(
    request_id: int, sop_code: str, context: AppContext, parent: QWidget
) -> tuple[str, Any] | None:
    from ...services.sop_protokol import SOP_PROTOKOL_SOPS

    if sop_code not in SOP_PROTOKOL_SOPS:
        return None
    from .sop_protokol_tab import SopProtokolTab

    return "SOP Protokol", SopProtokolTab(request_id, context, parent)


TAB_FACTORIES = [event_tab_factory, speech_tab_factory, sop_protokol_tab_factory]


__all__ = [
    "TAB_FACTORIES",
    "ReminderBanner",
    "ReminderWatcher",
    "event_tab_factory",
    "reminder_texts",
    "sop_protokol_tab_factory",
    "speech_tab_factory",
]
