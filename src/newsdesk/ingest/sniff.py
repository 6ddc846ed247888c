"""Decide what a blob of bytes or text is, from its content rather than its name.

Scraped corpora lie about themselves: ``article.html`` turns out to be a PNG, a
``.txt`` holds a whole HTML page, a folder holds ``article`` with no extension at
all.  So every decision here looks at the bytes (magic numbers, control-byte
density) or the text (leading markup, tag density) and treats declared types only
as a tie-breaker.
"""

from __future__ import annotations

import re
from typing import Literal

# How much of the start of an input the sniffers look at.  Magic numbers sit in the
# first few bytes; 8 KiB is enough for a stable control-byte ratio and for the
# ``%PDF-`` marker, which some generators push a little way down the file.
HEAD_BYTES = 8192

# Fraction of control bytes (C0 other than tab/newline/CR/form feed, plus DEL) above
# which a blob is binary.  Text in any ASCII-compatible encoding has almost none;
# compressed or image data has ~12% (32 of 256 byte values) — so 10% separates the
# two while leaving room for a page with a few stray NUL or escape bytes (those get
# warning W100 instead).
CONTROL_RATIO_BINARY = 0.10

# (magic prefix, kind).  Checked in order; the kind goes into the E102 message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (OLE2)"),
    (b"\x7fELF", "ELF executable"),
    (b"\xfe\xed\xfa\xce", "Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O universal binary or Java class"),
    (b"\x00asm", "WebAssembly module"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
)

_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}


def binary_kind(head: bytes) -> tuple[str, str] | None:
    """Return ``(code, kind)`` when ``head`` is the start of a non-text file, else None.

    ``code`` is E103 for formats we mean to support later (PDF) so users are told
    "not yet" rather than "garbage", and E102 for everything else.  Only the first
    :data:`HEAD_BYTES` are examined so this is cheap on huge inputs.
    """
    head = head[:HEAD_BYTES]
    if not head:
        return None
    # PDF producers sometimes emit junk before the header; readers accept it
    # anywhere in the first 1 KiB, so do we.
    if b"%PDF-" in head[:1024]:
        return ("E103", "PDF")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return ("E102", _zip_kind(head))
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return ("E102", kind)
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        kinds = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
        return ("E102", kinds[head[8:12]])
    if head[4:8] == b"ftyp":
        return ("E102", "MP4/QuickTime media")
    # "MZ" alone could start a text; a PE header always has NULs in its first 64 bytes.
    if head.startswith(b"MZ") and b"\x00" in head[:64]:
        return ("E102", "Windows executable")
    if looks_utf16(head):
        return None
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    if controls / len(head) > CONTROL_RATIO_BINARY:
        return ("E102", "binary data")
    return None


def _zip_kind(head: bytes) -> str:
    """Name the ZIP flavour: office documents are ZIPs and users know them by that name."""
    if b"mimetypeapplication/vnd.oasis.opendocument" in head:
        return "OpenDocument file (ZIP)"
    if b"[Content_Types].xml" in head or b"word/" in head or b"xl/" in head or b"ppt/" in head:
        if b"word/" in head:
            return "Word document (DOCX)"
        if b"xl/" in head:
            return "Excel workbook (XLSX)"
        if b"ppt/" in head:
            return "PowerPoint presentation (PPTX)"
        return "Office Open XML document (ZIP)"
    if b"META-INF/" in head:
        return "Java archive or EPUB (ZIP)"
    return "ZIP archive"


def utf16_bom(data: bytes) -> str | None:
    """The codec named by a UTF-16/32 byte-order mark at the start, if any."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def looks_utf16(head: bytes) -> bool:
    """True for UTF-16 text with or without a BOM.

    Windows tools save "Unicode" text as UTF-16; its ASCII characters leave a NUL in
    every other byte, which would otherwise read as binary or as NUL-riddled text.
    """
    if utf16_bom(head):
        return True
    return _utf16_order(head) is not None


def _utf16_order(head: bytes) -> str | None:
    sample = head[:HEAD_BYTES]
    if len(sample) < 4:
        return None
    evens, odds = sample[0::2], sample[1::2]
    even_nul = evens.count(0) / len(evens)
    odd_nul = odds.count(0) / len(odds)
    # Mostly-ASCII UTF-16: one side is nearly all NUL, the other nearly none.
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def utf16_codec(data: bytes) -> str | None:
    """The UTF-16/32 codec to read ``data`` with (BOM first, then NUL pattern), or None."""
    return utf16_bom(data) or _utf16_order(data)


# ---------------------------------------------------------------------------
# HTML or plain text?

_LEADING_JUNK = re.compile(
    r"""\A(?:\s+|\ufeff|<!--.*?-->|<\?xml[^>]*\?>)+""",
    re.DOTALL,
)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.IGNORECASE)

# Tag names that mark HTML.  Restricting the count to real element names keeps a
# text scrape that mentions "<Reuters>" or "a <b> tag" from tipping over.
_HTML_TAGS = (
    "a|abbr|article|aside|b|blockquote|body|br|button|caption|cite|code|dd|div|dl|dt|em|"
    "figcaption|figure|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|"
    "li|link|main|meta|nav|noscript|ol|option|p|picture|pre|q|script|section|select|small|"
    "source|span|strong|style|sub|sup|svg|table|tbody|td|th|thead|time|title|tr|u|ul|video"
)
_TAG = re.compile(rf"</?(?:{_HTML_TAGS})(?:\s[^<>]{{0,2000}})?/?>", re.IGNORECASE)

# Tag density thresholds.  Real pages carry a tag every 20–100 characters and a bare
# fragment (``<p>..</p><p>..</p>``) about two per paragraph; a plain-text scrape
# quoting the odd tag has far fewer than 2 per 1000 characters.
MIN_TAGS = 4
MIN_TAGS_PER_1000_CHARS = 2.0
# Density is measured on this much of the text: enough to be stable, bounded for 20 MB pages.
SNIFF_CHARS = 200_000


def sniff_format(text: str, media_type: str | None = None) -> Literal["html", "text"]:
    """Decide whether decoded ``text`` is HTML or plain text.

    The content decides: a document that *starts* like HTML (after whitespace, BOM,
    comments and an XML declaration) is HTML whatever its name; otherwise HTML needs a
    substantial density of real tags.  A declared HTML ``media_type`` (HTTP header,
    JSONL ``html`` field) only lowers the bar to a single tag, because fragments such as
    ``<p>Body</p>`` are common there — it cannot turn tagless text into HTML.
    """
    head = text[:SNIFF_CHARS]
    junk = _LEADING_JUNK.match(head)
    start = junk.end() if junk else 0
    if _HTML_START.match(head, start):
        return "html"
    tags = 0
    for _ in _TAG.finditer(head):
        tags += 1
        if tags >= MIN_TAGS and tags * 1000 / max(len(head), 1) >= MIN_TAGS_PER_1000_CHARS:
            return "html"
    # (the density test already ran in the loop with every count, the final one included)
    declared_html = media_type is not None and "html" in media_type.lower()
    return "html" if declared_html and tags >= 1 else "text"
