"""Requests (permohonan) and their run through the SOP: intake, steps, timers, hold, cancel.

A request keeps the SOP revision it was registered on. Its current step belongs to the office role
that the step's executor column maps to; completing it records who, when, the output and the
keputusan's answer, and starts the next step (a new round when a keputusan leads back). Timers are
stored timestamps: a pause is a row with a start and an end, so nothing lives only in memory.
Nothing is deleted; every change adds a History row, all in one transaction.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ..domain.calendar import WorkingCalendar
from ..domain.durations import Duration, DurationKind
from ..domain.office import Office
from ..domain.sop import Sop
from ..domain.validation import ValidationError, clean_text, normalise_phone
from ..store.models import (
    Attachment,
    History,
    Request,
    RequestRequirement,
    StepPause,
    StepRun,
    database,
)
from . import Actor, ServiceError, audit, gates, permissions
from .library import current_revision, sop_of_revision
from .office import active_office, calendar

ACTIVE_STATUSES = ("baru", "berjalan", "ditunda")
STATUS_LABELS = {
    "baru": "Belum dimulai",
    "berjalan": "Berjalan",
    "ditunda": "Ditunda",
    "batal": "Dibatalkan",
    "selesai": "Selesai",
}
ALLOWED_ATTACHMENTS = {".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".txt", ".rtf"}
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def _now(now: datetime | None) -> datetime:
    value = now or datetime.now(UTC)
    if value.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return value


def _parse_time(text: str) -> str:
    value = text.strip().replace(":", ".")
    if not value:
        return ""
    parts = value.split(".")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise ValidationError(f'Jam acara "{text}" tidak sah; tulis seperti 14.05')
    hour, minute = int(parts[0]), int(parts[1])
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValidationError(f'Jam acara "{text}" tidak sah; tulis seperti 14.05')
    return f"{hour:02d}.{minute:02d}"


@dataclass
class IntakeForm:
    sop_code: str
    nomor_surat: str
    tanggal_surat: date
    received_at: datetime
    perihal: str
    pengirim: str
    contact_name: str = ""
    contact_phone: str = ""
    leader: str = ""
    event_date: date | None = None
    event_time: str = ""
    event_place: str = ""
    srikandi: str = ""
    fulfilled: tuple[int, ...] = ()  # positions (0-based) of the persyaratan that are in
    attachments: tuple[Path, ...] = field(default_factory=tuple)
    assigned_to: str = ""


def _validated(form: IntakeForm, sop: Sop, office: Office) -> dict:
    values = {
        "nomor_surat": clean_text(form.nomor_surat, "Nomor surat", required=True, max_length=120),
        "perihal": clean_text(form.perihal, "Perihal", required=True, max_length=2000),
        "pengirim": clean_text(form.pengirim, "Pengirim/penyelenggara", required=True, max_length=300),
        "contact_name": clean_text(form.contact_name, "Narahubung", max_length=200),
        "contact_phone": normalise_phone(form.contact_phone) if form.contact_phone.strip() else "",
        "leader": clean_text(form.leader, "Pimpinan", max_length=100),
        "event_time": _parse_time(form.event_time),
        "event_place": clean_text(form.event_place, "Tempat acara", max_length=300),
        "srikandi": clean_text(form.srikandi, "Nomor SRIKANDI", max_length=100),
        "assigned_to": clean_text(form.assigned_to, "Petugas", max_length=200),
    }
    if not isinstance(form.tanggal_surat, date):
        raise ValidationError("Tanggal surat wajib diisi")
    if form.received_at.tzinfo is None:
        raise ValidationError("Waktu diterima harus bertanggal dan berzona waktu")
    received_local = form.received_at.astimezone(office.zone).date()
    if form.tanggal_surat > received_local:
        raise ValidationError("Tanggal surat tidak boleh sesudah tanggal diterima")
    if sop.has_event and form.event_date is not None and form.event_date < form.tanggal_surat:
        raise ValidationError("Tanggal acara tidak boleh sebelum tanggal surat")
    if values["leader"] and office.leaders and values["leader"] not in office.leaders:
        raise ValidationError(f'Pimpinan "{values["leader"]}" tidak dikenal; pilih {", ".join(office.leaders)}')
    for position in form.fulfilled:
        if not 0 <= position < len(sop.standard.persyaratan):
            raise ValidationError(f"Persyaratan nomor {position + 1} tidak ada pada layanan ini")
    for path in form.attachments:
        _check_attachment(path)
    return values


def _check_attachment(path: Path) -> None:
    if not path.is_file():
        raise ValidationError(f"Lampiran {path} tidak ditemukan")
    if path.suffix.lower() not in ALLOWED_ATTACHMENTS:
        raise ValidationError(
            f"Jenis lampiran {path.suffix or '(tanpa ekstensi)'} tidak diterima; "
            "gunakan PDF, gambar, atau dokumen kantor"
        )
    if path.stat().st_size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(f"Lampiran {path.name} lebih dari 25 MB")


def store_file(path: Path, files_dir: Path, request_id: int) -> tuple[str, str, int]:
    """Copy an attachment into the data folder (never a link); returns stored name, hash, size."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    folder = files_dir / f"{request_id:06d}"
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{digest[:12]}-{path.name}"
    target = folder / stored
    if not target.exists():
        shutil.copyfile(path, target)
    return f"{request_id:06d}/{stored}", digest, path.stat().st_size


