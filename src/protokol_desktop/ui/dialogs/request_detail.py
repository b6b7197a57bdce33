"""Request detail: the SOP's steps as a timeline, requirements, attachments, history and the
actions of the current step. The dialog lays out and emits; the controller decides and refreshes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.permissions import ALLOWED, Permission
from ..models.rows import RowsModel
from ..rights import show_permission
from ..screen_fit import fit_dialog
from ..widgets import read_only_table

TIMELINE_HEADERS = [
    "Langkah", "Putaran", "Uraian", "Pelaksana", "Keadaan", "Mulai", "Selesai",
    "Waktu aktual", "Standar", "Output", "Oleh", "Catatan",
]  # fmt: skip
HISTORY_HEADERS = ["Waktu", "Oleh", "Tindakan", "Keterangan"]


class RequestDetailDialog(QDialog):
    startRequested = Signal()
    completeRequested = Signal()
    pauseRequested = Signal()
    resumeRequested = Signal()
    holdRequested = Signal()
    releaseRequested = Signal()
    cancelRequested = Signal()
    assignRequested = Signal()
    attachRequested = Signal()
    requirementToggled = Signal(int, bool)  # position, fulfilled
    attachmentOpened = Signal(str)  # stored name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rincian Permohonan")
        fit_dialog(self, QSize(1100, 640))
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        summary = QWidget()
        self.summary_form = QFormLayout(summary)
        self.tabs.addTab(summary, "Ringkasan")

        self.timeline_model = RowsModel(TIMELINE_HEADERS, self)
        self.timeline = read_only_table(self.timeline_model, fit_columns=True, single=False)
        self.timeline.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.timeline.horizontalHeader().resizeSection(2, 300)
        self.timeline.horizontalHeader().setSectionResizeMode(11, QHeaderView.ResizeMode.Interactive)
        self.tabs.addTab(self.timeline, "Langkah SOP")

        self.requirements = QListWidget()
        self.tabs.addTab(self.requirements, "Persyaratan")

        self.attachments = QListWidget()
        self.tabs.addTab(self.attachments, "Lampiran")

        self.history_model = RowsModel(HISTORY_HEADERS, self)
        self.history = read_only_table(self.history_model, fit_columns=True, single=False)
        self.tabs.addTab(self.history, "Riwayat")

        # Two rows of buttons: the step's and the request's, so that the dialog fits 1024 pixels.
        actions = QHBoxLayout()
        step_actions = QHBoxLayout()
        self.start_button = QPushButton("Mulai")
        self.complete_button = QPushButton("Selesaikan langkah…")
        self.pause_button = QPushButton("Jeda pewaktu…")
        self.resume_button = QPushButton("Lanjutkan pewaktu")
        self.hold_button = QPushButton("Tunda…")
        self.release_button = QPushButton("Aktifkan kembali")
        self.assign_button = QPushButton("Tugaskan…")
        self.attach_button = QPushButton("Tambah lampiran…")
        self.cancel_button = QPushButton("Batalkan permohonan…")
        self.close_button = QPushButton("Tutup")
        for button in (
            self.start_button, self.complete_button, self.pause_button, self.resume_button, self.hold_button,
            self.release_button,
        ):  # fmt: skip
            step_actions.addWidget(button)
        step_actions.addStretch(1)
        for button in (self.assign_button, self.attach_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout.addLayout(step_actions)
        layout.addLayout(actions)

        self.start_button.clicked.connect(self.startRequested)
        self.complete_button.clicked.connect(self.completeRequested)
        self.pause_button.clicked.connect(self.pauseRequested)
        self.resume_button.clicked.connect(self.resumeRequested)
        self.hold_button.clicked.connect(self.holdRequested)
        self.release_button.clicked.connect(self.releaseRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.assign_button.clicked.connect(self.assignRequested)
        self.attach_button.clicked.connect(self.attachRequested)
        self.close_button.clicked.connect(self.accept)
        self.requirements.itemChanged.connect(self._requirement_changed)
        self.attachments.itemDoubleClicked.connect(self._attachment_opened)
        self._filling = False

    def add_tab(self, title: str, widget: QWidget) -> None:
        """A service's own records (visit checklist, rundown, speech versions…) as an extra tab."""
        self.tabs.insertTab(self.tabs.count() - 1, widget, title)

    def set_summary(self, pairs: list[tuple[str, str]]) -> None:
        while self.summary_form.rowCount():
            self.summary_form.removeRow(0)
        for label, value in pairs:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary_form.addRow(f"{label}:", text)

    def set_requirements(self, items: list[tuple[str, bool, bool]]) -> None:
        """(text, required, fulfilled) per persyaratan, in order."""
        self._filling = True
        self.requirements.clear()
        for position, (text, required, fulfilled) in enumerate(items):
            item = QListWidgetItem(text + ("" if required else " (jika perlu)"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if fulfilled else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, position)
            self.requirements.addItem(item)
        self._filling = False

    def set_attachments(self, items: list[tuple[str, str]]) -> None:
        """(label, stored name)."""
        self.attachments.clear()
        for label, stored in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, stored)
            self.attachments.addItem(item)

    def set_actions(self, shown: dict[str, bool], rights: dict[str, Permission] | None = None) -> None:
        """Show the actions the request's state allows; of those, the ones this user may not take
        are disabled with the reason as their tooltip."""
        rights = rights or {}
        buttons = {
            "start": self.start_button, "complete": self.complete_button, "pause": self.pause_button,
            "resume": self.resume_button, "hold": self.hold_button, "release": self.release_button,
            "cancel": self.cancel_button, "assign": self.assign_button, "attach": self.attach_button,
        }  # fmt: skip
        for key, button in buttons.items():
            button.setVisible(shown.get(key, False))
            show_permission(button, rights.get(key, ALLOWED))

    def _requirement_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        self.requirementToggled.emit(
            int(item.data(Qt.ItemDataRole.UserRole)), item.checkState() == Qt.CheckState.Checked
        )

    def _attachment_opened(self, item: QListWidgetItem) -> None:
        self.attachmentOpened.emit(str(item.data(Qt.ItemDataRole.UserRole)))
