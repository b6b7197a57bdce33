"""SOP exports at the exchange format's size limits (issue #16, item 6).

An SOP with every text field and every list as large as the format allows (``TEXT_LIMITS`` and
``LIST_LIMITS`` of ``domain/sop.py``, about 1.1 MB of JSON) is exported to Excel and to PDF. The
baseline, measured in the same run, is the seed Sambutan SOP it was grown from. Prints each time
(median of the rounds), the ratio to the baseline and the output size. Before the limits, one 5 MB
step description made the PDF run past 300 s; before the Standar Pelayanan pages were paged by
galloping, the SOP at every limit took about 85 s for its PDF (117 s under cProfile).

Run: ``.venv/bin/python bench/bench_sop_limits.py [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def _timed(write, sop, out: Path, rounds: int) -> tuple[float, int]:  # noqa: ANN001
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        write(sop, out)
        times.append(time.perf_counter() - start)
    return statistics.median(times), out.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication
    from tests.unit.test_limits import at_every_limit, sambutan

    from protokol_desktop.domain.sop import sop_from_dict
    from protokol_desktop.export.sop_xlsx import write_sop_workbook
    from protokol_desktop.ui.pdf.sop_pdf import write_sop_pdf

    app = QApplication.instance() or QApplication([])
    seed, largest = sop_from_dict(sambutan()), sop_from_dict(at_every_limit())
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        print(f"{'export':<6} {'seed SOP':>12} {'every field at its limit':>26} {'ratio':>8}")
        for name, write, suffix in (("Excel", write_sop_workbook, "xlsx"), ("PDF", write_sop_pdf, "pdf")):
            base, base_size = _timed(write, seed, out / f"seed.{suffix}", args.rounds)
            big, big_size = _timed(write, largest, out / f"limit.{suffix}", args.rounds)
            print(f"{name:<6} {base * 1000:>7.0f} ms {base_size / 1024:>4.0f} KB"
                  f" {big * 1000:>14.0f} ms {big_size / 1024:>6.0f} KB {big / base:>7.1f}x")  # fmt: skip
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
