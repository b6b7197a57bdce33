"""Read models of the board and the request detail: plain rows computed from stored timestamps.

The board is read in one query (requests with their open step run, its open pause and whether a
required document is missing), whatever the number of requests, and everything else is computed in
Python from cached SOP revisions, so 2,000 active requests load in milliseconds. The columns and the
filter criteria, which the window shows before any card is read, are in :mod:`.board_frame`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from peewee import JOIN, fn

from ..domain.durations import format_duration
from ..domain.workflow import StepTimer, TimerState
from ..store.models import Attachment, History, Request, RequestRequirement, StepPause, StepRun, database
from .board_frame import FINISHED, NOT_STARTED, RECENT_DAYS, BoardFilter
from .library import sop_of_revision
from .office import active_office, calendar
from .requests import ACTIVE_STATUSES, STATUS_LABELS


@dataclass(frozen=True)
class Card:
    request_id: int
    column: str
    sop_code: str
    service: str
    icon: str
    nomor_surat: str
    perihal: str
    pengirim: str
    leader: str
    status: str
    step_number: int | None
    step_text: str
    step_count: int
    round: int
    timer: StepTimer | None
    due_at: datetime | None
    event_date: date | None
    assigned_to: str
    incomplete: bool
    received_at: datetime
    finished_at: datetime | None
    days_left: int | None  # working days to the service deadline (negative: late)
    version: int
    training: bool = False  # made by ``demo``: the card says "Latihan"
    standard_text: str = ""  # the open step's Mutu Baku when it is in days ("2 hari", "1 hari kerja")
    finished_day: date | None = None  # the office-local day it was finished (the card says "Selesai 27 Nov")

    def timer_state(self, now: datetime) -> TimerState | None:
        return None if self.timer is None else self.timer.state(now)

    def overdue(self, now: datetime) -> bool:
        if self.status in ("selesai", "batal"):
            return False
        if self.due_at is not None and now > self.due_at:
            return True
        return self.timer is not None and self.timer.state(now) is TimerState.OVER

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def load_cards(now: datetime | None = None, request_ids: list[int] | None = None) -> list[Card]:
    """Cards of active requests and of those finished or cancelled in the last week."""
    now = now or datetime.now(UTC)
    office = active_office()
    cal = calendar()
    zone = office.zone
    since = now - timedelta(days=RECENT_DAYS)
    run = StepRun.alias()
    pause = StepPause.alias()
    open_pause = (
        pause.select(fn.MAX(pause.paused_at)).where((pause.step_run == run.id) & pause.resumed_at.is_null())
    )
    requirement = RequestRequirement.alias()
    missing = fn.EXISTS(
        requirement.select(requirement.id).where(
            (requirement.request == Request.id) & requirement.required & ~requirement.fulfilled
        )
    )
    query = Request.select(
        Request.id,
        Request.revision,
        Request.nomor_surat,
        Request.perihal,
        Request.pengirim,
        Request.leader,
        Request.status,
        Request.current_round,
        Request.due_at,
        Request.event_date,
        Request.assigned_to,
        Request.received_at,
        Request.finished_at,
        Request.version,
        Request.training,
        run.id,
        run.step_number,
        run.role,
        run.started_at,
        run.paused_seconds,
        run.standard_minutes,
        open_pause,
        missing,
    ).join(run, JOIN.LEFT_OUTER, on=((run.request == Request.id) & run.ended_at.is_null()))  # fmt: skip
    if request_ids is not None:
        query = query.where(Request.id.in_(request_ids))
    else:
        query = query.where((Request.status.in_(ACTIVE_STATUSES)) | (Request.finished_at >= since))
    # Raw rows: peewee's per-field conversion of 2,000 rows costs more than the query itself, so the
    # few typed columns are converted here (see _utc and _date).
    rows = database.execute(query.order_by(Request.received_at)).fetchall()
    today = now.astimezone(zone).date()
    days_cache: dict[date, int] = {}
    standard_texts: dict[tuple[int, int], str] = {}
    cards = []
    for (
        request_id, revision, nomor_surat, perihal, pengirim, leader, status, current_round, due_at, event_date,
        assigned_to, received_at, finished_at, version, training, run_id, step_number, role, started_at,
        paused_seconds, standard_minutes, paused_at, incomplete,
    ) in rows:  # fmt: skip
        sop = sop_of_revision(revision)
        timer = None
        step_text = ""
        standard_text = ""
        due_at = _utc_or_none(due_at)
        finished = _utc_or_none(finished_at)
        if run_id is not None:
            timer = StepTimer(_utc(started_at), None, paused_seconds, _utc_or_none(paused_at), standard_minutes)
            step = sop.step(step_number)
            step_text = step.uraian
            key = (revision, step_number)
            if key not in standard_texts:  # parsed once per step, not once per card
                duration = step.duration
                standard_texts[key] = format_duration(duration).lower() if duration.days is not None else ""
            standard_text = standard_texts[key]
            column = role
        elif status in ("selesai", "batal"):
            column = FINISHED
        else:
            column = NOT_STARTED
        days_left = None
        if due_at is not None and status in ACTIVE_STATUSES:
            due_day = due_at.astimezone(zone).date()
            if due_day not in days_cache:
                days_cache[due_day] = (
                    cal.working_days_between(today, due_day)
                    if due_day >= today
                    else -cal.working_days_between(due_day, today)
                )
            days_left = days_cache[due_day]
        cards.append(
            Card(
                request_id=request_id,
                column=column,
                sop_code=sop.code,
                service=sop.service,
                icon=sop.icon,
                nomor_surat=nomor_surat,
                perihal=perihal,
                pengirim=pengirim,
                leader=leader,
                status=status,
                step_number=step_number,
                step_text=step_text,
                step_count=len(sop.steps),
                round=current_round,
                timer=timer,
                due_at=due_at,
                event_date=_date(event_date),
                assigned_to=assigned_to,
                incomplete=bool(incomplete),
                received_at=_utc(received_at),
                finished_at=finished,
                days_left=days_left,
                version=version,
                training=bool(training),
                standard_text=standard_text,
                finished_day=finished.astimezone(zone).date() if finished is not None else None,
            )
        )
    return cards


def _utc(value: Any) -> datetime:
    """A stored instant as an aware UTC datetime: SQLite gives its text, PostgreSQL a naive datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _utc_or_none(value: Any) -> datetime | None:
    return None if value is None else _utc(value)


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def board_versions(now: datetime | None = None) -> dict[int, int]:
    """Id and version of every request the board shows: what a poll compares to find changes made
    on another PC, without reading the cards themselves."""
    now = now or datetime.now(UTC)
    since = now - timedelta(days=RECENT_DAYS)
    rows: Any = (
        Request.select(Request.id, Request.version)
        .where((Request.status.in_(ACTIVE_STATUSES)) | (Request.finished_at >= since))
        .tuples()
    )
    return dict(rows)


