"""The "Sambutan" tab of an AMB-SAMBUTAN request: every version (text or file), the corrections asked
by the Ketua Tim or the Pimpinan, the Ketua Tim's paraf, and two versions compared side by side."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.indonesian import format_datetime
from ...services import permissions
from ...services import speeches as sp
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row, RowsModel
from ..rights import show_permission
from ..widgets import read_only_table
from .common import RecordTab, select_key, selected_key
from .models import DiffModel

VERSION_HEADERS = ["Versi", "Nama", "Isi", "Dibuat", "Oleh", "Koreksi", "Paraf Ketua Tim"]
SPEECH_FILTER = "Dokumen sambutan (*.docx *.doc *.odt *.pdf *.rtf *.txt)"


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)
    return button


class SpeechTab(RecordTab):
    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(request_id, context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pages = QTabWidget()
        self.pages.addTab(self._versions_page(), "Versi")
        self.pages.addTab(self._compare_page(), "Bandingkan")
        layout.addWidget(self.pages, 1)
        self.version_table.selectionModel().selectionChanged.connect(self._show_selected)
        self.version_table.doubleClicked.connect(self.open_file)
        self.save_text_button.clicked.connect(self.add_text_version)
        self.file_button.clicked.connect(self.add_file_version)
        self.team_button.clicked.connect(self.correct_by_team)
        self.leader_button.clicked.connect(self.correct_by_leader)
        self.paraf_button.clicked.connect(self.paraf)
        self.open_button.clicked.connect(self.open_file)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.compare_button.clicked.connect(self.compare)
        self.refresh()

    def _versions_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.current = QLabel()
        self.current.setTextFormat(Qt.TextFormat.RichText)
        self.current.setWordWrap(True)
        layout.addWidget(self.current)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.version_model = RowsModel(VERSION_HEADERS, self)
        self.version_table = read_only_table(self.version_model, widths=(44, 76, 56, 100, 90, 58))
        splitter.addWidget(self.version_table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText("Pilih satu versi untuk melihat teksnya.")
        right_layout.addWidget(self.preview, 2)
        self.corrections = QLabel()
        self.corrections.setWordWrap(True)
        self.corrections.setTextFormat(Qt.TextFormat.RichText)
        self.corrections.setAlignment(Qt.AlignmentFlag.AlignTop)
        right_layout.addWidget(self.corrections, 1)
        buttons = QHBoxLayout()
        self.team_button = _button("Koreksi Ketua Tim…")
        self.leader_button = _button("Koreksi Pimpinan…")
        self.paraf_button = _button("Paraf Ketua Tim")
        self.open_button = _button("Buka berkas")
        self.withdraw_button = _button("Tarik versi…")
        for button in (self.team_button, self.leader_button, self.paraf_button, self.open_button, self.withdraw_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setSizes([600, 440])
        layout.addWidget(splitter, 1)
        new = QGroupBox("Versi baru")
        new_layout = QHBoxLayout(new)
        self.new_text = QPlainTextEdit()
        self.new_text.setPlaceholderText("Tempel atau ketik teks sambutan di sini…")
        self.new_text.setFixedHeight(84)
        new_layout.addWidget(self.new_text, 1)
        column = QVBoxLayout()
        self.save_text_button = _button("Simpan teks sebagai versi baru")
        self.file_button = _button("Versi baru dari berkas…")
        column.addWidget(self.save_text_button)
        column.addWidget(self.file_button)
        column.addStretch(1)
        new_layout.addLayout(column)
        layout.addWidget(new)
        return page

    def _compare_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Kiri"))
        self.left = QComboBox()
        self.left.setMinimumContentsLength(20)
        bar.addWidget(self.left)
        bar.addWidget(QLabel("Kanan"))
        self.right = QComboBox()
        self.right.setMinimumContentsLength(20)
        bar.addWidget(self.right)
        self.compare_button = _button("Bandingkan")
        bar.addWidget(self.compare_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.diff_summary = QLabel("Kuning: baris berubah · merah: dihapus · hijau: ditambah.")
        self.diff_summary.setStyleSheet("color: #555555;")
        layout.addWidget(self.diff_summary)
        self.diff_model = DiffModel(self)
        self.diff_table = read_only_table(self.diff_model, widths=(40, 420, 40))
        layout.addWidget(self.diff_table, 1)
        return page

    # -- filling
    def refresh(self) -> None:
        zone = active_office().zone
        selected = selected_key(self.version_table)
        versions = sp.versions(self.request_id)
        self.version_model.set_rows(
            [
                Row(
                    (
                        v.number,
                        v.label,
                        v.kind,
                        format_datetime(v.created_at.astimezone(zone)),
                        v.created_by,
                        len(v.corrections) or "",
                        f"{v.paraf_by}, {format_datetime(v.paraf_at.astimezone(zone))}" if v.paraf_at else "",
                    ),
                    key=v.id,
                    bold=v.current,
                    tooltip="Versi terkini" if v.current else "",
                )
                for v in versions
            ]
        )
        current = versions[-1] if versions else None
        if current is None:
            self.current.setText("Belum ada versi sambutan. Simpan konsep pertama di bawah.")
        else:
            state = f"diparaf {current.paraf_by}" if current.paraf_at else "belum diparaf Ketua Tim"
            if current.corrections and not current.paraf_at:
                state = f"{len(current.corrections)} koreksi menunggu revisi"
            self.current.setText(f"Versi terkini: <b>{current.label}</b> (versi {current.number}) — {state}")
        for combo, default in ((self.left, -2), (self.right, -1)):
            combo.blockSignals(True)
            combo.clear()
            for v in versions:
                combo.addItem(f"{v.number}. {v.label}", v.id)
            if versions:
                combo.setCurrentIndex(max(0, len(versions) + default))
            combo.blockSignals(False)
        if selected is not None:
            select_key(self.version_table, selected)
        elif current is not None:
            select_key(self.version_table, current.id)
        self._show_selected()

    def selected_version(self) -> sp.VersionRow | None:
        key = selected_key(self.version_table)
        return next((v for v in sp.versions(self.request_id) if v.id == key), None)

    def _show_selected(self, *_: object) -> None:
        version = self.selected_version()
        actor = self.context.actor()
        for button in (self.leader_button, self.withdraw_button):
            button.setEnabled(version is not None)
        show_permission(self.team_button, permissions.can_speech_team_correction(actor), available=version is not None)
        state = ""  # why a selected version cannot be initialled, whoever asks
        if version is not None and not version.current:
            state = "Hanya versi terbaru yang dapat diparaf"
        elif version is not None and version.paraf_at is not None:
            state = f"{version.label} sudah diparaf oleh {version.paraf_by}"
        show_permission(
            self.paraf_button, permissions.can_speech_paraf(actor), state,
            available=version is not None and not state,
        )  # fmt: skip
        self.open_button.setEnabled(version is not None and bool(version.stored_name))
        if version is None:
            self.preview.setPlainText("")
            self.corrections.setText("")
            return
        if version.text:
            self.preview.setPlainText(version.text)
        else:
            try:
                self.preview.setPlainText(sp.version_text(version.id, self.context.paths.attachments))
            except Exception as exc:  # a PDF or an unreadable file: say so in the preview
                self.preview.setPlainText(f"({version.original_name}: {exc})")
        zone = active_office().zone
        items = "".join(
            f"<li><b>{c.source}</b> ({c.requested_by}, {format_datetime(c.at.astimezone(zone))}): {c.text}</li>"
            for c in version.corrections
        )
        self.corrections.setText(f"<b>Koreksi</b><ul>{items}</ul>" if items else "<i>Belum ada koreksi.</i>")

    # -- actions
    def add_text_version(self) -> bool:
        ok = self.run(
            "Versi tidak disimpan",
            lambda: sp.add_version(self.request_id, self.context.actor(), text=self.new_text.toPlainText()),
        )
        if ok:
            self.new_text.clear()
            self._select_current()
        return ok

    def add_file_version(self) -> bool:
        path = self.context.dialogs.open_file(self, "Pilih berkas sambutan", SPEECH_FILTER)
        if not path:
            return False
        ok = self.run(
            "Versi tidak disimpan",
            lambda: sp.add_version(
                self.request_id, self.context.actor(), file=Path(path), files_dir=self.context.paths.attachments
            ),
        )
        if ok:
            self._select_current()
        return ok

    def _select_current(self) -> None:
        current = sp.current_version(self.request_id)
        if current is not None:
            select_key(self.version_table, current.id)

    def _correct(self, source: str) -> bool:
        version = self.selected_version()
        if version is None:
            return False
        text = self.context.dialogs.ask_text(self, f"Koreksi {source}", f"Koreksi {source} atas {version.label}:")
        if text is None:
            return False
        return self.run(
            "Koreksi tidak dicatat", lambda: sp.add_correction(version.id, source, text, self.context.actor())
        )

    def correct_by_team(self) -> bool:
        return self._correct("Ketua Tim")

    def correct_by_leader(self) -> bool:
        return self._correct("Pimpinan")

    def paraf(self) -> bool:
        version = self.selected_version()
        if version is None:
            return False
        return self.run("Paraf tidak dicatat", lambda: sp.paraf(version.id, self.context.actor()))

    def withdraw(self) -> bool:
        version = self.selected_version()
        if version is None:
            return False
        reason = self.context.dialogs.ask_text(self, "Tarik versi", f"Alasan menarik {version.label}:")
        if reason is None:
            return False
        return self.run("Versi tidak ditarik", lambda: sp.withdraw_version(version.id, reason, self.context.actor()))

    def open_file(self, *_: object) -> None:
        version = self.selected_version()
        if version is not None and version.stored_name:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.paths.attachments / version.stored_name)))

    def compare(self) -> bool:
        left, right = self.left.currentData(), self.right.currentData()
        if left is None or right is None:
            self.context.dialogs.error(self, "Bandingkan", "Perlu minimal satu versi untuk dibandingkan")
            return False
        try:
            lines = sp.compare(int(left), int(right), self.context.paths.attachments)
        except Exception as exc:
            self.context.dialogs.error(self, "Tidak dapat dibandingkan", str(exc))
            return False
        self.diff_model.set_lines(lines, self.left.currentText(), self.right.currentText())
        self.diff_table.resizeRowsToContents()
        changed = sum(1 for line in lines if line.tag != "equal")
        self.diff_summary.setText(
            f"{changed} baris berbeda dari {len(lines)}. Kuning: baris berubah · merah: dihapus · hijau: ditambah."
        )
        return True
