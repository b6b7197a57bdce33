"""Susunan acara (rundown): ordered items with a duration, start times counted from the event's start.

An item keeps only its duration; its start time is the event's start plus the durations of the items
before it, so moving an item up or down, or changing one duration, recomputes every time after it.
Templates to start from are data (:data:`TEMPLATES`): a flag ceremony (upacara bendera, in the order of
UU 9/2010 Pasal 18-19), a courtesy visit (audiensi) and an opening ceremony (acara pembukaan, the
non-flag order of Pasal 28: Indonesia Raya, pembukaan, acara pokok, penutup). ``{pimpinan}`` in a
template's texts stands for the leader attending (Walikota, Bupati…).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

T = TypeVar("T")

MAX_ITEM_MINUTES = 12 * 60


class RundownError(ValueError):
    """A rundown value the office would not accept; the message is Indonesian."""


@dataclass(frozen=True)
class Item:
    """One line of the susunan acara."""

    description: str
    minutes: int
    person: str = ""  # penanggung jawab / pengisi acara
    note: str = ""
    key: Any = None  # the caller's id (a database row id)


@dataclass(frozen=True)
class Scheduled:
    """An item with its computed times. ``day_offset`` is 1 when it starts after midnight."""

    number: int  # 1-based
    item: Item
    start: time
    end: time
    day_offset: int = 0

    @property
    def start_text(self) -> str:
        return format_hhmm(self.start)

    @property
    def end_text(self) -> str:
        return format_hhmm(self.end)

    @property
    def span_text(self) -> str:
        """``"09.00 – 09.05"``."""
        return f"{self.start_text} – {self.end_text}"


def parse_hhmm(text: str) -> time:
    """``"09.00"`` / ``"9:00"`` -> ``time(9, 0)``; raises :class:`RundownError`."""
    value = text.strip().replace(":", ".")
    parts = value.split(".")
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        raise RundownError(f'Jam "{text}" tidak sah; tulis seperti 09.00')
    hour, minute = int(parts[0]), int(parts[1])
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise RundownError(f'Jam "{text}" tidak sah; tulis seperti 09.00')
    return time(hour, minute)


def format_hhmm(value: time) -> str:
    return f"{value.hour:02d}.{value.minute:02d}"


def check_item(item: Item) -> None:
    if not item.description.strip():
        raise RundownError("Uraian acara wajib diisi")
    if not isinstance(item.minutes, int) or item.minutes < 0:
        raise RundownError("Durasi acara harus bilangan menit, 0 atau lebih")
    if item.minutes > MAX_ITEM_MINUTES:
        raise RundownError(f"Durasi satu mata acara paling lama {MAX_ITEM_MINUTES // 60} jam")


def schedule(items: Sequence[Item], start: time | str) -> list[Scheduled]:
    """The items with start and end times counted from ``start`` (the event's start)."""
    begin = parse_hhmm(start) if isinstance(start, str) else start
    base = datetime.combine(date(2000, 1, 1), begin)
    moment = base
    result = []
    for number, item in enumerate(items, start=1):
        end = moment + timedelta(minutes=item.minutes)
        result.append(Scheduled(number, item, moment.time(), end.time(), (moment.date() - base.date()).days))
        moment = end
    return result


def total_minutes(items: Sequence[Item]) -> int:
    return sum(item.minutes for item in items)


def end_time(items: Sequence[Item], start: time | str) -> time:
    begin = parse_hhmm(start) if isinstance(start, str) else start
    moment = datetime.combine(date(2000, 1, 1), begin) + timedelta(minutes=total_minutes(items))
    return moment.time()


def move(items: Sequence[T], index: int, delta: int) -> list[T]:
    """The items with the one at ``index`` moved by ``delta`` places (clamped to the ends)."""
    values = list(items)
    if not 0 <= index < len(values):
        raise RundownError(f"Mata acara nomor {index + 1} tidak ada")
    target = max(0, min(len(values) - 1, index + delta))
    item = values.pop(index)
    values.insert(target, item)
    return values


def format_duration(minutes: int) -> str:
    """``5`` -> ``"5 menit"``, ``90`` -> ``"1 jam 30 menit"``."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} jam")
    if rest or not hours:
        parts.append(f"{rest} menit")
    return " ".join(parts)


@dataclass(frozen=True)
class Template:
    code: str
    name: str
    items: tuple[Item, ...]
    dress_code: str = ""
    note: str = ""

    def items_for(self, leader: str) -> list[Item]:
        """The template's items with ``{pimpinan}`` replaced by the leader's title."""
        who = leader or "Pimpinan"
        return [
            replace(
                item,
                description=item.description.replace("{pimpinan}", who),
                person=item.person.replace("{pimpinan}", who),
            )
            for item in self.items
        ]


TEMPLATES: dict[str, Template] = {
    t.code: t
    for t in (
        Template(
            "upacara",
            "Upacara bendera",
            (
                Item("Persiapan: peserta upacara memasuki lapangan, barisan disiapkan", 10, "Perwira upacara"),
                Item("Pemimpin upacara memasuki lapangan upacara", 2, "Pemimpin upacara"),
                Item("{pimpinan} selaku inspektur upacara tiba di mimbar; penghormatan umum", 3, "Pemimpin upacara"),
                Item("Laporan pemimpin upacara kepada inspektur upacara", 2, "Pemimpin upacara"),
                Item("Pengibaran Bendera Merah Putih diiringi Lagu Kebangsaan Indonesia Raya", 5, "Paskibra, dirigen"),
                Item("Mengheningkan cipta dipimpin inspektur upacara", 2, "{pimpinan}"),
                Item("Pembacaan teks Pancasila, diikuti seluruh peserta", 3, "{pimpinan}"),
                Item("Pembacaan Pembukaan Undang-Undang Dasar 1945", 3, "Petugas pembaca UUD 1945"),
                Item("Amanat inspektur upacara", 15, "{pimpinan}"),
                Item("Pembacaan doa", 3, "Pembaca doa"),
                Item("Laporan pemimpin upacara; penghormatan umum", 2, "Pemimpin upacara"),
                Item("Inspektur upacara meninggalkan mimbar; upacara selesai", 3, "Perwira upacara"),
            ),
            dress_code="Pakaian Dinas Upacara (PDU) / Pakaian Sipil Lengkap sesuai undangan",
            note="Urutan upacara bendera: UU 9/2010 Pasal 18-19.",
        ),
        Template(
            "audiensi",
            "Audiensi / kunjungan kehormatan",
            (
                Item("Tamu tiba dan disambut di lobi, diantar ke ruang pertemuan", 5, "Protokol"),
                Item("{pimpinan} memasuki ruangan; perkenalan oleh protokol", 5, "Protokol"),
                Item("Penyampaian maksud dan tujuan kunjungan oleh tamu", 15, "Pimpinan rombongan tamu"),
                Item("Tanggapan dan arahan {pimpinan}", 15, "{pimpinan}"),
                Item("Diskusi / tanya jawab", 15, "Moderator"),
                Item("Penyerahan cenderamata dan foto bersama", 5, "Protokol"),
                Item("Ramah tamah; tamu diantar meninggalkan ruangan", 10, "Protokol"),
            ),
            dress_code="Pakaian Dinas Harian (PDH)",
        ),
        Template(
            "pembukaan",
            "Acara pembukaan",
            (
                Item("Kedatangan {pimpinan}; penyambutan oleh panitia", 5, "Protokol, panitia"),
                Item("Pembukaan oleh pembawa acara", 2, "MC"),
                Item("Menyanyikan Lagu Kebangsaan Indonesia Raya", 3, "Dirigen"),
                Item("Pembacaan doa", 3, "Pembaca doa"),
                Item("Laporan ketua panitia penyelenggara", 5, "Ketua panitia"),
                Item("Sambutan {pimpinan} sekaligus membuka acara secara resmi", 15, "{pimpinan}"),
                Item("Penekanan tombol / pemukulan gong / pengguntingan pita tanda dibukanya acara", 3, "{pimpinan}"),
                Item("Foto bersama", 5, "Protokol, dokumentasi"),
                Item("Penutup oleh pembawa acara", 2, "MC"),
            ),
            dress_code="Pakaian Sipil Harian (PSH) / batik, sesuai undangan",
            note="Urutan acara bukan upacara bendera: UU 9/2010 Pasal 28.",
        ),
    )
}
