"""Tata tempat: who sits where at an official event of a kabupaten/kota, after UU 9/2010 tentang Keprotokolan.

The order is data (:data:`RULES`), read from the law:

- **Pasal 11 ayat (1)** orders the officials of a kabupaten/kota, huruf a to m: bupati/walikota; wakil;
  former bupati/walikota and wakil; Ketua DPRD; Wakil Ketua DPRD; Sekda, the highest TNI commander
  (Dandim, Danlanal, Danlanud), the police chief (Kapolres/Kapolresta), the heads of the courts and the
  Kajari; party leaders; DPRD members; religious, adat and community leaders; asisten, kepala badan,
  kepala dinas, eselon II, BI and KPU heads; heads of vertical offices, Danramil, Kapolsek; kepala
  bagian, camat, eselon III; lurah/kepala desa (or its local name: raja negeri, kepala ohoi…), eselon IV.
  The deputies of the Forkopimda members (Wakapolres, Kasdim, Wakajari, Wakil Ketua Pengadilan), whom
  the law does not list, sit with the heads of vertical offices (huruf k), before Danramil and Kapolsek.
- **Pasal 11 ayat (2)**: the officials of Pasal 9 ayat (1) (national) and Pasal 10 ayat (1) (provincial)
  who attend take their places *first*, in the order of those articles. The kabupaten/kota offices that
  Pasal 10 also lists (j, m-o) keep their Pasal 11 places. Following PP 56/2019 (Pasal 6A ayat (2)), the
  gubernur comes before the members of the lembaga negara (anggota DPR RI, DPD RI) at a regional event.
- **Pasal 14**: a spouse ("Istri Walikota") takes the place of the official, right after them.
- **Pasal 15**: the place of an official who cannot come is not filled by the one who represents them;
  the representative sits by their *own* office. "Asisten I mewakili Walikota", "Walikota diwakili
  Asisten I", "Asisten I a.n. Walikota" and ``Guest(title="Asisten I", represents="Walikota")`` all rank
  as an Asisten.
- Acting heads (Pj., Plt., Plh.) take the place of the office they hold.

Abbreviations and local spellings a clerk types ("Wakapolres", "Kepala Kejari", "Kades", "Ketua KPUD",
"Anggota Dewan") are read through an :class:`AliasTable`: each alias stands for a title the rules
know, and is replaced by it (whole words, after normalising) before the rules are tried. The shipped
defaults are data (``resources/precedence/aliases.json``); the office adds its own (stored by the
services). A guest whose title is still not recognised is placed by the clerk: the services keep a
chosen rank per guest (:func:`rank_from_key`), which takes the place of :func:`classify`. The order
of the huruf groups is data too (:class:`OrderTable`): UU 9/2010 by default, the office's own where
its Perda orders local officials otherwise.

Offices within one huruf share a rank; the law lists them in an order (Sekda, TNI, Polri, courts,
Kejaksaan in huruf f) and that order is kept as a secondary key, so a list always comes out the same
way. Guests of equal rank keep the order they were given (the sort is stable). Titles the rules do not
know come after all known ones, in their given order; :func:`classify` says which rule matched.

Seating (:func:`seating_row`, Pasal 13): the host (penyelenggara / pejabat tuan rumah) sits beside the
highest guest. Convention used here, the *centre system*: the highest guest and the host take the two
centre seats with the guest on the host's **right hand** (the host's own right, facing the audience;
that is the audience's left); the next guests then alternate outwards, number 2 on the guest's side,
number 3 on the host's side, and so on. The row is returned **left to right as the audience sees it**.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

NATIONAL, PROVINCIAL, LOCAL, UNKNOWN = 0, 1, 2, 3
TIER_NAMES = {
    NATIONAL: "Pejabat negara / tingkat pusat (Pasal 9 ayat (1))",
    PROVINCIAL: "Pejabat tingkat provinsi (Pasal 10 ayat (1))",
    LOCAL: "Pejabat kabupaten/kota (Pasal 11 ayat (1))",
    UNKNOWN: "Jabatan tidak dikenali",
}
LETTERS = "abcdefghijklmnopq"


@dataclass(frozen=True)
class Rank:
    """Where one office stands: ``tier`` (national, provincial, kabupaten/kota, unknown), the
    position of its huruf within the tier, and its order within the huruf (``sub``)."""

    tier: int
    order: int
    sub: float
    group: str
    letter: str = ""  # the huruf of the ayat (provincial and kabupaten/kota tiers)

    @property
    def key(self) -> tuple[int, int, float]:
        return (self.tier, self.order, self.sub)

    @property
    def known(self) -> bool:
        return self.tier != UNKNOWN

    @property
    def basis(self) -> str:
        if self.tier == NATIONAL:
            return "UU 9/2010 Pasal 9 ayat (1) jo. Pasal 11 ayat (2)"
        if self.tier == PROVINCIAL:
            return f"UU 9/2010 Pasal 10 ayat (1) huruf {self.letter} jo. Pasal 11 ayat (2)"
        if self.tier == LOCAL:
            return f"UU 9/2010 Pasal 11 ayat (1) huruf {self.letter}"
        return "tidak dikenali: ditempatkan sesudah jabatan yang dikenal"

    def same_place(self, other: Rank) -> bool:
        """Same huruf of the same ayat: the law gives them one place."""
        return self.known and (self.tier, self.order) == (other.tier, other.order)


UNKNOWN_RANK = Rank(UNKNOWN, 0, 0, "Jabatan tidak dikenali")


@dataclass(frozen=True)
class Guest:
    """A person on an event's guest list. ``title`` is their own office (jabatan); ``represents`` the
    office they stand in for, if any (it does not change their place: Pasal 15)."""

    name: str
    title: str
    represents: str = ""
    key: Any = None


# --- normalising a title ----------------------------------------------------------------------

_ABBREVIATIONS = [
    (r"\bwali kota\b", "walikota"),
    (r"\bwakil wali\b", "wakil walikota"),
    (r"\bwawali\b|\bwawako\b", "wakil walikota"),
    (r"\bwabup\b", "wakil bupati"),
    (r"\bwagub\b", "wakil gubernur"),
    (r"\bsekda\b|\bsekretaris kota\b|\bsekkot\b|\bsekkab\b", "sekretaris daerah"),
    (r"\bsekwan\b|\bsekretaris dewan\b", "sekretaris dprd"),
    (r"\bdewan perwakilan rakyat daerah\b", "dprd"),
    (r"\bdewan perwakilan rakyat\b", "dpr"),
    (r"\bdewan perwakilan daerah\b", "dpd"),
    (r"\bmajelis permusyawaratan rakyat\b", "mpr"),
    (r"\bkadis\b", "kepala dinas"),
    (r"\bkaban\b", "kepala badan"),
    (r"\bkabag\b", "kepala bagian"),
    (r"\bkasubbag\b|\bkasubag\b|\bkepala subbagian\b|\bkepala sub bagian\b", "kepala subbagian"),
    (r"\bkabid\b", "kepala bidang"),
    (r"\bkasi\b|\bkasie\b", "kepala seksi"),
    (r"\bsekdis\b", "sekretaris dinas"),
    (r"\bkomandan kodim\b|\bkomandan distrik militer\b", "dandim"),
    (r"\bkomandan korem\b|\bkomandan resor militer\b", "danrem"),
    (r"\bkomandan koramil\b|\bkomandan rayon militer\b", "danramil"),
    (r"\bkomandan pangkalan (tni )?al\b|\bkomandan lanal\b", "danlanal"),
    (r"\bkomandan pangkalan (tni )?au\b|\bkomandan lanud\b", "danlanud"),
    (r"\bkomandan lantamal\b", "danlantamal"),
    (r"\bpanglima kodam\b|\bpanglima daerah militer\b", "pangdam"),
    (r"\bkepala kepolisian resor kota besar\b|\bkapolrestabes\b", "kapolres"),
    (r"\bkepala kepolisian resor( kota)?\b|\bkapolresta\b|\bkapolres metro\b", "kapolres"),
    (r"\bkepala kepolisian daerah\b", "kapolda"),
    (r"\bkepala kepolisian sektor( kota)?\b|\bkapolsekta\b", "kapolsek"),
    (r"\bkepala kepolisian negara republik indonesia\b", "kapolri"),
    (r"\bkepala kejaksaan negeri\b", "kajari"),
    (r"\bkepala kejaksaan tinggi\b", "kajati"),
    (r"\bkpn\b", "ketua pengadilan negeri"),
    (r"\bkpa\b", "ketua pengadilan agama"),
    (r"\bkemenag\b|\bkemenang\b", "kementerian agama"),
    (r"\bkakanwil\b", "kepala kanwil"),
    (r"\bkantor wilayah\b", "kanwil"),
    (r"\bkakan\b|\bkakankemenag\b", "kepala kantor"),
    (r"\bbank indonesia\b", "bi"),
    (r"\bkomisi pemilihan umum\b", "kpu"),
    (r"\bbadan pengawas pemilihan umum\b", "bawaslu"),
    (r"\bbadan pemeriksa keuangan\b", "bpk"),
    (r"\bmahkamah agung\b", "ma"),
    (r"\bmahkamah konstitusi\b", "mk"),
    (r"\bkomisi yudisial\b", "ky"),
    (r"\brepublik indonesia\b", "ri"),
    (r"\bprov\b|\bpropinsi\b", "provinsi"),
    (r"\bkab\b", "kabupaten"),
    (r"\bpemkab\b|\bpemkot\b|\bpemda\b|\bpemerintah (kabupaten|kota|daerah)\b", "pemda"),
    (r"\bpemprov\b|\bpemerintah provinsi\b", "pemda provinsi"),
]
_HONORIFICS = re.compile(
    r"^(?:(?:yth|yang terhormat|yang mulia|bapak|bpk|pak|ibu|bu|sdr|saudara|saudari|sdri|tuan|nyonya)\s+)+"
)
_ACTING = re.compile(r"^(?:pj|penjabat|plt|pelaksana tugas|plh|pelaksana harian|pjs)\s+")
_SPOUSE = re.compile(r"^(?:istri|isteri|suami|pendamping)\s+")


def normalise(title: str) -> str:
    """Lower case, punctuation to spaces, common abbreviations spelled one way."""
    text = title.casefold().replace("&", " dan ")
    text = re.sub(r"[.,;:()\[\]\"'`’/\\_-]+", " ", text)
    text = " ".join(text.split())
    for pattern, replacement in _ABBREVIATIONS:
        text = re.sub(pattern, replacement, text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Alias:
    """``alias`` (as the clerk types it) means the title ``meaning``, which the rules recognise."""

    alias: str
    meaning: str
    builtin: bool = False  # shipped with the app (resources/precedence/aliases.json)


class AliasTable:
    """Aliases applied as whole-word replacements on a normalised title; the longest alias wins
    where two overlap, and replacements are not applied again to what they produced."""

    def __init__(self, aliases: Iterable[Alias] = ()) -> None:
        self.aliases = tuple(aliases)
        mapping: dict[str, str] = {}
        for item in self.aliases:  # later entries (the office's own) override earlier ones
            key = normalise(item.alias)
            if key:
                mapping[key] = normalise(item.meaning)
        self._mapping = mapping
        keys = sorted(mapping, key=len, reverse=True)
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b") if keys else None

    def apply(self, normalised: str) -> str:
        if self._pattern is None:
            return normalised
        return self._pattern.sub(lambda m: self._mapping[m.group(0)], normalised)

    def meaning_of(self, alias: str) -> str | None:
        return self._mapping.get(normalise(alias))


NO_ALIASES = AliasTable()


_AN = re.compile(r"\s*\(?\s*\b(?:a\s*\.\s*n|atas nama)\b\.?\s*", re.IGNORECASE)
_MEWAKILI = re.compile(r"\s*[,(]?\s*\b(?:yang\s+)?mewakili\b", re.IGNORECASE)
_DIWAKILI = re.compile(r"\bdiwakili(?:\s+oleh)?\b", re.IGNORECASE)


def own_office(title: str) -> str:
    """The office a person holds, without the office they represent (Pasal 15)."""
    text = title.strip()
    match = _DIWAKILI.search(text)
    if match:
        return text[match.end() :].strip(" ,()") or text[: match.start()].strip(" ,()")
    for pattern in (_MEWAKILI, _AN):
        match = pattern.search(text)
        if match and match.start() > 0:
            return text[: match.start()].strip(" ,()")
    return text


# --- the rules ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    rank: Rank


def _national(order: int, group: str, sub: float = 0) -> Rank:
    return Rank(NATIONAL, order, sub, group)


def _provincial(letter: str, group: str, sub: float = 0) -> Rank:
    return Rank(PROVINCIAL, LETTERS.index(letter), sub, group, letter)


def _local(letter: str, group: str, sub: float = 0) -> Rank:
    return Rank(LOCAL, LETTERS.index(letter), sub, group, letter)


_PARTIES = (
    r"(?:partai|pdi ?p|pdip|golkar|gerindra|nasdem|pkb|pks|pan|demokrat|ppp|hanura|perindo|psi|pbb|"
    r"gelora|ummat|buruh|garuda|pkn)"
)
_PROV = r"(?=.*\bprovinsi\b)"
_NOT_PROV = r"(?!.*\bprovinsi\b)"
_RELIGIOUS = (
    r"(?:pemuka|tokoh|mui|majelis ulama|fkub|forum kerukunan|sinode|klasis|jemaat|pcnu|pwnu|nahdlatul|nu|"
    r"muhammadiyah|uskup|keuskupan|pastor|pastur|pendeta|ulama|kyai|kiai|habib|imam|walubi|phdi|parisada|"
    r"matakin|pgi|kwi|latupati|lembaga adat|majelis adat|majelis jemaat|dewan adat|saniri|tetua adat|ketua adat)"
)
_RELIGIOUS_LEADER = (
    r"^(?:(?:ketua|wakil ketua|ketua umum|pimpinan|pengurus|rais|syuriah|tanfidziyah)\b.*\b)?" + _RELIGIOUS + r"\b"
)
_DPRD_MEMBER = r"^(?:anggota|ketua (?:komisi|fraksi|badan)|sekretaris (?:komisi|fraksi))\b(?:.*\b)?dprd\b"
_VERTICAL = (
    r"(?:kanwil|kantor|balai|stasiun|rutan|lapas|lembaga pemasyarakatan|bnn|bnnk|bnnp|bps|badan pusat statistik|"
    r"badan narkotika nasional|bpn|badan pertanahan nasional|pertanahan|atr|kementerian|kemenkumham|imigrasi|"
    r"bea cukai|kppn|kpp|pajak|karantina|bmkg|basarnas|badan sar|sar|bpom|upt|unit pelaksana teknis)"
)


def _rules() -> list[Rule]:
    raw: list[tuple[str, Rank]] = [
        # Pasal 9 ayat (1): pejabat negara and national officials, who come first (Pasal 11 ayat (2)).
        (r"^presiden\b", _national(0, "Presiden")),
        (r"^wakil presiden\b", _national(1, "Wakil Presiden")),
        (r"^mantan (?:wakil )?presiden\b", _national(2, "Mantan Presiden dan mantan Wakil Presiden")),
        (r"^ketua (?:mpr|dpr|dpd)\b(?! " + _PARTIES + r")", _national(3, "Ketua MPR, DPR, DPD")),
        (r"^ketua (?:bpk|ma|mk|ky)\b", _national(4, "Ketua BPK, MA, MK, KY")),
        (r"\bperintis (?:pergerakan|kemerdekaan)\b", _national(5, "Perintis Pergerakan Kebangsaan/Kemerdekaan")),
        (
            r"^(?:duta besar|dubes)\b(?!.*\bri\b)|^kepala perwakilan negara asing|^kepala organisasi internasional",
            _national(6, "Duta Besar/Kepala Perwakilan Negara Asing, Kepala Organisasi Internasional"),
        ),
        (
            r"^wakil ketua (?:mpr|dpr|dpd|bpk|ma|mk|ky)\b|^gubernur bi\b|^ketua (?:kpu|bawaslu) ri\b",
            _national(7, "Wakil Ketua lembaga negara, Gubernur Bank Indonesia"),
        ),
        (
            r"^(?:menteri|menko|panglima tni|kapolri|jaksa agung|kepala bin|kepala badan intelijen negara|"
            r"sekretaris kabinet|kepala staf kepresidenan)\b|^(?:duta besar|dubes)\b.*\bri\b",
            _national(8, "Menteri dan pejabat setingkat menteri, Duta Besar RI"),
        ),
        (r"^(?:wakil menteri|wamen)\b", _national(8, "Menteri dan pejabat setingkat menteri, Duta Besar RI", 1)),
        (r"^(?:kasad|kasal|kasau|kepala staf angkatan)\b", _national(9, "Kepala Staf Angkatan TNI")),
        (
            r"^(?:ketua umum|ketum) (?:dpp )?" + _PARTIES + r"\b|^(?:ketua|pemimpin) dpp " + _PARTIES + r"\b",
            _national(10, "Pemimpin partai politik yang memiliki wakil di DPR"),
        ),
        (
            r"^(?:anggota (?:bpk|ky)|hakim agung|ketua muda|hakim (?:mk|konstitusi))\b(?!.*\bperwakilan\b)",
            _national(11, "Anggota BPK, Hakim Agung, Hakim Konstitusi, anggota KY"),
        ),
        (
            r"^kepala (?:badan|lembaga) \w+(?: \w+)* (?:nasional|ri)\b(?!.*\b(?:provinsi|kabupaten|kota)\b)|"
            r"^kepala (?:bnn|bnpb|basarnas|bpom|bmkg|bps|lkpp|bssn) ri\b",
            _national(12, "Pemimpin lembaga negara dan lembaga pemerintah nonkementerian"),
        ),
        (r"^gubernur\b", _national(13, "Gubernur")),
        (r"^anggota (?:mpr|dpr|dpd)\b(?! " + _PARTIES + r")", _national(14, "Anggota MPR, DPR, DPD")),
        (
            r"^(?:direktur jenderal|dirjen|sekretaris jenderal|sekjen|inspektur jenderal|irjen|deputi|"
            r"pejabat (?:eselon (?:i|1)|pimpinan tinggi madya))\b",
            _national(15, "Pejabat eselon I (pimpinan tinggi madya)"),
        ),
        # Pasal 10 ayat (1): provincial officials, after the national ones and before the kabupaten/kota.
        (r"^wakil gubernur\b", _provincial("b", "Wakil Gubernur")),
        (r"^mantan (?:wakil )?gubernur\b", _provincial("c", "Mantan Gubernur dan mantan Wakil Gubernur")),
        (r"^ketua dprd\b" + _PROV, _provincial("d", "Ketua DPRD Provinsi")),
        (
            r"^(?:konsul|konsul jenderal|konjen|kepala perwakilan konsuler)\b",
            _provincial("e", "Kepala perwakilan konsuler negara asing"),
        ),
        (r"^wakil ketua (?:[ivx]+ |\d+ )?dprd\b" + _PROV, _provincial("f", "Wakil Ketua DPRD Provinsi")),
        (r"^sekretaris daerah\b" + _PROV, _provincial("g", "Sekda Provinsi, Pangdam, Kapolda, Ketua PT, Kajati", 0)),
        (
            r"^(?:pangdam|danrem|danlantamal|pangkoarmada|pangkoops|panglima)\b|^(?:danlanal|danlanud)\b" + _PROV,
            _provincial("g", "Sekda Provinsi, Pangdam, Kapolda, Ketua PT, Kajati", 1),
        ),
        (r"^kapolda\b", _provincial("g", "Sekda Provinsi, Pangdam, Kapolda, Ketua PT, Kajati", 2)),
        (
            r"^ketua pengadilan (?:tinggi|militer tinggi)\b|^ketua (?:pt|pta|pttun)\b",
            _provincial("g", "Sekda Provinsi, Pangdam, Kapolda, Ketua PT, Kajati", 3),
        ),
        (r"^kajati\b", _provincial("g", "Sekda Provinsi, Pangdam, Kapolda, Ketua PT, Kajati", 4)),
        (
            r"^(?:ketua|pemimpin) (?:dpw |dpd )?" + _PARTIES + r"\b.*\b(?:provinsi|dpw)\b|^ketua dpw\b",
            _provincial("h", "Pemimpin partai politik di provinsi"),
        ),
        (
            _DPRD_MEMBER + _PROV + r"|^anggota (?:mpu\b|majelis permusyawaratan ulama|mrp\b|majelis rakyat papua)",
            _provincial("i", "Anggota DPRD Provinsi, MPU Aceh, MRP"),
        ),
        (
            r"^kepala (?:kantor )?perwakilan (?:bpk|bi)\b(?!.*\b(?:kabupaten|kota)\b)|^ketua (?:kpu|bawaslu)\b" + _PROV,
            _provincial("k", "Kepala Perwakilan BPK dan BI, Ketua KPU Provinsi"),
        ),
        (
            _RELIGIOUS_LEADER + _PROV,
            _provincial("l", "Pemuka agama, pemuka adat, Tokoh Masyarakat Tertentu tingkat provinsi"),
        ),
        (
            r"^(?:asisten|kepala (?:dinas|badan|biro|satuan)|staf ahli gubernur|inspektur provinsi|"
            r"sekretaris dprd|kepala "
            + _VERTICAL
            + r"|pejabat (?:eselon (?:ii|2)|pimpinan tinggi pratama))\b"
            + _PROV
            + r"|^kepala kanwil\b",
            _provincial("p", "Asisten Sekda, kepala dinas/badan, kepala instansi vertikal provinsi, eselon II"),
        ),
        (
            r"^(?:kepala (?:bagian|bidang)|sekretaris (?:dinas|badan)|pejabat (?:eselon (?:iii|3)|administrator))\b"
            + _PROV,
            _provincial("q", "Kepala bagian pemerintah provinsi, eselon III"),
        ),
        # Pasal 11 ayat (1): the officials of the kabupaten/kota.
        (r"^(?:bupati|walikota)\b", _local("a", "Bupati/Walikota")),
        (r"^wakil (?:bupati|walikota)\b", _local("b", "Wakil Bupati/Wakil Walikota")),
        (
            r"^mantan (?:wakil )?(?:bupati|walikota)\b",
            _local("c", "Mantan Bupati/Walikota dan mantan Wakil Bupati/Wakil Walikota"),
        ),
        (r"^ketua dprd\b", _local("d", "Ketua DPRD")),
        (r"^wakil ketua (?:[ivx]+ |\d+ )?dprd\b", _local("e", "Wakil Ketua DPRD")),
        (r"^sekretaris daerah\b", _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 0)),
        (
            r"^(?:dandim|danlanal|danlanud|komandan tertinggi tni)\b",
            _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 1),
        ),
        (r"^kapolres\b", _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 2)),
        (
            r"^ketua pengadilan negeri\b|^ketua pn\b",
            _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 3),
        ),
        (
            r"^ketua pengadilan agama\b|^ketua pa\b",
            _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 3.1),
        ),
        (
            r"^ketua (?:pengadilan militer|dilmil)\b",
            _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 3.2),
        ),
        (
            r"^ketua (?:pengadilan tata usaha negara|ptun|pengadilan)\b",
            _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 3.3),
        ),
        (r"^kajari\b", _local("f", "Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari", 4)),
        (
            r"^(?:ketua|pemimpin) (?:dpc |dpd )?" + _PARTIES + r"\b|^ketua dpc\b",
            _local("g", "Pemimpin partai politik yang memiliki wakil di DPRD"),
        ),
        (_DPRD_MEMBER, _local("h", "Anggota DPRD")),
        (
            _RELIGIOUS_LEADER,
            _local("i", "Pemuka agama, pemuka adat, Tokoh Masyarakat Tertentu"),
        ),
        (
            r"^kepala (?:kantor |badan |balai |stasiun )?" + _VERTICAL + r"\b",
            _local("k", "Kepala instansi vertikal dan UPT, Danramil, Kapolsek", 0),
        ),
        (r"^asisten\b", _local("j", "Asisten Sekda, kepala badan/dinas, eselon II, BI, KPU", 0)),
        (
            r"^kepala (?:badan|bappeda|bpkad|bkd|bkpsdm|bpbd|bapenda|bpkd|kesbangpol|bkpp)\b",
            _local("j", "Asisten Sekda, kepala badan/dinas, eselon II, BI, KPU", 1),
        ),
        (r"^kepala dinas\b", _local("j", "Asisten Sekda, kepala badan/dinas, eselon II, BI, KPU", 2)),
        (
            r"^(?:staf ahli|inspektur(?! jenderal)|"
            r"sekretaris dprd|kepala satuan polisi pamong praja|kepala satpol pp|kasatpol pp|direktur rsud|"
            r"direktur (?:utama )?rumah sakit umum daerah|pejabat (?:eselon (?:ii|2)|pimpinan tinggi pratama))\b",
            _local("j", "Asisten Sekda, kepala badan/dinas, eselon II, BI, KPU", 3),
        ),
        (
            r"^kepala (?:kantor )?perwakilan bi\b",
            _local("j", "Asisten Sekda, kepala badan/dinas, eselon II, BI, KPU", 4),
        ),
        (r"^ketua (?:kpu|bawaslu)\b", _local("j", "Asisten Sekda, kepala badan/dinas, eselon II, BI, KPU", 5)),
        (
            r"^(?:wakil (?:kapolres|dandim|kajari|ketua pengadilan(?: negeri| agama)?)|kepala staf kodim)\b",
            _local("k", "Kepala instansi vertikal dan UPT, Danramil, Kapolsek", 1),
        ),
        (r"^danramil\b", _local("k", "Kepala instansi vertikal dan UPT, Danramil, Kapolsek", 2)),
        (r"^kapolsek\b", _local("k", "Kepala instansi vertikal dan UPT, Danramil, Kapolsek", 3)),
        (r"^kepala bagian\b", _local("l", "Kepala bagian, camat, eselon III", 0)),
        (r"^camat\b", _local("l", "Kepala bagian, camat, eselon III", 1)),
        (
            r"^(?:sekretaris (?:dinas|badan|inspektorat|kecamatan|camat)|kepala bidang|"
            r"pejabat (?:eselon (?:iii|3)|administrator))\b",
            _local("l", "Kepala bagian, camat, eselon III", 2),
        ),
        (
            r"^(?:lurah|kepala (?:desa|kelurahan|negeri|ohoi|kampung|gampong|pekon|lembang|jorong)|raja negeri|raja|"
            r"keuchik|geuchik|wali nagari|perbekel|kuwu|petinggi|pambakal)\b",
            _local("m", "Lurah/kepala desa (atau nama lainnya), eselon IV", 0),
        ),
        (
            r"^(?:kepala (?:subbagian|seksi|sub bidang|subbidang|uptd|puskesmas)|sekretaris (?:kelurahan|desa)|"
            r"pejabat (?:eselon (?:iv|4)|pengawas))\b",
            _local("m", "Lurah/kepala desa (atau nama lainnya), eselon IV", 1),
        ),
    ]
    return [Rule(re.compile(pattern), rank) for pattern, rank in raw]


RULES: list[Rule] = _rules()


def classify(title: str, aliases: AliasTable = NO_ALIASES) -> Rank:
    """The rank of the office in ``title`` (its own office: representation does not count). A title
    written after a name ("H. Thoriqul Haq, Bupati Lumajang") is found in its comma-separated parts."""
    office = own_office(title)
    rank = _classify(office, aliases)
    if not rank.known and "," in office:
        for part in office.split(",")[1:]:
            rank = _classify(part, aliases)
            if rank.known:
                break
    return rank


def _classify(title: str, aliases: AliasTable = NO_ALIASES) -> Rank:
    text = aliases.apply(normalise(title))
    text = _HONORIFICS.sub("", text)
    text = _ACTING.sub("", text)
    spouse = _SPOUSE.match(text)
    if spouse:
        text = text[spouse.end() :]
    for rule in RULES:
        if rule.pattern.search(text):
            rank = rule.rank
            if spouse:  # Pasal 14: the spouse sits at the official's place, right after them
                return Rank(rank.tier, rank.order, rank.sub + 0.5, f"Pendamping: {rank.group}", rank.letter)
            return rank
    return UNKNOWN_RANK


# --- ranks chosen by the clerk -------------------------------------------------------------------

PLACED = " (ditempatkan petugas)"
END_OF_GROUP = 99.0  # a rank chosen by huruf sits after the officials the law lists in that huruf


def rank_key_text(rank: Rank) -> str:
    """``"2:5:1"``: how a chosen rank is stored."""
    return f"{rank.tier}:{rank.order}:{rank.sub:g}"


def group_choices() -> list[Rank]:
    """One rank per huruf (and per national order), highest first: what a clerk can choose for a
    guest the rules do not know. Each sits at the end of its huruf."""
    seen: dict[tuple[int, int], Rank] = {}
    for rule in RULES:
        rank = rule.rank
        key = (rank.tier, rank.order)
        if key not in seen:
            seen[key] = Rank(rank.tier, rank.order, END_OF_GROUP, rank.group, rank.letter)
    return sorted(seen.values(), key=lambda r: r.key)


def group_label(rank: Rank) -> str:
    """``"Pasal 11 huruf f: Sekda, Dandim, Kapolres, Ketua Pengadilan, Kajari"``."""
    if rank.tier == LOCAL:
        return f"Pasal 11 huruf {rank.letter}: {rank.group}"
    if rank.tier == PROVINCIAL:
        return f"Provinsi, Pasal 10 huruf {rank.letter}: {rank.group}"
    if rank.tier == NATIONAL:
        return f"Pusat, Pasal 9: {rank.group}"
    return rank.group


class OrderTable:
    """The order of the huruf groups an office follows: UU 9/2010 by default, or the office's own
    where a Perda orders its officials otherwise (``groups``: ``(tier, order)`` pairs, highest first).
    Groups moved only within their tier (Pasal 11 ayat (2) keeps national and provincial officials
    first); groups the office's list lacks (added by a later version) keep their place after their
    predecessor in the law."""

    def __init__(self, groups: Sequence[tuple[int, int]] = ()) -> None:
        law = [(r.tier, r.order) for r in group_choices()]
        known = set(law)
        result = list(dict.fromkeys(g for g in groups if g in known))
        for index, group in enumerate(law):
            if group not in result:
                before = law[index - 1] if index else None
                result.insert(result.index(before) + 1 if before in result else 0, group)
        self.groups = tuple(result)
        self._index = {group: index for index, group in enumerate(result)}

    @property
    def is_law(self) -> bool:
        return list(self.groups) == [(r.tier, r.order) for r in group_choices()]

    def key(self, rank: Rank) -> tuple[int, int, float]:
        """The sort key of ``rank`` in this order (tier first: it never changes across tiers)."""
        index = self._index.get((rank.tier, rank.order))
        if index is None:
            return (rank.tier, len(self._index), rank.sub)
        return (rank.tier, index, rank.sub)

    def moved(self, group: tuple[int, int], delta: int) -> OrderTable:
        """This order with ``group`` one place up (``delta`` < 0) or down within its tier."""
        groups = list(self.groups)
        index = groups.index(group)
        target = index + (-1 if delta < 0 else 1)
        if not 0 <= target < len(groups) or groups[target][0] != group[0]:
            raise ValueError("sudah di ujung tingkatnya")
        groups[index], groups[target] = groups[target], groups[index]
        return OrderTable(groups)


def rank_from_key(text: str) -> Rank | None:
    """The rank a clerk chose (stored by :func:`rank_key_text`); ``None`` for "" or a key that no
    longer names a group of the rules."""
    parts = text.split(":")
    if len(parts) != 3:
        return None
    try:
        tier, order, sub = int(parts[0]), int(parts[1]), float(parts[2])
    except ValueError:
        return None
    if tier == UNKNOWN:
        return Rank(UNKNOWN, order, sub, UNKNOWN_RANK.group + PLACED)
    for rule in RULES:
        if (rule.rank.tier, rule.rank.order) == (tier, order):
            return Rank(tier, order, sub, rule.rank.group + PLACED, rule.rank.letter)
    return None


def title_of(guest: Any) -> str:
    """The office of a guest given as a string, a :class:`Guest`, a mapping or any object with
    ``title`` / ``jabatan``."""
    if isinstance(guest, str):
        return guest
    if isinstance(guest, dict):
        return str(guest.get("title") or guest.get("jabatan") or "")
    return str(getattr(guest, "title", "") or getattr(guest, "jabatan", "") or "")


def rank_of(guest: Any, aliases: AliasTable = NO_ALIASES) -> Rank:
    """The rank of a guest: a :class:`Rank` it carries as ``rank`` (a rank the clerk chose, say),
    else the rank of its title."""
    carried = getattr(guest, "rank", None)
    if isinstance(carried, Rank):
        return carried
    return classify(title_of(guest), aliases)


def order_guests(
    guests: Iterable[Any], aliases: AliasTable = NO_ALIASES, order: OrderTable | None = None
) -> list[Any]:
    """The guests in order of precedence (highest first), by the law or by the office's ``order``;
    equal ranks and unknown titles keep their given order. The items come back as they were given
    (strings, :class:`Guest`, dicts…)."""
    items = list(guests)
    if order is None:
        ranks = [rank_of(item, aliases).key for item in items]
    else:
        ranks = [order.key(rank_of(item, aliases)) for item in items]
    return [items[i] for i in sorted(range(len(items)), key=lambda i: (ranks[i], i))]


# --- seating ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seat:
    """One chair of the front row. ``number`` is the precedence number (1 = highest guest) and 0 for the
    host; ``position`` counts chairs from the audience's left (1-based)."""

    position: int
    person: Any
    number: int
    is_host: bool = False

    @property
    def label(self) -> str:
        return "Tuan rumah" if self.is_host else f"Nomor {self.number}"


