"""Long work off the GUI thread: a Qt-free job runs in the global QThreadPool and reports progress
and its end by signal; the GUI stays responsive and the job can be cancelled.

:class:`Job` is the runnable; :class:`BackgroundTask` is what a controller uses: it disables the
action that started the job, shows a progress dialog (with *Batal* when the job can stop), and on
every end — done, refused, cancelled or an unexpected error — closes the dialog, says what happened
in Indonesian and enables the action again. A job that raises something nobody expected still ends
that way: the user is told, the error is logged, nothing is left waiting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, str], None], Callable[[], bool]], Any]


class JobCancelled(Exception):
    """Raised by a job's ``progress`` callback once the user has asked the job to stop."""


def unexpected_message(exc: BaseException) -> str:
    """What the user reads when a job fails in a way no service foresaw."""
    return (
        f"Terjadi kesalahan yang tidak terduga: {type(exc).__name__}: {exc}\n\n"
        "Pekerjaan dihentikan. Coba sekali lagi; bila terulang, laporkan pesan ini ke petugas TI."
    )


def _release_connection() -> None:
    """Close the database connection this pool thread opened (connections are per thread): none is
    left open on a file that a restore replaces, or holding a server connection while idle."""
    from ..store.db import close_database

    try:
        close_database()
    except Exception:  # closing must not turn a finished job into a failed one
        log.exception("closing the worker's database connection failed")


class JobSignals(QObject):
    progress = Signal(int, str)
    """Percent done and what is being done."""
    finished = Signal(object)
    """The job's result."""
    failed = Signal(str)
    """An error message for the user."""
    cancelled = Signal()
    """The job stopped because it was asked to; nothing was written."""


class Job(QRunnable):
    """Runs ``function(progress, is_cancelled)``. ``errors`` are the exceptions whose message is meant
    for the user (a service's refusal, a file that cannot be written); anything else is reported
    with :func:`unexpected_message`. Either way exactly one of the end signals is emitted."""

    def __init__(self, function: Work, cancel_type: type[BaseException] = JobCancelled,
                 errors: tuple[type[BaseException], ...] = ()) -> None:  # fmt: skip
        super().__init__()
        self.signals = JobSignals()
        self._function = function
        self._cancel_type = cancel_type
        self._errors = errors
        self._stop = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._stop.set()

    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def _progress(self, percent: int, text: str) -> None:
        if self._stop.is_set():
            raise self._cancel_type()
        self.signals.progress.emit(percent, text)

    def run(self) -> None:
        try:
            result = self._function(self._progress, self._stop.is_set)
        except (self._cancel_type, JobCancelled):
            end, args = self.signals.cancelled, ()
        except self._errors as exc:
            end, args = self.signals.failed, (str(exc),)
        except Exception as exc:  # a worker must never die silently: the dialog would wait for ever
            log.exception("background job failed")
            end, args = self.signals.failed, (unexpected_message(exc),)
        else:
            end, args = self.signals.finished, (result,)
        _release_connection()  # before the GUI hears of the end (it may replace the database next)
        end.emit(*args)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)


class BackgroundTask(QObject):
    """One run of a job behind a progress dialog, started by :meth:`start`.

    ``actions`` (buttons, menu actions) are disabled while it runs and enabled again at its end.
    On failure the dialog closes and ``dialogs.error`` shows ``failure_title`` with the message.
    ``cancellable`` gives the dialog a *Batal* button that asks the job to stop (the job stops at its
    next progress report); without it the dialog only shows that the work goes on."""

    finished = Signal(object)
    """The job's result."""
    failed = Signal(str)
    """The message the user was shown."""
    cancelled = Signal()
    """The user cancelled; the job stopped."""
    ended = Signal()
    """The job ended, whichever way (after the dialog closed and the actions were enabled)."""

    def __init__(
        self,
        parent: QWidget,
        dialogs: Any,
        title: str,
        label: str,
        function: Work,
        actions: Sequence[Any] = (),
        failure_title: str = "",
        cancellable: bool = True,
        cancel_type: type[BaseException] = JobCancelled,
        errors: tuple[type[BaseException], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.dialogs = dialogs
        self.failure_title = failure_title or f"{title} gagal"
        self.actions = list(actions)
        self.job = Job(function, cancel_type, errors)
        self.dialog = QProgressDialog(label, "Batal" if cancellable else "", 0, 100 if cancellable else 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        if cancellable:
            self.dialog.canceled.connect(self.cancel)
        else:
            self.dialog.setCancelButton(None)
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(self._on_finished)
        self.job.signals.failed.connect(self._on_failed)
        self.job.signals.cancelled.connect(self._on_cancelled)
        self.running = False

    def start(self) -> BackgroundTask:
        for action in self.actions:
            action.setEnabled(False)
        self.running = True
        self.dialog.setValue(0)
        self.job.start()
        return self

    def cancel(self) -> None:
        self.job.cancel()
        if self.running:
            self.dialog.setLabelText("Menghentikan…")

    def _on_progress(self, percent: int, text: str) -> None:
        if self.running:
            self.dialog.setLabelText(text)
            if self.dialog.maximum():
                self.dialog.setValue(min(99, max(0, percent)))

    def _close(self) -> None:
        self.running = False
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        for action in self.actions:
            action.setEnabled(True)

    def _on_finished(self, result: object) -> None:
        self._close()
        self.finished.emit(result)
        self.ended.emit()

    def _on_failed(self, message: str) -> None:
        self._close()
        self.dialogs.error(self.parent_widget, self.failure_title, message)
        self.failed.emit(message)
        self.ended.emit()

    def _on_cancelled(self) -> None:
        self._close()
        self.cancelled.emit()
        self.ended.emit()
