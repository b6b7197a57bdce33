"""What every controller needs: the data paths, the dialog seam and who is logged in."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..paths import AppPaths
from ..services import Actor
from ..services.users import Account
from .dialog_service import DialogService


@dataclass
class AppContext:
    paths: AppPaths
    dialogs: DialogService = field(default_factory=DialogService)
    account: Account | None = None

    def actor(self) -> Actor:
        """The logged-in user. Every service call names them; the services check their role."""
        if self.account is None:
            raise RuntimeError("no one is logged in")
        return self.account.actor
