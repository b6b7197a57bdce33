"""Guest visits (Tangerang's *Mekanisme Pelayanan Kunjungan Tamu*): the delegation, a checklist built
from the SOP's Peralatan/Perlengkapan and Pencatatan, the guest book, minutes, catering and photos.

Every change is a request record: one transaction with a History row and an audit entry. The step
"Membuat daftar hadir dan notulen" is gated: it cannot complete while the attendance list is empty
or the minutes blank (:func:`install_gates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..domain.sop import Sop, Step
from ..domain.validation import ValidationError, clean_text, normalise_phone
from ..store.models import Request, database
from ..store.records import Attendee, ChecklistTemplateItem, Photo, Visit, VisitChecklistItem
from . import Actor, ServiceError, gates
from .library import get_sop
from .office import active_office
from .permissions import require_manager
from .requests import record_change, sop_of, store_file

VISIT_SOP = "TNG-KUNJUNGAN"
PHOTO_TYPES = {".jpg", ".jpeg", ".png"}
MAX_PHOTO = 25 * 1024 * 1024


def _clean(value: str, field: str, **options) -> str:  # noqa: ANN003
    try:
        return clean_text(value, field, **options)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc


def template(sop_code: str = VISIT_SOP) -> list[ChecklistTemplateItem]:
    """The office's checklist template; built from the SOP's lists on first use."""
    rows = list(
        ChecklistTemplateItem.select()
        .where((ChecklistTemplateItem.sop_code == sop_code) & ChecklistTemplateItem.active)
        .order_by(ChecklistTemplateItem.position)
    )
    if rows or ChecklistTemplateItem.select().where(ChecklistTemplateItem.sop_code == sop_code).exists():
        return rows
    sop = get_sop(sop_code)
    with database.atomic():
        position = 0
        for section, items in (("peralatan", sop.identity.peralatan), ("pencatatan", sop.identity.pencatatan)):
            for text in items:
                position += 1
                ChecklistTemplateItem.create(sop_code=sop_code, position=position, section=section, text=text)
    return template(sop_code)


def set_template(actor: Actor, items: list[tuple[str, str]], sop_code: str = VISIT_SOP) -> None:
    """Replace the template for future visits: (section, text) pairs. Old items are kept inactive."""
    require_manager(actor, "Mengubah daftar periksa kunjungan")
    cleaned = [
        (section, _clean(text, "Butir daftar periksa", required=True, max_length=300)) for section, text in items
    ]
    if any(section not in ("peralatan", "pencatatan") for section, _ in cleaned):
        raise ServiceError("Bagian daftar periksa harus peralatan atau pencatatan")
    template(sop_code)
    with database.atomic():
        ChecklistTemplateItem.update(active=False).where(ChecklistTemplateItem.sop_code == sop_code).execute()
        for position, (section, text) in enumerate(cleaned, start=1):
            ChecklistTemplateItem.create(sop_code=sop_code, position=position, section=section, text=text)
        from . import audit

        audit.record(actor, "template_diubah", "daftar_periksa", sop_code, None, cleaned)


def visit_of(request_id: int, actor: Actor | None = None) -> Visit:
    """The visit record of a guest-visit request, created with the checklist on first use."""
    request = Request.get_or_none(Request.id == request_id)
    if request is None:
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    if sop_of(request).code != VISIT_SOP:
        raise ServiceError("Catatan kunjungan hanya untuk layanan Kunjungan Tamu")
    visit = Visit.get_or_none(Visit.request == request_id)
    if visit is not None:
        return visit
    items = template()
    with database.atomic():
        visit = Visit.create(request=request_id, place=request.event_place)
        for item in items:
            VisitChecklistItem.create(visit=visit, position=item.position, section=item.section, text=item.text)
    return visit


def update_visit(request_id: int, actor: Actor, now: datetime | None = None, **fields: object) -> Visit:
    allowed = {"instansi", "leader_name", "people", "arrival", "departure", "host", "place"}
    unknown = set(fields) - allowed
    if unknown:
        raise ServiceError(f"Isian tidak dikenal: {', '.join(sorted(unknown))}")
    visit = visit_of(request_id)
    values: dict[str, object] = {}
    for key, value in fields.items():
        if key == "people":
            if not isinstance(value, int) or value < 0 or value > 10_000:
                raise ServiceError("Jumlah rombongan harus bilangan 0 sampai 10.000")
            values[key] = value
        elif key in ("arrival", "departure"):
            if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
                raise ServiceError("Waktu kedatangan/kepulangan tidak sah")
            values[key] = value
        else:
            values[key] = _clean(str(value), key.replace("_", " ").capitalize(), max_length=300)
    arrival = values.get("arrival", visit.arrival)
    departure = values.get("departure", visit.departure)
    if arrival and departure and departure < arrival:  # type: ignore[operator]
        raise ServiceError("Waktu kepulangan tidak boleh sebelum kedatangan")
    with database.atomic():
        before = {key: str(getattr(visit, key)) for key in values}
        Visit.update(values).where(Visit.id == visit.id).execute()
        record_change(request_id, actor, "kunjungan", "Data rombongan diperbarui", before,
                      {k: str(v) for k, v in values.items()}, now)  # fmt: skip
    return Visit.get_by_id(visit.id)


def tick(item_id: int, done: bool, actor: Actor, note: str = "", now: datetime | None = None) -> None:
    now = now or datetime.now(UTC)
    note = _clean(note, "Catatan", max_length=1000)
    item = VisitChecklistItem.get_or_none(VisitChecklistItem.id == item_id)
    if item is None:
        raise ServiceError("Butir daftar periksa tidak ada")
    with database.atomic():
        VisitChecklistItem.update(
            done=done, done_by=actor.name if done else "", done_at=now if done else None, note=note
        ).where(VisitChecklistItem.id == item_id).execute()
        record_change(item.visit.request_id, actor, "daftar_periksa",
                      f"{'Siap' if done else 'Belum'}: {item.text}" + (f" ({note})" if note else ""),
                      {"done": item.done}, {"done": done, "note": note}, now)  # fmt: skip


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
    now = now or datetime.now(UTC)
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
    if kind not in ("tamu", "peserta"):
        raise ServiceError("Jenis daftar hadir tidak dikenal")
    with database.atomic():
        row = Attendee.create(request=request_id, kind=kind, added_at=now, added_by=actor.name, **values)
        record_change(request_id, actor, "daftar_hadir", f"Ditambahkan: {values['nama']}", None, values, now)
    return row


def withdraw_attendee(attendee_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    reason = _clean(reason, "Alasan", required=True, max_length=500)
    row = Attendee.get_or_none(Attendee.id == attendee_id)
    if row is None or row.withdrawn:
        raise ServiceError("Baris daftar hadir tidak ada atau sudah ditarik")
    with database.atomic():
        Attendee.update(withdrawn=True, withdrawn_reason=reason).where(Attendee.id == attendee_id).execute()
        record_change(row.request_id, actor, "daftar_hadir", f"Ditarik: {row.nama} ({reason})", None, None, now)


def attendees(request_id: int, kind: str = "tamu") -> list[Attendee]:
    return list(
        Attendee.select()
        .where((Attendee.request == request_id) & (Attendee.kind == kind) & ~Attendee.withdrawn)
        .order_by(Attendee.id)
    )


def set_minutes(request_id: int, text: str, actor: Actor, now: datetime | None = None) -> None:
    text = _clean(text, "Notulen", max_length=100_000)
    visit = visit_of(request_id)
    with database.atomic():
        Visit.update(minutes=text).where(Visit.id == visit.id).execute()
        record_change(request_id, actor, "notulen", f"Notulen disimpan ({len(text)} karakter)",
                      {"length": len(visit.minutes)}, {"length": len(text)}, now)  # fmt: skip


def set_catering(request_id: int, actor: Actor, jumlah: int, menu: str, penyedia: str,
                 now: datetime | None = None) -> None:  # fmt: skip
    if jumlah < 0 or jumlah > 10_000:
        raise ServiceError("Jumlah pesanan jamuan harus 0 sampai 10.000")
    menu = _clean(menu, "Menu", max_length=2000)
    penyedia = _clean(penyedia, "Penyedia", max_length=200)
    visit = visit_of(request_id)
    with database.atomic():
        Visit.update(catering_jumlah=jumlah, catering_menu=menu, catering_penyedia=penyedia).where(
            Visit.id == visit.id
        ).execute()
        record_change(request_id, actor, "jamuan", f"Pesanan jamuan: {jumlah} porsi, {penyedia or '-'}",
                      None, {"jumlah": jumlah, "menu": menu, "penyedia": penyedia}, now)  # fmt: skip


def add_photo(request_id: int, path: Path, actor: Actor, files_dir: Path, caption: str = "",
              now: datetime | None = None) -> Photo:  # fmt: skip
    if not path.is_file():
        raise ServiceError(f"Foto {path} tidak ditemukan")
    if path.suffix.lower() not in PHOTO_TYPES:
        raise ServiceError("Foto harus berupa JPG atau PNG")
    if path.stat().st_size > MAX_PHOTO:
        raise ServiceError(f"Foto {path.name} lebih dari 25 MB")
    caption = _clean(caption, "Keterangan foto", max_length=300)
    stored, _, _ = store_file(path, files_dir, request_id)
    with database.atomic():
        photo = Photo.create(request=request_id, stored_name=stored, original_name=path.name, caption=caption,
                             added_at=now or datetime.now(UTC), added_by=actor.name)  # fmt: skip
        record_change(request_id, actor, "foto", f"Foto dokumentasi: {path.name}", None, {"file": stored}, now)
    return photo


def photos(request_id: int) -> list[Photo]:
    return list(Photo.select().where(Photo.request == request_id).order_by(Photo.id))


def _attendance_and_minutes_gate(request_id: int, sop: Sop, step: Step) -> str | None:
    missing = []
    if not attendees(request_id, "tamu"):
        missing.append("daftar hadir masih kosong")
    visit = Visit.get_or_none(Visit.request == request_id)
    if visit is None or not visit.minutes.strip():
        missing.append("notulen belum diisi")
    if missing:
        return f"Langkah {step.number} ({step.uraian}) belum dapat diselesaikan: " + " dan ".join(missing)
    return None


_installed = False


def install_gates() -> None:
    """Register the guest-visit step gate (once per process)."""
    global _installed
    if not _installed:
        gates.register(VISIT_SOP, _attendance_and_minutes_gate, uraian_contains="daftar hadir dan notulen")
        _installed = True


@dataclass(frozen=True)
class SearchHit:
    kind: str
    request_id: int | None
    text: str


def matching_requests(text: str) -> frozenset[int]:
    """Requests whose visit, guest book or participant list contains ``text``."""
    return frozenset(hit.request_id for hit in search(text) if hit.request_id is not None)


def search(text: str) -> list[SearchHit]:
    """Visits, attendance lines and photos whose text contains ``text`` (plain text, no patterns)."""
    needle = text.strip()
    if not needle:
        return []
    hits = [SearchHit("kunjungan", v.request_id, f"{v.instansi} — {v.leader_name}")
            for v in Visit.select().where(Visit.instansi.contains(needle) | Visit.leader_name.contains(needle)
                                          | Visit.minutes.contains(needle))]  # fmt: skip
    matching = Attendee.nama.contains(needle) | Attendee.instansi.contains(needle) | Attendee.nip.contains(needle)
    hits += [
        SearchHit("daftar hadir", a.request_id, f"{a.nama}, {a.jabatan}, {a.instansi}")
        for a in Attendee.select().where(~Attendee.withdrawn & matching)
    ]
    return hits


def record_heading(request_id: int, title: str) -> list[str]:
    from ..domain.indonesian import format_date

    office = active_office()
    request = Request.get_by_id(request_id)
    when = format_date(request.event_date) if request.event_date else ""
    return [
        title,
        f"{office.organisation} — {office.unit}",
        f"{request.perihal} ({request.nomor_surat})",
        " · ".join(x for x in (when, request.event_time, request.event_place) if x),
    ]


def export_visit(request_id: int, out: Path) -> Path:
    """The visit in Excel: the checklist, an attendance list ready for signatures, the minutes."""
    from ..export.records_xlsx import write_visit

    visit = visit_of(request_id)
    zone = active_office().zone
    items = list(visit.checklist.order_by(VisitChecklistItem.position))
    for item in items:
        item.done_at = item.done_at.astimezone(zone).replace(tzinfo=None) if item.done_at else None
    catering = f"{visit.catering_jumlah} porsi; {visit.catering_menu or '-'}; penyedia {visit.catering_penyedia or '-'}"
    heading = record_heading(request_id, f"KUNJUNGAN TAMU: {visit.instansi or '-'}")
    return write_visit(out, heading, items, attendees(request_id, "tamu"), visit.minutes, catering)
