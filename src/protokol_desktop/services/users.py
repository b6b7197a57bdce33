"""User accounts, login, and who may do what.

Passwords are hashed with ``hashlib.scrypt`` (salted, memory-hard) and never stored or logged in
clear. Five failed logins lock an account for fifteen minutes. The first start creates an
administrator. New accounts start in the office's lowest role; only an Admin makes (or changes)
an Admin account. Managing users, editing SOPs, choosing the office profile, office days and cancelling
requests are for an Admin or the office's highest role (the Kabag); the services refuse anyone else,
whatever the GUI shows. Accounts are never deleted, only deactivated.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..domain.validation import ValidationError, clean_text
from ..store.models import User, database
from . import Actor, ServiceError, audit
from .office import active_office
from .permissions import ADMIN_ROLE, can_change_account, can_give_role, require_manager

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    encode = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    return hmac.compare_digest(candidate, base64.b64decode(digest))


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    full_name: str
    nip: str
    jabatan: str
    role: str
    active: bool

    @property
    def actor(self) -> Actor:
        return Actor(self.full_name, self.role)


def _account(user: User) -> Account:
    return Account(user.id, user.username, user.full_name, user.nip, user.jabatan, user.role, user.active)


def roles() -> list[str]:
    return [ADMIN_ROLE, *[role.name for role in active_office().ranked_roles]]


def default_role() -> str:
    """The role a new account starts in: the office's lowest (the Staf), never the Admin."""
    ranked = active_office().ranked_roles
    return ranked[-1].name if ranked else ADMIN_ROLE


def has_users() -> bool:
    return User.select().exists()


def _validate(username: str, full_name: str, nip: str, jabatan: str, role: str, password: str | None) -> dict:
    try:
        values = {
            "username": clean_text(username, "Nama pengguna", required=True, max_length=60).casefold(),
            "full_name": clean_text(full_name, "Nama lengkap", required=True, max_length=200),
            "nip": clean_text(nip, "NIP", max_length=30),
            "jabatan": clean_text(jabatan, "Jabatan", max_length=200),
        }
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    if any(ch.isspace() for ch in values["username"]):
        raise ServiceError("Nama pengguna tidak boleh berisi spasi")
    digits = values["nip"].replace(" ", "")
    if digits and (not digits.isdigit() or len(digits) != 18):
        raise ServiceError("NIP harus 18 angka (spasi boleh), mis. 19670416 199303 1 015")
    if role not in roles():
        raise ServiceError(f'Peran "{role}" tidak dikenal; pilih {", ".join(roles())}')
    if password is not None and len(password) < MIN_PASSWORD:
        raise ServiceError(f"Kata sandi minimal {MIN_PASSWORD} karakter")
    return values


def create_first_admin(username: str, full_name: str, password: str, nip: str = "", jabatan: str = "") -> Account:
    """The first start: create the administrator. Refused once any account exists."""
    values = _validate(username, full_name, nip, jabatan, ADMIN_ROLE, password)
    with database.atomic():
        if has_users():
            raise ServiceError("Administrator pertama sudah dibuat")
        user = User.create(role=ADMIN_ROLE, password_hash=hash_password(password), **values)
        audit.record(f"{user.full_name} ({ADMIN_ROLE})", "pengguna_dibuat", "pengguna", user.username, None,
                     {**values, "role": ADMIN_ROLE})  # fmt: skip
    return _account(user)


def create_user(
    actor: Actor, username: str, full_name: str, role: str, password: str, nip: str = "", jabatan: str = ""
) -> Account:
    can_give_role(actor, role).enforce()
    values = _validate(username, full_name, nip, jabatan, role, password)
    with database.atomic():
        if User.select().where(User.username == values["username"]).exists():
            raise ServiceError(f'Nama pengguna "{values["username"]}" sudah dipakai')
        user = User.create(role=role, password_hash=hash_password(password), **values)
        audit.record(f"{actor.name} ({actor.role})", "pengguna_dibuat", "pengguna", user.username, None,
                     {**values, "role": role})  # fmt: skip
    return _account(user)


