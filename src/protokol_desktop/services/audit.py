"""The audit trail: every change (who, when, what, before and after), appended and never edited.

Each entry carries the SHA-256 of its own content and of the entry before it, so an edited entry
no longer matches its hash and a removed one breaks the chain; :func:`verify_chain` names the entry.
Entries are written inside the transaction of the change they record.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from ..store.models import AuditEntry
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
