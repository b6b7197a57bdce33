"""Step gates: record states a step must reach before it can be completed, declared in SOP data.

A step of an SOP names its gates in its data (``"gates": ["speech_paraf"]`` in the exchange format,
``docs/sop-format.md``); nothing here knows an SOP code. This module is the registry of gate
*kinds*: each kind names the record service that checks it, by module and function, so checking a
step imports only the record services its gates need. A check function takes a request id and
returns a short Indonesian problem ("sambutan terkini belum diparaf Ketua Tim") or ``None``.

:func:`missing` lists what a step still lacks. :func:`services.requests.complete_step` is the one
place a completion is held back (with :func:`describe`'s sentence), unless a user allowed to override
(:func:`services.permissions.can_override_gate`) gives a reason, which the completion records in the
history and the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..domain.sop import Sop, Step

Check = Callable[[int], "str | None"]  # request id -> problem or None


@dataclass(frozen=True)
class GateKind:
    """One kind of gate: ``label`` says what it requires (the SOP editor and the step dialog show
    it), ``where`` where the user fulfils it, ``check`` is ``"module:function"`` of a record
    service."""

    name: str
    label: str
    where: str
    check: str

    def problem(self, request_id: int) -> str | None:
        module, _, function = self.check.partition(":")
        checker: Check = getattr(import_module(module), function)
        return checker(request_id)


KINDS: dict[str, GateKind] = {
    kind.name: kind
    for kind in (
        GateKind(
            "speech_paraf", "Sambutan terkini diparaf Ketua Tim", "tab Sambutan",
            "protokol_desktop.services.speeches:paraf_problem",
        ),
        GateKind(
            "visit_attendance", "Daftar hadir tamu tidak kosong", "tab Kunjungan Tamu",
            "protokol_desktop.services.visits:attendance_problem",
        ),
        GateKind(
            "visit_minutes", "Notulen kunjungan diisi", "tab Kunjungan Tamu",
            "protokol_desktop.services.visits:minutes_problem",
        ),
        GateKind(
            "sop_protokol_paraf", "SOP Protokol terkini diparaf Kasubag", "tab SOP Protokol",
            "protokol_desktop.services.sop_protokol:paraf_problem",
        ),
        GateKind(
            "sop_protokol_signed", "SOP Protokol terkini ditandatangani Kabag", "tab SOP Protokol",
            "protokol_desktop.services.sop_protokol:signature_problem",
        ),
    )
}  # fmt: skip


def unknown_kinds(sop: Sop) -> list[str]:
    """Gate names in ``sop`` that no record service checks, as "langkah N: nama"."""
    return [f"langkah {step.number}: {name}" for step in sop.steps for name in step.gates if name not in KINDS]


@dataclass(frozen=True)
class Problem:
    kind: str
    label: str
    text: str
    where: str


def missing(request_id: int, step: Step) -> list[Problem]:
    """What ``step`` of this request still lacks, in the order the SOP declares its gates."""
    problems = []
    for name in step.gates:
        kind = KINDS.get(name)
        if kind is None:  # refused on import; a stored revision from a newer program, say so
            problems.append(Problem(name, name, f"syarat '{name}' tidak dikenal program ini", "SOP"))
            continue
        text = kind.problem(request_id)
        if text:
            problems.append(Problem(name, kind.label, text, kind.where))
    return problems


def describe(step: Step, problems: list[Problem]) -> str:
    """One sentence: which step, what is missing, and where to fulfil it."""
    places = list(dict.fromkeys(p.where for p in problems))
    return (
        f"Langkah {step.number} ({step.uraian}) belum dapat diselesaikan: "
        f"{' dan '.join(p.text for p in problems)}. Lengkapi di {' dan '.join(places)}."
    )
