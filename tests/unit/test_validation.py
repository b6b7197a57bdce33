"""Field validation: Indonesian phone numbers and text cleaning."""

from __future__ import annotations

import pytest

from protokol_desktop.domain.validation import ValidationError, clean_text, normalise_phone

# ---------------------------------------------------------------------------------------------
# Phone numbers


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        ("0812 3456 7890", "081234567890"),
        ("081234567890", "081234567890"),
        ("+62 812-3456-7890", "+6281234567890"),
        ("62812345678", "+62812345678"),
        ("(0334) 881009", "0334881009"),
        ("0911-352122", "0911352122"),
        ("  0812.3456.7890  ", "081234567890"),
        ("0812\u00a03456\u00a07890", "081234567890"),  # non-breaking spaces pasted from a document
        ("(021) 5555/1234", "02155551234"),
    ],
)
def test_phone_numbers_accepted(text, normalised):
    assert normalise_phone(text) == normalised


def test_normalised_phone_is_stable():
    for text in ("0812 3456 7890", "+62 812-3456-7890", "(0334) 881009"):
        once = normalise_phone(text)
        assert normalise_phone(once) == once


@pytest.mark.parametrize(
    "text",
    [
        "12345",
        "0812",
        "+1 555 1234567",
        "08123abc456",
        "(0334 881009",
        "0334) 881009",
        "",
        "   ",
        "+62 0812 3456 7890",
        "0812345678901234",
        "0812 3456 7890 ext 12",
    ],
)
def test_phone_numbers_refused_quoting_the_text(text):
    with pytest.raises(ValidationError) as excinfo:
        normalise_phone(text)
    assert f'"{text}"' in str(excinfo.value)


def test_validation_error_is_a_value_error():
    assert issubclass(ValidationError, ValueError)


# ---------------------------------------------------------------------------------------------
# Text


def test_clean_text_trims():
    assert clean_text("  Lapangan Merdeka \n", "Tempat") == "Lapangan Merdeka"
    assert clean_text("Baris satu\nBaris dua", "Catatan") == "Baris satu\nBaris dua"


def test_clean_text_optional_blank_is_empty():
    assert clean_text(None, "Catatan") == ""
    assert clean_text("   ", "Catatan") == ""


@pytest.mark.parametrize("value", [None, "", "   ", "\t\n"])
def test_clean_text_refuses_blank_required_field(value):
    with pytest.raises(ValidationError, match="Perihal wajib diisi"):
        clean_text(value, "Perihal", required=True)


def test_clean_text_length_limit():
    assert clean_text("a" * 500, "Perihal") == "a" * 500
    assert clean_text("  " + "a" * 10 + "  ", "Perihal", max_length=10) == "a" * 10  # measured after trimming
    with pytest.raises(ValidationError, match=r"Perihal terlalu panjang \(501 karakter; maksimal 500\)"):
        clean_text("a" * 501, "Perihal")
    with pytest.raises(ValidationError, match="maksimal 10"):
        clean_text("a" * 11, "Nomor surat", max_length=10)


@pytest.mark.parametrize(
    "text",
    [
        "Rapat koordinasi 🎉🙏",
        "👨‍👩‍👧 keluarga",
        "Bapak Ma'ruf — “Sambutan” ½",
        "Cafe\u0301 (NFD) dan Café (NFC)",
        "اَلسَّلَامُ عَلَيْكُمْ",
        "ꦲꦏ꧀ꦱꦫꦗꦮ",  # aksara Jawa
        "漢字",
    ],
)
def test_clean_text_keeps_unicode_intact(text):
    assert clean_text(text, "Perihal") == text
    assert clean_text(f"  {text}  ", "Perihal") == text


@pytest.mark.parametrize("value", ["abc\x00def", "\x00", "abc\x00"])
def test_clean_text_refuses_nul(value):
    with pytest.raises(ValidationError, match="Perihal berisi karakter yang tidak sah"):
        clean_text(value, "Perihal")


@pytest.mark.parametrize("text", [")0334( 881009", "(0334)) 881009", "((0334) 881009"])
def test_misplaced_brackets_are_refused(text):
    with pytest.raises(ValidationError):
        normalise_phone(text)
