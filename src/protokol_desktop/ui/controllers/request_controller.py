"""Actions on one request (start, complete, pause, hold, cancel, assign, attach) and its detail
dialog. Every action goes through the services; a refusal is shown and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ...domain.indonesian import format_date, format_date_long, format_datetime
from ...domain.workflow import TimerState, format_elapsed
from ...services import ServiceError, permissions
from ...services.office import active_office
from ..context import AppContext
from ..lazy import lazy_import

# The workflow services and the detail's read model come with the first action or detail, not
# with the window's first paint.
request_service = lazy_import("protokol_desktop.services.requests")
board_service = lazy_import("protokol_desktop.services.board")
row_models = lazy_import("protokol_desktop.ui.models.rows")

TIMER_COLOURS = {
    TimerState.ON_TIME: "#2e7d32",
    TimerState.NEAR: "#ef8f00",
    TimerState.OVER: "#c62828",
    TimerState.NO_STANDARD: "#607d8b",
}


class RecordTab(Protocol):
    """A tab with a service's own records; ``changed`` is emitted after every saved change."""

    changed: Any

    def refresh(self) -> None: ...


# (request id, sop code, context, parent dialog) -> a tab title and widget, or None for other services
TabFactory = Callable[[int, str, AppContext, QWidget], "tuple[str, RecordTab] | None"]


