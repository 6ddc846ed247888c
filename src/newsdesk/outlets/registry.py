"""The outlet registry: who an outlet is, shipped as data and extendable by the user.

The shipped entries live in ``data/*.toml`` (one file per family: wire agencies, state
media, world outlets, ...); a user file (setting ``outlets``, ``NEWSDESK_OUTLETS``) in the
same format adds outlets or overrides shipped ones field by field. Each entry::

    [outlets.tass]                       # the id: lower-case letters, digits, - and _
    name = "TASS"                        # required
    aliases = ["ITAR-TASS"]              # other names pages use for it
    domains = ["tass.com", "tass.ru"]    # web domains (a subdomain belongs to its domain)
    email_domains = []                   # defaults to the domains
    owner = "Government of Russia"       # owner or group: outlets of one owner count once
    country = "RU"                       # ISO 3166 alpha-2
    state = "RU"                         # state media of this country (editorial control)
    wire = true                          # a news agency whose copy others carry

Hosting platforms (``[platforms] hosts = [...]``) are domains whose subdomains are
different sites (``someone.wordpress.com``). A file that cannot be read, is not TOML, or
has an entry of the wrong shape is error E002, naming the file and the entry.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import NewsdeskError

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_STRINGS = ("aliases", "domains", "email_domains")
_TEXTS = ("name", "owner", "country", "state")
_FIELDS = frozenset((*_STRINGS, *_TEXTS, "wire"))


@dataclass(frozen=True)
class Outlet:
    """One outlet of the registry."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    email_domains: tuple[str, ...] = ()
    owner: str | None = None
    country: str | None = None
    state: str | None = None  # the country whose state controls it (state media)
    wire: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "owner": self.owner,
                "country": self.country, "state_media": self.state, "wire": self.wire}


