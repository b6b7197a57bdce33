"""Training data: realistic requests across all six services, in every state.

``protokol-desktop demo --requests N --seed S`` drives the same services the GUI uses (intake,
requirements, start, complete, pause, hold, cancel) with backdated clocks, so the data obeys every
rule the app enforces. The same seed gives the same data; a second run adds to what is there (the
letter numbers continue).

Every request it makes is marked as training data (see :mod:`.training`). A data folder that already
holds an office's own work is refused unless ``into_office_data`` says so. ``office`` makes data for
one office: its profile becomes the active one (only in a folder without requests) and the requests
run that office's own SOPs, the ones whose ``office`` is its code. Without it the active office (Kota
Ambon in a new folder) runs every SOP of the library.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from ..domain.sop import Sop
from ..store.models import Request, database
from . import Actor, ServiceError, audit
from .library import list_library
from .office import active_office, apply_office, calendar, is_configured, profiles
from .requests import (
    IntakeForm,
    cancel,
    complete_step,
    hold,
    pause_step,
    register_request,
    release,
    resume_step,
    set_requirement,
    start_request,
)
from .training import OfficeDataPresent, mark_training, office_work

SENDERS = [
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Dinas Pariwisata",
    "Dinas Sosial",
    "Badan Perencanaan Pembangunan Daerah",
    "Dinas Koperasi dan UKM",
    "Kantor Kementerian Agama",
    "Komando Distrik Militer",
    "Kepolisian Resor",
    "Pengadilan Negeri",
    "Universitas Pattimura",
    "Persatuan Guru Republik Indonesia",
    "Tim Penggerak PKK",
    "Dinas Pemuda dan Olahraga",
    "Badan Pusat Statistik",
    "DPRD",
]
EVENTS = [
    "Pembukaan Musyawarah Perencanaan Pembangunan (Musrenbang)",
    "Peringatan Hari Guru Nasional",
    "Pencanangan Bulan Imunisasi Anak Nasional",
    "Festival Budaya Daerah",
    "Peresmian Gedung Puskesmas",
    "Rapat Koordinasi Penanggulangan Bencana",
    "Seminar Pengembangan UMKM",
    "Upacara Peringatan Hari Kesehatan Nasional",
    "Pelantikan Pengurus KORPRI",
    "Penyerahan Bantuan Sosial",
    "Lomba Kebersihan Antar Kelurahan",
    "Pembukaan Turnamen Sepak Bola Pelajar",
]
VISITORS = [
    "DPRD Kabupaten Bogor",
    "Pemerintah Kota Surabaya",
    "Dinas Koperasi Provinsi Banten",
    "Pemerintah Kabupaten Sleman",
    "Bappeda Kota Makassar",
]
COMPLAINTS = [
    "Keterlambatan konfirmasi kehadiran Walikota",
    "Petugas protokol tidak dapat dihubungi",
    "Susunan acara berubah tanpa pemberitahuan",
]
PEOPLE = {
    1: ["Drs. Ahmad Latuconsina", "Hj. Siti Rahmawati, S.Sos"],
    2: ["Yohanes Pattiasina, S.STP", "Dewi Kartikasari, SE", "Rudi Hartono, S.IP"],
    3: ["Maria Tuhumury", "Agus Setiawan", "Nur Aini", "Fransiskus Leiwakabessy", "Rina Wulandari"],
}
CONTACT_PHONES = ["0812", "0813", "0821", "0852", "0853", "0857", "0878"]


@dataclass
class _Plan:
    state: str  # baru, berjalan, ditunda, batal, selesai
    stop_after: int  # completed steps before stopping (for berjalan/ditunda/batal)


def _working_moment(rng: random.Random, day: datetime, zone) -> datetime:  # noqa: ANN001
    local = datetime.combine(day.date(), time(rng.randint(7, 14), rng.choice([0, 10, 15, 20, 30, 40, 45, 50])), zone)
    return local.astimezone(UTC)


def _letter_number(rng: random.Random, serial: int, year: int) -> str:
    code = rng.choice(["005", "045", "100", "400", "420", "440", "800", "900"])
    unit = rng.choice(["Disdikbud", "Dinkes", "Dispar", "Dinsos", "Bappeda", "Diskop", "Kemenag", "Setwan"])
    return f"{code}/{serial:04d}/{unit}/{year}"


def _actor_for(office, role_name: str, rng: random.Random) -> Actor:  # noqa: ANN001
    rank = next((r.rank for r in office.roles if r.name == role_name), 3)
    names = PEOPLE.get(min(rank, 3), PEOPLE[3])
    return Actor(rng.choice(names), role_name)


def _plan(rng: random.Random, sop: Sop, days_back: int) -> _Plan:
    roll = rng.random()
    steps = len(sop.steps)
    if days_back > 10:  # older letters are mostly settled, a few are stuck (overdue)
        if roll < 0.015:
            return _Plan("berjalan", rng.randint(0, steps - 1))
        if roll < 0.03:
            return _Plan("ditunda", rng.randint(0, steps - 1))
        if roll < 0.10:
            return _Plan("batal", rng.randint(0, steps - 1))
        return _Plan("selesai", steps)
    if roll < 0.10:
        return _Plan("baru", 0)
    if roll < 0.45:
        return _Plan("berjalan", rng.randint(0, steps - 1))
    if roll < 0.52:
        return _Plan("ditunda", rng.randint(0, steps - 1))
    if roll < 0.58:
        return _Plan("batal", rng.randint(0, steps - 1))
    return _Plan("selesai", steps)


def _form(rng: random.Random, sop: Sop, office, serial: int, received: datetime) -> IntakeForm:  # noqa: ANN001
    zone = office.zone
    local_day = received.astimezone(zone).date()
    sender = rng.choice(SENDERS)
    event = rng.choice(EVENTS)
    if "KUNJUNGAN" in sop.code:
        perihal = f"Permohonan kunjungan kerja {rng.choice(VISITORS)}"
    elif "PENGADUAN" in sop.code:
        perihal = f"Pengaduan: {rng.choice(COMPLAINTS)}"
    elif "SAMBUTAN" in sop.code:
        perihal = f"Permohonan sambutan {office.leaders[0] if office.leaders else 'Pimpinan'} pada {event}"
    elif "BIMTEK" in sop.code:
        perihal = "Pelaksanaan Bimbingan Teknis Keprotokolan bagi aparatur kelurahan"
    else:
        perihal = f"Undangan {event}"
    requirements = sop.standard.persyaratan
    fulfilled = tuple(i for i in range(len(requirements)) if rng.random() > 0.12)
    event_date = local_day + timedelta(days=rng.randint(2, 21)) if sop.has_event else None
    return IntakeForm(
        sop_code=sop.code,
        nomor_surat=_letter_number(rng, serial, local_day.year),
        tanggal_surat=local_day - timedelta(days=rng.randint(0, 4)),
        received_at=received,
        perihal=perihal,
        pengirim=sender,
        contact_name=rng.choice(["Bpk. Hendrik", "Ibu Lestari", "Bpk. Samuel", "Ibu Fatimah", "Sdr. Rizal"]),
        contact_phone=f"{rng.choice(CONTACT_PHONES)}{rng.randint(10_000_000, 99_999_999)}",
        leader=rng.choice(office.leaders[:2]) if office.leaders else "",
        event_date=event_date,
        event_time=f"{rng.choice([8, 9, 10, 13, 14, 19]):02d}.{rng.choice([0, 0, 30]):02d}" if sop.has_event else "",
        event_place=rng.choice(["Balai Kota", "Aula Kantor", "Lapangan Merdeka", "Gedung Serbaguna", "Hotel Santika"])
        if sop.has_event
        else "",
        srikandi=f"SRK-{local_day:%Y%m%d}-{rng.randint(1000, 9999)}" if rng.random() < 0.4 else "",
        fulfilled=fulfilled,
    )


def _step_minutes(rng: random.Random, standard: int | None) -> float:
    if standard is None:
        return rng.uniform(60, 240)
    factor = rng.choice([0.3, 0.5, 0.7, 0.9, 1.0, 1.1, 1.5, 2.2])
    return max(1.0, standard * factor * rng.uniform(0.9, 1.1))


def demo_offices() -> list[str]:
    """Codes of the office profiles that have SOPs of their own in the library (``--office`` choices)."""
    owners = {entry.sop.office for entry in list_library()}
    return [office.code for office in profiles() if office.code in owners]


def _choose_office(code: str | None, actor: str | Actor) -> list[Sop]:
    """Make ``code`` the active office if needed and return the SOPs the demo requests will run."""
    if code is None:
        if not is_configured():
            apply_office("ambon")
        return [entry.sop for entry in list_library()]
    choices = demo_offices()
    if code not in choices:
        raise ServiceError(f'Kantor "{code}" tidak dikenal untuk data latihan; pilih {", ".join(choices)}')
    if active_office().code != code:
        if is_configured() and Request.select().exists():
            raise ServiceError(
                f"Folder data ini sudah berisi permohonan {active_office().name}; data latihan kantor lain "
                "dibuat di folder data lain"
            )
        if is_configured():  # a folder with training data at most: demo acts as its administrator
            apply_office(code, actor if isinstance(actor, Actor) else Actor(actor, "Admin"))
        else:
            apply_office(code)
    return [entry.sop for entry in list_library() if entry.sop.office == code]


def fill_demo(count: int, seed: int = 1, actor: str | Actor = "demo", now: datetime | None = None,
              office: str | None = None, into_office_data: bool = False) -> int:  # fmt: skip
    """Add ``count`` realistic training requests (for ``office``'s own SOPs when given). Refuses
    (:class:`OfficeDataPresent`) a database holding an office's work unless ``into_office_data``.
    Returns how many were made."""
    work = office_work()
    if work and not into_office_data:
        raise OfficeDataPresent(work)
    rng = random.Random(seed * 7919 + Request.select().count())
    now = now or datetime.now(UTC)
    sops = _choose_office(office, actor)
    chosen = active_office()
    zone = chosen.zone
    cal = calendar()
    office_profile = chosen
    serial_base = Request.select().count()
    made = 0
    for index in range(count):
        sop = sops[index % len(sops)] if index < len(sops) else rng.choice(sops)
        days_back = int(rng.triangular(0, 150, 4))
        day = (now - timedelta(days=days_back)).astimezone(zone)
        while not cal.is_working_day(day.date()):
            day -= timedelta(days=1)
        received = _working_moment(rng, day, zone)
        if received > now:
            received = now - timedelta(minutes=rng.randint(5, 120))
        plan = _plan(rng, sop, days_back)
        clerk = _actor_for(office_profile, office_profile.ranked_roles[-1].name, rng)
        with database.atomic():
            request_id = register_request(_form(rng, sop, office_profile, serial_base + index + 1, received), clerk)
            mark_training(request_id)
            # Driving consumes a varying number of draws (it depends on the clock): give it its own
            # generator so the letters that follow stay the same for the same seed.
            _drive(random.Random(rng.random()), request_id, sop, office_profile, plan, received, now)
        made += 1
    who = actor if isinstance(actor, Actor) else str(actor)
    with database.atomic():
        audit.record(who, "data_latihan", "demo", office_profile.code, None,
                     {"permohonan": made, "seed": seed, "ke_data_kantor": bool(work)})  # fmt: skip
    return made


def _drive(
    rng: random.Random, request_id: int, sop: Sop, office, plan: _Plan, received: datetime, now: datetime
) -> None:  # noqa: ANN001, E501
    from ..store.models import RequestRequirement, StepRun

    if plan.state == "baru":
        return
    clock = received + timedelta(minutes=rng.randint(5, 90))
    if clock >= now:
        return
    kabag = _actor_for(office, office.ranked_roles[0].name, rng)
    missing = [
        r.position
        for r in RequestRequirement.select().where(
            (RequestRequirement.request == request_id) & RequestRequirement.required & ~RequestRequirement.fulfilled
        )
    ]
    if missing:
        if rng.random() < 0.5:
            for position in missing:
                set_requirement(request_id, position, True, kabag, now=clock)
            start_request(request_id, kabag, now=clock)
        else:
            start_request(request_id, kabag, override_reason="Acara mendesak, berkas menyusul", now=clock)
    else:
        start_request(request_id, kabag, now=clock)
    completed = 0
    rounds = 0
    while True:
        run = StepRun.get((StepRun.request == request_id) & StepRun.ended_at.is_null())
        if plan.state != "selesai" and completed >= plan.stop_after:
            break
        minutes = _step_minutes(rng, run.standard_minutes)
        finish = clock + timedelta(minutes=minutes)
        if finish >= now:
            return  # still running today: stays at this step
        actor = _actor_for(office, run.role, rng)
        if rng.random() < 0.08:
            pause_at = clock + timedelta(minutes=minutes / 3)
            pause_step(request_id, "Menunggu konfirmasi penyelenggara", actor, now=pause_at)
            extra = timedelta(minutes=rng.randint(10, 90))
            resume_step(request_id, actor, now=pause_at + extra)
            finish += extra
            if finish >= now:
                return
        step = sop.step(run.step_number)
        answer = None
        if step.decision is not None:
            loops_back = step.decision.yes is not None and step.decision.yes <= step.number
            answer = rng.random() < (0.35 if rounds < 2 else 0.0) if loops_back else rng.random() < 0.5
            if answer and loops_back:
                rounds += 1
        override = _meet_gates(rng, request_id, step, actor, kabag, finish)
        result = complete_step(
            request_id,
            kabag if override else actor,
            answer=answer,
            note=rng.choice(["", "", "Sudah dikonfirmasi", "Sesuai arahan"]),
            on_behalf=bool(override) and kabag.role != actor.role,
            gate_override=override,
            now=finish,
        )
        completed += 1
        clock = finish + timedelta(minutes=rng.randint(1, 40))
        if result.finished:
            return
        if clock >= now:
            return
    if plan.state == "ditunda":
        hold(request_id, "Menunggu konfirmasi penyelenggara", kabag, now=clock)
        if rng.random() < 0.2 and clock + timedelta(hours=20) < now:
            release(request_id, kabag, now=clock + timedelta(hours=20))
    elif plan.state == "batal":
        with contextlib.suppress(ServiceError):
            cancel(request_id, "Acara dibatalkan oleh penyelenggara", kabag, now=clock)


GUESTS = [
    ("H. Rudy Susmanto", "Ketua Rombongan"),
    ("Dra. Sri Wahyuni", "Sekretaris"),
    ("Andi Pratama, S.E.", "Kepala Bidang"),
    ("Lina Marlina", "Staf"),
    ("Yusuf Hidayat", "Staf"),
]


def _meet_gates(rng: random.Random, request_id: int, step, actor: Actor, kabag: Actor, now: datetime) -> str:  # noqa: ANN001
    """Fill the records the step's gates (its SOP data) ask for, as the staff would have; returns an
    override reason (the Kabag's) for a gate the demo does not fill, else ""."""
    from . import gates

    unmet = {problem.kind for problem in gates.missing(request_id, step)}
    if unmet & {"visit_attendance", "visit_minutes"}:
        _fill_visit(rng, request_id, actor, now)
    if "speech_paraf" in unmet:
        from . import speeches

        version = speeches.add_version(request_id, actor, text=SPEECH_TEXT, now=now - timedelta(minutes=2))
        speeches.paraf(version, kabag, now=now - timedelta(minutes=1))
    left = [problem.text for problem in gates.missing(request_id, step)]
    return f"Data latihan: {', '.join(left)} (tidak dibuat oleh demo)" if left else ""


SPEECH_TEXT = "Assalamualaikum warahmatullahi wabarakatuh. Yang kami hormati para hadirin…"


def _fill_visit(rng: random.Random, request_id: int, actor: Actor, now: datetime) -> None:
    """A guest visit's attendance list and minutes, as the staff would have typed them."""
    from . import visits

    request = Request.get_by_id(request_id)
    instansi = request.pengirim
    for nama, jabatan in rng.sample(GUESTS, rng.randint(2, len(GUESTS))):
        visits.add_attendee(request_id, actor, nama, jabatan, instansi, now=now)
    visits.set_minutes(request_id, f"Rombongan {instansi} diterima; dibahas {request.perihal.lower()}.", actor, now=now)
