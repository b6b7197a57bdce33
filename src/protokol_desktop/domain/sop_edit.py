"""Editing an SOP: executor columns, steps and "Buat dari SOP lain", as pure functions on values.

Every function takes an immutable :class:`~.sop.Sop` and returns a new one; the SOP editor keeps
its state as a ``Sop`` and changes it only through these. Steps stay numbered 1..n in order, and a
keputusan's answers follow the steps they lead to when steps are inserted, moved or removed. A change
that would break the SOP (a column still in use, a step a keputusan leads to) raises
:class:`SopEditError` with a message for the user. :func:`validate` runs the exchange-format checks
and raises :class:`~.sop.SopFormatError` naming the field; :func:`field_label` names that field the
way the editor shows it.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from typing import Any

from .sop import KINDS, Decision, Identity, Sop, Source, Step, sop_from_dict, sop_to_dict

NEW_STEP_TEXT = "Langkah baru"
MAX_CODE_LENGTH = 40


class SopEditError(ValueError):
    """An edit the SOP cannot take; the message is shown to the user as it is."""


# ---------------------------------------------------------------------------------------------
# Executor columns


def _executor_index(sop: Sop, name: str) -> int:
    try:
        return sop.executors.index(name)
    except ValueError:
        raise SopEditError(f"Kolom pelaksana {name!r} tidak ada") from None


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise SopEditError("Nama kolom pelaksana wajib diisi")
    return cleaned


def steps_using(sop: Sop, executor: str) -> list[int]:
    """Numbers of the steps carried out by ``executor``."""
    return [step.number for step in sop.steps if step.executor == executor]


def add_executor(sop: Sop, name: str) -> Sop:
    """Append an executor column. Refuses a blank name or one already there (ignoring case)."""
    cleaned = _clean_name(name)
    if any(existing.casefold() == cleaned.casefold() for existing in sop.executors):
        raise SopEditError(f"Kolom pelaksana {cleaned!r} sudah ada")
    return replace(sop, executors=(*sop.executors, cleaned))


def rename_executor(sop: Sop, old: str, new: str) -> Sop:
    """Rename a column, and the executor of every step in it."""
    index = _executor_index(sop, old)
    cleaned = _clean_name(new)
    if any(i != index and e.casefold() == cleaned.casefold() for i, e in enumerate(sop.executors)):
        raise SopEditError(f"Kolom pelaksana {cleaned!r} sudah ada")
    executors = list(sop.executors)
    executors[index] = cleaned
    steps = tuple(replace(s, executor=cleaned) if s.executor == old else s for s in sop.steps)
    return replace(sop, executors=tuple(executors), steps=steps)


def move_executor(sop: Sop, name: str, delta: int) -> Sop:
    """Move a column ``delta`` places left (negative) or right; it stops at either end."""
    index = _executor_index(sop, name)
    target = max(0, min(len(sop.executors) - 1, index + delta))
    executors = list(sop.executors)
    executors.insert(target, executors.pop(index))
    return replace(sop, executors=tuple(executors))


def remove_executor(sop: Sop, name: str) -> Sop:
    """Remove a column no step uses."""
    index = _executor_index(sop, name)
    used = steps_using(sop, name)
    if used:
        raise SopEditError(f"Kolom {name} masih dipakai langkah {', '.join(str(n) for n in used)}")
    if len(sop.executors) == 1:
        raise SopEditError("SOP harus punya minimal satu kolom pelaksana")
    return replace(sop, executors=sop.executors[:index] + sop.executors[index + 1 :])


# ---------------------------------------------------------------------------------------------
# Steps


def _reorder(sop: Sop, order: list[Step | int]) -> Sop:
    """Lay the steps out in ``order`` and number them 1..n.

    ``order`` lists old step numbers (a step of ``sop`` moving to that place) or new ``Step``
    values. Every keputusan target, written in the old numbers, follows its step to its new number.
    """
    old = {step.number: step for step in sop.steps}
    new_number = {item: place for place, item in enumerate(order, start=1) if isinstance(item, int)}

    def follow(target: int | None) -> int | None:
        return None if target is None else new_number.get(target, target)

    steps = []
    for place, item in enumerate(order, start=1):
        step = old[item] if isinstance(item, int) else item
        decision = step.decision
        if decision is not None:
            decision = replace(decision, yes=follow(decision.yes), no=follow(decision.no))
        steps.append(replace(step, number=place, decision=decision))
    return replace(sop, steps=tuple(steps))


def _index_of(sop: Sop, number: int) -> int:
    for index, step in enumerate(sop.steps):
        if step.number == number:
            return index
    raise SopEditError(f"Langkah {number} tidak ada")


def insert_step(sop: Sop, position: int, step_template: Step | None = None) -> Sop:
    """Insert a step so that it becomes step ``position`` (1..n+1); later steps move down one.

    Without a template the step reads "Langkah baru", is a proses and belongs to the first column.
    A template's keputusan targets are step numbers of ``sop`` as it is, and follow their steps.
    """
    if not 1 <= position <= len(sop.steps) + 1:
        raise SopEditError(f"Posisi langkah harus antara 1 dan {len(sop.steps) + 1}")
    if step_template is None:
        if not sop.executors:
            raise SopEditError("Tambahkan kolom pelaksana lebih dulu")
        step_template = Step(number=position, uraian=NEW_STEP_TEXT, executor=sop.executors[0], kinds=("proses",))
    elif step_template.executor not in sop.executors:
        raise SopEditError(f"{step_template.executor!r} bukan kolom pelaksana SOP ini")
    order: list[Step | int] = [step.number for step in sop.steps]
    order.insert(position - 1, step_template)
    return _reorder(sop, order)


def remove_step(sop: Sop, number: int) -> Sop:
    """Remove a step. Refused while another step's keputusan leads to it."""
    index = _index_of(sop, number)
    pointing = [
        s.number
        for s in sop.steps
        if s.decision is not None and s.number != number and number in (s.decision.yes, s.decision.no)
    ]
    if pointing:
        sources = ", ".join(str(n) for n in pointing)
        raise SopEditError(f"Langkah {number} menjadi tujuan keputusan langkah {sources}")
    if len(sop.steps) == 1:
        raise SopEditError("SOP harus punya minimal satu langkah")
    order: list[Step | int] = [step.number for step in sop.steps]
    del order[index]
    return _reorder(sop, order)


