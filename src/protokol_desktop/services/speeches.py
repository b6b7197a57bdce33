"""Speeches (Sambutan, AMB-SAMBUTAN): every draft kept as a version, corrections, the Ketua Tim's paraf.

A version is a text, a file (docx, pdf…) copied into the data folder, or both; versions are numbered
and named Konsep, Draft, Revisi 1, Revisi 2… The newest version not withdrawn is the current one.
Corrections are asked for by the Ketua Tim (recorded by the Kabag, who leads the Tim Sambutan) or by
the Pimpinan (recorded by whoever receives them); a version with corrections needs a revision before
the Ketua Tim can initial it (paraf). Two versions are compared side by side with :mod:`difflib`;
the text of a .txt or .docx file is read for that, a PDF cannot be compared. Every change goes to the
request's History and the audit trail in its own transaction.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

from ..store.events import SpeechCorrection, SpeechVersion
from ..store.models import database
from . import Actor, ServiceError
from .events import check_file, get_request, now_utc, require_known, store_file
from .events import text as clean
from .permissions import can_speech_paraf, can_speech_team_correction

SPEECH_SOPS = ("AMB-SAMBUTAN",)
SPEECH_FILES = {".docx", ".doc", ".odt", ".pdf", ".rtf", ".txt"}
SOURCES = ("Ketua Tim", "Pimpinan")
MAX_TEXT = 200_000


@dataclass(frozen=True)
class CorrectionRow:
    id: int
    source: str
    requested_by: str
    text: str
    at: datetime
    recorded_by: str


@dataclass(frozen=True)
class VersionRow:
    id: int
    number: int
    label: str
    text: str
    original_name: str
    stored_name: str
    note: str
    created_at: datetime
    created_by: str
    paraf_by: str
    paraf_at: datetime | None
    corrections: tuple[CorrectionRow, ...]
    current: bool = False

    @property
    def kind(self) -> str:
        if self.text and self.stored_name:
            return f"teks + {Path(self.original_name).suffix.lstrip('.').upper()}"
        return Path(self.original_name).suffix.lstrip(".").upper() if self.stored_name else "teks"


def label_for(number: int) -> str:
    """1 -> Konsep, 2 -> Draft, 3 -> Revisi 1, 4 -> Revisi 2…"""
    if number <= 1:
        return "Konsep"
    if number == 2:
        return "Draft"
    return f"Revisi {number - 2}"


def _rows(request_id: int) -> list[SpeechVersion]:
    return list(
        SpeechVersion.select()
        .where((SpeechVersion.request == request_id) & ~SpeechVersion.withdrawn)
        .order_by(SpeechVersion.number)
    )


def _corrections(version_id: int) -> tuple[CorrectionRow, ...]:
    return tuple(
        CorrectionRow(c.id, c.source, c.requested_by, c.text, c.at, c.recorded_by)
        for c in SpeechCorrection.select().where(SpeechCorrection.version == version_id).order_by(SpeechCorrection.id)
    )


def _row(version: SpeechVersion, current: bool) -> VersionRow:
    return VersionRow(
        version.id, version.number, version.label, version.text, version.original_name, version.stored_name,
        version.note, version.created_at, version.created_by, version.paraf_by, version.paraf_at,
        _corrections(version.id), current,
    )  # fmt: skip


def versions(request_id: int) -> list[VersionRow]:
    """The versions, oldest first; the last one is the current one."""
    rows = _rows(request_id)
    return [_row(v, index == len(rows) - 1) for index, v in enumerate(rows)]


def current_version(request_id: int) -> VersionRow | None:
    rows = versions(request_id)
    return rows[-1] if rows else None


def _record(
    request_id: int, actor: Actor, action: str, detail: str, before: object, after: object, now: datetime
) -> None:
    from .requests import record_change

    record_change(request_id, actor, action, detail, before, after, now)


def add_version(
    request_id: int,
    actor: Actor,
    *,
    text: str = "",
    file: Path | None = None,
    files_dir: Path | None = None,
    label: str = "",
    note: str = "",
    now: datetime | None = None,
) -> int:
    """Keep a new version of the speech (text, file or both). Returns its id."""
    now = now_utc(now)
    require_known(actor)
    body = (text or "").strip()
    if "\x00" in body:
        raise ServiceError("Teks sambutan berisi karakter yang tidak sah")
    if len(body) > MAX_TEXT:
        raise ServiceError(f"Teks sambutan terlalu panjang (maksimal {MAX_TEXT} karakter); lampirkan sebagai berkas")
    if not body and file is None:
        raise ServiceError("Isi teks sambutan atau pilih berkasnya (docx/pdf)")
    if file is not None:
        check_file(file, SPEECH_FILES, "Berkas sambutan")
        if files_dir is None:
            raise ServiceError("Folder lampiran belum ditentukan")
    label = clean(label, "Nama versi", max_length=60)
    note = clean(note, "Catatan", max_length=2000)
    with database.atomic():
        request = get_request(request_id)
        if request.status == "batal":
            raise ServiceError("Permohonan ini dibatalkan; versi sambutan tidak ditambah")
        last = (
            SpeechVersion.select(SpeechVersion.number)
            .where(SpeechVersion.request == request_id)
            .order_by(SpeechVersion.number.desc())
            .first()
        )
        number = (last.number + 1) if last else 1
        stored = digest = original = ""
        size = 0
        if file is not None:
            assert files_dir is not None
            stored, digest, size = store_file(file, files_dir, request_id)
            original = file.name
        version = SpeechVersion.create(
            request=request_id, number=number, label=label or label_for(number), text=body, original_name=original,
            stored_name=stored, sha256=digest, size=size, note=note, created_at=now, created_by=actor.name,
        )  # fmt: skip
        _record(
            request_id, actor, "sambutan_versi",
            f"Versi {number} ({version.label}) dibuat" + (f": berkas {original}" if original else ""),
            None, {"id": version.id, "number": number, "label": version.label, "file": original, "chars": len(body)},
            now,
        )  # fmt: skip
    return int(version.id)


def _version(version_id: int) -> SpeechVersion:
    version = SpeechVersion.get_or_none((SpeechVersion.id == version_id) & ~SpeechVersion.withdrawn)
    if version is None:
        raise ServiceError("Versi sambutan itu tidak ada (atau sudah ditarik)")
    return version


def add_correction(
    version_id: int,
    source: str,
    correction: str,
    actor: Actor,
    requested_by: str = "",
    now: datetime | None = None,
) -> int:
    """A correction asked for on a version by the Ketua Tim (only the Kabag records those) or by the
    Pimpinan (``requested_by`` defaults to the request's leader)."""
    now = now_utc(now)
    require_known(actor)
    if source not in SOURCES:
        raise ServiceError(f"Koreksi dari '{source}' tidak dikenal (Ketua Tim atau Pimpinan)")
    body = clean(correction, "Isi koreksi", required=True, max_length=8000)
    with database.atomic():
        version = _version(version_id)
        request = get_request(version.request_id)
        if source == "Ketua Tim":
            can_speech_team_correction(actor).enforce()
            requested_by = requested_by.strip() or actor.name
        else:
            requested_by = requested_by.strip() or request.leader or "Pimpinan"
        requested_by = clean(requested_by, "Pemberi koreksi", max_length=200)
        row = SpeechCorrection.create(
            version=version, source=source, requested_by=requested_by, text=body, at=now, recorded_by=actor.name
        )
        _record(
            version.request_id, actor, "sambutan_koreksi",
            f"Koreksi {source} ({requested_by}) atas {version.label}: {body}",
            None, {"version": version.id, "source": source, "requested_by": requested_by, "text": body}, now,
        )  # fmt: skip
    return int(row.id)


def paraf(version_id: int, actor: Actor, now: datetime | None = None) -> None:
    """The Ketua Tim (the office's top role, the Kabag) initials the current version."""
    now = now_utc(now)
    can_speech_paraf(actor).enforce()
    with database.atomic():
        version = _version(version_id)
        rows = _rows(version.request_id)
        if rows[-1].id != version.id:
            raise ServiceError(f"Hanya versi terbaru ({rows[-1].label}) yang dapat diparaf")
        if version.paraf_at is not None:
            raise ServiceError(f"{version.label} sudah diparaf oleh {version.paraf_by}")
        if SpeechCorrection.select().where(SpeechCorrection.version == version).exists():
            raise ServiceError(f"{version.label} masih punya koreksi; buat revisi dulu, lalu paraf revisinya")
        SpeechVersion.update(paraf_by=actor.name, paraf_at=now).where(SpeechVersion.id == version.id).execute()
        _record(
            version.request_id, actor, "sambutan_paraf", f"{version.label} diparaf Ketua Tim ({actor.name})",
            None, {"version": version.id, "paraf_by": actor.name}, now,
        )  # fmt: skip


def paraf_problem(request_id: int) -> str | None:
    """Gate ``speech_paraf`` (:mod:`.gates`): the current version carries the Ketua Tim's paraf."""
    current = current_version(request_id)
    if current is None:
        return "belum ada versi sambutan"
    if current.paraf_at is None:
        return f"sambutan terkini ({current.label}) belum diparaf Ketua Tim"
    return None


def withdraw_version(version_id: int, reason: str, actor: Actor, now: datetime | None = None) -> None:
    now = now_utc(now)
    require_known(actor)
    reason = clean(reason, "Alasan", required=True, max_length=1000)
    with database.atomic():
        version = _version(version_id)
        if version.paraf_at is not None:
            raise ServiceError(f"{version.label} sudah diparaf; versi yang diparaf tidak ditarik")
        SpeechVersion.update(withdrawn=True, withdrawn_reason=reason).where(SpeechVersion.id == version.id).execute()
        _record(
            version.request_id, actor, "sambutan_versi", f"{version.label} ditarik: {reason}",
            {"id": version.id}, {"withdrawn": True, "reason": reason}, now,
        )  # fmt: skip


# --- comparing ------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(path: Path) -> str:
    """The paragraphs of a .docx file, one per line."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("word/document.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise ServiceError(f"Berkas {path.name} bukan dokumen Word (.docx) yang dapat dibaca") from exc
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def version_text(version_id: int, files_dir: Path | None = None) -> str:
    """The text to compare: the typed text, else the text of a .txt or .docx file."""
    version = SpeechVersion.get_or_none(SpeechVersion.id == version_id)
    if version is None:
        raise ServiceError("Versi sambutan itu tidak ada")
    if version.text:
        return str(version.text)
    if not version.stored_name:
        return ""
    if files_dir is None:
        raise ServiceError("Folder lampiran belum ditentukan")
    path = files_dir / version.stored_name
    suffix = Path(version.original_name).suffix.lower()
    if suffix == ".txt":
        return path.read_bytes().decode("utf-8", errors="replace")
    if suffix == ".docx":
        return docx_text(path)
    raise ServiceError(
        f"{version.label} berupa berkas {suffix.lstrip('.').upper()}; teksnya tidak dapat dibandingkan. "
        "Tambahkan teksnya pada versi itu atau gunakan .docx"
    )


@dataclass(frozen=True)
class DiffLine:
    """One row of the side-by-side comparison; ``tag`` is equal, replace, delete or insert."""

    left_number: int | None
    left: str
    right_number: int | None
    right: str
    tag: str


def _lines(value: str) -> list[str]:
    return [re.sub(r"[ \t]+", " ", line).strip() for line in value.replace("\r\n", "\n").split("\n")]


def compare_texts(left: str, right: str) -> list[DiffLine]:
    a, b = _lines(left), _lines(right)
    result: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(
                DiffLine(i + 1, a[i], j + 1, b[j], "equal") for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        span = max(i2 - i1, j2 - j1)
        for offset in range(span):
            i, j = i1 + offset, j1 + offset
            has_left, has_right = i < i2, j < j2
            row_tag = "replace" if has_left and has_right else ("delete" if has_left else "insert")
            result.append(
                DiffLine(
                    i + 1 if has_left else None,
                    a[i] if has_left else "",
                    j + 1 if has_right else None,
                    b[j] if has_right else "",
                    row_tag,
                )  # fmt: skip
            )
    return result


def compare(left_id: int, right_id: int, files_dir: Path | None = None) -> list[DiffLine]:
    """Two versions side by side, line by line."""
    return compare_texts(version_text(left_id, files_dir), version_text(right_id, files_dir))


def similarity(left: str, right: str) -> float:
    return difflib.SequenceMatcher(a=_lines(left), b=_lines(right), autojunk=False).ratio()
