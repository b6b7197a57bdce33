"""Export benchmark: the report exports against a process that writes the same cells from memory.

For each size (10,000 and 50,000 requests by default) and each report (register, kinerja, rekap),
over all dates:

- export      ``protokol-desktop export KIND`` as a whole process (start, open the database, read,
              compute, write the workbook), wall time and its peak resident memory;
- baseline    a process that starts Python, loads the very cells of that workbook (read back from
              the exported file beforehand, untimed, and pickled) and writes them with openpyxl's
              write-only mode, plain values, no styles: the cost of the cells alone;
- ratio       export / baseline; the target is at most 1.5.

Both processes run one after the other in the same run, each the median of ``--rounds``. The
demo database of each size is made once with ``demo --requests N --seed 1`` and cached in
``/tmp/protokol-bench/`` (the time it took is printed with it).

Run: ``.venv/bin/python bench/bench_export.py [--sizes 10000 50000] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
CACHE = Path(os.environ.get("PROTOKOL_BENCH_CACHE", Path(tempfile.gettempdir()) / "protokol-bench"))
REPORTS = ("register", "kinerja", "rekap")
TARGET = 1.5

# Runs a program as ``python -m`` or a script would and, at its exit, writes its peak resident memory
# (VmHWM, which starts afresh at exec, unlike getrusage's ru_maxrss of a forked child) to a file.
PEAK = """
import atexit, os, runpy, sys
def peak():
    with open("/proc/self/status") as status, open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(peak)
del sys.argv[0]
if sys.argv[0] == "-m":
    del sys.argv[0]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    runpy.run_path(sys.argv[0], run_name="__main__")
"""

BASELINE = """
import pickle, sys
from openpyxl import Workbook
with open(sys.argv[1], "rb") as handle:
    sheets = pickle.load(handle)
wb = Workbook(write_only=True)
for title, rows in sheets:
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append(row)
wb.save(sys.argv[2])
"""


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run(args: list[str]) -> tuple[float, float]:
    """Run ``python ARGS`` to its end: (wall seconds, its peak resident memory in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        env = environment()
        env["BENCH_PEAK_FILE"] = peak.name
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", PEAK, *args], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, check=False)  # fmt: skip
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} gagal ({done.returncode}): {done.stderr.decode()}")
        kilobytes = peak.read().strip()
    return elapsed, int(kilobytes) / 1024 if kilobytes else float("nan")


def database(requests: int) -> tuple[Path, float]:
    """The cached demo data folder of ``requests`` requests, made on first use; and how long the
    demo took to make it."""
    folder = CACHE / f"demo-{requests}-s1"
    made = folder / "made.json"
    if not made.exists():
        print(f"Membuat basis data demo {requests:,} permohonan (sekali, disimpan di {folder})…", flush=True)
        partial = folder.with_suffix(".tmp")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        seconds, _ = run(["-m", "protokol_desktop", "--data-dir", str(partial / "data"), "demo",
                          "--requests", str(requests), "--seed", "1"])  # fmt: skip
        (partial / "made.json").write_text(json.dumps({"requests": requests, "seconds": seconds}))
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    return folder / "data", json.loads(made.read_text())["seconds"]


def cells_of(workbook: Path, target: Path) -> int:
    """Pickle every sheet's cell values (as openpyxl reads them back: dates as datetimes)."""
    from openpyxl import load_workbook

    wb = load_workbook(workbook, read_only=True)
    sheets = []
    count = 0
    for ws in wb.worksheets:
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        count += sum(1 for row in rows for value in row if value is not None)
        sheets.append((ws.title, rows))
    wb.close()
    with open(target, "wb") as handle:
        pickle.dump(sheets, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--reports", nargs="+", default=list(REPORTS), choices=REPORTS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC)], check=True)  # as installed
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    script = work / "baseline.py"
    script.write_text(BASELINE)
    results = []
    try:
        for size in args.sizes:
            data, made = database(size)
            print(f"\n{size:,} permohonan (demo dibuat dalam {made:.1f} s)")
            print(f"{'laporan':<10} {'sel':>10} {'ekspor':>9} {'baseline':>9} {'rasio':>7} {'memori':>10}")
            for kind in args.reports:
                out = work / f"{kind}-{size}.xlsx"
                command = ["-m", "protokol_desktop", "--data-dir", str(data), "export", kind,
                           "--from", "2000-01-01", "--to", "2099-12-31", "--out", str(out)]  # fmt: skip
                run(command)  # warm the file cache; also the workbook the baseline copies
                cells = cells_of(out, work / f"{kind}.pickle")
                exports, baselines, memory = [], [], []
                for _ in range(args.rounds):  # interleaved, so a busy moment hits both
                    seconds, peak = run(command)
                    exports.append(seconds)
                    memory.append(peak)
                    seconds, _ = run([str(script), str(work / f"{kind}.pickle"), str(work / "b.xlsx")])
                    baselines.append(seconds)
                export_s, baseline_s = statistics.median(exports), statistics.median(baselines)
                ratio = export_s / baseline_s
                results.append(ratio)
                verdict = "OK" if ratio <= TARGET else "LEWAT"
                print(f"{kind:<10} {cells:>10,} {export_s:>8.2f}s {baseline_s:>8.2f}s {ratio:>6.2f}x "
                      f"{max(memory):>7.0f} MB  {verdict} (target ≤ {TARGET}x)")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r <= TARGET for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
