"""Event arrangement (Pengaturan Acara, AMB-ACARA; and the Lumajang event, LMJ-KOORDINASI): the
rundown, the officers, location checks and rehearsals with photos, the dress code and the guest list in
order of precedence; and the reminders of checks that fall due.

Every change to an event's records is one transaction that also writes the request's History and an
audit entry (:func:`~.requests.record_change`). Nothing is deleted: a removed line is withdrawn.

The Ambon procedure says the officers go to the location with the organiser "1 hari sebelum kegiatan
dimulai (paling terlambat 1 jam" [sebelum acara]): a check is due on H-1 and the hard limit is one hour
before the start. :func:`reminders` lists the required checks not yet reported, from the start of H-1
(office time) until the event starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..domain import precedence, rundown
from ..domain.indonesian import DAYS, format_date, format_date_long, format_datetime
from ..domain.validation import ValidationError, clean_text, normalise_phone
from ..store.events import CheckPhoto, EventCheck, EventGuest, EventInfo, EventOfficer, RundownItem
from ..store.models import Request, SopRecord, SopRevision, database
from . import Actor, ServiceError
from .office import active_office
from .permissions import can_act
from .requests import store_file

EVENT_SOPS = ("AMB-ACARA", "LMJ-KOORDINASI")
CHECK_KINDS = {"cek_lokasi": "Cek lokasi", "gladi": "Gladi"}
DEFAULT_CHECKS = {"AMB-ACARA": ("cek_lokasi", "gladi"), "LMJ-KOORDINASI": ("cek_lokasi",)}
OFFICER_DUTIES = (
    "MC",
    "Dirigen",
    "Pembaca doa",
    "Ajudan",
    "Petugas protokol",
    "Pemimpin upacara",
    "Perwira upacara",
    "Pembaca UUD 1945",
    "Lainnya",
)
PHOTO_TYPES = {".jpg", ".jpeg", ".png"}
LIMIT_BEFORE_START = timedelta(hours=1)


# --- shared helpers (also used by agenda, speeches and sop_protokol) -------------------------------


def now_utc(now: datetime | None) -> datetime:
    value = now or datetime.now(UTC)
    if value.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return value


def who(actor: Actor) -> str:
    return f"{actor.name} ({actor.role})"


def text(value: str | None, label: str, *, required: bool = False, max_length: int = 500) -> str:
    try:
        return clean_text(value, label, required=required, max_length=max_length)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc


def require_known(actor: Actor) -> None:
    can_act(actor).enforce()


def sop_code_of(request_id: int) -> str:
    row = SopRecord.select(SopRecord.code).join(SopRevision).join(Request).where(Request.id == request_id).first()
    if row is None:
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    return str(row.code)


def get_request(request_id: int) -> Request:
    request = Request.get_or_none(Request.id == request_id)
    if request is None:
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    return request


def check_file(path: Path, allowed: set[str], what: str) -> None:
    from .requests import MAX_ATTACHMENT_BYTES

    if not path.is_file():
        raise ServiceError(f"Berkas {path} tidak ditemukan")
    if path.suffix.lower() not in allowed:
        raise ServiceError(f"{what} harus berupa {', '.join(sorted(ext.lstrip('.').upper() for ext in allowed))}")
    if path.stat().st_size > MAX_ATTACHMENT_BYTES:
        raise ServiceError(f"Berkas {path.name} lebih dari 25 MB")


def event_start(request: Request) -> datetime | None:
    """The event's start as an aware datetime in the office's zone, or None without date and time."""
    if request.event_date is None or not request.event_time:
        return None
    try:
        clock = rundown.parse_hhmm(request.event_time)
    except rundown.RundownError:
        return None
    return datetime.combine(request.event_date, clock, tzinfo=active_office().zone)


def _record(request_id: int, actor: Actor, action: str, detail: str, before: Any, after: Any, now: datetime) -> None:
    from .requests import record_change

    record_change(request_id, actor, action, detail, before, after, now)


def _event_request(request_id: int) -> Request:
    request = get_request(request_id)
    if request.status == "batal":
        raise ServiceError("Permohonan ini dibatalkan; catatan acaranya tidak diubah lagi")
    return request


# --- rundown ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RundownRow:
    id: int
    number: int
    description: str
    minutes: int
    person: str
    note: str
    start: str  # "09.00", "" when the event has no start time
    end: str


def _items(request_id: int) -> list[RundownItem]:
    return list(
        RundownItem.select()
        .where((RundownItem.request == request_id) & ~RundownItem.withdrawn)
        .order_by(RundownItem.position, RundownItem.id)
    )


def rundown_rows(request_id: int) -> list[RundownRow]:
    """The susunan acara with start and end times counted from the event's start time."""
    request = get_request(request_id)
    rows = _items(request_id)
    items = [rundown.Item(r.description, r.minutes, r.person, r.note, r.id) for r in rows]
    start = request.event_time
    try:
        scheduled = rundown.schedule(items, start) if start else None
    except rundown.RundownError:
        scheduled = None
    result = []
    for number, row in enumerate(rows, start=1):
        begin = end = ""
        if scheduled is not None:
            begin, end = scheduled[number - 1].start_text, scheduled[number - 1].end_text
        result.append(RundownRow(row.id, number, row.description, row.minutes, row.person, row.note, begin, end))
    return result


