"""Guest visits (Tangerang's *Mekanisme Pelayanan Kunjungan Tamu*): the delegation, a checklist built
from the SOP's Peralatan/Perlengkapan and Pencatatan, the guest book, minutes, catering and photos.

Every change is a request record: one transaction with a History row and an audit entry. A step
whose SOP data declares the gates ``visit_attendance`` / ``visit_minutes`` cannot complete while the
attendance list is empty or the minutes blank (:func:`attendance_problem`, :func:`minutes_problem`).
Search over all the record services starts here too
(:func:`search_all`), because the board asks one place which requests a text finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from peewee import IntegrityError

from ..domain.indonesian import format_date, format_datetime
from ..domain.sop import Step
from ..domain.validation import ValidationError, clean_text, normalise_phone
from ..store.models import Request, database
from ..store.records import Attendee, ChecklistTemplateItem, Photo, Visit, VisitChecklistItem
from . import Actor, ServiceError, audit
from .library import get_sop
from .office import active_office
from .permissions import can_edit_visit_template
from .requests import record_change, sop_of, store_file

VISIT_SOP = "TNG-KUNJUNGAN"
SECTIONS = {"peralatan": "Peralatan/Perlengkapan", "pencatatan": "Pencatatan dan Pendataan"}
# Accepted photo types and the bytes their files start with: a renamed document is refused.
PHOTO_TYPES = {".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff", ".png": b"\x89PNG\r\n\x1a\n"}
MAX_PHOTO = 25 * 1024 * 1024


def _clean(value: str, field: str, **options) -> str:  # noqa: ANN003
    try:
        return clean_text(value, field, **options)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def _local(moment: datetime | None) -> str:
    return format_datetime(moment.astimezone(active_office().zone)) if moment else "-"


# -- the checklist template ------------------------------------------------------------------------


def template(sop_code: str = VISIT_SOP) -> list[ChecklistTemplateItem]:
    """The office's checklist for new visits; built from the SOP's Peralatan/Perlengkapan and
    Pencatatan dan Pendataan on first use."""

    def active() -> list[ChecklistTemplateItem]:
        return list(
            ChecklistTemplateItem.select()
            .where((ChecklistTemplateItem.sop_code == sop_code) & ChecklistTemplateItem.active)
            .order_by(ChecklistTemplateItem.position)
        )

    rows = active()
    if rows or ChecklistTemplateItem.select().where(ChecklistTemplateItem.sop_code == sop_code).exists():
        return rows
    sop = get_sop(sop_code)
    with database.atomic():
        if not ChecklistTemplateItem.select().where(ChecklistTemplateItem.sop_code == sop_code).exists():
            position = 0
            for section, items in (("peralatan", sop.identity.peralatan), ("pencatatan", sop.identity.pencatatan)):
                for text in items:
                    position += 1
                    ChecklistTemplateItem.create(sop_code=sop_code, position=position, section=section, text=text)
    return active()


def set_template(actor: Actor, items: list[tuple[str, str]], sop_code: str = VISIT_SOP,
                 now: datetime | None = None) -> None:  # fmt: skip
    """Replace the checklist for future visits with (section, text) pairs; visits already recorded
    keep theirs. Admin or Kabag only. Old items stay in the table, inactive."""
    can_edit_visit_template(actor).enforce()
    cleaned = [
        (section, _clean(text, "Butir daftar periksa", required=True, max_length=300)) for section, text in items
    ]
    if not cleaned:
        raise ServiceError("Daftar periksa kunjungan tidak boleh kosong")
    if any(section not in SECTIONS for section, _ in cleaned):
        raise ServiceError("Bagian daftar periksa harus peralatan atau pencatatan")
    before = [(item.section, item.text) for item in template(sop_code)]
    if before == cleaned:
        return
    with database.atomic():
        ChecklistTemplateItem.update(active=False).where(ChecklistTemplateItem.sop_code == sop_code).execute()
        for position, (section, text) in enumerate(cleaned, start=1):
            ChecklistTemplateItem.create(sop_code=sop_code, position=position, section=section, text=text)
        audit.record(actor, "templat_daftar_periksa", "daftar_periksa", sop_code, before, cleaned, now)


# -- the visit and its delegation -----------------------------------------------------------------


def visit_of(request_id: int, actor: Actor | None = None) -> Visit:
    """The visit record of a guest-visit request, created with the office's checklist on first use."""
    request = Request.get_or_none(Request.id == request_id)
    if request is None:
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    if sop_of(request).code != VISIT_SOP:
        raise ServiceError("Catatan kunjungan hanya untuk layanan Kunjungan Tamu")
    visit = Visit.get_or_none(Visit.request == request_id)
    if visit is not None:
        return visit
    items = template()
    try:
        with database.atomic():
            visit = Visit.create(request=request_id, place=request.event_place)
            for item in items:
                VisitChecklistItem.create(visit=visit, position=item.position, section=item.section, text=item.text)
    except IntegrityError:  # another desk opened the same visit at the same moment: theirs stands
        return Visit.get(Visit.request == request_id)
    return visit


