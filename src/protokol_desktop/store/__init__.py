"""Storage: peewee models on SQLite, schema versions and migrations, seed loading."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peewee import Database

    from ..paths import AppPaths


def open_store(paths: AppPaths, database_url: str | None = None, password: str | None = None) -> Database:
    """Open and migrate the office database — the SQLite file of ``paths``, or the PostgreSQL server
    at ``database_url`` — and seed it on first start."""
    from .db import open_database, open_server_database, parse_database_url, set_anchor_path
    from .seed import seed_database

    if database_url:
        db: Database = open_server_database(database_url, password)
        # A server has no folder of its own here: each PC anchors the head it saw in its data folder.
        where = parse_database_url(database_url)
        name = "-".join(str(where.get(key, "")) for key in ("host", "port", "database"))
        safe = "".join(c if c.isalnum() or c in ".-" else "_" for c in name)
        set_anchor_path(paths.data / f"jangkar-audit-server-{safe}.json")
    else:
        db = open_database(paths.database, backup_dir=paths.backups)
    seed_database()
    return db