def change_counter() -> int:
    """A number that grows with every change to any request: cheap to poll."""
    return int(Request.select(fn.COALESCE(fn.SUM(Request.version), 0) + fn.COUNT(Request.id)).scalar() or 0)


# ---------------------------------------------------------------------------------------------
# Request detail


@dataclass(frozen=True)
class TimelineEntry:
    step_number: int
    uraian: str
    executor: str
    role: str
    standard: str
    state: str  # "selesai", "berjalan", "akan datang", "dibatalkan"
    round: int | None
    started_at: datetime | None
    ended_at: datetime | None
    elapsed_seconds: float | None
    timer_state: TimerState | None
    output: str
    note: str
    completed_by: str
    answer: bool | None
    on_behalf: bool
    paused: bool


@dataclass(frozen=True)
class RequestDetail:
    request: Request
    service: str
    sop_code: str
    revision: int
    timeline: list[TimelineEntry]
    requirements: list[RequestRequirement]
    attachments: list[Attachment]
    history: list[History]
    pauses: list[StepPause]


def request_detail(request_id: int, now: datetime | None = None) -> RequestDetail:
    now = now or datetime.now(UTC)
    request = Request.get_by_id(request_id)
    sop = sop_of_revision(request.revision_id)
    runs = list(StepRun.select().where(StepRun.request == request).order_by(StepRun.started_at, StepRun.id))
    pauses = list(StepPause.select().join(StepRun).where(StepRun.request == request).order_by(StepPause.paused_at))
    open_pause = {p.step_run_id: p.paused_at for p in pauses if p.resumed_at is None}
    office = active_office()
    timeline: list[TimelineEntry] = []
    for run in runs:
        step = sop.step(run.step_number)
        timer = StepTimer(
            run.started_at, run.ended_at, run.paused_seconds, open_pause.get(run.id), run.standard_minutes
        )
        if run.ended_at is None:
            state = "berjalan"
        elif run.completed_by:
            state = "selesai"
        else:
            state = "dibatalkan"
        timeline.append(
            TimelineEntry(
                step.number,
                step.uraian,
                step.executor,
                run.role,
                step.waktu or "-",
                state,
                run.round,
                run.started_at,
                run.ended_at,
                timer.elapsed_seconds(now),
                timer.state(now),
                run.output,
                run.note,
                run.completed_by,
                run.answer,
                run.on_behalf,
                timer.paused,
            )
        )
    if request.status in ("baru", "berjalan", "ditunda"):
        upcoming = (
            sop.steps if request.current_step is None else [s for s in sop.steps if s.number > request.current_step]
        )
        for step in upcoming:
            role = office.role_for(step.executor)
            timeline.append(
                TimelineEntry(
                    step.number,
                    step.uraian,
                    step.executor,
                    role.name if role else step.executor,
                    step.waktu or "-",
                    "akan datang",
                    None,
                    None,
                    None,
                    None,
                    None,
                    "",
                    "",
                    "",
                    None,
                    False,
                    False,
                )
            )
    return RequestDetail(
        request=request,
        service=sop.service,
        sop_code=sop.code,
        revision=request.revision.revision,
        timeline=timeline,
        requirements=list(request.requirements.order_by(RequestRequirement.position)),
        attachments=list(request.attachments.order_by(Attachment.added_at)),
        history=list(request.history.order_by(History.at, History.id)),
        pauses=pauses,
    )