def _history(request: Request, actor: Actor, action: str, detail: str, now: datetime) -> None:
    History.create(request=request, at=now, actor=f"{actor.name} ({actor.role})", action=action, detail=detail)


def _state(request: Request) -> dict:
    return {
        "status": request.status,
        "current_step": request.current_step,
        "round": request.current_round,
        "assigned_to": request.assigned_to,
        "version": request.version,
    }


CONFLICT = "Permohonan ini baru saja diubah di komputer lain; tampilan diperbarui, silakan periksa dan ulangi"


def _save_versioned(request: Request) -> None:
    """Save only if nobody else changed the request since it was read (optimistic concurrency: on a
    shared server two desks may act on one request at the same moment; exactly one wins)."""
    old = request.version
    request.version = old + 1
    values = {field: getattr(request, field.name) for field in request.dirty_fields if field.name != "id"}
    updated = Request.update(values).where((Request.id == request.id) & (Request.version == old)).execute()
    if updated != 1:
        raise ServiceError(CONFLICT)


def _bump(request: Request, actor: Actor, action: str, now: datetime, detail: str = "") -> None:
    """Save a changed request: a new version, and an audit entry with the state before and after."""
    before = getattr(request, "_audit_before", None)
    _save_versioned(request)
    after = {**_state(request), **({"detail": detail} if detail else {})}
    audit.record(f"{actor.name} ({actor.role})", action, "permohonan", request.id, before, after, now)
    request._audit_before = _state(request)


def register_request(form: IntakeForm, actor: Actor, files_dir: Path | None = None) -> int:
    """Register a letter as a request on its SOP's revision in force. Returns the request id."""
    revision = current_revision(form.sop_code)
    sop = sop_of_revision(revision.id)
    office = active_office()
    try:
        values = _validated(form, sop, office)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    if form.attachments and files_dir is None:
        raise ServiceError("Folder lampiran belum ditentukan")
    due = calendar().deadline(form.received_at, sop.standard.time_frame, office.zone)
    with database.atomic():
        request = Request.create(
            revision=revision,
            tanggal_surat=form.tanggal_surat,
            received_at=form.received_at,
            event_date=form.event_date if sop.has_event else None,
            status="baru",
            due_at=due,
            created_at=form.received_at,
            created_by=actor.name,
            **values,
        )
        for position, requirement in enumerate(sop.standard.persyaratan):
            done = position in form.fulfilled
            RequestRequirement.create(
                request=request,
                position=position,
                text=requirement.text,
                required=requirement.required,
                fulfilled=done,
                fulfilled_at=form.received_at if done else None,
                fulfilled_by=actor.name if done else "",
            )
        _history(request, actor, "didaftarkan", f"{sop.service}: {values['perihal']}", form.received_at)
        audit.record(
            f"{actor.name} ({actor.role})", "didaftarkan", "permohonan", request.id, None,
            {**values, "sop": sop.code, "revision": revision.revision, "fulfilled": list(form.fulfilled)},
            form.received_at,
        )  # fmt: skip
        for path in form.attachments:
            assert files_dir is not None
            stored, digest, size = store_file(path, files_dir, request.id)
            Attachment.create(
                request=request,
                kind="surat",
                original_name=path.name,
                stored_name=stored,
                sha256=digest,
                size=size,
                added_at=form.received_at,
                added_by=actor.name,
            )
            _history(request, actor, "lampiran", path.name, form.received_at)
    return int(request.id)


