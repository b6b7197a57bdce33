"""The SOP Protokol (Lumajang's product, LMJ-KOORDINASI): an event's protocol plan, generated from
what the app already holds, corrected in rounds, initialled, signed and distributed.

:func:`generate` gathers the event (name, date, time, place, leader, organiser), its rundown, officers,
seating order (:mod:`..domain.precedence`), dress code and location checks into one JSON snapshot, and
writes it as an Excel workbook (and a PDF when a writer is given: the PDF is drawn with Qt, which the
services do not import) under the office letterhead; both files are kept as the request's
attachments. Each generation is a new round. Corrections are noted on a round by the Kasubag (first
correction, SOP step 4) or the Kabag (step 5); the corrected round is initialled (paraf) by the
Kasubag (the office's second role, step 8) and signed by the Kabag (the top role, step 9); then it is
distributed to every protocol officer and to the adjutants of the Bupati and Wakil Bupati (step 11),
each receipt recorded with who received it and when. Every change goes to the request's History and
the audit trail, one transaction each.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain import rundown
from ..domain.indonesian import format_date, format_date_long, format_datetime
from ..store.events import SopProtokolCorrection, SopProtokolDistribution, SopProtokolDocument
from ..store.models import Attachment, database
from . import Actor, ServiceError, permissions
from . import events as ev
from .events import get_request, now_utc, text
from .office import active_office

SOP_PROTOKOL_SOPS = ("LMJ-KOORDINASI",)
PETUGAS = "Petugas protokol"
OTHER = "Lainnya"
CONTENT_VERSION = 1

SEATING_CONVENTION = "Kursi depan dari kiri ke kanan dilihat dari hadirin; tamu tertinggi di sebelah kanan tuan rumah."

PdfWriter = Callable[[dict, Path], Path]


@dataclass(frozen=True)
class CorrectionRow:
    id: int
    by: str
    role: str
    text: str
    at: datetime


@dataclass(frozen=True)
class DocumentRow:
    id: int
    round: int
    content: dict
    xlsx_name: str
    pdf_name: str
    generated_at: datetime
    generated_by: str
    paraf_by: str
    paraf_at: datetime | None
    signed_by: str
    signed_at: datetime | None
    corrections: tuple[CorrectionRow, ...]
    current: bool

    @property
    def status(self) -> str:
        if self.signed_at is not None:
            return "Ditandatangani"
        if self.paraf_at is not None:
            return "Diparaf, menunggu tanda tangan"
        if self.corrections:
            return "Dikoreksi"
        return "Konsep"


@dataclass(frozen=True)
class DistributionLine:
    kind: str
    recipient: str  # planned name ("" when not yet named) or the recorded one
    received_at: datetime | None
    recorded_by: str = ""
    note: str = ""
    planned: bool = True

    @property
    def received(self) -> bool:
        return self.received_at is not None


def _roles() -> tuple[str, str]:
    """(top role, second role) of the office: the Kabag and the Kasubag."""
    ranked = active_office().ranked_roles
    if len(ranked) < 2:
        raise ServiceError("Profil kantor tidak punya peran Kabag dan Kasubag untuk SOP Protokol")
    return ranked[0].name, ranked[1].name


def _record(
    request_id: int, actor: Actor, action: str, detail: str, before: object, after: object, now: datetime
) -> None:
    from .requests import record_change

    record_change(request_id, actor, action, detail, before, after, now)


# --- contents ---------------------------------------------------------------------------------------


def ajudan_kinds() -> list[str]:
    """ "Ajudan Bupati", "Ajudan Wakil Bupati": the adjutants of the office's first two leaders."""
    return [f"Ajudan {leader}" for leader in active_office().leaders[:2]]


def planned_recipients(request_id: int) -> list[tuple[str, str]]:
    """(kind, recipient) the SOP Protokol goes to: every officer of the event, then the adjutants."""
    officers = ev.officers(request_id)
    kinds = ajudan_kinds()
    planned = [
        (PETUGAS, f"{o.name} ({o.duty})")
        for o in officers
        if o.duty.casefold() not in {k.casefold() for k in kinds} and o.duty.casefold() != "ajudan"
    ]
    for kind in kinds:
        named = next((o.name for o in officers if o.duty.casefold() == kind.casefold()), "")
        planned.append((kind, named))
    return planned


