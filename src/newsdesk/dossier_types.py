"""The dossier as typed records: what ``analyze`` returns to a Python caller beside its JSON.

The JSON (``schemas/dossier-1.json``) stays the contract; these frozen dataclasses mirror it
field for field, so a script reads ``story.claims[0].support[0].text`` with its editor's
completion and mypy's checking instead of string keys (issue 16, item 5). Every key of the
JSON is a field here — ``tests/test_dossier_types.py`` converts real dossiers and checks
that nothing is dropped — and ``to_json`` gives the JSON back. Parts whose shape belongs to
the annotation contract (an article's own entities, quotes, time expressions) stay plain
dicts, as the extract/annotate records give them.

One generic reader (``_read``) builds every record from its type hints, so a field added to
the schema is one line here, not a hand-written parser per class.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

Json = dict[str, Any]


@dataclass(frozen=True)
class Span:
    """A stretch of text by character offsets (in the article, or in its title)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """The characters of one article a statement comes from: what an analyst checks."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str | None = None  # for a place: how the article names it (dateline, "in Town" ...)


@dataclass(frozen=True)
class Claim:
    id: str
    text: str
    status: str  # corroborated / single_source / contested ...
    independent_sources: int
    speaker: str | None
    stance: dict[str, str]  # outlet -> supports / contradicts ...
    support: tuple[Sentence, ...]
    origins: tuple[str, ...]  # who the claim is attributed to, as the articles say
    traced_to: Json | None = None  # {"kind": "agency" | "state_media", "outlets": [...]}


@dataclass(frozen=True)
class ConflictSide:
    article_id: str
    value: str
    date: str | None
    span: Span
    claim: Span


@dataclass(frozen=True)
class Conflict:
    about: str
    kind: str
    status: str
    confidence: str  # "conflict" (shown as one) or "check" (a difference to check)
    similarity: float | None
    reason: str
    claim_id: str | None
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True)
class Figure:
    kind: str
    value: float
    upper: float | None
    unit: str | None
    what: str | None
    hedge: str | None
    independent_sources: int
    single_source: bool
    sources: tuple[Sentence, ...]


@dataclass(frozen=True)
class TimeValue:
    value: str
    start: str
    end: str
    precision: str


@dataclass(frozen=True)
class TimelineEntry:
    date: TimeValue
    text: str
    sources: int
    support: tuple[Sentence, ...]
    event: bool | None = None  # the story's own event (its day at the head of the timeline)


@dataclass(frozen=True)
class Candidate:
    """One value a story fact was chosen among, with the articles and spans that give it."""

    value: str
    how: str | None
    articles: int
    article_ids: tuple[str, ...]
    support: tuple[Sentence, ...]


@dataclass(frozen=True)
class Certainty:
    """How sure a story fact is: stated as fact only when ``certain``, else shown as
    unclear with its ``candidates`` (the chosen value first)."""

    confidence: float
    certain: bool
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Evidence:
    article_id: str
    span: Span
    sentence: Span
    text: str


@dataclass(frozen=True)
class EventDate:
    value: str
    start: str
    end: str
    precision: str
    basis: str  # stated / narrowed / published ...
    votes: int | None
    evidence: tuple[Evidence, ...]
    certainty: Certainty | None = None


@dataclass(frozen=True)
class Place:
    name: str | None
    city: str | None
    state: str | None
    country: str | None
    support: tuple[Sentence, ...]
    certainty: Certainty | None = None


@dataclass(frozen=True)
class CountReport:
    article_id: str
    published: str | None
    value: int
    how: str | None
    span: Span | None
    spans: tuple[Span, ...]
    hedge: str | None = None
    headline: tuple[Any, ...] = ()


@dataclass(frozen=True)
class StoryCount:
    what: str  # killed, injured, arrested, missing ...
    value: int
    status: str
    reports: tuple[CountReport, ...]
    certainty: Certainty | None = None


@dataclass(frozen=True)
class StoryFacts:
    event_date: EventDate | None
    place: Place | None
    counts: tuple[StoryCount, ...]


@dataclass(frozen=True)
class Role:
    article_id: str
    text: str
    kind: str
    span: Span


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    mentions: tuple[Sentence, ...]
    quotes: tuple[str, ...]  # "ARTICLE/quotes/N": the quote in its article's record


@dataclass(frozen=True)
class Evidenced:
    kind: str
    text: str


@dataclass(frozen=True)
class Credit:
    id: str
    name: str
    text: str


@dataclass(frozen=True)
class OutletIdentity:
    id: str
    name: str
    owner: str | None
    country: str | None
    state_media: str | None
    wire: bool
    evidence: tuple[Evidenced, ...]
    credits: tuple[Credit, ...]


@dataclass(frozen=True)
class Reprint:
    article_id: str
    original_id: str


@dataclass(frozen=True)
class Source:
    outlet: str | None
    article_ids: tuple[str, ...]
    reprints: tuple[Reprint, ...]
    identity: OutletIdentity | None = None


@dataclass(frozen=True)
class Shared:
    names: tuple[str, ...]
    numbers: tuple[str, ...]
    title_words: tuple[str, ...]


@dataclass(frozen=True)
class Join:
    """Why an article is in its story: the article it joined and what they share."""

    article_id: str
    via: str | None
    probability: float
    shared: Shared | None
    days_apart: int | None
    same_person: str | None = None
    same_incident: str | None = None


@dataclass(frozen=True)
class SummarySentence:
    text: str
    claim_id: str | None
    support: tuple[Sentence, ...]


@dataclass(frozen=True)
class ThreadLink:
    id: str
    stories: int
    keys: tuple[str, ...]
    via: str | None
    kind: str | None
    shared: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    joined: tuple[Join, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    figures: tuple[Figure, ...]
    timeline: tuple[TimelineEntry, ...]
    summary: tuple[SummarySentence, ...]
    sources: tuple[Source, ...]
    facts: StoryFacts | None = None
    thread: ThreadLink | None = None

    def claims_with(self, status: str) -> tuple[Claim, ...]:
        """The story's claims of one status ("single_source", "corroborated" ...)."""
        return tuple(c for c in self.claims if c.status == status)


