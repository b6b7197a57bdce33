"""Run by test_concurrency.py: one desk completing whatever steps are open on a shared server for a
while. Prints ``menang N tabrakan M`` (completions that committed, refusals because another desk won)."""

from __future__ import annotations

import random
import sys
import time

from protokol_desktop.paths import resolve_paths
from protokol_desktop.services import Actor, ServiceError
from protokol_desktop.services import requests as rs
from protokol_desktop.store import open_store
from protokol_desktop.store.models import Request, StepRun


def main() -> None:
    url, data, seconds, name = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    open_store(resolve_paths(data).ensure(), database_url=url)
    rng = random.Random(name)
    wins = conflicts = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        running = list(Request.select(Request.id).where(Request.status == "berjalan"))
        if not running:
            break
        request_id = rng.choice(running).id
        run = StepRun.get_or_none((StepRun.request == request_id) & StepRun.ended_at.is_null())
        if run is None:
            continue
        step = rs.sop_of(Request.get_by_id(request_id)).step(run.step_number)
        answer = (run.round == 1 and rng.random() < 0.5) if step.decision else None
        try:
            rs.complete_step(
                request_id, Actor(name, "Kabag"), answer=answer, on_behalf=True, expected_step=run.step_number
            )
            wins += 1
        except ServiceError:
            conflicts += 1
    print(f"menang {wins} tabrakan {conflicts}", flush=True)


if __name__ == "__main__":
    main()
