"""The SOP library: the SOPs in force, their revisions, and the exchange-format import/export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..domain.indonesian import os_error_text
from ..domain.sop import Sop, SopFormatError, migration_notes, sop_from_dict, sop_to_dict, summary
from ..store.models import SopRecord, SopRevision, database
from . import Actor, ServiceError, audit
from .office import active_office, office_name


@dataclass(frozen=True)
class LibraryEntry:
    revision_id: int
    revision: int
    sop: Sop
    status: str


def _parse(row: SopRevision) -> Sop:
    return sop_from_dict(json.loads(row.data))


def current_revision(code: str) -> SopRevision:
    """The revision new requests take: the newest one in force, else the newest one."""
    record = SopRecord.get_or_none(SopRecord.code == code)
    if record is None:
        raise ServiceError(f"SOP dengan kode '{code}' tidak ada")
    rows = list(record.revisions.order_by(SopRevision.revision.desc()))
    for row in rows:
        if row.status == "berlaku":
            return row
    return rows[0]


def get_sop(code: str) -> Sop:
    return _parse(current_revision(code))


_revision_cache: dict[tuple[str, int], Sop] = {}


def sop_of_revision(revision_id: int) -> Sop:
    """The SOP of one stored revision. Revisions never change, so this is cached per database."""
    sop = _revision_cache.get((str(database.obj.database), revision_id))
    return sop if sop is not None else _parsed(SopRevision.get_by_id(revision_id))


def _parsed(row: SopRevision) -> Sop:
    key = (str(database.obj.database), row.id)
    sop = _revision_cache.get(key)
    if sop is None:
        sop = _revision_cache[key] = _parse(row)
    return sop


def forget_parsed() -> None:
    """The database file was replaced (a restore): a revision id may now name another revision."""
    _revision_cache.clear()


def list_library() -> list[LibraryEntry]:
    entries = []
    for record in SopRecord.select().order_by(SopRecord.code):
        row = current_revision(record.code)
        entries.append(LibraryEntry(row.id, row.revision, _parsed(row), row.status))
    return entries


def list_summaries() -> list[dict[str, Any]]:
    result = []
    for entry in list_library():
        item = summary(entry.sop, office_name(entry.sop.office))
        item["revision"] = entry.revision
        item["status"] = entry.status
        result.append(item)
    return result


def export_dict(code: str) -> dict[str, Any]:
    return sop_to_dict(get_sop(code))


def export_json(code: str, out: Path) -> Path:
    data = export_dict(code)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


MAX_SOP_FILE_BYTES = 2 * 1024 * 1024  # the seeds are 5-15 KB; every field at its limit stays far below


def read_sop_file(path: Path) -> Sop:
    """Read and validate an exchange-format file. Raises :class:`ServiceError` naming the field (and
    its limit, for one too long); a file past :data:`MAX_SOP_FILE_BYTES` is not even parsed."""
    return _read_sop_file(path)[0]


def _read_sop_file(path: Path) -> tuple[Sop, list[str]]:
    """The SOP of an exchange-format file, and the notes of its migration from an older version."""
    try:
        size = path.stat().st_size
        if size > MAX_SOP_FILE_BYTES:
            megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
            raise ServiceError(
                f"Berkas {path.name} terlalu besar untuk berkas SOP ({megabytes} MB; maksimal "
                f"{MAX_SOP_FILE_BYTES // 1024 // 1024} MB)"
            )
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ServiceError(f"Berkas {path} tidak dapat dibaca: {os_error_text(exc, named=False)}") from exc
    except UnicodeDecodeError as exc:
        raise ServiceError(f"Berkas {path} tidak dapat dibaca: bukan teks UTF-8 (bita ke-{exc.start + 1})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ServiceError(f"Berkas {path.name} bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno})") from exc
    try:
        return sop_from_dict(data), migration_notes(data)
    except SopFormatError as exc:
        from ..domain.sop_edit import field_label

        label = field_label(exc.field)
        named = exc.field if label == exc.field else f"{exc.field} ({label})"
        message = str(exc).removeprefix(f"{exc.field}: ")
        raise ServiceError(f"Berkas {path.name} ditolak, kolom {named}: {message}") from exc


def save_sop(sop: Sop, actor: Actor, note: str = "", tanggal_revisi: date | None = None) -> SopRevision:
    """Store ``sop``: a new SOP, or a new revision of an existing one (the old one is kept).

    Saving over an SOP in force marks the previous revision ``diganti``; running requests keep
    the revision they started with.
    """
    from .permissions import can_edit_sop

    can_edit_sop(actor).enforce()
    try:
        sop_from_dict(sop_to_dict(sop))  # a Sop built in code must also be a valid file
    except SopFormatError as exc:
        raise ServiceError(f"SOP tidak sah, kolom {exc}") from exc
    from .gates import KINDS, unknown_kinds

    unknown = unknown_kinds(sop)
    if unknown:
        raise ServiceError(
            f"SOP {sop.code} menyebut syarat langkah yang tidak dikenal ({'; '.join(unknown)}); "
            f"yang dikenal: {', '.join(KINDS)}"
        )
    with database.atomic():
        record = SopRecord.get_or_none(SopRecord.code == sop.code)
        if record is None:
            record = SopRecord.create(code=sop.code)
            number = 0
        else:
            last = record.revisions.order_by(SopRevision.revision.desc()).first()
            number = last.revision + 1
            if sop.status == "berlaku":
                (
                    SopRevision.update(status="diganti")
                    .where((SopRevision.sop == record) & (SopRevision.status == "berlaku"))
                    .execute()
                )
        row = SopRevision.create(
            sop=record,
            revision=number,
            status=sop.status,
            data=json.dumps(sop_to_dict(sop), ensure_ascii=False),
            tanggal_revisi=tanggal_revisi
            or (datetime.now(UTC).astimezone(active_office().zone).date() if number else None),
            note=note,
            created_by=f"{actor.name} ({actor.role})",
        )
        audit.record(
            actor, "sop_disimpan", "sop", sop.code, None, {"revision": number, "status": sop.status, "note": note}
        )
        return row


def import_file(path: Path, actor: Actor) -> SopRevision:
    """Import an exchange-format file; a rejected file changes nothing. A file of an older format
    version is migrated; what the migration could not decide is kept in the revision's note."""
    sop, notes = _read_sop_file(path)
    return save_sop(sop, actor, note=" ".join([f"Diimpor dari {path.name}" + ("." if notes else ""), *notes]))


