"""Indonesian formats for dates, times and numbers, the same in the GUI and in exports.

"Senin, 23 November 2026", "23 Nov 2026", "14.05", "1.234,5".
"""

from __future__ import annotations

from datetime import date, datetime

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


def format_date_long(day: date) -> str:
    """``Senin, 23 November 2026``."""
    return f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def format_date(day: date) -> str:
    """``23 November 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_date_short(day: date) -> str:
    """``23 Nov 2026``."""
    return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"


def format_time(moment: datetime) -> str:
    """``14.05``."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def format_datetime(moment: datetime) -> str:
    """``23 Nov 2026 14.05``."""
    return f"{format_date_short(moment.date())} {format_time(moment)}"


def format_number(value: float, decimals: int = 1) -> str:
    """``1234.5`` -> ``1.234,5``; whole numbers without decimals: ``1234`` -> ``1.234``."""
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


_OS_ERRORS = {
    "ENOENT": "tidak ada",
    "EACCES": "tidak boleh diakses (hak akses)",
    "EPERM": "tidak boleh diakses (hak akses)",
    "EEXIST": "sudah ada dan bukan folder",  # mkdir of a folder over a file: the usual case
    "ENOTDIR": "salah satu bagian jalurnya bukan folder",
    "EISDIR": "berupa folder, bukan berkas",
    "ENOSPC": "disk penuh",
    "EROFS": "disk hanya dapat dibaca",
    "ENAMETOOLONG": "namanya terlalu panjang",
    "EBUSY": "sedang dipakai program lain",
}


def os_error_text(exc: OSError, named: bool = True) -> str:
    """An operating-system error in one Indonesian line: ``"/data/x.xlsx: tidak boleh diakses (hak akses)"``
    (without the file's name when not ``named``)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    reason = _OS_ERRORS.get(name) or " ".join(str(exc.strerror or exc).split())
    return f"{exc.filename}: {reason}" if exc.filename and named else reason
