"""Turn a Source's bytes into text, getting the encoding right when the page lies.

The cascade, cheapest and most reliable first:

1. A UTF-16/32 BOM or NUL pattern (Windows "Unicode" text).
2. Strict UTF-8.  Valid UTF-8 is almost never anything else, whatever the page
   declares.  A page that is valid UTF-8 but was double-encoded ("cafÃ©") is undone.
3. Mostly UTF-8 with a few stray cp1252 bytes (a template in one encoding, a pasted
   quote in another): decode as UTF-8 and read just the bad bytes as cp1252, rather
   than losing the page.
4. The declared charset (HTTP header, ``<meta charset>``, XML declaration), with
   iso-8859-1/ascii read as windows-1252 like every browser does, if it decodes and
   does not produce mojibake.
5. windows-1252, the browsers' default for undeclared Western pages, if it gives
   clean text.  charset-normalizer is weak on short Western text (it calls a cp1252
   "café" cp1250 and turns "naïve" into "naďve"), so this goes before it.
6. charset-normalizer's best guess.
7. Mostly ASCII: UTF-8 with replacement characters (W102) rather than nothing.

Only after all of that do we give up with E110.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from ..errors import NewsdeskError, problem
from ..model import Problem, Source
from .sniff import binary_kind, utf16_codec

# Above this mess ratio (charset-normalizer's measure of mojibake: odd accent runs,
# mixed scripts in a word, symbols among letters) a decoding is rejected.  0.2 is
# charset-normalizer's own default threshold; cp1252 text read as cp1252 scores ~0,
# Cyrillic cp1251 read as cp1252 scores ~1.
MAX_MESS = 0.2
# mess_ratio is pure Python per character; judge a page on a bounded sample of the
# lines that actually contain non-ASCII characters (ASCII lines are never mojibake).
MESS_SAMPLE_CHARS = 50_000
# Charset declarations are looked for in this many leading bytes (browsers use 1024;
# CMS pages often put long scripts first).
DECLARATION_BYTES = 8192
# When every other guess fails, a text that is at least this ASCII is kept with
# replacement characters; below it, we refuse rather than hand on garbage.
MIN_ASCII_FOR_REPLACE = 0.9

_HIGH_BYTES = bytes(range(0x80, 0x100))

# WHATWG encoding labels that browsers map to windows-1252.
_AS_CP1252 = {
    "iso-8859-1",
    "iso8859-1",
    "latin1",
    "latin-1",
    "l1",
    "iso_8859-1",
    "cp819",
    "ibm819",
    "us-ascii",
    "ascii",
    "ansi_x3.4-1968",
    "windows-1252",
    "cp1252",
    "x-cp1252",
}

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")

# Double-encoded UTF-8 read as cp1252 leaves these marks: Ã/Â/â followed by a
# cp1252 rendering of a continuation byte.
_DOUBLE_ENCODED = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
    "\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e"
    "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _c1_fallback(err: UnicodeError) -> tuple[str | bytes, int]:
    """Read cp1252's five undefined bytes as C1 controls, as the WHATWG decoder does.

    Python's cp1252 refuses 0x81/0x8D/0x8F/0x90/0x9D; browsers map them to U+0081 etc.
    Without this, a cp1252 page containing one of them would fall through to guessing.
    For encoding (undoing double-encoding) the same mapping runs in reverse.
    """
    if isinstance(err, UnicodeDecodeError):
        return err.object[err.start : err.end].decode("latin-1"), err.end
    if isinstance(err, UnicodeEncodeError):
        chunk = err.object[err.start : err.end]
        if all("\x80" <= ch <= "\x9f" for ch in chunk):
            return chunk.encode("latin-1"), err.end
    raise err


def _cp1252_in_utf8(err: UnicodeError) -> tuple[str, int]:
    """Repair a stray non-UTF-8 byte inside UTF-8 text by reading it as cp1252."""
    if isinstance(err, UnicodeDecodeError):
        bad = err.object[err.start : err.end]
        return bad.decode("cp1252", errors="newsdesk-c1"), err.end
    raise err


codecs.register_error("newsdesk-c1", _c1_fallback)
codecs.register_error("newsdesk-cp1252-in-utf8", _cp1252_in_utf8)


@dataclass(frozen=True)
class Decoded:
    """Decoded text ready for extraction.

    ``text`` has NUL characters removed (W100), newlines normalised to "\\n" and any
    BOM stripped, so that line numbers and character offsets computed downstream
    mean the same thing everywhere.
    """

    text: str
    encoding: str
    warnings: tuple[Problem, ...]


def decode(source: Source) -> Decoded:
    """Decode ``source.content``; raise NewsdeskError (E101, E102/E103, E110) when we cannot.

    Never raises anything else: a bad page must become a coded, per-input failure.
    """
    data = source.content
    if not data or not data.strip():
        raise NewsdeskError("E101")
    warnings: list[Problem] = []
    declared = _declared_charset(source, data)

    wide = utf16_codec(data)
    if wide:
        text = data.decode(wide, errors="replace")
        if "\ufffd" in text:
            warnings.append(problem("W102"))
        return _finish(text, wide, warnings)

    kind = binary_kind(data)
    if kind:
        raise NewsdeskError(kind[0], kind=kind[1])
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
        warnings.append(problem("W100"))
        if not data.strip():
            raise NewsdeskError("E101")

    text, encoding = _decode_bytes(data, declared, warnings)
    return _finish(text, encoding, warnings)


def _finish(text: str, encoding: str, warnings: list[Problem]) -> Decoded:
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        text = text.replace("\x00", "")
        if not any(w.code == "W100" for w in warnings):
            warnings.append(problem("W100"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise NewsdeskError("E101")
    return Decoded(text=text, encoding=encoding, warnings=tuple(warnings))


def _decode_bytes(data: bytes, declared: str | None, warnings: list[Problem]) -> tuple[str, str]:
    """Steps 2–7 of the module cascade; appends W101/W102 to ``warnings``."""
    shown = declared or "none"
    try:
        text = data.decode("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired = _undo_double_encoding(text)
        if repaired is not None:
            warnings.append(
                problem("W101", encoding="utf-8 (double-encoded, repaired)", declared=shown)
            )
            return repaired, "utf-8"
        if declared not in (None, "utf-8") and not data.isascii():
            warnings.append(problem("W101", encoding="utf-8", declared=shown))
        return text, "utf-8"

    stray = _stray_utf8_bytes(data)
    if stray is not None:
        warnings.append(
            problem(
                "W101", encoding=f"utf-8 with {stray} stray byte(s) read as cp1252", declared=shown
            )
        )
        return data.decode("utf-8", errors="newsdesk-cp1252-in-utf8"), "utf-8"

    if declared and declared != "utf-8":
        text_or_none = _try_decode(data, declared)
        if text_or_none is not None and not _is_mess(text_or_none):
            return text_or_none, declared

    cp = _try_decode(data, "cp1252")
    if cp is not None and not _is_mess(cp):
        if declared != "cp1252":
            warnings.append(problem("W101", encoding="cp1252", declared=shown))
        return cp, "cp1252"

    best = from_bytes(data[:1_000_000]).best()
    if best is not None:
        guess = _normalise_label(best.encoding) or best.encoding
        guessed = _try_decode(data, guess)
        if guessed is not None:
            warnings.append(problem("W101", encoding=guess, declared=shown))
            return guessed, guess

    ascii_share = len(data.translate(None, _HIGH_BYTES)) / len(data)
    if ascii_share >= MIN_ASCII_FOR_REPLACE:
        warnings.append(problem("W102"))
        return data.decode("utf-8", errors="replace"), "utf-8"
    raise NewsdeskError(
        "E110",
        detail="no encoding gives clean text "
        f"(declared {shown}; {1 - ascii_share:.0%} non-ASCII bytes)",
    )


def _try_decode(data: bytes, encoding: str) -> str | None:
    errors = "newsdesk-c1" if encoding == "cp1252" else "strict"
    try:
        return data.decode(encoding, errors=errors)
    except (UnicodeDecodeError, LookupError):
        return None


def _stray_utf8_bytes(data: bytes) -> int | None:
    """Count undecodable bytes when ``data`` is clearly UTF-8 apart from a few of them.

    "Clearly" means it holds at least as many valid multi-byte UTF-8 sequences as bad
    bytes: a real cp1252 or Shift_JIS page produces valid UTF-8 sequences only by
    accident, far less often than invalid ones.  Returns None when not clearly UTF-8.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - text.count("\ufffd")
    if bad > 0 and good >= max(bad, 1):
        return bad
    return None