def seating_row(host: Any, ordered: Sequence[Any]) -> list[Seat]:
    """The front row, left to right **as the audience sees it** (see the module's convention).

    The highest guest and the host share the two centre chairs, the guest on the host's right hand
    (audience's left). The other guests alternate outwards: 2 beside the highest guest, 3 beside the
    host, 4 beyond 2, 5 beyond 3… ``host`` may be ``None`` (plain centre system: 1 in the centre, 2 at
    its right hand, 3 at its left). ``ordered`` should come from :func:`order_guests`; the host is taken
    out of it if it is there.
    """
    guests = [g for g in ordered if host is None or g is not host]
    if host is not None and len(guests) == len(ordered):
        guests = [g for g in guests if g != host]
    if not guests and host is None:
        return []
    # Build from the centre: `right` is the honour side (the principal's right hand = audience's left).
    right: list[tuple[Any, int, bool]] = []  # going outwards to the audience's left
    left: list[tuple[Any, int, bool]] = []  # going outwards to the audience's right
    if host is not None:
        if guests:
            right.append((guests[0], 1, False))
        left.append((host, 0, True))
        rest = list(enumerate(guests[1:], start=2))
        for index, (number, person) in enumerate(rest):
            (right if index % 2 == 0 else left).append((person, number, False))
    else:
        centre = (guests[0], 1, False)
        for index, (number, person) in enumerate(enumerate(guests[1:], start=2)):
            (right if index % 2 == 0 else left).append((person, number, False))
        right.insert(0, centre)  # the centre chair, then the honour side beyond it
        row = list(reversed(right[1:])) + [right[0]] + left
        return [Seat(i, p, n, h) for i, (p, n, h) in enumerate(row, start=1)]
    row = list(reversed(right)) + left
    return [Seat(i, p, n, h) for i, (p, n, h) in enumerate(row, start=1)]


def describe_row(seats: Sequence[Seat], name: Any = None) -> str:
    """``"4 · 2 · 1 · Tuan rumah · 3"``, left to right as the audience sees it."""
    if name is None:
        return " · ".join(seat.label if seat.is_host else str(seat.number) for seat in seats)
    return " · ".join(str(name(seat.person)) for seat in seats)