class RequestController(QObject):
    changed = Signal(int)
    """A request changed (its id): the board updates that card."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: QWidget | None = None  # the open RequestDetailDialog
        self.tab_factories: list[TabFactory] = []
        self.record_tabs: list[RecordTab] = []
        self.request_id: int | None = None

    # -- actions, usable from the board too
    def _run(self, parent: QWidget | None, title: str, action) -> bool:  # noqa: ANN001
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(parent, title, str(exc))
            return False
        return True

    def complete_current(self, request_id: int, parent: QWidget | None, answer: bool | None = None) -> bool:
        from ...store.models import Request, StepRun

        request = Request.get_by_id(request_id)
        run = StepRun.get_or_none((StepRun.request == request_id) & StepRun.ended_at.is_null())
        if request.status != "berjalan" or run is None:
            self.context.dialogs.error(parent, "Langkah tidak dapat diselesaikan", "Permohonan tidak sedang berjalan")
            return False
        step = request_service.sop_of(request).step(run.step_number)
        actor = self.context.actor()
        authority = permissions.step_authority(actor, run.role)
        if not authority.permission:
            self.context.dialogs.error(parent, "Langkah tidak dapat diselesaikan", authority.permission.reason)
            return False
        from ...services import gates
        from ..dialogs.complete_step import CompleteStepDialog

        missing = gates.missing(request_id, step)
        completion = CompleteStepDialog.get_completion(
            step, run.role, actor.role, self.context.dialogs, answer, parent, on_behalf=authority.on_behalf,
            missing=[f"{p.text} (lengkapi di {p.where})" for p in missing],
            override=permissions.can_override_gate(actor),
        )  # fmt: skip
        if completion is None:
            return False
        ok = self._run(
            parent,
            "Langkah tidak dapat diselesaikan",
            lambda: request_service.complete_step(
                request_id,
                actor,
                output=completion.output,
                note=completion.note,
                answer=completion.answer,
                on_behalf=completion.on_behalf,
                gate_override=completion.gate_override,
                expected_step=run.step_number,
                attachment=completion.attachment,
                files_dir=self.context.paths.attachments,
            ),
        )
        self.changed.emit(request_id)
        return ok

    def start(self, request_id: int, parent: QWidget | None) -> bool:
        actor = self.context.actor()
        missing = request_service.missing_requirements(request_id)
        reason = ""
        if missing:
            override = permissions.can_start_incomplete(actor)
            if not override:
                self.context.dialogs.error(
                    parent, "Berkas belum lengkap", "Belum ada: " + "; ".join(missing) + ".\n" + override.reason
                )
                return False
            text = self.context.dialogs.ask_text(
                parent,
                "Berkas belum lengkap",
                "Belum ada: " + "; ".join(missing) + ".\nKabag dapat tetap memulai dengan alasan:",
            )
            if text is None:
                return False
            reason = text
        ok = self._run(
            parent,
            "Permohonan tidak dapat dimulai",
            lambda: request_service.start_request(request_id, actor, override_reason=reason),
        )
        self.changed.emit(request_id)
        return ok

    # -- the detail dialog
    def open(self, request_id: int, parent: QWidget | None) -> None:
        self.request_id = request_id
        from ..dialogs.request_detail import RequestDetailDialog

        self.dialog = RequestDetailDialog(parent)
        dialog = self.dialog
        dialog.startRequested.connect(self._on_start)
        dialog.completeRequested.connect(self._on_complete)
        dialog.pauseRequested.connect(self._on_pause)
        dialog.resumeRequested.connect(self._on_resume)
        dialog.holdRequested.connect(self._on_hold)
        dialog.releaseRequested.connect(self._on_release)
        dialog.cancelRequested.connect(self._on_cancel)
        dialog.assignRequested.connect(self._on_assign)
        dialog.attachRequested.connect(self._on_attach)
        dialog.requirementToggled.connect(self._on_requirement)
        dialog.attachmentOpened.connect(self._on_open_attachment)
        self.record_tabs = []
        sop_code = request_service.sop_of(request_service.Request.get_by_id(request_id)).code
        for factory in self.tab_factories:
            made = factory(request_id, sop_code, self.context, dialog)
            if made is not None:
                title, tab = made
                dialog.add_tab(title, tab)  # type: ignore[arg-type]
                tab.changed.connect(self._after)
                self.record_tabs.append(tab)
        self.refresh()
        dialog.exec()
        self.dialog = None

    def refresh(self) -> None:
        if self.dialog is None or self.request_id is None:
            return
        now = datetime.now(UTC)
        detail = board_service.request_detail(self.request_id, now)
        request = detail.request
        office = active_office()
        zone = office.zone
        dialog = self.dialog
        dialog.setWindowTitle(f"Rincian Permohonan — {request.nomor_surat}")
        dialog.title.setText(f"<h3>{detail.service}: {_escape(request.perihal)}</h3>")
        status = request_service.STATUS_LABELS[request.status]
        extra = ""
        if request.status == "ditunda":
            extra = f" — {request.hold_reason.split('|', 1)[-1]}"
        elif request.status == "batal":
            extra = f" — {request.hold_reason}"
        due = ""
        if request.due_at:
            due = f"; batas layanan {format_datetime(request.due_at.astimezone(zone))}"
            late_at = request.finished_at or now
            if late_at > request.due_at and request.status != "batal":
                due += " <b style='color:#c62828'>(melewati jangka waktu)</b>"
        missing = [r.text for r in detail.requirements if r.required and not r.fulfilled]
        warn = " <b style='color:#c62828'>Berkas belum lengkap</b>" if missing else ""
        dialog.status.setText(f"Status: <b>{status}</b>{_escape(extra)}{due}{warn}")
        dialog.set_summary(
            [
                ("Nomor surat", request.nomor_surat),
                ("Tanggal surat", format_date(request.tanggal_surat)),
                ("Diterima", format_datetime(request.received_at.astimezone(zone))),
                ("Pengirim / penyelenggara", request.pengirim),
                ("Narahubung", " ".join(x for x in (request.contact_name, request.contact_phone) if x) or "-"),
                ("Pimpinan", request.leader or "-"),
                (
                    "Acara",
                    " · ".join(
                        x
                        for x in (
                            format_date_long(request.event_date) if request.event_date else "",
                            request.event_time,
                            request.event_place,
                        )
                        if x
                    )
                    or "-",
                ),
                ("Nomor SRIKANDI", request.srikandi or "-"),
                ("Layanan (SOP)", f"{detail.service} — {detail.sop_code}, revisi {detail.revision}"),
                ("Petugas", request.assigned_to or "-"),
                ("Alasan mulai tanpa berkas lengkap", request.override_reason or "-"),
            ]
        )
        rows = []
        for entry in detail.timeline:
            state = entry.state
            if entry.paused:
                state += " (dijeda)"
            colour = None
            if entry.timer_state is not None and entry.state in ("selesai", "berjalan"):
                colour = TIMER_COLOURS[entry.timer_state]
            elif entry.state == "akan datang":
                colour = "#888888"
            output = entry.output
            if entry.answer is not None:
                output = f"{output} — {'Ya' if entry.answer else 'Tidak'}"
            rows.append(
                row_models.Row(
                    (
                        entry.step_number,
                        entry.round or "",
                        entry.uraian,
                        entry.role
                        if entry.role.casefold() == entry.executor.casefold()
                        else f"{entry.executor} ({entry.role})",
                        state,
                        format_datetime(entry.started_at.astimezone(zone)) if entry.started_at else "",
                        format_datetime(entry.ended_at.astimezone(zone)) if entry.ended_at else "",
                        format_elapsed(entry.elapsed_seconds) if entry.elapsed_seconds is not None else "",
                        entry.standard,
                        output,
                        entry.completed_by + (" (atas nama)" if entry.on_behalf else ""),
                        entry.note,
                    ),
                    key=entry.step_number,
                    colour=colour,
                    bold=entry.state == "berjalan",
                    tooltip=entry.timer_state.label if entry.timer_state else "",
                )
            )
        dialog.timeline_model.set_rows(rows)
        dialog.timeline.resizeRowsToContents()
        dialog.set_requirements([(r.text, r.required, r.fulfilled) for r in detail.requirements])
        dialog.set_attachments(
            [
                (f"{a.original_name} — {a.kind}, {format_datetime(a.added_at.astimezone(zone))}", a.stored_name)
                for a in detail.attachments
            ]
        )
        dialog.history_model.set_rows(
            [
                row_models.Row((format_datetime(h.at.astimezone(zone)), h.actor, h.action.replace("_", " "), h.detail))
                for h in detail.history
            ]
        )
        running = request.status == "berjalan"
        paused = any(e.paused for e in detail.timeline)
        active = request.status in request_service.ACTIVE_STATUSES
        for tab in self.record_tabs:
            tab.refresh()
        dialog.set_actions(
            {
                "start": request.status == "baru",
                "complete": running,
                "pause": running and not paused,
                "resume": running and paused,
                "hold": request.status in ("baru", "berjalan"),
                "release": request.status == "ditunda",
                "cancel": active,
                "assign": active,
                "attach": True,
            },
            self._rights(request.status, missing, detail),
        )

    def _rights(self, status: str, missing: list[str], detail: Any) -> dict[str, permissions.Permission]:
        """What this user may not do here, by the rules the services enforce."""
        actor = self.context.actor()
        rights = {"cancel": permissions.can_cancel_request(actor)}
        if status == "baru" and missing:
            rights["start"] = permissions.can_start_incomplete(actor)
        running = next((e for e in detail.timeline if e.state == "berjalan"), None)
        if status == "berjalan" and running is not None:
            rights["complete"] = permissions.step_authority(actor, running.role).permission
        return rights

    def _after(self) -> None:
        assert self.request_id is not None
        self.changed.emit(self.request_id)
        self.refresh()

    def _on_start(self) -> None:
        assert self.request_id is not None
        self.start(self.request_id, self.dialog)
        self.refresh()

    def _on_complete(self) -> None:
        assert self.request_id is not None
        self.complete_current(self.request_id, self.dialog)
        self.refresh()

    def _ask_and_run(self, title: str, label: str, action) -> None:  # noqa: ANN001
        text = self.context.dialogs.ask_text(self.dialog, title, label)
        if text is None:
            return
        self._run(self.dialog, title, lambda: action(text))
        self._after()

    def _on_pause(self) -> None:
        actor = self.context.actor()
        self._ask_and_run(
            "Jeda pewaktu", "Alasan jeda:", lambda reason: request_service.pause_step(self.request_id, reason, actor)
        )

    def _on_resume(self) -> None:
        actor = self.context.actor()
        self._run(self.dialog, "Lanjutkan pewaktu", lambda: request_service.resume_step(self.request_id, actor))
        self._after()

    def _on_hold(self) -> None:
        actor = self.context.actor()
        self._ask_and_run(
            "Tunda permohonan",
            "Alasan (mis. menunggu penyelenggara):",
            lambda reason: request_service.hold(self.request_id, reason, actor),
        )

    def _on_release(self) -> None:
        actor = self.context.actor()
        self._run(self.dialog, "Aktifkan kembali", lambda: request_service.release(self.request_id, actor))
        self._after()

    def _on_cancel(self) -> None:
        actor = self.context.actor()
        allowed = permissions.can_cancel_request(actor)
        if not allowed:  # the button is disabled; a call from elsewhere asks no reason either
            self.context.dialogs.error(self.dialog, "Batalkan permohonan", allowed.reason)
            return
        self._ask_and_run(
            "Batalkan permohonan",
            "Alasan pembatalan (mis. acara batal):",
            lambda reason: request_service.cancel(self.request_id, reason, actor),
        )

    def _on_assign(self) -> None:
        actor = self.context.actor()
        self._ask_and_run(
            "Tugaskan",
            "Nama petugas yang memegang permohonan ini:",
            lambda person: request_service.assign(self.request_id, person, actor),
        )

    def _on_attach(self) -> None:
        actor = self.context.actor()
        from ..dialogs.intake import ATTACHMENT_FILTER

        path = self.context.dialogs.open_file(self.dialog, "Pilih lampiran", ATTACHMENT_FILTER)
        if not path:
            return
        self._run(
            self.dialog,
            "Lampiran tidak disimpan",
            lambda: request_service.add_attachment(self.request_id, Path(path), actor, self.context.paths.attachments),
        )
        self._after()

    def _on_requirement(self, position: int, fulfilled: bool) -> None:
        actor = self.context.actor()
        self._run(
            self.dialog,
            "Persyaratan",
            lambda: request_service.set_requirement(self.request_id, position, fulfilled, actor),
        )
        self._after()

    def _on_open_attachment(self, stored: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.paths.attachments / stored)))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
