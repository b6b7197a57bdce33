"""Login, first administrator, and the idle lock screen. Each asks a ``submit`` callable that
returns an error message (shown; the dialog stays) or ``None``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..dialog_service import DialogService


class LoginDialog(QDialog):
    def __init__(
        self,
        submit: Callable[[str, str], str | None],
        dialogs: DialogService,
        username: str = "",
        locked: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``locked`` says why the session was locked (by the user, or idle); empty for a login."""
        super().__init__(parent)
        self.setWindowTitle("Sesi Terkunci" if locked else "Masuk — Protokol Desktop")
        self.setMinimumWidth(420)
        self._submit = submit
        self._dialogs = dialogs
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            f"{locked}. Masukkan kata sandi untuk melanjutkan, atau masuk sebagai pengguna lain."
            if locked
            else "Masuk dengan akun Anda."
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Nama pengguna", self.username)
        form.addRow("Kata sandi", self.password)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton("Masuk", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(
            "Keluar dari aplikasi" if not locked else "Tutup aplikasi", QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _accept(self) -> None:
        error = self._submit(self.username.text(), self.password.text())
        self.password.clear()
        if error:
            self._dialogs.error(self, "Gagal masuk", error)
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """The first start: create the administrator account."""

    def __init__(
        self, submit: Callable[[str, str, str, str], str | None], dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Buat Akun Administrator")
        self.setMinimumWidth(480)
        self._submit = submit
        self._dialogs = dialogs
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Ini permulaan pertama. Buat akun administrator: ia menambah pengguna lain (Kabag, Kasubbag, "
            "Staf) dan mengatur aplikasi. Simpan kata sandinya baik-baik."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText("opsional, 18 angka")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Nama pengguna", self.username)
        form.addRow("Nama lengkap", self.full_name)
        form.addRow("NIP", self.nip)
        form.addRow("Kata sandi (min. 8)", self.password)
        form.addRow("Ulangi kata sandi", self.repeat)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        buttons.addButton("Buat akun", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self._dialogs.error(self, "Kata sandi berbeda", "Kedua isian kata sandi harus sama")
            return
        error = self._submit(self.username.text(), self.full_name.text(), self.password.text(), self.nip.text())
        if error:
            self._dialogs.error(self, "Akun belum dibuat", error)
            return
        self.accept()
