"""Exporting the audit trail to a file that can be filed, and verifying such a file later.

An export names the office, period, filter, time zone, who exported it and the chain's state and
head, and is itself an audit entry (the trail names people). :func:`verify_export` reads a filed
export back and checks every row three ways: its content recomputes to its own hash, that hash
follows the previous hash it names, and the database holds the same entry with the same hash and
content; the chain in the database is verified too. Each problem is one Indonesian line naming the
entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..domain.indonesian import format_date_long, format_datetime
from ..store.models import AuditEntry
from . import Actor, ServiceError, audit
from .office import active_office


def _period_text(since: datetime | None, until: datetime | None, zone: Any) -> str:
    if since is None and until is None:
        return "Semua tanggal"
    start = format_date_long(since.astimezone(zone).date()) if since else "awal"
    from datetime import timedelta

    end = format_date_long((until.astimezone(zone) - timedelta(microseconds=1)).date()) if until else "sekarang"
    return f"{start} s.d. {end}"


def _filter_text(text: str, actor: str, action: str) -> str:
    parts = []
    if text.strip():
        parts.append(f'teks "{text.strip()}"')
    if actor.strip():
        parts.append(f'oleh "{actor.strip()}"')
    if action:
        parts.append(f"tindakan {action}")
    return "; ".join(parts) if parts else "Tanpa saringan (semua entri)"


def export_trail(
    out: Path,
    actor: Actor | str,
    text: str = "",
    actor_filter: str = "",
    action: str = "",
    since: datetime | None = None,
    until: datetime | None = None,
    now: datetime | None = None,
) -> int:
    """Write the entries the filter selects to ``out``; returns how many. Recorded in the trail."""
    from ..export.audit_xlsx import AuditExportMeta, write_audit

    if out.suffix.lower() != ".xlsx":
        raise ServiceError(f"Berkas keluaran harus berakhiran .xlsx: {out}")
    office = active_office()
    zone = office.zone
    rows = audit.entries(text=text, actor=actor_filter, action=action, since=since, until=until, limit=None)
    rows.reverse()  # oldest first, as the chain runs
    problems = audit.verify_chain() + audit.anchor_problems()
    head = audit.head()
    who = f"{actor.name} ({actor.role})" if isinstance(actor, Actor) else actor
    meta = AuditExportMeta(
        office=f"{office.unit}, {office.organisation}",
        period=_period_text(since, until, zone),
        filters=_filter_text(text, actor_filter, action),
        zone_label=f"{office.timezone} ({getattr(zone, 'key', zone)}); kolom Waktu dalam zona ini",
        exported_by=who,
        exported_at=format_datetime((now or datetime.now(UTC)).astimezone(zone)) + f" {office.timezone}",
        chain_state="Utuh" if not problems else f"RUSAK: {'; '.join(problems[:5])}",
        chain_head=f"Entri #{head.id}, hash {head.hash} ({head.count} entri)" if head else "Belum ada entri",
    )
    write_audit(out, rows, zone, meta)
    audit.record_export(actor, "jejak_audit", out, len(rows), periode=meta.period, saringan=meta.filters)
    return len(rows)


@dataclass
class Verification:
    checked: int = 0
    last_id: int = 0
    problems: list[str] = field(default_factory=list)


FIELDS = (("actor", "Oleh"), ("action", "Tindakan"), ("entity", "Objek"), ("entity_id", "Kunci"),
          ("before", "Sebelum"), ("after", "Sesudah"))  # fmt: skip


def verify_export(path: Path) -> Verification:
    """Compare a filed audit export with the chain in the open database."""
    from ..export.audit_xlsx import read_audit

    result = Verification()
    if not path.is_file():
        result.problems.append(f"Berkas {path} tidak ada")
        return result
    try:
        heading, rows = read_audit(path)
    except (ValueError, OSError, KeyError) as exc:
        result.problems.append(f"Berkas {path.name} bukan ekspor jejak audit Protokol Desktop: {exc}")
        return result
    except Exception as exc:  # openpyxl raises its own errors for a file that is not a workbook
        result.problems.append(f"Berkas {path.name} tidak dapat dibaca sebagai Excel: {exc}")
        return result
    stated = heading.get("Jumlah entri", "")
    if stated.isdigit() and int(stated) != len(rows):
        result.problems.append(
            f"Berkas memuat {len(rows)} entri, tetapi kepalanya mencatat {stated}: ada baris yang dihapus atau ditambah"
        )
    stored = {row.id: row for row in AuditEntry.select().where(AuditEntry.id.in_([r.id for r in rows]))} if rows else {}
    for row in rows:
        label = f"Entri #{row.id} (baris {row.row})"
        try:
            at = datetime.strptime(row.utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        except ValueError:
            result.problems.append(f"{label}: waktu UTC '{row.utc}' tidak sah (diubah)")
            continue
        own = audit.entry_hash(row.prev_hash, at, row.actor, row.action, row.entity, row.entity_id, row.before,
                               row.after)  # fmt: skip
        if own != row.hash:
            result.problems.append(f"{label}: isi baris di berkas tidak cocok dengan hash-nya sendiri (diubah)")
        entry = stored.get(row.id)
        if entry is None:
            result.problems.append(f"{label}: tidak ada di jejak audit basis data (dihapus sesudah diekspor?)")
            continue
        if entry.hash != row.hash:
            result.problems.append(f"{label}: hash di berkas berbeda dengan jejak audit basis data")
        changed = [title for name, title in FIELDS if str(getattr(entry, name)) != getattr(row, name)]
        if audit.utc_text(entry.at) != row.utc:
            changed.insert(0, "Waktu UTC")
        if entry.prev_hash != row.prev_hash:
            changed.append("Hash entri sebelumnya")
        if changed:
            result.problems.append(f"{label}: kolom {', '.join(changed)} berbeda dengan jejak audit basis data")
        result.checked += 1
        result.last_id = max(result.last_id, row.id)
    previous: dict[int, str] = {row.id: row.hash for row in rows}
    for row in rows:  # consecutive rows in the file must chain onto each other
        if row.id - 1 in previous and previous[row.id - 1] != row.prev_hash:
            result.problems.append(f"Entri #{row.id}: tidak tersambung dengan entri #{row.id - 1} di berkas")
    result.problems.extend(audit.verify_chain())
    result.problems.extend(audit.anchor_problems())
    return result
