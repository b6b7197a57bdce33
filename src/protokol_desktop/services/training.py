"""Training data (*data latihan*) and an office's own work, told apart.

``demo`` marks every request it makes (``request.training``). The window shows a *mode latihan* banner
while the database holds any, the board marks their cards and the register their status. Before
``demo`` writes, :func:`office_work` says what in the data folder is the office's own (requests not
made by ``demo``, complaints, agenda entries, user accounts beyond the first administrator, SOP
revisions and office days it set), so training data is not mixed into it unless asked explicitly.
:func:`remove_training` takes the training requests out again, with every record that hangs on them,
in one transaction and as one audit entry: the trail keeps what happened to them, the office's
registers and board no longer show them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.models import Attachment, OfficeDay, Request, SopRevision, User, database
from . import Actor, ServiceError

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
    from ..store.records import Complaint

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


def _delete_with_dependents(model: Any, condition: Any) -> int:
    """Delete ``model``'s rows matching ``condition`` and, first, every row that refers to them: rows
    whose reference may be empty (a complaint linked to the request) are unlinked, not deleted."""
    ids = model.select(model.id).where(condition)
    for field, child in model._meta.backrefs.items():
        if field.null:
            child.update({field: None}).where(field.in_(ids)).execute()
        else:
            _delete_with_dependents(child, field.in_(ids))
    return int(model.delete().where(condition).execute())


def remove_training(actor: Actor, attachments: Path | None = None) -> int:
    """Remove every training request (made by ``demo``) with its steps, history, records and
    attachments; returns how many. One transaction, one audit entry; the office's own requests are
    untouched. Admin or Kabag only."""
    from ..store import events, records  # noqa: F401 - their models refer to requests too (backrefs)
    from . import audit  # not at import: the window reads training_count() before its first paint
    from .permissions import can_manage

    can_manage(actor, "Menghapus data latihan").enforce()
    with database.atomic():
        training = Request.training == True  # noqa: E712 - a peewee expression
        count = Request.select().where(training).count()
        if not count:
            raise ServiceError("Tidak ada data latihan di basis data ini")
        files = {row.stored_name for row in Attachment.select(Attachment.stored_name)
                 .join(Request).where(training)}  # fmt: skip
        _delete_with_dependents(Request, training)
        still_used = {row.stored_name for row in Attachment.select(Attachment.stored_name)
                      .where(Attachment.stored_name.in_(list(files)))} if files else set()  # fmt: skip
        audit.record(actor, "data_latihan_dihapus", "demo", "", {"permohonan_latihan": count}, None)
    if attachments is not None:
        for name in files - still_used:
            (attachments / name).unlink(missing_ok=True)
    return count
