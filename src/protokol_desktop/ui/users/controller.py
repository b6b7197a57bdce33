"""Accounts page: add, reset a password, deactivate — the services refuse anyone but Admin/Kabag."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ...services import ServiceError, users
from ...services.permissions import can_change_account, can_give_role
from ..context import AppContext
from ..models.rows import Row
from ..rights import show_item_permission, show_permission
from .view import UsersView


class UsersController(QObject):
    def __init__(self, view: UsersView, context: AppContext) -> None:
        super().__init__(view)
        self.view = view
        self.context = context
        view.add_button.clicked.connect(self.add)
        view.reset_button.clicked.connect(self.reset_password)
        view.toggle_button.clicked.connect(self.toggle_active)
        view.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def reload(self) -> None:
        """The roles offered (the lowest chosen; one the user may not give greyed out with the
        reason) and the accounts."""
        actor = self.context.actor()
        combo = self.view.role
        combo.clear()
        for index, role in enumerate(users.roles()):
            combo.addItem(role, role)
            show_item_permission(combo, index, can_give_role(actor, role))
        combo.setCurrentIndex(max(0, combo.findData(users.default_role())))
        self.view.model.set_rows(
            [
                Row(
                    (a.username, a.full_name, a.nip, a.jabatan, a.role, "Aktif" if a.active else "Nonaktif"),
                    key=a.username,
                    colour=None if a.active else "#888888",
                )
                for a in users.list_users()
            ]
        )
        self._selection_changed()

    def _selected_account(self) -> users.Account | None:
        username = self._selected()
        return next((a for a in users.list_users() if a.username == username), None)

    def _selection_changed(self, *_: object) -> None:
        account = self._selected_account()
        actor = self.context.actor()
        for button, what in (
            (self.view.reset_button, "Mengatur ulang kata sandi"),
            (self.view.toggle_button, "Mengubah"),
        ):
            if account is None:
                button.setEnabled(False)
                button.setToolTip("Pilih satu pengguna di tabel")
            else:
                show_permission(button, can_change_account(actor, account.role, what))

    def _selected(self) -> str | None:
        rows = self.view.table.selectionModel().selectedRows()
        return None if not rows else str(self.view.model.row(rows[0].row()).key)

    def add(self) -> None:
        view = self.view
        try:
            users.create_user(
                self.context.actor(), view.username.text(), view.full_name.text(), str(view.role.currentData()),
                view.password.text(), nip=view.nip.text(), jabatan=view.jabatan.text(),
            )  # fmt: skip
        except ServiceError as exc:
            self.context.dialogs.error(view, "Pengguna belum ditambah", str(exc))
            return
        for field in (view.username, view.full_name, view.nip, view.jabatan, view.password):
            field.clear()
        self.reload()

    def reset_password(self) -> None:
        username = self._selected()
        if username is None:
            return
        password = self.context.dialogs.ask_text(
            self.view, "Atur ulang kata sandi", f"Kata sandi baru untuk {username}:"
        )
        if password is None:
            return
        try:
            users.reset_password(self.context.actor(), username, password)
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Kata sandi tidak diubah", str(exc))
            return
        self.context.dialogs.info(self.view, "Kata sandi diatur ulang", f"Kata sandi {username} telah diganti.")

    def toggle_active(self) -> None:
        username = self._selected()
        if username is None:
            return
        account = next(a for a in users.list_users() if a.username == username)
        try:
            users.update_user(self.context.actor(), username, active=not account.active)
        except ServiceError as exc:
            self.context.dialogs.error(self.view, "Pengguna tidak diubah", str(exc))
            return
        self.reload()
