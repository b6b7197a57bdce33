"""The audit trail: every change (who, when, what, before and after), appended and never edited.

Each entry carries the SHA-256 of its own content and of the entry before it, so an edited entry
no longer matches its hash and a removed one breaks the chain; :func:`verify_chain` names the entry.
Entries are written inside the transaction of the change they record.

A hash chain alone cannot tell that its newest entries were deleted: the shortened chain is still a
valid chain. So the head is also anchored outside the table: after every commit that added entries,
the newest entry's id and hash are written to a small file beside the database (on a PostgreSQL
server, in each PC's data folder: the head that PC saw), and every backup carries the head it was
made at in its own metadata. ``check``, the start of the app and a restore compare the table with
them, so a truncated tail is reported. An anchor never moves past a chain that no longer contains
it: the evidence stays until a restore or an explicit, audited reset.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase, fn

from ..store.db import anchor_path
from ..store.models import AuditEntry, database
from . import Actor, ServiceError

GENESIS = "0" * 64


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def utc_text(at: datetime) -> str:
    """An entry's time as hashed: UTC to the microsecond (the audit export carries it so)."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(prev_hash: str, at: datetime, actor: str, action: str, entity: str, entity_id: str,
               before: str, after: str) -> str:  # fmt: skip
    payload = "\x1f".join(
        [
            prev_hash,
            utc_text(at),
            actor,
            action,
            entity,
            entity_id,
            before,
            after,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    actor: str | Actor,
    action: str,
    entity: str,
    entity_id: object,
    before: Any = None,
    after: Any = None,
    now: datetime | None = None,
) -> AuditEntry:
    """Append one entry. Call inside the transaction of the change it records."""
    if isinstance(actor, Actor):
        actor = f"{actor.name} ({actor.role})"
    at = (now or datetime.now(UTC)).astimezone(UTC)
    if not isinstance(database.obj, SqliteDatabase):
        # On a shared server, appends are serialised so that two desks never chain onto one entry.
        database.execute_sql("SELECT pg_advisory_xact_lock(7171)")
    last = AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    prev = last.hash if last else GENESIS
    before_text = "" if before is None else _canonical(before)
    after_text = "" if after is None else _canonical(after)
    entity_key = str(entity_id)
    entry = AuditEntry.create(
        at=at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_key,
        before=before_text,
        after=after_text,
        prev_hash=prev,
        hash=entry_hash(prev, at, actor, action, entity, entity_key, before_text, after_text),
    )
    database.after_commit(_advance_anchor)  # at once when no transaction is open
    return entry


def verify_chain() -> list[str]:
    """Problems in the chain, each naming the entry; empty when intact."""
    problems = []
    prev = GENESIS
    expected_id = None
    for row in AuditEntry.select().order_by(AuditEntry.id):
        if expected_id is not None and row.id != expected_id:
            problems.append(f"Jejak audit: entri #{expected_id} sampai #{row.id - 1} hilang (dihapus)")
        if row.prev_hash != prev:
            problems.append(f"Jejak audit: entri #{row.id} tidak tersambung dengan entri sebelumnya (ada yang dihapus)")
        recomputed = entry_hash(
            row.prev_hash, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after
        )
        if recomputed != row.hash:
            problems.append(f"Jejak audit: entri #{row.id} ({row.action} {row.entity} {row.entity_id}) telah diubah")
        prev = row.hash
        expected_id = row.id + 1
    return problems


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str
    prev_hash: str = ""
    hash: str = ""


def entries(
    text: str = "",
    actor: str = "",
    action: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int | None = 5000,
) -> list[AuditRow]:
    """Audit entries, newest first, filtered. Text is only text (no patterns, no SQL)."""
    query = AuditEntry.select().order_by(AuditEntry.id.desc())
    if actor:
        query = query.where(AuditEntry.actor.contains(actor))
    if action:
        query = query.where(AuditEntry.action == action)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    needle = text.strip().casefold()
    rows = []
    for row in query.iterator():
        item = AuditRow(row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after,
                        row.prev_hash, row.hash)  # fmt: skip
        if needle and not any(
            needle in field.casefold() for field in (item.actor, item.action, item.entity_id, item.before, item.after)
        ):
            continue
        rows.append(item)
        if limit is not None and len(rows) >= limit:
            break
    return rows


def actions() -> list[str]:
    return [row.action for row in AuditEntry.select(AuditEntry.action).distinct().order_by(AuditEntry.action)]


# -- the head anchored outside the table


@dataclass(frozen=True)
class Head:
    """The newest entry of the chain and how many entries it has."""

    id: int
    hash: str
    count: int

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "hash": self.hash, **({"count": self.count} if self.count >= 0 else {})}


