"""SOPs and service standards as data, in the Permenpan-RB 35/2012 layout.

An :class:`Sop` is one SOP document: its identity block, its executor columns in order, its steps
(each with a flowchart kind, Mutu Baku and, for a keputusan, where each answer leads) and the
service standard (Standar Pelayanan) of the service it runs. The exchange format documented in
``docs/sop-format.md`` is :func:`sop_to_dict` / :func:`sop_from_dict`; the latter validates every
field and raises :class:`SopFormatError` naming the field that is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .durations import (
    Duration,
    DurationError,
    DurationKind,
    StandardTotal,
    parse_duration,
    sum_standards,
    total_minutes,
)

FORMAT_NAME = "protokol-desktop/sop"
FORMAT_VERSION = 2
# Version 2 added ``steps[].gates``. A version-1 file is read as declaring no gates (nothing is
# guessed from a step's wording); :func:`migration_notes` names the steps a reader should check.
READABLE_VERSIONS = (1, 2)
GATE_WORDS = ("paraf", "tanda tangan", "ditandatangani", "daftar hadir", "notulen")

KINDS = ("mulai", "proses", "keputusan", "selesai")
STATUSES = ("draft", "berlaku", "diganti")
SOURCES = ("dokumen", "disusun_kantor")


# Size limits of the exchange format (and so of the SOP editor, which validates through it). Longest
# text in characters, by field path without list indices; each line of a list is one item. An SOP
# of the seeds uses a tenth of any of them; a field past its limit is refused, naming field and limit,
# so that no single field can make the board, an export or a PDF page crawl.
TEXT_LIMITS = {
    "code": 40,
    "office": 40,
    "name": 300,
    "service": 200,
    "icon": 60,
    "status": 20,
    "source.kind": 20,
    "source.document": 500,
    "source.note": 5000,
    "notes": 5000,
    "identity.organisation": 200,
    "identity.nomor": 100,
    "identity.tanggal_pembuatan": 100,
    "identity.tanggal_revisi": 100,
    "identity.tanggal_pengesahan": 100,
    "identity.tanggal_efektif": 100,
    "identity.disahkan_oleh.jabatan": 200,
    "identity.disahkan_oleh.nama": 200,
    "identity.disahkan_oleh.pangkat": 200,
    "identity.disahkan_oleh.nip": 40,
    "identity.dasar_hukum": 1000,
    "identity.kualifikasi_pelaksana": 500,
    "identity.keterkaitan": 500,
    "identity.peralatan": 500,
    "identity.peringatan": 1000,
    "identity.pencatatan": 500,
    "executors": 100,  # also the stored length of a step run's executor
    "steps.uraian": 2000,
    "steps.executor": 100,
    "steps.decision.question": 500,
    "steps.kelengkapan": 500,
    "steps.waktu": 60,
    "steps.output": 500,
    "steps.keterangan": 2000,
    "steps.note": 5000,
    "steps.gates": 40,
    "standard.persyaratan.text": 1000,
    "standard.produk": 500,
    "standard.jangka_waktu": 60,
    "standard.biaya": 500,
    "standard.prosedur": 2000,
    "standard.pengaduan": 5000,
    "standard.notes": 5000,
}
LIST_LIMITS = {
    "steps": 100,
    "executors": 12,
    "notes": 50,
    "identity.organisation": 10,
    "identity.dasar_hukum": 50,
    "identity.kualifikasi_pelaksana": 50,
    "identity.keterkaitan": 50,
    "identity.peralatan": 100,
    "identity.peringatan": 50,
    "identity.pencatatan": 100,
    "steps.kinds": 4,
    "steps.kelengkapan": 30,
    "steps.gates": 10,
    "standard.persyaratan": 50,
    "standard.produk": 30,
    "standard.prosedur": 50,
    "standard.notes": 50,
}
_INDEX = re.compile(r"\[\d+\]")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _limit_path(field_name: str) -> str:
    return _INDEX.sub("", field_name)


def _check_length(text: str, field_name: str) -> str:
    limit = TEXT_LIMITS[_limit_path(field_name)]
    if len(text) > limit:
        raise SopFormatError(
            field_name, f"terlalu panjang ({_number(len(text))} karakter; maksimal {_number(limit)})"
        )
    return text


def _check_count(items: list[Any], field_name: str, what: str = "butir") -> None:
    limit = LIST_LIMITS[_limit_path(field_name)]
    if len(items) > limit:
        raise SopFormatError(field_name, f"terlalu banyak ({_number(len(items))} {what}; maksimal {limit})")


class SopFormatError(ValueError):
    """A SOP file or record that does not follow the exchange format; ``field`` names where."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name


