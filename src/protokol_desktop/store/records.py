"""Tables of the records the guest-visit, Bimtek and complaint services produce (schema v4)."""

from __future__ import annotations

from .models import BaseModel

TABLES: list[type[BaseModel]] = []
