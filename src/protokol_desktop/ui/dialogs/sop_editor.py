"""The SOP editor: identity, executor columns, steps and service standard of one SOP.

The dialog keeps the SOP being edited as a :class:`Sop` value and changes its columns and steps only
through :mod:`protokol_desktop.domain.sop_edit`; the identity and standard fields are read when
saving. "Simpan" validates the whole SOP through the exchange format and, if a field is wrong, shows
which one and stays open. Storing the result (a new revision) is the caller's job.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import sop_edit
from ...domain.durations import DurationError, format_duration, parse_duration
from ...domain.sop import (
    KINDS,
    TEXT_LIMITS,
    Decision,
    Identity,
    Requirement,
    ServiceStandard,
    Signatory,
    Sop,
    SopFormatError,
    Step,
)
from ...services.gates import KINDS as GATE_KINDS
from ..dialog_service import DialogService
from ..screen_fit import fit_dialog

STATUS_CHOICES = (("Draf", "draft"), ("Berlaku", "berlaku"))
KIND_LABELS = {"mulai": "Mulai", "proses": "Proses", "keputusan": "Keputusan", "selesai": "Selesai"}
IDENTITY_LISTS = (
    ("dasar_hukum", "Dasar Hukum"),
    ("kualifikasi_pelaksana", "Kualifikasi Pelaksana"),
    ("keterkaitan", "Keterkaitan"),
    ("peralatan", "Peralatan/Perlengkapan"),
    ("peringatan", "Peringatan"),
    ("pencatatan", "Pencatatan dan Pendataan"),
)
OPTIONAL_PREFIX = "(opsional) "
FINISHED = 0  # decision combo data for "Selesai"
OK_COLOUR = "#2e7d32"
ERROR_COLOUR = "#c62828"


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


def _lines_edit(items: tuple[str, ...], placeholder: str = "Satu butir per baris") -> QPlainTextEdit:
    edit = QPlainTextEdit("\n".join(items))
    edit.setPlaceholderText(placeholder)
    edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return edit


def _fit_lines(edit: QPlainTextEdit, lines: int, least: int = 3, most: int = 8) -> None:
    """Give a list edit room for its lines (within limits) so short lists do not scroll."""
    rows = max(least, min(most, lines + 1))
    edit.setFixedHeight(rows * edit.fontMetrics().lineSpacing() + 2 * edit.frameWidth() + 10)


def _single_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def requirement_lines(requirements: tuple[Requirement, ...]) -> str:
    """Persyaratan as the editor shows them: one a line, "(opsional) " before one not required."""
    return "\n".join(("" if r.required else OPTIONAL_PREFIX) + r.text for r in requirements)


def parse_requirement_lines(text: str) -> tuple[Requirement, ...]:
    requirements = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.casefold().startswith(OPTIONAL_PREFIX.strip().casefold()):
            text_part = line[len(OPTIONAL_PREFIX.strip()) :].strip()
            if text_part:
                requirements.append(Requirement(text_part, required=False))
            continue
        requirements.append(Requirement(line))
    return tuple(requirements)


def duration_feedback(text: str) -> tuple[str, bool]:
    """The live check under a waktu field: (message, ok)."""
    try:
        duration = parse_duration(text)
    except DurationError as exc:
        return str(exc), False
    if not duration.has_standard:
        shown = format_duration(duration)
        return ("= Tentatif (tanpa standar waktu)" if shown == "Tentatif" else "Kosong: tanpa standar waktu"), True
    return f"= {format_duration(duration)}", True


def _form(parent: QWidget | None = None) -> QFormLayout:
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


# The editor's one-line fields and the exchange-format field whose limit they take.
LINE_LIMITS = {
    "code": "code",
    "name": "name",
    "service": "service",
    "nomor": "identity.nomor",
    "tanggal_pembuatan": "identity.tanggal_pembuatan",
    "tanggal_revisi": "identity.tanggal_revisi",
    "tanggal_pengesahan": "identity.tanggal_pengesahan",
    "tanggal_efektif": "identity.tanggal_efektif",
    "signer_jabatan": "identity.disahkan_oleh.jabatan",
    "signer_nama": "identity.disahkan_oleh.nama",
    "signer_pangkat": "identity.disahkan_oleh.pangkat",
    "signer_nip": "identity.disahkan_oleh.nip",
    "decision_question": "steps.decision.question",
    "step_waktu": "steps.waktu",
    "step_output": "steps.output",
    "step_keterangan": "steps.keterangan",
    "jangka_waktu": "standard.jangka_waktu",
    "biaya": "standard.biaya",
}


class SopEditorDialog(QDialog):
    def __init__(
        self,
        sop: Sop,
        dialogs: DialogService,
        parent: QWidget | None = None,
        new: bool = False,
        taken_codes: Collection[str] = (),
    ) -> None:
        super().__init__(parent)
        self._sop = sop
        self._dialogs = dialogs
        self._new = new
        self._taken_codes = {code.casefold() for code in taken_codes}
        self._loading = False
        self.result_sop: Sop | None = None
        self.setWindowTitle("SOP Baru" if new else f"Ubah SOP {sop.code}")
        self.setMinimumSize(900, 600)
        fit_dialog(self, QSize(1040, 720))

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.identity_tab = _scrolled(self._build_identity())
        self.executors_tab = self._build_executors()
        self.steps_tab = self._build_steps()
        self.standard_tab = _scrolled(self._build_standard())
        self.tabs.addTab(self.identity_tab, "Identitas")
        self.tabs.addTab(self.executors_tab, "Pelaksana")
        self.tabs.addTab(self.steps_tab, "Langkah")
        self.tabs.addTab(self.standard_tab, "Standar Pelayanan")
        layout.addWidget(self.tabs, 1)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        for name, field_path in LINE_LIMITS.items():  # one-line fields stop at their limit as typed;
            getattr(self, name).setMaxLength(TEXT_LIMITS[field_path])  # longer texts are refused on save
        self._refresh_executors()
        self._refresh_steps(select=1)

    # -----------------------------------------------------------------------------------------
    # Layout

    def _build_identity(self) -> QWidget:
        sop = self._sop
        ident = sop.identity
        page = QWidget()
        page_layout = QVBoxLayout(page)
        columns = QHBoxLayout()
        page_layout.addLayout(columns)

        left = _form()
        self.code = QLineEdit(sop.code)
        self.code.setReadOnly(not self._new)
        if not self._new:
            self.code.setToolTip("Kode SOP tidak dapat diubah; revisi baru memakai kode yang sama.")
            self.code.setStyleSheet("background: palette(window);")
        left.addRow("Kode", self.code)
        self.name = QLineEdit(sop.name)
        left.addRow("Nama SOP", self.name)
        self.service = QLineEdit(sop.service)
        self.service.setToolTip("Nama layanan seperti tampil di papan kerja dan laporan")
        left.addRow("Layanan", self.service)
        self.status = QComboBox()
        for label, value in STATUS_CHOICES:
            self.status.addItem(label, value)
        if sop.status not in {value for _, value in STATUS_CHOICES}:
            self.status.addItem(sop.status.capitalize(), sop.status)
        self.status.setCurrentIndex(self.status.findData(sop.status))
        left.addRow("Status", self.status)
        self.has_event = QCheckBox("Permohonan mencatat tanggal, jam dan tempat acara")
        self.has_event.setChecked(sop.has_event)
        left.addRow("Acara", self.has_event)
        self.organisation = _lines_edit(ident.organisation, "PEMERINTAH …\nSEKRETARIAT DAERAH\nBAGIAN …")
        self.organisation.setFixedHeight(66)
        left.addRow("Organisasi", self.organisation)
        source = "Dokumen kantor" if sop.source.kind == "dokumen" else "Disusun kantor (bukan dari dokumen)"
        self.source_label = QLabel(source + (f" — {sop.source.note}" if sop.source.note else ""))
        self.source_label.setWordWrap(True)
        self.source_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        left.addRow("Sumber", self.source_label)
        columns.addLayout(left, 1)

        right = _form()
        self.nomor = QLineEdit(ident.nomor)
        right.addRow("Nomor SOP", self.nomor)
        self.tanggal_pembuatan = QLineEdit(ident.tanggal_pembuatan)
        self.tanggal_revisi = QLineEdit(ident.tanggal_revisi)
        self.tanggal_pengesahan = QLineEdit(ident.tanggal_pengesahan)
        self.tanggal_efektif = QLineEdit(ident.tanggal_efektif)
        for label, edit in (
            ("Tanggal Pembuatan", self.tanggal_pembuatan),
            ("Tanggal Revisi", self.tanggal_revisi),
            ("Tanggal Pengesahan", self.tanggal_pengesahan),
            ("Tanggal Efektif", self.tanggal_efektif),
        ):
            edit.setPlaceholderText("mis. 30 Agustus 2022")
            right.addRow(label, edit)
        signer = ident.disahkan_oleh
        self.signer_jabatan = QLineEdit(signer.jabatan)
        self.signer_nama = QLineEdit(signer.nama)
        self.signer_pangkat = QLineEdit(signer.pangkat)
        self.signer_nip = QLineEdit(signer.nip)
        right.addRow(QLabel("<b>Disahkan oleh</b>"))
        right.addRow("Jabatan", self.signer_jabatan)
        right.addRow("Nama", self.signer_nama)
        right.addRow("Pangkat/Golongan", self.signer_pangkat)
        right.addRow("NIP", self.signer_nip)
        columns.addLayout(right, 1)

        lists = QGroupBox("Daftar (satu butir per baris)")
        lists_form = _form(lists)
        self.identity_lists: dict[str, QPlainTextEdit] = {}
        for key, label in IDENTITY_LISTS:
            edit = _lines_edit(getattr(ident, key))
            _fit_lines(edit, len(getattr(ident, key)))
            self.identity_lists[key] = edit
            lists_form.addRow(label, edit)
        self.notes = _lines_edit(sop.notes, "Catatan tentang SOP ini, satu per baris")
        _fit_lines(self.notes, len(sop.notes) * 2, least=4)
        lists_form.addRow("Catatan SOP", self.notes)
        page_layout.addWidget(lists)
        page_layout.addStretch(1)
        return page

    def _build_executors(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            "Kolom pelaksana pada bagan SOP, dari kiri ke kanan. Ganti nama juga mengganti pelaksana "
            "setiap langkah di kolom itu; kolom yang masih dipakai langkah tidak dapat dihapus."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.executor_list = QListWidget()
        self.executor_list.setMaximumWidth(560)
        self.executor_list.setSpacing(3)
        row.addWidget(self.executor_list, 1)
        buttons = QVBoxLayout()
        self.executor_add = QPushButton("Tambah…")
        self.executor_rename = QPushButton("Ganti nama…")
        self.executor_up = QPushButton("Naik")
        self.executor_down = QPushButton("Turun")
        self.executor_remove = QPushButton("Hapus")
        for button in (self.executor_add, self.executor_rename, self.executor_up, self.executor_down):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        buttons.addWidget(self.executor_remove)
        buttons.addStretch(1)
        row.addLayout(buttons)
        row.addStretch(1)
        layout.addLayout(row, 1)
        self.executor_add.clicked.connect(self.add_executor)
        self.executor_rename.clicked.connect(self.rename_executor)
        self.executor_up.clicked.connect(self.move_executor_up)
        self.executor_down.clicked.connect(self.move_executor_down)
        self.executor_remove.clicked.connect(self.remove_executor)
        self.executor_list.currentRowChanged.connect(self._executor_selected)
        return page

    def _build_steps(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.step_list = QListWidget()
        self.step_list.setWordWrap(True)
        self.step_list.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap long uraian on resize
        self.step_list.setAlternatingRowColors(True)
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        left_layout.addWidget(self.step_list, 1)
        buttons = QHBoxLayout()
        self.step_add = QPushButton("Tambah")
        self.step_add.setToolTip("Sisipkan langkah baru sesudah langkah yang dipilih")
        self.step_remove = QPushButton("Hapus")
        self.step_up = QPushButton("Naik")
        self.step_down = QPushButton("Turun")
        for button in (self.step_add, self.step_remove, self.step_up, self.step_down):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        splitter.addWidget(left)

        form_page = QWidget()
        form_column = QVBoxLayout(form_page)
        form = QFormLayout()
        form_column.addLayout(form)
        form_column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.step_title = QLabel()
        form.addRow(self.step_title)
        self.step_uraian = QPlainTextEdit()
        self.step_uraian.setFixedHeight(58)
        form.addRow("Uraian", self.step_uraian)
        self.step_executor = QComboBox()
        form.addRow("Pelaksana", self.step_executor)
        kinds = QHBoxLayout()
        self.kind_checks: dict[str, QCheckBox] = {}
        for kind in KINDS:
            check = QCheckBox(KIND_LABELS[kind])
            self.kind_checks[kind] = check
            kinds.addWidget(check)
        kinds.addStretch(1)
        form.addRow("Jenis", kinds)
        self.decision_box = QGroupBox("Keputusan")
        decision_form = QFormLayout(self.decision_box)
        decision_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.decision_question = QLineEdit()
        self.decision_question.setPlaceholderText("mis. Ada koreksi dari Pimpinan?")
        decision_form.addRow("Pertanyaan", self.decision_question)
        self.decision_yes = QComboBox()
        self.decision_no = QComboBox()
        decision_form.addRow("Ya →", self.decision_yes)
        decision_form.addRow("Tidak →", self.decision_no)
        form.addRow(self.decision_box)
        self.step_kelengkapan = _lines_edit(())
        self.step_kelengkapan.setFixedHeight(62)
        form.addRow("Kelengkapan", self.step_kelengkapan)
        self.step_waktu = QLineEdit()
        self.step_waktu.setPlaceholderText('mis. "5 menit", "3 Jam 40 Menit", "1 hari", "tentatif"')
        self.step_waktu_status = QLabel()
        self.step_waktu_status.setWordWrap(True)
        waktu = QVBoxLayout()
        waktu.setSpacing(2)
        waktu.addWidget(self.step_waktu)
        waktu.addWidget(self.step_waktu_status)
        form.addRow("Waktu", waktu)
        self.step_output = QLineEdit()
        form.addRow("Output", self.step_output)
        self.step_keterangan = QLineEdit()
        form.addRow("Keterangan", self.step_keterangan)
        self.step_note = QPlainTextEdit()
        self.step_note.setFixedHeight(110)
        self.step_note.setPlaceholderText("Catatan kantor tentang langkah ini (tidak tercetak pada bagan)")
        form.addRow("Catatan", self.step_note)
        gates = QVBoxLayout()
        gates.setSpacing(2)
        self.gate_checks: dict[str, QCheckBox] = {}
        for kind in GATE_KINDS.values():
            check = QCheckBox(kind.label)
            check.setToolTip(f"Langkah belum dapat diselesaikan sebelum ini terpenuhi (diisi di {kind.where})")
            self.gate_checks[kind.name] = check
            gates.addWidget(check)
        form.addRow("Syarat selesai", gates)
        splitter.addWidget(_scrolled(form_page))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])

        self.step_list.currentRowChanged.connect(self._load_step)
        self.step_add.clicked.connect(self.add_step)
        self.step_remove.clicked.connect(self.remove_step)
        self.step_up.clicked.connect(self.move_step_up)
        self.step_down.clicked.connect(self.move_step_down)
        for text_edit in (self.step_uraian, self.step_kelengkapan, self.step_note):
            text_edit.textChanged.connect(self._step_form_changed)
        for line_edit in (self.decision_question, self.step_waktu, self.step_output, self.step_keterangan):
            line_edit.textChanged.connect(self._step_form_changed)
        for combo in (self.step_executor, self.decision_yes, self.decision_no):
            combo.currentIndexChanged.connect(self._step_form_changed)
        for check in (*self.kind_checks.values(), *self.gate_checks.values()):
            check.toggled.connect(self._step_form_changed)
        return splitter

    def _build_standard(self) -> QWidget:
        std = self._sop.standard
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.persyaratan = QPlainTextEdit(requirement_lines(std.persyaratan))
        self.persyaratan.setPlaceholderText("Satu persyaratan per baris")
        self.persyaratan.setFixedHeight(96)
        hint = QLabel(f'Satu persyaratan per baris; awali dengan "{OPTIONAL_PREFIX.strip()}" bila tidak wajib.')
        hint.setWordWrap(True)
        persyaratan = QVBoxLayout()
        persyaratan.setSpacing(2)
        persyaratan.addWidget(self.persyaratan)
        persyaratan.addWidget(hint)
        form.addRow("Persyaratan", persyaratan)
        self.prosedur = _lines_edit(std.prosedur)
        self.prosedur.setFixedHeight(110)
        form.addRow("Sistem, Mekanisme\ndan Prosedur", self.prosedur)
        self.jangka_waktu = QLineEdit(std.jangka_waktu)
        self.jangka_waktu.setPlaceholderText('mis. "1 hari", "3 Hari kerja"')
        self.jangka_waktu_status = QLabel()
        self.jangka_waktu_status.setWordWrap(True)
        jangka = QVBoxLayout()
        jangka.setSpacing(2)
        jangka.addWidget(self.jangka_waktu)
        jangka.addWidget(self.jangka_waktu_status)
        form.addRow("Jangka Waktu", jangka)
        self.biaya = QLineEdit(std.biaya)
        form.addRow("Biaya/Tarif", self.biaya)
        self.produk = _lines_edit(std.produk)
        self.produk.setFixedHeight(62)
        form.addRow("Produk Pelayanan", self.produk)
        self.pengaduan = QPlainTextEdit(std.pengaduan)
        self.pengaduan.setFixedHeight(72)
        form.addRow("Penanganan\nPengaduan", self.pengaduan)
        self.standard_notes = _lines_edit(std.notes, "Catatan, satu per baris")
        self.standard_notes.setFixedHeight(62)
        form.addRow("Catatan", self.standard_notes)
        self.jangka_waktu.textChanged.connect(self._jangka_waktu_changed)
        self._jangka_waktu_changed()
        return page

    # -----------------------------------------------------------------------------------------
    # State

    def _show_check(self, label: QLabel, text: str) -> None:
        message, ok = duration_feedback(text)
        label.setText(message)
        label.setStyleSheet(f"color: {OK_COLOUR if ok else ERROR_COLOUR};")

    def _jangka_waktu_changed(self) -> None:
        self._show_check(self.jangka_waktu_status, self.jangka_waktu.text())

    def _refuse(self, title: str, exc: Exception) -> None:
        self._dialogs.error(self, title, str(exc))

    # Executors

    def selected_executor(self) -> str | None:
        item = self.executor_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _refresh_executors(self, select: str | None = None) -> None:
        select = select or self.selected_executor()
        self.executor_list.clear()
        for name in self._sop.executors:
            used = sop_edit.steps_using(self._sop, name)
            usage = f"langkah {', '.join(str(n) for n in used)}" if used else "belum dipakai"
            item = QListWidgetItem(f"{name}  —  {usage}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.executor_list.addItem(item)
        names = list(self._sop.executors)
        self.executor_list.setCurrentRow(names.index(select) if select in names else 0)
        self._loading = True
        try:
            current = self.step_executor.currentText()
            self.step_executor.clear()
            self.step_executor.addItems(names)
            self.step_executor.setCurrentIndex(max(0, self.step_executor.findText(current)))
        finally:
            self._loading = False

    def _executor_selected(self, row: int) -> None:
        self.executor_up.setEnabled(row > 0)
        self.executor_down.setEnabled(0 <= row < self.executor_list.count() - 1)
        for button in (self.executor_rename, self.executor_remove):
            button.setEnabled(row >= 0)

    def _apply_executor_change(self, sop: Sop, select: str | None) -> None:
        self._sop = sop
        number = self.current_step_number()
        self._refresh_executors(select)
        self._refresh_steps(select=number)

    def add_executor(self) -> None:
        name = self._dialogs.ask_text(self, "Tambah kolom pelaksana", "Nama kolom pelaksana:")
        if name is None:
            return
        try:
            sop = sop_edit.add_executor(self._sop, name)
        except sop_edit.SopEditError as exc:
            self._refuse("Kolom tidak ditambahkan", exc)
            return
        self._apply_executor_change(sop, sop.executors[-1])

    def rename_executor(self) -> None:
        old = self.selected_executor()
        if old is None:
            return
        new = self._dialogs.ask_text(self, "Ganti nama kolom pelaksana", f"Nama baru untuk kolom {old}:", old)
        if new is None:
            return
        try:
            sop = sop_edit.rename_executor(self._sop, old, new)
        except sop_edit.SopEditError as exc:
            self._refuse("Nama kolom tidak diganti", exc)
            return
        self._apply_executor_change(sop, sop.executors[self._sop.executors.index(old)])

    def _move_executor(self, delta: int) -> None:
        name = self.selected_executor()
        if name is not None:
            self._apply_executor_change(sop_edit.move_executor(self._sop, name, delta), name)

    def move_executor_up(self) -> None:
        self._move_executor(-1)

    def move_executor_down(self) -> None:
        self._move_executor(1)

    def remove_executor(self) -> None:
        name = self.selected_executor()
        if name is None:
            return
        try:
            sop = sop_edit.remove_executor(self._sop, name)
        except sop_edit.SopEditError as exc:
            self._refuse("Kolom tidak dihapus", exc)
            return
        self._apply_executor_change(sop, None)

    # Steps

    def current_step_number(self) -> int | None:
        row = self.step_list.currentRow()
        return row + 1 if 0 <= row < len(self._sop.steps) else None

    @staticmethod
    def _step_text(step: Step) -> str:
        return f"{step.number}. {step.uraian} ({step.executor})"

    def _refresh_steps(self, select: int | None = None) -> None:
        self._loading = True
        try:
            self.step_list.clear()
            for step in self._sop.steps:
                item = QListWidgetItem(self._step_text(step))
                item.setToolTip(step.uraian)
                self.step_list.addItem(item)
        finally:
            self._loading = False
        if self._sop.steps:
            row = min(max(1, select or 1), len(self._sop.steps)) - 1
            self.step_list.setCurrentRow(row)
            self._load_step(row)

    def _fill_targets(self, combo: QComboBox, target: int | None) -> None:
        combo.clear()
        combo.addItem("Selesai", FINISHED)
        for step in self._sop.steps:
            combo.addItem(f"Langkah {step.number} — {_short(step.uraian)}", step.number)
        combo.setCurrentIndex(max(0, combo.findData(FINISHED if target is None else target)))

    def _load_step(self, row: int) -> None:
        if self._loading or not 0 <= row < len(self._sop.steps):
            return
        step = self._sop.steps[row]
        self._loading = True
        try:
            self.step_title.setText(f"<b>Langkah {step.number}</b> dari {len(self._sop.steps)}")
            self.step_uraian.setPlainText(step.uraian)
            self.step_executor.setCurrentIndex(max(0, self.step_executor.findText(step.executor)))
            for kind, check in self.kind_checks.items():
                check.setChecked(kind in step.kinds)
            for name, check in self.gate_checks.items():
                check.setChecked(name in step.gates)
            decision = step.decision
            self.decision_question.setText(decision.question if decision else "")
            self._fill_targets(self.decision_yes, decision.yes if decision else None)
            self._fill_targets(self.decision_no, decision.no if decision else None)
            self.decision_box.setEnabled(step.is_decision)
            self.step_kelengkapan.setPlainText("\n".join(step.kelengkapan))
            self.step_waktu.setText(step.waktu)
            self.step_output.setText(step.output)
            self.step_keterangan.setText(step.keterangan)
            self.step_note.setPlainText(step.note)
            self._show_check(self.step_waktu_status, step.waktu)
            self.step_up.setEnabled(row > 0)
            self.step_down.setEnabled(row < len(self._sop.steps) - 1)
        finally:
            self._loading = False

    def _gates_of(self, number: int) -> tuple[str, ...]:
        """The ticked gates, in the registry's order, after any the program does not know (kept)."""
        unknown = tuple(name for name in self._sop.step(number).gates if name not in self.gate_checks)
        return unknown + tuple(name for name, check in self.gate_checks.items() if check.isChecked())

    def _step_form_changed(self) -> None:
        """Write the form into the selected step as the user types."""
        if self._loading:
            return
        number = self.current_step_number()
        if number is None:
            return
        kinds = tuple(kind for kind, check in self.kind_checks.items() if check.isChecked())
        is_decision = "keputusan" in kinds
        decision = None
        if is_decision:
            yes = self.decision_yes.currentData()
            no = self.decision_no.currentData()
            decision = Decision(
                question=_single_line(self.decision_question.text()),
                yes=None if yes in (None, FINISHED) else int(yes),
                no=None if no in (None, FINISHED) else int(no),
            )
        self.decision_box.setEnabled(is_decision)
        self._show_check(self.step_waktu_status, self.step_waktu.text())
        try:
            self._sop = sop_edit.replace_step(
                self._sop,
                number,
                uraian=_single_line(self.step_uraian.toPlainText()),
                executor=self.step_executor.currentText(),
                kinds=kinds,
                decision=decision,
                kelengkapan=_lines(self.step_kelengkapan),
                waktu=self.step_waktu.text().strip(),
                output=self.step_output.text().strip(),
                keterangan=self.step_keterangan.text().strip(),
                note=self.step_note.toPlainText().strip(),
                gates=self._gates_of(number),
            )
        except sop_edit.SopEditError as exc:
            self._refuse("Langkah tidak diubah", exc)
            return
        step = self._sop.step(number)
        item = self.step_list.item(number - 1)
        if item is not None:
            item.setText(self._step_text(step))
            item.setToolTip(step.uraian)

    def _change_steps(self, sop: Sop, select: int | None) -> None:
        self._sop = sop
        self._refresh_steps(select)
        self._refresh_executors()

    def add_step(self) -> None:
        """Insert "Langkah baru" after the selected step, in the selected step's column."""
        number = self.current_step_number()
        position = len(self._sop.steps) + 1 if number is None else number + 1
        template = None
        if number is not None:
            template = Step(number=position, uraian=sop_edit.NEW_STEP_TEXT, executor=self._sop.step(number).executor)
        try:
            sop = sop_edit.insert_step(self._sop, position, template)
        except sop_edit.SopEditError as exc:
            self._refuse("Langkah tidak ditambahkan", exc)
            return
        self._change_steps(sop, position)
        self.step_uraian.setFocus()
        self.step_uraian.selectAll()

    def remove_step(self) -> None:
        number = self.current_step_number()
        if number is None:
            return
        try:
            sop = sop_edit.remove_step(self._sop, number)
        except sop_edit.SopEditError as exc:
            self._refuse("Langkah tidak dihapus", exc)
            return
        uraian = self._sop.step(number).uraian
        if not self._dialogs.confirm(self, "Hapus langkah", f"Hapus langkah {number}: {uraian}?"):
            return
        self._change_steps(sop, number)

    def _move_step(self, delta: int) -> None:
        number = self.current_step_number()
        if number is None:
            return
        sop = sop_edit.move_step(self._sop, number, delta)
        self._change_steps(sop, max(1, min(len(sop.steps), number + delta)))

    def move_step_up(self) -> None:
        self._move_step(-1)

    def move_step_down(self) -> None:
        self._move_step(1)

    # -----------------------------------------------------------------------------------------
    # Saving

    def build_sop(self) -> Sop:
        """The edited SOP: the step and column state plus the identity and standard fields."""
        identity = Identity(
            organisation=_lines(self.organisation),
            nomor=self.nomor.text().strip(),
            tanggal_pembuatan=self.tanggal_pembuatan.text().strip(),
            tanggal_revisi=self.tanggal_revisi.text().strip(),
            tanggal_pengesahan=self.tanggal_pengesahan.text().strip(),
            tanggal_efektif=self.tanggal_efektif.text().strip(),
            disahkan_oleh=Signatory(
                jabatan=self.signer_jabatan.text().strip(),
                nama=self.signer_nama.text().strip(),
                pangkat=self.signer_pangkat.text().strip(),
                nip=self.signer_nip.text().strip(),
            ),
            **{key: _lines(edit) for key, edit in self.identity_lists.items()},
        )
        standard = ServiceStandard(
            persyaratan=parse_requirement_lines(self.persyaratan.toPlainText()),
            produk=_lines(self.produk),
            jangka_waktu=self.jangka_waktu.text().strip(),
            biaya=self.biaya.text().strip(),
            prosedur=_lines(self.prosedur),
            pengaduan=self.pengaduan.toPlainText().strip(),
            notes=_lines(self.standard_notes),
        )
        return replace(
            self._sop,
            code=self.code.text().strip(),
            name=_single_line(self.name.text()),
            service=_single_line(self.service.text()),
            status=self.status.currentData(),
            has_event=self.has_event.isChecked(),
            identity=identity,
            standard=standard,
            notes=_lines(self.notes),
        )

    def _show_field(self, field_name: str) -> None:
        """Bring the tab (and step) of a rejected field into view."""
        if field_name.startswith("steps["):
            self.tabs.setCurrentWidget(self.steps_tab)
            index = field_name[len("steps[") :].split("]")[0]
            if index.isdigit():
                self.step_list.setCurrentRow(int(index))
        elif field_name.startswith("standard."):
            self.tabs.setCurrentWidget(self.standard_tab)
        elif field_name == "executors":
            self.tabs.setCurrentWidget(self.executors_tab)
        else:
            self.tabs.setCurrentWidget(self.identity_tab)

    def save(self) -> None:
        """The "Simpan" button: validate the whole SOP; on a bad field say which and stay open."""
        title = "SOP belum dapat disimpan"
        try:
            sop = self.build_sop()
            if self._new:
                code = sop_edit.check_code(sop.code)
                if code.casefold() in self._taken_codes:
                    raise sop_edit.SopEditError(f"Kode SOP {code} sudah dipakai SOP lain")
            result = sop_edit.validate(sop)
        except SopFormatError as exc:
            message = str(exc).removeprefix(f"{exc.field}: ")
            self._show_field(exc.field)
            self._dialogs.error(self, title, f"{sop_edit.field_label(exc.field)}: {message}")
            return
        except (sop_edit.SopEditError, DurationError) as exc:
            self._dialogs.error(self, title, str(exc))
            return
        self.result_sop = result
        self.accept()

    @classmethod
    def edit(
        cls,
        sop: Sop,
        dialogs: DialogService,
        parent: QWidget | None = None,
        new: bool = False,
        taken_codes: Collection[str] = (),
    ) -> Sop | None:
        """Edit ``sop``; the validated result, or ``None`` when cancelled. ``new`` lets the code change."""
        dialog = cls(sop, dialogs, parent, new, taken_codes)
        return dialog.result_sop if dialog.exec() else None
