"""Protokol Desktop: the SOPs, requests, board and reports of a regional protocol office."""

__version__ = "0.1.0"

from .store.driver import import_peewee  # noqa: E402

import_peewee()  # before any module imports peewee: the PostgreSQL driver only when a server is used
