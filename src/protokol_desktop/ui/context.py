"""What every controller needs: the data paths, the dialog seam and who is working."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..paths import AppPaths
from ..services import Actor
from ..services.office import active_office, current_actor
from .dialog_service import DialogService


@dataclass
class AppContext:
    paths: AppPaths
    dialogs: DialogService = field(default_factory=DialogService)

    def actor(self) -> Actor:
        """The person working at this PC; before anyone is chosen, the office's highest role."""
        chosen = current_actor()
        if chosen is not None:
            return Actor(*chosen)
        office = active_office()
        top = office.ranked_roles[0].name if office.roles else "Admin"
        return Actor("Petugas", top)