def update_visit(request_id: int, actor: Actor, now: datetime | None = None, **fields: object) -> Visit:
    """Change the delegation: instansi, leader_name, people, arrival, departure, host, place."""
    labels = {"instansi": "Instansi", "leader_name": "Pimpinan rombongan", "people": "Jumlah orang",
              "arrival": "Kedatangan", "departure": "Kepulangan", "host": "Penerima", "place": "Tempat"}  # fmt: skip
    unknown = set(fields) - set(labels)
    if unknown:
        raise ServiceError(f"Isian tidak dikenal: {', '.join(sorted(unknown))}")
    visit = visit_of(request_id)
    values: dict[str, object] = {}
    for key, value in fields.items():
        if key == "people":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10_000:
                raise ServiceError("Jumlah rombongan harus bilangan 0 sampai 10.000")
            values[key] = value
        elif key in ("arrival", "departure"):
            if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
                raise ServiceError("Waktu kedatangan/kepulangan tidak sah")
            values[key] = value.astimezone(UTC) if isinstance(value, datetime) else None
        else:
            values[key] = _clean("" if value is None else str(value), labels[key], max_length=300)
    arrival = values.get("arrival", visit.arrival)
    departure = values.get("departure", visit.departure)
    if isinstance(arrival, datetime) and isinstance(departure, datetime) and departure < arrival:
        raise ServiceError("Waktu kepulangan tidak boleh sebelum kedatangan")
    changed = {key: value for key, value in values.items() if getattr(visit, key) != value}
    if not changed:
        return visit

    def shown(value: object) -> str:
        return _local(value) if isinstance(value, datetime) else str(value if value is not None else "-")

    detail = "Data rombongan: " + "; ".join(f"{labels[key]} {shown(value) or '-'}" for key, value in changed.items())
    with database.atomic():
        Visit.update(changed).where(Visit.id == visit.id).execute()
        record_change(request_id, actor, "kunjungan", detail, {key: shown(getattr(visit, key)) for key in changed},
                      {key: shown(value) for key, value in changed.items()}, now)  # fmt: skip
    return Visit.get_by_id(visit.id)


def suggested_times(request_id: int) -> tuple[datetime, datetime]:
    """Arrival and departure to offer while none is recorded: the event's date and time (else 09.00
    office time on the event day or today), departure two hours later."""
    zone = active_office().zone
    request = Request.get_by_id(request_id)
    day = request.event_date or datetime.now(UTC).astimezone(zone).date()
    hour, minute = 9, 0
    parts = request.event_time.replace(":", ".").split(".")
    if len(parts) == 2 and all(part.isdigit() for part in parts) and int(parts[0]) < 24 and int(parts[1]) < 60:
        hour, minute = int(parts[0]), int(parts[1])
    arrival = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    return arrival, arrival + timedelta(hours=2)


# -- the checklist ----------------------------------------------------------------------------------


def checklist(request_id: int) -> list[VisitChecklistItem]:
    visit = visit_of(request_id)
    return list(visit.checklist.order_by(VisitChecklistItem.position, VisitChecklistItem.id))


def tick(item_id: int, done: bool, actor: Actor, note: str | None = None, now: datetime | None = None) -> None:
    """Mark a checklist item ready (who and when are kept) or not; ``note`` None keeps the note."""
    now = _now(now)
    item = VisitChecklistItem.get_or_none(VisitChecklistItem.id == item_id)
    if item is None:
        raise ServiceError("Butir daftar periksa tidak ada")
    new_note = item.note if note is None else _clean(note, "Catatan", max_length=1000)
    if item.done == done and item.note == new_note:
        return
    values: dict[str, object] = {"note": new_note}
    if item.done != done:
        values.update(done=done, done_by=actor.name if done else "", done_at=now if done else None)
        detail = f"{'Siap' if done else 'Belum siap'}: {item.text}" + (f" ({new_note})" if new_note else "")
    else:
        detail = f"Catatan {item.text}: {new_note or '(dihapus)'}"
    with database.atomic():
        VisitChecklistItem.update(values).where(VisitChecklistItem.id == item_id).execute()
        record_change(item.visit.request_id, actor, "daftar_periksa", detail,
                      {"done": item.done, "note": item.note}, {"done": done, "note": new_note}, now)  # fmt: skip