def rundown_minutes(request_id: int) -> int:
    return sum(row.minutes for row in _items(request_id))


def _item_values(description: str, minutes: int, person: str, note: str) -> dict:
    cleaned = text(description, "Uraian acara", required=True, max_length=1000)
    values: dict[str, Any] = {
        "description": cleaned,
        "minutes": minutes,
        "person": text(person, "Penanggung jawab", max_length=200),
        "note": text(note, "Catatan", max_length=1000),
    }
    try:
        rundown.check_item(rundown.Item(cleaned, minutes))
    except rundown.RundownError as exc:
        raise ServiceError(str(exc)) from exc
    return values


def _renumber(request_id: int, ordered: Sequence[RundownItem]) -> None:
    for position, row in enumerate(ordered, start=1):
        if row.position != position:
            RundownItem.update(position=position).where(RundownItem.id == row.id).execute()


def add_rundown_item(
    request_id: int,
    description: str,
    minutes: int,
    actor: Actor,
    person: str = "",
    note: str = "",
    position: int | None = None,
    now: datetime | None = None,
) -> int:
    """Add a line at the end (or before 1-based ``position``); the times after it move."""
    now = now_utc(now)
    require_known(actor)
    values = _item_values(description, minutes, person, note)
    with database.atomic():
        _event_request(request_id)
        rows = _items(request_id)
        index = len(rows) if position is None else max(0, min(len(rows), position - 1))
        item = RundownItem.create(
            request=request_id, position=index + 1, created_at=now, created_by=actor.name, **values
        )
        rows.insert(index, item)
        _renumber(request_id, rows)
        _record(
            request_id, actor, "susunan_acara",
            f"Mata acara {index + 1} ditambah: {values['description']} ({rundown.format_duration(minutes)})",
            None, {"id": item.id, "position": index + 1, **values}, now,
        )  # fmt: skip
    return int(item.id)


def _get_item(item_id: int) -> RundownItem:
    item = RundownItem.get_or_none((RundownItem.id == item_id) & ~RundownItem.withdrawn)
    if item is None:
        raise ServiceError("Mata acara itu tidak ada (atau sudah dihapus dari susunan acara)")
    return item


