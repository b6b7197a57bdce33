"""Step gates: conditions a step must meet before it can be completed.

A module that keeps a service's records registers a gate for the step that produces them (the guest
visit's "Membuat daftar hadir dan notulen" needs an attendance list and minutes). A gate returns an
Indonesian message saying what is missing, or ``None``; :func:`check` raises it as a ServiceError.
Gates are matched by SOP code and step *uraian* text (so a revision that renumbers steps keeps them)
or by step number. The composition root names the modules that register gates
(:func:`register_provider`); they are imported at the first check, so a start need not import every
record service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from . import ServiceError

if TYPE_CHECKING:
    from ..domain.sop import Sop, Step

Gate = Callable[[int, "Sop", "Step"], "str | None"]  # (request id, sop, step) -> problem or None


@dataclass(frozen=True)
class _Entry:
    sop_code: str
    matches: Callable[[Step], bool]
    gate: Gate


_GATES: list[_Entry] = []
_PROVIDERS: list[str] = []


def register_provider(module: str) -> None:
    """``module`` (absolute) registers its gates in an ``install_gates()`` function, called before
    the first :func:`check`."""
    if module not in _PROVIDERS:
        _PROVIDERS.append(module)


def register(sop_code: str, gate: Gate, *, uraian_contains: str = "", step_number: int | None = None) -> None:
    needle = uraian_contains.casefold()

    def matches(step: Step) -> bool:
        if step_number is not None and step.number != step_number:
            return False
        return not needle or needle in step.uraian.casefold()

    _GATES.append(_Entry(sop_code, matches, gate))


def check(request_id: int, sop: Sop, step: Step) -> None:
    while _PROVIDERS:
        import_module(_PROVIDERS.pop(0)).install_gates()
    for entry in _GATES:
        if entry.sop_code == sop.code and entry.matches(step):
            problem = entry.gate(request_id, sop, step)
            if problem:
                raise ServiceError(problem)
