"""Build the Protokol Desktop bundle from a clean virtual environment.

    python build/build.py            # bundle in build/out/ProtokolDesktop/
    python build/build.py --smoke    # ... then run the frozen smoke test
    python build/build.py --installer  # ... then compile the NSIS installer (needs makensis)

The virtual environment (build/work/venv) holds only the runtime dependencies and PyInstaller, so
nothing a developer happens to have installed slips into the bundle. On Windows this makes the real
bundle; on Linux a Linux bundle that CI smoke-tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "work"
OUT = ROOT / "build" / "out"
WINDOWS = sys.platform == "win32"


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if WINDOWS else "bin/python")


def run(*args: str | Path, **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], check=True, **kwargs)


def make_env() -> Path:
    env_dir = WORK / "venv"
    if env_dir.exists():
        shutil.rmtree(env_dir)
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = venv_python(env_dir)
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    # The project itself (runtime dependencies only) and the build extra.
    run(python, "-m", "pip", "install", "--quiet", f"{ROOT}[build]")
    return python


def bundle(python: Path) -> Path:
    if OUT.exists():
        shutil.rmtree(OUT)
    run(
        python, "-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", OUT, "--workpath", WORK / "pyinstaller", ROOT / "build" / "protokol-desktop.spec",
    )  # fmt: skip
    folder = OUT / "ProtokolDesktop"
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"Bundle: {folder} ({size / 2**20:.1f} MB unpacked)")
    return folder


def check_display_plugin(folder: Path) -> None:
    """On Linux the bundle must carry what Qt's X11 plugin links to: PyInstaller collects only the
    libraries present on the build machine, and a missing one (libxcb-cursor0 since Qt 6.5) stops
    the program on a desktop before any window, while the offscreen smoke test still passes."""
    internal = folder / "_internal"
    plugin = internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    listing = subprocess.run(["ldd", str(plugin)], env=env, capture_output=True, text=True, check=True).stdout
    missing = sorted({line.split()[0] for line in listing.splitlines() if "not found" in line})
    if missing:
        raise SystemExit(
            "Plugin X11 Qt membutuhkan pustaka yang tidak ada di mesin pembangun: " + ", ".join(missing)
            + " (Debian: apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0"
            " libxcb-render-util0 libxkbcommon-x11-0)"
        )
    collected = sorted(p.name for p in internal.glob("libxcb-cursor.so*"))
    print(f"Plugin X11: semua pustaka ada ({', '.join(collected) or 'dari sistem'})")


def smoke(folder: Path) -> None:
    exe = folder / ("ProtokolDesktop.exe" if WINDOWS else "ProtokolDesktop")
    if sys.platform.startswith("linux"):
        check_display_plugin(folder)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as data:
        result = run(exe, "--data-dir", data, "--self-test", env=env, capture_output=True, text=True, timeout=300)
        print(result.stdout.strip())
        listing = run(exe, "--data-dir", data, "sop", "list", env=env, capture_output=True, text=True, timeout=120)
        print(listing.stdout.strip())


def installer() -> None:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis tidak ditemukan (Debian: apt-get install nsis; Windows: NSIS 3)")
    init = (ROOT / "src" / "protokol_desktop" / "__init__.py").read_text(encoding="utf-8")
    version = init.split('__version__ = "')[1].split('"')[0]
    run(makensis, f"-DVERSION={version}", f"-DBUNDLE={OUT / 'ProtokolDesktop'}", f"-DOUTDIR={OUT}",
        ROOT / "build" / "installer.nsi")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="run the frozen smoke test after building")
    parser.add_argument("--installer", action="store_true", help="compile the NSIS installer after building")
    args = parser.parse_args()
    folder = bundle(make_env())
    if args.smoke:
        smoke(folder)
    if args.installer:
        installer()
    return 0


if __name__ == "__main__":
    sys.exit(main())