def head(count: bool = True) -> Head | None:
    """The newest entry; ``count`` also counts the entries (a full scan: not after every commit)."""
    last = AuditEntry.select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    if last is None:
        return None
    return Head(last.id, last.hash, (AuditEntry.select(fn.COUNT(AuditEntry.id)).scalar() or 0) if count else -1)


def backups_path(path: Path) -> Path:
    """The backups' heads live beside the anchor, so the anchor itself stays one small file."""
    return path.with_name(path.name.removesuffix(".json") + ".cadangan.json")


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ServiceError(f"Berkas jangkar jejak audit {path} tidak dapat dibaca: {exc}") from exc


def read_anchor(path: Path | None = None) -> dict[str, Any] | None:
    """The anchor (``head``, maybe ``restoring``) with the heads of named ``backups``, or None when
    there is none. A file that cannot be read is a problem of its own (see :func:`anchor_problems`)."""
    path = path or anchor_path()
    if path is None or not path.exists():
        return None
    data = _load(path)
    if not isinstance(data, dict) or not isinstance(data.get("head"), dict):
        raise ServiceError(f"Berkas jangkar jejak audit {path} tidak berisi jangkar yang sah")
    extra = backups_path(path)
    listed = _load(extra) if extra.exists() else []
    data["backups"] = listed if isinstance(listed, list) else []
    return data


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}-{threading.get_ident()}.sebagian")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


ANCHOR_BYTES = 1024


def _write_in_place(path: Path, text: str) -> None:
    """The anchor moves after every commit: rewritten in place, one write of a few hundred bytes (a
    rename costs milliseconds on some disks and with virus scanners). A process killed mid-way cannot
    tear one write() call; a file that is not there yet is made atomically."""
    data = text.encode("utf-8")
    data += b" " * (ANCHOR_BYTES - len(data))  # one length always: a reader never sees a shorter tail
    try:
        handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        _write_atomic(path, data.decode("utf-8"))
        return
    try:
        os.write(handle, data)
        os.ftruncate(handle, len(data))
    finally:
        os.close(handle)


_written = threading.local()