def _undo_double_encoding(text: str) -> str | None:
    """Undo UTF-8 that was read as cp1252 and saved as UTF-8 again, when certain.

    Certain means: the telltale "Ã©"/"â€™" pairs occur, the whole text maps back to
    bytes through cp1252, those bytes are valid UTF-8, and the result is less messy.
    Partial double-encoding is left alone (ftfy would handle it; we don't depend on it).
    """
    if not _DOUBLE_ENCODED.search(text):
        return None
    try:
        fixed = text.encode("cp1252", errors="newsdesk-c1").decode("utf-8")
    except UnicodeError:
        return None
    if fixed == text or _mess(fixed) >= _mess(text):
        return None
    return fixed


def _mess(text: str) -> float:
    lines = [line for line in text.splitlines() if not line.isascii()]
    sample = "\n".join(lines)[:MESS_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return float(mess_ratio(sample, maximum_threshold=1.0))


def _is_mess(text: str) -> bool:
    return _mess(text) > MAX_MESS


def _declared_charset(source: Source, data: bytes) -> str | None:
    """The charset the page claims: HTTP header first (as browsers rank it), then markup."""
    label = _normalise_label(source.declared_charset)
    if label:
        return label
    head = data[:DECLARATION_BYTES]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            label = _normalise_label(match.group(1).decode("ascii", errors="replace"))
            if label:
                return label
    return None


def _normalise_label(label: str | None) -> str | None:
    """Map a charset label to a Python codec name; iso-8859-1/ascii become cp1252."""
    if not label:
        return None
    cleaned = label.strip().strip("\"'").lower()
    if cleaned in _AS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(cleaned).name
    except LookupError:
        return None
    if name in ("latin-1", "iso8859-1", "ascii", "cp1252"):
        return "cp1252"
    if name in ("utf-8", "utf-8-sig", "utf_8"):
        return "utf-8"
    return name