def deadline_text(sop_code: str, received_at: datetime) -> str:
    """The intake form's deadline line for a request on ``sop_code`` received at ``received_at``:
    "Batas waktu: Senin, 18 Mei 2026 (1 hari kerja, dihitung sejak hari kerja berikutnya)"."""
    from ..domain.indonesian import format_date_long, format_time

    sop = sop_of_revision(current_revision(sop_code).id)
    office = active_office()
    found = calendar().service_deadline(received_at, sop.standard.time_frame, office.zone)
    if found is None:
        return "Batas waktu: tidak ada (jangka waktu layanan tidak ditentukan)"
    if sop.standard.time_frame.kind is DurationKind.MINUTES:
        moment = found.due_at.astimezone(office.zone)
        return f"Batas waktu: {format_date_long(found.day)} pukul {format_time(moment)} ({found.rule})"
    return f"Batas waktu: {format_date_long(found.day)} ({found.rule})"


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Rescheduled:
    """Open requests whose due time an office day moved, and how many were left as they were."""

    moved: tuple[tuple[str, datetime, datetime], ...]  # (nomor surat, before, after), UTC
    unchanged: int


def reschedule_open_deadlines(who: str, now: datetime | None = None) -> Rescheduled:
    """Recompute the due time of every open request (belum dimulai, berjalan, ditunda) after the
    office calendar changed; finished and cancelled requests keep theirs. Each moved request gets a
    new version and an audit entry. Runs inside the caller's transaction when there is one."""
    from ..domain.indonesian import format_date_long

    now = _now(now)
    cal = calendar()
    office = active_office()
    moved = []
    unchanged = 0
    with database.atomic():
        for request in Request.select().where(Request.status.in_(ACTIVE_STATUSES) & Request.due_at.is_null(False)):
            sop = sop_of_revision(request.revision_id)
            due = cal.deadline(request.received_at, sop.standard.time_frame, office.zone)
            if due is None or due == request.due_at:
                unchanged += 1
                continue
            before = _utc(request.due_at)
            request.due_at = due
            _save_versioned(request)
            local = due.astimezone(office.zone)
            detail = f"Batas waktu digeser ke {format_date_long(local.date())} (kalender kantor berubah)"
            History.create(request=request, at=now, actor=who, action="batas_waktu", detail=detail)
            audit.record(who, "batas_waktu_digeser", "permohonan", request.id, {"due_at": before.isoformat()},
                         {"due_at": due.isoformat()}, now)  # fmt: skip
            moved.append((request.nomor_surat, before, due))
    return Rescheduled(tuple(moved), unchanged)


def _get(request_id: int) -> Request:
    request = Request.get_or_none(Request.id == request_id)
    if request is None:
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    request._audit_before = _state(request)
    return request


def sop_of(request: Request) -> Sop:
    return sop_of_revision(request.revision_id)


def missing_requirements(request_id: int) -> list[str]:
    return [
        r.text
        for r in RequestRequirement.select()
        .where((RequestRequirement.request == request_id) & RequestRequirement.required & ~RequestRequirement.fulfilled)
        .order_by(RequestRequirement.position)
    ]


def set_requirement(request_id: int, position: int, fulfilled: bool, actor: Actor, now: datetime | None = None) -> None:
    now = _now(now)
    with database.atomic():
        request = _get(request_id)
        row = RequestRequirement.get_or_none(
            (RequestRequirement.request == request) & (RequestRequirement.position == position)
        )
        if row is None:
            raise ServiceError(f"Persyaratan nomor {position + 1} tidak ada")
        if row.fulfilled == fulfilled:
            return
        row.fulfilled = fulfilled
        row.fulfilled_at = now if fulfilled else None
        row.fulfilled_by = actor.name if fulfilled else ""
        row.save()
        _history(request, actor, "persyaratan", f"{'Lengkap' if fulfilled else 'Belum ada'}: {row.text}", now)
        _bump(request, actor, "persyaratan", now)


def _role_of(sop: Sop, step_number: int, office: Office) -> str:
    executor = sop.step(step_number).executor
    role = office.role_for(executor)
    return role.name if role else executor


def _rank(office: Office, role_name: str) -> int | None:
    for role in office.roles:
        if role.name == role_name:
            return role.rank
    return None


def _open_run(request: Request) -> StepRun | None:
    return (
        StepRun.select()
        .where((StepRun.request == request) & StepRun.ended_at.is_null())
        .order_by(StepRun.id.desc())
        .first()
    )