@dataclass(frozen=True)
class Thread:
    id: str
    keys: tuple[str, ...]
    story_ids: tuple[str, ...]


@dataclass(frozen=True)
class ArticleRecord:
    """One article as the dossier holds it; its facts as the annotate record gives them."""

    id: str
    source: str
    url: str | None
    title: str | None
    outlet: str | None
    section: str | None
    language: str | None
    format: str | None
    content_sha1: str | None
    published: Json | None
    authors: tuple[str, ...]
    text: str
    error: Json | None
    warnings: tuple[Any, ...]
    flags: tuple[Any, ...]
    removed: tuple[Json, ...]
    provenance: Json | None
    entities: tuple[Json, ...]
    quotes: tuple[Json, ...]
    attributions: tuple[Json, ...]
    figures: tuple[Json, ...]
    timexes: tuple[Json, ...]
    retrieved: str | None = None  # a web page's first retrieval (UTC, ISO 8601)


@dataclass(frozen=True)
class ErrorRecord:
    code: str
    message: str


@dataclass(frozen=True)
class FailureRecord:
    source: str
    error: ErrorRecord


@dataclass(frozen=True)
class Dossier:
    schema: str
    generator: str
    stories: tuple[Story, ...]
    articles: tuple[ArticleRecord, ...] = ()
    failures: tuple[FailureRecord, ...] = ()
    threads: tuple[Thread, ...] = ()

    def story(self, story_id: str) -> Story:
        """The story with this id (KeyError when the dossier holds none)."""
        for story in self.stories:
            if story.id == story_id:
                return story
        raise KeyError(story_id)

    def article(self, article_id: str) -> ArticleRecord:
        """The article with this id (KeyError when the dossier holds none)."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def to_json(self) -> Json:
        """The dossier's JSON again (a field the schema does not require — one with a
        default here — is left out when it is None)."""
        out: Json = _plain(self)
        return out


def dossier_from_json(data: Json) -> Dossier:
    """The typed records of a dossier given as its JSON (``json.load`` of ``--json``)."""
    dossier: Dossier = _read(Dossier, data)
    return dossier


def read_dossier(path: str | Path) -> Dossier:
    """The typed records of a dossier JSON file written by ``analyze``."""
    return dossier_from_json(json.loads(Path(path).read_text(encoding="utf-8")))


# --- the one generic reader -------------------------------------------------------------

@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _read(kind: Any, value: Any) -> Any:
    """``value`` (parsed JSON) as the type ``kind``: dataclasses field by field, tuples
    item by item, ``X | None`` as X unless None; anything else as it is."""
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        return _read(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return tuple(_read(item, v) for v in value)
    if origin is dict:
        return dict(value)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        return kind(**{f.name: _read(hints[f.name], value[f.name])
                       for f in dataclasses.fields(kind) if f.name in value})
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _plain(value: Any) -> Any:
    """A record as JSON: tuples as lists, a defaulted field left out when None."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not (getattr(value, f.name) is None and f.default is None)}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
