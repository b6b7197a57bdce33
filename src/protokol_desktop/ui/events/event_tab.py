"""The "Pengaturan Acara" tab of an AMB-ACARA or LMJ-KOORDINASI request: the rundown (with up/down
and templates), the officers, location checks and rehearsals with photos, the dress code, and the
guest list in order of precedence with the front row."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import precedence, rundown
from ...domain.indonesian import format_date_short, format_datetime
from ...services import ServiceError
from ...services import events as ev
from ...services.office import active_office
from ..context import AppContext
from ..models.rows import Row, RowsModel
from ..widgets import datetime_edit, from_qt, read_only_table, typed_dates_ok
from .common import RecordTab, select_key, selected_key

RUNDOWN_HEADERS = ["No", "Mulai", "Selesai", "Durasi", "Acara", "Pelaksana", "Catatan"]
OFFICER_HEADERS = ["Tugas", "Nama", "Kontak", "Catatan"]
CHECK_HEADERS = ["Jenis", "Waktu", "Hasil / temuan", "Petugas", "Foto", "Dicatat oleh"]
GUEST_HEADERS = ["No", "Jabatan", "Nama", "Mewakili", "Golongan", "Dasar (UU 9/2010)"]
UNKNOWN_COLOUR = "#8a6d3b"


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setAutoDefault(False)
    return button


class EventTab(RecordTab):
    def __init__(self, request_id: int, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(request_id, context, parent)
        self.photos: list[Path] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        dress = QHBoxLayout()
        dress.addWidget(QLabel("Tata pakaian"))
        self.dress_code = QLineEdit()
        self.dress_code.setPlaceholderText("mis. PSL / PDH / batik, sesuai undangan")
        self.dress_button = _button("Simpan")
        dress.addWidget(self.dress_code, 1)
        dress.addWidget(self.dress_button)
        layout.addLayout(dress)
        self.pages = QTabWidget()
        self.pages.addTab(self._rundown_page(), "Susunan Acara")
        self.pages.addTab(self._officer_page(), "Petugas")
        self.pages.addTab(self._check_page(), "Cek Lokasi && Gladi")
        self.pages.addTab(self._guest_page(), "Tata Tempat")
        layout.addWidget(self.pages, 1)
        self._connect()
        self.refresh()

    # -- layout
    def _rundown_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.rundown_summary = QLabel()
        self.rundown_summary.setWordWrap(True)
        layout.addWidget(self.rundown_summary)
        body = QHBoxLayout()
        self.rundown_model = RowsModel(RUNDOWN_HEADERS, self)
        self.rundown_table = read_only_table(self.rundown_model, widths=(36, 56, 56, 90, 330, 150))
        body.addWidget(self.rundown_table, 1)
        side = QVBoxLayout()
        self.up_button = _button("▲ Naik")
        self.down_button = _button("▼ Turun")
        self.minutes_button = _button("Ubah durasi…")
        self.describe_button = _button("Ubah uraian…")
        self.remove_item_button = _button("Hapus")
        for button in (self.up_button, self.down_button, self.minutes_button, self.describe_button,
                       self.remove_item_button):  # fmt: skip
            side.addWidget(button)
        side.addStretch(1)
        body.addLayout(side)
        layout.addLayout(body, 1)
        add = QHBoxLayout()
        self.item_description = QLineEdit()
        self.item_description.setPlaceholderText("Uraian mata acara")
        self.item_minutes = QSpinBox()
        self.item_minutes.setRange(1, rundown.MAX_ITEM_MINUTES)
        self.item_minutes.setValue(5)
        self.item_minutes.setSuffix(" menit")
        self.item_person = QLineEdit()
        self.item_person.setPlaceholderText("Pelaksana / penanggung jawab")
        self.add_item_button = _button("Tambah")
        add.addWidget(self.item_description, 3)
        add.addWidget(self.item_minutes)
        add.addWidget(self.item_person, 2)
        add.addWidget(self.add_item_button)
        layout.addLayout(add)
        template = QHBoxLayout()
        template.addWidget(QLabel("Mulai dari templat"))
        self.template = QComboBox()
        for code, item in rundown.TEMPLATES.items():
            self.template.addItem(item.name, code)
        self.template_button = _button("Pakai templat")
        template.addWidget(self.template)
        template.addWidget(self.template_button)
        template.addStretch(1)
        layout.addLayout(template)
        return page

    def _officer_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.officer_model = RowsModel(OFFICER_HEADERS, self)
        self.officer_table = read_only_table(self.officer_model, widths=(170, 240, 160))
        layout.addWidget(self.officer_table, 1)
        add = QHBoxLayout()
        self.officer_duty = QComboBox()
        self.officer_duty.setEditable(True)
        self.officer_duty.setMinimumContentsLength(18)
        self.officer_name = QLineEdit()
        self.officer_name.setPlaceholderText("Nama petugas")
        self.officer_contact = QLineEdit()
        self.officer_contact.setPlaceholderText("Nomor HP (boleh kosong)")
        self.add_officer_button = _button("Tambah petugas")
        self.remove_officer_button = _button("Hapus")
        add.addWidget(self.officer_duty)
        add.addWidget(self.officer_name, 2)
        add.addWidget(self.officer_contact, 1)
        add.addWidget(self.add_officer_button)
        add.addWidget(self.remove_officer_button)
        layout.addLayout(add)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.check_status = QLabel()
        self.check_status.setWordWrap(True)
        self.check_status.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.check_status)
        required = QHBoxLayout()
        required.addWidget(QLabel("Diperlukan untuk acara ini:"))
        self.required_boxes: dict[str, QCheckBox] = {}
        for kind, label in ev.CHECK_KINDS.items():
            box = QCheckBox(label)
            self.required_boxes[kind] = box
            required.addWidget(box)
        required.addStretch(1)
        layout.addLayout(required)
        self.check_model = RowsModel(CHECK_HEADERS, self)
        self.check_table = read_only_table(self.check_model, widths=(90, 130, 330, 150, 60))
        layout.addWidget(self.check_table, 1)
        form = QGridLayout()
        self.check_kind = QComboBox()
        for kind, label in ev.CHECK_KINDS.items():
            self.check_kind.addItem(label, kind)
        self.check_time = datetime_edit()
        self.check_findings = QLineEdit()
        self.check_findings.setPlaceholderText("Hasil dan temuan (tempat, kursi VIP, sound system, jalur kedatangan…)")
        self.check_officers = QLineEdit()
        self.check_officers.setPlaceholderText("Petugas yang hadir")
        self.photo_button = _button("Pilih foto…")
        self.photo_label = QLabel("Belum ada foto dipilih")
        self.record_check_button = _button("Simpan laporan")
        form.addWidget(QLabel("Jenis"), 0, 0)
        form.addWidget(self.check_kind, 0, 1)
        form.addWidget(QLabel("Waktu"), 0, 2)
        form.addWidget(self.check_time, 0, 3)
        form.addWidget(QLabel("Petugas"), 0, 4)
        form.addWidget(self.check_officers, 0, 5)
        form.addWidget(QLabel("Hasil"), 1, 0)
        form.addWidget(self.check_findings, 1, 1, 1, 5)
        form.addWidget(self.photo_button, 2, 1)
        form.addWidget(self.photo_label, 2, 2, 1, 3)
        form.addWidget(self.record_check_button, 2, 5)
        form.setColumnStretch(5, 1)
        layout.addLayout(form)
        actions = QHBoxLayout()
        self.add_photo_button = _button("Tambah foto ke laporan terpilih…")
        self.open_photo_button = _button("Buka foto")
        self.withdraw_check_button = _button("Tarik laporan…")
        actions.addWidget(self.add_photo_button)
        actions.addWidget(self.open_photo_button)
        actions.addWidget(self.withdraw_check_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        return page

    def _guest_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(
            "Urutan menurut UU 9/2010 Pasal 11 (kabupaten/kota); pejabat pusat dan provinsi didahulukan (ayat 2); "
            "yang mewakili duduk sesuai jabatannya sendiri (Pasal 15)."
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        layout.addWidget(note)
        self.guest_model = RowsModel(GUEST_HEADERS, self)
        self.guest_table = read_only_table(self.guest_model, widths=(36, 260, 170, 150, 260))
        layout.addWidget(self.guest_table, 1)
        add = QHBoxLayout()
        self.guest_title = QLineEdit()
        self.guest_title.setPlaceholderText("Jabatan, mis. Kapolres Lumajang")
        self.guest_name = QLineEdit()
        self.guest_name.setPlaceholderText("Nama (boleh kosong)")
        self.guest_represents = QLineEdit()
        self.guest_represents.setPlaceholderText("Mewakili (jika diwakilkan)")
        self.add_guest_button = _button("Tambah tamu")
        self.remove_guest_button = _button("Hapus")
        add.addWidget(self.guest_title, 3)
        add.addWidget(self.guest_name, 2)
        add.addWidget(self.guest_represents, 2)
        add.addWidget(self.add_guest_button)
        add.addWidget(self.remove_guest_button)
        layout.addLayout(add)
        place = QHBoxLayout()
        self.guest_up_button = _button("Naik")
        self.guest_down_button = _button("Turun")
        self.guest_rank = QComboBox()
        self.guest_rank.addItem("Sesuai jabatan (UU 9/2010)", "")
        for rank in precedence.group_choices():
            self.guest_rank.addItem(precedence.group_label(rank), precedence.rank_key_text(rank))
        self.guest_rank_button = _button("Tetapkan golongan")
        self.aliases_button = _button("Sebutan jabatan…")
        self.group_order_button = _button("Urutan golongan…")
        # Long group labels must not widen the tab past a small screen: the list shows them whole.
        self.guest_rank.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.guest_rank.setMinimumContentsLength(24)
        place.addWidget(QLabel("Tamu terpilih:"))
        place.addWidget(self.guest_up_button)
        place.addWidget(self.guest_down_button)
        place.addWidget(self.guest_rank, 1)
        place.addWidget(self.guest_rank_button)
        layout.addLayout(place)
        tables = QHBoxLayout()
        tables.addWidget(self.aliases_button)
        tables.addWidget(self.group_order_button)
        tables.addStretch(1)
        layout.addLayout(tables)
        host = QHBoxLayout()
        host.addWidget(QLabel("Tuan rumah (duduk di samping tamu tertinggi)"))
        self.host = QLineEdit()
        self.host.setPlaceholderText("mis. Kepala Dinas penyelenggara")
        self.host_button = _button("Simpan")
        host.addWidget(self.host, 1)
        host.addWidget(self.host_button)
        layout.addLayout(host)
        self.seating = QLabel()
        self.seating.setWordWrap(True)
        self.seating.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.seating)
        return page

    def _connect(self) -> None:
        self.dress_button.clicked.connect(self.save_dress_code)
        self.add_item_button.clicked.connect(self.add_item)
        self.item_description.returnPressed.connect(self.add_item)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.minutes_button.clicked.connect(self.change_minutes)
        self.describe_button.clicked.connect(self.change_description)
        self.remove_item_button.clicked.connect(self.remove_item)
        self.template_button.clicked.connect(self.use_template)
        self.add_officer_button.clicked.connect(self.add_officer)
        self.remove_officer_button.clicked.connect(self.remove_officer)
        for box in self.required_boxes.values():
            box.clicked.connect(self.save_required)
        self.photo_button.clicked.connect(self.choose_photos)
        self.record_check_button.clicked.connect(self.record_check)
        self.add_photo_button.clicked.connect(self.add_photo)
        self.open_photo_button.clicked.connect(self.open_photo)
        self.check_table.doubleClicked.connect(self.open_photo)
        self.withdraw_check_button.clicked.connect(self.withdraw_check)
        self.add_guest_button.clicked.connect(self.add_guest)
        self.guest_title.returnPressed.connect(self.add_guest)
        self.remove_guest_button.clicked.connect(self.remove_guest)
        self.guest_up_button.clicked.connect(self.move_guest_up)
        self.guest_down_button.clicked.connect(self.move_guest_down)
        self.guest_rank_button.clicked.connect(self.set_guest_rank)
        self.aliases_button.clicked.connect(self.edit_aliases)
        self.group_order_button.clicked.connect(self.edit_group_order)
        self.host_button.clicked.connect(self.save_host)

    # -- filling
    def refresh(self) -> None:
        office = active_office()
        zone = office.zone
        summary = ev.event_summary(self.request_id)
        self.dress_code.setText(summary.dress_code)
        self.host.setText(summary.host)
        rows = ev.rundown_rows(self.request_id)
        self.rundown_model.set_rows(
            [
                Row(
                    (r.number, r.start, r.end, rundown.format_duration(r.minutes), r.description, r.person, r.note),
                    key=r.id,
                )
                for r in rows
            ]
        )
        self.rundown_table.resizeRowsToContents()
        total = sum(r.minutes for r in rows)
        if summary.start is None:
            self.rundown_summary.setText(
                "Jam acara belum diisi pada permohonan: waktu tiap mata acara dihitung setelah jam mulai diketahui."
            )
        elif rows:
            self.rundown_summary.setText(
                f"Mulai {summary.start.strftime('%H.%M')} {office.timezone} · {len(rows)} mata acara · "
                f"{rundown.format_duration(total)} · selesai {rows[-1].end}. Waktu dihitung ulang saat urutan berubah."
            )
        else:
            self.rundown_summary.setText(
                f"Mulai {summary.start.strftime('%H.%M')} {office.timezone}. Susunan acara belum diisi: "
                "tambahkan mata acara atau mulai dari templat."
            )
        duties = list(ev.OFFICER_DUTIES) + [f"Ajudan {leader}" for leader in office.leaders[:2]]
        if self.officer_duty.count() != len(duties):
            self.officer_duty.clear()
            self.officer_duty.addItems(duties)
        self.officer_model.set_rows(
            [Row((o.duty, o.name, o.contact, o.note), key=o.id) for o in ev.officers(self.request_id)]
        )
        self._refresh_checks(summary, zone)
        self._refresh_guests()

    def _refresh_checks(self, summary: ev.EventSummary, zone) -> None:  # noqa: ANN001
        checks = ev.checks(self.request_id)
        for kind, box in self.required_boxes.items():
            box.setChecked(kind in summary.required_checks)
        self.check_model.set_rows(
            [
                Row(
                    (
                        c.kind_label,
                        format_datetime(c.held_at.astimezone(zone)),
                        c.findings,
                        c.officers,
                        len(c.photos) or "",
                        c.recorded_by,
                    ),
                    key=c.id,
                )
                for c in checks
            ]
        )
        self.check_table.resizeRowsToContents()
        lines = []
        done = {c.kind: c for c in checks}
        for kind in summary.required_checks:
            label = ev.CHECK_KINDS[kind]
            if kind in done:
                when = format_datetime(done[kind].held_at.astimezone(zone))
                lines.append(f"<span style='color:#2e7d32'>✔ {label} sudah dilaporkan ({when})</span>")
            elif summary.start is not None:
                due_from, limit = ev.check_due_window(summary.start)
                lines.append(
                    f"<span style='color:#c62828'>✘ {label} belum dilaporkan</span> — jatuh tempo H-1 "
                    f"({format_date_short(due_from.date())}), paling lambat {format_datetime(limit)}"
                )
            else:
                lines.append(f"✘ {label} belum dilaporkan (tanggal/jam acara belum diisi)")
        self.check_status.setText("<br>".join(lines) or "Tidak ada pemeriksaan yang diwajibkan.")
        if not self.check_findings.text():  # a fresh form: now, in the office's time
            self.check_time.setDateTime(datetime.now(zone).replace(tzinfo=None, second=0, microsecond=0))
        self.photo_label.setText(
            ", ".join(p.name for p in self.photos) if self.photos else "Belum ada foto dipilih (JPG/PNG)"
        )

    def _refresh_guests(self) -> None:
        rows = []
        for number, guest in ev.numbered_guests(self.request_id):
            rank = guest.rank
            if not rank.known:
                tooltip = "Jabatan tidak dikenali: tempatkan dengan Naik/Turun, pilih golongan, atau tambah sebutan"
            elif guest.placed:
                tooltip = "Ditempatkan petugas; pilih \"Sesuai jabatan\" untuk kembali ke urutan UU 9/2010"
            else:
                tooltip = ""
            rows.append(
                Row(
                    (
                        number or "Tuan rumah",
                        guest.title,
                        guest.name,
                        guest.represents,
                        rank.group,
                        rank.basis.replace("UU 9/2010 ", "") if rank.known else "—",
                    ),
                    key=guest.id,
                    colour=None if rank.known and not guest.placed else UNKNOWN_COLOUR,
                    tooltip=tooltip,
                )
            )
        self.guest_model.set_rows(rows)
        self.guest_table.resizeRowsToContents()
        seats = ev.seating(self.request_id)
        if not seats:
            self.seating.setText("<i>Tambahkan tamu untuk melihat deretan kursi depan.</i>")
            return
        cells = "".join(
            "<td align='center' style='border:1px solid #888; padding:4px; "
            + ("background:#fff2cc;" if s.is_host else "")
            + f"'><b>{escape(s.label if s.is_host else str(s.number))}</b><br>"
            + escape(getattr(s.person, "title", str(s.person)))
            + "</td>"
            for s in seats
        )
        self.seating.setText(
            "<b>Kursi depan</b> (dilihat dari hadirin, kiri → kanan; tamu tertinggi di sebelah kanan tuan rumah):"
            f"<table cellspacing='0' style='margin-top:4px'><tr>{cells}</tr></table>"
        )

    # -- actions
    def actor(self):  # noqa: ANN201
        return self.context.actor()

    def save_dress_code(self) -> bool:
        return self.run(
            "Tata pakaian",
            lambda: ev.set_dress_code(self.request_id, self.dress_code.text(), self.actor()),
        )

    def add_item(self) -> bool:
        ok = self.run(
            "Mata acara tidak ditambah",
            lambda: ev.add_rundown_item(
                self.request_id,
                self.item_description.text(),
                self.item_minutes.value(),
                self.actor(),
                person=self.item_person.text(),
            ),
        )
        if ok:
            self.item_description.clear()
            self.item_person.clear()
            self.item_description.setFocus()
        return ok

    def _move(self, delta: int) -> bool:
        key = selected_key(self.rundown_table)
        if key is None:
            return False
        ok = self.run("Urutan acara", lambda: ev.move_rundown_item(key, delta, self.actor()))
        select_key(self.rundown_table, key)
        return ok

    def move_up(self) -> bool:
        return self._move(-1)

    def move_down(self) -> bool:
        return self._move(1)

    def change_minutes(self) -> bool:
        key = selected_key(self.rundown_table)
        if key is None:
            return False
        text = self.context.dialogs.ask_text(self, "Ubah durasi", "Durasi (menit):")
        if text is None:
            return False
        if not text.strip().isdigit():
            self.context.dialogs.error(self, "Durasi tidak diubah", "Tulis durasi dalam menit, mis. 10")
            return False
        return self.run("Durasi tidak diubah", lambda: ev.update_rundown_item(key, self.actor(), minutes=int(text)))

    def change_description(self) -> bool:
        key = selected_key(self.rundown_table)
        if key is None:
            return False
        current = next((r for r in ev.rundown_rows(self.request_id) if r.id == key), None)
        text = self.context.dialogs.ask_text(
            self, "Ubah uraian", "Uraian mata acara:", current.description if current else ""
        )
        if text is None:
            return False
        return self.run("Uraian tidak diubah", lambda: ev.update_rundown_item(key, self.actor(), description=text))

    def remove_item(self) -> bool:
        key = selected_key(self.rundown_table)
        if key is None:
            return False
        return self.run("Mata acara tidak dihapus", lambda: ev.withdraw_rundown_item(key, self.actor()))

    def use_template(self) -> bool:
        code = str(self.template.currentData())
        replace = False
        if ev.rundown_rows(self.request_id):
            if not self.context.dialogs.confirm(
                self, "Pakai templat", "Susunan acara yang ada akan diganti dengan templat. Lanjutkan?"
            ):
                return False
            replace = True
        return self.run(
            "Templat tidak dipakai", lambda: ev.apply_template(self.request_id, code, self.actor(), replace=replace)
        )

    def add_officer(self) -> bool:
        ok = self.run(
            "Petugas tidak ditambah",
            lambda: ev.add_officer(
                self.request_id,
                self.officer_duty.currentText(),
                self.officer_name.text(),
                self.actor(),
                contact=self.officer_contact.text(),
            ),
        )
        if ok:
            self.officer_name.clear()
            self.officer_contact.clear()
        return ok

    def remove_officer(self) -> bool:
        key = selected_key(self.officer_table)
        if key is None:
            return False
        return self.run("Petugas tidak dihapus", lambda: ev.withdraw_officer(key, self.actor()))

    def save_required(self) -> bool:
        kinds = [kind for kind, box in self.required_boxes.items() if box.isChecked()]
        ok = self.run("Pemeriksaan", lambda: ev.set_required_checks(self.request_id, kinds, self.actor()))
        if not ok:
            self.refresh()
        return ok

    def choose_photos(self) -> None:
        paths = self.context.dialogs.open_files(self, "Pilih foto", "Foto (*.jpg *.jpeg *.png)")
        self.photos = [Path(p) for p in paths]
        self.photo_label.setText(", ".join(p.name for p in self.photos) or "Belum ada foto dipilih (JPG/PNG)")

    def record_check(self) -> bool:
        if not typed_dates_ok(self.context.dialogs, self, self.check_time):
            return False
        held_at = from_qt(self.check_time)
        ok = self.run(
            "Laporan tidak disimpan",
            lambda: ev.record_check(
                self.request_id,
                str(self.check_kind.currentData()),
                held_at,
                self.check_findings.text(),
                self.actor(),
                officers=self.check_officers.text(),
                photos=self.photos,
                files_dir=self.context.paths.attachments,
            ),
        )
        if ok:
            self.check_findings.clear()
            self.check_officers.clear()
            self.photos = []
            self.refresh()
        return ok

    def add_photo(self) -> bool:
        key = selected_key(self.check_table)
        if key is None:
            self.context.dialogs.error(self, "Foto", "Pilih laporan cek lokasi/gladi dulu")
            return False
        path = self.context.dialogs.open_file(self, "Pilih foto", "Foto (*.jpg *.jpeg *.png)")
        if not path:
            return False
        return self.run(
            "Foto tidak disimpan",
            lambda: ev.add_check_photo(key, Path(path), self.actor(), self.context.paths.attachments),
        )

    def open_photo(self, *_: object) -> None:
        key = selected_key(self.check_table)
        check = next((c for c in ev.checks(self.request_id) if c.id == key), None)
        if check is None or not check.photos:
            return
        for photo in check.photos:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.paths.attachments / photo.stored_name)))

    def withdraw_check(self) -> bool:
        key = selected_key(self.check_table)
        if key is None:
            return False
        reason = self.context.dialogs.ask_text(self, "Tarik laporan", "Alasan menarik laporan ini:")
        if reason is None:
            return False
        return self.run("Laporan tidak ditarik", lambda: ev.withdraw_check(key, reason, self.actor()))

    def add_guest(self) -> bool:
        ok = self.run(
            "Tamu tidak ditambah",
            lambda: ev.add_guest(
                self.request_id,
                self.guest_title.text(),
                self.actor(),
                name=self.guest_name.text(),
                represents=self.guest_represents.text(),
            ),
        )
        if ok:
            for field in (self.guest_title, self.guest_name, self.guest_represents):
                field.clear()
            self.guest_title.setFocus()
        return ok

    def remove_guest(self) -> bool:
        key = selected_key(self.guest_table)
        if key is None:
            return False
        return self.run("Tamu tidak dihapus", lambda: ev.withdraw_guest(key, self.actor()))

    def _move_guest(self, delta: int) -> bool:
        key = selected_key(self.guest_table)
        if key is None:
            return False
        ok = self.run("Tamu tidak dipindah", lambda: ev.move_guest(key, delta, self.actor()))
        select_key(self.guest_table, key)
        return ok

    def move_guest_up(self) -> bool:
        return self._move_guest(-1)

    def move_guest_down(self) -> bool:
        return self._move_guest(1)

    def set_guest_rank(self) -> bool:
        key = selected_key(self.guest_table)
        if key is None:
            return False
        chosen = self.guest_rank.currentData() or ""
        ok = self.run("Golongan tidak ditetapkan", lambda: ev.set_guest_rank(key, chosen, self.actor()))
        select_key(self.guest_table, key)
        return ok

    def edit_aliases(self) -> bool:
        from ...services import precedence as aliases
        from ..dialogs.precedence_aliases import AliasDialog

        def add(alias: str, meaning: str) -> str | None:
            try:
                aliases.add_alias(alias, meaning, self.actor())
            except ServiceError as exc:
                return str(exc)
            return None

        def remove(alias: str) -> str | None:
            try:
                aliases.remove_alias(alias, self.actor())
            except ServiceError as exc:
                return str(exc)
            return None

        changed = AliasDialog.edit(aliases.alias_rows, add, remove, aliases.preview, self.context.dialogs, self)
        if changed:
            self.refresh()
            self.changed.emit()
        return changed

    def edit_group_order(self) -> bool:
        from ...services import precedence as order
        from ..dialogs.precedence_aliases import GroupOrderDialog

        def move(key: str, delta: int) -> str | None:
            try:
                order.move_group(key, delta, self.actor())
            except ServiceError as exc:
                return str(exc)
            return None

        def reset() -> str | None:
            try:
                order.reset_group_order(self.actor())
            except ServiceError as exc:
                return str(exc)
            return None

        changed = GroupOrderDialog.edit(order.group_order_rows, move, reset, self.context.dialogs, self)
        if changed:
            self.refresh()
            self.changed.emit()
        return changed

    def save_host(self) -> bool:
        return self.run("Tuan rumah", lambda: ev.set_host(self.request_id, self.host.text(), self.actor()))
