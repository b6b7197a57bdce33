"""Bimtek Keprotokolan (Madiun's SOP 1.4.3.1): schedule, venue, speakers (narasumber), participants
with their attendance, invitations, minutes and the final report. Changes are request records
(history + audit); nothing is deleted: a speaker or participant entered by mistake is withdrawn."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from peewee import IntegrityError, fn

from ..domain.indonesian import format_date, format_datetime, format_time
from ..domain.validation import ValidationError, clean_text
from ..store.models import Request, database
from ..store.records import Attendee, Bimtek, Narasumber
from . import Actor, ServiceError, audit
from .office import active_office
from .requests import record_change, sop_of
from .visits import SearchHit, add_attendee, attendees, withdraw_attendee

BIMTEK_SOP = "MDN-BIMTEK"


def _clean(value: str, field: str, **options) -> str:  # noqa: ANN003
    try:
        return clean_text(value, field, **options)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc


def bimtek_of(request_id: int) -> Bimtek:
    request = Request.get_or_none(Request.id == request_id)
    if request is None:
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    if sop_of(request).code != BIMTEK_SOP:
        raise ServiceError("Catatan Bimtek hanya untuk layanan Bimtek Keprotokolan")
    record = Bimtek.get_or_none(Bimtek.request == request_id)
    if record is None:
        try:
            with database.atomic():
                record = Bimtek.create(request=request_id, venue=request.event_place)
        except IntegrityError:  # created at the same moment on another desk
            record = Bimtek.get(Bimtek.request == request_id)
    return record


def set_schedule(request_id: int, actor: Actor, start: datetime, end: datetime, venue: str,
                 now: datetime | None = None) -> None:  # fmt: skip
    if start.tzinfo is None or end.tzinfo is None or end <= start:
        raise ServiceError("Jadwal Bimtek tidak sah: selesai harus sesudah mulai")
    venue = _clean(venue, "Tempat", required=True, max_length=300)
    record = bimtek_of(request_id)
    zone = active_office().zone
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    until = format_time(local_end) if local_end.date() == local_start.date() else format_datetime(local_end)
    with database.atomic():
        Bimtek.update(start=start, end=end, venue=venue).where(Bimtek.id == record.id).execute()
        record_change(request_id, actor, "bimtek", f"Jadwal {format_datetime(local_start)}–{until} di {venue}",
                      {"start": str(record.start), "end": str(record.end), "venue": record.venue},
                      {"start": str(start), "end": str(end), "venue": venue}, now)  # fmt: skip


def add_speaker(request_id: int, actor: Actor, nama: str, instansi: str = "", kontak: str = "", topik: str = "",
                now: datetime | None = None) -> Narasumber:  # fmt: skip
    record = bimtek_of(request_id)
    values = {
        "nama": _clean(nama, "Nama narasumber", required=True, max_length=200),
        "instansi": _clean(instansi, "Instansi", max_length=300),
        "kontak": _clean(kontak, "Kontak", max_length=60),
        "topik": _clean(topik, "Topik", max_length=300),
    }
    with database.atomic():
        speaker = Narasumber.create(bimtek=record, **values)
        record_change(request_id, actor, "narasumber", f"Narasumber: {values['nama']}", None, values, now)
    return speaker


def withdraw_speaker(speaker_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    """Take a speaker off the list (cancelled, entered by mistake); the row is kept, withdrawn."""
    reason = _clean(reason, "Alasan", required=True, max_length=500)
    speaker = Narasumber.get_or_none(Narasumber.id == speaker_id)
    if speaker is None or speaker.withdrawn:
        raise ServiceError("Narasumber tidak ada atau sudah ditarik")
    request_id = speaker.bimtek.request_id
    with database.atomic():
        Narasumber.update(withdrawn=True).where(Narasumber.id == speaker_id).execute()
        record_change(request_id, actor, "narasumber", f"Narasumber ditarik: {speaker.nama} ({reason})",
                      {"withdrawn": False}, {"withdrawn": True, "reason": reason}, now)  # fmt: skip


def speakers(request_id: int) -> list[Narasumber]:
    record = bimtek_of(request_id)
    return list(
        Narasumber.select().where((Narasumber.bimtek == record) & ~Narasumber.withdrawn).order_by(Narasumber.id)
    )


def add_participant(request_id: int, actor: Actor, nama: str, nip: str = "", unit: str = "",
                    now: datetime | None = None) -> Attendee:  # fmt: skip
    bimtek_of(request_id)
    digits = nip.replace(" ", "")
    if digits and (not digits.isdigit() or len(digits) != 18):
        raise ServiceError("NIP peserta harus 18 angka")
    return add_attendee(request_id, actor, nama, instansi=unit, nip=nip, kind="peserta", now=now)


def withdraw_participant(attendee_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    row = Attendee.get_or_none(Attendee.id == attendee_id)
    if row is None or row.kind != "peserta":
        raise ServiceError("Peserta tidak ada")
    withdraw_attendee(attendee_id, reason, actor, now)


def mark_attendance(attendee_id: int, attended: bool, actor: Actor, now: datetime | None = None) -> None:
    row = Attendee.get_or_none(Attendee.id == attendee_id)
    if row is None or row.kind != "peserta" or row.withdrawn:
        raise ServiceError("Peserta tidak ada")
    if row.attended == attended:
        return
    with database.atomic():
        Attendee.update(attended=attended).where(Attendee.id == attendee_id).execute()
        record_change(row.request_id, actor, "kehadiran", f"{row.nama}: {'hadir' if attended else 'tidak hadir'}",
                      {"attended": row.attended}, {"attended": attended}, now)  # fmt: skip


def participants(request_id: int) -> list[Attendee]:
    return attendees(request_id, "peserta")


def invitations_sent(request_id: int, day: date, actor: Actor, now: datetime | None = None) -> None:
    record = bimtek_of(request_id)
    if record.invitations_sent == day:
        return
    with database.atomic():
        Bimtek.update(invitations_sent=day).where(Bimtek.id == record.id).execute()
        record_change(request_id, actor, "undangan", f"Undangan dikirim {day:%d/%m/%Y}", None, None, now)


def set_texts(request_id: int, actor: Actor, minutes: str | None = None, report: str | None = None,
              now: datetime | None = None) -> None:  # fmt: skip
    record = bimtek_of(request_id)
    values = {}
    if minutes is not None:
        values["minutes"] = _clean(minutes, "Notulen", max_length=100_000)
    if report is not None:
        values["report"] = _clean(report, "Laporan akhir", max_length=100_000)
    values = {key: value for key, value in values.items() if getattr(record, key) != value}
    if not values:
        return
    labels = {"minutes": "notulen", "report": "laporan akhir"}
    with database.atomic():
        Bimtek.update(values).where(Bimtek.id == record.id).execute()
        record_change(request_id, actor, "bimtek", "Disimpan: " + " dan ".join(labels[k] for k in values),
                      {k: len(getattr(record, k)) for k in values}, {k: len(v) for k, v in values.items()},
                      now or datetime.now(UTC))  # fmt: skip


def search(text: str) -> list[SearchHit]:
    """Bimtek records, speakers and participants containing ``text`` (plain text, any case)."""
    needle = text.strip()
    if not needle:
        return []
    hits = [
        SearchHit("Bimtek", b.request_id, f"Bimtek di {b.venue or '-'}", b.id)
        for b in Bimtek.select().where(
            Bimtek.venue.contains(needle) | Bimtek.minutes.contains(needle) | Bimtek.report.contains(needle)
        )
    ]
    hits += [
        SearchHit("narasumber", s.bimtek.request_id, ", ".join(x for x in (s.nama, s.instansi, s.topik) if x), s.id)
        for s in Narasumber.select(Narasumber, Bimtek).join(Bimtek).where(
            ~Narasumber.withdrawn & (Narasumber.nama.contains(needle) | Narasumber.instansi.contains(needle)
                                     | Narasumber.topik.contains(needle) | Narasumber.kontak.contains(needle))
        )
    ]  # fmt: skip
    matching = Attendee.nama.contains(needle) | Attendee.instansi.contains(needle) | Attendee.nip.contains(needle)
    compact = needle.replace(" ", "")
    if compact.isdigit():  # a NIP typed without its spaces still finds "19850101 201001 2 003"
        matching |= fn.REPLACE(Attendee.nip, " ", "").contains(compact)
    hits += [
        SearchHit("peserta Bimtek", a.request_id, ", ".join(x for x in (a.nama, a.nip, a.instansi) if x), a.id)
        for a in Attendee.select().where((Attendee.kind == "peserta") & ~Attendee.withdrawn & matching)
    ]
    return hits


def export_bimtek(request_id: int, out: Path, actor: Actor | str | None = None) -> Path:
    """Attendance list (for signatures), speakers, minutes and the final report in Excel. It names
    the participants: the export is an audit entry."""
    from ..export.records_xlsx import write_bimtek
    from .visits import record_heading

    record = bimtek_of(request_id)
    heading = record_heading(request_id, "BIMBINGAN TEKNIS KEPROTOKOLAN")
    zone = active_office().zone
    if record.start and record.end:
        start, end = record.start.astimezone(zone), record.end.astimezone(zone)
        heading.append(f"Jadwal {format_datetime(start)}–{format_datetime(end)} di {record.venue or '-'}")
    if record.invitations_sent:
        heading.append(f"Undangan dikirim {format_date(record.invitations_sent)}")
    people = participants(request_id)
    written = write_bimtek(out, heading, speakers(request_id), people, record.minutes, record.report)
    audit.record_export(actor, "bimtek", written, len(people), permohonan=request_id)
    return written
