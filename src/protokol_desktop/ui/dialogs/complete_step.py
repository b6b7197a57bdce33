"""Completing the current step: the output the SOP names, a note, an attachment, the keputusan's
answer, "atas nama" when a higher role completes a lower role's step, and what the step's gates
still lack (with the override, and its reason, only for a user allowed to override)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.sop import Step
from ...services.permissions import ALLOWED, Permission
from ..dialog_service import DialogService
from ..widgets import literal
from .intake import ATTACHMENT_FILTER


@dataclass(frozen=True)
class Completion:
    output: str
    note: str
    answer: bool | None
    on_behalf: bool
    attachment: Path | None
    gate_override: str = ""


class CompleteStepDialog(QDialog):
    def __init__(
        self,
        step: Step,
        step_role: str,
        actor_role: str,
        dialogs: DialogService,
        answer: bool | None = None,
        parent: QWidget | None = None,
        *,
        on_behalf: bool = False,
        missing: Sequence[str] = (),
        override: Permission = ALLOWED,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Selesaikan Langkah {step.number}")
        self.setMinimumWidth(520)
        self._step = step
        self._dialogs = dialogs
        self._attachment: Path | None = None
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>Langkah {step.number}</b> — {step.uraian}")
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(QLabel(f"Pelaksana: {step.executor} ({step_role}) · Waktu standar: {step.waktu or '-'}"))
        form = QFormLayout()
        self.output = QLineEdit(step.output)
        form.addRow("Output", self.output)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        form.addRow("Catatan", self.note)
        attach = QHBoxLayout()
        self.attachment_label = QLabel("(tidak ada)")
        self.attach_button = QPushButton("Lampirkan…")
        attach.addWidget(self.attachment_label, 1)
        attach.addWidget(self.attach_button)
        form.addRow("Lampiran", attach)
        layout.addLayout(form)
        self.yes = QRadioButton("Ya")
        self.no = QRadioButton("Tidak")
        self.answers = QButtonGroup(self)
        self.answers.addButton(self.yes)
        self.answers.addButton(self.no)
        if step.decision is not None:
            question = QLabel(f"<b>{step.decision.question}</b>")
            question.setWordWrap(True)
            layout.addWidget(question)
            row = QHBoxLayout()
            yes_to = f"kembali ke langkah {step.decision.yes}" if step.decision.yes else "selesai"
            no_to = f"lanjut ke langkah {step.decision.no}" if step.decision.no else "selesai"
            self.yes.setText(f"Ya ({yes_to})")
            self.no.setText(f"Tidak ({no_to})")
            row.addWidget(self.yes)
            row.addWidget(self.no)
            layout.addLayout(row)
            if answer is True:
                self.yes.setChecked(True)
            elif answer is False:
                self.no.setChecked(True)
        self.on_behalf = QCheckBox(literal(f"Saya ({actor_role}) menyelesaikan atas nama {step_role}"))
        self._needs_behalf = on_behalf  # offered only where the rules allow "atas nama"
        self.on_behalf.setVisible(self._needs_behalf)
        layout.addWidget(self.on_behalf)
        self._missing = tuple(missing)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.RichText)
        self.missing.setVisible(bool(self._missing))
        layout.addWidget(self.missing)
        self.override = QCheckBox("Selesaikan tanpa syarat ini, dengan alasan (dicatat di riwayat dan jejak audit)")
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText("Alasan melewati syarat")
        self._may_override = bool(override)
        for widget in (self.override, self.override_reason):
            widget.setVisible(bool(self._missing) and self._may_override)
            layout.addWidget(widget)
        self.override_reason.setEnabled(False)
        self.override.toggled.connect(self.override_reason.setEnabled)
        if self._missing:
            items = "".join(f"<li>{escape(text)}</li>" for text in self._missing)
            tail = "" if self._may_override else f"<br><i>{escape(override.reason)}</i>"
            self.missing.setText(
                f"<b style='color:#c62828'>Langkah ini belum dapat diselesaikan:</b><ul>{items}</ul>{tail}"
            )
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton("Selesaikan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.override.toggled.connect(self._show_ok)
        self._show_ok()
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.attach_button.clicked.connect(self._pick)
        self.result_value: Completion | None = None

    def _show_ok(self, *_: object) -> None:
        """With a gate unmet, "Selesaikan" waits for the override; without the right to it, it stays
        disabled and says why."""
        blocked = bool(self._missing) and not self.override.isChecked()
        self.ok_button.setEnabled(not blocked)
        self.ok_button.setToolTip("Lengkapi dulu syarat di atas" if blocked else "")

    def _pick(self) -> None:
        path = self._dialogs.open_file(self, "Pilih lampiran", ATTACHMENT_FILTER)
        if path:
            self._attachment = Path(path)
            self.attachment_label.setText(self._attachment.name)

    def _accept(self) -> None:
        answer = None
        if self._step.decision is not None:
            if not (self.yes.isChecked() or self.no.isChecked()):
                self._dialogs.error(self, "Jawaban diperlukan", f"Jawab dulu: {self._step.decision.question}")
                return
            answer = self.yes.isChecked()
        reason = ""
        if self._missing:
            reason = self.override_reason.text().strip()
            if not (self._may_override and self.override.isChecked()) or not reason:
                self._dialogs.error(self, "Alasan diperlukan", "Tulis alasan melewati syarat langkah ini")
                return
        self.result_value = Completion(
            output=self.output.text(),
            note=self.note.toPlainText(),
            answer=answer,
            on_behalf=self._needs_behalf and self.on_behalf.isChecked(),
            attachment=self._attachment,
            gate_override=reason,
        )
        self.accept()

    @classmethod
    def get_completion(
        cls,
        step: Step,
        step_role: str,
        actor_role: str,
        dialogs: DialogService,
        answer: bool | None = None,
        parent: QWidget | None = None,
        *,
        on_behalf: bool = False,
        missing: Sequence[str] = (),
        override: Permission = ALLOWED,
    ) -> Completion | None:
        dialog = cls(
            step, step_role, actor_role, dialogs, answer, parent, on_behalf=on_behalf, missing=missing,
            override=override,
        )  # fmt: skip
        return dialog.result_value if dialog.exec() else None