def update_user(
    actor: Actor,
    username: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    full_name: str | None = None,
    nip: str | None = None,
    jabatan: str | None = None,
) -> Account:
    require_manager(actor, "Mengubah pengguna")
    with database.atomic():
        user = User.get_or_none(User.username == username.casefold())
        if user is None:
            raise ServiceError(f'Pengguna "{username}" tidak ada')
        can_change_account(actor, user.role, "Mengubah").enforce()
        if role is not None and role != user.role:
            can_give_role(actor, role, "Mengubah pengguna").enforce()
        before = _account(user).__dict__.copy()
        values = _validate(
            user.username, full_name if full_name is not None else user.full_name,
            nip if nip is not None else user.nip, jabatan if jabatan is not None else user.jabatan,
            role if role is not None else user.role, None,
        )  # fmt: skip
        user.full_name, user.nip, user.jabatan = values["full_name"], values["nip"], values["jabatan"]
        if role is not None:
            user.role = role
        if active is not None:
            if not active and user.role == ADMIN_ROLE and _active_admins() <= 1 and user.active:
                raise ServiceError("Administrator terakhir tidak dapat dinonaktifkan")
            user.active = active
        user.save()
        audit.record(f"{actor.name} ({actor.role})", "pengguna_diubah", "pengguna", user.username, before,
                     _account(user).__dict__)  # fmt: skip
    return _account(user)


def _active_admins() -> int:
    return User.select().where((User.role == ADMIN_ROLE) & User.active).count()


def reset_password(actor: Actor, username: str, password: str) -> None:
    require_manager(actor, "Mengatur ulang kata sandi")
    if len(password) < MIN_PASSWORD:
        raise ServiceError(f"Kata sandi minimal {MIN_PASSWORD} karakter")
    with database.atomic():
        user = User.get_or_none(User.username == username.casefold())
        if user is None:
            raise ServiceError(f'Pengguna "{username}" tidak ada')
        can_change_account(actor, user.role, "Mengatur ulang kata sandi").enforce()
        user.password_hash = hash_password(password)
        user.failed_attempts = 0
        user.locked_until = None
        user.save()
        audit.record(f"{actor.name} ({actor.role})", "sandi_diatur_ulang", "pengguna", user.username)


def change_own_password(username: str, old: str, new: str) -> None:
    account = authenticate(username, old)
    if len(new) < MIN_PASSWORD:
        raise ServiceError(f"Kata sandi minimal {MIN_PASSWORD} karakter")
    with database.atomic():
        User.update(password_hash=hash_password(new)).where(User.id == account.id).execute()
        audit.record(f"{account.full_name} ({account.role})", "sandi_diganti", "pengguna", account.username)


def authenticate(username: str, password: str, now: datetime | None = None) -> Account:
    """Log in. Wrong passwords count; the fifth locks the account for a while."""
    now = now or datetime.now(UTC)
    refused = ""
    with database.atomic():  # a failed attempt is counted and committed, then refused
        user = User.get_or_none(User.username == username.strip().casefold())
        if user is None or not user.active:
            raise ServiceError("Nama pengguna atau kata sandi salah")
        if user.locked_until is not None and user.locked_until > now:
            minutes = int((user.locked_until - now).total_seconds() // 60) + 1
            raise ServiceError(f"Akun dikunci karena terlalu banyak percobaan gagal; coba lagi dalam {minutes} menit")
        if not verify_password(password, user.password_hash):
            user.failed_attempts += 1
            refused = "Nama pengguna atau kata sandi salah"
            if user.failed_attempts >= MAX_FAILURES:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_attempts = 0
                refused = f"Terlalu banyak percobaan gagal: akun dikunci {LOCK_MINUTES} menit"
                audit.record("sistem", "akun_dikunci", "pengguna", user.username, None, None, now)
            user.save()
    if refused:
        raise ServiceError(refused)
    with database.atomic():
        user.failed_attempts = 0
        user.locked_until = None
        user.last_login = now
        user.save()
        audit.record(f"{user.full_name} ({user.role})", "masuk", "pengguna", user.username, None, None, now)
    return _account(user)


def list_users() -> list[Account]:
    return [_account(user) for user in User.select().order_by(User.role, User.full_name)]
