"""Run by test_reliability.py: completes steps in a loop and reports each one after it committed.

Prints ``ready`` once the database is open, then ``done <request id> <step runs of that request>``
after every committed completion, flushing each line, until it is killed.

``kill_worker.py DATA backup-restore`` instead registers a request, backs the database up and
restores that backup, over and over, printing ``request <nomor surat>`` after each commit and
``backup <file>`` and ``restored <file>`` after each finished backup and restore.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta

from protokol_desktop.paths import resolve_paths
from protokol_desktop.services import Actor, gates, speeches
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import apply_office, is_configured
from protokol_desktop.store import open_store
from protokol_desktop.store.models import Request, StepRun


def main() -> None:
    paths = resolve_paths(sys.argv[1]).ensure()
    open_store(paths)
    if not is_configured():
        apply_office("ambon")
    print("ready", flush=True)
    if sys.argv[2:] == ["backup-restore"]:
        backup_and_restore(paths)
        return
    clock = datetime.now(UTC) - timedelta(days=30)
    number = Request.select().count()
    while True:
        running = Request.select().where(Request.status == "berjalan").first()
        if running is None:
            number += 1
            form = rs.IntakeForm(
                sop_code="AMB-SAMBUTAN",
                nomor_surat=f"005/{number}/Uji",
                tanggal_surat=date(2026, 1, 2),
                received_at=datetime(2026, 1, 5, 1, tzinfo=UTC),
                perihal="Uji ketahanan",
                pengirim="Dinas Uji",
                fulfilled=(0, 1, 2),
            )
            request_id = rs.register_request(form, Actor("Maria", "Staf"))
            rs.start_request(request_id, Actor("Ahmad", "Kabag"), now=max(clock, datetime(2026, 1, 5, 2, tzinfo=UTC)))
            continue
        run = StepRun.get((StepRun.request == running.id) & StepRun.ended_at.is_null())
        clock = max(clock, run.started_at) + timedelta(minutes=3)
        step = rs.sop_of(running).step(run.step_number)
        answer = (number % 2 == 0 and run.round == 1) if step.decision else None
        if any(problem.kind == "speech_paraf" for problem in gates.missing(running.id, step)):
            version = speeches.add_version(running.id, Actor("Maria", "Staf"), text="Sambutan", now=clock)
            speeches.paraf(version, Actor("Ahmad", "Kabag"), now=clock)  # step 6 needs the paraf
        rs.complete_step(running.id, Actor("Petugas", run.role), answer=answer, now=clock)
        count = StepRun.select().where(StepRun.request == running.id).count()
        print(f"done {running.id} {count}", flush=True)


def backup_and_restore(paths) -> None:  # noqa: ANN001 - AppPaths
    from protokol_desktop.services import backup

    number = Request.select().count()
    while True:
        number += 1
        nomor = f"005/{number}/Cadangan"
        form = rs.IntakeForm(sop_code="AMB-SAMBUTAN", nomor_surat=nomor, tanggal_surat=date(2026, 1, 2),
                             received_at=datetime(2026, 1, 5, 1, tzinfo=UTC), perihal="Uji cadangan",
                             pengirim="Dinas Uji", fulfilled=(0, 1, 2))  # fmt: skip
        rs.register_request(form, Actor("Maria", "Staf"))
        print(f"request {nomor}", flush=True)
        target = backup.backup_to(paths.backups / f"uji-{number}.sqlite3", Actor("Ahmad", "Kabag"))
        print(f"backup {target}", flush=True)
        backup.restore(paths, target, actor=Actor("Ahmad", "Kabag"))
        print(f"restored {target}", flush=True)


if __name__ == "__main__":
    main()
