"""Reports an office files: the register, timing against Mutu Baku (kinerja) and the monthly recap.

Pure data, no openpyxl: the Excel writers in ``export.reports_xlsx`` only lay these rows out.

Which requests: every report covers the requests whose *received* date, in the office's time zone,
lies within the period (both ends included); their states are as of ``now`` (the print time).

Step rows (sheet "Riwayat Langkah"): one per pass through a step (a StepRun), ordered by request
then start. ``durasi`` is the active time in minutes (elapsed minus pauses, as the board's step
timer counts it) rounded to 0.1; ``standar`` the step's Mutu Baku in minutes (``None`` when the SOP
gives none, or gives it in days); ``mutu_baku`` the Mutu Baku as the SOP writes it ("15 Menit",
"2 Hari", "1 Hari kerja"), and ``batas`` the minutes the run was allowed: ``standar`` for a clock
standard, and for one in days the minutes those days gave from the run's start (2 Hari = 2.880;
1 Hari kerja = up to the office close of the next working day; see
:meth:`..domain.calendar.WorkingCalendar.step_limit_minutes`). Steps timed in days are so reported
apart from the minutes while still compared with their own standard. The status is

* ``Berjalan``: the run is still open (its durasi runs to ``now``);
* ``Dibatalkan``: the run was closed without being completed (the request was cancelled);
* ``Tanpa standar``: completed, and the step has no standard;
* ``Tepat waktu``: completed and ``durasi <= batas`` (the rounded durasi, as printed);
* ``Terlambat``: completed and ``durasi > batas``.

The board's "mendekati batas" is a warning for running steps, not a report status.

Kinerja statistics use only the completed runs (Tepat waktu, Terlambat, Tanpa standar) and exactly
the durasi values of the step rows, so they can be recomputed from the "Riwayat Langkah" sheet:
count; median (:func:`statistics.median`: the middle value, or the mean of the two middle values);
P90 by the nearest-rank method (the value at 1-based position ⌈0.9 × n⌉ of the ascending durations,
see :func:`p90`); on-time share = Tepat waktu ÷ (Tepat waktu + Terlambat).
"""

from __future__ import annotations

import heapq
import statistics
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from peewee import fn

from ..domain.calendar import WorkingCalendar
from ..domain.durations import Duration, DurationKind, format_duration
from ..domain.indonesian import MONTHS, MONTHS_SHORT, format_date
from ..domain.sop import Sop
from ..domain.workflow import StepTimer, TimerState
from ..store.models import Request, RequestRequirement, StepPause, StepRun, database
from . import ServiceError
from .board_frame import BoardFilter
from .library import sop_of_revision
from .office import active_office, calendar
from .requests import ACTIVE_STATUSES, STATUS_LABELS
from .training import TRAINING_LABEL

STATUS_RUNNING = "Berjalan"
STATUS_CANCELLED = "Dibatalkan"
STATUS_NO_STANDARD = "Tanpa standar"
STATUS_ON_TIME = "Tepat waktu"
STATUS_LATE = "Terlambat"
COMPLETED_STATUSES = (STATUS_ON_TIME, STATUS_LATE, STATUS_NO_STANDARD)

SLOWEST_COUNT = 5
STATUS_ORDER = ("baru", "berjalan", "ditunda", "batal", "selesai")

P90_NOTE = (
    "Cara menghitung: statistik memakai baris sheet Riwayat Langkah berstatus Tepat waktu, Terlambat atau "
    "Tanpa standar (langkah yang berjalan atau dibatalkan tidak dihitung). Median = nilai tengah durasi "
    "(rata-rata dua nilai tengah bila jumlahnya genap). P90 = nilai pada urutan ke-⌈0,9 × n⌉ dari durasi yang "
    "diurutkan naik (metode peringkat terdekat). Tepat waktu (%) = Tepat waktu ÷ (Tepat waktu + Terlambat)."
)

_CHUNK = 900  # SQLite's limit on bound parameters is 999