def move_step(sop: Sop, number: int, delta: int) -> Sop:
    """Move a step ``delta`` places up (negative) or down; it stops at either end.

    Keputusan targets follow the steps: if step 3 moves down one, a keputusan that led to it leads
    to step 4.
    """
    index = _index_of(sop, number)
    target = max(0, min(len(sop.steps) - 1, index + delta))
    if target == index:
        return sop
    order: list[Step | int] = [step.number for step in sop.steps]
    order.insert(target, order.pop(index))
    return _reorder(sop, order)


_STEP_FIELDS = {f.name for f in fields(Step)} - {"number"}


def replace_step(sop: Sop, number: int, /, **changes: Any) -> Sop:
    """Change fields of step ``number`` (``uraian``, ``executor``, ``kinds``, ``decision``, ...).

    Kinds and decision stay together: dropping "keputusan" drops the decision, and adding it gives
    an empty one (whose question :func:`validate` asks for). Decision targets must be steps of this
    SOP or ``None`` (selesai). Waktu is not parsed here, so the editor can hold what is being typed;
    :func:`validate` checks it.
    """
    unknown = set(changes) - _STEP_FIELDS
    if unknown:
        raise SopEditError(f"Kolom langkah tidak dikenal: {', '.join(sorted(unknown))}")
    index = _index_of(sop, number)
    step = replace(sop.steps[index], **changes)
    if "executor" in changes and step.executor not in sop.executors:
        raise SopEditError(f"{step.executor!r} bukan kolom pelaksana SOP ini")
    if "kinds" in changes:
        unknown_kinds = [k for k in step.kinds if k not in KINDS]
        if unknown_kinds:
            raise SopEditError(f"Jenis langkah tidak dikenal: {', '.join(unknown_kinds)}")
        step = replace(step, kinds=tuple(k for k in KINDS if k in step.kinds))
    if step.is_decision and step.decision is None:
        step = replace(step, decision=Decision(question="", yes=None, no=None))
    elif not step.is_decision and step.decision is not None:
        if "decision" in changes:
            raise SopEditError(f"Langkah {number} bukan keputusan: centang jenis keputusan lebih dulu")
        step = replace(step, decision=None)
    if step.decision is not None:
        for answer, target in (("Ya", step.decision.yes), ("Tidak", step.decision.no)):
            if target is not None and not 1 <= target <= len(sop.steps):
                raise SopEditError(f"Jawaban {answer} langkah {number} menuju langkah {target} yang tidak ada")
    steps = list(sop.steps)
    steps[index] = step
    return replace(sop, steps=tuple(steps))


