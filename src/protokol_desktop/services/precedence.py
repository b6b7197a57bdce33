"""The office's alias table of titles: the shipped defaults (``resources/precedence/aliases.json``)
and the aliases the office adds (table ``precedence_alias``), read together as one
:class:`~..domain.precedence.AliasTable` by the guest list and the SOP Protokol.

An alias must stand for a title the precedence rules recognise, so that adding one always gives a
place; an office alias may replace a default one with the same spelling (its own Perda, say), and
removing it brings the default back. Defaults cannot be removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ..domain import precedence
from ..paths import resource_dir
from ..store.events import PrecedenceAlias
from ..store.models import Setting, database
from . import Actor, ServiceError, audit
from .events import now_utc, require_known, text, who

DEFAULTS_FORMAT = "protokol-desktop/precedence-aliases"
ORDER_KEY = "precedence_order"  # Setting: the office's order of the huruf groups, "tier:order" strings


@lru_cache(maxsize=1)
def default_aliases() -> tuple[precedence.Alias, ...]:
    """The shipped aliases; a broken file is a packaging error and says so."""
    path = resource_dir() / "precedence" / "aliases.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != DEFAULTS_FORMAT:
        raise ValueError(f"{path}: bukan daftar sebutan jabatan ({DEFAULTS_FORMAT})")
    return tuple(precedence.Alias(item["alias"], item["meaning"], builtin=True) for item in data["aliases"])


def _office_aliases() -> list[precedence.Alias]:
    return [
        precedence.Alias(row.written, row.meaning)
        for row in PrecedenceAlias.select().order_by(PrecedenceAlias.written)
    ]


def alias_table() -> precedence.AliasTable:
    """Defaults, then the office's own (which win where both spell the same alias)."""
    return precedence.AliasTable([*default_aliases(), *_office_aliases()])


@dataclass(frozen=True)
class AliasRow:
    alias: str
    meaning: str
    builtin: bool
    group: str  # where the meaning ranks ("Pasal 11 huruf f: Sekda, …")
    replaced: bool = False  # a default the office has replaced with its own meaning


def alias_rows() -> list[AliasRow]:
    """Every alias for the dialog: the office's first, then the defaults."""
    table = alias_table()
    own = _office_aliases()
    own_keys = {precedence.normalise(a.alias) for a in own}
    rows = [AliasRow(a.alias, a.meaning, False, precedence.group_label(precedence.classify(a.meaning, table)))
            for a in own]  # fmt: skip
    for item in default_aliases():
        rank = precedence.classify(item.meaning, table)
        replaced = precedence.normalise(item.alias) in own_keys
        rows.append(AliasRow(item.alias, item.meaning, True, precedence.group_label(rank), replaced))
    return rows


def preview(alias: str, meaning: str) -> str:
    """What a new alias would do, in the words the dialog shows."""
    if not meaning.strip():
        return "Tulis jabatan yang dimaksud, mis. Kepala Dinas Kesehatan."
    rank = precedence.classify(meaning, alias_table())
    if not rank.known:
        return f'"{meaning.strip()}" belum dikenali: tulis jabatan yang ada dalam urutan UU 9/2010.'
    name = alias.strip() or "Sebutan ini"
    return f"{name} akan ditempatkan sebagai {precedence.group_label(rank)}."


def add_alias(alias: str, meaning: str, actor: Actor, now: datetime | None = None) -> AliasRow:
    """Add (or replace) the office's alias ``alias`` for the recognised title ``meaning``."""
    now = now_utc(now)
    require_known(actor)
    written = text(alias, "Sebutan", required=True, max_length=200)
    meant = text(meaning, "Jabatan yang dimaksud", required=True, max_length=300)
    key = precedence.normalise(written)
    if not key:
        raise ServiceError(f'Sebutan "{written}" tidak berisi huruf atau angka')
    if key == precedence.normalise(meant):
        raise ServiceError("Sebutan dan jabatan yang dimaksud sama; tidak ada yang perlu ditambah")
    table = alias_table()
    rank = precedence.classify(meant, table)
    if not rank.known:
        raise ServiceError(
            f'Jabatan "{meant}" tidak dikenali dalam urutan UU 9/2010; tulis jabatan yang dikenal, '
            "mis. Kepala Dinas Kesehatan, Kapolres, Camat"
        )
    with database.atomic():
        before = PrecedenceAlias.get_or_none(PrecedenceAlias.alias_key == key)
        if before is None:
            PrecedenceAlias.create(alias_key=key, written=written, meaning=meant, created_at=now, created_by=actor.name)
        else:
            PrecedenceAlias.update(written=written, meaning=meant).where(PrecedenceAlias.id == before.id).execute()
        audit.record(
            who(actor), "sebutan_jabatan", "tata_tempat", key,
            None if before is None else {"sebutan": before.written, "jabatan": before.meaning},
            {"sebutan": written, "jabatan": meant}, now,
        )  # fmt: skip
    return AliasRow(written, meant, False, precedence.group_label(rank))


