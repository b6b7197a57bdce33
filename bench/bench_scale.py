"""Scale benchmark: the app at 10,000 and at 50,000 requests (ten years of a busy office).

Each measure is printed at both sizes with its growth (the 50,000 figure divided by the 10,000 one),
next to how much the work itself grew (requests, and the active cards the board shows):

- start to window   process start to the main window painted, and to its cards painted (the
                    start-up bench's probe, ``startup_probe.py``), median of ``--rounds``
- board fill        the board read again and painted (``BoardController.reload`` + a grab)
- filter keystroke  one letter typed into the board's search field (typing "dinas", then other
                    texts), median
- complete a step   ``requests.complete_step`` of a running request, audited, median of 50
- check             ``protokol-desktop check`` as a whole process
- backup            ``protokol-desktop backup --out FILE`` as a whole process

The databases are the export bench's demo databases (``demo --requests N --seed 1``, made once
and cached in ``/tmp/protokol-bench/``); each run works on a copy, since completing steps writes.

Run: ``.venv/bin/python bench/bench_scale.py [--sizes 10000 50000] [--rounds 5]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path[:0] = [str(HERE.parent), str(SRC)]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def process_seconds(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], env=environment(), check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def startup(data: Path) -> dict[str, float]:
    start = time.time()
    result = subprocess.run([sys.executable, str(HERE / "startup_probe.py"), str(data)], env=environment(),
                            capture_output=True, text=True, check=True)  # fmt: skip
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    return {key: float(lines[key]) - start for key in ("shown", "filled")}


def child(data: Path) -> int:
    """In a process of its own: the board, the filter and completing steps; prints JSON."""
    from protokol_desktop.paths import resolve_paths
    from protokol_desktop.services import Actor
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.library import sop_of_revision
    from protokol_desktop.services.users import Account
    from protokol_desktop.store import open_store
    from protokol_desktop.store.models import Request, StepRun
    from protokol_desktop.ui.app import AppController, create_application, run_until
    from protokol_desktop.ui.context import AppContext
    from protokol_desktop.ui.main_window import MainWindow

    app = create_application()
    paths = resolve_paths(data).ensure()
    open_store(paths)
    window = MainWindow()
    window.resize(1440, 860)
    controller = AppController(window, AppContext(paths, account=Account(0, "bench", "Bench", "", "", "Admin", True)))
    window.show()
    run_until(controller.board.reloaded)
    app.processEvents()
    cards = sum(m.rowCount() for key, m in controller.board.models.items() if not key.startswith("__selesai"))

    fill = []
    for _ in range(5):
        t0 = time.perf_counter()
        controller.board.reload()
        window.grab()
        fill.append(time.perf_counter() - t0)
    keystroke = []
    for _ in range(3):
        for text in ("d", "di", "din", "dina", "dinas", "nomor 1", ""):
            t0 = time.perf_counter()
            window.board.search.setText(text)
            keystroke.append(time.perf_counter() - t0)
    complete = []
    for request in Request.select().where(Request.status == "berjalan").order_by(Request.id.desc()).limit(50):
        run = StepRun.get_or_none((StepRun.request == request.id) & StepRun.ended_at.is_null())
        if run is None:
            continue
        step = sop_of_revision(request.revision_id).step(run.step_number)
        t0 = time.perf_counter()
        rs.complete_step(request.id, Actor("Bench", run.role), answer=False if step.decision else None)
        complete.append(time.perf_counter() - t0)
    print(json.dumps({
        "requests": Request.select().count(), "cards": cards, "fill": statistics.median(fill),
        "keystroke": statistics.median(keystroke), "complete": statistics.median(complete),
    }))  # fmt: skip
    return 0


def measure(size: int, rounds: int, work: Path) -> dict[str, float]:
    from bench.bench_export import database

    cached, made = database(size)
    data = work / f"data-{size}"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(cached, data)
    print(f"  {size:,} permohonan: salinan dari {cached} (demo dibuat dalam {made:.1f} s)", flush=True)
    figures: dict[str, float] = {}
    starts = [startup(data) for _ in range(rounds + 1)][1:]  # the first warms the file cache
    figures["shown"] = statistics.median(s["shown"] for s in starts)
    figures["filled"] = statistics.median(s["filled"] for s in starts)
    result = subprocess.run([sys.executable, __file__, "--child", str(data)], env=environment(),
                            capture_output=True, text=True, check=True)  # fmt: skip
    figures.update(json.loads(result.stdout.strip().splitlines()[-1]))
    cli = ["-m", "protokol_desktop", "--data-dir", str(data)]
    figures["check"] = statistics.median(process_seconds([*cli, "check"]) for _ in range(rounds))
    backups = []
    for index in range(rounds):
        backups.append(process_seconds([*cli, "backup", "--out", str(work / f"cadangan-{size}-{index}.sqlite3")]))
        (work / f"cadangan-{size}-{index}.sqlite3").unlink()
    figures["backup"] = statistics.median(backups)
    shutil.rmtree(data, ignore_errors=True)
    return figures


ROWS = (
    ("mulai sampai jendela tampil", "shown", 1000, "ms"),
    ("mulai sampai kartu tergambar", "filled", 1000, "ms"),
    ("isi + gambar papan", "fill", 1000, "ms"),
    ("satu ketukan filter", "keystroke", 1000, "ms"),
    ("selesaikan langkah", "complete", 1000, "ms"),
    ("check (proses)", "check", 1, "s"),
    ("cadangan (proses)", "backup", 1, "s"),
)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 50_000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child", type=Path)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC)], check=True)  # as installed
    small, large = args.sizes
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        print("Mengukur…", flush=True)
        a = measure(small, args.rounds, work)
        b = measure(large, args.rounds, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'ukuran':<30}{small:>12,}{large:>12,}{'tumbuh':>9}")
    print(f"{'permohonan':<30}{a['requests']:>12,.0f}{b['requests']:>12,.0f}{b['requests'] / a['requests']:>8.2f}x")
    print(f"{'kartu aktif di papan':<30}{a['cards']:>12,.0f}{b['cards']:>12,.0f}{b['cards'] / a['cards']:>8.2f}x")
    for name, key, scale, unit in ROWS:
        print(f"{name:<30}{a[key] * scale:>9.1f} {unit:<2}{b[key] * scale:>9.1f} {unit:<2}{b[key] / a[key]:>8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
