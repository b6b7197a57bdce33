"""Agenda Pimpinan: the events each leader attends, by day, week or month, with clashes flagged.

The agenda is read live from two sources: the requests that name a leader and an event date (their
``event_date``, ``event_time`` and ``event_place``; cancelled ones left out) and the entries typed in
directly (:class:`~..store.events.AgendaEntry`). An item's key is ``"permohonan:<id>"`` or
``"agenda:<id>"``.

**Duration.** A request has no end time: its event is assumed to last its rundown's total when one has
been entered, otherwise :data:`DEFAULT_MINUTES` (2 hours); a typed entry without an end time also
gets 2 hours. The assumption is shown (``end_assumed``).

**Clashes.** Two items of the same leader clash when their times overlap and the leader attends both
(no decision yet, or "hadir"). Two requests at the same start and the same place are one event (a
sambutan and an acara request for the same occasion), not a clash. A clash is resolved by deciding,
for all but one of its items, that the leader is represented (diwakili, by a named official) or
declines (ditolak, with the reply letter noted). Decisions on a request go to its History and the
audit trail; decisions on a typed entry to the audit trail. Items without a time are listed but not
checked for clashes.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..domain import rundown
from ..domain.indonesian import DAYS, MONTHS, format_date, format_date_long, format_datetime
from ..store.events import AgendaDecision, AgendaEntry, RundownItem
from ..store.models import Request, SopRecord, SopRevision, database
from . import Actor, ServiceError, audit
from .events import now_utc, text, who
from .office import active_office
from .permissions import can_act, can_decide_agenda, can_withdraw_agenda

DEFAULT_MINUTES = 120
ASSUMPTION = "Acara tanpa jam selesai dianggap berlangsung 2 jam (atau sepanjang susunan acaranya bila sudah diisi)."
DECISIONS = {"hadir": "Hadir", "diwakili": "Diwakili", "ditolak": "Tidak hadir (ditolak)"}
VIEWS = ("hari", "minggu", "bulan")
ATTENDING = ("", "hadir")


@dataclass(frozen=True)
class AgendaItem:
    key: str
    source: str  # "permohonan" or "agenda"
    leader: str
    day: date
    start: time | None  # office local time; None when the request has no time yet
    end: time | None
    end_assumed: bool
    title: str
    place: str
    organiser: str
    request_id: int | None = None
    entry_id: int | None = None
    reference: str = ""  # the request's nomor surat
    sop_code: str = ""
    status: str = ""  # the request's status
    decision: str = ""  # "", hadir, diwakili, ditolak
    representative: str = ""
    reply_letter: str = ""
    decision_note: str = ""
    created_by: str = ""  # who typed an agenda entry (they may withdraw it)
    clash_with: tuple[str, ...] = ()  # keys of the items it clashes with (unresolved)
    same_event_as: tuple[str, ...] = ()

    @property
    def attending(self) -> bool:
        return self.decision in ATTENDING

    @property
    def clash(self) -> bool:
        return bool(self.clash_with)

    @property
    def time_text(self) -> str:
        if self.start is None:
            return "jam belum ditentukan"
        end = rundown.format_hhmm(self.end) if self.end else ""
        return f"{rundown.format_hhmm(self.start)} – {end}{'*' if self.end_assumed else ''}"

    @property
    def decision_text(self) -> str:
        if self.decision == "diwakili":
            return f"Diwakili {self.representative}".strip()
        if self.decision == "ditolak":
            return "Tidak hadir" + (f" (surat balasan {self.reply_letter})" if self.reply_letter else "")
        if self.decision == "hadir":
            return "Hadir"
        return "Belum diputuskan"

    def interval(self) -> tuple[datetime, datetime] | None:
        if self.start is None or self.end is None:
            return None
        begin = datetime.combine(self.day, self.start)
        end = datetime.combine(self.day, self.end)
        if end <= begin:
            end += timedelta(days=1)
        return begin, end


@dataclass(frozen=True)
class Clash:
    leader: str
    day: date
    keys: tuple[str, ...]
    items: tuple[AgendaItem, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        parts = "; ".join(f"{i.time_text} {i.title}" for i in self.items)
        return f"{self.leader}, {format_date_long(self.day)}: {parts}"


# --- periods ----------------------------------------------------------------------------------------


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def period(view: str, day: date) -> tuple[date, date]:
    """First and last day (inclusive) of the day, week (Monday-Sunday) or month around ``day``."""
    if view == "hari":
        return day, day
    if view == "minggu":
        start = week_start(day)
        return start, start + timedelta(days=6)
    if view == "bulan":
        last = _calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    raise ServiceError(f"Tampilan '{view}' tidak dikenal (hari, minggu, bulan)")


def period_title(view: str, day: date) -> str:
    start, end = period(view, day)
    if view == "hari":
        return format_date_long(day)
    if view == "bulan":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if start.month == end.month:
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    return f"{format_date(start)} – {format_date(end)}"


# --- reading --------------------------------------------------------------------------------------


def _parse(value: str) -> time | None:
    try:
        return rundown.parse_hhmm(value) if value else None
    except rundown.RundownError:
        return None


def _plus(start: time, minutes: int) -> time:
    return (datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=minutes)).time()


def _current_decisions(kind: str, ids: list[int]) -> dict[int, AgendaDecision]:
    if not ids:
        return {}
    column = AgendaDecision.request if kind == "permohonan" else AgendaDecision.entry
    rows = AgendaDecision.select().where(column.in_(ids) & ~AgendaDecision.superseded).order_by(AgendaDecision.id)
    found: dict[int, AgendaDecision] = {}
    for row in rows:
        found[row.request_id if kind == "permohonan" else row.entry_id] = row
    return found


def _raw_items(start: date, end: date, leader: str | None) -> list[AgendaItem]:
    requests = (
        Request.select(Request, SopRecord.code.alias("sop_code"))
        .join(SopRevision)
        .join(SopRecord)
        .where(
            Request.event_date.between(start, end)
            & (Request.leader != "")
            & (Request.status != "batal")
        )
    )  # fmt: skip
    if leader:
        requests = requests.where(Request.leader == leader)
    request_rows: list[Request] = list(requests)
    minutes: dict[int, int] = {}
    if request_rows:
        for row in RundownItem.select(RundownItem.request, RundownItem.minutes).where(
            RundownItem.request.in_([r.id for r in request_rows]) & ~RundownItem.withdrawn
        ):
            minutes[row.request_id] = minutes.get(row.request_id, 0) + row.minutes
    decided = _current_decisions("permohonan", [r.id for r in request_rows])
    items = []
    for request in request_rows:
        begin = _parse(request.event_time)
        length = minutes.get(request.id) or DEFAULT_MINUTES
        decision = decided.get(request.id)
        items.append(
            AgendaItem(
                key=f"permohonan:{request.id}",
                source="permohonan",
                leader=request.leader,
                day=request.event_date or start,
                start=begin,
                end=_plus(begin, length) if begin else None,
                end_assumed=begin is not None,
                title=request.perihal,
                place=request.event_place,
                organiser=request.pengirim,
                request_id=request.id,
                reference=request.nomor_surat,
                sop_code=str(getattr(request, "sop_code", "")),
                status=request.status,
                decision=decision.decision if decision else "",
                representative=decision.representative if decision else "",
                reply_letter=decision.reply_letter if decision else "",
                decision_note=decision.note if decision else "",
            )
        )
    entries = AgendaEntry.select().where(AgendaEntry.day.between(start, end) & ~AgendaEntry.withdrawn)
    if leader:
        entries = entries.where(AgendaEntry.leader == leader)
    entry_rows: list[AgendaEntry] = list(entries)
    decided = _current_decisions("agenda", [e.id for e in entry_rows])
    for entry in entry_rows:
        begin = _parse(entry.start_time)
        finish = _parse(entry.end_time)
        decision = decided.get(entry.id)
        items.append(
            AgendaItem(
                key=f"agenda:{entry.id}",
                source="agenda",
                leader=entry.leader,
                day=entry.day,
                start=begin,
                end=finish if finish else (_plus(begin, DEFAULT_MINUTES) if begin else None),
                end_assumed=finish is None,
                title=entry.title,
                place=entry.place,
                organiser=entry.organiser,
                entry_id=entry.id,
                created_by=entry.created_by,
                decision=decision.decision if decision else "",
                representative=decision.representative if decision else "",
                reply_letter=decision.reply_letter if decision else "",
                decision_note=decision.note if decision else "",
            )
        )
    return items


def _same_event(a: AgendaItem, b: AgendaItem) -> bool:
    return (
        a.source == b.source == "permohonan"
        and a.day == b.day
        and a.start == b.start
        and bool(a.place.strip())
        and " ".join(a.place.casefold().split()) == " ".join(b.place.casefold().split())
    )


def _with_clashes(found: list[AgendaItem]) -> list[AgendaItem]:
    clash: dict[str, set[str]] = {entry.key: set() for entry in found}
    same: dict[str, set[str]] = {entry.key: set() for entry in found}
    timed: dict[str, list[tuple[datetime, datetime, AgendaItem]]] = {}
    for entry in found:
        span = entry.interval()
        if span is not None:
            timed.setdefault(entry.leader, []).append((span[0], span[1], entry))
    for group in timed.values():
        group.sort(key=lambda triple: (triple[0], triple[1], triple[2].key))
        for index, (_a_start, a_end, a) in enumerate(group):
            for b_start, _b_end, b in group[index + 1 :]:
                if b_start >= a_end:
                    break
                if _same_event(a, b):
                    same[a.key].add(b.key)
                    same[b.key].add(a.key)
                elif a.attending and b.attending:
                    clash[a.key].add(b.key)
                    clash[b.key].add(a.key)
    return [
        replace(entry, clash_with=tuple(sorted(clash[entry.key])), same_event_as=tuple(sorted(same[entry.key])))
        for entry in found
    ]


def _sort_key(item: AgendaItem) -> tuple:
    return (item.day, item.start is not None, item.start or time(0), item.leader, item.key)


def items(start: date, end: date, leader: str | None = None) -> list[AgendaItem]:
    """The agenda from ``start`` to ``end`` (inclusive), optionally for one leader, by day and time
    (items without a time first in their day), each with the keys of the items it clashes with."""
    if end < start:
        raise ServiceError("Tanggal akhir tidak boleh sebelum tanggal awal")
    # Clashes need every item of the leader on those days, whatever the filter.
    found = _with_clashes(_raw_items(start, end, leader))
    return sorted(found, key=_sort_key)


def item(key: str) -> AgendaItem:
    kind, _, raw = key.partition(":")
    if kind not in ("permohonan", "agenda") or not raw.isdigit():
        raise ServiceError(f"Butir agenda '{key}' tidak dikenal")
    if kind == "permohonan":
        request = Request.get_or_none(Request.id == int(raw))
        day = request.event_date if request else None
    else:
        entry = AgendaEntry.get_or_none(AgendaEntry.id == int(raw))
        day = entry.day if entry else None
    if day is None:
        raise ServiceError(f"Butir agenda '{key}' tidak ada di agenda pimpinan")
    for found in items(day, day):
        if found.key == key:
            return found
    raise ServiceError(f"Butir agenda '{key}' tidak ada di agenda pimpinan")


def clashes(start: date, end: date, leader: str | None = None) -> list[Clash]:
    """Unresolved clashes: groups of overlapping items of one leader, all attended."""
    found = items(start, end, leader)
    by_key = {i.key: i for i in found}
    seen: set[str] = set()
    result = []
    for first in found:
        if not first.clash_with or first.key in seen:
            continue
        group: set[str] = set()
        todo = [first.key]
        while todo:
            key = todo.pop()
            if key in group:
                continue
            group.add(key)
            todo.extend(by_key[key].clash_with)
        seen |= group
        members = tuple(sorted((by_key[k] for k in group), key=_sort_key))
        result.append(Clash(first.leader, first.day, tuple(m.key for m in members), members))
    return result


# --- writing ----------------------------------------------------------------------------------------


@dataclass
class EntryForm:
    leader: str
    day: date
    start_time: str
    title: str
    end_time: str = ""
    place: str = ""
    organiser: str = ""
    note: str = ""


def _time(value: str, label: str, required: bool) -> str:
    value = value.strip()
    if not value:
        if required:
            raise ServiceError(f"{label} wajib diisi")
        return ""
    try:
        return rundown.format_hhmm(rundown.parse_hhmm(value))
    except rundown.RundownError as exc:
        raise ServiceError(f"{label}: {exc}") from exc


def add_entry(form: EntryForm, actor: Actor, now: datetime | None = None) -> int:
    """Type an event straight into a leader's agenda. Returns the entry's id."""
    now = now_utc(now)
    can_act(actor).enforce()
    office = active_office()
    leader = text(form.leader, "Pimpinan", required=True, max_length=100)
    if office.leaders and leader not in office.leaders:
        raise ServiceError(f'Pimpinan "{leader}" tidak dikenal; pilih {", ".join(office.leaders)}')
    if not isinstance(form.day, date):
        raise ServiceError("Tanggal acara wajib diisi")
    values: dict[str, Any] = {
        "leader": leader,
        "day": form.day,
        "start_time": _time(form.start_time, "Jam mulai", True),
        "end_time": _time(form.end_time, "Jam selesai", False),
        "title": text(form.title, "Nama kegiatan", required=True, max_length=1000),
        "place": text(form.place, "Tempat", max_length=300),
        "organiser": text(form.organiser, "Penyelenggara", max_length=300),
        "note": text(form.note, "Catatan", max_length=2000),
    }
    if values["end_time"] and values["end_time"] <= values["start_time"]:
        raise ServiceError("Jam selesai harus sesudah jam mulai")
    with database.atomic():
        entry = AgendaEntry.create(created_at=now, created_by=actor.name, **values)
        audit.record(actor, "agenda_ditambah", "agenda", entry.id, None, {**values, "day": form.day.isoformat()}, now)
    return int(entry.id)


def withdraw_entry(entry_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    """Take a typed entry off the agenda (it stays in the database, marked withdrawn)."""
    now = now_utc(now)
    can_act(actor).enforce()
    reason = text(reason, "Alasan", required=True, max_length=1000)
    with database.atomic():
        entry = AgendaEntry.get_or_none((AgendaEntry.id == entry_id) & ~AgendaEntry.withdrawn)
        if entry is None:
            raise ServiceError("Butir agenda itu tidak ada (atau sudah ditarik)")
        can_withdraw_agenda(actor, entry.created_by).enforce()
        AgendaEntry.update(withdrawn=True, withdrawn_reason=reason, withdrawn_at=now, withdrawn_by=actor.name).where(
            AgendaEntry.id == entry.id
        ).execute()
        audit.record(actor, "agenda_ditarik", "agenda", entry.id, {"title": entry.title}, {"reason": reason}, now)


def decide(
    key: str,
    decision: str,
    actor: Actor,
    *,
    representative: str = "",
    reply_letter: str = "",
    note: str = "",
    now: datetime | None = None,
) -> None:
    """Record how the leader takes part: "hadir", "diwakili" (a named official) or "ditolak" (with the
    reply letter). Recorded by the Kabag, the Kasubbag or an Admin; the previous decision is superseded."""
    now = now_utc(now)
    can_decide_agenda(actor).enforce()
    if decision not in DECISIONS:
        raise ServiceError(f"Keputusan '{decision}' tidak dikenal (hadir, diwakili, ditolak)")
    representative = text(representative, "Pejabat yang mewakili", max_length=300)
    reply_letter = text(reply_letter, "Surat balasan", max_length=300)
    note = text(note, "Catatan", max_length=2000)
    if decision == "diwakili" and not representative:
        raise ServiceError("Sebutkan pejabat yang mewakili (nama dan jabatan)")
    if decision == "ditolak" and not reply_letter:
        raise ServiceError("Catat nomor/tanggal surat balasan untuk undangan yang tidak dihadiri")
    current = item(key)
    kind, _, raw = key.partition(":")
    target = int(raw)
    values = {
        "decision": decision,
        "representative": representative if decision == "diwakili" else "",
        "reply_letter": reply_letter,
        "note": note,
    }
    before = {
        "decision": current.decision,
        "representative": current.representative,
        "reply_letter": current.reply_letter,
    }
    with database.atomic():
        column = AgendaDecision.request if kind == "permohonan" else AgendaDecision.entry
        AgendaDecision.update(superseded=True).where((column == target) & ~AgendaDecision.superseded).execute()
        AgendaDecision.create(
            request=target if kind == "permohonan" else None,
            entry=target if kind == "agenda" else None,
            decided_at=now,
            decided_by=who(actor)[:200],
            **values,
        )
        label = DECISIONS[decision] + (f" oleh {representative}" if decision == "diwakili" else "")
        detail = f"Agenda {current.leader}: {label}" + (f"; surat balasan {reply_letter}" if reply_letter else "")
        if kind == "permohonan":
            from .requests import record_change

            record_change(target, actor, "agenda_pimpinan", detail, before, values, now)
        else:
            audit.record(actor, "agenda_keputusan", "agenda", target, before, values, now)


# --- the week for the Sekpri and ajudan --------------------------------------------------------------


def leaders_of(found: Iterable[AgendaItem]) -> list[str]:
    """The office's leaders (in its order) followed by any other leader named in ``found``."""
    office = active_office()
    names = list(office.leaders)
    for entry in found:
        if entry.leader not in names:
            names.append(entry.leader)
    return names


