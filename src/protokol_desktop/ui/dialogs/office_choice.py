"""First start: which office does this installation serve (or a blank profile)?"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...domain.office import BLANK_OFFICE, Office


class OfficeChoiceDialog(QDialog):
    def __init__(self, offices: list[Office], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pilih Kantor")
        self.setMinimumSize(560, 380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Instalasi ini melayani kantor mana? Profil kantor menentukan nama unit, pimpinan, peran "
            "(kolom papan kerja) dan zona waktu. Pustaka SOP tetap memuat keenam layanan bawaan."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # Tangerang's six roles do not fit one line
        self.list.setSpacing(2)
        for office in [*offices, BLANK_OFFICE]:
            roles = ", ".join(r.name for r in office.ranked_roles)
            label = f"{office.organisation} — {office.unit}\n    Peran: {roles}; zona waktu {office.timezone}"
            if office.code == BLANK_OFFICE.code:
                label = f"Profil kosong (diisi sendiri)\n    Peran: {roles}; zona waktu {office.timezone}"
            item = QListWidgetItem(label)
            item.setData(256, office.code)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        buttons.addButton("Gunakan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(self.accept)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(256))

    @classmethod
    def get_office(cls, offices: list[Office], parent: QWidget | None = None) -> str | None:
        dialog = cls(offices, parent)
        return dialog.chosen() if dialog.exec() else None