def name_key(name: str) -> str:
    """How names are compared: accents, case, punctuation and a leading "the" ignored
    ("The Guardian" = "guardian", "Süddeutsche.de" = "suddeutsche de")."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"[^\w]+", " ", plain).strip()
    return re.sub(r"^the ", "", plain)


@dataclass(frozen=True)
class Registry:
    """The outlets, with lookups by domain, e-mail domain and name."""

    outlets: Mapping[str, Outlet]
    platforms: frozenset[str] = frozenset()
    _by_domain: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _by_email: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _by_name: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for outlet in sorted(self.outlets.values(), key=lambda o: o.id):
            for domain in outlet.domains:
                self._by_domain.setdefault(domain, outlet.id)
            for domain in outlet.email_domains or outlet.domains:
                self._by_email.setdefault(domain, outlet.id)
            for name in outlet.names:
                self._by_name.setdefault(name_key(name), outlet.id)

    def get(self, outlet_id: str) -> Outlet | None:
        return self.outlets.get(outlet_id)

    def by_host(self, host: str) -> Outlet | None:
        """The outlet whose domain is the host or holds it (``edition.cnn.com`` -> CNN);
        the longest matching domain wins (``news.bbc.co.uk`` before ``bbc.co.uk``)."""
        return self._suffix(host, self._by_domain)

    def by_email_domain(self, domain: str) -> Outlet | None:
        return self._suffix(domain, self._by_email)

    def by_name(self, name: str) -> Outlet | None:
        found = self._by_name.get(name_key(name))
        return self.outlets[found] if found else None

    def _suffix(self, host: str, table: dict[str, str]) -> Outlet | None:
        labels = host.lower().strip(".").split(".")
        for i in range(len(labels) - 1):
            found = table.get(".".join(labels[i:]))
            if found:
                return self.outlets[found]
        return None


def _problem(where: str, detail: str) -> NewsdeskError:
    return NewsdeskError("E002", path=where, detail=detail)


def _entry(where: str, outlet_id: str, raw: Any, base: Outlet | None) -> Outlet:
    """One entry checked field by field; over a shipped ``base`` it changes only the
    fields it names."""
    if not _ID.match(outlet_id):
        raise _problem(where, f"outlet id {outlet_id!r}: use lower-case letters, digits, "
                              "'-' and '_'")
    if not isinstance(raw, dict):
        raise _problem(where, f"outlet {outlet_id!r} is not a table of fields")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise _problem(where, f"outlet {outlet_id!r} has unknown field(s) {unknown}; "
                              f"known: {sorted(_FIELDS)}")
    values: dict[str, Any] = {}
    for key in _TEXTS:
        if key in raw:
            if not isinstance(raw[key], str) or not raw[key].strip():
                raise _problem(where, f"outlet {outlet_id!r}: {key} must be a non-empty "
                                      "string")
            values[key] = raw[key].strip()
    for key in ("country", "state"):
        if key in values and not _COUNTRY.match(values[key]):
            raise _problem(where, f"outlet {outlet_id!r}: {key} {values[key]!r} is no "
                                  "two-letter country code (ISO 3166, e.g. \"RU\")")
    for key in _STRINGS:
        if key in raw:
            items = raw[key]
            if not isinstance(items, list) or not all(
                    isinstance(s, str) and s.strip() for s in items):
                raise _problem(where, f"outlet {outlet_id!r}: {key} must be a list of "
                                      "strings")
            values[key] = tuple(s.strip().lower() if key != "aliases" else s.strip()
                                for s in items)
    for key in ("domains", "email_domains"):
        for domain in values.get(key, ()):
            if not _DOMAIN.match(domain):
                raise _problem(where, f"outlet {outlet_id!r}: {domain!r} in {key} is no "
                                      "domain name (write \"example.com\", no scheme or path)")
    if "wire" in raw:
        if not isinstance(raw["wire"], bool):
            raise _problem(where, f"outlet {outlet_id!r}: wire must be true or false")
        values["wire"] = raw["wire"]
    if base is not None:
        return replace(base, **values)
    if "name" not in values:
        raise _problem(where, f"outlet {outlet_id!r} has no name")
    return Outlet(id=outlet_id, **values)


def parse_registry(text: str, where: str,
                   base: Mapping[str, Outlet] | None = None,
                   platforms: Iterable[str] = ()) -> tuple[dict[str, Outlet], set[str]]:
    """The outlets and platform hosts of one TOML text, laid over ``base``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _problem(where, f"not valid TOML ({exc})") from None
    unknown = sorted(set(data) - {"outlets", "platforms"})
    if unknown:
        raise _problem(where, f"unknown table(s) {unknown}; expected [outlets.ID] and "
                              "[platforms]")
    outlets = dict(base or {})
    entries = data.get("outlets", {})
    if not isinstance(entries, dict):
        raise _problem(where, "outlets must be a table of [outlets.ID] entries")
    for outlet_id, raw in entries.items():
        outlets[outlet_id] = _entry(where, outlet_id, raw, outlets.get(outlet_id))
    hosts = set(platforms)
    table = data.get("platforms", {})
    listed = table.get("hosts", []) if isinstance(table, dict) else None
    if not isinstance(listed, list) or not all(
            isinstance(h, str) and _DOMAIN.match(h.lower()) for h in listed):
        raise _problem(where, "[platforms] hosts must be a list of domain names")
    hosts.update(h.lower() for h in listed)
    return outlets, hosts


def shipped_files() -> list[tuple[str, str]]:
    """(name, text) of the registry files shipped in the package, in name order."""
    folder = resources.files("newsdesk.outlets") / "data"
    return sorted((f.name, f.read_text("utf-8")) for f in folder.iterdir()
                  if f.name.endswith(".toml"))


@lru_cache(maxsize=4)
def load_registry(user_text: str = "", user_name: str = "outlets file",
                  only: tuple[str, ...] | None = None) -> Registry:
    """The shipped registry (its files named in ``only``, when given) with the user's
    file text laid over it. Cached: every story of a run asks for the same registry."""
    outlets: dict[str, Outlet] = {}
    hosts: set[str] = set()
    for name, text in shipped_files():
        if only is None or name in only:
            outlets, hosts = parse_registry(text, f"newsdesk/outlets/data/{name}",
                                            outlets, hosts)
    if user_text:  # over the shipped entries: an override names only what it changes
        outlets, hosts = parse_registry(user_text, user_name, outlets, hosts)
    return Registry(outlets, frozenset(hosts))


def read_user_file(path: str) -> str:
    """The text of the user's outlet file (setting ``outlets``); E002 when unreadable."""
    if not path:
        return ""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise _problem(path, f"cannot read it ({exc})") from None
    load_registry(text, path)  # a bad file fails now, before any work
    return text
