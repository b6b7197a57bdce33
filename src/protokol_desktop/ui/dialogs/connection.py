"""Which database this PC uses: the local file, or the office's PostgreSQL server. The address is
kept in settings.ini; the password never is (libpq's pgpass or PGPASSWORD, or asked at start)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...paths import AppPaths
from ...settings import SettingsError, database_url, set_database_url
from ...store.db import DatabaseError, check_server
from ..dialog_service import DialogService
from ..widgets import literal


class ConnectionDialog(QDialog):
    def __init__(self, paths: AppPaths, dialogs: DialogService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Koneksi Basis Data")
        self.setMinimumWidth(560)
        self._paths = paths
        self._dialogs = dialogs
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Satu PC: berkas lokal, tanpa instalasi apa pun. Beberapa PC dalam satu kantor: satu server "
            "PostgreSQL di jaringan kantor, agar semua melihat papan kerja yang sama. Berlaku setelah aplikasi "
            "dibuka ulang."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.local = QRadioButton(literal(f"Berkas lokal (SQLite): {paths.database}"))
        self.server = QRadioButton("Server PostgreSQL")
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://pengguna@192.168.1.10:5432/protokol")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("hanya untuk uji koneksi; tidak disimpan")
        form.addRow("Alamat server", self.url)
        form.addRow("Kata sandi", self.password)
        layout.addLayout(form)
        self.test_button = QPushButton("Uji koneksi")
        layout.addWidget(self.test_button)
        buttons = QDialogButtonBox()
        buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        current = database_url(paths)
        self.server.setChecked(bool(current))
        self.local.setChecked(not current)
        self.url.setText(current or "")
        self.server.toggled.connect(self._toggle)
        self._toggle(self.server.isChecked())
        self.test_button.clicked.connect(self.test)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def _toggle(self, on: bool) -> None:
        for widget in (self.url, self.password, self.test_button):
            widget.setEnabled(on)

    def test(self) -> bool:
        try:
            version = check_server(self.url.text().strip(), self.password.text() or None)
        except DatabaseError as exc:
            self._dialogs.error(self, "Koneksi gagal", str(exc))
            return False
        self._dialogs.info(self, "Koneksi berhasil", f"Terhubung ke PostgreSQL {version}.")
        return True

    def save(self) -> None:
        try:
            set_database_url(self._paths, self.url.text().strip() if self.server.isChecked() else None)
        except SettingsError as exc:
            self._dialogs.error(self, "Pengaturan tidak disimpan", str(exc))
            return
        self.accept()
