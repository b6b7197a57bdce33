"""Start-up benchmark: process start to main window shown, with the board benchmark's database
(10,000 requests), as a ratio to a bare PySide6 window shown in the same run. Target: under 2x.

The main window is painted before the board reads its cards; the bench also prints when the cards
are painted and when the icons are in, each against the same baseline.

Run ``bench/bench_board.py`` first (it builds the database), then
``.venv/bin/python bench/bench_startup.py``; or ``--data DIR`` for another data folder (without
either, the export bench's demo database of 10,000 requests is used when it exists).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(*args: str) -> dict[str, float]:
    """Seconds from process start to each instant the probe printed (``shown``, ``filled``, ``ready``)."""
    start = time.time()
    env = dict(os.environ)  # the checkout's own code (the one compiled above), not an installed copy
    env["PYTHONPATH"] = os.pathsep.join([str(HERE.parent / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    result = subprocess.run(
        [sys.executable, str(HERE / "startup_probe.py"), *args], capture_output=True, text=True, check=True, env=env
    )
    lines = dict(line.split(" ", 1) if " " in line else (line, "") for line in result.stdout.splitlines())
    global heavy
    heavy = lines.pop("heavy", heavy)
    return {key: float(value) - start for key, value in lines.items()}


heavy = ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, help="data folder (default: the board bench's database)")
    args = parser.parse_args()
    caches = sorted((HERE / ".cache").glob("board-*"))
    demo = Path(tempfile.gettempdir()) / "protokol-bench" / "demo-10000-s1" / "data"  # bench_export's
    if args.data:
        data = args.data
    elif caches:
        data = max(caches, key=lambda p: p.stat().st_size)
    elif demo.exists():
        data = demo
    else:
        print("Jalankan dulu bench/bench_board.py (atau bench_export.py) untuk membuat basis data uji.",
              file=sys.stderr)  # fmt: skip
        return 2
    # An installed program has its bytecode (pip compiles on install, the frozen bundle carries it);
    # a checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every module at each start.
    compileall.compile_dir(str(HERE.parent / "src"), quiet=1)
    one("bare")  # warm the file cache
    one(str(data))
    rounds = 15
    runs: dict[str, list[float]] = {"bare": [], "shown": [], "filled": [], "ready": []}
    for _ in range(rounds):
        runs["bare"].append(one("bare")["shown"])
        app = one(str(data))
        for key in ("shown", "filled", "ready"):
            runs[key].append(app[key])

    def ratio(key: str) -> float:
        """Median of each round's ratio: a round's two starts are seconds apart, so a machine busy for
        a moment slows both alike."""
        return statistics.median(x / b for x, b in zip(runs[key], runs["bare"], strict=True))

    b = statistics.median(runs["bare"])
    a, f, r = (statistics.median(runs[key]) for key in ("shown", "filled", "ready"))
    print(f"Basis data: {data}; median dari {rounds} putaran (rasio: median rasio tiap putaran)")
    print(f"jendela kosong PySide6                 {b * 1000:6.0f} ms")
    print(f"Protokol Desktop tampil                {a * 1000:6.0f} ms   rasio {ratio('shown'):5.2f}  (target < 2,00)")
    print(f"... kartu papan tergambar              {f * 1000:6.0f} ms   rasio {ratio('filled'):5.2f}")
    print(f"... ikon dimuat                        {r * 1000:6.0f} ms   rasio {ratio('ready'):5.2f}")
    print(f"modul berat dimuat saat mulai: {heavy or 'tidak ada'}")
    return 0 if ratio("shown") < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
