"""The hostile inputs of ``fuzz_inputs.py``: a seeded generator, every class of issue 14.

Each case is one folder under the output directory holding the input(s) it passes to
``newsdesk`` (a file, a folder, a symlink, a FIFO ...) plus how to run it (arguments,
standard input, environment). Most cases are *mutations of real pages* — the bundled
examples and, when ``../shared/benchmarks`` is present, HTML and text pages of the
extraction set and GVA JSONL records — so the parsers see realistic markup with damage
in it, not just random bytes. Bombs are built cheaply (repeated gzip members, a zlib
stream over zero blocks) so generating 1,000+ cases takes seconds and little disk.

Classes (``CLASSES``) follow the issue's list; the ones fixed on main before this
benchmark existed (lone surrogates, non-UTF-8 names, looping symlinks, leading blank
kilobytes, JSONL BOMs, FIFOs, closed stdin, bad settings, punctuation runs, crowded
tags, 50,000-line texts) are generated too, so they stay fixed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from common import REPO, benchmarks_dir

EXAMPLES = REPO / "examples" / "articles"
GOOD_ARTICLE = EXAMPLES / "004_5859987bf54530fd.txt"


@dataclass
class Case:
    """One hostile input. ``inputs`` are argv entries: relative to the case folder unless
    absolute or ``-``. ``stdin``: None (nothing), ``"closed"``, or a file in the folder.
    ``isolated`` cases run in a process of their own (stdin and environment oddities)."""

    id: str
    cls: str
    what: str
    inputs: list[str]
    stdin: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    isolated: bool = False
    # False where the whole run must stop with a coded error (a bad setting): the good
    # article cannot come through, and the check is the code instead.
    good_expected: bool = True

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Seeds:
    """Real pages to mutate: HTML bytes, plain-text bytes, JSONL records."""

    html: list[bytes]
    text: list[bytes]
    records: list[dict[str, object]]


def load_seeds(rng: random.Random, html_pages: int = 40, text_pages: int = 15,
               records: int = 40) -> Seeds:
    """Example articles always; extraction pages and GVA records when the shared data is
    there (pages under 150 KB, so a run over 1,000 cases stays minutes, not hours)."""
    text = [p.read_bytes() for p in sorted(EXAMPLES.glob("*.txt"))]
    html = [_as_html(t) for t in text]
    recs: list[dict[str, object]] = [
        {"title": t.split(b"\n", 1)[0].decode("utf-8", "replace"),
         "text": t.decode("utf-8", "replace"), "published": "2024-06-19"} for t in text]
    root = benchmarks_dir()
    pages = sorted((root / "extraction" / "pages").glob("*.html.gz"))
    for path in rng.sample(pages, min(len(pages), html_pages * 2)):
        data = gzip.decompress(path.read_bytes())
        if len(data) < 150_000 and len(html) < html_pages:
            html.append(data)
    texts = sorted((root / "extraction" / "text").glob("*.txt.gz"))
    for path in rng.sample(texts, min(len(texts), text_pages)):
        text.append(gzip.decompress(path.read_bytes())[:60_000])
    gva = root / "stories" / "gva" / "articles.jsonl.gz"
    if gva.is_file():
        with gzip.open(gva, "rt", encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i % 97 == 0:
                    recs.append(json.loads(line))
                if len(recs) >= records:
                    break
    return Seeds(html, text, recs)


def _as_html(text: bytes) -> bytes:
    lines = [ln for ln in text.decode("utf-8", "replace").split("\n") if ln.strip()]
    title, body = (lines[0], lines[1:]) if lines else ("", [])
    paras = "".join(f"<p>{_esc(ln)}</p>\n" for ln in body)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{_esc(title)}</title>"
            f"</head><body><article><h1>{_esc(title)}</h1>\n{paras}</article></body></html>"
            ).encode()


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------
# cheap bombs


def gzip_repeat(chunk: bytes, times: int) -> bytes:
    """``times`` gzip members of ``chunk``: decompresses to len(chunk) * times bytes."""
    member = gzip.compress(chunk, compresslevel=9, mtime=0)
    return member * times


def gzip_stream(prefix: bytes, fill: bytes, total: int, suffix: bytes = b"") -> bytes:
    """One gzip member: ``prefix``, then ``fill`` repeated to ``total`` bytes, ``suffix``."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [comp.compress(prefix)]
    block = fill * max(1, (1 << 20) // len(fill))
    done = 0
    while done < total:
        out.append(comp.compress(block))
        done += len(block)
    out.append(comp.compress(suffix))
    out.append(comp.flush())
    return b"".join(out)


def http_block(html: bytes, content_type: str = "text/html; charset=utf-8",
               extra: str = "") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}"
            f"Content-Length: {len(html)}\r\n\r\n").encode() + html


