"""The complaint register (pengaduan): received, classified, handled and answered within the office's
standard in working days. Complaints stand on their own or concern a service and request; every
change is audited, and a complaint about a request also shows in that request's history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ..domain.calendar import WorkingCalendar
from ..domain.validation import ValidationError, clean_text, normalise_phone
from ..store.models import Request, SopRecord, SopRevision, database
from ..store.records import Complaint, ComplaintNote
from . import Actor, ServiceError, audit
from .office import active_office, calendar
from .requests import record_change, sop_of
from .visits import SearchHit

CHANNELS = ("langsung", "telepon", "surat", "WhatsApp", "email", "kotak saran")
STATUSES = {"baru": "Baru", "ditangani": "Ditangani", "selesai": "Selesai"}
OVERDUE = "lewat"  # the status filter for complaints past their deadline
CLASSIFICATIONS = ("Waktu pelayanan", "Sikap petugas", "Prosedur", "Informasi", "Sarana", "Lainnya")
CLOCK_SKEW = timedelta(minutes=10)  # a PC clock a little ahead is not "the future"


def _clean(value: str, field: str, **options) -> str:  # noqa: ANN003
    try:
        return clean_text(value, field, **options)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc


def due_date(received_at: datetime) -> date:
    """The answer is due ``complaint_days`` working days after the office-local day of receipt (that
    day is day 0 when it is a working day; a complaint on a holiday counts from the next working day)."""
    office = active_office()
    return calendar().add_working_days(received_at.astimezone(office.zone).date(), office.complaint_days)


def _contact(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    if "@" in text:
        name, _, domain = text.partition("@")
        if not name or "." not in domain or " " in text:
            raise ServiceError(f'Alamat email "{text}" tidak sah')
        return _clean(text, "Kontak", max_length=100)
    try:
        return normalise_phone(text)
    except ValidationError as exc:
        raise ServiceError(f"{exc} (atau tulis alamat email)") from exc


def register(actor: Actor, received_at: datetime, channel: str, content: str, complainant: str = "",
             contact: str = "", sop_code: str = "", request_id: int | None = None,
             classification: str = "", now: datetime | None = None) -> Complaint:  # fmt: skip
    """Record a complaint; an empty ``complainant`` is an anonymous one. ``request_id`` ties it to a
    request (and so to its service); the answer deadline follows :func:`due_date`."""
    now = now or datetime.now(UTC)
    if received_at.tzinfo is None:
        raise ServiceError("Waktu diterima harus berzona waktu")
    if received_at > now + CLOCK_SKEW:
        raise ServiceError("Waktu diterima tidak boleh di masa depan")
    if channel not in CHANNELS:
        raise ServiceError(f"Saluran pengaduan harus salah satu dari: {', '.join(CHANNELS)}")
    values = {
        "content": _clean(content, "Isi pengaduan", required=True, max_length=10_000),
        "complainant": _clean(complainant, "Nama pengadu", max_length=200),
        "classification": _clean(classification, "Klasifikasi", max_length=60),
        "sop_code": _clean(sop_code, "Layanan", max_length=40),
        "contact": _contact(contact),
    }
    if request_id is not None:
        request = Request.get_or_none(Request.id == request_id)
        if request is None:
            raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
        code = sop_of(request).code
        if values["sop_code"] and values["sop_code"] != code:
            raise ServiceError(f"Permohonan {request.nomor_surat} bukan layanan {values['sop_code']}")
        values["sop_code"] = code
    elif values["sop_code"] and not SopRecord.select().where(SopRecord.code == values["sop_code"]).exists():
        raise ServiceError(f"Layanan dengan kode '{values['sop_code']}' tidak ada")
    due = due_date(received_at)
    with database.atomic():
        complaint = Complaint.create(received_at=received_at, channel=channel, request=request_id, due_date=due,
                                     created_by=actor.name, **values)  # fmt: skip
        audit.record(actor, "pengaduan_diterima", "pengaduan", complaint.id, None,
                     {**values, "channel": channel, "due": due.isoformat()}, now)  # fmt: skip
        if request_id is not None:
            detail = f"Pengaduan #{complaint.id} diterima: {values['content'][:80]}"
            record_change(request_id, actor, "pengaduan", detail, None, None, now)
    return complaint


def _get(complaint_id: int) -> Complaint:
    complaint = Complaint.get_or_none(Complaint.id == complaint_id)
    if complaint is None:
        raise ServiceError(f"Pengaduan nomor {complaint_id} tidak ada")
    return complaint


def _on_request(complaint: Complaint, actor: Actor, detail: str, now: datetime | None) -> None:
    if complaint.request_id is not None:
        record_change(complaint.request_id, actor, "pengaduan", f"Pengaduan #{complaint.id}: {detail}", None, None,
                      now)  # fmt: skip


def assign(complaint_id: int, handler: str, actor: Actor, now: datetime | None = None) -> None:
    """Give the complaint to an officer; a new complaint becomes "ditangani"."""
    handler = _clean(handler, "Petugas", required=True, max_length=200)
    complaint = _get(complaint_id)
    if complaint.status == "selesai":
        raise ServiceError("Pengaduan sudah selesai")
    with database.atomic():
        Complaint.update(handler=handler, status="ditangani").where(Complaint.id == complaint_id).execute()
        audit.record(actor, "pengaduan_ditugaskan", "pengaduan", complaint_id, {"handler": complaint.handler},
                     {"handler": handler}, now)  # fmt: skip
        _on_request(complaint, actor, f"ditangani {handler}", now)


def add_note(complaint_id: int, text: str, actor: Actor, now: datetime | None = None) -> None:
    """A follow-up note (tindak lanjut), kept with who wrote it and when."""
    text = _clean(text, "Tindak lanjut", required=True, max_length=5000)
    complaint = _get(complaint_id)
    with database.atomic():
        ComplaintNote.create(complaint=complaint, at=now or datetime.now(UTC), actor=actor.name, text=text)
        if complaint.status == "baru":
            Complaint.update(status="ditangani").where(Complaint.id == complaint_id).execute()
        audit.record(actor, "pengaduan_tindak_lanjut", "pengaduan", complaint_id, None, {"text": text}, now)
        _on_request(complaint, actor, f"tindak lanjut: {text[:80]}", now)


def resolve(complaint_id: int, resolution: str, actor: Actor, now: datetime | None = None) -> None:
    """Close the complaint with its resolution (the answer given to the complainant)."""
    resolution = _clean(resolution, "Penyelesaian", required=True, max_length=5000)
    now = now or datetime.now(UTC)
    complaint = _get(complaint_id)
    if complaint.status == "selesai":
        raise ServiceError("Pengaduan sudah selesai")
    if now < complaint.received_at:
        raise ServiceError("Tanggal penyelesaian tidak boleh sebelum pengaduan diterima")
    with database.atomic():
        Complaint.update(status="selesai", resolution=resolution, resolved_at=now).where(
            Complaint.id == complaint_id
        ).execute()
        audit.record(actor, "pengaduan_selesai", "pengaduan", complaint_id, {"status": complaint.status},
                     {"status": "selesai", "resolution": resolution}, now)  # fmt: skip
        _on_request(complaint, actor, "selesai", now)


# -- reading ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteRow:
    at: datetime
    actor: str
    text: str


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    received_at: datetime
    channel: str
    complainant: str  # "(anonim)" when no name was given
    service: str  # the service's name, "" when not about one
    content: str
    classification: str
    handler: str
    due_date: date
    status: str  # baru, ditangani, selesai
    resolution: str
    resolved_at: datetime | None
    overdue: bool  # not resolved and past its deadline
    on_time: bool | None  # resolved by the deadline; None while open
    contact: str = ""
    sop_code: str = ""
    request_id: int | None = None
    request_label: str = ""  # "nomor surat — perihal"
    notes: tuple[NoteRow, ...] = ()
    days_left: int | None = None  # working days to the deadline (0: due today, negative: overdue); None when done

    @property
    def status_label(self) -> str:
        return STATUSES[self.status] + (" (lewat batas)" if self.overdue else "")


def _days_left(working: WorkingCalendar, today: date, due: date, status: str) -> int | None:
    if status == "selesai":
        return None
    if today <= due:
        return working.working_days_between(today, due)
    return -working.working_days_between(due, today)


def _today(now: datetime | None) -> date:
    return (now or datetime.now(UTC)).astimezone(active_office().zone).date()


def _service_names() -> dict[str, str]:
    from .library import list_library

    return {entry.sop.code: entry.sop.service for entry in list_library()}


def rows(text: str = "", status: str = "", now: datetime | None = None) -> list[ComplaintRow]:
    """The register, newest first. ``status`` is a key of STATUSES, ``"lewat"`` for the overdue ones,
    or "" for all; ``text`` is plain text (no patterns) searched in every field and the notes."""
    office = active_office()
    today = _today(now)
    query = Complaint.select().order_by(Complaint.received_at.desc(), Complaint.id.desc())
    if status == OVERDUE:
        query = query.where((Complaint.status != "selesai") & (Complaint.due_date < today))
    elif status:
        query = query.where(Complaint.status == status)
    complaints = list(query)
    notes: dict[int, list[NoteRow]] = defaultdict(list)
    ids = [c.id for c in complaints]
    for start in range(0, len(ids), 500):
        for note in (
            ComplaintNote.select()
            .where(ComplaintNote.complaint.in_(ids[start : start + 500]))
            .order_by(ComplaintNote.at, ComplaintNote.id)
        ):
            notes[note.complaint_id].append(NoteRow(note.at, note.actor, note.text))
    requests = {
        r.id: f"{r.nomor_surat} — {r.perihal}"
        for r in Request.select(Request.id, Request.nomor_surat, Request.perihal).where(
            Request.id.in_([c.request_id for c in complaints if c.request_id is not None])
        )
    }
    names = _service_names()
    working = calendar()
    needle = text.strip().casefold()
    result = []
    for c in complaints:
        service = names.get(c.sop_code, c.sop_code)
        request_label = requests.get(c.request_id, "") if c.request_id is not None else ""
        if needle:
            fields = (c.content, c.complainant, c.contact, c.classification, c.handler, c.resolution, c.channel,
                      service, request_label, *(n.text for n in notes[c.id]))  # fmt: skip
            if not any(needle in f.casefold() for f in fields) and needle.lstrip("#") != str(c.id):
                continue
        resolved_day = c.resolved_at.astimezone(office.zone).date() if c.resolved_at else None
        result.append(
            ComplaintRow(
                c.id,
                c.received_at,
                c.channel,
                c.complainant or "(anonim)",
                service,
                c.content,
                c.classification,
                c.handler,
                c.due_date,
                c.status,
                c.resolution,
                c.resolved_at,
                overdue=c.status != "selesai" and today > c.due_date,
                on_time=None if resolved_day is None else resolved_day <= c.due_date,
                contact=c.contact,
                sop_code=c.sop_code,
                request_id=c.request_id,
                request_label=request_label,
                notes=tuple(notes[c.id]),
                days_left=_days_left(working, today, c.due_date, c.status),
            )
        )
    return result


def overdue_count(now: datetime | None = None) -> int:
    """How many complaints are unresolved past their answer deadline (the main window shows it)."""
    today = _today(now)
    return Complaint.select().where((Complaint.status != "selesai") & (Complaint.due_date < today)).count()


def search(text: str) -> list[SearchHit]:
    """Complaints containing ``text`` in any field or follow-up note, as search hits (plain text, any
    case). Filtered in the database: the board asks on every search."""
    needle = text.strip()
    if not needle:
        return []
    fields = (Complaint.content, Complaint.complainant, Complaint.contact, Complaint.classification,
              Complaint.handler, Complaint.resolution)  # fmt: skip
    noted = ComplaintNote.select(ComplaintNote.complaint).where(ComplaintNote.text.contains(needle))
    condition = Complaint.id.in_(noted)
    for field in fields:
        condition |= field.contains(needle)
    return [
        SearchHit("pengaduan", c.request_id, f"#{c.id} {c.complainant or '(anonim)'}: {c.content[:100]}", c.id)
        for c in Complaint.select().where(condition).order_by(Complaint.received_at.desc(), Complaint.id.desc())
    ]


def classifications() -> list[str]:
    """Suggestions for the classification: the usual ones and those the office has used."""
    used = [c.classification for c in Complaint.select(Complaint.classification).distinct() if c.classification]
    return list(dict.fromkeys([*CLASSIFICATIONS, *sorted(used)]))


def request_choices(sop_code: str, limit: int = 300) -> list[tuple[int, str]]:
    """(id, label) of the requests of one service a complaint can be about, newest first."""
    if not sop_code:
        return []
    query = (
        Request.select(Request.id, Request.nomor_surat, Request.perihal)
        .join(SopRevision)
        .join(SopRecord)
        .where(SopRecord.code == sop_code)
        .order_by(Request.received_at.desc())
        .limit(limit)
    )
    return [(r.id, f"{r.nomor_surat} — {r.perihal}") for r in query]


def export_register(out: Path, text: str = "", status: str = "", now: datetime | None = None,
                    actor: Actor | str | None = None) -> Path:  # fmt: skip
    """The register (filtered like the page) in Excel: A4 landscape, header repeated, overdue in red."""
    from ..export.records_xlsx import write_complaints

    office = active_office()
    today = _today(now)
    heading = [
        "REGISTER PENGADUAN",
        f"{office.organisation} — {office.unit}",
        f"Batas jawab {office.complaint_days} hari kerja; keadaan per {today:%d/%m/%Y}",
    ]
    found = rows(text, status, now)
    written = write_complaints(out, heading, found, office.zone)
    audit.record_export(actor, "register_pengaduan", written, len(found), saringan=text.strip(), status=status)
    return written
