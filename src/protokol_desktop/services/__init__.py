"""Use cases of Protokol Desktop: no Qt. Every write runs in one transaction; errors are
:class:`ServiceError` with an Indonesian message, and a refused action changes nothing."""

from __future__ import annotations

from dataclasses import dataclass


class ServiceError(Exception):
    """A refused or impossible action; ``str(error)`` is the message shown to the user."""


@dataclass(frozen=True)
class Actor:
    """Who acts: a person's name and the office role they act in (a role of the active office)."""

    name: str
    role: str
