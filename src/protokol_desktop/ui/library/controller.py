"""Fills the SOP library page and runs its import and exports through the services."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelection, QObject, Signal

from ...domain.sop import Sop
from ...services import ServiceError, library
from ...services.office import active_office, office_name
from ...services.permissions import Permission
from ..context import AppContext
from ..models.rows import Row
from ..rights import show_permission
from .view import LibraryView

STATUS_LABELS = {"draft": "Draf", "berlaku": "Berlaku", "diganti": "Diganti"}


def _list_html(items: tuple[str, ...]) -> str:
    if not items:
        return "<i>-</i>"
    return "<ol>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ol>"


def identity_html(sop: Sop) -> str:
    ident = sop.identity
    signer = ident.disahkan_oleh
    signed = "<br>".join(escape(x) for x in (signer.jabatan, signer.nama, signer.pangkat) if x)
    if signer.nip:
        signed += f"<br>NIP. {escape(signer.nip)}"
    rows = [
        ("Organisasi", "<br>".join(escape(x) for x in ident.organisation) or escape(office_name(sop.office))),
        ("Nomor SOP", escape(ident.nomor) or "-"),
        ("Tanggal Pembuatan", escape(ident.tanggal_pembuatan) or "-"),
        ("Tanggal Revisi", escape(ident.tanggal_revisi) or "-"),
        ("Tanggal Pengesahan", escape(ident.tanggal_pengesahan) or "-"),
        ("Tanggal Efektif", escape(ident.tanggal_efektif) or "-"),
        ("Disahkan Oleh", signed or "-"),
        ("Nama SOP", f"<b>{escape(sop.name)}</b>"),
        ("Dasar Hukum", _list_html(ident.dasar_hukum)),
        ("Kualifikasi Pelaksana", _list_html(ident.kualifikasi_pelaksana)),
        ("Keterkaitan", _list_html(ident.keterkaitan)),
        ("Peralatan/Perlengkapan", _list_html(ident.peralatan)),
        ("Peringatan", _list_html(ident.peringatan)),
        ("Pencatatan dan Pendataan", _list_html(ident.pencatatan)),
        ("Pelaksana (kolom)", escape(", ".join(sop.executors))),
        ("Sumber", "Dokumen kantor" if sop.source.kind == "dokumen" else "<b>Disusun kantor</b> (bukan dari dokumen)"),
    ]
    if sop.source.note:
        rows.append(("Catatan sumber", escape(sop.source.note)))
    if sop.notes:
        rows.append(("Catatan pembacaan", _list_html(sop.notes)))
    body = "".join(f"<tr><td valign='top'><b>{label}</b></td><td>{value}</td></tr>" for label, value in rows)
    return f"<table cellspacing='4'>{body}</table>"


def standard_html(sop: Sop) -> str:
    std = sop.standard
    requirements = tuple(r.text + ("" if r.required else " (jika perlu)") for r in std.persyaratan)
    rows = [
        ("Persyaratan", _list_html(requirements)),
        ("Sistem, Mekanisme dan Prosedur", _list_html(std.prosedur)),
        ("Jangka Waktu", escape(std.jangka_waktu) or "-"),
        ("Biaya/Tarif", escape(std.biaya) or "-"),
        ("Produk Pelayanan", _list_html(std.produk)),
        ("Penanganan Pengaduan", escape(std.pengaduan) or "-"),
        ("Catatan", _list_html(std.notes)),
    ]
    body = "".join(f"<tr><td valign='top'><b>{label}</b></td><td>{value}</td></tr>" for label, value in rows)
    return f"<table cellspacing='4'>{body}</table>"


def _kind_text(sop: Sop, number: int) -> str:
    step = sop.step(number)
    text = ", ".join(step.kinds)
    if step.decision:
        yes = f"langkah {step.decision.yes}" if step.decision.yes else "selesai"
        no = f"langkah {step.decision.no}" if step.decision.no else "selesai"
        text += f" — {step.decision.question} Ya → {yes}; Tidak → {no}"
    if step.gates:
        from ...services.gates import KINDS

        labels = [KINDS[name].label if name in KINDS else name for name in step.gates]
        text += f" — syarat selesai: {'; '.join(labels)}"
    return text


class LibraryController(QObject):
    libraryChanged = Signal()
    """An SOP was imported: the board's service filter refreshes."""

    def __init__(self, view: LibraryView, context: AppContext) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        self.entries: list[library.LibraryEntry] = []
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)
        view.import_button.clicked.connect(self.import_file)
        view.edit_button.clicked.connect(self.edit)
        view.copy_button.clicked.connect(self.copy)
        view.export_json_button.clicked.connect(self.export_json)
        view.export_xlsx_button.clicked.connect(self.export_xlsx)
        view.export_pdf_button.clicked.connect(self.export_pdf)

    def reload(self) -> None:
        self.entries = library.list_library()
        rows = []
        for entry in self.entries:
            sop = entry.sop
            total, _ = sop.total
            untimed = sop.tentative_steps + sop.untimed_steps
            total_text = sop.total_text + (f" (+{untimed} tanpa standar)" if untimed else "")
            rows.append(
                Row(
                    (
                        sop.code,
                        sop.name,
                        office_name(sop.office),
                        sop.identity.nomor or "-",
                        len(sop.steps),
                        ", ".join(sop.executors),
                        total_text,
                        sop.standard.jangka_waktu or "-",
                        f"{STATUS_LABELS.get(entry.status, entry.status)} (rev. {entry.revision})",
                    ),
                    key=sop.code,
                )
            )
        self.view.model.set_rows(rows)
        if rows:
            self.view.table.selectRow(0)

    def selected(self) -> Sop | None:
        indexes = self.view.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.entries[indexes[0].row()].sop

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        sop = self.selected()
        if sop is None:
            return
        self.view.identity.setHtml(identity_html(sop))
        zone = active_office().zone  # stored in UTC, shown on the office's clock
        self.view.revisions_model.set_rows(
            [
                Row(
                    (
                        r.revision,
                        STATUS_LABELS.get(r.status, r.status),
                        r.tanggal_revisi.strftime("%d/%m/%Y") if r.tanggal_revisi else "-",
                        r.created_at.astimezone(zone).strftime("%d/%m/%Y %H.%M"),
                        r.created_by,
                        r.note,
                    )
                )
                for r in reversed(library.revisions(sop.code))
            ]
        )
        self.view.standard.setHtml(standard_html(sop))
        self.view.steps_model.set_rows(
            [
                Row(
                    (
                        step.number,
                        step.uraian,
                        step.executor,
                        _kind_text(sop, step.number),
                        "; ".join(step.kelengkapan),
                        step.waktu or "-",
                        step.output,
                        step.keterangan,
                    ),
                    tooltip=step.note,
                )
                for step in sop.steps
            ]
        )

    def set_editable(self, editable: Permission) -> None:
        """SOP editing is for Admin and Kabag (:func:`permissions.can_edit_sop`, the rule the
        library service enforces); for anyone else the buttons are disabled and say why."""
        for button in (self.view.edit_button, self.view.copy_button, self.view.import_button):
            show_permission(button, editable)

    def _save(self, sop: Sop, note: str) -> None:
        try:
            row = library.save_sop(sop, self.context.actor(), note=note)
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "SOP tidak disimpan", str(exc))
            return
        self.reload()
        self._select(sop.code)
        self.libraryChanged.emit()
        self.context.dialogs.info(
            self.view,
            "SOP disimpan",
            f"SOP {sop.code} disimpan sebagai revisi {row.revision} ({STATUS_LABELS.get(row.status, row.status)}). "
            "Permohonan yang sedang berjalan tetap memakai revisi lamanya.",
        )

    def _select(self, code: str) -> None:
        for row, entry in enumerate(self.entries):
            if entry.sop.code == code:
                self.view.table.selectRow(row)

    def edit(self) -> None:
        from ..dialogs.sop_editor import SopEditorDialog

        sop = self.selected()
        if sop is None:
            return
        edited = SopEditorDialog.edit(sop, self.context.dialogs, self.view)
        if edited is None or edited == sop:
            return
        self._save(edited, "Diubah lewat editor SOP")

    def copy(self) -> None:
        from ...domain.sop_edit import copy_as_new
        from ..dialogs.sop_editor import SopEditorDialog

        sop = self.selected()
        if sop is None:
            return
        taken = [entry.sop.code for entry in self.entries]
        code = f"{sop.code}-SALIN"
        number = 2
        while code in taken:
            code = f"{sop.code}-SALIN{number}"
            number += 1
        draft = copy_as_new(sop, code, f"Salinan {sop.name}", sop.office)
        created = SopEditorDialog.edit(draft, self.context.dialogs, self.view, new=True, taken_codes=taken)
        if created is not None:
            self._save(created, f"Dibuat dari SOP {sop.code}")

    def import_file(self) -> None:
        path = self.context.dialogs.open_file(self.view, "Impor berkas SOP", "Berkas SOP (*.json)")
        if not path:
            return
        try:
            row = library.import_file(Path(path), self.context.actor())
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Impor ditolak", str(exc))
            return
        sop = library.sop_of_revision(row.id)
        self.context.dialogs.info(
            self.view,
            "Impor berhasil",
            f"SOP {sop.code} ({sop.name}) disimpan sebagai revisi {row.revision}."
            + (f"\n\nCatatan: {row.note}" if row.note != f"Diimpor dari {Path(path).name}" else ""),
        )
        self.reload()
        self.libraryChanged.emit()

    def export_json(self) -> None:
        sop = self.selected()
        if sop is None:
            return
        path = self.context.dialogs.save_file(
            self.view, "Ekspor SOP", str(self.context.paths.exports / f"{sop.code}.json"), "Berkas SOP (*.json)"
        )
        if not path:
            return
        try:
            library.export_json(sop.code, Path(path))
        except (ServiceError, OSError) as exc:
            self.context.dialogs.error(self.view, "Ekspor gagal", str(exc))
            return
        self.context.dialogs.file_written(self.view, "Ekspor berhasil", f"SOP {sop.code} disimpan ke:", path)

    def export_xlsx(self) -> None:
        sop = self.selected()
        if sop is None:
            return
        path = self.context.dialogs.save_file(
            self.view, "Ekspor SOP ke Excel", str(self.context.paths.exports / f"{sop.code}.xlsx"), "Excel (*.xlsx)"
        )
        if not path:
            return
        from ...export.sop_xlsx import write_sop_workbook

        try:
            write_sop_workbook(sop, Path(path), office_name(sop.office))
        except OSError as exc:
            self.context.dialogs.error(self.view, "Ekspor gagal", f"Berkas tidak dapat ditulis: {exc}")
            return
        self.context.dialogs.file_written(self.view, "Ekspor berhasil", f"SOP {sop.code} disimpan ke:", path)

    def export_pdf(self) -> None:
        sop = self.selected()
        if sop is None:
            return
        path = self.context.dialogs.save_file(
            self.view, "Ekspor SOP ke PDF", str(self.context.paths.exports / f"{sop.code}.pdf"), "PDF (*.pdf)"
        )
        if not path:
            return
        from ..pdf.sop_pdf import write_sop_pdf

        try:
            write_sop_pdf(sop, Path(path), office_name(sop.office))
        except OSError as exc:
            self.context.dialogs.error(self.view, "Ekspor gagal", f"Berkas tidak dapat ditulis: {exc}")
            return
        self.context.dialogs.file_written(self.view, "Ekspor berhasil", f"SOP {sop.code} disimpan ke:", path)
