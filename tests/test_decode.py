"""Decoding and sniffing: the encodings real scrapes arrive in, and the lies they tell."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.errors import NewsdeskError
from newsdesk.ingest import decode, sniff_format
from newsdesk.model import Source

SAMPLE = "Le café – “quoted” naïve résumé, it’s 5 €."


def _codes(decoded: object) -> list[str]:
    return [w.code for w in decoded.warnings]  # type: ignore[attr-defined]


def test_utf8_plain() -> None:
    out = decode(Source("a", SAMPLE.encode("utf-8")))
    assert out.text == SAMPLE
    assert out.encoding == "utf-8"
    assert out.warnings == ()


def test_cp1252_undeclared() -> None:
    out = decode(Source("a", SAMPLE.encode("cp1252")))
    assert out.text == SAMPLE
    assert out.encoding == "cp1252"


def test_declared_utf8_but_cp1252() -> None:
    html = f'<html><head><meta charset="utf-8"></head><body><p>{SAMPLE}</p></body></html>'
    out = decode(Source("a", html.encode("cp1252")))
    assert SAMPLE in out.text
    assert "W101" in _codes(out)


def test_declared_latin1_but_utf8() -> None:
    out = decode(Source("a", SAMPLE.encode("utf-8"), declared_charset="iso-8859-1"))
    assert out.text == SAMPLE
    assert out.encoding == "utf-8"
    assert "W101" in _codes(out)


def test_declared_latin1_read_as_cp1252() -> None:
    """Browsers read iso-8859-1 as windows-1252, so curly quotes survive."""
    html = f'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>{SAMPLE}'
    out = decode(Source("a", html.encode("cp1252")))
    assert SAMPLE in out.text
    assert out.encoding == "cp1252"
    assert "W101" not in _codes(out)


def test_xml_declaration_charset() -> None:
    text = "Привет мир, как дела? Это тест новостей."
    xml = f'<?xml version="1.0" encoding="windows-1251"?><html><body>{text}</body></html>'
    out = decode(Source("a", xml.encode("cp1251")))
    assert text in out.text
    assert out.encoding == "cp1251"


def test_undeclared_cyrillic_falls_to_charset_normalizer() -> None:
    text = "Президент России прибыл в Пхеньян с государственным визитом. " * 5
    out = decode(Source("a", text.encode("cp1251")))
    assert out.text == text
    assert "W101" in _codes(out)


def test_cp1252_undefined_bytes_read_as_c1() -> None:
    data = SAMPLE.encode("cp1252") + b" \x81"
    out = decode(Source("a", data, declared_charset="windows-1252"))
    assert out.text.startswith(SAMPLE)


def test_mixed_utf8_with_stray_cp1252() -> None:
    body = ("The minister’s visit — a “historic” day. " * 20).encode("utf-8")
    data = body + b"Caf\xe9 \x93late\x94 addition.\n" + body
    out = decode(Source("a", data))
    assert "Café “late” addition." in out.text
    assert "The minister’s visit" in out.text
    assert "W101" in _codes(out)


def test_double_encoded_utf8_repaired() -> None:
    # ” is E2 80 9D; 0x9D is undefined in cp1252 and shows up as U+009D, as in browsers.
    mangled = SAMPLE.encode("utf-8").decode("cp1252", errors="newsdesk-c1").encode("utf-8")
    out = decode(Source("a", mangled))
    assert out.text == SAMPLE
    assert "W101" in _codes(out)


def test_nul_bytes_removed_with_warning() -> None:
    out = decode(Source("a", b"Hello\x00 world\x00, news text here."))
    assert out.text == "Hello world, news text here."
    assert _codes(out) == ["W100"]


def test_newlines_and_bom_normalised() -> None:
    out = decode(Source("a", b"\xef\xbb\xbfone\r\ntwo\rthree\n"))
    assert out.text == "one\ntwo\nthree\n"


def test_utf16_with_and_without_bom() -> None:
    for data in (SAMPLE.encode("utf-16"), ("Plain ASCII news text. " * 4).encode("utf-16-le")):
        out = decode(Source("a", data))
        assert out.text in (SAMPLE, "Plain ASCII news text. " * 4)
        assert "W100" not in _codes(out)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "E101"),
        (b"  \n\t ", "E101"),
        (b"\x00" * 64, "E102"),  # all NULs: a zeroed file, not text
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "E102"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E103"),
        (bytes(range(0, 32)) * 10, "E102"),
    ],
)
def test_refusals(data: bytes, code: str) -> None:
    with pytest.raises(NewsdeskError) as info:
        decode(Source("bad", data))
    assert info.value.code == code


def test_undecodable_high_bytes() -> None:
    """Random high bytes that no encoding reads cleanly: E110, not garbage."""
    data = bytes([0x80 + (i * 37) % 0x7F for i in range(400)])
    try:
        out = decode(Source("a", data))
    except NewsdeskError as exc:
        assert exc.code in ("E110", "E102")
    else:  # a guess is acceptable only if it is flagged as one
        assert _codes(out)


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=2000),
    st.one_of(
        st.none(),
        st.sampled_from(["utf-8", "iso-8859-1", "bogus-charset", "utf-16", "shift_jis", ""]),
    ),
)
def test_decode_only_raises_newsdesk_errors(data: bytes, charset: str | None) -> None:
    try:
        out = decode(Source("fuzz", data, declared_charset=charset))
    except NewsdeskError:
        return
    assert "\x00" not in out.text and "\r" not in out.text
    assert not out.text.startswith("\ufeff")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_decode_roundtrips_utf8_text(text: str) -> None:
    data = text.encode("utf-8", errors="replace")
    try:
        out = decode(Source("fuzz", data))
    except NewsdeskError:
        return
    expected = data.decode("utf-8").replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    if "W101" not in _codes(out):
        assert out.text == expected.lstrip("\ufeff")


@pytest.mark.parametrize(
    ("text", "media_type", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", None, "html"),
        ("\ufeff  <!-- saved --> <html lang=en>", None, "html"),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', None, "html"),
        ("<HEAD><title>t</title>", None, "html"),
        ("<body>\nhello", None, "html"),
        ("<p>One</p><p>Two</p><p>Three</p><div>x</div>", None, "html"),
        ("Plain scrape. Use <b> for bold, they said.\nMore text here.", None, "text"),
        ("Menu\nHome\nWorld\n\nPutin arrived in Pyongyang on the 18th.", None, "text"),
        ("<p>Body only</p>", "text/html", "html"),
        ("No tags at all", "text/html", "text"),
        ("Headline\n\n" + "Words words words. " * 500 + "<b>x</b><i>y</i>", None, "text"),
    ],
)
def test_sniff_format(text: str, media_type: str | None, expected: str) -> None:
    assert sniff_format(text, media_type) == expected


def test_sniff_deeply_nested_html() -> None:
    text = "<div>" * 10_000 + "deep" + "</div>" * 10_000
    assert sniff_format(text) == "html"
