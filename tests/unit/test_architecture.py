"""Only ui/ may import Qt: domain, store, services and export stay usable without a display."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "protokol_desktop"
QT_FREE = ["domain", "store", "services", "export", "paths.py", "cli.py", "__main__.py"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("part", QT_FREE)
def test_no_qt_below_ui(part):
    target = PACKAGE / part
    files = [target] if target.is_file() else sorted(target.rglob("*.py"))
    assert files
    for path in files:
        qt = {name for name in _imports(path) if name.split(".")[0] in {"PySide6", "qtawesome", "shiboken6"}}
        assert not qt, f"{path.relative_to(PACKAGE)} imports {qt}"


def test_the_gui_does_not_import_the_orm():
    """ui/ reaches the database through services and store: its errors come as ``store.db.DriverError``."""
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        orm = {name for name in _imports(path) if name.split(".")[0] in {"peewee", "playhouse"}}
        assert not orm, f"{path.relative_to(PACKAGE)} imports {orm}"
