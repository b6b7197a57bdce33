"""Runs a report export in the background with a cancellable progress dialog, then offers to open
the file or its folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog

from ...services import ServiceError
from ...services.board_frame import BoardFilter
from ...services.report_jobs import Cancelled, ReportResult, write_report
from ..context import AppContext
from ..widgets import office_today
from ..worker import Job
from .view import ReportsView


class ReportsController(QObject):
    exportFinished = Signal(object)
    """A report was written (its ReportResult)."""
    exportEnded = Signal()
    """The export ended: written, failed or cancelled."""

    def __init__(self, view: ReportsView, context: AppContext, board_filter) -> None:  # noqa: ANN001
        super().__init__(view)
        self.view = view
        self.context = context
        self._board_filter = board_filter  # callable returning the board's current BoardFilter
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.last: ReportResult | None = None
        view.export_button.clicked.connect(self.export)
        view.this_month.clicked.connect(self.this_month)
        view.last_month.clicked.connect(self.last_month)
        view.open_file.clicked.connect(self.open_file)
        view.open_folder.clicked.connect(self.open_folder)

    def reload(self) -> None:
        """Nothing to load: the page is a form."""

    def this_month(self) -> None:
        today = office_today()
        self.view.date_from.setDate(QDate(today.year(), today.month(), 1))
        self.view.date_to.setDate(today)

    def last_month(self) -> None:
        first = office_today().addMonths(-1)
        start = QDate(first.year(), first.month(), 1)
        self.view.date_from.setDate(start)
        self.view.date_to.setDate(start.addMonths(1).addDays(-1))

    def export(self, out: Path | None = None) -> Job | None:
        kind = str(self.view.kind.currentData())
        date_from: date = self.view.date_from.date().toPython()
        date_to: date = self.view.date_to.date().toPython()
        if date_to < date_from:
            self.context.dialogs.error(self.view, "Periode tidak sah", "Tanggal akhir tidak boleh sebelum tanggal awal")
            return None
        if out is None:
            suggested = self.context.paths.exports / f"{kind}-{date_from:%Y%m%d}-{date_to:%Y%m%d}.xlsx"
            chosen = self.context.dialogs.save_file(self.view, "Simpan laporan", str(suggested), "Excel (*.xlsx)")
            if not chosen:
                return None
            out = Path(chosen)
            if out.suffix.lower() != ".xlsx":
                out = out.with_suffix(".xlsx")
        criteria: BoardFilter | None = self._board_filter() if self.view.use_board_filter.isChecked() else None
        actor = self.context.actor()  # the export is an audit entry in their name

        def work(progress, cancelled):  # noqa: ANN001, ANN202 - runs in the worker thread
            return write_report(kind, date_from, date_to, out, criteria, progress, cancelled, actor=actor)

        self.job = Job(work, Cancelled, (ServiceError, OSError))
        self.progress = QProgressDialog("Menyiapkan laporan…", "Batal", 0, 100, self.view)
        self.progress.setWindowTitle("Ekspor laporan")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.job.cancel)
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(self._on_finished)
        self.job.signals.failed.connect(self._on_failed)
        self.job.signals.cancelled.connect(self._on_cancelled)
        self.view.export_button.setEnabled(False)
        self.job.start()
        return self.job

    def _end(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress = None
        self.view.export_button.setEnabled(True)
        self.exportEnded.emit()

    def _on_progress(self, percent: int, text: str) -> None:
        if self.progress is not None:
            self.progress.setLabelText(text)
            self.progress.setValue(percent)

    def _on_finished(self, result: ReportResult) -> None:
        self.last = result
        self.view.result.setText(f"{result.title} ({result.summary}) disimpan ke {result.path}")
        self.view.open_file.setVisible(True)
        self.view.open_folder.setVisible(True)
        self._end()
        self.exportFinished.emit(result)

    def _on_failed(self, message: str) -> None:
        self._end()
        self.context.dialogs.error(self.view, "Laporan gagal dibuat", message)

    def _on_cancelled(self) -> None:
        self.view.result.setText("Ekspor dibatalkan; tidak ada berkas yang ditulis.")
        self._end()

    def open_file(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path)))

    def open_folder(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path.parent)))
