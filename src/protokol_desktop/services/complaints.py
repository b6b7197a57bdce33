"""The complaint register (pengaduan): received, classified, handled and answered within the office's
standard in working days. Complaints stand on their own or concern a service and request; every
change is audited, and a complaint about a request also shows in that request's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..domain.validation import ValidationError, clean_text, normalise_phone
from ..store.models import Request, database
from ..store.records import Complaint, ComplaintNote
from . import Actor, ServiceError, audit
from .office import active_office, calendar
from .requests import record_change

CHANNELS = ("langsung", "telepon", "surat", "WhatsApp", "email", "kotak saran")
STATUSES = {"baru": "Baru", "ditangani": "Ditangani", "selesai": "Selesai"}


def _clean(value: str, field: str, **options) -> str:  # noqa: ANN003
    try:
        return clean_text(value, field, **options)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc


def due_date(received_at: datetime) -> date:
    """The answer is due ``complaint_days`` working days after the office-local day of receipt."""
    office = active_office()
    return calendar().add_working_days(received_at.astimezone(office.zone).date(), office.complaint_days)


def register(actor: Actor, received_at: datetime, channel: str, content: str, complainant: str = "",
             contact: str = "", sop_code: str = "", request_id: int | None = None,
             classification: str = "") -> Complaint:  # fmt: skip
    if received_at.tzinfo is None:
        raise ServiceError("Waktu diterima harus berzona waktu")
    if channel not in CHANNELS:
        raise ServiceError(f"Saluran pengaduan harus salah satu dari: {', '.join(CHANNELS)}")
    values = {
        "content": _clean(content, "Isi pengaduan", required=True, max_length=10_000),
        "complainant": _clean(complainant, "Nama pengadu", max_length=200),
        "classification": _clean(classification, "Klasifikasi", max_length=60),
        "sop_code": _clean(sop_code, "Layanan", max_length=40),
    }
    try:
        values["contact"] = normalise_phone(contact) if contact.strip() and "@" not in contact else contact.strip()
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    if request_id is not None and not Request.select().where(Request.id == request_id).exists():
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    with database.atomic():
        complaint = Complaint.create(received_at=received_at, channel=channel, request=request_id,
                                     due_date=due_date(received_at), created_by=actor.name, **values)  # fmt: skip
        audit.record(actor, "pengaduan_diterima", "pengaduan", complaint.id, None,
                     {**values, "channel": channel, "due": complaint.due_date.isoformat()}, received_at)  # fmt: skip
        if request_id is not None:
            record_change(request_id, actor, "pengaduan", f"Pengaduan #{complaint.id}: {values['content'][:80]}",
                          None, None, received_at)  # fmt: skip
    return complaint


def _get(complaint_id: int) -> Complaint:
    complaint = Complaint.get_or_none(Complaint.id == complaint_id)
    if complaint is None:
        raise ServiceError(f"Pengaduan nomor {complaint_id} tidak ada")
    return complaint


def assign(complaint_id: int, handler: str, actor: Actor, now: datetime | None = None) -> None:
    handler = _clean(handler, "Petugas", required=True, max_length=200)
    complaint = _get(complaint_id)
    if complaint.status == "selesai":
        raise ServiceError("Pengaduan sudah selesai")
    with database.atomic():
        Complaint.update(handler=handler, status="ditangani").where(Complaint.id == complaint_id).execute()
        audit.record(actor, "pengaduan_ditugaskan", "pengaduan", complaint_id, {"handler": complaint.handler},
                     {"handler": handler}, now)  # fmt: skip


def add_note(complaint_id: int, text: str, actor: Actor, now: datetime | None = None) -> None:
    text = _clean(text, "Tindak lanjut", required=True, max_length=5000)
    complaint = _get(complaint_id)
    with database.atomic():
        ComplaintNote.create(complaint=complaint, at=now or datetime.now(UTC), actor=actor.name, text=text)
        if complaint.status == "baru":
            Complaint.update(status="ditangani").where(Complaint.id == complaint_id).execute()
        audit.record(actor, "pengaduan_tindak_lanjut", "pengaduan", complaint_id, None, {"text": text}, now)


def resolve(complaint_id: int, resolution: str, actor: Actor, now: datetime | None = None) -> None:
    resolution = _clean(resolution, "Penyelesaian", required=True, max_length=5000)
    now = now or datetime.now(UTC)
    complaint = _get(complaint_id)
    if complaint.status == "selesai":
        raise ServiceError("Pengaduan sudah selesai")
    with database.atomic():
        Complaint.update(status="selesai", resolution=resolution, resolved_at=now).where(
            Complaint.id == complaint_id
        ).execute()
        audit.record(actor, "pengaduan_selesai", "pengaduan", complaint_id, {"status": complaint.status},
                     {"status": "selesai", "resolution": resolution}, now)  # fmt: skip
        if complaint.request_id is not None:
            record_change(complaint.request_id, actor, "pengaduan", f"Pengaduan #{complaint_id} selesai", None,
                          None, now)  # fmt: skip


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    received_at: datetime
    channel: str
    complainant: str
    service: str
    content: str
    classification: str
    handler: str
    due_date: date
    status: str
    resolution: str
    resolved_at: datetime | None
    overdue: bool
    on_time: bool | None


def rows(text: str = "", status: str = "", now: datetime | None = None) -> list[ComplaintRow]:
    """The register, newest first; ``text`` is plain text (no patterns)."""
    now = now or datetime.now(UTC)
    office = active_office()
    today = now.astimezone(office.zone).date()
    query = Complaint.select().order_by(Complaint.received_at.desc())
    if status:
        query = query.where(Complaint.status == status)
    needle = text.strip().casefold()
    result = []
    for c in query:
        fields = (c.content, c.complainant, c.classification, c.handler, c.resolution, c.sop_code)
        if needle and not any(needle in f.casefold() for f in fields):
            continue
        resolved_day = c.resolved_at.astimezone(office.zone).date() if c.resolved_at else None
        result.append(
            ComplaintRow(
                c.id,
                c.received_at,
                c.channel,
                c.complainant or "(anonim)",
                c.sop_code,
                c.content,
                c.classification,
                c.handler,
                c.due_date,
                c.status,
                c.resolution,
                c.resolved_at,
                overdue=c.status != "selesai" and today > c.due_date,
                on_time=None if resolved_day is None else resolved_day <= c.due_date,
            )  # fmt: skip
        )
    return result


def overdue_count(now: datetime | None = None) -> int:
    return sum(1 for row in rows(status="", now=now) if row.overdue)


def export_register(out: Path, text: str = "", status: str = "", now: datetime | None = None) -> Path:
    from ..export.records_xlsx import write_complaints

    office = active_office()
    heading = ["REGISTER PENGADUAN", f"{office.organisation} — {office.unit}"]
    return write_complaints(out, heading, rows(text, status, now), office.zone)
