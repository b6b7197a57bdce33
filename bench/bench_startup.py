"""Start-up benchmark: process start to main window shown, with the board benchmark's database
(10,000 requests), as a ratio to a bare PySide6 window shown in the same run. Target: under 2x.

Run ``bench/bench_board.py`` first (it builds the database), then
``.venv/bin/python bench/bench_startup.py``.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def one(*args: str) -> tuple[float, float, str]:
    start = time.time()
    result = subprocess.run(
        [sys.executable, str(HERE / "startup_probe.py"), *args], capture_output=True, text=True, check=True
    )
    lines = dict(line.split(" ", 1) if " " in line else (line, "") for line in result.stdout.splitlines())
    return float(lines["shown"]) - start, float(lines["ready"]) - start, lines.get("heavy", "")


def main() -> int:
    caches = sorted((HERE / ".cache").glob("board-*"))
    if not caches:
        print("Jalankan dulu bench/bench_board.py untuk membuat basis data uji.", file=sys.stderr)
        return 2
    data = max(caches, key=lambda p: p.stat().st_size)
    # An installed program has its bytecode (pip compiles on install, the frozen bundle carries it);
    # a checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every module at each start.
    compileall.compile_dir(str(HERE.parent / "src"), quiet=1)
    one("bare")  # warm the file cache
    one(str(data))
    bare, app, ready, empty, heavy = [], [], [], [], ""
    for _ in range(7):
        bare.append(one("bare")[0])
        shown, complete, heavy = one(str(data))
        app.append(shown)
        ready.append(complete)
        empty.append(one(str(data), "--no-cards")[0])
    b, a, r, e = (statistics.median(x) for x in (bare, app, ready, empty))
    print(f"Basis data: {data.name}")
    print(f"jendela kosong PySide6               {b * 1000:8.0f} ms")
    print(f"Protokol Desktop tampil (papan terisi) {a * 1000:6.0f} ms   rasio {a / b:5.2f}  (target < 2,00)")
    print(f"... ikon dimuat                      {r * 1000:8.0f} ms   rasio {r / b:5.2f}")
    print(f"jendela tanpa kartu (batas bawah)    {e * 1000:8.0f} ms   rasio {e / b:5.2f}")
    print(f"modul berat dimuat saat mulai: {heavy or 'tidak ada'}")
    return 0 if a / b < 2 else 1


if __name__ == "__main__":
    sys.exit(main())