def set_item_note(item_id: int, note: str, actor: Actor, now: datetime | None = None) -> None:
    item = VisitChecklistItem.get_or_none(VisitChecklistItem.id == item_id)
    if item is None:
        raise ServiceError("Butir daftar periksa tidak ada")
    tick(item_id, item.done, actor, note, now)


# -- guest book, minutes, catering, photos ---------------------------------------------------------


def add_attendee(
    request_id: int,
    actor: Actor,
    nama: str,
    jabatan: str = "",
    instansi: str = "",
    telepon: str = "",
    nip: str = "",
    kind: str = "tamu",
    now: datetime | None = None,
) -> Attendee:
    """A line of the guest book (``kind`` "tamu") or of a Bimtek's participants ("peserta")."""
    now = _now(now)
    if kind not in ("tamu", "peserta"):
        raise ServiceError("Jenis daftar hadir tidak dikenal")
    values = _attendee_values(nama, jabatan, instansi, telepon, nip)
    if kind == "tamu":
        visit_of(request_id)
    elif not Request.select().where(Request.id == request_id).exists():
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    with database.atomic():
        row = Attendee.create(request=request_id, kind=kind, added_at=now, added_by=actor.name, **values)
        label = "Daftar hadir" if kind == "tamu" else "Peserta"
        record_change(request_id, actor, "daftar_hadir", f"{label} ditambah: {values['nama']}", None, values, now)
    return row


def _attendee_values(nama: str, jabatan: str, instansi: str, telepon: str, nip: str) -> dict[str, str]:
    values = {
        "nama": _clean(nama, "Nama", required=True, max_length=200),
        "jabatan": _clean(jabatan, "Jabatan", max_length=200),
        "instansi": _clean(instansi, "Instansi", max_length=300),
        "nip": _clean(nip, "NIP", max_length=30),
    }
    try:
        values["telepon"] = normalise_phone(telepon) if telepon.strip() else ""
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    return values


def update_attendee(
    attendee_id: int,
    actor: Actor,
    nama: str,
    jabatan: str = "",
    instansi: str = "",
    telepon: str = "",
    nip: str | None = None,
    now: datetime | None = None,
) -> Attendee:
    """Correct a line of the guest book or the participants (a misspelt name, the wrong agency): the
    old and new values go to the request's history and the audit trail. ``nip`` None keeps it."""
    row = Attendee.get_or_none(Attendee.id == attendee_id)
    if row is None or row.withdrawn:
        raise ServiceError("Baris daftar hadir tidak ada atau sudah ditarik")
    values = _attendee_values(nama, jabatan, instansi, telepon, row.nip if nip is None else nip)
    before = {key: getattr(row, key) for key in values}
    changed = {key: value for key, value in values.items() if before[key] != value}
    if not changed:
        return row
    with database.atomic():
        Attendee.update(**changed).where(Attendee.id == attendee_id).execute()
        label = "Daftar hadir" if row.kind == "tamu" else "Peserta"
        record_change(row.request_id, actor, "daftar_hadir", f"{label} diubah: {before['nama']} → {values['nama']}",
                      {key: before[key] for key in changed}, changed, now)  # fmt: skip
    return Attendee.get_by_id(attendee_id)


