"""Moving an office's SQLite data to a PostgreSQL server (``protokol-desktop migrate-to URL``).

Every table is copied in dependency order inside one transaction on the server, ids kept; the
server's id sequences are moved past the copied ids; then the row counts of every table and the
audit chain are verified on the server. The SQLite file is only read (opened read-only).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peewee import AutoField, Database, SqliteDatabase

from ..store.db import SCHEMA_VERSION, DatabaseError, open_server_database, schema_version
from ..store.models import database
from . import ServiceError
from .audit import verify_chain

BATCH = 500


def every_model() -> list:
    """All tables in dependency order (parents before children)."""
    from ..store import events, records
    from ..store.models import ALL_MODELS

    return [*ALL_MODELS, *records.TABLES, *events.TABLES, *events.V7_TABLES]


@dataclass(frozen=True)
class MigrationReport:
    counts: dict[str, int]
    audit_entries: int


def _source(path: Path) -> SqliteDatabase:
    if not path.exists():
        raise ServiceError(f"Basis data {path} tidak ada")
    source = SqliteDatabase(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    source.connect()
    version = schema_version(source)
    if version != SCHEMA_VERSION:
        source.close()
        raise ServiceError(
            f"Basis data {path.name} berskema {version}; buka dulu dengan aplikasi versi ini (skema {SCHEMA_VERSION})"
        )
    return source


def _counts(db: Database, models: list) -> dict[str, int]:
    with db.bind_ctx(models):
        return {model._meta.table_name: model.select().count() for model in models}


def migrate_to(sqlite_path: Path, url: str, password: str | None = None) -> MigrationReport:
    models = every_model()
    source = _source(sqlite_path)
    try:
        expected = _counts(source, models)
        try:
            target = open_server_database(url, password)  # migrates the schema, binds the models
        except DatabaseError as exc:
            raise ServiceError(str(exc)) from exc
        if any(_counts(target, models).values()):
            raise ServiceError("Basis data di server sudah berisi data; pemindahan hanya ke basis data kosong")
        with target.atomic():
            for model in models:
                with source.bind_ctx([model]):
                    rows = list(model.select().dicts())
                with target.bind_ctx([model]):
                    for start in range(0, len(rows), BATCH):
                        model.insert_many(rows[start : start + BATCH]).execute()
                if isinstance(model._meta.primary_key, AutoField) and rows:
                    table = model._meta.table_name
                    target.execute_sql(
                        f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT MAX(id) FROM \"{table}\"))"
                    )
        actual = _counts(target, models)
        if actual != expected:
            wrong = [f"{t}: {expected[t]} → {actual.get(t)}" for t in expected if expected[t] != actual.get(t)]
            raise ServiceError("Jumlah baris berbeda setelah pemindahan: " + "; ".join(wrong))
        problems = verify_chain()
        if problems:
            raise ServiceError("Jejak audit di server tidak utuh: " + "; ".join(problems[:5]))
        return MigrationReport(actual, actual.get("audit_entry", 0))
    finally:
        source.close()
        if database.obj is not None and not database.obj.is_closed():
            database.obj.close()