def warc_record(uri: str, block: bytes, rtype: str = "response",
                length: str | None = None,
                content_type: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
            f"WARC-Date: 2024-06-19T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\n"
            f"Content-Length: {length if length is not None else len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


# ---------------------------------------------------------------------------
# byte mutations


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def flip(data: bytes, rng: random.Random, count: int) -> bytes:
    buf = bytearray(data)
    for _ in range(count):
        i = rng.randrange(len(buf))
        buf[i] = rng.randrange(256)
    return bytes(buf)


def insert_at_random(data: bytes, rng: random.Random, what: bytes, count: int) -> bytes:
    buf = bytearray(data)
    for _ in range(count):
        i = rng.randrange(len(buf) + 1)
        buf[i:i] = what
    return bytes(buf)


# ---------------------------------------------------------------------------
# the generator


class Builder:
    """Writes cases into ``root``; one method per class."""

    def __init__(self, root: Path, seeds: Seeds, rng: random.Random, light: bool = False) -> None:
        self.light = light  # skip the bombs and giant pages (the CI subset)
        self.root = root
        self.seeds = seeds
        self.rng = rng
        self.cases: list[Case] = []

    def add(self, cls: str, what: str, files: dict[str, bytes], inputs: list[str] | None = None,
            **kw: object) -> Path:
        cid = f"c{len(self.cases):04d}"
        folder = self.root / cid
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        self.cases.append(Case(cid, cls, what, inputs if inputs is not None else list(files),
                               **kw))  # type: ignore[arg-type]
        return folder

    def html(self) -> bytes:
        return self.rng.choice(self.seeds.html)

    def text(self) -> bytes:
        return self.rng.choice(self.seeds.text)

    def record(self) -> dict[str, object]:
        return dict(self.rng.choice(self.seeds.records))

    # -- classes -----------------------------------------------------------

    def truncation(self, n: int) -> None:
        for i in range(n):
            kind = i % 4
            if kind == 0:
                self.add("truncation", "HTML cut at a random byte",
                         {"page.html": truncate(self.html(), self.rng)})
            elif kind == 1:
                self.add("truncation", "text cut at a random byte",
                         {"page.txt": truncate(self.text(), self.rng)})
            elif kind == 2:
                line = json.dumps(self.record()).encode()
                self.add("truncation", "JSONL line cut short",
                         {"feed.jsonl": line + b"\n" + truncate(line, self.rng)})
            else:
                page = "<html><body><p>Caf\u00e9 \u201cquote\u201d \u4e2d\u6587</p>".encode()
                self.add("truncation", "cut inside a UTF-8 character",
                         {"page.html": (page * 20)[: -self.rng.randrange(1, 12)]})

    def byte_flips(self, n: int) -> None:
        for i in range(n):
            count = [1, 10, 100, 1000, 10000][i % 5]
            src, name = (self.html(), "page.html") if i % 3 else (self.text(), "page.txt")
            if i % 7 == 0:
                src, name = json.dumps(self.record()).encode() + b"\n", "feed.jsonl"
            self.add("byte_flips", f"{count} random bytes overwritten",
                     {name: flip(src, self.rng, min(count, len(src)))})

    def nuls(self, n: int) -> None:
        for i in range(n):
            kind = i % 5
            if kind == 0:
                data = insert_at_random(self.html(), self.rng, b"\x00", 1 + i)
            elif kind == 1:
                data = insert_at_random(self.text(), self.rng, b"\x00" * 100, 3)
            elif kind == 2:
                data = self.html().replace(b"<p>", b"<p>\x00")
            elif kind == 3:
                data = bytes(20_000 + i)
            else:  # NUL every other byte but not UTF-16 (odd offsets)
                data = b"\x00".join(bytes([c]) for c in self.text()[:20_000])
            self.add("nuls", ["random NULs", "NUL runs", "NUL in tags", "all NUL",
                              "NUL interleaved"][kind], {"page" + (".txt" if kind % 2 else
                                                                  ".html"): data})

    def charsets(self, n: int) -> None:
        lies = ["utf-16", "utf-7", "shift_jis", "koi8-r", "x-bogus", "utf-32", "cp1251",
                "iso-2022-jp", "replacement", "gb18030", "big5", "utf-8", "euc-kr", "latin1",
                "\"><script>", "a" * 300, "mac-roman", "cp037", "rot13", "hz"]
        real = ["cp1252", "cp1251", "shift_jis", "utf-16-le", "koi8-r", "gb2312", "utf-8",
                "latin-1", "cp037", "utf-32"]
        text = "Caf\u00e9 owners in K\u00f6ln said \u201cprices\u201d rose \u2014 again. "
        for i in range(n):
            lie, enc = lies[i % len(lies)], real[(i // 2) % len(real)]
            body = (text * 20).encode(enc, errors="replace") if enc != "shift_jis" else (
                "\u6771\u4eac\u90fd\u306e\u30cb\u30e5\u30fc\u30b9\u3002" * 50).encode(enc)
            if i % 3 == 0:
                head = f'<html><head><meta charset="{lie}"></head><body><article><p>'.encode()
                data = head + body + b"</p></article></body></html>"
                name = "page.html"
            elif i % 3 == 1:
                data = f'<?xml version="1.0" encoding="{lie}"?>\n<html><body><p>'.encode() + \
                    body + b"</p></body></html>"
                name = "page.xhtml"
            else:  # a real page, re-encoded against its own declaration
                page = self.html().decode("utf-8", "replace")
                data = page.encode(enc, errors="replace")
                name = "page.html"
            self.add("charsets", f"declares {lie[:20]!r}, is {enc}", {name: data})

    def boms(self, n: int) -> None:
        boms = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00",
                b"\x00\x00\xfe\xff", b"\xef\xbb\xbf" * 5, b"\x2b\x2f\x76\x38"]
        for i in range(n):
            bom = boms[i % len(boms)]
            kind = (i // len(boms)) % 4
            if kind == 0:
                files = {"page.html": bom + self.html()}
            elif kind == 1:
                files = {"page.txt": bom + self.text()}
            elif kind == 2:
                files = {"feed.jsonl": bom + json.dumps(self.record()).encode() + b"\n"}
            else:  # a BOM in the middle, and on every line of a feed
                line = bom + json.dumps(self.record()).encode() + b"\n"
                files = {"feed.jsonl": line * 3, "mid.html": insert_at_random(
                    self.html(), self.rng, bom, 5)}
            self.add("boms", f"BOM {bom.hex()} ({['html', 'text', 'jsonl', 'mid'][kind]})",
                     files)

    def gzip_cases(self, n: int) -> None:
        gb = 1 << 30
        fixed: list[tuple[str, dict[str, bytes]]] = [] if self.light else [
            ("1 GiB of spaces (.html.gz)", {"bomb.html.gz": gzip_repeat(b" " * (1 << 24), 64)}),
            ("1 GiB of <p>a</p> (.html.gz)",
             {"bomb.html.gz": gzip_repeat(b"<p>a</p>" * (1 << 21), 64)}),
            ("1 GiB of one-char lines (.txt.gz)",
             {"bomb.txt.gz": gzip_repeat(b"a\n" * (1 << 23), 64)}),
            ("a good record then 1 GiB of blank lines (.jsonl.gz)",
             {"bomb.jsonl.gz": gzip.compress(json.dumps(self.record()).encode() + b"\n")
              + gzip_repeat(b"\n" * (1 << 24), 64)}),
            ("a good record then 1 GiB in one line (.jsonl.gz)",
             {"bomb.jsonl.gz": gzip.compress(json.dumps(self.record()).encode() + b"\n")
              + gzip_stream(b'{"text": "', b"a", gb, b'"}\n')}),
            ("1 GiB of NULs (.gz, no extension hint)", {"bomb.gz": gzip_stream(b"", bytes(1), gb)}),
            ("gzip inside gzip inside gzip", {"nest.html.gz": gzip.compress(gzip.compress(
                gzip.compress(self.html())))}),
            ("20,000 tiny records (.jsonl.gz)", {"many.jsonl.gz": gzip.compress(
                b'{"text": "a"}\n' * 20_000)}),
        ]
        for what, files in fixed:
            self.add("gzip", what, files)
        for i in range(n - len(fixed)):
            kind = i % 5
            page = self.html()
            comp = gzip.compress(page)
            if kind == 0:
                files = {"page.html.gz": truncate(comp, self.rng)}
                what = "truncated .html.gz"
            elif kind == 1:
                files = {"page.html.gz": flip(comp, self.rng, 1 + i % 20)}
                what = "corrupt .html.gz"
            elif kind == 2:
                files = {"page.html.gz": comp[:-8] + b"\x00" * 8}
                what = "bad CRC and length"
            elif kind == 3:
                feed = b"".join(json.dumps(self.record()).encode() + b"\n" for _ in range(3))
                files = {"feed.jsonl.gz": truncate(gzip.compress(feed), self.rng)}
                what = "truncated .jsonl.gz"
            else:
                files = {"page.html.gz": page}
                what = ".gz name, not gzip"
            self.add("gzip", what, files)

    def warc(self, n: int) -> None:
        def archive(pages: int = 3) -> bytes:
            return b"".join(warc_record(f"http://example.org/{k}", http_block(self.html()))
                            for k in range(pages))

        fixed: list[tuple[str, dict[str, bytes]]] = [] if self.light else [
            ("a 1 GiB response record of NULs (.warc.gz)", {"bomb.warc.gz": gzip_stream(
                warc_record("http://e.org/x", b"", length=str(1 << 30))[:-4]
                + b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", bytes(1), 1 << 30)}),
            ("a 1 GiB metadata record (.warc.gz)", {"bomb.warc.gz": gzip_stream(
                warc_record("http://e.org/m", b"", rtype="metadata", length=str(1 << 30),
                            content_type="application/warc-fields")[:-4], b"a", 1 << 30)}),
            ("Content-Length of 10^30", {"big.warc": warc_record(
                "http://e.org/x", http_block(self.html()), length="1" + "0" * 30)}),
            ("negative Content-Length", {"neg.warc": warc_record(
                "http://e.org/x", http_block(self.html()), length="-5")}),
            ("5,000 empty records", {"many.warc": warc_record("http://e.org/e", b"",
                                                              rtype="resource") * 5000}),
            ("broken chunked encoding", {"chunk.warc": warc_record("http://e.org/c", http_block(
                b"zz\r\n" + self.html(), extra="Transfer-Encoding: chunked\r\n"))}),
            ("lying gzip Content-Encoding", {"enc.warc": warc_record("http://e.org/g", http_block(
                self.html(), extra="Content-Encoding: gzip\r\n"))}),
            ("lying br Content-Encoding", {"enc.warc": warc_record("http://e.org/b", http_block(
                self.html(), extra="Content-Encoding: br\r\n"))}),
            ("WARC header only", {"head.warc": b"WARC/1.0\r\n"}),
            ("WARC magic then binary", {"bin.warc": b"WARC/1.0\r\n" + bytes(range(256)) * 40}),
        ]
        for what, files in fixed:
            self.add("warc", what, files)
        for i in range(n - len(fixed)):
            kind = i % 5
            data = archive()
            if kind == 0:
                files, what = {"crawl.warc": truncate(data, self.rng)}, "truncated .warc"
            elif kind == 1:
                members = b"".join(gzip.compress(r) for r in data.split(b"\r\n\r\nWARC/"))
                files, what = {"crawl.warc.gz": truncate(members, self.rng)}, "truncated .warc.gz"
            elif kind == 2:
                files, what = {"crawl.warc": flip(data, self.rng, 1 + i)}, "corrupt .warc"
            elif kind == 3:
                lie = str(len(data) // 3 + self.rng.randrange(-100, 100))
                files = {"crawl.warc": warc_record("http://e.org/l", http_block(self.html()),
                                                   length=lie)}
                what = "lying Content-Length"
            else:
                files = {"crawl.warc": warc_record("http://e.org/t", http_block(
                    self.text(), content_type=self.rng.choice(
                        ["text/plain", "text/html; charset=utf-16", "text/html; charset=",
                         "text/html; charset=x-bogus", "", "text/html;;;"])))}
                what = "odd Content-Type"
            self.add("warc", what, files)

    def entities(self, n: int) -> None:
        lol = ('<!ENTITY lol "lol">' + "".join(
            f'<!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">'
            for k in range(1, 10)))
        docs = [
            ("billion laughs (HTML)", f'<!DOCTYPE html [{lol}]><html><body><p>&lol9;</p>'),
            ("billion laughs (XHTML)", f'<?xml version="1.0"?><!DOCTYPE html [{lol}]>'
                                       '<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                                       '<p>&lol9;</p>'),
            ("XXE file", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM '
                         '"file:///etc/passwd">]><html><body><p>&x;</p>'),
            ("XXE http", '<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
                         '<html><body><p>&x;</p>'),
            ("parameter entity", '<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd">%p;]>'
                                 '<html><body><p>x</p>'),
            ("external DTD", '<!DOCTYPE html SYSTEM "file:///etc/shadow"><html><body><p>x</p>'),
            ("quadratic blowup", '<!DOCTYPE r [<!ENTITY a "' + "x" * 50_000 + '">]><html>'
                                 '<body><p>' + "&a;" * 2000 + "</p>"),
            ("10,000 numeric entities", "<html><body><p>" + "&#0;&#xD800;&#x110000;" * 3000),
        ]
        for i in range(n):
            what, head = docs[i % len(docs)]
            page = self.html().decode("utf-8", "replace")
            body = head + page[page.find("<body") if "<body" in page else 0:]
            name = ["page.html", "page.xhtml", "page.xml", "page"][(i // len(docs)) % 4]
            self.add("entities", what, {name: body.encode()})

    def nesting(self, n: int) -> None:
        para = b"<p>The council met on Monday and agreed a new budget for next year.</p>"
        for i in range(n):
            depth = [1_000, 10_000, 100_000, 300_000][i % 4]
            kind = (i // 4) % 6
            tag = [b"div", b"b", b"table><tr><td", b"ul><li", b"span", b"q"][kind]
            close = b"</" + tag.split(b"><")[0].split(b"<")[-1] + b">"
            if kind == 5:  # unclosed
                close = b""
            data = (b"<html><body>" + (b"<" + tag + b">") * depth + para * 5 + close * depth
                    + b"</body></html>")
            self.add("nesting", f"{depth} nested <{tag.decode()[:8]}>", {"deep.html": data})
        for depth in (1_000, 100_000, 1_000_000):
            self.add("nesting", f"JSON nested {depth} deep", {"feed.jsonl": (
                b'{"text": "x", "title": ' + b"[" * depth + b"]" * depth + b"}\n")})
            self.add("nesting", f"JSON text nested {depth} deep", {"feed.jsonl": (
                b'{"text": ' + b'{"a":' * depth + b"1" + b"}" * depth + b"}\n")})

    def giants(self, n: int) -> None:
        mb = 1 << 20
        fixed: list[tuple[str, bytes, str]] = [] if self.light else [
            ("tag with 200,000 attributes", b"<html><body><div " + b" ".join(
                b'a%d="x"' % k for k in range(200_000)) + b"><p>text</p></div></body></html>",
             "page.html"),
            ("one attribute of 15 MB", b'<html><body><div title="' + b"x" * (15 * mb)
             + b'"><p>text</p></div>', "page.html"),
            ("5,000 tags of 499 attributes", (b"<html><body>" + (b"<i " + b" ".join(
                b"a%d" % k for k in range(499)) + b">w</i>") * 5_000), "page.html"),
            ("unclosed attribute quote over the page", b'<html><body><div title="'
             + self.html(), "page.html"),
            ("one 19 MB line of words", b"Title\n\n" + b"word " * (19 * mb // 5), "page.txt"),
            ("one 19 MB word", b"Title\n\n" + b"x" * (19 * mb), "page.txt"),
            ("50,001 one-char lines", b"Title\n\n" + b"x\n" * 50_001, "page.txt"),
            ("49,999 one-char lines", b"Title\n\n" + b"x\n" * 49_999, "page.txt"),
            ("49,999 lines of 300 chars", b"Title\n\n" + (b"y" * 300 + b"\n") * 49_999,
             "page.txt"),
            ("minified 15 MB page, one line", b"<html><body>" + b"<p>word word</p>"
             * (15 * mb // 16) + b"</body></html>", "page.html"),
            ("200,000 empty spans", b"<html><body>" + b"<span></span>" * 200_000
             + b"<p>text here</p></body></html>", "page.html"),
            ("300x300 table", b"<html><body><table>" + (b"<tr>" + b"<td>c</td>" * 300
                                                        + b"</tr>") * 300 + b"</table>",
             "page.html"),
            ("100,000 <br>", b"<html><body><p>" + b"a<br>" * 100_000 + b"</p>", "page.html"),
            ("5 MB script", b"<html><head><script>var a='" + b"x" * (5 * mb)
             + b"';</script></head><body><p>text</p>", "page.html"),
            ("5 MB JSON-LD", b'<html><head><script type="application/ld+json">{"articleBody":"'
             + b"word " * mb + b'"}</script></head><body><p>t</p>', "page.html"),
            ("unclosed comment", b"<html><body><!-- " + self.html(), "page.html"),
            ("unclosed script", b"<html><body><script>" + self.html(), "page.html"),
            ("20,000 meta tags", b"<html><head>" + b'<meta name="date" content="2024-06-1">'
             * 20_000 + b"</head><body><p>text</p>", "page.html"),
            ("a 1 MB title", b"<html><head><title>" + b"T " * (mb // 2)
             + b"</title></head><body><p>text</p>", "page.html"),
            ("whitespace only, 19 MB", b" \n\t" * (19 * mb // 3), "page.txt"),
            ("20 MB + 1 byte", b"a" * 20_000_001, "page.html"),
        ]
        for what, data, name in fixed:
            self.add("giants", what, {name: data})
        for i in range(n - len(fixed)):
            size = [1 << 16, 1 << 18, 1 << 20, 4 << 20][i % 4]
            kind = (i // 4) % 3
            if kind == 0:
                data = self.html().replace(b"<p", b'<p data-x="' + b"z" * size + b'"', 1)
                self.add("giants", f"an attribute of {size} bytes", {"page.html": data})
            elif kind == 1:
                data = self.text() + b"\n" + b"long line " * (size // 10)
                self.add("giants", f"a line of {size} bytes", {"page.txt": data})
            else:
                data = self.html().replace(b"</p>", b" " + b"w" * size + b"</p>", 1)
                self.add("giants", f"a word of {size} bytes", {"page.html": data})

    def punctuation(self, n: int) -> None:
        runs = ['"', "'", "-", ".", "!", "(", ")", "=", "\u201c", "\u2014", "*", "`", ",", "/"]
        for i in range(n):
            ch = runs[i % len(runs)]
            kind = (i // len(runs)) % 4
            base = self.text().decode("utf-8", "replace")
            if kind == 0:
                text = base + "\n\n" + ch * 50_000
            elif kind == 1:  # just under the mask length, many times
                text = base + "\n\n" + (ch * 63 + " word ") * 2_000
            elif kind == 2:
                text = base + "\n\n" + ('"' + "'") * 20_000
            else:  # combining marks and direction overrides
                text = base + "\n\n" + ("a" + "\u0301" * 200 + "\u202e") * 500
            self.add("punctuation", f"{['run', 'runs of 63', 'alternating', 'combining'][kind]}"
                     f" {ch!r}", {"page.txt": text.encode()})

    def jsonl_types(self, n: int) -> None:
        values: list[object] = [12, 1.5, -1, True, None, [], ["a", "b"], {}, {"a": "b"},
                                [[["x"]]], "", " ", "\u0000", "\ud800", 10 ** 30, 1e308,
                                "x" * 5_000_000, ["x"] * 100_000, {"text": "nested"}]
        fields = ["text", "html", "title", "authors", "published", "url", "outlet", "id",
                  "clean", "section"]
        odd = [
            ("NaN and Infinity", b'{"text": "Body text here.", "id": NaN, "title": Infinity}'),
            ("an integer of 10,000 digits", b'{"text": "Body.", "id": ' + b"9" * 10_000 + b"}"),
            ("duplicate keys", b'{"text": 1, "text": "Body text.", "text": null}'),
            ("top-level array", b'["text", "Body"]'),
            ("top-level string", b'"text"'),
            ("trailing garbage", b'{"text": "Body text."} xyz'),
            ("two records on a line", b'{"text": "a"}{"text": "b"}'),
            ("escaped NULs", b'{"text": "\\u0000\\u0000Body text.\\u0000"}'),
            ("published far future", b'{"text": "Body text here.", "published": "99999-12-31"}'),
            ("published year 0", b'{"text": "Body text here.", "published": "0000-00-00"}'),
            ("published 30 Feb", b'{"text": "Body text here.", "published": "2024-02-30"}'),
            ("published huge number", b'{"text": "Body.", "published": "' + b"9" * 5000 + b'"}'),
            ("url broken IPv6", b'{"text": "Body text here.", "url": "http://[::1/x"}'),
            ("url javascript", b'{"html": "<p>Body text</p>", "url": "javascript:alert(1)"}'),
            ("url 1 MB", b'{"html": "<p>Body</p>", "url": "http://e.org/' + b"a" * (1 << 20)
             + b'"}'),
            ("url with NUL and newline", b'{"html": "<p>Body</p>", "url": "http://e\\u0000.org'
             b'/\\n"}'),
            ("authors 100,000 names", b'{"text": "Body.", "authors": ['
             + b",".join([b'"Ann Lee"'] * 100_000) + b"]}"),
            ("surrogate pair halves in keys", b'{"te\\udc00xt": "a", "text": "Body \\udbff."}'),
            ("html field with script only", b'{"html": "<script>alert(1)</script>"}'),
            ("html and text both odd", b'{"html": 5, "text": ["a"]}'),
            ("html with url http://[::1/x", b'{"html": "<article><p>The council of Leeds voted '
             b'on Tuesday to approve a budget, the mayor said.</p></article>", '
             b'"url": "http://[::1/x"}'),
        ]
        for what, line in odd:
            self.add("jsonl_types", what, {"feed.jsonl": line + b"\n"})
        for i in range(n - len(odd)):
            rec = self.record()
            key = fields[i % len(fields)]
            value = values[(i // len(fields)) % len(values)]
            rec[key] = value
            line = json.dumps(rec).encode()
            self.add("jsonl_types", f"{key} = {type(value).__name__} "
                     f"{json.dumps(value)[:20]}", {"feed.jsonl": line + b"\n"})

    def filesystem(self, folder_cases: list[Callable[[Path], tuple[str, list[str]]]]) -> None:
        for make in folder_cases:
            cid = f"c{len(self.cases):04d}"
            folder = self.root / cid
            folder.mkdir(parents=True, exist_ok=True)
            what, inputs = make(folder)
            self.cases.append(Case(cid, "filesystem", what, inputs))

    def stdin(self) -> None:
        page = self.html()
        feed = json.dumps(self.record()).encode() + b"\n"
        entries: list[tuple[str, str | None, dict[str, bytes], list[str]]] = [
            ("closed stdin", "closed", {}, ["-"]),
            ("empty stdin", "in", {"in": b""}, ["-"]),
            ("binary stdin", "in", {"in": bytes(range(256)) * 100}, ["-"]),
            ("gzip on stdin", "in", {"in": gzip.compress(page)}, ["-"]),
            ("truncated gzip on stdin", "in", {"in": gzip.compress(page)[:200]}, ["-"]),
            ("WARC on stdin", "in", {"in": warc_record("http://e.org/s", http_block(page))},
             ["-"]),
            ("JSONL on stdin", "in", {"in": feed * 3}, ["-"]),
            ("JSONL with BOM on stdin", "in", {"in": b"\xef\xbb\xbf" + feed}, ["-"]),
            ("16 KB blank then a page on stdin", "in", {"in": b" " * 16_384 + page}, ["-"]),
            ("stdin twice", "in", {"in": page}, ["-", "-"]),
            ("UTF-16 on stdin", "in", {"in": page.decode("utf-8", "replace").encode("utf-16")},
             ["-"]),
            ("gzip bomb on stdin", "in", {"in": gzip_repeat(b" " * (1 << 24), 32)}, ["-"]),
            ("NUL stdin", "in", {"in": bytes(50_000)}, ["-"]),
            ("stdin is /dev/zero", "/dev/zero", {}, ["-"]),
        ]
        for what, stdin, files, inputs in entries:
            self.add("stdin", what, files, inputs, stdin=stdin, isolated=True)

    def settings(self) -> None:
        page = {"page.html": self.html()}
        for name, value in [
            ("NEWSDESK_MAX_INPUT_BYTES", "abc"), ("NEWSDESK_MAX_INPUT_BYTES", "-1"),
            ("NEWSDESK_MAX_INPUT_BYTES", "0"), ("NEWSDESK_MAX_INPUT_BYTES", ""),
            ("NEWSDESK_MAX_INPUT_BYTES", "1" + "0" * 30), ("NEWSDESK_MAX_INPUT_BYTES", "1e6"),
            ("NEWSDESK_MAX_INPUT_BYTES", "10"), ("NEWSDESK_SHORT_BODY_CHARS", "x"),
            ("NEWSDESK_SHORT_BODY_CHARS", "9" * 5000), ("NEWSDESK_DB_PATH", "/nonexistent/x.db"),
        ]:
            stops = ((name != "NEWSDESK_DB_PATH" and not value.isdigit())
                     or value in ("0", "10") or len(value) > 1000)
            self.add("settings", f"{name}={value[:20]!r}", page, env={name: value},
                     isolated=True, good_expected=not stops)


def _fs_cases(b: Builder) -> list[Callable[[Path], tuple[str, list[str]]]]:
    page, text = b.html(), b.text()

    def looping(f: Path) -> tuple[str, list[str]]:
        (f / "in").mkdir()
        (f / "in" / "a.html").write_bytes(page)
        os.symlink("loop2", f / "in" / "loop1")
        os.symlink("loop1", f / "in" / "loop2")
        return "looping symlinks in a folder", ["in"]

    def dangling(f: Path) -> tuple[str, list[str]]:
        os.symlink("nowhere.html", f / "link.html")
        return "dangling symlink", ["link.html"]

    def link_to(target: str) -> Callable[[Path], tuple[str, list[str]]]:
        def make(f: Path) -> tuple[str, list[str]]:
            (f / "in").mkdir()
            os.symlink(target, f / "in" / "page.html")
            return f"symlink to {target} in a folder", ["in"]
        return make

    def arg(target: str) -> Callable[[Path], tuple[str, list[str]]]:
        return lambda f: (f"{target} given as input", [target])

    def unreadable(f: Path) -> tuple[str, list[str]]:
        (f / "page.html").write_bytes(page)
        os.chmod(f / "page.html", 0)
        return "mode 000 file (root reads it anyway)", ["page.html"]

    def unreadable_dir(f: Path) -> tuple[str, list[str]]:
        (f / "in" / "sub").mkdir(parents=True)
        (f / "in" / "sub" / "a.html").write_bytes(page)
        os.chmod(f / "in" / "sub", 0)
        return "mode 000 folder", ["in"]

    def fifo_arg(f: Path) -> tuple[str, list[str]]:
        os.mkfifo(f / "pipe.html")
        return "FIFO as an argument", ["pipe.html"]

    def fifo_in_folder(f: Path) -> tuple[str, list[str]]:
        (f / "in").mkdir()
        os.mkfifo(f / "in" / "pipe.html")
        (f / "in" / "b.txt").write_bytes(text)
        return "FIFO in a folder", ["in"]

    def fifo_sidecar(f: Path) -> tuple[str, list[str]]:
        (f / "page.html").write_bytes(page)
        os.mkfifo(f / "page.meta.json")
        return "FIFO as the sidecar", ["page.html"]

    def odd_name(name: bytes) -> Callable[[Path], tuple[str, list[str]]]:
        def make(f: Path) -> tuple[str, list[str]]:
            (f / "in").mkdir()
            with open(os.path.join(os.fsencode(f / "in"), name), "wb") as h:
                h.write(page)
            return f"file named {name[:30]!r}", ["in"]
        return make

    def sidecar(data: bytes, what: str) -> Callable[[Path], tuple[str, list[str]]]:
        def make(f: Path) -> tuple[str, list[str]]:
            (f / "page.html").write_bytes(page)
            (f / "page.meta.json").write_bytes(data)
            return f"sidecar: {what}", ["page.html"]
        return make

    def sidecar_dir(f: Path) -> tuple[str, list[str]]:
        (f / "page.html").write_bytes(page)
        (f / "page.meta.json").mkdir()
        return "sidecar is a folder", ["page.html"]

    def sidecar_loop(f: Path) -> tuple[str, list[str]]:
        (f / "page.html").write_bytes(page)
        os.symlink("page.meta.json", f / "page.meta.json")
        return "sidecar is a looping symlink", ["page.html"]

    def folder_named_html(f: Path) -> tuple[str, list[str]]:
        (f / "x.html").mkdir()
        (f / "x.html" / "y.txt").write_bytes(text)
        return "folder named x.html", ["x.html"]

    def missing(f: Path) -> tuple[str, list[str]]:
        return "input does not exist", ["nothing.html"]

    def empty_folder(f: Path) -> tuple[str, list[str]]:
        (f / "in").mkdir()
        return "empty folder", ["in"]

    def many_empty(f: Path) -> tuple[str, list[str]]:
        (f / "in").mkdir()
        for k in range(500):
            (f / "in" / f"e{k}.html").write_bytes(b"")
        return "500 empty files", ["in"]

    def sparse(f: Path) -> tuple[str, list[str]]:
        with open(f / "sparse.txt", "wb") as h:
            h.truncate(30 << 30)
        return "30 GiB sparse .txt", ["sparse.txt"]

    def sparse_jsonl(f: Path) -> tuple[str, list[str]]:
        with open(f / "sparse.jsonl", "wb") as h:
            h.write(b'{"text": "a b c"}\n')
            h.truncate(4 << 30)
        return "4 GiB sparse .jsonl after one record", ["sparse.jsonl"]

    def self_link_dir(f: Path) -> tuple[str, list[str]]:
        (f / "in").mkdir()
        (f / "in" / "a.txt").write_bytes(text)
        os.symlink("..", f / "in" / "up")
        return "symlink to the parent folder", ["in"]

    def deep_dirs(f: Path) -> tuple[str, list[str]]:
        path = f / "in"
        for _ in range(60):
            path = path / "d"
        path.mkdir(parents=True)
        (path / "a.txt").write_bytes(text)
        return "a page 60 folders deep", ["in"]

    makers: list[Callable[[Path], tuple[str, list[str]]]] = [
        looping, dangling, link_to("/dev/zero"), link_to("/dev/urandom"),
        link_to("/proc/self/mem"), link_to("/etc/passwd"), link_to("/proc/self/environ"),
        arg("/dev/zero"), arg("/dev/urandom"), arg("/dev/null"), arg("/proc/self/mem"),
        arg("/proc/self/status"), unreadable, unreadable_dir, fifo_arg,
        fifo_in_folder, fifo_sidecar, sidecar_dir, sidecar_loop, folder_named_html, missing,
        empty_folder, many_empty, sparse, sparse_jsonl, self_link_dir, deep_dirs,
        sidecar(b"{", "invalid JSON"), sidecar(b"[1,2]", "a list"),
        sidecar(b'{"title": {"a": 1}, "authors": [1, 2], "published": "2024-13-45"}',
                "wrong types"),
        sidecar(b"[" * 100_000 + b"]" * 100_000, "nested 100,000 deep"),
        sidecar(bytes(range(256)) * 10, "binary"), sidecar(b"{}" + b" " * 2_000_000, "2 MB"),
        sidecar(b'{"title": "\\ud800", "url": "http://[x"}', "lone surrogate, bad URL"),
        sidecar(b'{"title": "\\ud800"}', "lone surrogate in the title"),
        sidecar(b'{"url": "http://[x"}', "a URL the standard library refuses"),
    ]
    for name in [b"\xff\xfe.html", b"new\nline.html", b"-rf.html", b"%s%n.html",
                 b"a" * 250 + b".html", b"\xe2\x80\xae lmth.txt", b" .html", b"back\\slash.html",
                 b"tab\t.html", b"\x1b[31mred.html", b"x.meta.json.html", b"CON.html",
                 b"quote\".html", b"star*.html", b"\xc3(.txt"]:
        makers.append(odd_name(name))
    return makers


CLASSES = ("truncation", "byte_flips", "nuls", "charsets", "boms", "gzip", "warc", "entities",
           "nesting", "giants", "punctuation", "jsonl_types", "filesystem", "stdin", "settings")


def generate(root: Path, seed: int = 14, scale: float = 1.0, light: bool = False
             ) -> list[Case]:
    """Write every case under ``root`` and return them; ``scale`` shrinks the mutation
    classes, ``light`` leaves out the bombs and giant pages (the CI subset)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    b = Builder(root, load_seeds(rng), rng, light)

    def k(count: int) -> int:
        return max(1, round(count * scale))

    b.truncation(k(100))
    b.byte_flips(k(120))
    b.nuls(k(50))
    b.charsets(k(80))
    b.boms(k(56))
    b.gzip_cases(k(60))
    b.warc(k(70))
    b.entities(k(40))
    b.nesting(k(48))
    b.giants(k(45))
    b.punctuation(k(84))
    b.jsonl_types(k(220))
    b.filesystem(_fs_cases(b))
    b.stdin()
    b.settings()
    return b.cases
