"""Long work off the GUI thread: a Qt-free job runs in the global QThreadPool and reports progress
and its end by signal; the GUI stays responsive and the job can be cancelled."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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
    """Runs ``function(progress, is_cancelled)``; ``errors`` maps exception types to messages."""

    def __init__(self, function: Callable[[Callable[[int, str], None], Callable[[], bool]], Any],
                 cancel_type: type[BaseException], errors: tuple[type[BaseException], ...]) -> None:  # fmt: skip
        super().__init__()
        self.signals = JobSignals()
        self._function = function
        self._cancel_type = cancel_type
        self._errors = errors
        self._stop = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            result = self._function(self.signals.progress.emit, self._stop.is_set)
        except self._cancel_type:
            self.signals.cancelled.emit()
        except self._errors as exc:
            self.signals.failed.emit(str(exc))
        else:
            self.signals.finished.emit(result)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