def write_anchor(current: Head | None, backups: list[dict[str, Any]] | None = None,
                 restoring: Head | None = None) -> None:  # fmt: skip
    """Anchor ``current`` (and, given, the list of named backups' heads)."""
    path = anchor_path()
    if path is None or current is None:
        return
    if backups is not None:
        _write_atomic(backups_path(path), json.dumps(backups[-200:], ensure_ascii=False, indent=1))
    data: dict[str, Any] = {
        "version": 1,
        "database": str(database.obj.database),
        "head": current.as_dict(),
        "updated": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    if restoring is not None:
        data["restoring"] = restoring.as_dict()
    _write_in_place(path, json.dumps(data, ensure_ascii=False))
    _written.key = (str(path), current.id, current.hash)


def _contains(point: Any) -> bool:
    """Whether the chain holds the entry ``{"id", "hash"}`` (an empty chain holds id 0)."""
    if not isinstance(point, dict):
        return False
    point_id = int(point.get("id", 0) or 0)
    if point_id <= 0:
        return True
    row = AuditEntry.get_or_none(AuditEntry.id == point_id)
    return row is not None and row.hash == point.get("hash")


def mark_restoring(restored: Head | None) -> None:
    """Before a restore swaps files: the anchor also accepts the restored file's head, so a restore
    cut short after the swap (killed, power cut) is not taken for a truncated chain."""
    path = anchor_path()
    if path is None:
        return
    try:
        anchor = read_anchor(path)
    except ServiceError:
        anchor = None
    anchored = (anchor or {}).get("head") or {"id": 0, "hash": ""}
    kept = Head(int(anchored.get("id", 0) or 0), str(anchored.get("hash", "")), -1)
    write_anchor(kept, restoring=restored or Head(0, "", -1))
    _written.key = None


def _advance_anchor() -> None:
    """After a commit that added entries: move the anchor to the new head, unless the chain no
    longer contains the anchored entry (then the anchor is evidence and stays where it is)."""
    path = anchor_path()
    if path is None:
        return
    current = head(count=False)
    if current is None or getattr(_written, "key", None) == (str(path), current.id, current.hash):
        return
    try:
        anchor = read_anchor(path)
    except ServiceError:
        return  # an unreadable anchor is reported by check; it is not overwritten
    if anchor is not None:
        anchored = anchor["head"]
        if _contains(anchor.get("restoring")) and not _contains(anchored):
            pass  # a restore swapped the files and was cut short before it re-anchored: finish it
        elif int(anchored.get("id", 0)) >= current.id or not _contains(anchored):
            return
    write_anchor(current)


def anchor_problems() -> list[str]:
    """How the table disagrees with the anchored head; empty when it contains it."""
    path = anchor_path()
    try:
        anchor = read_anchor(path)
    except ServiceError as exc:
        return [f"Jejak audit: {exc}"]
    if anchor is None:
        return []
    anchored = anchor["head"]
    if not _contains(anchored) and "restoring" in anchor and _contains(anchor["restoring"]):
        return []  # a restore cut short after its swap: the restored chain is the one in force
    anchored_id = int(anchored.get("id", 0))
    if anchored_id <= 0:
        return []
    row = AuditEntry.get_or_none(AuditEntry.id == anchored_id)
    current = head()
    last = current.id if current else 0
    short_hash = str(anchored.get("hash", ""))[:12]
    if row is None:
        first_lost = last + 1
        return [
            f"Jejak audit terpotong: jangkar {path.name if path else ''} mencatat entri terakhir #{anchored_id} "
            f"(hash {short_hash}…), tetapi jejak hanya sampai #{last}: entri #{first_lost} sampai #{anchored_id} "
            "dihapus dari ujung rantai"
        ]
    if row.hash != anchored.get("hash"):
        return [
            f"Jejak audit: entri #{anchored_id} tidak sama dengan yang dicatat jangkar {path.name if path else ''} "
            f"(hash {short_hash}…): ujung rantai telah ditulis ulang"
        ]
    return []


def anchor_at_start() -> list[str]:
    """At every start: the anchor's problems; a missing anchor (first start, or a database from
    before anchoring) is made from the current head."""
    problems = anchor_problems()
    if not problems:
        try:
            if read_anchor() is None:
                write_anchor(head())
            else:
                _advance_anchor()
        except (OSError, ServiceError):
            pass  # reported by check
    return problems


def note_backup(file: Path, at_head: Head | None) -> None:
    """Remember in the anchor file which head a named backup was made at."""
    try:
        anchor = read_anchor() or {}
    except ServiceError:
        return
    backups = [item for item in anchor.get("backups", []) if item.get("file") != file.name]
    backups.append({"file": file.name, **(at_head.as_dict() if at_head else {"id": 0, "hash": "", "count": 0}),
                    "at": datetime.now(UTC).isoformat(timespec="seconds")})  # fmt: skip
    write_anchor(head(), backups)


def reset_anchor(actor: str | Actor, reason: str) -> Head | None:
    """Accept the chain as it is now (after a reported truncation was examined): the old anchor goes
    into an audit entry with the reason, and the anchor is set to the new head."""
    reason = reason.strip()
    if not reason:
        raise ServiceError("Alasan wajib diisi untuk mengatur ulang jangkar jejak audit")
    try:
        anchor = read_anchor()
    except ServiceError as exc:
        anchor = {"tidak_terbaca": str(exc)}
    with database.atomic():
        record(actor, "jangkar_audit_diatur_ulang", "audit", "jangkar", before=anchor and anchor.get("head", anchor),
               after={"alasan": reason, "masalah": anchor_problems()})  # fmt: skip
    current = head()
    write_anchor(current)
    return current


def record_export(actor: str | Actor | None, kind: str, out: Path, rows: int | None = None,
                  **details: Any) -> None:  # fmt: skip
    """An export that carries personal data (names, NIP, phone numbers) is itself an audit entry."""
    after: dict[str, Any] = {"jenis": kind, "berkas": str(out)}
    if rows is not None:
        after["baris"] = rows
    after.update({key: value for key, value in details.items() if value not in (None, "")})
    with database.atomic():
        record(actor or "tidak-dikenal", "ekspor_data", "berkas", out.name, after=after)