def update_rundown_item(
    item_id: int,
    actor: Actor,
    *,
    description: str | None = None,
    minutes: int | None = None,
    person: str | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> None:
    now = now_utc(now)
    require_known(actor)
    with database.atomic():
        item = _get_item(item_id)
        _event_request(item.request_id)
        before = {"description": item.description, "minutes": item.minutes, "person": item.person, "note": item.note}
        values = _item_values(
            item.description if description is None else description,
            item.minutes if minutes is None else minutes,
            item.person if person is None else person,
            item.note if note is None else note,
        )
        if values == before:
            return
        RundownItem.update(**values).where(RundownItem.id == item.id).execute()
        _record(
            item.request_id, actor, "susunan_acara", f"Mata acara {item.position} diubah: {values['description']}",
            before, values, now,
        )  # fmt: skip


def move_rundown_item(item_id: int, delta: int, actor: Actor, now: datetime | None = None) -> int:
    """Move a line up (``delta`` < 0) or down; returns its new 1-based number."""
    now = now_utc(now)
    require_known(actor)
    with database.atomic():
        item = _get_item(item_id)
        _event_request(item.request_id)
        rows = _items(item.request_id)
        index = next(i for i, row in enumerate(rows) if row.id == item.id)
        moved = rundown.move(rows, index, delta)
        target = next(i for i, row in enumerate(moved) if row.id == item.id)
        if target == index:
            return index + 1
        _renumber(item.request_id, moved)
        _record(
            item.request_id, actor, "susunan_acara",
            f"Mata acara dipindah dari nomor {index + 1} ke {target + 1}: {item.description}",
            {"position": index + 1}, {"position": target + 1}, now,
        )  # fmt: skip
        return target + 1


def withdraw_rundown_item(item_id: int, actor: Actor, now: datetime | None = None) -> None:
    now = now_utc(now)
    require_known(actor)
    with database.atomic():
        item = _get_item(item_id)
        _event_request(item.request_id)
        RundownItem.update(withdrawn=True).where(RundownItem.id == item.id).execute()
        _renumber(item.request_id, _items(item.request_id))
        _record(
            item.request_id, actor, "susunan_acara", f"Mata acara {item.position} dihapus: {item.description}",
            {"id": item.id, "description": item.description, "minutes": item.minutes}, {"withdrawn": True}, now,
        )  # fmt: skip


def apply_template(request_id: int, code: str, actor: Actor, replace: bool = False, now: datetime | None = None) -> int:
    """Fill the rundown from a template (upacara, audiensi, pembukaan); returns the number of lines.

    A rundown that already has lines is refused unless ``replace`` (its lines are then withdrawn). An
    empty dress code takes the template's."""
    now = now_utc(now)
    require_known(actor)
    template = rundown.TEMPLATES.get(code)
    if template is None:
        raise ServiceError(f"Templat susunan acara '{code}' tidak ada")
    with database.atomic():
        request = _event_request(request_id)
        existing = _items(request_id)
        if existing and not replace:
            raise ServiceError(
                f"Susunan acara sudah berisi {len(existing)} mata acara; pilih ganti untuk memakai templat"
            )
        if existing:
            RundownItem.update(withdrawn=True).where(RundownItem.id.in_([r.id for r in existing])).execute()
        items = template.items_for(request.leader)
        for position, item in enumerate(items, start=1):
            RundownItem.create(
                request=request_id, position=position, description=item.description, minutes=item.minutes,
                person=item.person, note=item.note, created_at=now, created_by=actor.name,
            )  # fmt: skip
        info = _info_row(request_id)
        if template.dress_code and (info is None or not info.dress_code):
            _save_info(request_id, actor, now, dress_code=template.dress_code)
        _record(
            request_id, actor, "susunan_acara",
            f"Susunan acara dari templat {template.name} ({len(items)} mata acara"
            + (f"; {len(existing)} mata acara lama diganti)" if existing else ")"),
            {"items": len(existing)}, {"template": code, "items": len(items)}, now,
        )  # fmt: skip
    return len(items)


# --- officers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficerRow:
    id: int
    duty: str
    name: str
    contact: str
    note: str


def officers(request_id: int) -> list[OfficerRow]:
    return [
        OfficerRow(o.id, o.duty, o.name, o.contact, o.note)
        for o in EventOfficer.select()
        .where((EventOfficer.request == request_id) & ~EventOfficer.withdrawn)
        .order_by(EventOfficer.id)
    ]


def add_officer(
    request_id: int, duty: str, name: str, actor: Actor, contact: str = "", note: str = "", now: datetime | None = None
) -> int:
    now = now_utc(now)
    require_known(actor)
    values = {
        "duty": text(duty, "Tugas", required=True, max_length=100),
        "name": text(name, "Nama petugas", required=True, max_length=200),
        "note": text(note, "Catatan", max_length=1000),
    }
    contact = contact.strip()
    if contact:
        try:
            contact = normalise_phone(contact)
        except ValidationError as exc:
            raise ServiceError(str(exc)) from exc
    values["contact"] = contact
    with database.atomic():
        _event_request(request_id)
        row = EventOfficer.create(request=request_id, created_at=now, created_by=actor.name, **values)
        _record(request_id, actor, "petugas_acara", f"{values['duty']}: {values['name']}", None, values, now)
    return int(row.id)


def withdraw_officer(officer_id: int, actor: Actor, now: datetime | None = None) -> None:
    now = now_utc(now)
    require_known(actor)
    with database.atomic():
        row = EventOfficer.get_or_none((EventOfficer.id == officer_id) & ~EventOfficer.withdrawn)
        if row is None:
            raise ServiceError("Petugas itu tidak ada (atau sudah dihapus)")
        _event_request(row.request_id)
        EventOfficer.update(withdrawn=True).where(EventOfficer.id == row.id).execute()
        _record(
            row.request_id, actor, "petugas_acara", f"Petugas dihapus: {row.duty} {row.name}",
            {"duty": row.duty, "name": row.name}, {"withdrawn": True}, now,
        )  # fmt: skip


# --- event info: dress code, required checks, host ---------------------------------------------


@dataclass(frozen=True)
class EventSummary:
    request_id: int
    sop_code: str
    dress_code: str
    required_checks: tuple[str, ...]
    host: str
    start: datetime | None  # office zone


def _info_row(request_id: int) -> EventInfo | None:
    return EventInfo.get_or_none(EventInfo.request == request_id)


def _save_info(request_id: int, actor: Actor, now: datetime, **values: str) -> None:
    row = _info_row(request_id)
    if row is None:
        EventInfo.create(request=request_id, updated_at=now, updated_by=actor.name, **values)
    else:
        EventInfo.update(updated_at=now, updated_by=actor.name, **values).where(EventInfo.id == row.id).execute()


def required_checks(request_id: int) -> tuple[str, ...]:
    row = _info_row(request_id)
    if row is not None and row.checks_required:
        return tuple(kind for kind in row.checks_required.split(",") if kind in CHECK_KINDS)
    return DEFAULT_CHECKS.get(sop_code_of(request_id), ())


def event_summary(request_id: int) -> EventSummary:
    request = get_request(request_id)
    row = _info_row(request_id)
    return EventSummary(
        request_id,
        sop_code_of(request_id),
        row.dress_code if row else "",
        required_checks(request_id),
        row.host if row else "",
        event_start(request),
    )


def set_dress_code(request_id: int, dress_code: str, actor: Actor, now: datetime | None = None) -> None:
    now = now_utc(now)
    require_known(actor)
    value = text(dress_code, "Tata pakaian", max_length=1000)
    with database.atomic():
        _event_request(request_id)
        row = _info_row(request_id)
        before = row.dress_code if row else ""
        if before == value:
            return
        _save_info(request_id, actor, now, dress_code=value)
        _record(request_id, actor, "tata_pakaian", value or "(dikosongkan)", before, value, now)


def set_host(request_id: int, host: str, actor: Actor, now: datetime | None = None) -> None:
    """The host (penyelenggara / pejabat tuan rumah) who sits beside the highest guest (Pasal 13)."""
    now = now_utc(now)
    require_known(actor)
    value = text(host, "Tuan rumah", max_length=300)
    with database.atomic():
        _event_request(request_id)
        row = _info_row(request_id)
        before = row.host if row else ""
        if before == value:
            return
        _save_info(request_id, actor, now, host=value)
        _record(request_id, actor, "tata_tempat", f"Tuan rumah: {value or '-'}", before, value, now)


def set_required_checks(request_id: int, kinds: Iterable[str], actor: Actor, now: datetime | None = None) -> None:
    """Which checks this event needs (the Lumajang gladi is "jika diperlukan"). At least one."""
    now = now_utc(now)
    require_known(actor)
    chosen = tuple(kind for kind in CHECK_KINDS if kind in set(kinds))
    if not chosen:
        raise ServiceError("Pilih minimal satu pemeriksaan: cek lokasi atau gladi")
    with database.atomic():
        _event_request(request_id)
        before = required_checks(request_id)
        if before == chosen:
            return
        _save_info(request_id, actor, now, checks_required=",".join(chosen))
        _record(
            request_id, actor, "pemeriksaan_acara",
            "Pemeriksaan yang diperlukan: " + ", ".join(CHECK_KINDS[k] for k in chosen),
            list(before), list(chosen), now,
        )  # fmt: skip


# --- location checks and rehearsals -------------------------------------------------------------


@dataclass(frozen=True)
class PhotoRow:
    id: int
    original_name: str
    stored_name: str


@dataclass(frozen=True)
class CheckRow:
    id: int
    kind: str
    kind_label: str
    held_at: datetime
    findings: str
    officers: str
    recorded_by: str
    photos: tuple[PhotoRow, ...] = field(default_factory=tuple)


def checks(request_id: int, kind: str | None = None) -> list[CheckRow]:
    query = EventCheck.select().where((EventCheck.request == request_id) & ~EventCheck.withdrawn)
    if kind:
        query = query.where(EventCheck.kind == kind)
    rows = []
    for row in query.order_by(EventCheck.held_at, EventCheck.id):
        photos = tuple(
            PhotoRow(p.id, p.original_name, p.stored_name) for p in CheckPhoto.select().where(CheckPhoto.check == row)
        )
        rows.append(
            CheckRow(
                row.id,
                row.kind,
                CHECK_KINDS.get(row.kind, row.kind),
                row.held_at,
                row.findings,
                row.officers,
                row.recorded_by,
                photos,
            )  # fmt: skip
        )
    return rows


def record_check(
    request_id: int,
    kind: str,
    held_at: datetime,
    findings: str,
    actor: Actor,
    *,
    officers: str = "",
    photos: Sequence[Path] = (),
    files_dir: Path | None = None,
    now: datetime | None = None,
) -> int:
    """Record a cek lokasi or gladi report: when it was held, what was found, who went, photos."""
    now = now_utc(now)
    require_known(actor)
    if kind not in CHECK_KINDS:
        raise ServiceError(f"Jenis pemeriksaan '{kind}' tidak dikenal (cek_lokasi atau gladi)")
    if held_at.tzinfo is None:
        raise ServiceError("Waktu pemeriksaan harus berzona waktu")
    if held_at > now + timedelta(minutes=5):
        raise ServiceError("Waktu pemeriksaan tidak boleh di masa depan; catat laporan sesudah dilaksanakan")
    values = {
        "findings": text(findings, "Temuan / hasil", required=True, max_length=4000),
        "officers": text(officers, "Petugas yang hadir", max_length=300),
    }
    for path in photos:
        check_file(path, PHOTO_TYPES, "Foto")
    if photos and files_dir is None:
        raise ServiceError("Folder lampiran belum ditentukan")
    with database.atomic():
        request = _event_request(request_id)
        start = event_start(request)
        if start is not None and held_at > start:
            raise ServiceError(
                f"{CHECK_KINDS[kind]} harus sebelum acara dimulai ({format_datetime(start)}); "
                "waktu yang dicatat sesudahnya"
            )
        row = EventCheck.create(
            request=request_id, kind=kind, held_at=held_at, recorded_at=now, recorded_by=actor.name, **values
        )
        for path in photos:
            assert files_dir is not None
            stored, digest, size = store_file(path, files_dir, request_id)
            CheckPhoto.create(
                check=row, original_name=path.name, stored_name=stored, sha256=digest, size=size, added_at=now,
                added_by=actor.name,
            )  # fmt: skip
        local = held_at.astimezone(active_office().zone)
        _record(
            request_id, actor, kind,
            f"{CHECK_KINDS[kind]} {format_datetime(local)}: {values['findings']}"
            + (f" ({len(photos)} foto)" if photos else ""),
            None, {"id": row.id, "kind": kind, "held_at": held_at.isoformat(), **values, "photos": len(photos)}, now,
        )  # fmt: skip
    return int(row.id)


def add_check_photo(check_id: int, path: Path, actor: Actor, files_dir: Path, now: datetime | None = None) -> None:
    now = now_utc(now)
    require_known(actor)
    check_file(path, PHOTO_TYPES, "Foto")
    with database.atomic():
        row = EventCheck.get_or_none((EventCheck.id == check_id) & ~EventCheck.withdrawn)
        if row is None:
            raise ServiceError("Laporan pemeriksaan itu tidak ada")
        _event_request(row.request_id)
        stored, digest, size = store_file(path, files_dir, row.request_id)
        CheckPhoto.create(
            check=row, original_name=path.name, stored_name=stored, sha256=digest, size=size, added_at=now,
            added_by=actor.name,
        )  # fmt: skip
        _record(
            row.request_id, actor, row.kind, f"Foto {CHECK_KINDS.get(row.kind, row.kind)}: {path.name}",
            None, {"check": row.id, "photo": path.name}, now,
        )  # fmt: skip


def withdraw_check(check_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    now = now_utc(now)
    require_known(actor)
    reason = text(reason, "Alasan", required=True, max_length=1000)
    with database.atomic():
        row = EventCheck.get_or_none((EventCheck.id == check_id) & ~EventCheck.withdrawn)
        if row is None:
            raise ServiceError("Laporan pemeriksaan itu tidak ada")
        EventCheck.update(withdrawn=True, withdrawn_reason=reason).where(EventCheck.id == row.id).execute()
        _record(
            row.request_id, actor, row.kind, f"Laporan {CHECK_KINDS.get(row.kind, row.kind)} ditarik: {reason}",
            {"id": row.id}, {"withdrawn": True, "reason": reason}, now,
        )  # fmt: skip


# --- guests and seating --------------------------------------------------------------------------


@dataclass(frozen=True)
class GuestRow:
    id: int
    position: int
    name: str
    title: str
    represents: str
    note: str
    rank: precedence.Rank = precedence.UNKNOWN_RANK  # by the rules and aliases, or as the clerk chose
    rank_key: str = ""  # the rank the clerk chose ("" = by the rules)

    @property
    def placed(self) -> bool:
        """Placed by the clerk rather than by the rules."""
        return bool(self.rank_key)

    @property
    def display(self) -> str:
        label = f"{self.name}, {self.title}" if self.name else self.title
        return f"{label} (mewakili {self.represents})" if self.represents else label


def _guest_rank(title: str, rank_key: str, aliases: precedence.AliasTable) -> precedence.Rank:
    chosen = precedence.rank_from_key(rank_key) if rank_key else None
    return chosen if chosen is not None else precedence.classify(title, aliases)


def _guest_rows(request_id: int) -> list[EventGuest]:
    return list(
        EventGuest.select()
        .where((EventGuest.request == request_id) & ~EventGuest.withdrawn)
        .order_by(EventGuest.position, EventGuest.id)
    )


def guests(request_id: int) -> list[GuestRow]:
    """The guest list in the order it was entered, each with its rank (the office's aliases read)."""
    from .precedence import alias_table

    aliases = alias_table()
    return [
        GuestRow(g.id, g.position, g.name, g.title, g.represents, g.note, _guest_rank(g.title, g.rank_key, aliases),
                 g.rank_key)  # fmt: skip
        for g in _guest_rows(request_id)
    ]


def ordered_guests(request_id: int) -> list[GuestRow]:
    """The guest list in order of precedence (UU 9/2010 Pasal 9-11, 14, 15; ranks the clerk chose;
    the office's order of the huruf groups)."""
    from .precedence import order_table

    return precedence.order_guests(guests(request_id), order=order_table())


def _host_of(request_id: int, ordered: list[GuestRow]) -> Any:
    summary = event_summary(request_id)
    if not summary.host:
        return None
    host = next((g for g in ordered if g.title.casefold() == summary.host.casefold()), None)
    return host if host is not None else precedence.Guest("", summary.host)


def seating(request_id: int) -> list[precedence.Seat]:
    """The front row, left to right as the audience sees it; the host beside the highest guest."""
    ordered = ordered_guests(request_id)
    return precedence.seating_row(_host_of(request_id, ordered), ordered)


def numbered_guests(request_id: int) -> list[tuple[int, GuestRow]]:
    """The guest list in order of precedence with the seat numbers of :func:`seating`: the host (when
    on the list) is 0, the others 1, 2, … skipping the host, as the front row numbers them. The guest
    tab and the SOP Protokol both number from here, so their numbers always match."""
    ordered = ordered_guests(request_id)
    host = _host_of(request_id, ordered)
    numbers = {id(seat.person): seat.number for seat in precedence.seating_row(host, ordered)}
    return [(numbers.get(id(guest), 0), guest) for guest in ordered]


def move_guest(guest_id: int, delta: int, actor: Actor, now: datetime | None = None) -> int:
    """Move a guest one place up (``delta`` < 0) or down the order of precedence; returns its new
    1-based place. A guest whose title the rules do not know (or who was placed before) takes the
    rank of the guest it passes; guests of one rank swap. A recognised guest does not pass one of
    another rank: the law orders them (choose a rank with :func:`set_guest_rank` to overrule)."""
    now = now_utc(now)
    require_known(actor)
    step = -1 if delta < 0 else 1
    with database.atomic():
        row = EventGuest.get_or_none((EventGuest.id == guest_id) & ~EventGuest.withdrawn)
        if row is None:
            raise ServiceError("Tamu itu tidak ada (atau sudah dihapus)")
        _event_request(row.request_id)
        ordered = ordered_guests(row.request_id)
        index = next(i for i, g in enumerate(ordered) if g.id == guest_id)
        target = index + step
        if not 0 <= target < len(ordered):
            raise ServiceError(f"{ordered[index].display} sudah di urutan {'teratas' if step < 0 else 'terbawah'}")
        guest, other = ordered[index], ordered[target]
        new_key = guest.rank_key
        if guest.rank.key != other.rank.key:
            if guest.rank.known and not guest.placed:
                raise ServiceError(
                    f"{guest.display} dikenali sebagai {guest.rank.group} ({guest.rank.basis}) dan "
                    f"{other.display} sebagai {other.rank.group}: urutannya menurut UU 9/2010. Bila Perda "
                    "atau kebiasaan kantor menempatkannya lain, pilih golongannya."
                )
            new_key = precedence.rank_key_text(other.rank)
        ordered[index], ordered[target] = other, guest
        for position, item in enumerate(ordered, start=1):
            values: dict[str, Any] = {"position": position}
            if item.id == guest.id:
                values["rank_key"] = new_key
            EventGuest.update(**values).where(EventGuest.id == item.id).execute()
        _record(
            row.request_id, actor, "tata_tempat",
            f"Tamu dipindah dari urutan {index + 1} ke {target + 1}: {guest.display}",
            {"urutan": index + 1, "golongan": guest.rank_key}, {"urutan": target + 1, "golongan": new_key}, now,
        )  # fmt: skip
    return target + 1


def set_guest_rank(guest_id: int, rank_key: str, actor: Actor, now: datetime | None = None) -> None:
    """Place a guest at a rank the clerk chose (:func:`..domain.precedence.group_choices`), or back
    by the rules with ``""``."""
    now = now_utc(now)
    require_known(actor)
    chosen = precedence.rank_from_key(rank_key) if rank_key else None
    if rank_key and chosen is None:
        raise ServiceError("Golongan itu tidak ada dalam urutan UU 9/2010")
    with database.atomic():
        row = EventGuest.get_or_none((EventGuest.id == guest_id) & ~EventGuest.withdrawn)
        if row is None:
            raise ServiceError("Tamu itu tidak ada (atau sudah dihapus)")
        _event_request(row.request_id)
        if row.rank_key == rank_key:
            return
        EventGuest.update(rank_key=rank_key).where(EventGuest.id == row.id).execute()
        label = precedence.group_label(chosen) if chosen is not None else "sesuai jabatan (UU 9/2010)"
        _record(
            row.request_id, actor, "tata_tempat", f"Golongan tamu {row.title}: {label}",
            {"golongan": row.rank_key}, {"golongan": rank_key}, now,
        )  # fmt: skip


def add_guest(
    request_id: int,
    title: str,
    actor: Actor,
    name: str = "",
    represents: str = "",
    note: str = "",
    now: datetime | None = None,
) -> int:
    now = now_utc(now)
    require_known(actor)
    values = {
        "title": text(title, "Jabatan", required=True, max_length=300),
        "name": text(name, "Nama", max_length=200),
        "represents": text(represents, "Mewakili", max_length=300),
        "note": text(note, "Catatan", max_length=1000),
    }
    with database.atomic():
        _event_request(request_id)
        last = (
            EventGuest.select(EventGuest.position)
            .where(EventGuest.request == request_id)
            .order_by(EventGuest.position.desc())
            .first()
        )
        row = EventGuest.create(
            request=request_id, position=(last.position + 1) if last else 1, created_at=now, created_by=actor.name,
            **values,
        )  # fmt: skip
        from .precedence import alias_table

        rank = precedence.classify(values["title"], alias_table())
        _record(
            request_id, actor, "tata_tempat",
            f"Tamu: {GuestRow(row.id, row.position, values['name'], values['title'], values['represents'], '').display}"
            f" — {rank.group}",
            None, values, now,
        )  # fmt: skip
    return int(row.id)


def withdraw_guest(guest_id: int, actor: Actor, now: datetime | None = None) -> None:
    now = now_utc(now)
    require_known(actor)
    with database.atomic():
        row = EventGuest.get_or_none((EventGuest.id == guest_id) & ~EventGuest.withdrawn)
        if row is None:
            raise ServiceError("Tamu itu tidak ada (atau sudah dihapus)")
        _event_request(row.request_id)
        EventGuest.update(withdrawn=True).where(EventGuest.id == row.id).execute()
        _record(
            row.request_id, actor, "tata_tempat", f"Tamu dihapus: {row.title} {row.name}".strip(),
            {"title": row.title, "name": row.name}, {"withdrawn": True}, now,
        )  # fmt: skip


# --- reminders ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    request_id: int
    nomor_surat: str
    perihal: str
    kind: str
    kind_label: str
    event_start: datetime  # office zone
    due_from: datetime  # start of H-1, office zone
    deadline: datetime  # one hour before the start
    level: str  # "H-1", "hari H", "terlambat"
    message: str


def _reminder(request: Request, kind: str, start: datetime, now: datetime) -> Reminder | None:
    zone = start.tzinfo
    due_from = datetime.combine(start.date() - timedelta(days=1), time(0, 0), tzinfo=zone)
    deadline = start - LIMIT_BEFORE_START
    if now < due_from or now >= start:
        return None
    local = now.astimezone(zone)
    label = CHECK_KINDS[kind]
    when = f"{DAYS[start.weekday()]}, {format_date(start.date())} pukul {start.strftime('%H.%M')}"
    event = f"{request.perihal} ({when}, {request.event_place or 'tempat belum diisi'})"
    limit = f"pukul {deadline.strftime('%H.%M')}"
    if deadline.date() != local.date():
        limit = f"{DAYS[deadline.weekday()]}, {format_date(deadline.date())} {limit}"
    if now >= deadline:
        level = "terlambat"
        message = f"{label} belum dilaporkan dan batas 1 jam sebelum acara ({limit}) sudah lewat: {event}"
    elif local.date() < start.date():
        level = "H-1"
        message = f"{label} jatuh tempo hari ini (H-1), paling lambat {limit}: {event}"
    else:
        level = "hari H"
        message = f"{label} belum dilaporkan; acara hari ini, batas akhir {limit} (1 jam sebelum acara): {event}"
    return Reminder(
        request.id, request.nomor_surat, request.perihal, kind, label, start, due_from, deadline, level, message
    )


def reminders(now: datetime | None = None) -> list[Reminder]:
    """Checks (cek lokasi / gladi) that are due and not yet reported: from the start of H-1 in the
    office's zone until the event starts; "terlambat" once the hard limit (1 hour before) has passed."""
    now = now_utc(now)
    zone = active_office().zone
    today = now.astimezone(zone).date()
    candidates = (
        Request.select(Request, SopRecord.code.alias("sop_code"))
        .join(SopRevision)
        .join(SopRecord)
        .where(
            SopRecord.code.in_(EVENT_SOPS)
            & Request.status.in_(("baru", "berjalan", "ditunda"))
            & Request.event_date.between(today, today + timedelta(days=1))
        )
        .order_by(Request.event_date, Request.event_time, Request.id)
    )
    result = []
    for request in candidates:
        start = event_start(request)
        if start is None:
            continue
        done = {
            row.kind
            for row in EventCheck.select(EventCheck.kind).where((EventCheck.request == request) & ~EventCheck.withdrawn)
        }
        for kind in required_checks(request.id):
            if kind in done:
                continue
            reminder = _reminder(request, kind, start, now)
            if reminder is not None:
                result.append(reminder)
    order = {"terlambat": 0, "hari H": 1, "H-1": 2}
    return sorted(result, key=lambda r: (order[r.level], r.deadline, r.request_id, r.kind))


def format_reminders(items: Sequence[Reminder]) -> str:
    """One line for a status bar: "2 pemeriksaan jatuh tempo: …"."""
    if not items:
        return ""
    first = items[0]
    more = f" (+{len(items) - 1} lainnya)" if len(items) > 1 else ""
    return f"Pengingat: {first.message}{more}"


def describe_event(request: Request) -> str:
    parts = [
        format_date_long(request.event_date) if request.event_date else "",
        request.event_time,
        request.event_place,
    ]
    return " · ".join(part for part in parts if part)


def check_due_window(start: datetime) -> tuple[datetime, datetime]:
    """(start of H-1, hard limit) for an event starting at ``start`` (aware)."""
    return (
        datetime.combine(start.date() - timedelta(days=1), time(0, 0), tzinfo=start.tzinfo),
        start - LIMIT_BEFORE_START,
    )
