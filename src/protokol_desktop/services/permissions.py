"""Who may do what: one rule per action, answered as a :class:`Permission`.

Each ``can_*`` function is the single rule for one action. The service that performs the action
calls it and raises its reason (:meth:`Permission.enforce`); the GUI calls the same function to
disable the button and show the reason in its tooltip, so the window never offers what the service
would refuse and no second list of rights lives in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import Actor, ServiceError
from .office import active_office

ADMIN_ROLE = "Admin"


@dataclass(frozen=True)
class Permission:
    """``allowed``, or the Indonesian ``reason`` why not (shown as the refusal and as a tooltip)."""

    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed

    def enforce(self) -> None:
        """Raise the reason as a :class:`ServiceError` when not allowed."""
        if not self.allowed:
            raise ServiceError(self.reason)


ALLOWED = Permission(True)


def refused(reason: str) -> Permission:
    return Permission(False, reason)


def _who(actor: Actor) -> str:
    return f"{actor.name} ({actor.role})"


# -- ranks ------------------------------------------------------------------------------------------


def top_role() -> str:
    office = active_office()
    return office.ranked_roles[0].name if office.roles else ADMIN_ROLE


def second_role() -> str | None:
    """The office's second role (the Kasubbag), if it has one."""
    ranked = active_office().ranked_roles
    return ranked[1].name if len(ranked) >= 2 else None


def office_rank(role_name: str) -> int | None:
    """The rank of an office role (1 = highest); None for the Admin or a role the office lacks."""
    for role in active_office().roles:
        if role.name == role_name:
            return role.rank
    return None


def role_rank(actor: Actor) -> int | None:
    """1 for the office's top role… ; 0 for the Admin; None for a role the office does not have."""
    if actor.role == ADMIN_ROLE:
        return 0
    return office_rank(actor.role)


def can_act(actor: Actor) -> Permission:
    """Anyone in a role the office knows (or the Admin)."""
    if role_rank(actor) is None:
        return refused(f'Peran "{actor.role}" tidak dikenal di kantor ini')
    return ALLOWED


# -- management -------------------------------------------------------------------------------------


def is_manager(actor: Actor) -> bool:
    """Admin, or the office's highest role (the Kabag)."""
    return actor.role in (ADMIN_ROLE, top_role())


def can_manage(actor: Actor, what: str) -> Permission:
    """``what`` (a sentence subject: "Mengubah SOP") is for an Admin or the Kabag."""
    if is_manager(actor):
        return ALLOWED
    return refused(f"{what} hanya boleh dilakukan oleh {ADMIN_ROLE} atau {top_role()}; {_who(actor)} ditolak")


def require_manager(actor: Actor, what: str) -> None:
    """Refuse ``what`` unless ``actor`` is an Admin or the Kabag; the message says why."""
    can_manage(actor, what).enforce()


def can_edit_sop(actor: Actor) -> Permission:
    return can_manage(actor, "Mengubah atau menambah SOP")


def can_set_office_days(actor: Actor) -> Permission:
    return can_manage(actor, "Mengatur hari libur dan hari kerja kantor")


def can_edit_visit_template(actor: Actor) -> Permission:
    return can_manage(actor, "Mengubah daftar periksa kunjungan")


# -- requests ---------------------------------------------------------------------------------------


def can_cancel_request(actor: Actor) -> Permission:
    return can_manage(actor, "Membatalkan permohonan")


def can_start_incomplete(actor: Actor) -> Permission:
    """Starting a request whose required persyaratan are missing (with a reason) is the Kabag's."""
    top = top_role()
    if actor.role == top:
        return ALLOWED
    return refused(f"Hanya {top} yang dapat memulai permohonan yang berkasnya belum lengkap")


@dataclass(frozen=True)
class StepAuthority:
    """May ``actor`` complete a step of ``role``, and must they declare "atas nama" to do so?"""

    permission: Permission
    on_behalf: bool = False  # True: allowed only as "atas nama" (a higher role, a lower role's step)


def step_authority(actor: Actor, step_role: str) -> StepAuthority:
    if actor.role == step_role:
        return StepAuthority(ALLOWED)
    mine, theirs = office_rank(actor.role), office_rank(step_role)
    if mine is None:
        return StepAuthority(refused(f'Peran "{actor.role}" tidak dikenal di kantor ini'))
    if theirs is not None and mine < theirs:
        return StepAuthority(ALLOWED, on_behalf=True)
    return StepAuthority(refused(f"Langkah ini milik {step_role}; {_who(actor)} tidak berwenang menyelesaikannya"))


def can_complete_step(actor: Actor, step_role: str, on_behalf: bool) -> Permission:
    """The rule :func:`services.requests.complete_step` enforces."""
    authority = step_authority(actor, step_role)
    if authority.permission and authority.on_behalf and not on_behalf:
        return refused(
            f'Langkah ini milik {step_role}. {actor.role} dapat menyelesaikannya hanya dengan menyatakan "atas nama".'
        )
    return authority.permission


