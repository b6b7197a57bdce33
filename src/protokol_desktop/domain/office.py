"""Office profiles: who the installation serves, its leaders, its roles and its time zone.

Roles are data. The board shows one column per role, ranked (1 = highest); SOP executor columns
with other names are mapped onto a role through its aliases ("PELAKSANA" and "JFU" onto Staf).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .calendar import office_zone


class OfficeFormatError(ValueError):
    pass


@dataclass(frozen=True)
class Role:
    name: str
    rank: int  # 1 is the highest; a higher role may act "atas nama" a lower one
    title: str = ""
    aliases: tuple[str, ...] = ()

    def matches(self, executor: str) -> bool:
        key = _norm(executor)
        return key == _norm(self.name) or any(key == _norm(alias) for alias in self.aliases)


@dataclass(frozen=True)
class Office:
    code: str
    name: str  # "Kota Ambon"
    organisation: str  # "Pemerintah Kota Ambon"
    unit: str  # "Bagian Protokol dan Komunikasi Pimpinan"
    parent: str = ""  # "Sekretariat Daerah"
    address: str = ""
    phone: str = ""
    web: str = ""
    leaders: tuple[str, ...] = ()  # titles, highest first: Walikota, Wakil Walikota, Sekretaris Daerah
    roles: tuple[Role, ...] = ()
    timezone: str = "WIB"
    complaint_days: int = 5  # working days to answer a complaint

    @property
    def zone(self):  # noqa: ANN201 - tzinfo
        return office_zone(self.timezone)

    def role_for(self, executor: str) -> Role | None:
        """The role an SOP executor column maps to: by name or alias, else by its wording.

        An office that adopts another office's SOP has other column names ("Kepala SKPD",
        "Subag Umum & Kepegawaian"); heads map onto the highest role, sub-section heads and
        secretaries onto the second, everyone else onto the lowest.
        """
        for role in self.roles:
            if role.matches(executor):
                return role
        ranked = self.ranked_roles
        if not ranked:
            return None
        key = _norm(executor)
        words = set(key.replace("/", " ").split())
        if words & {"kabag", "kepala"} and not words & {"sub", "subag", "kasubag", "kasubbag"}:
            return ranked[0]
        if len(ranked) >= 3 and words & {"kasubag", "kasubbag", "subag", "sub", "sekretaris", "ppk"}:
            return ranked[1]
        return ranked[-1]

    @property
    def ranked_roles(self) -> tuple[Role, ...]:
        return tuple(sorted(self.roles, key=lambda r: r.rank))


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("&", " dan ").split())


BLANK_OFFICE = Office(
    code="kosong",
    name="(Profil kosong)",
    organisation="Pemerintah Daerah",
    unit="Bagian Protokol",
    leaders=("Kepala Daerah", "Wakil Kepala Daerah", "Sekretaris Daerah"),
    roles=(
        Role("Kabag", 1, "Kepala Bagian", ("Ketua Tim", "Kepala Bagian")),
        Role("Kasubbag", 2, "Kepala Sub Bagian", ("Kasubag", "Kepala Sub Bagian")),
        Role("Staf", 3, "Staf Pelaksana", ("Staff", "Pelaksana", "JFU")),
    ),
)


def office_from_dict(data: Any) -> Office:
    if not isinstance(data, dict):
        raise OfficeFormatError("profil kantor harus berupa objek")
    try:
        roles = tuple(
            Role(name=r["name"], rank=int(r["rank"]), title=r.get("title", ""), aliases=tuple(r.get("aliases", [])))
            for r in data["roles"]
        )
        office = Office(
            code=data["code"],
            name=data["name"],
            organisation=data["organisation"],
            unit=data["unit"],
            parent=data.get("parent", ""),
            address=data.get("address", ""),
            phone=data.get("phone", ""),
            web=data.get("web", ""),
            leaders=tuple(data.get("leaders", [])),
            roles=roles,
            timezone=data.get("timezone", "WIB"),
            complaint_days=int(data.get("complaint_days", 5)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise OfficeFormatError(f"profil kantor tidak lengkap: {exc}") from exc
    if not office.roles:
        raise OfficeFormatError("profil kantor harus punya minimal satu peran")
    office_zone(office.timezone)
    return office


def office_to_dict(office: Office) -> dict[str, Any]:
    return {
        "code": office.code,
        "name": office.name,
        "organisation": office.organisation,
        "unit": office.unit,
        "parent": office.parent,
        "address": office.address,
        "phone": office.phone,
        "web": office.web,
        "leaders": list(office.leaders),
        "roles": [{"name": r.name, "rank": r.rank, "title": r.title, "aliases": list(r.aliases)} for r in office.roles],
        "timezone": office.timezone,
        "complaint_days": office.complaint_days,
    }
