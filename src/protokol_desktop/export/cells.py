"""One way to put a value into a spreadsheet cell: user text always stays text.

openpyxl turns any string that starts with ``=`` into a live formula. A request subject, a guest's
name or a complaint typed as ``=HYPERLINK(...)`` would then run in the office's Excel. Every writer
puts its values through :func:`put` (or :func:`assign` on a cell it already holds, or
:func:`text_cell` for write-only sheets), so a string is stored as a string whatever it begins with.
Numbers, dates and ``None`` pass through unchanged. A writer that needs a real formula (a total row)
writes a :class:`Formula`, which is the one way to ask for one.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.cell.cell import WriteOnlyCell as _WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet


class Formula(str):
    """A formula the writer itself composed (``"=SUM(B2:B9)"``): the only string kept as one."""


def assign(cell: Any, value: Any) -> Any:
    """Set ``cell.value`` to ``value``, keeping strings as text unless they are a :class:`Formula`."""
    cell.value = value
    if isinstance(value, str) and not isinstance(value, Formula) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def put(ws: Worksheet, row: int, column: int, value: Any = None) -> Cell:
    """``ws.cell(row, column)`` with ``value`` assigned safely; returns the cell for styling."""
    cell = ws.cell(row=row, column=column)
    if value is not None:
        assign(cell, value)
    return cell


def text_cell(ws: Any, value: Any, **style: Any) -> Any:
    """A write-only cell holding ``value`` safely, with any of ``font``, ``alignment``, ``border``,
    ``fill``, ``number_format`` set."""
    cell = _WriteOnlyCell(ws, value=None)
    assign(cell, value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def safe_row(ws: Any, values: Any) -> list[Any]:
    """Values for ``ws.append``: strings wrapped so they stay text (other values as they are)."""
    return [text_cell(ws, value) if isinstance(value, str) and not isinstance(value, Formula) else value
            for value in values]  # fmt: skip
