"""Board benchmark: 10,000 requests, 2,000 of them active.

Prints, for each measure, the time against a baseline measured in the same run and against the
target of the issue:

- fill + paint the board        target 150 ms   baseline: plain QListViews of the same number of strings
- one filter keystroke          target  30 ms   baseline: QSortFilterProxyModel over the same strings
- complete a step (+ history)   target   5 ms   baseline: one INSERT in its own transaction
- process memory after loading  target 200 MB   baseline: the process with an empty Qt window

Run: ``.venv/bin/python bench/bench_board.py [--requests 10000 --active 2000]``. The database is built
once through the services and kept in ``bench/.cache/`` for later runs.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))  # the checkout's own code, not an installed copy


def rss_mb() -> float:
    """Resident memory now (Linux /proc), falling back to the peak."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def completion(request_id: int, role: str, step) -> dict:  # noqa: ANN001
    """How the bench completes a step: by its own role, or, where the step's gates (SOP data) are
    unmet because the bench keeps no records, by the Kabag overriding them with a reason."""
    from protokol_desktop.services import Actor, gates

    answer = False if step.decision else None
    if not gates.missing(request_id, step):
        return {"actor": Actor("Bench", role), "answer": answer}
    return {
        "actor": Actor("Bench", "Kabag"), "answer": answer, "on_behalf": role != "Kabag",
        "gate_override": "Data uji bench: catatan tidak dibuat",
    }  # fmt: skip