@dataclass(frozen=True)
class Signatory:
    jabatan: str = ""
    nama: str = ""
    pangkat: str = ""
    nip: str = ""


@dataclass(frozen=True)
class Identity:
    organisation: tuple[str, ...] = ()  # header lines: pemerintah, perangkat daerah, unit
    nomor: str = ""
    tanggal_pembuatan: str = ""
    tanggal_revisi: str = ""
    tanggal_pengesahan: str = ""
    tanggal_efektif: str = ""
    disahkan_oleh: Signatory = Signatory()
    dasar_hukum: tuple[str, ...] = ()
    kualifikasi_pelaksana: tuple[str, ...] = ()
    keterkaitan: tuple[str, ...] = ()
    peralatan: tuple[str, ...] = ()
    peringatan: tuple[str, ...] = ()
    pencatatan: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """A keputusan: the question and the step each answer leads to (``None`` = selesai)."""

    question: str
    yes: int | None
    no: int | None


@dataclass(frozen=True)
class Step:
    number: int
    uraian: str
    executor: str
    kinds: tuple[str, ...] = ("proses",)
    decision: Decision | None = None
    kelengkapan: tuple[str, ...] = ()
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    note: str = ""  # how a lost fact of the seed was read, or what the office changed
    gates: tuple[str, ...] = ()  # record states required before the step completes (services.gates)

    @property
    def duration(self) -> Duration:
        return parse_duration(self.waktu)

    @property
    def is_decision(self) -> bool:
        return "keputusan" in self.kinds


@dataclass(frozen=True)
class Requirement:
    text: str
    required: bool = True


@dataclass(frozen=True)
class ServiceStandard:
    persyaratan: tuple[Requirement, ...] = ()
    produk: tuple[str, ...] = ()
    jangka_waktu: str = ""
    biaya: str = ""
    prosedur: tuple[str, ...] = ()
    pengaduan: str = ""
    notes: tuple[str, ...] = ()

    @property
    def time_frame(self) -> Duration:
        return parse_duration(self.jangka_waktu)


@dataclass(frozen=True)
class Source:
    kind: str = "dokumen"  # "dokumen": taken from a document; "disusun_kantor": written by the office
    document: str = ""
    note: str = ""