def _jabatan(title: str, unit: str) -> str:
    """ "Kepala Bagian" + "Bagian Protokol dan TU Pimpinan" -> "Kepala Bagian Protokol dan TU Pimpinan"."""
    last = title.split()[-1] if title.split() else ""
    first = unit.split()[0] if unit.split() else ""
    if last and last.casefold() == first.casefold():
        return f"{title} {unit[len(first) :].strip()}".strip()
    return f"{title} {unit}".strip()


def build_content(request_id: int, round_number: int, actor: Actor, now: datetime) -> dict[str, Any]:
    """The SOP Protokol's contents from the request and its event records (JSON-safe)."""
    office = active_office()
    request = get_request(request_id)
    top, second = _roles()
    top_title = next((r.title for r in office.ranked_roles if r.name == top), top) or top
    rows = ev.rundown_rows(request_id)
    start = ev.event_start(request)
    end_text = ""
    if start is not None and rows:
        end_text = rundown.format_hhmm(
            rundown.end_time([rundown.Item(r.description, r.minutes) for r in rows], start.time())
        )
    summary = ev.event_summary(request_id)
    numbered = ev.numbered_guests(request_id)  # the guest tab's numbers: the host is not counted
    seats = ev.seating(request_id)
    checks = ev.checks(request_id)
    zone = office.zone
    town = office.name.replace("Kabupaten ", "").replace("Kota ", "")
    return {
        "version": CONTENT_VERSION,
        "round": round_number,
        "request_id": request.id,
        "letterhead": {
            "organisation": office.organisation.upper(),
            "parent": office.parent.upper(),
            "unit": office.unit.upper(),
            "address": office.address,
            "phone": office.phone,
            "web": office.web,
            "place": town,
        },
        "title": "SOP PROTOKOL",
        "event": {
            "name": request.perihal,
            "nomor_surat": request.nomor_surat,
            "organiser": request.pengirim,
            "contact": " ".join(x for x in (request.contact_name, request.contact_phone) if x),
            "leader": request.leader,
            "date": request.event_date.isoformat() if request.event_date else "",
            "date_text": format_date_long(request.event_date) if request.event_date else "",
            "time": request.event_time,
            "end_time": end_text,
            "zone": office.timezone,
            "place": request.event_place,
        },
        "dress_code": summary.dress_code,
        "rundown": [
            {
                "number": r.number,
                "start": r.start,
                "end": r.end,
                "description": r.description,
                "minutes": r.minutes,
                "duration": rundown.format_duration(r.minutes),
                "person": r.person,
            }
            for r in rows
        ],
        "officers": [{"duty": o.duty, "name": o.name, "contact": o.contact} for o in ev.officers(request_id)],
        "seating": {
            "host": summary.host,
            "order": [
                {
                    "number": number,
                    "name": g.name,
                    "title": g.title,
                    "represents": g.represents,
                    "group": g.rank.group,
                    "basis": g.rank.basis,
                }
                for number, g in numbered
            ],
            "row": [
                {
                    "position": s.position,
                    "label": s.label,
                    "name": getattr(s.person, "name", ""),
                    "title": getattr(s.person, "title", str(s.person)),
                }
                for s in seats
            ],
            "convention": SEATING_CONVENTION,
        },
        "checks": [
            {
                "kind": c.kind,
                "kind_label": c.kind_label,
                "held_at": format_datetime(c.held_at.astimezone(zone)),
                "findings": c.findings,
                "officers": c.officers,
                "photos": len(c.photos),
            }
            for c in checks
        ],
        "distribution": [{"kind": kind, "recipient": name} for kind, name in planned_recipients(request_id)],
        "signatory": {"role": top, "jabatan": _jabatan(top_title, office.unit)},
        "paraf_role": second,
        "generated_at": f"{format_datetime(now.astimezone(zone))} {office.timezone}",
        "generated_by": actor.name,
        "date_line": f"{town}, {format_date(now.astimezone(zone).date())}",
    }


