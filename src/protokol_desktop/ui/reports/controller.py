"""Runs a report export in the background with a cancellable progress dialog, then offers to open
the file or its folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from ...services import ServiceError
from ...services.board_frame import BoardFilter
from ...services.report_jobs import Cancelled, ReportResult, write_report
from ..context import AppContext
from ..widgets import office_today
from ..worker import BackgroundTask, Job
from .view import ReportsView


class ReportsController(QObject):
    exportFinished = Signal(object)
    """A report was written (its ReportResult)."""
    exportEnded = Signal()
    """The export ended: written, failed or cancelled (the dialog is closed, the button enabled)."""

    def __init__(self, view: ReportsView, context: AppContext, board_filter) -> None:  # noqa: ANN001
        super().__init__(view)
        self.view = view
        self.context = context
        self._board_filter = board_filter  # callable returning the board's current BoardFilter
        self.task: BackgroundTask | None = None
        self.last: ReportResult | None = None
        view.export_button.clicked.connect(self.ask_and_export)
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

    def ask_and_export(self) -> None:
        """The button: asks where to save, then exports. (Connected without arguments: ``clicked``
        carries a ``checked`` flag that must never reach :meth:`export` as the file.)"""
        self.export()

    def export(self, out: Path | None = None) -> Job | None:
        """Export the chosen report to ``out`` (asked for when ``None``) in the background; returns
        the running job, or ``None`` when nothing was started."""
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
        target = out
        actor = self.context.actor()  # the export is an audit entry in their name

        def work(progress, cancelled):  # noqa: ANN001, ANN202 - runs in the worker thread
            return write_report(kind, date_from, date_to, target, criteria, progress, cancelled, actor=actor)

        self.task = BackgroundTask(
            self.view, self.context.dialogs, "Ekspor laporan", "Menyiapkan laporan…", work,
            actions=[self.view.export_button], failure_title="Laporan gagal dibuat", cancel_type=Cancelled,
            errors=(ServiceError, OSError),
        )  # fmt: skip
        self.task.finished.connect(self._on_finished)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.ended.connect(self.exportEnded)
        self.view.result.setText("")
        self.task.start()
        return self.task.job

    def _on_finished(self, result: ReportResult) -> None:
        self.last = result
        self.view.result.setText(f"{result.title} ({result.summary}) disimpan ke {result.path}")
        self.view.open_file.setVisible(True)
        self.view.open_folder.setVisible(True)
        self.exportFinished.emit(result)

    def _on_cancelled(self) -> None:
        self.view.result.setText("Ekspor dibatalkan; tidak ada berkas yang ditulis.")

    def open_file(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path)))

    def open_folder(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path.parent)))