@dataclass(frozen=True)
class Sop:
    code: str
    office: str
    name: str
    service: str  # the service this SOP runs, as the board and reports name it
    icon: str = "fa5s.file-alt"
    status: str = "berlaku"
    has_event: bool = False  # requests carry an event date, time and place
    source: Source = Source()
    identity: Identity = Identity()
    executors: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    standard: ServiceStandard = ServiceStandard()
    notes: tuple[str, ...] = ()

    def step(self, number: int) -> Step:
        for candidate in self.steps:
            if candidate.number == number:
                return candidate
        raise KeyError(number)

    @property
    def first_step(self) -> Step:
        return self.steps[0]

    def next_step(self, number: int, answer: bool | None = None) -> int | None:
        """The step after ``number``; for a keputusan, the one its answer leads to. ``None``: selesai."""
        step = self.step(number)
        if step.decision is not None:
            if answer is None:
                raise ValueError(f"Langkah {number} adalah keputusan: jawab Ya atau Tidak")
            return step.decision.yes if answer else step.decision.no
        if "selesai" in step.kinds:
            return None
        index = self.steps.index(step)
        return self.steps[index + 1].number if index + 1 < len(self.steps) else None

    def loop_targets(self) -> set[tuple[int, int]]:
        """(from, to) pairs where a keputusan leads back to an earlier or the same step."""
        pairs = set()
        for step in self.steps:
            if step.decision:
                for target in (step.decision.yes, step.decision.no):
                    if target is not None and target <= step.number:
                        pairs.add((step.number, target))
        return pairs

    @property
    def total(self) -> tuple[int, int]:
        """Sum of the step standards in minutes, and the number of steps without a standard (steps
        timed in days are summed apart: :attr:`totals`)."""
        return total_minutes([s.duration for s in self.steps])

    @property
    def totals(self) -> StandardTotal:
        """The Jumlah of the Waktu column, minutes, days and working days apart."""
        return sum_standards([s.duration for s in self.steps])

    @property
    def total_text(self) -> str:
        """``"3 Jam 40 Menit"``, or ``"3 Jam 40 Menit + 2 Hari"`` with steps timed in days."""
        return self.totals.text

    @property
    def tentative_steps(self) -> int:
        return sum(1 for s in self.steps if s.duration.kind is DurationKind.TENTATIVE)

    @property
    def untimed_steps(self) -> int:
        return sum(1 for s in self.steps if s.duration.kind is DurationKind.NONE)

    def with_steps(self, steps: tuple[Step, ...]) -> Sop:
        return replace(self, steps=steps)


# ---------------------------------------------------------------------------------------------
# Exchange format