# --- documents --------------------------------------------------------------------------------------


def _corrections(document_id: int) -> tuple[CorrectionRow, ...]:
    return tuple(
        CorrectionRow(c.id, c.by, c.role, c.text, c.at)
        for c in SopProtokolCorrection.select()
        .where(SopProtokolCorrection.document == document_id)
        .order_by(SopProtokolCorrection.id)
    )


def documents(request_id: int) -> list[DocumentRow]:
    """The rounds, oldest first; the last one is the current one."""
    rows = list(
        SopProtokolDocument.select()
        .where((SopProtokolDocument.request == request_id) & ~SopProtokolDocument.withdrawn)
        .order_by(SopProtokolDocument.round)
    )
    return [
        DocumentRow(
            d.id,
            d.round,
            json.loads(d.content),
            d.xlsx_name,
            d.pdf_name,
            d.generated_at,
            d.generated_by,
            d.paraf_by,
            d.paraf_at,
            d.signed_by,
            d.signed_at,
            _corrections(d.id),
            index == len(rows) - 1,
        )  # fmt: skip
        for index, d in enumerate(rows)
    ]


def current_document(request_id: int) -> DocumentRow | None:
    rows = documents(request_id)
    return rows[-1] if rows else None


def document(document_id: int) -> DocumentRow:
    row = SopProtokolDocument.get_or_none(SopProtokolDocument.id == document_id)
    if row is None:
        raise ServiceError("Dokumen SOP Protokol itu tidak ada")
    for found in documents(row.request_id):
        if found.id == document_id:
            return found
    raise ServiceError("Dokumen SOP Protokol itu tidak ada")


def _attach(path: Path, request_id: int, files_dir: Path, actor: Actor, now: datetime) -> str:
    stored, digest, size = ev.store_file(path, files_dir, request_id)
    Attachment.create(
        request=request_id, kind="SOP Protokol", original_name=path.name, stored_name=stored, sha256=digest,
        size=size, added_at=now, added_by=actor.name,
    )  # fmt: skip
    return stored


def generate(
    request_id: int,
    actor: Actor,
    files_dir: Path,
    pdf_writer: PdfWriter | None = None,
    now: datetime | None = None,
) -> int:
    """Generate a new round of the SOP Protokol (Excel, and PDF with ``pdf_writer``). Returns its id."""
    from ..export.sop_protokol_xlsx import write_sop_protokol

    now = now_utc(now)
    ev.require_known(actor)
    request = get_request(request_id)
    if request.status == "batal":
        raise ServiceError("Permohonan ini dibatalkan; SOP Protokol tidak dibuat")
    latest = current_document(request_id)
    if latest is not None and latest.signed_at is not None:
        raise ServiceError(
            f"SOP Protokol putaran {latest.round} sudah ditandatangani {latest.signed_by}; tidak dibuat ulang"
        )
    round_number = (latest.round + 1) if latest else 1
    content = build_content(request_id, round_number, actor, now)
    base = f"SOP-Protokol-{request.id:06d}-putaran-{round_number}"
    with tempfile.TemporaryDirectory() as folder:
        xlsx = write_sop_protokol(content, Path(folder) / f"{base}.xlsx")
        pdf = pdf_writer(content, Path(folder) / f"{base}.pdf") if pdf_writer else None
        with database.atomic():
            if latest is not None and latest.round >= round_number:
                raise ServiceError("SOP Protokol baru saja dibuat di komputer lain; tampilan diperbarui")
            xlsx_name = _attach(xlsx, request_id, files_dir, actor, now)
            pdf_name = _attach(pdf, request_id, files_dir, actor, now) if pdf is not None else ""
            row = SopProtokolDocument.create(
                request=request_id, round=round_number, content=json.dumps(content, ensure_ascii=False),
                xlsx_name=xlsx_name, pdf_name=pdf_name, generated_at=now, generated_by=actor.name,
            )  # fmt: skip
            _record(
                request_id, actor, "sop_protokol",
                f"SOP Protokol putaran {round_number} dibuat ({len(content['rundown'])} mata acara, "
                f"{len(content['officers'])} petugas, {len(content['seating']['order'])} tamu)",
                None, {"document": row.id, "round": round_number, "xlsx": xlsx_name, "pdf": pdf_name}, now,
            )  # fmt: skip
    return int(row.id)