def revisions(code: str) -> list[SopRevision]:
    record = SopRecord.get_or_none(SopRecord.code == code)
    if record is None:
        raise ServiceError(f"SOP dengan kode '{code}' tidak ada")
    return list(record.revisions.order_by(SopRevision.revision))


def adopt_seed_gates() -> list[str]:
    """Once per database: a library seeded by a program older than SOP format 2 gets the step gates
    its seed SOPs now declare in their data. For each seed SOP with gates whose revision in force is
    the seed in all but its gates, a new revision (by "sistem", audited) carries the seed's gates;
    an SOP the office has changed is left alone. Requests already running keep their revision.
    Returns the codes given a revision."""
    from dataclasses import replace

    from ..store.models import Setting
    from ..store.seed import SEED_GATES_KEY, seed_gates_pending, seed_sops

    if not seed_gates_pending():
        return []
    adopted = []
    with database.atomic():
        for seed in seed_sops():
            if not any(step.gates for step in seed.steps):
                continue
            record = SopRecord.get_or_none(SopRecord.code == seed.code)
            if record is None:
                continue
            row = current_revision(seed.code)
            stored = _parse(row)
            if any(step.gates for step in stored.steps):
                continue
            ungated = seed.with_steps(tuple(replace(step, gates=()) for step in seed.steps))
            if stored != ungated:
                continue
            gated = ", ".join(f"langkah {s.number}: {', '.join(s.gates)}" for s in seed.steps if s.gates)
            save_sop(seed, Actor("sistem", "Admin"), note=f"Syarat langkah dari pustaka bawaan ({gated})")
            adopted.append(seed.code)
        Setting.create(key=SEED_GATES_KEY, value=",".join(adopted) or "-")
    return adopted