def _str(data: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise SopFormatError(f"{where}{key}", "harus berupa teks")
    if required and not value.strip():
        raise SopFormatError(f"{where}{key}", "wajib diisi")
    return _check_length(value.strip(), f"{where}{key}")


def _str_list(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SopFormatError(f"{where}{key}", "harus berupa daftar teks")
    items = [item.strip() for item in value if item.strip()]
    _check_count(items, f"{where}{key}")
    for index, item in enumerate(items):
        _check_length(item, f"{where}{key}[{index}]")
    return tuple(items)


def _dict(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SopFormatError(f"{where}{key}", "harus berupa objek")
    return value


def _step_target(value: Any, field_name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise SopFormatError(field_name, "harus nomor langkah atau null (selesai)")
    return value


def _parse_step(data: Any, index: int) -> Step:
    where = f"steps[{index}]."
    if not isinstance(data, dict):
        raise SopFormatError(f"steps[{index}]", "harus berupa objek")
    number = data.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise SopFormatError(f"{where}number", "harus bilangan bulat positif")
    kinds = data.get("kinds", ["proses"])
    if not isinstance(kinds, list) or not kinds:
        raise SopFormatError(f"{where}kinds", "harus daftar berisi mulai/proses/keputusan/selesai")
    _check_count(kinds, f"{where}kinds", "jenis")
    for kind in kinds:
        if kind not in KINDS:
            raise SopFormatError(f"{where}kinds", f"jenis langkah tidak dikenal: {kind!r}")
    decision = None
    raw_decision = data.get("decision")
    if raw_decision is not None:
        if not isinstance(raw_decision, dict):
            raise SopFormatError(f"{where}decision", "harus berupa objek")
        decision = Decision(
            question=_str(raw_decision, "question", f"{where}decision.", required=True),
            yes=_step_target(raw_decision.get("yes"), f"{where}decision.yes"),
            no=_step_target(raw_decision.get("no"), f"{where}decision.no"),
        )
    if ("keputusan" in kinds) != (decision is not None):
        raise SopFormatError(f"{where}decision", "langkah keputusan wajib punya decision, dan hanya dia")
    waktu = _str(data, "waktu", where)
    try:
        step_duration = parse_duration(waktu)
    except DurationError as exc:
        raise SopFormatError(f"{where}waktu", str(exc)) from exc
    if step_duration.days is not None and step_duration.days <= 0:
        raise SopFormatError(f"{where}waktu", f'"{waktu}": jumlah hari harus lebih dari nol')
    return Step(
        number=number,
        uraian=_str(data, "uraian", where, required=True),
        executor=_str(data, "executor", where, required=True),
        kinds=tuple(kinds),
        decision=decision,
        kelengkapan=_str_list(data, "kelengkapan", where),
        waktu=waktu,
        output=_str(data, "output", where),
        keterangan=_str(data, "keterangan", where),
        note=_str(data, "note", where),
        gates=_gates(data, where),
    )


def _gates(data: dict[str, Any], where: str) -> tuple[str, ...]:
    names = _str_list(data, "gates", where)
    for name in names:
        if not name.replace("_", "").isalnum() or not name.isascii() or name != name.lower():
            raise SopFormatError(f"{where}gates", f"nama syarat {name!r} harus huruf kecil, angka dan _")
    if len(set(names)) != len(names):
        raise SopFormatError(f"{where}gates", "nama syarat tidak boleh berulang")
    return names


def migrate(data: Any) -> Any:
    """Bring an exchange-format dict of an older version to :data:`FORMAT_VERSION` (a copy; the
    input is not changed). Version 1 had no ``gates``: every step gets an empty list."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        return data
    version = data.get("format_version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS or version == FORMAT_VERSION:
        return data
    migrated = dict(data)
    if version == 1:
        steps = migrated.get("steps")
        if isinstance(steps, list):
            migrated["steps"] = [
                {**step, "gates": []} if isinstance(step, dict) else step for step in steps
            ]  # fmt: skip
    migrated["format_version"] = FORMAT_VERSION
    return migrated


def migration_notes(data: Any) -> list[str]:
    """For a file older than version 2: the steps whose wording speaks of a paraf, a signature, an
    attendance list or minutes, which the file could not declare as gates (none is inferred)."""
    if not isinstance(data, dict) or data.get("format_version") != 1 or not isinstance(data.get("steps"), list):
        return []
    notes = []
    for step in data["steps"]:
        if isinstance(step, dict) and isinstance(step.get("uraian"), str):
            text = step["uraian"].casefold()
            words = [word for word in GATE_WORDS if word in text]
            if words:
                notes.append(
                    f"Langkah {step.get('number')} ({step['uraian']}) menyebut {', '.join(words)}, tetapi berkas "
                    f"versi 1 tidak dapat menyatakan syarat langkah; tidak ada syarat yang ditambahkan."
                )
    return notes


def sop_from_dict(data: Any) -> Sop:
    """Validate and build an SOP from the exchange format. Raises :class:`SopFormatError`."""
    if not isinstance(data, dict):
        raise SopFormatError("(berkas)", "isi berkas harus berupa objek JSON")
    if data.get("format") != FORMAT_NAME:
        raise SopFormatError("format", f"harus {FORMAT_NAME!r}")
    version = data.get("format_version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        supported = ", ".join(str(v) for v in READABLE_VERSIONS)
        raise SopFormatError("format_version", f"versi {version!r} tidak didukung (hanya {supported})")
    data = migrate(data)
    code = _str(data, "code", "", required=True)
    if len(code) > 40 or any(ch.isspace() for ch in code):
        raise SopFormatError("code", "maksimal 40 karakter tanpa spasi")
    status = _str(data, "status", "") or "berlaku"
    if status not in STATUSES:
        raise SopFormatError("status", f"harus salah satu dari {', '.join(STATUSES)}")

    raw_source = _dict(data, "source", "")
    source = Source(
        kind=_str(raw_source, "kind", "source.") or "dokumen",
        document=_str(raw_source, "document", "source."),
        note=_str(raw_source, "note", "source."),
    )
    if source.kind not in SOURCES:
        raise SopFormatError("source.kind", f"harus salah satu dari {', '.join(SOURCES)}")

    raw_identity = _dict(data, "identity", "")
    raw_signatory = _dict(raw_identity, "disahkan_oleh", "identity.")
    identity = Identity(
        organisation=_str_list(raw_identity, "organisation", "identity."),
        nomor=_str(raw_identity, "nomor", "identity."),
        tanggal_pembuatan=_str(raw_identity, "tanggal_pembuatan", "identity."),
        tanggal_revisi=_str(raw_identity, "tanggal_revisi", "identity."),
        tanggal_pengesahan=_str(raw_identity, "tanggal_pengesahan", "identity."),
        tanggal_efektif=_str(raw_identity, "tanggal_efektif", "identity."),
        disahkan_oleh=Signatory(
            **{
                key: _str(raw_signatory, key, "identity.disahkan_oleh.")
                for key in ("jabatan", "nama", "pangkat", "nip")
            }
        ),
        **{
            key: _str_list(raw_identity, key, "identity.")
            for key in ("dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan", "pencatatan")
        },
    )

    executors = _str_list(data, "executors", "")
    if not executors:
        raise SopFormatError("executors", "minimal satu kolom pelaksana")
    if len({e.casefold() for e in executors}) != len(executors):
        raise SopFormatError("executors", "nama kolom pelaksana tidak boleh ganda")

    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise SopFormatError("steps", "minimal satu langkah")
    _check_count(raw_steps, "steps", "langkah")
    steps = tuple(_parse_step(item, index) for index, item in enumerate(raw_steps))
    numbers = [step.number for step in steps]
    if numbers != list(range(1, len(steps) + 1)):
        raise SopFormatError("steps", "nomor langkah harus berurutan mulai dari 1")
    for index, step in enumerate(steps):
        if step.executor not in executors:
            raise SopFormatError(f"steps[{index}].executor", f"{step.executor!r} bukan kolom pelaksana SOP ini")
        if step.decision:
            for answer, target in (("yes", step.decision.yes), ("no", step.decision.no)):
                if target is not None and target not in numbers:
                    raise SopFormatError(f"steps[{index}].decision.{answer}", f"langkah {target} tidak ada")

    raw_standard = _dict(data, "standard", "")
    requirements = []
    raw_reqs = raw_standard.get("persyaratan", []) or []
    if not isinstance(raw_reqs, list):
        raise SopFormatError("standard.persyaratan", "harus berupa daftar")
    _check_count(raw_reqs, "standard.persyaratan", "persyaratan")
    for index, item in enumerate(raw_reqs):
        where = f"standard.persyaratan[{index}]."
        if not isinstance(item, dict):
            raise SopFormatError(f"standard.persyaratan[{index}]", "harus berupa objek {text, required}")
        required = item.get("required", True)
        if not isinstance(required, bool):
            raise SopFormatError(f"{where}required", "harus true atau false")
        requirements.append(Requirement(text=_str(item, "text", where, required=True), required=required))
    jangka = _str(raw_standard, "jangka_waktu", "standard.")
    try:
        parse_duration(jangka)
    except DurationError as exc:
        raise SopFormatError("standard.jangka_waktu", str(exc)) from exc
    standard = ServiceStandard(
        persyaratan=tuple(requirements),
        produk=_str_list(raw_standard, "produk", "standard."),
        jangka_waktu=jangka,
        biaya=_str(raw_standard, "biaya", "standard."),
        prosedur=_str_list(raw_standard, "prosedur", "standard."),
        pengaduan=_str(raw_standard, "pengaduan", "standard."),
        notes=_str_list(raw_standard, "notes", "standard."),
    )
    has_event = data.get("has_event", False)
    if not isinstance(has_event, bool):
        raise SopFormatError("has_event", "harus true atau false")
    return Sop(
        code=code,
        office=_str(data, "office", "", required=True),
        name=_str(data, "name", "", required=True),
        service=_str(data, "service", "") or _str(data, "name", ""),
        icon=_str(data, "icon", "") or "fa5s.file-alt",
        status=status,
        has_event=has_event,
        source=source,
        identity=identity,
        executors=executors,
        steps=steps,
        standard=standard,
        notes=_str_list(data, "notes", ""),
    )


def sop_to_dict(sop: Sop) -> dict[str, Any]:
    """The exchange format of ``sop``; ``sop_from_dict(sop_to_dict(s)) == s``."""
    ident = sop.identity
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "code": sop.code,
        "office": sop.office,
        "name": sop.name,
        "service": sop.service,
        "icon": sop.icon,
        "status": sop.status,
        "has_event": sop.has_event,
        "source": {"kind": sop.source.kind, "document": sop.source.document, "note": sop.source.note},
        "notes": list(sop.notes),
        "identity": {
            "organisation": list(ident.organisation),
            "nomor": ident.nomor,
            "tanggal_pembuatan": ident.tanggal_pembuatan,
            "tanggal_revisi": ident.tanggal_revisi,
            "tanggal_pengesahan": ident.tanggal_pengesahan,
            "tanggal_efektif": ident.tanggal_efektif,
            "disahkan_oleh": {
                "jabatan": ident.disahkan_oleh.jabatan,
                "nama": ident.disahkan_oleh.nama,
                "pangkat": ident.disahkan_oleh.pangkat,
                "nip": ident.disahkan_oleh.nip,
            },
            "dasar_hukum": list(ident.dasar_hukum),
            "kualifikasi_pelaksana": list(ident.kualifikasi_pelaksana),
            "keterkaitan": list(ident.keterkaitan),
            "peralatan": list(ident.peralatan),
            "peringatan": list(ident.peringatan),
            "pencatatan": list(ident.pencatatan),
        },
        "executors": list(sop.executors),
        "steps": [
            {
                "number": step.number,
                "uraian": step.uraian,
                "executor": step.executor,
                "kinds": list(step.kinds),
                "decision": None
                if step.decision is None
                else {"question": step.decision.question, "yes": step.decision.yes, "no": step.decision.no},
                "kelengkapan": list(step.kelengkapan),
                "waktu": step.waktu,
                "output": step.output,
                "keterangan": step.keterangan,
                "note": step.note,
                "gates": list(step.gates),
            }
            for step in sop.steps
        ],
        "standard": {
            "persyaratan": [{"text": r.text, "required": r.required} for r in sop.standard.persyaratan],
            "produk": list(sop.standard.produk),
            "jangka_waktu": sop.standard.jangka_waktu,
            "biaya": sop.standard.biaya,
            "prosedur": list(sop.standard.prosedur),
            "pengaduan": sop.standard.pengaduan,
            "notes": list(sop.standard.notes),
        },
    }


def summary(sop: Sop, office_name: str = "") -> dict[str, Any]:
    """The ``sop list --json`` entry."""
    totals = sop.totals
    total = totals.minutes
    return {
        "code": sop.code,
        "name": sop.name,
        "service": sop.service,
        "office": office_name or sop.office,
        "office_code": sop.office,
        "nomor": sop.identity.nomor,
        "status": sop.status,
        "steps": len(sop.steps),
        "executors": list(sop.executors),
        "total_minutes": total,
        "total_text": totals.text,
        "total_days": float(totals.days),
        "total_working_days": float(totals.working_days),
        "tentative_steps": sop.tentative_steps,
        "untimed_steps": sop.untimed_steps,
        "time_frame": sop.standard.jangka_waktu or None,
        "source": sop.source.kind,
    }


__all__ = [
    "Decision",
    "Identity",
    "Requirement",
    "ServiceStandard",
    "Signatory",
    "Sop",
    "SopFormatError",
    "Source",
    "Step",
    "sop_from_dict",
    "sop_to_dict",
    "summary",
]