def build(data_dir: Path, total: int, active: int) -> None:
    from protokol_desktop.paths import resolve_paths
    from protokol_desktop.services import Actor
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.library import list_library
    from protokol_desktop.services.office import active_office, apply_office
    from protokol_desktop.store import open_store
    from protokol_desktop.store.db import close_database
    from protokol_desktop.store.models import StepRun, database

    paths = resolve_paths(data_dir).ensure()
    open_store(paths)
    apply_office("ambon")
    office = active_office()
    sops = [e.sop for e in list_library()]
    rng = random.Random(5)
    now = datetime.now(UTC)
    started = time.perf_counter()
    for index in range(total):
        sop = sops[index % len(sops)]
        is_active = index < active
        received = now - timedelta(days=rng.uniform(0.2, 3) if is_active else rng.uniform(20, 400))
        form = rs.IntakeForm(
            sop_code=sop.code,
            nomor_surat=f"005/{index:05d}/Bench/2026",
            tanggal_surat=received.date(),
            received_at=received,
            perihal=f"Permohonan layanan {sop.service} nomor {index}",
            pengirim=rng.choice(["Dinas Kesehatan", "Dinas Pariwisata", "Bappeda", "DPRD"]),
            leader=office.leaders[index % 2],
            event_date=(received + timedelta(days=5)).date() if sop.has_event else None,
            fulfilled=tuple(range(len(sop.standard.persyaratan))),
        )
        with database.atomic():
            request_id = rs.register_request(form, Actor("Bench", "Staf"))
            clock = received + timedelta(minutes=5)
            rs.start_request(request_id, Actor("Bench", "Kabag"), now=clock)
            steps_to_do = rng.randint(0, len(sop.steps) - 1) if is_active else 10_000
            done = 0
            while done < steps_to_do:
                run = StepRun.get_or_none((StepRun.request == request_id) & StepRun.ended_at.is_null())
                if run is None:
                    break
                clock += timedelta(minutes=rng.randint(3, 30))
                step = sop.step(run.step_number)
                rs.complete_step(request_id, **completion(request_id, run.role, step), now=clock)
                done += 1
        if index and index % 1000 == 0:
            print(f"  dibuat {index} permohonan ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    close_database()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--active", type=int, default=2_000)
    args = parser.parse_args()
    data_dir = HERE / ".cache" / f"board-{args.requests}-{args.active}"
    if not (data_dir / "protokol.sqlite3").exists():
        print(f"Membangun basis data uji ({args.requests} permohonan)…", file=sys.stderr)
        build(data_dir, args.requests, args.active)

    from PySide6.QtCore import QSortFilterProxyModel, QStringListModel
    from PySide6.QtWidgets import QHBoxLayout, QListView, QWidget

    from protokol_desktop.paths import resolve_paths
    from protokol_desktop.store import open_store
    from protokol_desktop.ui.app import AppController, create_application
    from protokol_desktop.ui.context import AppContext
    from protokol_desktop.ui.main_window import MainWindow

    app = create_application()
    empty = QWidget()
    empty.resize(1440, 860)
    empty.show()
    app.processEvents()
    baseline_mb = rss_mb()

    paths = resolve_paths(data_dir).ensure()
    open_store(paths)
    window = MainWindow()
    window.resize(1440, 860)
    from protokol_desktop.services.users import Account

    controller = AppController(window, AppContext(paths, account=Account(0, "bench", "Bench", "", "", "Admin", True)))
    from protokol_desktop.ui import icons
    from protokol_desktop.ui.app import run_until

    window.show()
    run_until(controller.board.reloaded)  # the cards are read after the window's first paint, icons after
    if not icons.ready():
        run_until(icons.loader().loaded)
    app.processEvents()
    active = sum(m.rowCount() for key, m in controller.board.models.items() if not key.startswith("__selesai"))

    # Baseline: the same number of plain strings in five list views, filled and painted.
    strings = [f"005/{i:05d}/Bench/2026 Permohonan layanan nomor {i}" for i in range(active)]
    host = QWidget()
    host.resize(1440, 860)
    layout = QHBoxLayout(host)
    views = [QListView() for _ in range(5)]
    for view in views:
        layout.addWidget(view)
    host.show()
    base_fill = []
    for _ in range(5):
        t0 = time.perf_counter()
        for n, view in enumerate(views):
            view.setModel(QStringListModel(strings[n::5]))
        host.grab()
        base_fill.append(time.perf_counter() - t0)

    board_fill = []
    for _ in range(5):
        t0 = time.perf_counter()
        controller.board.reload()
        window.grab()
        board_fill.append(time.perf_counter() - t0)

    # Filter keystrokes: typing "dinas" one letter at a time, then clearing.
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(QStringListModel(strings))
    base_filter, board_filter = [], []
    for _ in range(3):
        for text in ("d", "di", "din", "dina", "dinas", "nomor 1", ""):
            t0 = time.perf_counter()
            proxy.setFilterFixedString(text)
            base_filter.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            window.board.search.setText(text)
            board_filter.append(time.perf_counter() - t0)

    # Scrolling: one viewport of the fullest column, repainted.
    fullest = max(window.board.columns, key=lambda c: c.model.rowCount())
    scroll = []
    bar = fullest.list.verticalScrollBar()
    for step in range(20):
        t0 = time.perf_counter()
        bar.setValue(step * bar.pageStep())
        fullest.list.viewport().grab()
        scroll.append(time.perf_counter() - t0)

    memory_mb = rss_mb()

    # Completing a step, with its history rows, against one INSERT in its own transaction.
    from protokol_desktop.services import requests as rs
    from protokol_desktop.services.library import sop_of_revision
    from protokol_desktop.store.models import Request, StepRun, database

    running = list(Request.select().where(Request.status == "berjalan").limit(200))
    complete, insert = [], []
    database.execute_sql("CREATE TEMP TABLE bench_baseline (id INTEGER PRIMARY KEY, note TEXT)")
    for request in running:
        run = StepRun.get((StepRun.request == request.id) & StepRun.ended_at.is_null())
        step = sop_of_revision(request.revision_id).step(run.step_number)
        how = completion(request.id, run.role, step)
        t0 = time.perf_counter()
        rs.complete_step(request.id, **how)  # audited, its gates checked
        complete.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with database.atomic():
            database.execute_sql("INSERT INTO bench_baseline (note) VALUES (?)", ("x",))
        insert.append(time.perf_counter() - t0)

    rows = [
        ("isi + gambar papan", median_ms(board_fill), median_ms(base_fill), 150.0, "ms"),
        ("satu ketukan filter", median_ms(board_filter), median_ms(base_filter), 30.0, "ms"),
        ("gulir satu layar", median_ms(scroll), median_ms(base_fill) / 5, 16.7, "ms"),
        ("selesaikan langkah", median_ms(complete), median_ms(insert), 5.0, "ms"),
        ("memori proses", memory_mb, baseline_mb, 200.0, "MB"),
    ]
    print(f"Papan: {active} kartu aktif di {len(controller.board.models)} kolom; {Request.select().count()} permohonan")
    print(f"{'ukuran':<22}{'hasil':>10}{'dasar':>10}{'rasio/dasar':>13}{'target':>9}{'rasio/target':>14}")
    failed = False
    for name, value, base, target, unit in rows:
        ratio_target = value / target
        failed |= ratio_target > 1
        print(
            f"{name:<22}{value:>8.1f}{unit:>2}{base:>8.1f}{unit:>2}{value / base if base else float('nan'):>13.2f}"
            f"{target:>7.0f}{unit:>2}{ratio_target:>14.2f}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
