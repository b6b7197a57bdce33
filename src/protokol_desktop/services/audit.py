"""The audit trail: every change (who, when, what, before and after), appended and never edited.

Each entry carries the SHA-256 of its own content and of the entry before it, so an edited entry
no longer matches its hash and a removed one breaks the chain; :func:`verify_chain` names the entry.
Entries are written inside the transaction of the change they record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from peewee import SqliteDatabase

from ..store.models import AuditEntry, database
from . import Actor

GENESIS = "0" * 64


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(prev_hash: str, at: datetime, actor: str, action: str, entity: str, entity_id: str,
               before: str, after: str) -> str:  # fmt: skip
    payload = "\x1f".join(
        [
            prev_hash,
            at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
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
    return AuditEntry.create(
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
        item = AuditRow(row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.before, row.after)
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