def _step_limit(duration: Duration, office: Office, now: datetime) -> int | None:
    """The step timer's limit in minutes (:meth:`WorkingCalendar.step_limit_minutes`); the office
    calendar is read only for a standard in working days, the other kinds do not need it."""
    cal = calendar() if duration.kind is DurationKind.WORKING_DAYS else WorkingCalendar()
    return cal.step_limit_minutes(now, duration, office.zone)


def _start_step(request: Request, sop: Sop, number: int, office: Office, now: datetime) -> StepRun:
    step = sop.step(number)
    duration = step.duration
    request.current_step = number
    return StepRun.create(
        request=request,
        step_number=number,
        round=request.current_round,
        executor=step.executor,
        role=_role_of(sop, number, office),
        started_at=now,
        standard_minutes=_step_limit(duration, office, now),
    )


def start_request(request_id: int, actor: Actor, override_reason: str = "", now: datetime | None = None) -> None:
    """Start the first step. Refused while required persyaratan are missing, unless a Kabag
    (the highest role) overrides with a reason."""
    now = _now(now)
    office = active_office()
    with database.atomic():
        request = _get(request_id)
        if request.status != "baru":
            raise ServiceError(f"Permohonan {request.nomor_surat} sudah {STATUS_LABELS[request.status].lower()}")
        missing = missing_requirements(request_id)
        reason = override_reason.strip()
        if missing:
            if not reason:
                raise ServiceError(
                    "Berkas belum lengkap: " + "; ".join(missing) + ". Lengkapi dulu, atau Kabag dapat "
                    "memulai dengan alasan."
                )
            permissions.can_start_incomplete(actor).enforce()
            request.override_reason = reason
        sop = sop_of(request)
        request.status = "berjalan"
        request.started_at = now
        _start_step(request, sop, sop.first_step.number, office, now)
        _history(
            request,
            actor,
            "dimulai",
            f"Langkah {sop.first_step.number}: {sop.first_step.uraian}"
            + (f" (berkas belum lengkap: {reason})" if missing else ""),
            now,
        )
        _bump(request, actor, "dimulai", now)


def _close_open_pause(run: StepRun, now: datetime) -> None:
    pause = StepPause.get_or_none((StepPause.step_run == run) & StepPause.resumed_at.is_null())
    if pause is not None:
        pause.resumed_at = now
        pause.save()
        run.paused_seconds += int(max(0.0, (now - pause.paused_at).total_seconds()))


@dataclass(frozen=True)
class StepResult:
    finished: bool
    next_step: int | None
    round: int