# ---------------------------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class ReportMeta:
    """What a printed report says about itself: the office letterhead, the period, the print time."""

    office_name: str
    organisation: str
    parent: str
    unit: str
    address: str
    date_from: date
    date_to: date
    printed_at: datetime  # office-local, aware
    place: str = ""  # the town for the signature line ("Ambon")
    signer_title: str = ""  # "Kepala Bagian Protokol dan Komunikasi Pimpinan"

    @property
    def period_text(self) -> str:
        return period_text(self.date_from, self.date_to)

    @property
    def letterhead(self) -> list[str]:
        return [line for line in (self.organisation, self.parent, self.unit, self.address) if line]


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One line of the Buku Agenda Permohonan. Instants are office-local and aware."""

    no: int
    request_id: int
    nomor_surat: str
    tanggal_surat: date
    received_at: datetime
    perihal: str
    pengirim: str  # Penyelenggara
    service: str  # Layanan
    sop_code: str
    leader: str
    event_date: date | None
    status: str  # baru, berjalan, ditunda, batal, selesai
    status_label: str
    current_step: str  # "3. Menyusun konsep sambutan" while open, else ""
    finished_at: datetime | None  # only for status selesai
    due_at: datetime | None
    jangka_waktu: str  # "1 Hari", "5 Hari kerja", "-"
    actual: float | None  # Waktu Aktual, in ``actual_unit``
    actual_unit: str  # "hari kerja", "hari", "menit", "menit aktif" or ""
    on_time: str  # Tepat Waktu: "Ya", "Tidak" or ""
    training: bool = False  # made by ``demo``: the status reads "Selesai (latihan)"


@dataclass(frozen=True, slots=True)
class StepRow:
    """One pass through one step (a line of the "Riwayat Langkah" sheet)."""

    request_id: int
    nomor_surat: str
    service: str
    sop_code: str
    step_number: int  # Langkah
    round: int  # Putaran
    uraian: str
    executor: str  # the SOP's executor column
    role: str  # Pelaksana: the office role the executor maps to
    person: str  # Petugas: who completed it ("" while open or when cancelled)
    started_at: datetime  # office-local, aware
    ended_at: datetime | None
    durasi: float  # active minutes, rounded to 0.1
    standar: int | None  # Mutu Baku in minutes (None: no standard, or one in days)
    status: str
    mutu_baku: str = ""  # the Mutu Baku as the SOP writes it: "15 Menit", "2 Hari", "1 Hari kerja"
    batas: int | None = None  # the minutes the run was allowed (= standar for clock standards)

    @property
    def completed(self) -> bool:
        return self.status in COMPLETED_STATUSES


def step_status(durasi: float, batas: int | None, ended: bool, completed: bool) -> str:
    """The report status of a step run (see the module docstring)."""
    if not ended:
        return STATUS_RUNNING
    if not completed:
        return STATUS_CANCELLED
    if batas is None:
        return STATUS_NO_STANDARD
    return STATUS_ON_TIME if durasi <= batas else STATUS_LATE


# ---------------------------------------------------------------------------------------------
# Statistics


def p90(values: Iterable[float]) -> float | None:
    """The 90th percentile by the nearest-rank method: the value at 1-based position ⌈0.9 × n⌉ of the
    values sorted ascending (n = 1..10 gives the largest value; n = 20 the 18th). ``None`` when empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = -(-9 * len(ordered) // 10)  # ceil(0.9 n) in integers, free of float rounding
    return ordered[rank - 1]


@dataclass(frozen=True)
class StepStats:
    """Statistics of a group of completed step runs (durasi in minutes)."""

    count: int
    median: float | None
    p90: float | None
    with_standard: int  # Tepat waktu + Terlambat
    on_time: int
    late: int

    @property
    def on_time_share(self) -> float | None:
        """Tepat waktu ÷ (Tepat waktu + Terlambat), between 0 and 1; ``None`` without standard."""
        return self.on_time / self.with_standard if self.with_standard else None


def step_stats(rows: Iterable[StepRow]) -> StepStats:
    """Statistics of the completed runs among ``rows`` (others are ignored)."""
    done = [row for row in rows if row.completed]
    values = [row.durasi for row in done]
    on_time = sum(1 for row in done if row.status == STATUS_ON_TIME)
    late = sum(1 for row in done if row.status == STATUS_LATE)
    return StepStats(
        count=len(done),
        median=statistics.median(values) if values else None,
        p90=p90(values),
        with_standard=on_time + late,
        on_time=on_time,
        late=late,
    )


# ---------------------------------------------------------------------------------------------
# Loading


@dataclass(slots=True)
class _Req:
    """The columns of a request the reports read (one row of :data:`_REQUEST_FIELDS`)."""

    id: int
    revision_id: int
    nomor_surat: str
    tanggal_surat: date
    received_at: datetime
    perihal: str
    pengirim: str
    leader: str
    event_date: date | None
    status: str
    current_step: int | None
    current_round: int
    assigned_to: str
    due_at: Any  # an aware UTC datetime or None (compared as the model's fields were)
    finished_at: Any
    training: bool


@dataclass(slots=True)
class _Run:
    """The columns of a step run the reports read (one row of :data:`_RUN_FIELDS`)."""

    id: int
    request_id: int
    step_number: int
    round: int
    executor: str
    role: str
    started_at: datetime
    ended_at: Any  # an aware UTC datetime or None
    standard_minutes: int | None
    paused_seconds: int
    completed_by: str


_REQUEST_FIELDS = (
    Request.id, Request.revision, Request.nomor_surat, Request.tanggal_surat, Request.received_at, Request.perihal,
    Request.pengirim, Request.leader, Request.event_date, Request.status, Request.current_step,
    Request.current_round, Request.assigned_to, Request.due_at, Request.finished_at, Request.training,
)  # fmt: skip
_RUN_FIELDS = (
    StepRun.id, StepRun.request, StepRun.step_number, StepRun.round, StepRun.executor, StepRun.role,
    StepRun.started_at, StepRun.ended_at, StepRun.standard_minutes, StepRun.paused_seconds, StepRun.completed_by,
)  # fmt: skip


@dataclass
class _Loaded:
    request: _Req
    sop: Sop
    runs: list[_Run] = field(default_factory=list)
    open_pauses: dict[int, datetime] = field(default_factory=dict)
    incomplete: bool = False


def _instant(value: Any) -> datetime | None:
    """A stored instant as an aware UTC datetime. The rows are read raw (peewee's per-value
    conversion costs more than the whole report): SQLite gives ISO text, PostgreSQL datetimes."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _day(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _request_of(row: Sequence[Any]) -> _Req:
    (id_, revision, nomor, tanggal, received, perihal, pengirim, leader, event_date, status, step, round_,
     assigned, due, finished, training) = row  # fmt: skip
    return _Req(
        id_, revision, nomor, _day(tanggal), _instant(received), perihal, pengirim, leader,  # type: ignore[arg-type]
        _day(event_date), status, step, round_, assigned, _instant(due), _instant(finished), bool(training),
    )  # fmt: skip


def _run_of(row: Sequence[Any]) -> _Run:
    id_, request, number, round_, executor, role, started, ended, standard, paused, person = row
    return _Run(id_, request, number, round_, executor, role, _instant(started), _instant(ended),  # type: ignore[arg-type]
                standard, paused or 0, person or "")  # fmt: skip


def _check_period(date_from: date, date_to: date) -> None:
    if date_from > date_to:
        raise ServiceError(
            f"Tanggal awal ({format_date(date_from)}) tidak boleh sesudah tanggal akhir ({format_date(date_to)})"
        )


def _now(now: datetime | None) -> datetime:
    value = now or datetime.now(UTC)
    if value.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return value


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def period_bounds(date_from: date, date_to: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """The UTC instants [start, end) of the office-local days ``date_from`` to ``date_to``."""
    start = datetime.combine(date_from, time(0), zone).astimezone(UTC)
    end = datetime.combine(date_to + timedelta(days=1), time(0), zone).astimezone(UTC)
    return start, end


def _batch(requests: list[_Req], with_incomplete: bool, with_runs: bool) -> list[_Loaded]:
    """One batch of requests with their step runs (by start), open pauses and, when asked, whether a
    required document is missing: three queries whatever the batch's size."""
    loaded = {r.id: _Loaded(r, sop_of_revision(r.revision_id)) for r in requests}
    ids = list(loaded)
    if not with_runs:
        return list(loaded.values())
    runs = [_run_of(row) for row in database.execute(StepRun.select(*_RUN_FIELDS).where(StepRun.request.in_(ids)))]
    runs.sort(key=lambda run: (run.started_at, run.id))
    by_id = {}
    for run in runs:
        loaded[run.request_id].runs.append(run)
        by_id[run.id] = run
    open_ids = [run.id for run in runs if run.ended_at is None]
    for chunk in _chunks(open_ids):
        pauses = (
            StepPause.select(StepPause.step_run, StepPause.paused_at)
            .where(StepPause.step_run.in_(list(chunk)) & StepPause.resumed_at.is_null())
        )  # fmt: skip
        for run_id, paused_at in database.execute(pauses):
            loaded[by_id[run_id].request_id].open_pauses[run_id] = _instant(paused_at)  # type: ignore[assignment]
    if with_incomplete:
        incomplete = (
            RequestRequirement.select(RequestRequirement.request)
            .where(
                RequestRequirement.request.in_(ids) & RequestRequirement.required & ~RequestRequirement.fulfilled
            )
            .distinct()
        )
        for (request_id,) in database.execute(incomplete):
            loaded[request_id].incomplete = True
    return [loaded[request_id] for request_id in ids]


def _iter_load(
    date_from: date, date_to: date, zone: tzinfo, with_incomplete: bool = True, with_runs: bool = True
) -> Iterator[_Loaded]:
    """The requests received in the period, in the order received, with their step runs and open
    pauses: read in batches of :data:`_CHUNK` requests, so memory does not grow with the period."""
    _check_period(date_from, date_to)
    start, end = period_bounds(date_from, date_to, zone)
    query = (
        Request.select(*_REQUEST_FIELDS)
        .where((Request.received_at >= start) & (Request.received_at < end))
        .order_by(Request.received_at, Request.id)
    )
    cursor = database.execute(query)
    while True:
        rows = cursor.fetchmany(_CHUNK)
        if not rows:
            return
        yield from _batch([_request_of(row) for row in rows], with_incomplete, with_runs)


def _timer(item: _Loaded, run: _Run) -> StepTimer:
    pause = item.open_pauses.get(run.id) if run.ended_at is None else None
    return StepTimer(run.started_at, run.ended_at, run.paused_seconds, pause, run.standard_minutes)


def _open_run(item: _Loaded) -> _Run | None:
    for run in reversed(item.runs):
        if run.ended_at is None:
            return run
    return None


def _current_step_text(item: _Loaded) -> str:
    request = item.request
    if request.status not in ACTIVE_STATUSES or request.current_step is None:
        return ""
    step = item.sop.step(request.current_step)
    text = f"{step.number}. {step.uraian}"
    return f"{text} (putaran {request.current_round})" if request.current_round > 1 else text


def _late(item: _Loaded, now: datetime) -> bool:
    """Late as the register's Tepat Waktu says "Tidak", or (still open) as the board says overdue."""
    request = item.request
    if request.status == "selesai":
        return request.due_at is not None and request.finished_at > request.due_at
    if request.status == "batal":
        return False
    if request.due_at is not None and now > request.due_at:
        return True
    run = _open_run(item)
    return run is not None and _timer(item, run).state(now) is TimerState.OVER


def _passes(item: _Loaded, criteria: BoardFilter, now: datetime, zone: tzinfo) -> bool:
    """The board's filters (:func:`services.board.filter_cards`), applied to a whole period: "terlambat"
    also keeps requests that finished after their due time."""
    request = item.request
    if criteria.service and item.sop.code != criteria.service:
        return False
    if criteria.leader and request.leader != criteria.leader:
        return False
    if criteria.state == "terlambat" and not _late(item, now):
        return False
    if criteria.state == "ditunda" and request.status != "ditunda":
        return False
    if criteria.state == "belum_lengkap" and not item.incomplete:
        return False
    if criteria.date_from or criteria.date_to:
        day = request.received_at.astimezone(zone).date()
        if criteria.date_from and day < criteria.date_from:
            return False
        if criteria.date_to and day > criteria.date_to:
            return False
    needle = criteria.text.casefold().strip()
    return not needle or any(
        needle in value.casefold()
        for value in (request.nomor_surat, request.perihal, request.pengirim, _current_step_text(item),
                      request.assigned_to)
    )  # fmt: skip


def _selected(
    date_from: date, date_to: date, criteria: BoardFilter | None, now: datetime, zone: tzinfo
) -> Iterator[_Loaded]:
    """The loaded requests of the period that pass ``criteria``, one batch in memory at a time."""
    items = _iter_load(date_from, date_to, zone, with_incomplete=criteria is not None)
    if criteria is None:
        return items
    return (item for item in items if _passes(item, criteria, now, zone))


# Per parsed SOP (keyed by its identity; the entry holds the SOP, so the key stays its own).
_uraian: dict[tuple[int, int], tuple[Sop, tuple[str, bool, str]]] = {}
_frames: dict[int, tuple[Sop, Duration, str]] = {}


def _time_frame(item: _Loaded) -> tuple[Duration, str]:
    """The jangka waktu of the request's SOP and its text (parsed once per SOP, not per request)."""
    known = _frames.get(id(item.sop))
    if known is None:
        frame = item.sop.standard.time_frame
        known = _frames[id(item.sop)] = (item.sop, frame, format_duration(frame))
    return known[1], known[2]


def _uraian_of(item: _Loaded, number: int) -> tuple[str, bool, str]:
    """A step's uraian, whether its standard is in minutes, and its Mutu Baku as written (once per
    SOP and step, not per run)."""
    key = (id(item.sop), number)
    known = _uraian.get(key)
    if known is None:
        step = item.sop.step(number)
        standard = step.duration
        mutu = format_duration(standard) if standard.has_standard else ""
        known = _uraian[key] = (item.sop, (step.uraian, standard.kind is DurationKind.MINUTES, mutu))
    return known[1]


def _step_rows_of(item: _Loaded, now: datetime, zone: tzinfo) -> list[StepRow]:
    rows = []
    request = item.request
    for run in item.runs:
        durasi = round(_timer(item, run).elapsed_seconds(now) / 60, 1)
        ended = run.ended_at is not None
        uraian, in_minutes, mutu_baku = _uraian_of(item, run.step_number)
        rows.append(
            StepRow(
                request_id=request.id,
                nomor_surat=request.nomor_surat,
                service=item.sop.service,
                sop_code=item.sop.code,
                step_number=run.step_number,
                round=run.round,
                uraian=uraian,
                executor=run.executor,
                role=run.role,
                person=run.completed_by,
                started_at=run.started_at.astimezone(zone),
                ended_at=run.ended_at.astimezone(zone) if ended else None,
                durasi=durasi,
                standar=run.standard_minutes if in_minutes else None,
                status=step_status(durasi, run.standard_minutes, ended, bool(run.completed_by)),
                mutu_baku=mutu_baku,
                batas=run.standard_minutes,
            )
        )
    return rows


def _active_minutes(rows: Iterable[StepRow]) -> float:
    return round(sum(row.durasi for row in rows if row.completed), 1)


def _actual(item: _Loaded, steps: list[StepRow], cal: WorkingCalendar, zone: tzinfo) -> tuple[float | None, str]:
    """Waktu Aktual of a finished request, in the unit of its jangka waktu (see :func:`register_rows`)."""
    request = item.request
    if request.status != "selesai" or request.finished_at is None:
        return None, ""
    frame = _time_frame(item)[0]
    received = request.received_at.astimezone(zone)
    finished = request.finished_at.astimezone(zone)
    if frame.kind in (DurationKind.WORKING_DAYS, DurationKind.DAYS):  # "1 hari" is due in working days too
        return float(cal.working_days_between(received.date(), finished.date())), "hari kerja"
    if frame.kind is DurationKind.MINUTES:
        return round((request.finished_at - request.received_at).total_seconds() / 60, 1), "menit"
    return _active_minutes(steps), "menit aktif"


def _on_time(request: _Req, now: datetime) -> str:
    if request.due_at is None or request.status == "batal":
        return ""
    if request.status == "selesai":
        return "Ya" if request.finished_at <= request.due_at else "Tidak"
    return "Tidak" if now > request.due_at else ""


def _register_row(
    no: int, item: _Loaded, steps: list[StepRow], now: datetime, cal: WorkingCalendar, zone: tzinfo
) -> RegisterRow:
    request = item.request
    actual, unit = _actual(item, steps, cal, zone)
    finished = request.finished_at if request.status == "selesai" else None
    return RegisterRow(
        no=no,
        request_id=request.id,
        nomor_surat=request.nomor_surat,
        tanggal_surat=request.tanggal_surat,
        received_at=request.received_at.astimezone(zone),
        perihal=request.perihal,
        pengirim=request.pengirim,
        service=item.sop.service,
        sop_code=item.sop.code,
        leader=request.leader,
        event_date=request.event_date,
        status=request.status,
        status_label=STATUS_LABELS[request.status] + (f" ({TRAINING_LABEL})" if request.training else ""),
        current_step=_current_step_text(item),
        finished_at=finished.astimezone(zone) if finished else None,
        due_at=request.due_at.astimezone(zone) if request.due_at else None,
        jangka_waktu=_time_frame(item)[1],
        actual=actual,
        actual_unit=unit,
        on_time=_on_time(request, now),
        training=request.training,
    )


# ---------------------------------------------------------------------------------------------
# Register and step history


def register_rows(
    date_from: date, date_to: date, criteria: BoardFilter | None = None, now: datetime | None = None
) -> list[RegisterRow]:
    """The Buku Agenda Permohonan: requests received (office-local date) from ``date_from`` to
    ``date_to``, in the order received, passing the board's ``criteria`` (service = SOP code, leader,
    state, text; "terlambat" also keeps requests finished after their due time).

    Waktu Aktual of a finished request is given in the unit of its jangka waktu: working days between
    the office-local received and finished dates (:meth:`WorkingCalendar.working_days_between`) for
    "hari kerja"; calendar days for "hari"; minutes from received to finished for a jangka in jam or
    menit; and, without a jangka waktu, the active minutes of its completed steps ("menit aktif").
    Tepat Waktu is "Ya" when finished at or before the due time, "Tidak" when finished later or still
    open past it, "" without a due time, when cancelled, or while open and not yet due.
    """
    return [row for row, _ in register_entries(date_from, date_to, criteria, now)]


def register_entries(
    date_from: date, date_to: date, criteria: BoardFilter | None = None, now: datetime | None = None
) -> Iterator[tuple[RegisterRow, list[StepRow]]]:
    """:func:`register_rows` with each request's :func:`step_rows`, in one pass over the database that
    holds one batch of requests at a time (the register export streams them to its two sheets)."""
    now = _now(now)
    zone = active_office().zone
    cal = calendar()
    for no, item in enumerate(_selected(date_from, date_to, criteria, now, zone), start=1):
        steps = _step_rows_of(item, now, zone)
        yield _register_row(no, item, steps, now, cal, zone), steps


def count_requests(date_from: date, date_to: date) -> int:
    """How many requests were received in the period (before any filter): the size of a report job."""
    _check_period(date_from, date_to)
    start, end = period_bounds(date_from, date_to, active_office().zone)
    return Request.select().where((Request.received_at >= start) & (Request.received_at < end)).count()


def step_rows(
    date_from: date, date_to: date, criteria: BoardFilter | None = None, now: datetime | None = None
) -> list[StepRow]:
    """The "Riwayat Langkah": one row per step run of the requests of :func:`register_rows`, ordered by
    request (as received) then start. Statuses as in the module docstring."""
    now = _now(now)
    zone = active_office().zone
    rows: list[StepRow] = []
    for item in _selected(date_from, date_to, criteria, now, zone):
        rows.extend(_step_rows_of(item, now, zone))
    return rows


def report_meta(date_from: date, date_to: date, now: datetime | None = None) -> ReportMeta:
    office = active_office()
    place = office.name
    for prefix in ("Kota ", "Kabupaten ", "Provinsi "):
        if place.startswith(prefix):
            place = place[len(prefix) :]
    top = office.ranked_roles[0] if office.roles else None
    signer = f"Kepala {office.unit}" if office.unit.startswith("Bagian") else (top.title if top else "")
    return ReportMeta(
        office_name=office.name,
        organisation=office.organisation,
        parent=office.parent,
        unit=office.unit,
        address=office.address,
        date_from=date_from,
        date_to=date_to,
        printed_at=_now(now).astimezone(office.zone),
        place=place,
        signer_title=signer,
    )


def period_text(date_from: date, date_to: date) -> str:
    """``Bulan November 2026`` for a whole month, else ``1 November 2026 s.d. 15 Desember 2026``."""
    month_end = (date_from.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if date_from.day == 1 and date_to == month_end:
        return f"Bulan {MONTHS[date_from.month - 1]} {date_from.year}"
    if date_from == date_to:
        return format_date(date_from)
    return f"{format_date(date_from)} s.d. {format_date(date_to)}"


def month_period(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Kinerja


@dataclass(frozen=True)
class SlowRequest:
    rank: int
    request_id: int
    nomor_surat: str
    perihal: str
    status_label: str
    steps: int  # completed step runs
    active_minutes: float  # sum of their durasi


@dataclass(frozen=True)
class ServiceKinerja:
    service: str
    sop_codes: str
    jangka_waktu: str
    received: int
    finished: int
    cancelled: int
    open: int
    finished_with_deadline: int  # finished requests that have a due time
    finished_within: int  # of those, finished at or before it
    stats: StepStats  # over all completed step runs of the service
    slowest: tuple[SlowRequest, ...]

    @property
    def within_share(self) -> float | None:
        return self.finished_within / self.finished_with_deadline if self.finished_with_deadline else None


@dataclass(frozen=True)
class StepKinerja:
    service: str
    step_number: int
    uraian: str
    role: str
    standar: int | None  # None when the runs have no standard (or not one standard) in minutes
    stats: StepStats
    mutu_baku: str = ""  # the Mutu Baku as the SOP writes it ("2 Hari"); "" without one, or not one


@dataclass(frozen=True)
class RoleKinerja:
    role: str
    stats: StepStats


@dataclass(frozen=True)
class MonthVolume:
    month: date  # the first day
    counts: dict[str, int]  # service -> requests received

    @property
    def label(self) -> str:
        return f"{MONTHS_SHORT[self.month.month - 1]} {self.month.year}"


@dataclass(frozen=True)
class KinerjaReport:
    date_from: date
    date_to: date
    services: list[ServiceKinerja]
    steps: list[StepKinerja]
    roles: list[RoleKinerja]
    monthly: list[MonthVolume]
    service_names: list[str]  # the services in the order of the tables and of the monthly chart
    step_rows: list[StepRow]  # the rows every figure is computed from (sheet "Riwayat Langkah")


class _Durations:
    """The completed runs of a group as :func:`step_stats` reads them, kept as bare numbers."""

    __slots__ = ("values", "on_time", "late")

    def __init__(self) -> None:
        self.values = array("d")
        self.on_time = 0
        self.late = 0

    def add(self, row: StepRow) -> None:
        self.values.append(row.durasi)
        if row.status == STATUS_ON_TIME:
            self.on_time += 1
        elif row.status == STATUS_LATE:
            self.late += 1

    def stats(self) -> StepStats:
        values = sorted(self.values)
        return StepStats(
            count=len(values),
            median=statistics.median(values) if values else None,
            p90=p90(values),
            with_standard=self.on_time + self.late,
            on_time=self.on_time,
            late=self.late,
        )


@dataclass
class _ServiceTally:
    codes: set[str] = field(default_factory=set)
    frames: set[str] = field(default_factory=set)
    received: int = 0
    finished: int = 0
    cancelled: int = 0
    open: int = 0
    with_deadline: int = 0
    within: int = 0
    durations: _Durations = field(default_factory=_Durations)
    totals: list[tuple[float, datetime, int, SlowRequest]] = field(default_factory=list)


@dataclass
class _StepTally:
    uraian: str
    roles: Counter[str] = field(default_factory=Counter)
    standards: set[int | None] = field(default_factory=set)
    written: set[str] = field(default_factory=set)
    durations: _Durations = field(default_factory=_Durations)


def kinerja(
    date_from: date,
    date_to: date,
    criteria: BoardFilter | None = None,
    now: datetime | None = None,
    sink: Callable[[list[StepRow]], None] | None = None,
) -> KinerjaReport:
    """Timing against Mutu Baku, per service (grouped by its name, the sheet's Layanan), per step
    (Layanan, Langkah) and per role (Pelaksana); statistics as in the module docstring, over the
    ``step_rows`` the report carries. Per service also: requests finished within the jangka waktu
    (finished at or before the due time, of the finished requests that have one) and the
    :data:`SLOWEST_COUNT` requests with the most active minutes in completed steps.

    One pass over the database, one batch of requests in memory at a time. With ``sink`` each
    request's step rows go to it (the export streams them to its "Riwayat Langkah" sheet) and the
    report's ``step_rows`` stays empty; without, the report carries them all."""
    now = _now(now)
    office = active_office()
    zone = office.zone
    all_rows: list[StepRow] = []
    tallies: dict[str, _ServiceTally] = {}
    groups: dict[tuple[str, int], _StepTally] = {}
    roles: dict[str, _Durations] = {}
    monthly: dict[date, Counter[str]] = {}
    month = date_from.replace(day=1)
    while month <= date_to:
        monthly[month] = Counter()
        month = (month + timedelta(days=32)).replace(day=1)
    for item in _selected(date_from, date_to, criteria, now, zone):
        request, sop = item.request, item.sop
        rows = _step_rows_of(item, now, zone)
        if sink is None:
            all_rows.extend(rows)
        else:
            sink(rows)
        tally = tallies.get(sop.service)
        if tally is None:
            tally = tallies[sop.service] = _ServiceTally()
        tally.codes.add(sop.code)
        tally.frames.add(_time_frame(item)[1])
        tally.received += 1
        if request.status == "selesai":
            tally.finished += 1
            if request.due_at is not None:
                tally.with_deadline += 1
                tally.within += request.finished_at <= request.due_at
        elif request.status == "batal":
            tally.cancelled += 1
        if request.status in ACTIVE_STATUSES:
            tally.open += 1
        done = [row for row in rows if row.completed]
        for row in done:
            tally.durations.add(row)
            group = groups.get((row.service, row.step_number))
            if group is None:
                group = groups[(row.service, row.step_number)] = _StepTally(row.uraian)
            group.uraian = row.uraian
            group.roles[row.role] += 1
            group.standards.add(row.standar)
            group.written.add(row.mutu_baku)
            group.durations.add(row)
            by_role = roles.get(row.role)
            if by_role is None:
                by_role = roles[row.role] = _Durations()
            by_role.add(row)
        if done:
            minutes = _active_minutes(done)
            slow = SlowRequest(0, request.id, request.nomor_surat, request.perihal, STATUS_LABELS[request.status],
                               len(done), minutes)  # fmt: skip
            tally.totals.append((-minutes, request.received_at, request.id, slow))
            if len(tally.totals) > 50 * SLOWEST_COUNT:  # keep the candidates few
                tally.totals = heapq.nsmallest(SLOWEST_COUNT, tally.totals)
        monthly[request.received_at.astimezone(zone).date().replace(day=1)][sop.service] += 1

    names = sorted(tallies, key=str.casefold)
    services = []
    for name in names:
        tally = tallies[name]
        slowest = tuple(
            replace(slow, rank=rank)
            for rank, (*_, slow) in enumerate(heapq.nsmallest(SLOWEST_COUNT, tally.totals), start=1)
        )
        services.append(
            ServiceKinerja(
                service=name,
                sop_codes=", ".join(sorted(tally.codes)),
                jangka_waktu=" / ".join(sorted(tally.frames)),
                received=tally.received,
                finished=tally.finished,
                cancelled=tally.cancelled,
                open=tally.open,
                finished_with_deadline=tally.with_deadline,
                finished_within=tally.within,
                stats=tally.durations.stats(),
                slowest=slowest,
            )
        )

    order = {name: index for index, name in enumerate(names)}
    steps = [
        StepKinerja(
            service=service,
            step_number=number,
            uraian=group.uraian,
            role=group.roles.most_common(1)[0][0],
            standar=next(iter(group.standards)) if len(group.standards) == 1 else None,
            stats=group.durations.stats(),
            mutu_baku=next(iter(group.written)) if len(group.written) == 1 else "",
        )
        for (service, number), group in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
    ]
    rank = {role.name: role.rank for role in office.roles}
    role_names = sorted(roles, key=lambda r: (rank.get(r, 99), r))
    roles_out = [RoleKinerja(name, roles[name].stats()) for name in role_names]
    volumes = [MonthVolume(m, {name: counts.get(name, 0) for name in names}) for m, counts in monthly.items()]
    return KinerjaReport(date_from, date_to, services, steps, roles_out, volumes, names, all_rows)


# ---------------------------------------------------------------------------------------------
# Rekap bulanan


def service_kind(sop: Sop) -> str:
    """Which recap line a service feeds: "sambutan", "acara" (Pengaturan Acara, Koordinasi Kegiatan),
    "kunjungan" (Kunjungan Tamu), "pengaduan", or "" (others, such as Bimtek)."""
    text = f"{sop.service} {sop.name} {sop.code}".casefold()
    if "pengaduan" in text:
        return "pengaduan"
    if "sambutan" in text:
        return "sambutan"
    if "kunjungan" in text:
        return "kunjungan"
    if "acara" in text or "koordinasi" in text:
        return "acara"
    return ""


@dataclass(frozen=True)
class RekapServiceRow:
    service: str
    counts: dict[str, int]  # status -> requests
    total: int


@dataclass(frozen=True)
class ComplaintSummary:
    received: int
    finished: int
    finished_on_time: int  # finished at or before the due time (the office's jangka waktu)
    open: int  # not finished, not cancelled
    overdue: int  # open and past the due time at print time
    cancelled: int


@dataclass(frozen=True)
class RekapReport:
    """The recap of the requests received in the period, with their states at print time."""

    date_from: date
    date_to: date
    rows: list[RekapServiceRow]
    totals: dict[str, int]  # status -> requests, all services
    total: int
    sambutan_finished: int  # Sambutan requests finished: speeches written
    events_finished: int  # Pengaturan Acara / Koordinasi Kegiatan finished: events arranged
    events_received: int
    visits_received: int  # Kunjungan Tamu
    visits_finished: int
    complaints: ComplaintSummary

    statuses: tuple[str, ...] = STATUS_ORDER

    @staticmethod
    def status_label(status: str) -> str:
        return STATUS_LABELS[status]


def rekap(date_from: date, date_to: date, now: datetime | None = None) -> RekapReport:
    """Counts per service × status, speeches written, events arranged, guest visits and complaints,
    over the requests received in the period (the same requests as :func:`register_rows`). The
    database counts (per SOP revision and status); only the complaints are read one by one."""
    now = _now(now)
    _check_period(date_from, date_to)
    start, end = period_bounds(date_from, date_to, active_office().zone)
    in_period = (Request.received_at >= start) & (Request.received_at < end)
    grouped = (
        Request.select(Request.revision, Request.status, fn.COUNT(Request.id))
        .where(in_period)
        .group_by(Request.revision, Request.status)
    )
    by_service: dict[str, Counter[str]] = {}
    by_kind: dict[str, Counter[str]] = {}
    complaint_revisions = []
    for revision, status, count in database.execute(grouped):
        sop = sop_of_revision(revision)
        by_service.setdefault(sop.service, Counter())[status] += count
        kind = service_kind(sop)
        by_kind.setdefault(kind, Counter())[status] += count
        if kind == "pengaduan" and revision not in complaint_revisions:
            complaint_revisions.append(revision)
    names = sorted(by_service, key=str.casefold)
    rows = [
        RekapServiceRow(name, {s: by_service[name].get(s, 0) for s in STATUS_ORDER}, sum(by_service[name].values()))
        for name in names
    ]
    all_counts: Counter[str] = sum(by_service.values(), Counter())
    finished_on_time = overdue = 0
    if complaint_revisions:
        complaints = (
            Request.select(Request.status, Request.due_at, Request.finished_at)
            .where(in_period & Request.revision.in_(complaint_revisions) & Request.due_at.is_null(False))
        )  # fmt: skip
        for status, due, finished in database.execute(complaints):
            if status == "selesai" and finished is not None and _instant(finished) <= _instant(due):  # type: ignore[operator]
                finished_on_time += 1
            elif status in ACTIVE_STATUSES and now > _instant(due):  # type: ignore[operator]
                overdue += 1

    def of_kind(kind: str, status: str | None = None) -> int:
        counts = by_kind.get(kind, Counter())
        return sum(counts.values()) if status is None else counts.get(status, 0)

    pengaduan = by_kind.get("pengaduan", Counter())
    return RekapReport(
        date_from=date_from,
        date_to=date_to,
        rows=rows,
        totals={s: all_counts.get(s, 0) for s in STATUS_ORDER},
        total=sum(all_counts.values()),
        sambutan_finished=of_kind("sambutan", "selesai"),
        events_finished=of_kind("acara", "selesai"),
        events_received=of_kind("acara"),
        visits_received=of_kind("kunjungan"),
        visits_finished=of_kind("kunjungan", "selesai"),
        complaints=ComplaintSummary(
            received=of_kind("pengaduan"),
            finished=pengaduan.get("selesai", 0),
            finished_on_time=finished_on_time,
            open=sum(pengaduan.get(s, 0) for s in ACTIVE_STATUSES),
            overdue=overdue,
            cancelled=pengaduan.get("batal", 0),
        ),
    )


def rekap_month(year: int, month: int, now: datetime | None = None) -> RekapReport:
    return rekap(*month_period(year, month), now=now)