# ---------------------------------------------------------------------------------------------
# Filters and drops


def filter_cards(cards: list[Card], criteria: BoardFilter, now: datetime, zone) -> list[Card]:  # noqa: ANN001
    """The cards that pass the board's filters. Search text is only text (no patterns)."""
    needle = criteria.text.casefold().strip()
    result = []
    for card in cards:
        if criteria.service and card.sop_code != criteria.service:
            continue
        if criteria.leader and card.leader != criteria.leader:
            continue
        if criteria.state == "terlambat" and not card.overdue(now):
            continue
        if criteria.state == "ditunda" and card.status != "ditunda":
            continue
        if criteria.state == "belum_lengkap" and not card.incomplete:
            continue
        if criteria.date_from or criteria.date_to:
            day = card.received_at.astimezone(zone).date()
            if criteria.date_from and day < criteria.date_from:
                continue
            if criteria.date_to and day > criteria.date_to:
                continue
        if (
            needle
            and card.request_id not in criteria.record_matches
            and not any(
                needle in value.casefold()
                for value in (card.nomor_surat, card.perihal, card.pengirim, card.step_text, card.assigned_to)
            )
        ):
            continue
        result.append(card)
    return result


@dataclass(frozen=True)
class DropPlan:
    request_id: int
    step_number: int
    answer: bool | None  # the keputusan answer the drop implies
    finishes: bool
    output: str  # the output the SOP names for the step
    question: str  # the keputusan's question, when there is one


def plan_drop(request_id: int, target_column: str) -> DropPlan:
    """What dropping a card on ``target_column`` means, or a ServiceError saying why not.

    A drop completes the current step when the SOP's next step belongs to the target column's role
    (for a keputusan: the answer whose next step is there), or when the SOP ends and the target is
    the finished column.
    """
    from . import ServiceError

    request = Request.get_or_none(Request.id == request_id)
    if request is None:
        raise ServiceError(f"Permohonan nomor {request_id} tidak ada")
    if request.status == "baru":
        raise ServiceError("Permohonan belum dimulai; mulai dari tombol Mulai di rincian permohonan")
    if request.status != "berjalan" or request.current_step is None:
        raise ServiceError(f"Permohonan {STATUS_LABELS[request.status].lower()}; langkahnya tidak dapat dipindah")
    sop = sop_of_revision(request.revision_id)
    office = active_office()
    step = sop.step(request.current_step)

    def column_of(number: int | None) -> str:
        if number is None:
            return FINISHED
        role = office.role_for(sop.step(number).executor)
        return role.name if role else sop.step(number).executor

    answers: list[bool | None] = [True, False] if step.decision else [None]
    matches = [a for a in answers if column_of(sop.next_step(step.number, a)) == target_column]
    if not matches:
        allowed = sorted({column_of(sop.next_step(step.number, a)) for a in answers})
        names = ", ".join("Selesai" if c == FINISHED else c for c in allowed)
        target = {FINISHED: "Selesai", NOT_STARTED: "Belum dimulai"}.get(target_column, target_column)
        raise ServiceError(
            f"Langkah {step.number} ({step.uraian}) tidak dapat dipindah ke kolom {target}: "
            f"menurut SOP langkah berikutnya milik {names}."
        )
    answer = matches[0] if len(matches) == 1 else None
    resolved = answer is not None or step.decision is None
    return DropPlan(
        request_id=request_id,
        step_number=step.number,
        answer=answer,
        finishes=resolved and sop.next_step(step.number, answer) is None,
        output=step.output,
        question=step.decision.question if step.decision else "",
    )