def complete_step(
    request_id: int,
    actor: Actor,
    *,
    output: str | None = None,
    note: str = "",
    answer: bool | None = None,
    on_behalf: bool = False,
    gate_override: str = "",
    expected_step: int | None = None,
    attachment: Path | None = None,
    files_dir: Path | None = None,
    now: datetime | None = None,
) -> StepResult:
    """Complete the current step and start the next one (or finish the request).

    A step whose SOP data declares gates (:mod:`.gates`) is refused while a gate is unmet, unless a
    user allowed to override (:func:`.permissions.can_override_gate`) gives ``gate_override``, a
    reason kept in the history and the audit trail."""
    now = _now(now)
    office = active_office()
    try:
        note = clean_text(note, "Catatan", max_length=4000)
        output_text = clean_text(output, "Output", max_length=500) if output is not None else None
        if attachment is not None:
            _check_attachment(attachment)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    with database.atomic():
        request = _get(request_id)
        if request.status == "ditunda":
            raise ServiceError("Permohonan sedang ditunda; aktifkan kembali sebelum menyelesaikan langkah")
        if request.status != "berjalan":
            raise ServiceError(
                f"Permohonan {request.nomor_surat} tidak sedang berjalan ({STATUS_LABELS[request.status]})"
            )
        run = _open_run(request)
        if run is None:
            raise ServiceError("Permohonan ini tidak punya langkah yang sedang berjalan")
        if expected_step is not None and run.step_number != expected_step:
            last = (
                StepRun.select()
                .where((StepRun.request == request) & StepRun.ended_at.is_null(False))
                .order_by(StepRun.ended_at.desc())
                .first()
            )
            who = f" oleh {last.completed_by}" if last else ""
            raise ServiceError(f"Langkah {expected_step} sudah diselesaikan{who}; sekarang langkah {run.step_number}")
        sop = sop_of(request)
        step = sop.step(run.step_number)
        if step.decision is not None and answer is None:
            raise ServiceError(f"Jawab pertanyaan langkah {step.number}: {step.decision.question}")
        permissions.can_complete_step(actor, run.role, on_behalf).enforce()
        unmet = gates.missing(request.id, step)
        override = gate_override.strip()
        if unmet:
            if not override:
                raise ServiceError(gates.describe(step, unmet))
            permissions.can_override_gate(actor).enforce()
        _close_open_pause(run, now)
        run.ended_at = now
        run.completed_by = actor.name
        run.on_behalf = actor.role != run.role
        run.output = output_text if output_text else step.output
        run.note = note
        run.answer = answer if step.decision is not None else None
        closed = (
            StepRun.update(
                ended_at=run.ended_at,
                completed_by=run.completed_by,
                on_behalf=run.on_behalf,
                output=run.output,
                note=run.note,
                answer=run.answer,
                paused_seconds=run.paused_seconds,
            )  # fmt: skip
            .where((StepRun.id == run.id) & StepRun.ended_at.is_null())
            .execute()
        )
        if closed != 1:  # completed at the same moment on another PC: theirs stands
            winner = StepRun.get_by_id(run.id)
            raise ServiceError(
                f"Langkah {step.number} baru saja diselesaikan oleh {winner.completed_by or 'pengguna lain'}; "
                "tampilan diperbarui"
            )
        next_number = sop.next_step(step.number, answer)
        detail = f"Langkah {step.number} selesai (putaran {run.round}): {run.output or '-'}"
        if step.decision is not None:
            detail += f"; {step.decision.question} {'Ya' if answer else 'Tidak'}"
        if run.on_behalf:
            detail += f"; atas nama {run.role}"
        if note:
            detail += f"; catatan: {note}"
        if unmet:
            detail += f"; syarat dilewati ({', '.join(p.text for p in unmet)}), alasan: {override}"
        _history(request, actor, "langkah_selesai", detail, now)
        if attachment is not None:
            if files_dir is None:
                raise ServiceError("Folder lampiran belum ditentukan")
            stored, digest, size = store_file(attachment, files_dir, request.id)
            Attachment.create(
                request=request,
                step_run=run,
                kind="output",
                original_name=attachment.name,
                stored_name=stored,
                sha256=digest,
                size=size,
                added_at=now,
                added_by=actor.name,
            )
            _history(request, actor, "lampiran", attachment.name, now)
        if next_number is None:
            request.status = "selesai"
            request.current_step = None
            request.finished_at = now
            _history(request, actor, "selesai", f"{sop.service} selesai", now)
        else:
            if next_number <= step.number:
                request.current_round += 1
            new_run = _start_step(request, sop, next_number, office, now)
            _history(
                request,
                actor,
                "langkah_mulai",
                f"Langkah {next_number} (putaran {new_run.round}): {sop.step(next_number).uraian}",
                now,
            )
        _bump(request, actor, "langkah_selesai", now)
        if unmet:
            audit.record(
                f"{actor.name} ({actor.role})", "syarat_dilewati", "permohonan", request.id,
                {"step": step.number, "unmet": [p.kind for p in unmet], "problems": [p.text for p in unmet]},
                {"reason": override}, now,
            )  # fmt: skip
        return StepResult(next_number is None, next_number, request.current_round)