# ---------------------------------------------------------------------------------------------
# Whole SOP


def check_code(code: str) -> str:
    """A usable SOP code: not blank, no spaces, at most 40 characters."""
    cleaned = code.strip()
    if not cleaned:
        raise SopEditError("Kode SOP wajib diisi")
    if len(cleaned) > MAX_CODE_LENGTH or any(ch.isspace() for ch in cleaned):
        raise SopEditError(f"Kode SOP maksimal {MAX_CODE_LENGTH} karakter tanpa spasi")
    return cleaned


def copy_as_new(sop: Sop, code: str, name: str, office: str) -> Sop:
    """The "Buat dari SOP lain" action: a draft SOP written by the office, starting from ``sop``.

    Steps, columns and the service standard are copied. The identity keeps its organisation lines,
    lists and signatory but loses the document number and dates, which belong to the old document;
    the reading notes about the old document are dropped, and the source says where it came from.
    """
    cleaned_code = check_code(code)
    cleaned_name = " ".join(name.split())
    if not cleaned_name:
        raise SopEditError("Nama SOP wajib diisi")
    if not office.strip():
        raise SopEditError("Kantor wajib diisi")
    identity: Identity = replace(
        sop.identity, nomor="", tanggal_pembuatan="", tanggal_revisi="", tanggal_pengesahan="", tanggal_efektif=""
    )
    return replace(
        sop,
        code=cleaned_code,
        name=cleaned_name,
        service=cleaned_name,
        office=office.strip(),
        status="draft",
        source=Source(kind="disusun_kantor", document="", note=f"Dibuat dari SOP {sop.code}"),
        identity=identity,
        notes=(),
    )


def validate(sop: Sop) -> Sop:
    """The SOP as the exchange format reads it back. Raises :class:`SopFormatError` naming the field."""
    return sop_from_dict(sop_to_dict(sop))


_FIELD_NAMES = {
    "code": "Kode",
    "office": "Kantor",
    "name": "Nama SOP",
    "service": "Layanan",
    "status": "Status",
    "executors": "Pelaksana",
    "steps": "Langkah",
    "uraian": "uraian",
    "executor": "pelaksana",
    "kinds": "jenis",
    "decision": "keputusan",
    "decision.question": "pertanyaan keputusan",
    "decision.yes": "tujuan Ya",
    "decision.no": "tujuan Tidak",
    "kelengkapan": "kelengkapan",
    "waktu": "waktu",
    "output": "output",
    "keterangan": "keterangan",
    "standard.jangka_waktu": "Standar Pelayanan, jangka waktu",
    "standard.persyaratan": "Standar Pelayanan, persyaratan",
}
_STEP_FIELD = re.compile(r"^steps\[(\d+)\](?:\.(.+))?$")


def field_label(field_name: str) -> str:
    """``"steps[2].waktu"`` -> ``"Langkah 3, waktu"``: a :class:`SopFormatError` field for people."""
    match = _STEP_FIELD.match(field_name)
    if match:
        where = f"Langkah {int(match.group(1)) + 1}"
        rest = match.group(2)
        return f"{where}, {_FIELD_NAMES.get(rest, rest)}" if rest else where
    if field_name.startswith("standard.persyaratan["):
        return _FIELD_NAMES["standard.persyaratan"]
    if field_name.startswith("identity."):
        return "Identitas, " + field_name.removeprefix("identity.").replace("_", " ")
    return _FIELD_NAMES.get(field_name, field_name)


__all__ = [
    "SopEditError",
    "add_executor",
    "check_code",
    "copy_as_new",
    "field_label",
    "insert_step",
    "move_executor",
    "move_step",
    "remove_executor",
    "remove_step",
    "rename_executor",
    "replace_step",
    "steps_using",
    "validate",
]
