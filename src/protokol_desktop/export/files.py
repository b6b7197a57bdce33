"""Writing a finished workbook to disk: beside its target first, then moved into place, so a failed
or cancelled export never leaves half a file under the name the user chose."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any


def save_workbook(wb: Any, out: Path) -> Path:
    """Write ``wb`` to a hidden temporary file beside ``out`` and move it into place."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=out.parent)
    os.close(handle)
    try:
        wb.save(temporary)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out