def _latest(document_id: int) -> SopProtokolDocument:
    row = SopProtokolDocument.get_or_none((SopProtokolDocument.id == document_id) & ~SopProtokolDocument.withdrawn)
    if row is None:
        raise ServiceError("Dokumen SOP Protokol itu tidak ada")
    newest = (
        SopProtokolDocument.select()
        .where((SopProtokolDocument.request == row.request_id) & ~SopProtokolDocument.withdrawn)
        .order_by(SopProtokolDocument.round.desc())
        .first()
    )
    if newest is not None and newest.id != row.id:
        raise ServiceError(f"Putaran {row.round} sudah diganti putaran {newest.round}; gunakan yang terbaru")
    return row


def add_correction(document_id: int, correction: str, actor: Actor, now: datetime | None = None) -> int:
    """A correction on the current round, by the Kasubag or the Kabag."""
    now = now_utc(now)
    permissions.can_sop_protokol_correction(actor).enforce()
    body = text(correction, "Isi koreksi", required=True, max_length=8000)
    with database.atomic():
        row = _latest(document_id)
        if row.signed_at is not None:
            raise ServiceError("SOP Protokol ini sudah ditandatangani; koreksi tidak dicatat")
        if row.paraf_at is not None:
            raise ServiceError(f"SOP Protokol ini sudah diparaf {row.paraf_by}; buat putaran baru untuk koreksi")
        correction_row = SopProtokolCorrection.create(document=row, by=actor.name, role=actor.role, text=body, at=now)
        _record(
            row.request_id, actor, "sop_protokol_koreksi", f"Koreksi putaran {row.round} oleh {actor.role}: {body}",
            None, {"document": row.id, "text": body}, now,
        )  # fmt: skip
    return int(correction_row.id)


def paraf(document_id: int, actor: Actor, now: datetime | None = None) -> None:
    """The Kasubag (the office's second role) initials the corrected SOP Protokol (step 8)."""
    now = now_utc(now)
    permissions.can_sop_protokol_paraf(actor).enforce()
    with database.atomic():
        row = _latest(document_id)
        if row.paraf_at is not None:
            raise ServiceError(f"SOP Protokol putaran {row.round} sudah diparaf {row.paraf_by}")
        SopProtokolDocument.update(paraf_by=actor.name, paraf_at=now).where(SopProtokolDocument.id == row.id).execute()
        _record(
            row.request_id, actor, "sop_protokol_paraf", f"SOP Protokol putaran {row.round} diparaf {actor.name}",
            None, {"document": row.id, "paraf_by": actor.name}, now,
        )  # fmt: skip


def sign(document_id: int, actor: Actor, now: datetime | None = None) -> None:
    """The Kabag (the office's top role) signs the initialled SOP Protokol (step 9)."""
    now = now_utc(now)
    permissions.can_sop_protokol_sign(actor).enforce()
    _, second = _roles()
    with database.atomic():
        row = _latest(document_id)
        if row.paraf_at is None:
            raise ServiceError(f"SOP Protokol putaran {row.round} belum diparaf {second}")
        if row.signed_at is not None:
            raise ServiceError(f"SOP Protokol putaran {row.round} sudah ditandatangani {row.signed_by}")
        SopProtokolDocument.update(signed_by=actor.name, signed_at=now).where(
            SopProtokolDocument.id == row.id
        ).execute()
        _record(
            row.request_id, actor, "sop_protokol_ttd", f"SOP Protokol putaran {row.round} ditandatangani {actor.name}",
            None, {"document": row.id, "signed_by": actor.name}, now,
        )  # fmt: skip


def paraf_problem(request_id: int) -> str | None:
    """Gate ``sop_protokol_paraf`` (:mod:`.gates`): the current round carries the Kasubag's paraf."""
    current = current_document(request_id)
    if current is None:
        return "SOP Protokol belum dibuat"
    if current.paraf_at is None:
        return f"SOP Protokol putaran {current.round} belum diparaf"
    return None


