"""Accounts, login, lockout, and every manager-only action refused for a Staf, changing nothing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest

from protokol_desktop.services import Actor, ServiceError, library, users
from protokol_desktop.services import requests as rs
from protokol_desktop.services.office import apply_office, set_office_day
from protokol_desktop.store.models import User
from tests.conftest import sambutan_form

BOTH_BACKENDS = True

ADMIN = Actor("Administrator", "Admin")
STAF = Actor("Maria", "Staf")
KASUBBAG = Actor("Yohanes", "Kasubbag")


def test_first_admin_then_login(store):
    assert not users.has_users()
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    with pytest.raises(ServiceError, match="sudah dibuat"):
        users.create_first_admin("admin2", "Lain", "rahasia-kantor")
    account = users.authenticate("ADMIN ", "rahasia-kantor")
    assert account.role == "Admin"
    stored = User.get(User.username == "admin").password_hash
    assert "rahasia-kantor" not in stored and stored.startswith("scrypt$")


def test_password_never_in_clear_anywhere(store):
    users.create_first_admin("admin", "Administrator", "sandi-yang-unik-123")
    users.create_user(ADMIN, "maria", "Maria", "Staf", "sandi-maria-456")
    users.authenticate("maria", "sandi-maria-456")
    dump = repr(_snapshot(store))
    assert "sandi-yang-unik-123" not in dump and "sandi-maria-456" not in dump


def test_lockout_after_repeated_failures(store):
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    now = datetime(2026, 11, 23, 1, tzinfo=UTC)
    for _ in range(4):
        with pytest.raises(ServiceError, match="salah"):
            users.authenticate("admin", "keliru", now=now)
    with pytest.raises(ServiceError, match="dikunci"):
        users.authenticate("admin", "keliru", now=now)
    with pytest.raises(ServiceError, match="dikunci"):
        users.authenticate("admin", "rahasia-kantor", now=now + timedelta(minutes=5))
    assert users.authenticate("admin", "rahasia-kantor", now=now + timedelta(minutes=16)).username == "admin"


@pytest.mark.parametrize(
    ("username", "full_name", "role", "password", "nip", "message"),
    [
        ("", "Maria", "Staf", "sandi-panjang", "", "Nama pengguna wajib"),
        ("ma ria", "Maria", "Staf", "sandi-panjang", "", "spasi"),
        ("maria", "Maria", "Camat", "sandi-panjang", "", "Peran"),
        ("maria", "Maria", "Staf", "pendek", "", "minimal"),
        ("maria", "Maria", "Staf", "sandi-panjang", "1967", "NIP"),
    ],
)
def test_bad_account_input(store, username, full_name, role, password, nip, message):
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    with pytest.raises(ServiceError, match=message):
        users.create_user(ADMIN, username, full_name, role, password, nip=nip)
    assert User.select().count() == 1


def _snapshot(store) -> list:
    """Every row of every table, on either back end."""
    from protokol_desktop.store.models import ALL_MODELS

    return [sorted(model.select().tuples(), key=repr) for model in ALL_MODELS]


def test_staf_is_refused_every_manager_action(store, tmp_path):
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    request_id = rs.register_request(sambutan_form(fulfilled=(0, 2)), STAF)
    running = rs.register_request(sambutan_form(nomor_surat="005/2"), STAF)
    rs.start_request(running, Actor("Kabag", "Kabag"))
    sop_file = library.export_json("AMB-SAMBUTAN", tmp_path / "sop.json")
    sop = library.get_sop("AMB-SAMBUTAN")
    before = _snapshot(store)
    for actor in (STAF, KASUBBAG):
        actions = [
            lambda a=actor: users.create_user(a, "baru", "Baru", "Staf", "sandi-panjang"),
            lambda a=actor: users.update_user(a, "admin", active=False),
            lambda a=actor: users.reset_password(a, "admin", "sandi-baru-123"),
            lambda a=actor: library.save_sop(sop, a),
            lambda a=actor: library.import_file(sop_file, a),
            lambda a=actor: apply_office("lumajang", a),
            lambda a=actor: set_office_day(date(2026, 12, 1), True, "Libur", a),
            lambda a=actor: rs.cancel(running, "batal", a),
            lambda a=actor: rs.start_request(request_id, a, override_reason="mendesak"),
            lambda a=actor: rs.complete_step(running, a),  # step 1 is the Kabag's
        ]
        for action in actions:
            with pytest.raises(ServiceError) as refused:
                action()
            assert any(word in str(refused.value) for word in ("hanya", "Hanya", "ditolak", "berwenang", "milik"))
    assert _snapshot(store) == before


def test_kabag_and_admin_may(store, tmp_path):
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    account = users.create_user(ADMIN, "ahmad", "Drs. Ahmad", "Kabag", "sandi-kabag-1", nip="19700101 199503 1 001")
    kabag = account.actor
    users.create_user(kabag, "maria", "Maria", "Staf", "sandi-maria-1")
    users.update_user(kabag, "maria", active=False)
    with pytest.raises(ServiceError):
        users.authenticate("maria", "sandi-maria-1")
    data = library.export_dict("AMB-SAMBUTAN")
    path = tmp_path / "sop.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert library.import_file(path, kabag).revision == 1
    set_office_day(date(2026, 12, 1), True, "HUT Kota", kabag)
    with pytest.raises(ServiceError, match="terakhir"):
        users.update_user(ADMIN, "admin", active=False)


def test_new_accounts_default_to_the_lowest_role_and_only_an_admin_makes_an_admin(store):
    """A Kabag manages the staff but cannot create, promote to, or take over an Admin account."""
    users.create_first_admin("admin", "Administrator", "rahasia-kantor")
    assert users.default_role() == "Staf"
    kabag = users.create_user(ADMIN, "ahmad", "Drs. Ahmad", "Kabag", "sandi-kabag-1").actor
    with pytest.raises(ServiceError, match="Hanya Admin yang dapat membuat atau menjadikan pengguna Admin"):
        users.create_user(kabag, "admin2", "Admin Kedua", "Admin", "sandi-admin-2")
    users.create_user(kabag, "maria", "Maria", "Staf", "sandi-maria-1")
    with pytest.raises(ServiceError, match="Hanya Admin"):
        users.update_user(kabag, "maria", role="Admin")
    for refused_action in (
        lambda: users.reset_password(kabag, "admin", "sandi-baru-123"),
        lambda: users.update_user(kabag, "admin", role="Staf"),
    ):
        with pytest.raises(ServiceError, match="akun Admin hanya boleh dilakukan oleh Admin"):
            refused_action()
    assert User.get(User.username == "maria").role == "Staf"
    assert not User.select().where(User.username == "admin2").exists()
    users.update_user(kabag, "maria", role="Kasubbag")  # promoting within the office is the Kabag's
    users.create_user(ADMIN, "admin2", "Admin Kedua", "Admin", "sandi-admin-2")
    assert User.get(User.username == "admin2").role == "Admin"


@pytest.mark.parametrize("role", ["Admin", "Kabag", "Kasubbag", "Staf"])
def test_the_ui_rule_and_the_service_agree_for_every_role(store, role):
    """One rule: what ``permissions.can_*`` answers (the GUI disables on it) is what the service does,
    with the same words when it refuses."""
    from protokol_desktop.services import agenda, permissions, speeches

    actor = Actor(f"Uji {role}", role)
    request_id = rs.register_request(sambutan_form(), STAF)
    version = speeches.add_version(request_id, STAF, text="Sambutan")
    checks = [
        (permissions.can_speech_paraf(actor), lambda: speeches.paraf(version, actor)),
        (permissions.can_decide_agenda(actor), lambda: agenda.decide(f"permohonan:{request_id}", "hadir", actor)),
        (permissions.can_give_role(actor, "Admin"),
         lambda: users.create_user(actor, f"baru{role.lower()}", "Baru", "Admin", "sandi-panjang-1")),
        (permissions.can_cancel_request(actor), lambda: rs.cancel(request_id, "Acara batal", actor)),  # last
    ]  # fmt: skip
    for permission, action in checks:
        if permission.allowed:
            action()
        else:
            with pytest.raises(ServiceError) as refused:
                action()
            assert str(refused.value) == permission.reason
