"""What the board shows before any card is read: its columns and the filter criteria.

The main window paints the board's columns at start and reads the cards afterwards
(:mod:`.board`), so this part stands apart: it needs the office profile only, not the SOP library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.office import Office
from .office import active_office

NOT_STARTED = "__belum__"
FINISHED = "__selesai__"
RECENT_DAYS = 7  # finished or cancelled requests stay this many days in the last column


@dataclass(frozen=True)
class Column:
    key: str
    title: str


def columns(office: Office | None = None) -> list[Column]:
    office = office or active_office()
    return [
        Column(NOT_STARTED, "Belum dimulai"),
        *[Column(role.name, role.name) for role in office.ranked_roles],
        Column(FINISHED, f"Selesai ({RECENT_DAYS} hari)"),
    ]


@dataclass(frozen=True)
class BoardFilter:
    text: str = ""
    service: str = ""  # SOP code, "" for all
    leader: str = ""
    state: str = ""  # "", "terlambat", "ditunda", "belum_lengkap"
    date_from: date | None = None  # received date, office time zone
    date_to: date | None = None
    # Requests whose own records (guest book, visit, complaints…) match the text: found by the
    # record services, so searching a guest's name finds the visit.
    record_matches: frozenset[int] = frozenset()
