"""First start creates the administrator; login, switching user, the lock, and the accounts page."""

from __future__ import annotations

from protokol_desktop.services import users
from protokol_desktop.ui import app as app_module
from protokol_desktop.ui.dialogs.login import FirstAdminDialog, LoginDialog


def test_first_start_creates_the_administrator(store, qtbot, dialogs, monkeypatch):
    def fake_exec(dialog):
        dialog.full_name.setText("Administrator Kantor")
        dialog.password.setText("rahasia-kantor")
        dialog.repeat.setText("berbeda-sekali")
        dialog._accept()
        assert dialogs.errors[-1][0] == "Kata sandi berbeda"
        dialog.repeat.setText("rahasia-kantor")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(FirstAdminDialog, "exec", fake_exec)
    account = app_module.first_login(dialogs)
    assert account is not None and account.role == "Admin"
    assert users.authenticate("admin", "rahasia-kantor").full_name == "Administrator Kantor"


def test_login_refuses_a_wrong_password(store, qtbot, dialogs, monkeypatch):
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")

    def fake_exec(dialog):
        dialog.username.setText("admin")
        dialog.password.setText("salah")
        dialog._accept()
        assert "salah" in dialogs.errors[-1][1]
        assert dialog.password.text() == ""
        dialog.password.setText("rahasia-kantor")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    assert app_module.first_login(dialogs).username == "admin"


def test_switch_user_and_manager_pages(main_window, qtbot, monkeypatch, dialogs):
    window, controller = main_window
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    kabag = controller.context.actor()
    users.create_user(kabag, "maria", "Maria Tuhumury", "Staf", "sandi-maria-1")
    controller.refresh()
    users_row = window.pages.indexOf(window.users)
    assert not window.navigation.item(users_row).isHidden()

    def fake_exec(dialog):
        dialog.username.setText("maria")
        dialog.password.setText("sandi-maria-1")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    controller.switch_user()
    assert controller.context.actor().name == "Maria Tuhumury"
    assert window.actor_action.text() == "Maria Tuhumury (Staf)"
    assert window.navigation.item(users_row).isHidden()
    assert not window.office_action.isEnabled()
    # The lock asks again; the same user comes back.
    controller.lock()
    assert controller.context.actor().role == "Staf"
    assert window.centralWidget().isVisible()


def test_accounts_page_adds_and_refuses(main_window, qtbot, dialogs, qtmodeltester):
    window, controller = main_window
    view = window.users
    window.navigation.setCurrentRow(window.pages.indexOf(view))
    view.username.setText("yohanes")
    view.full_name.setText("Yohanes Pattiasina")
    view.role.setCurrentIndex(view.role.findData("Kasubbag"))
    view.password.setText("pendek")
    view.add_button.click()
    assert "minimal" in dialogs.errors[-1][1]
    view.password.setText("cukup-panjang-1")
    view.add_button.click()
    assert [a.username for a in users.list_users()] == ["yohanes"]
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)