def signature_problem(request_id: int) -> str | None:
    """Gate ``sop_protokol_signed`` (:mod:`.gates`): the current round is signed by the Kabag."""
    current = current_document(request_id)
    if current is None:
        return "SOP Protokol belum dibuat"
    if current.signed_at is None:
        return f"SOP Protokol putaran {current.round} belum ditandatangani"
    return None


def record_distribution(
    document_id: int,
    kind: str,
    recipient: str,
    actor: Actor,
    received_at: datetime | None = None,
    note: str = "",
    now: datetime | None = None,
) -> int:
    """Record that ``recipient`` (a protocol officer, an adjutant…) received the signed SOP Protokol."""
    now = now_utc(now)
    ev.require_known(actor)
    kinds = [PETUGAS, *ajudan_kinds(), OTHER]
    if kind not in kinds:
        raise ServiceError(f"Penerima '{kind}' tidak dikenal; pilih {', '.join(kinds)}")
    recipient = text(recipient, "Nama penerima", required=True, max_length=200)
    note = text(note, "Catatan", max_length=1000)
    received = received_at or now
    if received.tzinfo is None:
        raise ServiceError("Waktu diterima harus berzona waktu")
    with database.atomic():
        row = _latest(document_id)
        if row.signed_at is None:
            raise ServiceError("SOP Protokol belum ditandatangani Kabag; belum dapat didistribusikan")
        if received < row.signed_at:
            raise ServiceError("Waktu diterima tidak boleh sebelum SOP Protokol ditandatangani")
        if received > now:
            raise ServiceError("Waktu diterima tidak boleh di masa depan")
        line = SopProtokolDistribution.create(
            document=row, kind=kind, recipient=recipient, received_at=received, note=note, recorded_at=now,
            recorded_by=actor.name,
        )  # fmt: skip
        local = received.astimezone(active_office().zone)
        _record(
            row.request_id, actor, "sop_protokol_distribusi",
            f"SOP Protokol diterima {kind}: {recipient}, {format_datetime(local)}",
            None, {"document": row.id, "kind": kind, "recipient": recipient, "received_at": received.isoformat()},
            now,
        )  # fmt: skip
    return int(line.id)


def distribution(document_id: int) -> list[DistributionLine]:
    """The planned recipients of the document with their receipts, then receipts not planned."""
    row = SopProtokolDocument.get_or_none(SopProtokolDocument.id == document_id)
    if row is None:
        raise ServiceError("Dokumen SOP Protokol itu tidak ada")
    content = json.loads(row.content)
    recorded = list(
        SopProtokolDistribution.select()
        .where((SopProtokolDistribution.document == row) & ~SopProtokolDistribution.withdrawn)
        .order_by(SopProtokolDistribution.received_at, SopProtokolDistribution.id)
    )
    used: set[int] = set()
    lines = []
    for plan in content.get("distribution", []):
        kind, name = plan["kind"], plan["recipient"]
        match = None
        for receipt in recorded:
            if receipt.id in used or receipt.kind != kind:
                continue
            if kind == PETUGAS and name and not _same_person(name, receipt.recipient):
                continue
            match = receipt
            break
        if match is None:
            lines.append(DistributionLine(kind, name, None))
        else:
            used.add(match.id)
            lines.append(DistributionLine(kind, match.recipient, match.received_at, match.recorded_by, match.note))
    for receipt in recorded:
        if receipt.id not in used:
            lines.append(
                DistributionLine(
                    receipt.kind, receipt.recipient, receipt.received_at, receipt.recorded_by, receipt.note, False
                )
            )
    return lines


def _same_person(planned: str, recorded: str) -> bool:
    """ "Nona L. (MC)" matches "Nona L." and "Nona L. (MC)"."""
    base = planned.split(" (", 1)[0].casefold().strip()
    return recorded.casefold().strip() in (planned.casefold().strip(), base)


def distribution_complete(document_id: int) -> bool:
    lines = [line for line in distribution(document_id) if line.planned]
    return bool(lines) and all(line.received for line in lines)
