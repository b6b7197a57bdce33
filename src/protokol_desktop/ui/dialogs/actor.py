"""Who is working at this PC, and in which role (until user accounts exist)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ...domain.office import Office


class ActorDialog(QDialog):
    def __init__(self, office: Office, name: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Petugas Aktif")
        self.setMinimumWidth(420)
        layout = QFormLayout(self)
        self.name = QLineEdit(name)
        layout.addRow("Nama", self.name)
        self.role = QComboBox()
        for item in office.ranked_roles:
            self.role.addItem(f"{item.name} — {item.title}" if item.title else item.name, item.name)
        index = self.role.findData(role)
        self.role.setCurrentIndex(max(0, index))
        layout.addRow("Peran", self.role)
        buttons = QDialogButtonBox()
        buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    @classmethod
    def get_actor(cls, office: Office, name: str, role: str, parent: QWidget | None = None) -> tuple[str, str] | None:
        dialog = cls(office, name, role, parent)
        if dialog.exec():
            return dialog.name.text(), str(dialog.role.currentData())
        return None
