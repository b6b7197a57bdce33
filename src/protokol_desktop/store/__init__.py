"""Storage: peewee models on SQLite, schema versions and migrations, seed loading."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peewee import SqliteDatabase

    from ..paths import AppPaths


def open_store(paths: AppPaths) -> SqliteDatabase:
    """Open and migrate the database of ``paths`` and seed it on first start."""
    from .db import open_database
    from .seed import seed_database

    db = open_database(paths.database, backup_dir=paths.backups)
    seed_database()
    return db
