"""Audit viewer with filters and export; backups now, the backup folder, and the restore wizard."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ...domain.indonesian import format_datetime
from ...services import ServiceError, audit, backup
from ...services.office import active_office
from ...services.permissions import require_manager
from ..context import AppContext
from ..models.rows import Row
from ..worker import BackgroundTask, JobCancelled
from .view import TrustView

SHOWN = 2000


class TrustController(QObject):
    restored = Signal()
    """The database was replaced by a backup: everything reloads."""
    jobEnded = Signal()
    """A background job of this page (verify, export, backup, restore check) ended, whichever way."""

    def __init__(self, view: TrustView, context: AppContext) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        self.task: BackgroundTask | None = None
        view.search.textChanged.connect(self.apply)
        view.actor.textChanged.connect(self.apply)
        view.action.currentIndexChanged.connect(self.apply)
        view.use_dates.toggled.connect(self.apply)
        view.date_from.dateChanged.connect(self.apply)
        view.date_to.dateChanged.connect(self.apply)
        view.verify_button.clicked.connect(self.verify)
        view.export_button.clicked.connect(self.export)
        view.backup_button.clicked.connect(self.backup_now)
        view.folder_button.clicked.connect(self.choose_folder)
        view.restore_button.clicked.connect(self.restore)

    def reload(self) -> None:
        self.view.action.blockSignals(True)
        self.view.action.clear()
        self.view.action.addItem("Semua tindakan", "")
        for name in audit.actions():
            self.view.action.addItem(name.replace("_", " "), name)
        self.view.action.blockSignals(False)
        self.apply()
        self._show_backups()

    def _filters(self) -> dict:
        zone = active_office().zone
        since = until = None
        if self.view.use_dates.isChecked():
            since = datetime.combine(self.view.date_from.date().toPython(), time(0), zone)
            until = datetime.combine(self.view.date_to.date().toPython() + timedelta(days=1), time(0), zone)
        return {
            "text": self.view.search.text(),
            "actor": self.view.actor.text().strip(),
            "action": self.view.action.currentData() or "",
            "since": since,
            "until": until,
        }

    def apply(self) -> None:
        zone = active_office().zone
        rows = audit.entries(**self._filters(), limit=SHOWN)
        self.view.model.set_rows(
            [
                Row(
                    (
                        r.id,
                        format_datetime(r.at.astimezone(zone)),
                        r.actor,
                        r.action.replace("_", " "),
                        r.entity,
                        r.entity_id,
                        r.before,
                        r.after,
                    )
                )  # fmt: skip
                for r in rows
            ]
        )
        more = " (hanya yang terbaru ditampilkan)" if len(rows) >= SHOWN else ""
        self.view.status.setText(f"{len(rows)} entri{more}")

    def _run(self, title: str, label: str, work, done, failure_title: str, cancellable: bool = False) -> None:  # noqa: ANN001
        """Run ``work`` off the GUI thread behind a progress dialog, the page's long actions disabled
        meanwhile; ``done(result)`` runs on the GUI thread when it succeeded."""
        view = self.view
        actions = [view.verify_button, view.export_button, view.backup_button, view.restore_button]
        self.task = BackgroundTask(view, self.context.dialogs, title, label, work, actions, failure_title,
                                   cancellable=cancellable, errors=(ServiceError, OSError))  # fmt: skip
        self.task.finished.connect(done)
        self.task.ended.connect(self.jobEnded)
        self.task.start()

    def verify(self) -> None:
        """Check the whole audit chain (every entry's hash) in the background."""
        self._run("Periksa jejak audit", "Memeriksa setiap entri jejak audit…", lambda progress, cancelled:
                  audit.verify_chain(), self._verified, "Pemeriksaan gagal")  # fmt: skip

    def _verified(self, problems: list[str]) -> None:
        if problems:
            self.context.dialogs.error(self.view, "Jejak audit RUSAK", "\n".join(problems[:20]))
        else:
            self.context.dialogs.info(self.view, "Jejak audit utuh", "Semua entri tersambung dan tidak berubah.")

    def export(self) -> None:
        from ...services.audit_file import export_trail

        today = datetime.now(UTC).astimezone(active_office().zone)
        suggested = self.context.paths.exports / f"jejak-audit-{today:%Y%m%d}.xlsx"
        chosen = self.context.dialogs.save_file(self.view, "Ekspor jejak audit", str(suggested), "Excel (*.xlsx)")
        if not chosen:
            return
        filters, out, actor = self._filters(), Path(chosen), self.context.actor()

        def work(progress, cancelled):  # noqa: ANN001, ANN202 - in the worker thread
            progress(10, "Membaca dan menulis jejak audit…")
            count = export_trail(out, actor, text=filters["text"], actor_filter=filters["actor"],
                                 action=filters["action"], since=filters["since"], until=filters["until"])  # fmt: skip
            if cancelled():
                out.unlink(missing_ok=True)
                raise JobCancelled
            return count

        def done(count: int) -> None:
            self.apply()  # the export is an entry of its own
            self.context.dialogs.file_written(self.view, "Ekspor berhasil", f"{count} entri disimpan ke:", chosen)

        self._run("Ekspor jejak audit", "Menyiapkan ekspor…", work, done, "Ekspor gagal", cancellable=True)

    def _show_backups(self) -> None:
        folder = backup.backup_folder(self.context.paths)
        self.view.folder.setText(str(folder))
        found = backup.backups_in(folder)
        if found:
            # The names carry this PC's clock; shown on the office's.
            zone = active_office().zone
            newest = ", ".join(format_datetime(stamp.astimezone(zone)) for stamp, _ in found[:3])
            self.view.backups.setText(f"{len(found)} cadangan; terbaru: {newest}")
        else:
            self.view.backups.setText("Belum ada cadangan.")

    def backup_now(self) -> None:
        """An online backup of the database into the backup folder, in the background."""
        folder = backup.backup_folder(self.context.paths)
        target = folder / f"{backup.PREFIX}{datetime.now():{backup.STAMP}}{backup.SUFFIX}"
        actor = self.context.actor()

        def work(progress, cancelled):  # noqa: ANN001, ANN202 - in the worker thread
            made = backup.backup_to(target, actor)
            backup.rotate(folder)
            return made

        def done(made: Path) -> None:
            self._show_backups()
            self.context.dialogs.info(self.view, "Cadangan dibuat", str(made))

        self._run("Cadangan", "Membuat cadangan basis data…", work, done, "Cadangan gagal")

    def choose_folder(self) -> None:
        try:
            require_manager(self.context.actor(), "Mengganti folder cadangan")
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Ditolak", str(exc))
            return
        chosen = self.context.dialogs.choose_folder(self.view, "Pilih folder cadangan", str(self.view.folder.text()))
        if chosen:
            backup.set_backup_folder(Path(chosen))
            self._show_backups()

    def restore(self) -> None:
        """The restore wizard: pick a file, check it, say what will happen, ask, restore."""
        try:
            require_manager(self.context.actor(), "Memulihkan basis data")
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Ditolak", str(exc))
            return
        folder = backup.backup_folder(self.context.paths)
        chosen = self.context.dialogs.open_file(
            self.view, "Pilih berkas cadangan", "Cadangan (*.sqlite3);;Semua (*)", str(folder)
        )
        if not chosen:
            return
        source = Path(chosen)
        try:
            backup.refuse_if_busy(self.context.paths)
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Pemulihan ditolak", str(exc))
            return
        # Reading and checking the whole file (integrity, consistency and audit chain, on a copy) is
        # the long part: in the background. Replacing the database closes its connection, which
        # belongs to the GUI thread: there, after the answer.
        paths = self.context.paths
        self._run("Periksa cadangan", f"Memeriksa {source.name}…",
                  lambda progress, cancelled: backup.inspect_backup(paths, source),
                  lambda inspection: self._restore_checked(source, folder, inspection),
                  "Pemeriksaan gagal")  # fmt: skip

    def _restore_checked(self, source: Path, folder: Path, inspection: backup.Inspection) -> None:
        if inspection.problems:
            self.context.dialogs.error(self.view, "Cadangan tidak dapat dipakai", "\n".join(inspection.problems))
            return
        reason = None
        if inspection.findings:
            shown = "\n".join(f"• {finding}" for finding in inspection.findings[:10])
            more = f"\n… dan {len(inspection.findings) - 10} masalah lain" if len(inspection.findings) > 10 else ""
            if not self.context.dialogs.confirm(
                self.view,
                "Cadangan GAGAL pemeriksaan",
                f"Berkas {source.name} gagal pemeriksaan keutuhan dan jejak audit:\n\n{shown}{more}\n\n"
                "Berkas seperti ini mungkin telah diubah di luar aplikasi. Memulihkannya tetap dicatat di jejak "
                "audit beserta alasannya. Tetap pulihkan?",
            ):
                return
            reason = self.context.dialogs.ask_text(
                self.view, "Alasan pemulihan", "Mengapa berkas yang gagal pemeriksaan tetap dipulihkan?"
            )
            if reason is None:
                return
            if not reason.strip():
                message = "Alasan wajib diisi; tidak ada yang diubah."
                self.context.dialogs.error(self.view, "Pemulihan dibatalkan", message)
                return
        state = "gagal pemeriksaan (alasan Anda dicatat)" if reason else "sudah diperiksa dan utuh"
        if not self.context.dialogs.confirm(
            self.view,
            "Pulihkan basis data?",
            f"Berkas {source.name} {state}.\n\nBasis data saat ini akan disimpan terpisah di "
            f"{self.context.paths.backups}, lalu diganti dengan isi cadangan ini. Perubahan sesudah cadangan "
            f"dibuat tidak ada di sana.\n\nLanjutkan? (folder cadangan: {folder})",
        ):
            return
        try:
            aside = backup.restore(self.context.paths, source, actor=self.context.actor(), force_reason=reason)
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Pemulihan gagal", str(exc))
            return
        self.context.dialogs.info(
            self.view, "Pemulihan selesai", f"Data dipulihkan dari {source.name}. Basis data sebelumnya: {aside}"
        )
        self.restored.emit()
