"""Run by the restore tests: holds a data folder as another process would (the window, a command).

``python folder_holder.py DATA ROLE`` registers in DATA with ROLE, prints ``ready`` and holds the
folder until its standard input closes or it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from protokol_desktop.store import folder_lock


def main() -> None:
    use = folder_lock.register(Path(sys.argv[1]), sys.argv[2])
    print("ready", flush=True)
    sys.stdin.read()
    use.release()


if __name__ == "__main__":
    main()