def withdraw_attendee(attendee_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    """Take a line off the list (typed by mistake, did not come): it is kept, marked withdrawn."""
    reason = _clean(reason, "Alasan", required=True, max_length=500)
    row = Attendee.get_or_none(Attendee.id == attendee_id)
    if row is None or row.withdrawn:
        raise ServiceError("Baris daftar hadir tidak ada atau sudah ditarik")
    with database.atomic():
        Attendee.update(withdrawn=True, withdrawn_reason=reason).where(Attendee.id == attendee_id).execute()
        record_change(row.request_id, actor, "daftar_hadir", f"Ditarik: {row.nama} ({reason})",
                      {"withdrawn": False}, {"withdrawn": True, "reason": reason}, now)  # fmt: skip


def attendees(request_id: int, kind: str = "tamu") -> list[Attendee]:
    return list(
        Attendee.select()
        .where((Attendee.request == request_id) & (Attendee.kind == kind) & ~Attendee.withdrawn)
        .order_by(Attendee.id)
    )


def set_minutes(request_id: int, text: str, actor: Actor, now: datetime | None = None) -> None:
    text = _clean(text, "Notulen", max_length=100_000)
    visit = visit_of(request_id)
    if text == visit.minutes:
        return
    with database.atomic():
        Visit.update(minutes=text).where(Visit.id == visit.id).execute()
        record_change(request_id, actor, "notulen", f"Notulen disimpan ({len(text)} karakter)",
                      {"length": len(visit.minutes)}, {"length": len(text)}, now)  # fmt: skip


def set_catering(request_id: int, actor: Actor, jumlah: int, menu: str, penyedia: str,
                 now: datetime | None = None) -> None:  # fmt: skip
    """The catering order (pesanan jamuan): portions, menu, caterer."""
    if not isinstance(jumlah, int) or isinstance(jumlah, bool) or not 0 <= jumlah <= 10_000:
        raise ServiceError("Jumlah pesanan jamuan harus 0 sampai 10.000")
    menu = _clean(menu, "Menu", max_length=2000)
    penyedia = _clean(penyedia, "Penyedia", max_length=200)
    visit = visit_of(request_id)
    before = {"jumlah": visit.catering_jumlah, "menu": visit.catering_menu, "penyedia": visit.catering_penyedia}
    after = {"jumlah": jumlah, "menu": menu, "penyedia": penyedia}
    if before == after:
        return
    with database.atomic():
        Visit.update(catering_jumlah=jumlah, catering_menu=menu, catering_penyedia=penyedia).where(
            Visit.id == visit.id
        ).execute()
        record_change(request_id, actor, "jamuan", f"Pesanan jamuan: {jumlah} porsi, {menu or '-'}, {penyedia or '-'}",
                      before, after, now)  # fmt: skip


def check_photo(path: Path) -> None:
    """Refuse what is not a JPG/PNG picture of at most 25 MB (by name and by its first bytes)."""
    if not path.is_file():
        raise ServiceError(f"Foto {path} tidak ditemukan")
    signature = PHOTO_TYPES.get(path.suffix.lower())
    if signature is None:
        raise ServiceError(f"Foto {path.name} harus berupa JPG atau PNG")
    if path.stat().st_size > MAX_PHOTO:
        raise ServiceError(f"Foto {path.name} lebih dari 25 MB")
    with path.open("rb") as handle:
        if not handle.read(len(signature)).startswith(signature):
            raise ServiceError(f"Berkas {path.name} bukan foto JPG/PNG yang sah")


def add_photo(request_id: int, path: Path, actor: Actor, files_dir: Path, caption: str = "",
              now: datetime | None = None) -> Photo:  # fmt: skip
    """Copy a documentation photo into the data folder (never a link) and record it."""
    check_photo(path)
    caption = _clean(caption, "Keterangan foto", max_length=300)
    visit_of(request_id)
    now = _now(now)
    stored, _, _ = store_file(path, files_dir, request_id)
    with database.atomic():
        photo = Photo.create(request=request_id, stored_name=stored, original_name=path.name, caption=caption,
                             added_at=now, added_by=actor.name)  # fmt: skip
        record_change(request_id, actor, "foto", f"Foto dokumentasi: {path.name}", None, {"file": stored}, now)
    return photo


def photos(request_id: int) -> list[Photo]:
    return list(Photo.select().where(Photo.request == request_id).order_by(Photo.id))


# -- the step gate ----------------------------------------------------------------------------------


VISIT_GATES = ("visit_attendance", "visit_minutes")


def gated_step(request_id: int) -> Step | None:
    """The step of this request's SOP whose data declares a visit gate (the tab shows its state)."""
    request = Request.get_by_id(request_id)
    return next((s for s in sop_of(request).steps if set(s.gates) & set(VISIT_GATES)), None)


def missing_for_step(request_id: int) -> list[str]:
    """What the visit-gated step still lacks, in the SOP's order (empty when it may complete)."""
    step = gated_step(request_id)
    checks = {"visit_attendance": attendance_problem, "visit_minutes": minutes_problem}
    problems = [checks[name](request_id) for name in step.gates if name in checks] if step else []
    return [p for p in problems if p]


def attendance_problem(request_id: int) -> str | None:
    """Gate ``visit_attendance`` (:mod:`.gates`): the attendance list has at least one guest."""
    return None if attendees(request_id, "tamu") else "daftar hadir masih kosong"


def minutes_problem(request_id: int) -> str | None:
    """Gate ``visit_minutes`` (:mod:`.gates`): the minutes are written."""
    visit = Visit.get_or_none(Visit.request == request_id)
    return None if visit is not None and visit.minutes.strip() else "notulen belum diisi"


# -- search -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """One record that contains the searched text; ``request_id`` None for a complaint on its own."""

    kind: str  # "kunjungan", "buku tamu", "Bimtek", "narasumber", "peserta Bimtek", "pengaduan"
    request_id: int | None
    text: str
    record_id: int | None = None


def search(text: str) -> list[SearchHit]:
    """Visits and guest-book lines containing ``text`` (plain text, no patterns, any case)."""
    needle = text.strip()
    if not needle:
        return []
    fields = (Visit.instansi, Visit.leader_name, Visit.host, Visit.place, Visit.minutes, Visit.catering_penyedia)
    condition = fields[0].contains(needle)
    for field in fields[1:]:
        condition |= field.contains(needle)
    hits = [
        SearchHit("kunjungan", v.request_id, f"{v.instansi or '-'} — {v.leader_name or '-'}", v.id)
        for v in Visit.select().where(condition).order_by(Visit.id)
    ]
    matching = (
        Attendee.nama.contains(needle) | Attendee.jabatan.contains(needle) | Attendee.instansi.contains(needle)
        | Attendee.telepon.contains(needle)
    )  # fmt: skip
    hits += [
        SearchHit("buku tamu", a.request_id, ", ".join(x for x in (a.nama, a.jabatan, a.instansi) if x), a.id)
        for a in Attendee.select().where((Attendee.kind == "tamu") & ~Attendee.withdrawn & matching)
    ]
    return hits


def search_all(text: str) -> list[SearchHit]:
    """Every record service's hits: visits and guest books, Bimtek, speakers and participants, complaints."""
    from . import bimtek, complaints

    return [*search(text), *bimtek.search(text), *complaints.search(text)]


def matching_requests(text: str) -> frozenset[int]:
    """Requests whose records (visit, guest book, Bimtek, complaints about them) contain ``text``."""
    return frozenset(hit.request_id for hit in search_all(text) if hit.request_id is not None)


# -- export -----------------------------------------------------------------------------------------


def record_heading(request_id: int, title: str) -> list[str]:
    office = active_office()
    request = Request.get_by_id(request_id)
    when = format_date(request.event_date) if request.event_date else ""
    return [
        title,
        f"{office.organisation} — {office.unit}",
        f"{request.perihal} ({request.nomor_surat})",
        " · ".join(x for x in (when, request.event_time, request.event_place) if x),
    ]


def export_visit(request_id: int, out: Path, actor: Actor | str | None = None) -> Path:
    """The visit in Excel: the checklist, an attendance list ready for signatures, the minutes.
    It names the guests: the export is an audit entry."""
    from ..export.records_xlsx import write_visit

    visit = visit_of(request_id)
    zone = active_office().zone
    items = checklist(request_id)
    for item in items:
        item.done_at = item.done_at.astimezone(zone).replace(tzinfo=None) if item.done_at else None
    catering = f"{visit.catering_jumlah} porsi; {visit.catering_menu or '-'}; penyedia {visit.catering_penyedia or '-'}"
    heading = record_heading(request_id, f"KUNJUNGAN TAMU: {visit.instansi or '-'}")
    heading.append(
        f"Rombongan {visit.instansi or '-'}, dipimpin {visit.leader_name or '-'}, {visit.people} orang; "
        f"datang {_local(visit.arrival)}, pulang {_local(visit.departure)}; "
        f"diterima {visit.host or '-'} di {visit.place or '-'}"
    )
    shots = photos(request_id)
    names = ", ".join(p.original_name for p in shots[:10]) + (" …" if len(shots) > 10 else "")
    documentation = f"Dokumentasi: {len(shots)} foto" + (f" ({names})" if shots else "")
    guests = attendees(request_id, "tamu")
    written = write_visit(out, heading, items, guests, visit.minutes, catering,
                          checklist_notes=[documentation])  # fmt: skip
    audit.record_export(actor, "kunjungan_tamu", written, len(guests), permohonan=request_id)
    return written