def week_sheets(day: date) -> list:
    """The week (Monday-Sunday) around ``day`` as one sheet per leader, for the Excel export."""
    from ..export.agenda_xlsx import WeekRow, WeekSheet

    start, end = period("minggu", day)
    found = items(start, end)
    sheets = []
    for leader in leaders_of(found):
        rows = [
            WeekRow(
                day=i.day,
                day_text=f"{DAYS[i.day.weekday()]}, {format_date(i.day)}",
                time=i.time_text,
                title=i.title,
                place=i.place,
                organiser=i.organiser,
                attendance=i.decision_text,
                note=("BENTROK: " + "; ".join(_clash_titles(i, found)) if i.clash else i.decision_note),
                clash=i.clash,
            )
            for i in found
            if i.leader == leader
        ]
        sheets.append(WeekSheet(leader, rows))
    return sheets


def _clash_titles(entry: AgendaItem, found: list[AgendaItem]) -> list[str]:
    by_key = {i.key: i for i in found}
    return [f"{by_key[k].time_text} {by_key[k].title}" for k in entry.clash_with if k in by_key]


def export_week(day: date, out: Path, now: datetime | None = None, actor: Actor | str | None = None) -> Path:
    """Write the week around ``day`` to ``out`` (xlsx, one sheet per leader, A4 landscape)."""
    from ..export.agenda_xlsx import write_agenda_week

    now = now_utc(now)
    office = active_office()
    if out.suffix.lower() != ".xlsx":
        raise ServiceError("Berkas agenda harus berakhiran .xlsx")
    start, _ = period("minggu", day)
    sheets = week_sheets(day)
    written = write_agenda_week(
        organisation=office.organisation,
        unit=office.unit,
        week_start=start,
        sheets=sheets,
        out=out,
        printed=format_datetime(now.astimezone(office.zone)) + f" {office.timezone}",
        footnote=ASSUMPTION,
    )
    audit.record_export(actor, "agenda_pimpinan", written, None, minggu=start.isoformat())
    return written