def can_override_gate(actor: Actor) -> Permission:
    """Completing a step whose SOP condition (paraf, daftar hadir…) is not met, with a reason."""
    top = top_role()
    if actor.role == top:
        return ALLOWED
    return refused(f"Hanya {top} yang dapat menyelesaikan langkah tanpa syaratnya (dengan alasan)")


# -- records ----------------------------------------------------------------------------------------


def can_speech_team_correction(actor: Actor) -> Permission:
    top = top_role()
    if actor.role == top:
        return ALLOWED
    return refused(f"Koreksi Ketua Tim dicatat oleh Ketua Tim ({top}); {_who(actor)} ditolak")


def can_speech_paraf(actor: Actor) -> Permission:
    top = top_role()
    if actor.role == top:
        return ALLOWED
    return refused(f"Paraf sambutan hanya oleh Ketua Tim ({top}); {_who(actor)} ditolak")


def _sop_protokol_roles() -> tuple[str, str] | None:
    ranked = active_office().ranked_roles
    return (ranked[0].name, ranked[1].name) if len(ranked) >= 2 else None


_NO_SOP_PROTOKOL_ROLES = "Profil kantor tidak punya peran Kabag dan Kasubag untuk SOP Protokol"


def can_sop_protokol_correction(actor: Actor) -> Permission:
    roles = _sop_protokol_roles()
    if roles is None:
        return refused(_NO_SOP_PROTOKOL_ROLES)
    top, second = roles
    if actor.role in roles:
        return ALLOWED
    return refused(f"Koreksi SOP Protokol oleh {second} atau {top}; {_who(actor)} ditolak")


def can_sop_protokol_paraf(actor: Actor) -> Permission:
    roles = _sop_protokol_roles()
    if roles is None:
        return refused(_NO_SOP_PROTOKOL_ROLES)
    if actor.role == roles[1]:
        return ALLOWED
    return refused(f"Paraf SOP Protokol hanya oleh {roles[1]}; {_who(actor)} ditolak")


def can_sop_protokol_sign(actor: Actor) -> Permission:
    roles = _sop_protokol_roles()
    if roles is None:
        return refused(_NO_SOP_PROTOKOL_ROLES)
    if actor.role == roles[0]:
        return ALLOWED
    return refused(f"Tanda tangan SOP Protokol hanya oleh {roles[0]}; {_who(actor)} ditolak")


# -- the leaders' agenda ----------------------------------------------------------------------------


def can_decide_agenda(actor: Actor) -> Permission:
    """The leader's attendance decision: the Admin, the Kabag or the Kasubbag (ranks 0–2)."""
    rank = role_rank(actor)
    if rank is None or rank > 2:
        second = second_role()
        by = f"{top_role()} atau {second}" if second else top_role()
        return refused(f"Keputusan kehadiran pimpinan dicatat oleh {by}; {_who(actor)} ditolak")
    return ALLOWED


def can_withdraw_agenda(actor: Actor, created_by: str) -> Permission:
    """A typed agenda entry: by whoever typed it, the Kabag, the Kasubbag or the Admin."""
    rank = role_rank(actor)
    if rank is None:
        return refused(f'Peran "{actor.role}" tidak dikenal di kantor ini')
    if rank > 2 and created_by != actor.name:
        second = second_role()
        by = f"{top_role()} atau {second}" if second else top_role()
        return refused(f"Butir agenda hanya dapat ditarik oleh pembuatnya, {by}")
    return ALLOWED


# -- accounts ---------------------------------------------------------------------------------------


def can_give_role(actor: Actor, role: str, what: str = "Menambah pengguna") -> Permission:
    """Creating an account in ``role`` (or, ``what`` = "Mengubah pengguna", moving one into it):
    managers only, and the Admin role only by an Admin (a Kabag cannot make an administrator)."""
    managing = can_manage(actor, what)
    if not managing:
        return managing
    if role == ADMIN_ROLE and actor.role != ADMIN_ROLE:
        return refused(f"Hanya {ADMIN_ROLE} yang dapat membuat atau menjadikan pengguna {ADMIN_ROLE}")
    return ALLOWED


def can_change_account(actor: Actor, target_role: str, what: str) -> Permission:
    """Changing an existing account (``what``: "Mengatur ulang kata sandi"…): managers only, and an
    Admin's account only by an Admin."""
    managing = can_manage(actor, what)
    if not managing:
        return managing
    if target_role == ADMIN_ROLE and actor.role != ADMIN_ROLE:
        return refused(f"{what} akun {ADMIN_ROLE} hanya boleh dilakukan oleh {ADMIN_ROLE}")
    return ALLOWED
