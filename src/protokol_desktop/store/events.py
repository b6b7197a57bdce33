"""Tables of the leaders' agenda, events, speeches and the SOP Protokol (schema v5)."""

from __future__ import annotations

from .models import BaseModel

TABLES: list[type[BaseModel]] = []