def remove_alias(alias: str, actor: Actor, now: datetime | None = None) -> None:
    """Remove the office's own alias (a default one cannot be removed)."""
    now = now_utc(now)
    require_known(actor)
    key = precedence.normalise(alias)
    with database.atomic():
        row = PrecedenceAlias.get_or_none(PrecedenceAlias.alias_key == key)
        if row is None:
            if any(precedence.normalise(a.alias) == key for a in default_aliases()):
                raise ServiceError(f'"{alias}" adalah sebutan bawaan aplikasi dan tidak dapat dihapus')
            raise ServiceError(f'Sebutan "{alias}" tidak ada')
        PrecedenceAlias.delete().where(PrecedenceAlias.id == row.id).execute()
        audit.record(
            who(actor), "sebutan_jabatan_dihapus", "tata_tempat", key,
            {"sebutan": row.written, "jabatan": row.meaning}, None, now,
        )  # fmt: skip


# --- the order of the huruf groups -----------------------------------------------------------------


def _group_text(group: tuple[int, int]) -> str:
    return f"{group[0]}:{group[1]}"


def order_table() -> precedence.OrderTable:
    """The office's order of the huruf groups (UU 9/2010 until the office changes it)."""
    row = Setting.get_or_none(Setting.key == ORDER_KEY)
    if row is None:
        return precedence.OrderTable()
    groups = []
    for item in json.loads(row.value):
        tier, order = (int(part) for part in item.split(":"))
        groups.append((tier, order))
    return precedence.OrderTable(groups)


@dataclass(frozen=True)
class GroupRow:
    key: str  # "tier:order"
    label: str  # "Pasal 11 huruf f: Sekda, …"
    moved: bool  # not at its place in the law


def group_order_rows() -> list[GroupRow]:
    table = order_table()
    law = precedence.OrderTable().groups
    labels = {(r.tier, r.order): precedence.group_label(r) for r in precedence.group_choices()}
    return [GroupRow(_group_text(g), labels[g], law.index(g) != i) for i, g in enumerate(table.groups)]


def _save_order(table: precedence.OrderTable, actor: Actor, detail: str, now: datetime) -> None:
    before = Setting.get_or_none(Setting.key == ORDER_KEY)
    with database.atomic():
        if table.is_law:
            Setting.delete().where(Setting.key == ORDER_KEY).execute()
        else:
            value = json.dumps([_group_text(g) for g in table.groups])
            Setting.insert(key=ORDER_KEY, value=value).on_conflict(
                conflict_target=[Setting.key], preserve=[Setting.value]
            ).execute()
        audit.record(who(actor), "urutan_golongan", "tata_tempat", ORDER_KEY,
                     None if before is None else before.value, detail, now)  # fmt: skip


def move_group(key: str, delta: int, actor: Actor, now: datetime | None = None) -> None:
    """Move a huruf group one place up or down within its tier (the office's Perda)."""
    from .permissions import require_manager

    now = now_utc(now)
    require_manager(actor, "Mengubah urutan golongan tata tempat")
    table = order_table()
    try:
        tier, order = (int(part) for part in key.split(":"))
        moved = table.moved((tier, order), delta)
    except ValueError as exc:
        raise ServiceError(f"Golongan itu tidak dapat dipindah: {exc}") from exc
    label = next(r.label for r in group_order_rows() if r.key == key)
    _save_order(moved, actor, f"{label} {'naik' if delta < 0 else 'turun'}", now)


def reset_group_order(actor: Actor, now: datetime | None = None) -> None:
    """Back to the order of UU 9/2010."""
    from .permissions import require_manager

    now = now_utc(now)
    require_manager(actor, "Mengubah urutan golongan tata tempat")
    _save_order(precedence.OrderTable(), actor, "urutan UU 9/2010", now)
