"""First-start seeding: the four office profiles and the six seed SOPs from ``resources/``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.office import Office, office_from_dict, office_to_dict
from ..paths import resource_dir
from .models import OfficeProfile, Setting, SopRecord, SopRevision, database

if TYPE_CHECKING:
    from ..domain.sop import Sop


def seed_sop_files() -> list[Path]:
    return sorted((resource_dir() / "sops").glob("*.json"))


def seed_sops() -> list[Sop]:
    from ..domain.sop import sop_from_dict  # only an empty library needs the SOP parser at start

    return [sop_from_dict(json.loads(path.read_text(encoding="utf-8"))) for path in seed_sop_files()]


def seed_office_files() -> list[Path]:
    return sorted((resource_dir() / "offices").glob("*.json"))


def seed_offices(files: list[Path] | None = None) -> list[Office]:
    files = seed_office_files() if files is None else files
    return [office_from_dict(json.loads(path.read_text(encoding="utf-8"))) for path in files]


SEED_GATES_KEY = "sop_seed_gates_adopted"


def seed_gates_pending() -> bool:
    """True for a library seeded before SOP format 2 (step gates) that has not yet been given its
    seed SOPs' gates (``services.library.adopt_seed_gates``)."""
    return Setting.get_or_none(Setting.key == SEED_GATES_KEY) is None


def seed_database() -> bool:
    """Load profiles and SOPs into an empty database. Returns True when anything was added."""
    added = False
    with database.atomic():
        known_offices = {row.code for row in OfficeProfile.select(OfficeProfile.code)}
        # A profile file is named after its code: a start reads only the files of missing profiles.
        unknown = [path for path in seed_office_files() if path.stem not in known_offices]
        for office in seed_offices(unknown):
            if office.code not in known_offices:
                OfficeProfile.create(code=office.code, data=json.dumps(office_to_dict(office), ensure_ascii=False))
                added = True
        if not SopRecord.select().exists():
            from ..domain.sop import sop_to_dict

            for sop in seed_sops():
                record = SopRecord.create(code=sop.code)
                SopRevision.create(
                    sop=record,
                    revision=0,
                    status=sop.status,
                    data=json.dumps(sop_to_dict(sop), ensure_ascii=False),
                    note="Dimuat dari pustaka bawaan",
                    created_by="sistem",
                )
                added = True
            if seed_gates_pending():  # seeded with format 2: the gates are in already
                Setting.create(key=SEED_GATES_KEY, value="-")
    return added