def pause_step(request_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    now = _now(now)
    reason = reason.strip()
    if not reason:
        raise ServiceError("Alasan jeda wajib diisi")
    with database.atomic():
        request = _get(request_id)
        run = _open_run(request)
        if request.status != "berjalan" or run is None:
            raise ServiceError("Tidak ada langkah berjalan yang dapat dijeda")
        if StepPause.select().where((StepPause.step_run == run) & StepPause.resumed_at.is_null()).exists():
            raise ServiceError("Pewaktu langkah ini sudah dijeda")
        StepPause.create(step_run=run, paused_at=now, reason=reason)
        _history(request, actor, "dijeda", f"Langkah {run.step_number}: {reason}", now)
        _bump(request, actor, "dijeda", now)


def resume_step(request_id: int, actor: Actor, now: datetime | None = None) -> None:
    now = _now(now)
    with database.atomic():
        request = _get(request_id)
        run = _open_run(request)
        if request.status != "berjalan" or run is None:
            raise ServiceError("Tidak ada langkah yang dijeda")
        if not StepPause.select().where((StepPause.step_run == run) & StepPause.resumed_at.is_null()).exists():
            raise ServiceError("Pewaktu langkah ini tidak sedang dijeda")
        _close_open_pause(run, now)
        run.save()
        _history(request, actor, "dilanjutkan", f"Langkah {run.step_number}", now)
        _bump(request, actor, "dilanjutkan", now)


def hold(request_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    """Put a request on hold (menunggu penyelenggara); its step timer pauses with the reason."""
    now = _now(now)
    reason = reason.strip()
    if not reason:
        raise ServiceError("Alasan penundaan wajib diisi")
    with database.atomic():
        request = _get(request_id)
        if request.status not in ("baru", "berjalan"):
            raise ServiceError(f"Permohonan {STATUS_LABELS[request.status].lower()} tidak dapat ditunda")
        run = _open_run(request)
        if (
            run is not None
            and not StepPause.select().where((StepPause.step_run == run) & StepPause.resumed_at.is_null()).exists()
        ):
            StepPause.create(step_run=run, paused_at=now, reason=f"Ditunda: {reason}")
        request.hold_reason = f"{request.status}|{reason}"
        request.status = "ditunda"
        _history(request, actor, "ditunda", reason, now)
        _bump(request, actor, "ditunda", now)


def release(request_id: int, actor: Actor, now: datetime | None = None) -> None:
    now = _now(now)
    with database.atomic():
        request = _get(request_id)
        if request.status != "ditunda":
            raise ServiceError("Permohonan ini tidak sedang ditunda")
        previous = request.hold_reason.split("|", 1)[0] or "berjalan"
        run = _open_run(request)
        if run is not None:
            _close_open_pause(run, now)
            run.save()
        request.status = previous
        request.hold_reason = ""
        _history(request, actor, "diaktifkan", "Permohonan dilanjutkan", now)
        _bump(request, actor, "diaktifkan", now)


def cancel(request_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    """Cancel (acara batal), by an Admin or the Kabag. Nothing is deleted: the open step is closed
    without a result."""
    permissions.can_cancel_request(actor).enforce()
    now = _now(now)
    reason = reason.strip()
    if not reason:
        raise ServiceError("Alasan pembatalan wajib diisi")
    with database.atomic():
        request = _get(request_id)
        if request.status in ("batal", "selesai"):
            raise ServiceError(f"Permohonan sudah {STATUS_LABELS[request.status].lower()}")
        run = _open_run(request)
        if run is not None:
            _close_open_pause(run, now)
            run.ended_at = now
            run.note = f"Dibatalkan: {reason}"
            run.save()
        request.status = "batal"
        request.hold_reason = reason
        request.finished_at = now
        _history(request, actor, "dibatalkan", reason, now)
        _bump(request, actor, "dibatalkan", now)


def assign(request_id: int, person: str, actor: Actor, now: datetime | None = None) -> None:
    now = _now(now)
    try:
        person = clean_text(person, "Nama petugas", required=True, max_length=200)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    with database.atomic():
        request = _get(request_id)
        request.assigned_to = person
        _history(request, actor, "ditugaskan", person, now)
        _bump(request, actor, "ditugaskan", now)


def add_attachment(
    request_id: int, path: Path, actor: Actor, files_dir: Path, kind: str = "lampiran", now: datetime | None = None
) -> None:
    now = _now(now)
    try:
        _check_attachment(path)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    with database.atomic():
        request = _get(request_id)
        stored, digest, size = store_file(path, files_dir, request.id)
        Attachment.create(
            request=request,
            kind=kind,
            original_name=path.name,
            stored_name=stored,
            sha256=digest,
            size=size,
            added_at=now,
            added_by=actor.name,
        )
        _history(request, actor, "lampiran", path.name, now)
        _bump(request, actor, "lampiran", now)


def record_change(
    request_id: int,
    actor: Actor,
    action: str,
    detail: str,
    before: object = None,
    after: object = None,
    now: datetime | None = None,
) -> None:
    """A change to a request's records (checklist, attendance, minutes, rundown…): one History row
    and one audit entry, like a step. Call inside the transaction of the change."""
    now = _now(now)
    request = _get(request_id)
    _history(request, actor, action, detail, now)
    _save_versioned(request)
    audit.record(actor, action, "permohonan", request.id, before, after, now)
