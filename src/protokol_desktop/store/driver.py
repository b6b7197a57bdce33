"""peewee without the PostgreSQL driver until a server is used.

peewee imports psycopg2 (and with it libpq and OpenSSL) the moment it is imported: about 15 ms of
every start, although a single-PC office never talks to a server. :func:`import_peewee`, which the
package runs first, imports peewee with psycopg2 out of sight, so peewee records the driver as
missing; :func:`load_server_driver` hands peewee the driver before the first server connection, as
peewee's own import would have (``peewee >= 4.5, < 5``; the PostgreSQL tests guard it).
"""

from __future__ import annotations

import sys


def import_peewee() -> None:
    if "peewee" in sys.modules or "psycopg2" in sys.modules:
        return
    sys.modules["psycopg2"] = None  # type: ignore[assignment]  # makes "import psycopg2" fail at once
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg2"]


def load_server_driver() -> None:
    """Give peewee psycopg2 (a no-op when it already has it)."""
    import peewee

    if peewee.psycopg2 is not None:
        return
    import psycopg2
    from psycopg2 import extensions, extras

    extras.register_uuid()
    peewee.psycopg2 = psycopg2
    peewee.pg_extensions = extensions
    peewee.Json_pg2 = extras.Json
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
