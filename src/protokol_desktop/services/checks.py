"""``protokol-desktop check``: SQLite's integrity checks plus the app's own consistency rules.

The app's rules: every stored SOP revision is a valid SOP and at most one is in force per SOP; every
request's step runs follow its SOP (in order, each by the role its executor maps to, loops only where
a keputusan leads back, rounds counted), step times are never negative and never overlap, a running
request has exactly one open step, and a closed pause lies inside its step.
"""

from __future__ import annotations

import json
from collections import defaultdict

from ..domain.sop import Sop, SopFormatError, sop_from_dict
from ..store.db import integrity_problems
from ..store.models import Request, SopRecord, SopRevision, StepPause, StepRun, database
from .audit import anchor_problems, verify_chain
from .office import active_office


def _revision_problems() -> tuple[list[str], dict[int, Sop]]:
    problems: list[str] = []
    sops: dict[int, Sop] = {}
    for row in SopRevision.select():
        try:
            sops[row.id] = sop_from_dict(json.loads(row.data))
        except (SopFormatError, ValueError) as exc:
            problems.append(f"SOP revisi #{row.id}: tidak sah ({exc})")
    for record in SopRecord.select():
        in_force = record.revisions.where(SopRevision.status == "berlaku").count()
        if in_force > 1:
            problems.append(f"SOP {record.code}: {in_force} revisi berstatus berlaku (maksimal satu)")
    return problems, sops


def request_problems(sops: dict[int, Sop]) -> list[str]:
    problems: list[str] = []
    office = active_office()
    runs_by_request: dict[int, list[StepRun]] = defaultdict(list)
    for run in StepRun.select().order_by(StepRun.started_at, StepRun.id):
        runs_by_request[run.request_id].append(run)
    for request in Request.select():
        label = f"Permohonan #{request.id} ({request.nomor_surat})"
        sop = sops.get(request.revision_id)
        if sop is None:
            problems.append(f"{label}: revisi SOP tidak dapat dibaca")
            continue
        runs = runs_by_request.get(request.id, [])
        open_runs = [r for r in runs if r.ended_at is None]
        if request.status == "baru" and runs:
            problems.append(f"{label}: belum dimulai tetapi punya langkah")
        if request.status in ("berjalan", "ditunda") and request.started_at is not None and len(open_runs) != 1:
            problems.append(f"{label}: {len(open_runs)} langkah terbuka (harus satu)")
        if request.status in ("selesai", "batal") and open_runs:
            problems.append(f"{label}: sudah {request.status} tetapi masih ada langkah terbuka")
        if (
            request.status == "selesai"
            and runs
            and runs[-1].step_number != sop.steps[-1].number
            and sop.next_step(
                runs[-1].step_number, runs[-1].answer if sop.step(runs[-1].step_number).decision else None
            )
            is not None
        ):
            problems.append(f"{label}: selesai sebelum langkah terakhir SOP")
        previous: StepRun | None = None
        expected_round = 1
        for run in runs:
            where = f"{label}, langkah {run.step_number} putaran {run.round}"
            try:
                step = sop.step(run.step_number)
            except KeyError:
                problems.append(f"{where}: langkah tidak ada di SOP")
                continue
            role = office.role_for(step.executor)
            if run.executor != step.executor or (role is not None and run.role != role.name):
                problems.append(f"{where}: pelaksana {run.role} tidak sesuai SOP ({step.executor})")
            if run.ended_at is not None and run.ended_at < run.started_at:
                problems.append(f"{where}: selesai sebelum mulai")
            if run.paused_seconds < 0:
                problems.append(f"{where}: jeda negatif")
            if previous is None:
                if run.step_number != sop.first_step.number:
                    problems.append(f"{where}: langkah pertama harus {sop.first_step.number}")
            else:
                if previous.ended_at is None:
                    problems.append(f"{where}: dimulai sebelum langkah {previous.step_number} selesai")
                elif run.started_at < previous.ended_at:
                    problems.append(f"{where}: waktu tumpang tindih dengan langkah {previous.step_number}")
                prev_step = sop.step(previous.step_number)
                expected = sop.next_step(previous.step_number, previous.answer if prev_step.decision else None)
                if expected != run.step_number:
                    problems.append(
                        f"{where}: urutan tidak sesuai SOP "
                        f"(setelah langkah {previous.step_number} seharusnya {expected})"
                    )
                if run.step_number <= previous.step_number:
                    expected_round += 1
            if run.round != expected_round:
                problems.append(f"{where}: nomor putaran seharusnya {expected_round}")
            previous = run
    for pause in StepPause.select(StepPause, StepRun).join(StepRun):
        run = pause.step_run
        if pause.paused_at < run.started_at or (pause.resumed_at is not None and pause.resumed_at < pause.paused_at):
            problems.append(
                f"Jeda #{pause.id} pada langkah {run.step_number} permohonan #{run.request_id}: waktu tidak sah"
            )
    return problems


def run_checks(anchor: bool = True) -> list[str]:
    """All problems found; an empty list means the database is sound. ``anchor`` compares the chain
    with the head anchored beside the database (off when checking a backup before a restore: an
    older backup lawfully ends before that head, and is compared with its own metadata instead)."""
    problems = integrity_problems(database.obj)
    if problems:
        return problems
    revision_problems, sops = _revision_problems()
    problems = revision_problems + request_problems(sops) + verify_chain()
    return problems + anchor_problems() if anchor else problems
