"""Storage: peewee models on SQLite, schema versions and migrations, seed loading."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peewee import Database

    from ..paths import AppPaths


def open_store(paths: AppPaths, database_url: str | None = None, password: str | None = None) -> Database:
    """Open and migrate the office database — the SQLite file of ``paths``, or the PostgreSQL server
    at ``database_url`` — and seed it on first start."""
    from .db import open_database, open_server_database
    from .seed import seed_database

    if database_url:
        db: Database = open_server_database(database_url, password)
    else:
        db = open_database(paths.database, backup_dir=paths.backups)
    seed_database()
    return db
