"""The guest-visit tab in the request detail: the delegation, the SOP's checklist (ticked with who and
when, with notes), the guest book, minutes, catering, photo documentation and the Excel export.

The tab wires its own widgets to :mod:`services.visits`; after every saved change it refreshes and
emits ``changed`` so the request's history and the board follow."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QFont, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.indonesian import format_datetime
from ...services import ServiceError, visits
from ...services.office import active_office
from ...services.permissions import can_edit_visit_template
from ..context import AppContext
from ..models.rows import Row, RowsModel
from ..rights import show_permission
from ..widgets import (
    datetime_edit,
    event_dates_ok,
    from_qt,
    read_only_table,
    to_qt,
)
from .common import group, record_frame, side_by_side

Index = QModelIndex | QPersistentModelIndex
THUMB = QSize(160, 120)


@dataclass(frozen=True)
class ChecklistRow:
    """A checklist line, or a section heading when ``item_id`` is None."""

    item_id: int | None
    text: str
    done: bool = False
    done_by: str = ""
    note: str = ""


class ChecklistModel(QAbstractTableModel):
    """The visit's checklist grouped under the SOP's two lists; the first column is ticked."""

    tickRequested = Signal(int, bool)
    """The user ticked (True) or unticked an item: item id, done. The tab asks the service."""

    HEADERS = ("Butir", "Disiapkan oleh", "Catatan")

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[ChecklistRow] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        if row.item_id is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if row.item_id is None:
                return row.text if column == 0 else ""
            return (row.text, row.done_by, row.note)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == 0 and row.item_id is not None:
            return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and row.item_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.item_id is None:
            return QColor("#eceff1")
        if role == Qt.ItemDataRole.ToolTipRole and row.item_id is not None:
            return "\n".join(x for x in (row.text, row.done_by, row.note) if x)
        if role == Qt.ItemDataRole.UserRole:
            return row.item_id
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001, N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        row = self._rows[index.row()]
        if row.item_id is None:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.tickRequested.emit(row.item_id, checked)  # the refresh after the service shows the result
        return True

    def set_rows(self, rows: list[ChecklistRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: list[ChecklistRow]) -> bool:
        """The same lines with new values (a tick, a note): changed in place, so the view keeps its
        scroll position, selection and spans. False when the lines themselves differ."""
        if [row.item_id for row in rows] != [row.item_id for row in self._rows] or not rows:
            return False
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.HEADERS) - 1))
        return True

    def row(self, number: int) -> ChecklistRow:
        return self._rows[number]

    def items(self) -> list[ChecklistRow]:
        return [row for row in self._rows if row.item_id is not None]

    def row_of(self, item_id: int) -> int:
        return next(n for n, row in enumerate(self._rows) if row.item_id == item_id)


class ChecklistTemplateDialog(QDialog):
    """Edit the office's checklist for future visits: one item per line under each SOP list."""

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Templat daftar periksa kunjungan")
        self.resize(520, 480)
        layout = QVBoxLayout(self)
        note = QLabel(
            "Satu butir per baris. Perubahan berlaku untuk kunjungan yang dicatat sesudah ini; "
            "kunjungan yang sudah ada tetap memakai daftarnya."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.edits: dict[str, QPlainTextEdit] = {}
        for section, label in visits.SECTIONS.items():
            layout.addWidget(QLabel(f"<b>{label}</b>"))
            edit = QPlainTextEdit("\n".join(text for kind, text in items if kind == section))
            self.edits[section] = edit
            layout.addWidget(edit, 1)
        buttons = QDialogButtonBox()
        buttons.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def items(self) -> list[tuple[str, str]]:
        return [
            (section, line.strip())
            for section, edit in self.edits.items()
            for line in edit.toPlainText().splitlines()
            if line.strip()
        ]

    @classmethod
    def edit(cls, parent: QWidget | None, items: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
        dialog = cls(items, parent)
        return dialog.items() if dialog.exec() == QDialog.DialogCode.Accepted else None






class VisitTab(QWidget):
    changed = Signal()
    """A record was saved: the request's history and the board refresh."""

    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request_id = request_id
        self.context = context
        self.template_editor = ChecklistTemplateDialog.edit  # replaced in tests
        self._thumbs: dict[str, QIcon] = {}
        self._dirty: set[str] = set()
        self._filling = False
        self._saved_minutes = ""
        self.readiness, self.export, self.sections = record_frame(
            self, "Daftar periksa, daftar hadir siap ditandatangani, dan notulen"
        )

        # -- preparation: the delegation, catering and the SOP's checklist
        delegation, box = group("Rombongan tamu")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.instansi = QLineEdit()
        self.instansi.setPlaceholderText("mis. DPRD Kabupaten Bogor")
        self.leader = QLineEdit()
        self.leader.setPlaceholderText("nama dan jabatan pimpinan rombongan")
        self.people = QSpinBox()
        self.people.setRange(0, 10_000)
        self.people.setSuffix(" orang")
        self.arrival = datetime_edit()
        self.departure = datetime_edit()
        self.host = QLineEdit()
        self.host.setPlaceholderText("pejabat yang menerima")
        self.place = QLineEdit()
        form.addRow("Instansi", self.instansi)
        form.addRow("Pimpinan rombongan", self.leader)
        form.addRow("Jumlah", self.people)
        form.addRow("Kedatangan", self.arrival)
        form.addRow("Kepulangan", self.departure)
        form.addRow("Penerima (tuan rumah)", self.host)
        form.addRow("Tempat", self.place)
        box.addLayout(form)
        self.save_delegation = QPushButton("Simpan data rombongan")
        box.addWidget(self.save_delegation, 0, Qt.AlignmentFlag.AlignRight)

        catering, box = group("Pesanan jamuan")
        form = QFormLayout()
        self.catering_count = QSpinBox()
        self.catering_count.setRange(0, 10_000)
        self.catering_count.setSuffix(" porsi")
        self.catering_menu = QLineEdit()
        self.catering_menu.setPlaceholderText("mis. nasi kotak, snack, kopi/teh")
        self.catering_vendor = QLineEdit()
        self.catering_vendor.setPlaceholderText("nama katering")
        form.addRow("Jumlah", self.catering_count)
        form.addRow("Menu", self.catering_menu)
        form.addRow("Penyedia", self.catering_vendor)
        box.addLayout(form)
        self.save_catering = QPushButton("Simpan jamuan")
        box.addWidget(self.save_catering, 0, Qt.AlignmentFlag.AlignRight)

        checks, box = group("Daftar periksa (Peralatan/Perlengkapan dan Pencatatan SOP)")
        self.checklist_model = ChecklistModel(self)
        self.checklist = read_only_table(self.checklist_model)
        # Rows and columns keep their sizes whatever a tick writes into them: a ticked item's "who and
        # when" once widened its column, the items re-wrapped and every row below moved under the
        # cursor. Two lines per row for every row; the tooltip has a long item whole.
        lines = self.checklist.fontMetrics().lineSpacing()
        rows = self.checklist.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * lines + 8)
        header = self.checklist.horizontalHeader()
        header.setStretchLastSection(False)  # the item text stretches, the others keep their widths
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        who = self.checklist.fontMetrics().horizontalAdvance("Maria Latupeirissa, 23 Nov") + 16  # two lines
        header.resizeSection(1, who)  # for the name and the time of the tick
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 160)
        box.addWidget(self.checklist, 1)
        buttons = QHBoxLayout()
        self.note_button = QPushButton("Catatan butir…")
        self.note_button.setToolTip("Tulis catatan untuk butir terpilih (atau klik dua kali butirnya)")
        self.template_button = QPushButton("Ubah templat…")
        self.template_button.setToolTip("Daftar periksa untuk kunjungan berikutnya (Admin atau Kabag)")
        buttons.addWidget(self.note_button)
        buttons.addStretch(1)
        buttons.addWidget(self.template_button)
        box.addLayout(buttons)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(delegation)
        column.addWidget(catering)
        column.addStretch(1)
        self.sections.addTab(side_by_side(left, checks, 2, 3), "Persiapan")

        # -- the guest book and the minutes
        guests, box = group("Buku tamu / daftar hadir")
        self.guest_model = RowsModel(["Nama", "Jabatan", "Instansi", "Telepon"], self)
        self.guests = read_only_table(self.guest_model)
        self.guests.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.guests, 1)
        entry = QGridLayout()
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText("Nama")
        self.guest_role = QLineEdit()
        self.guest_role.setPlaceholderText("Jabatan")
        self.guest_agency = QLineEdit()
        self.guest_agency.setPlaceholderText("Instansi")
        self.guest_phone = QLineEdit()
        self.guest_phone.setPlaceholderText("Telepon")
        self.guest_fields = (self.guest_name, self.guest_role, self.guest_agency, self.guest_phone)
        for field in self.guest_fields:
            field.setToolTip("Enter menyimpan baris; Nama wajib diisi")
        self.add_guest = QPushButton("Tambah")
        self.add_guest.setEnabled(False)  # until a name is typed: a half-filled row is not added
        self.add_guest.setToolTip("Tambahkan tamu ini ke daftar hadir (atau tekan Enter di salah satu isian)")
        self.edit_guest = QPushButton("Ubah")
        self.edit_guest.setToolTip("Perbaiki baris terpilih (atau klik dua kali barisnya): isiannya dimuat di atas")
        self.cancel_edit = QPushButton("Batal ubah")
        self.cancel_edit.setVisible(False)
        self.withdraw_guest = QPushButton("Tarik…")
        self.withdraw_guest.setToolTip("Keluarkan baris yang salah dari daftar hadir (tetap tercatat di riwayat)")
        # The fields in reading order, the buttons below them: Tab goes Nama, Jabatan, Instansi,
        # Telepon and only then Tambah.
        entry.addWidget(self.guest_name, 0, 0)
        entry.addWidget(self.guest_role, 0, 1)
        entry.addWidget(self.guest_agency, 1, 0)
        entry.addWidget(self.guest_phone, 1, 1)
        box.addLayout(entry)
        guest_buttons = QHBoxLayout()
        guest_buttons.addWidget(self.add_guest)
        guest_buttons.addWidget(self.edit_guest)
        guest_buttons.addWidget(self.cancel_edit)
        guest_buttons.addStretch(1)
        guest_buttons.addWidget(self.withdraw_guest)
        box.addLayout(guest_buttons)
        for before, after in zip(
            (*self.guest_fields, self.add_guest, self.edit_guest),
            (*self.guest_fields[1:], self.add_guest, self.edit_guest, self.withdraw_guest),
            strict=True,
        ):
            QWidget.setTabOrder(before, after)
        self._editing_guest: int | None = None  # the attendee being corrected, if any

        notes, box = group("Notulen")
        self.minutes = QPlainTextEdit()
        self.minutes.setPlaceholderText("Notulen kunjungan: pembukaan, paparan, tanya jawab, kesimpulan…")
        box.addWidget(self.minutes, 1)
        self.save_minutes = QPushButton("Simpan notulen")
        box.addWidget(self.save_minutes, 0, Qt.AlignmentFlag.AlignRight)
        self.sections.addTab(side_by_side(guests, notes, 3, 2), "Daftar hadir dan notulen")

        # -- photo documentation
        documentation, box = group("Foto dokumentasi (disalin ke folder data)")
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(THUMB)
        self.photos.setGridSize(QSize(THUMB.width() + 24, THUMB.height() + 30))
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setWordWrap(False)
        self.photos.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        box.addWidget(self.photos, 1)
        actions = QHBoxLayout()
        self.add_photo = QPushButton("Tambah foto…")
        self.open_photo = QPushButton("Buka foto")
        actions.addWidget(self.add_photo)
        actions.addWidget(self.open_photo)
        actions.addStretch(1)
        actions.addWidget(QLabel("JPG/PNG, paling besar 25 MB; klik dua kali untuk membuka"))
        box.addLayout(actions)
        self.sections.addTab(documentation, "Dokumentasi")

        self.save_delegation.clicked.connect(self._save_delegation)
        for line in (self.instansi, self.leader, self.host, self.place):
            line.textEdited.connect(self._delegation_edited)
        self.people.valueChanged.connect(self._delegation_edited)
        self.arrival.dateTimeChanged.connect(self._delegation_edited)
        self.departure.dateTimeChanged.connect(self._delegation_edited)
        self.checklist_model.tickRequested.connect(self._tick, Qt.ConnectionType.QueuedConnection)
        self.checklist.doubleClicked.connect(self._edit_note)
        self.note_button.clicked.connect(self._edit_note)
        self.template_button.clicked.connect(self._edit_template)
        self.add_guest.clicked.connect(self._add_guest)
        for field in self.guest_fields:
            field.returnPressed.connect(self._add_guest)
        self.guest_name.textChanged.connect(self._guest_entry_changed)
        self.edit_guest.clicked.connect(self._edit_guest)
        self.guests.doubleClicked.connect(self._edit_guest)
        self.cancel_edit.clicked.connect(self._end_guest_edit)
        self.withdraw_guest.clicked.connect(self._withdraw_guest)
        self.minutes.textChanged.connect(self._minutes_edited)
        self.save_minutes.clicked.connect(self._save_minutes)
        self.catering_count.valueChanged.connect(self._catering_edited)
        self.catering_menu.textEdited.connect(self._catering_edited)
        self.catering_vendor.textEdited.connect(self._catering_edited)
        self.save_catering.clicked.connect(self._save_catering)
        self.add_photo.clicked.connect(self._add_photo)
        self.open_photo.clicked.connect(self._open_photo)
        self.photos.itemDoubleClicked.connect(self._open_photo)
        self.export.clicked.connect(self._export)

    # -- showing
    def refresh(self) -> None:
        visit = visits.visit_of(self.request_id)
        zone = active_office().zone
        self._filling = True
        try:
            if "delegation" not in self._dirty:
                self.instansi.setText(visit.instansi)
                self.leader.setText(visit.leader_name)
                self.people.setValue(visit.people)
                suggested = visits.suggested_times(self.request_id)
                self.arrival.setDateTime(to_qt(visit.arrival or suggested[0]))
                self.departure.setDateTime(to_qt(visit.departure or suggested[1]))
                self.host.setText(visit.host)
                self.place.setText(visit.place)
            rows: list[ChecklistRow] = []
            section = ""
            for item in visits.checklist(self.request_id):
                if item.section != section:
                    section = item.section
                    rows.append(ChecklistRow(None, visits.SECTIONS.get(section, section)))
                who = f"{item.done_by}, {format_datetime(item.done_at.astimezone(zone))}" if item.done else ""
                rows.append(ChecklistRow(item.id, item.text, item.done, who, item.note))
            if not self.checklist_model.update_rows(rows):  # the same items: changed in place
                self.checklist_model.set_rows(rows)
                self.checklist.clearSpans()
                for number, row in enumerate(rows):
                    if row.item_id is None:  # a section heading across the whole table
                        self.checklist.setSpan(number, 0, 1, len(ChecklistModel.HEADERS))
            show_permission(
                self.template_button, can_edit_visit_template(self.context.actor()),
                "Daftar periksa untuk kunjungan berikutnya (Admin atau Kabag)",
            )  # fmt: skip
            self.guest_model.set_rows(
                [Row((a.nama, a.jabatan, a.instansi, a.telepon), key=a.id) for a in visits.attendees(self.request_id)]
            )
            self._saved_minutes = visit.minutes
            if "minutes" not in self._dirty:
                self.minutes.setPlainText(visit.minutes)
            if "catering" not in self._dirty:
                self.catering_count.setValue(visit.catering_jumlah)
                self.catering_menu.setText(visit.catering_menu)
                self.catering_vendor.setText(visit.catering_penyedia)
            self.photos.clear()
            for photo in visits.photos(self.request_id):
                item = QListWidgetItem(self._thumbnail(photo.stored_name), photo.original_name)
                item.setData(Qt.ItemDataRole.UserRole, photo.stored_name)
                item.setToolTip(
                    f"{photo.original_name}\n{photo.added_by}, {format_datetime(photo.added_at.astimezone(zone))}"
                    + (f"\n{photo.caption}" if photo.caption else "")
                )
                self.photos.addItem(item)
            self._show_readiness()
        finally:
            self._filling = False
        self.save_minutes.setEnabled("minutes" in self._dirty)

    def _show_readiness(self) -> None:
        missing = visits.missing_for_step(self.request_id)
        step = visits.gated_step(self.request_id)
        checklist = self.checklist_model.items()
        ready = sum(1 for row in checklist if row.done)
        count = f"Daftar periksa {ready}/{len(checklist)} siap · {self.guest_model.rowCount()} orang di daftar hadir"
        if missing and step is not None:
            self.readiness.setText(
                f"{count} · <span style='color:#c62828'>Langkah {step.number} “{step.uraian}” belum dapat "
                f"diselesaikan: {' dan '.join(missing)}</span>"
            )
        else:
            self.readiness.setText(f"{count} · <span style='color:#2e7d32'>daftar hadir dan notulen lengkap</span>")

    def _thumbnail(self, stored_name: str) -> QIcon:
        icon = self._thumbs.get(stored_name)
        if icon is None:
            reader = QImageReader(str(self.context.paths.attachments / stored_name))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            icon = QIcon(QPixmap.fromImage(image)) if not image.isNull() else QIcon()
            self._thumbs[stored_name] = icon
        return icon

    # -- edits not yet saved survive a refresh caused by another change
    def _delegation_edited(self) -> None:
        if not self._filling:
            self._dirty.add("delegation")

    def _minutes_edited(self) -> None:
        if not self._filling:
            self._dirty.add("minutes")
            self.save_minutes.setEnabled(self.minutes.toPlainText() != self._saved_minutes)

    def _catering_edited(self) -> None:
        if not self._filling:
            self._dirty.add("catering")

    # -- actions
    def _run(self, title: str, action, clean: str = "") -> bool:  # noqa: ANN001
        try:
            action()
        except ServiceError as exc:
            self.context.dialogs.error(self, title, str(exc))
            return False
        self._dirty.discard(clean)
        self.refresh()
        self.changed.emit()
        return True

    def _save_delegation(self) -> None:
        if not event_dates_ok(self.context.dialogs, self, "Tanggal kedatangan", self.arrival, self.departure):
            return
        self._run("Data rombongan tidak disimpan", lambda: visits.update_visit(
            self.request_id, self.context.actor(), instansi=self.instansi.text(), leader_name=self.leader.text(),
            people=self.people.value(), arrival=from_qt(self.arrival), departure=from_qt(self.departure),
            host=self.host.text(), place=self.place.text(),
        ), "delegation")  # fmt: skip

    def _tick(self, item_id: int, done: bool) -> None:
        self._run("Daftar periksa", lambda: visits.tick(item_id, done, self.context.actor()))

    def _selected_item(self) -> ChecklistRow | None:
        rows = self.checklist.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.checklist_model.row(rows[0].row())
        return row if row.item_id is not None else None

    def _edit_note(self) -> None:
        row = self._selected_item()
        if row is None or row.item_id is None:
            return
        item_id = row.item_id
        note = self.context.dialogs.ask_text(self, "Catatan daftar periksa", f"Catatan untuk “{row.text}”:", row.note)
        if note is not None:
            self._run("Catatan tidak disimpan", lambda: visits.set_item_note(item_id, note, self.context.actor()))

    def _edit_template(self) -> None:
        current = [(item.section, item.text) for item in visits.template()]
        items = self.template_editor(self, current)
        if items is None:
            return
        try:
            visits.set_template(self.context.actor(), items)
        except ServiceError as exc:
            self.context.dialogs.error(self, "Templat tidak disimpan", str(exc))
            return
        self.context.dialogs.info(
            self, "Templat disimpan", "Daftar periksa baru dipakai untuk kunjungan yang dicatat sesudah ini."
        )

    def _guest_entry_changed(self) -> None:
        self.add_guest.setEnabled(bool(self.guest_name.text().strip()))

    def _add_guest(self) -> None:
        """Tambah (or Enter in a field): a new line, or the corrected one when a row is being edited."""
        if not self.guest_name.text().strip():
            self.guest_name.setFocus()
            return
        values = [field.text() for field in self.guest_fields]
        editing = self._editing_guest
        if editing is not None:
            if self._run("Tamu tidak diubah", lambda: visits.update_attendee(editing, self.context.actor(), *values)):
                self._end_guest_edit()
            return
        if self._run("Tamu tidak ditambahkan", lambda: visits.add_attendee(
            self.request_id, self.context.actor(), *values,
        )):  # fmt: skip
            for field in (self.guest_name, self.guest_role, self.guest_phone):
                field.clear()
            self.guest_name.setFocus()  # the agency usually stays the same for the next guest

    def _edit_guest(self) -> None:
        """Load the selected row into the fields; Tambah becomes Simpan perubahan."""
        rows = self.guests.selectionModel().selectedRows()
        if not rows:
            self.context.dialogs.info(self, "Ubah daftar hadir", "Pilih dulu baris yang akan diperbaiki.")
            return
        guest = self.guest_model.row(rows[0].row())
        self._editing_guest = int(guest.key)
        for field, value in zip(self.guest_fields, guest.values, strict=True):
            field.setText(str(value or ""))
        self.add_guest.setText("Simpan perubahan")
        self.cancel_edit.setVisible(True)
        self.guest_name.setFocus()
        self.guest_name.selectAll()

    def _end_guest_edit(self) -> None:
        self._editing_guest = None
        for field in self.guest_fields:
            field.clear()
        self.add_guest.setText("Tambah")
        self.cancel_edit.setVisible(False)

    def _withdraw_guest(self) -> None:
        rows = self.guests.selectionModel().selectedRows()
        if not rows:
            self.context.dialogs.info(self, "Tarik dari daftar hadir", "Pilih dulu baris yang akan ditarik.")
            return
        guest = self.guest_model.row(rows[0].row())
        attendee_id = int(guest.key)
        reason = self.context.dialogs.ask_text(
            self, "Tarik dari daftar hadir", f"Alasan menarik {guest.values[0]} (mis. salah ketik):"
        )
        if reason is None:
            return
        self._run("Tamu tidak ditarik", lambda: visits.withdraw_attendee(attendee_id, reason, self.context.actor()))

    def _save_minutes(self) -> None:
        text = self.minutes.toPlainText()
        self._run("Notulen tidak disimpan",
                  lambda: visits.set_minutes(self.request_id, text, self.context.actor()), "minutes")  # fmt: skip

    def _save_catering(self) -> None:
        self._run("Pesanan jamuan tidak disimpan", lambda: visits.set_catering(
            self.request_id, self.context.actor(), self.catering_count.value(), self.catering_menu.text(),
            self.catering_vendor.text(),
        ), "catering")  # fmt: skip

    def _add_photo(self) -> None:
        for path in self.context.dialogs.open_files(self, "Pilih foto dokumentasi", "Foto (*.jpg *.jpeg *.png)"):
            self._run("Foto tidak disimpan", lambda p=path: visits.add_photo(
                self.request_id, Path(p), self.context.actor(), self.context.paths.attachments
            ))  # fmt: skip

    def _open_photo(self) -> None:
        item = self.photos.currentItem()
        if item is not None:
            path = self.context.paths.attachments / str(item.data(Qt.ItemDataRole.UserRole))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _export(self) -> None:
        suggested = self.context.paths.exports / f"kunjungan-{self.request_id}.xlsx"
        chosen = self.context.dialogs.save_file(self, "Ekspor kunjungan", str(suggested), "Excel (*.xlsx)")
        if not chosen:
            return
        try:
            out = visits.export_visit(self.request_id, Path(chosen), self.context.actor())
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self, "Ekspor gagal", str(exc))
            return
        self.context.dialogs.file_written(self, "Ekspor berhasil", "Data kunjungan disimpan ke:", out)
