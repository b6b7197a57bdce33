"""The office this installation serves: its profile, its calendar, its own holidays."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from ..domain.calendar import WorkingCalendar, holidays_version, national_holidays
from ..domain.office import BLANK_OFFICE, Office, office_from_dict, office_to_dict
from ..domain.validation import ValidationError, clean_text
from ..store.models import OfficeDay, OfficeProfile, Setting, database
from . import Actor, ServiceError, audit

if TYPE_CHECKING:
    from .requests import Rescheduled

ACTIVE_OFFICE_KEY = "office"


def profiles() -> list[Office]:
    return [office_from_dict(json.loads(row.data)) for row in OfficeProfile.select().order_by(OfficeProfile.code)]


def is_configured() -> bool:
    return Setting.select().where(Setting.key == ACTIVE_OFFICE_KEY).exists()


_office_cache: dict[tuple[str, str], Office] = {}


def active_office() -> Office:
    """The office profile in force. Parsed once per database and profile (profiles never change in
    place: choosing another office changes the setting, which is the cache key)."""
    row = Setting.get_or_none(Setting.key == ACTIVE_OFFICE_KEY)
    key = (str(database.obj.database), row.value if row else "")
    cached = _office_cache.get(key)
    if cached is not None:
        return cached
    office = _load_office(row)
    _office_cache[key] = office
    return office


def forget_parsed() -> None:
    """The database file was replaced (a restore): its profiles are read again."""
    _office_cache.clear()


def _load_office(row: Setting | None) -> Office:
    if row is None:
        return BLANK_OFFICE
    profile = OfficeProfile.get_or_none(OfficeProfile.code == row.value)
    if profile is None:
        return BLANK_OFFICE
    return office_from_dict(json.loads(profile.data))


def apply_office(code: str, actor: Actor | None = None) -> Office:
    """Make ``code`` (a seed profile, or ``"kosong"`` for a blank one) this installation's office.

    The first start chooses without an actor; afterwards only an Admin or the Kabag may change it.
    """
    if is_configured():
        from .permissions import require_manager

        if actor is None:
            raise ServiceError("Profil kantor sudah dipilih; menggantinya perlu Admin atau Kabag")
        require_manager(actor, "Mengganti profil kantor")
    who = "sistem" if actor is None else f"{actor.name} ({actor.role})"
    with database.atomic():
        if code == BLANK_OFFICE.code and not OfficeProfile.select().where(OfficeProfile.code == code).exists():
            OfficeProfile.create(code=code, data=json.dumps(office_to_dict(BLANK_OFFICE), ensure_ascii=False))
        if not OfficeProfile.select().where(OfficeProfile.code == code).exists():
            raise ServiceError(f"Profil kantor '{code}' tidak ada")
        before = Setting.get_or_none(Setting.key == ACTIVE_OFFICE_KEY)
        Setting.insert(key=ACTIVE_OFFICE_KEY, value=code).on_conflict(
            conflict_target=[Setting.key], preserve=[Setting.value]
        ).execute()
        audit.record(who, "kantor_dipilih", "pengaturan", ACTIVE_OFFICE_KEY, before.value if before else None, code)
    return active_office()


def office_name(code: str) -> str:
    row = OfficeProfile.get_or_none(OfficeProfile.code == code)
    return json.loads(row.data)["name"] if row else code


HOLIDAYS_CACHE_KEY = "holidays_cache"


def _national_cache() -> tuple[dict[date, str], frozenset[int]]:
    """National holidays of the years around today, computed once and kept in the database: the
    holidays package takes ~0.1 s to build them, which every start would otherwise pay."""
    today = date.today()
    years = list(range(today.year - 2, today.year + 3))
    row = Setting.get_or_none(Setting.key == HOLIDAYS_CACHE_KEY)
    if row is not None:
        cached = json.loads(row.value)
        if cached.get("version") == holidays_version() and cached.get("years") == years:
            found = {date.fromisoformat(day): name for day, name in cached["days"].items()}
            return found, frozenset(years)
    found = national_holidays(years)
    value = json.dumps(
        {"version": holidays_version(), "years": years, "days": {d.isoformat(): n for d, n in found.items()}},
        ensure_ascii=False,
    )
    with database.atomic():
        Setting.insert(key=HOLIDAYS_CACHE_KEY, value=value).on_conflict(
            conflict_target=[Setting.key], preserve=[Setting.value]
        ).execute()
    return found, frozenset(years)


def calendar() -> WorkingCalendar:
    extra_holidays: dict[date, str] = {}
    extra_working: set[date] = set()
    for row in OfficeDay.select():
        if row.is_holiday:
            extra_holidays[row.day] = row.name or "Libur kantor"
        else:
            extra_working.add(row.day)
    national, years = _national_cache()
    return WorkingCalendar(
        extra_holidays=extra_holidays, extra_working_days=extra_working, known_national=national, known_years=years
    )


def set_office_day(day: date, is_holiday: bool, name: str, actor: Actor) -> Rescheduled:
    """Record an office-specific holiday, or a working day on a weekend or national holiday, and move
    the due time of the open requests it changes (:func:`..requests.reschedule_open_deadlines`), in
    the same transaction. Finished and cancelled requests, and complaints, keep their due dates."""
    from .permissions import can_set_office_days
    from .requests import reschedule_open_deadlines

    can_set_office_days(actor).enforce()
    if is_holiday and not name.strip():
        raise ServiceError("Nama hari libur kantor wajib diisi")
    try:
        name = clean_text(name, "Nama hari libur/hari kerja kantor", max_length=200)
    except ValidationError as exc:
        raise ServiceError(str(exc)) from exc
    with database.atomic():
        before = OfficeDay.get_or_none(OfficeDay.day == day)
        OfficeDay.insert(day=day, is_holiday=is_holiday, name=name.strip()).on_conflict(
            conflict_target=[OfficeDay.day], preserve=[OfficeDay.is_holiday, OfficeDay.name]
        ).execute()
        audit.record(
            f"{actor.name} ({actor.role})", "hari_kantor", "kalender", day.isoformat(),
            None if before is None else {"libur": before.is_holiday, "nama": before.name},
            {"libur": is_holiday, "nama": name.strip()},
        )  # fmt: skip
        return reschedule_open_deadlines(f"{actor.name} ({actor.role})")


def rescheduled_message(result: Rescheduled) -> str:
    """``"2 permohonan terbuka digeser batas waktunya"``, as the calendar page and the CLI say it."""
    if not result.moved:
        return "Tidak ada permohonan terbuka yang batas waktunya berubah."
    return (
        f"{len(result.moved)} permohonan terbuka digeser batas waktunya ("
        + ", ".join(nomor for nomor, _, _ in result.moved[:5])
        + (", …" if len(result.moved) > 5 else "")
        + "). Permohonan yang sudah selesai atau dibatalkan dan pengaduan tidak diubah."
    )


def calendar_entries(year: int) -> list[tuple[date, str, str]]:
    """(day, name, kind) for the year: national holidays and cuti bersama, office holidays, office
    working days; kind is "nasional", "cuti bersama", "libur kantor" or "hari kerja kantor"."""
    cal = calendar()
    entries: list[tuple[date, str, str]] = []
    for day, name in cal.holidays_in([year]):
        if day in cal.extra_holidays:
            kind = "libur kantor"
        elif "cuti bersama" in name.casefold():
            kind = "cuti bersama"
        else:
            kind = "nasional"
        entries.append((day, name, kind))
    for day in sorted(cal.extra_working_days):
        if day.year == year:
            entries.append((day, "Hari kerja kantor", "hari kerja kantor"))
    return sorted(entries)
