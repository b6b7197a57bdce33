"""Who may do what, checked in the services (the GUI only hides what would be refused anyway)."""

from __future__ import annotations

from . import Actor, ServiceError
from .office import active_office

ADMIN_ROLE = "Admin"


def top_role() -> str:
    office = active_office()
    return office.ranked_roles[0].name if office.roles else ADMIN_ROLE


def is_manager(actor: Actor) -> bool:
    """Admin, or the office's highest role (the Kabag)."""
    return actor.role in (ADMIN_ROLE, top_role())


def require_manager(actor: Actor, what: str) -> None:
    """Refuse ``what`` unless ``actor`` is an Admin or the Kabag; the message says why."""
    if not is_manager(actor):
        raise ServiceError(
            f"{what} hanya boleh dilakukan oleh {ADMIN_ROLE} atau {top_role()}; {actor.name} ({actor.role}) ditolak"
        )
