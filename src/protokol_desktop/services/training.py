"""Training data (*data latihan*) and an office's own work, told apart.

``demo`` marks every request it makes (``request.training``). The window shows a *mode latihan* banner
while the database holds any, the board marks their cards and the register their status. Before
``demo`` writes, :func:`office_work` says what in the data folder is the office's own (requests not
made by ``demo``, complaints, agenda entries, user accounts beyond the first administrator, SOP
revisions and office days it set), so training data is not mixed into it unless asked explicitly.
"""

from __future__ import annotations

from ..store.models import OfficeDay, Request, SopRevision, User
from ..store.records import Complaint
from . import ServiceError

TRAINING_LABEL = "latihan"


class OfficeDataPresent(ServiceError):
    """The data folder already holds an office's work; ``work`` lists it (Indonesian phrases)."""

    def __init__(self, work: list[str]) -> None:
        super().__init__(f"Folder data ini sudah berisi pekerjaan kantor: {', '.join(work)}")
        self.work = work


def training_count() -> int:
    """How many training requests the database holds."""
    return int(Request.select().where(Request.training).count())


def holds_training_data() -> bool:
    return Request.select(Request.id).where(Request.training).exists()


def office_work() -> list[str]:
    """What in this database is the office's own work, as Indonesian phrases ("12 permohonan");
    empty for a new data folder or one that holds training data only."""
    from ..store.events import AgendaEntry

    counts = [
        (Request.select().where(~Request.training).count(), "permohonan"),
        (Complaint.select().count(), "pengaduan"),
        (AgendaEntry.select().count(), "acara agenda pimpinan"),
        (max(0, User.select().count() - 1), "akun pengguna selain admin pertama"),
        (SopRevision.select().where(SopRevision.created_by != "sistem").count(), "revisi SOP buatan kantor"),
        (OfficeDay.select().count(), "hari libur/hari kerja kantor"),
    ]
    return [f"{count:,}".replace(",", ".") + f" {label}" for count, label in counts if count]


def mark_training(request_id: int) -> None:
    """Mark one request as training data (inside the transaction that made it)."""
    Request.update(training=True).where(Request.id == request_id).execute()
