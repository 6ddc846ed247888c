"""The records that flow between stages.

Every record is a frozen dataclass so stages stay pure and their inputs picklable
(the same code runs on one core, many cores or a cluster).  ``to_dict`` gives the
JSON shape promised in DESIGN.md; ``from_dict`` reads it back, so JSON round-trips.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """One input document as read from disk/stdin, before any interpretation.

    ``name`` identifies the input for error messages and provenance: a path, or a
    path plus a locator (``feed.jsonl:12``, ``crawl.warc.gz#record-3``).
    ``hints`` carries metadata supplied beside the content (JSONL fields, sidecar
    files, ``--published``): these override what extraction finds.
    """

    name: str
    content: bytes
    url: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    media_type: str | None = None  # declared type (WARC/HTTP header), if any
    declared_charset: str | None = None


@dataclass(frozen=True)
class Removed:
    """A part of the input that is not article text, kept so a reader can audit the cut.

    Lines are 1-based and inclusive, counted in the decoded input.
    """

    text: str
    reason: str
    start_line: int
    end_line: int

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Evidence:
    """Why a metadata value was chosen: where it came from and the text that says so."""

    kind: str  # e.g. "meta:article:published_time", "dateline", "weekday+date", "years-since"
    text: str
    detail: str = ""
    # Evidence from another article of the story ("story"): that article and where in
    # its text ``text`` stands; left out of the JSON when not set.
    article_id: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text, "detail": self.detail}
        if self.article_id is not None:
            out.update(article_id=self.article_id, start=self.start, end=self.end)
        return out


@dataclass(frozen=True)
class PublishedDate:
    """A publication date that may be exact, a range, or unknown.

    ``value`` is an ISO date only when the evidence fixes the day; otherwise it is
    None and ``earliest``/``latest`` bound what is known (either may be None).
    """

    value: str | None = None
    earliest: str | None = None
    latest: str | None = None
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "earliest": self.earliest,
            "latest": self.latest,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PublishedDate:
        return cls(
            value=d.get("value"),
            earliest=d.get("earliest"),
            latest=d.get("latest"),
            evidence=tuple(Evidence(**e) for e in d.get("evidence", [])),
        )


@dataclass(frozen=True)
class Problem:
    """A coded error or warning attached to an input (see errors.py for the catalogue)."""

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Extraction:
    """What one extractor (HTML or plain text) found in a page, before stated hints apply.

    Both modes return this one record so the pipeline treats them alike; fields a mode
    cannot know stay at their defaults (text mode has no markup date, HTML no dateline).
    """

    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    section: str | None = None
    published: PublishedDate = field(default_factory=PublishedDate)
    language: str | None = None
    warnings: tuple[Problem, ...] = ()
    dateline: str | None = None  # a raw date line near the top of a text page
    republished_from: str | None = None  # the outlet a syndication notice names
    format: str = "text"

    @property
    def text(self) -> str:
        """Paragraphs separated by one blank line, the shape ``Article.text`` has."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Article:
    """The clean article: body text plus metadata, and what was cut away."""

    id: str
    source: str
    url: str | None
    format: str  # "html" | "text"
    title: str | None
    authors: tuple[str, ...]
    outlet: str | None
    section: str | None
    published: PublishedDate
    text: str  # paragraphs separated by one blank line
    removed: tuple[Removed, ...] = ()
    language: str | None = None
    warnings: tuple[Problem, ...] = ()
    error: Problem | None = None
    content_sha1: str = ""
    republished_from: str | None = None  # the outlet a syndication notice names as original

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "format": self.format,
            "title": self.title,
            "authors": list(self.authors),
            "outlet": self.outlet,
            "section": self.section,
            "published": self.published.to_dict(),
            "language": self.language,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "warnings": [w.to_dict() for w in self.warnings],
            "error": self.error.to_dict() if self.error else None,
            "content_sha1": self.content_sha1,
            # Who the article says it got what from; "cites" is filled by annotation.
            "provenance": {"republished_from": self.republished_from, "cites": []},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            source=d["source"],
            url=d.get("url"),
            format=d.get("format", "text"),
            title=d.get("title"),
            authors=tuple(d.get("authors", [])),
            outlet=d.get("outlet"),
            section=d.get("section"),
            published=PublishedDate.from_dict(d.get("published") or {}),
            text=d.get("text", ""),
            removed=tuple(Removed(**r) for r in d.get("removed", [])),
            language=d.get("language"),
            warnings=tuple(Problem(**w) for w in d.get("warnings", [])),
            error=Problem(**d["error"]) if d.get("error") else None,
            content_sha1=d.get("content_sha1", ""),
            republished_from=(d.get("provenance") or {}).get("republished_from"),
        )


@dataclass(frozen=True)
class Failure:
    """An input that could not be turned into a Source or an Article, with its coded problem."""

    name: str
    problem: Problem

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.name, "error": self.problem.to_dict()}


# --- facts found on an article's text (annotate stage) ------------------------------------
#
# Every fact points at the characters it came from: a ``Span`` holds offsets into the clean
# ``Article.text`` (Python string indices) and the text itself, so ``text[start:end] ==
# span.text`` can always be checked.


@dataclass(frozen=True)
class Span:
    """Characters ``start``..``end`` (end exclusive) of the article text, and those characters."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text`` from ``start`` to ``end``: the one way to build spans."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


def _span_or_none(d: dict[str, Any] | None) -> Span | None:
    return Span.from_dict(d) if d else None


@dataclass(frozen=True)
class Role:
    """A role or title given to an entity ("Kremlin aide", "Defense Minister"), with its span.

    ``kind`` says how it was found: ``apposition`` ("Yuri Ushakov, a Kremlin aide"),
    ``premodifier`` ("Defense Minister Andrey Belousov"), ``copula`` ("X is a professor").
    """

    text: str
    span: Span
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span.to_dict(), "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Role:
        return cls(d["text"], Span.from_dict(d["span"]), d["kind"])


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or group named in one article, with every mention.

    ``id`` is local to the article (``e1``, ``e2``… in order of first mention); ``name``
    is the fullest form the article uses ("Vladimir Putin" for "Putin"); ``label`` is
    PERSON, ORG, GPE, LOC, NORP, FAC or EVENT.
    """

    id: str
    name: str
    label: str
    mentions: tuple[Span, ...]
    roles: tuple[Role, ...] = ()

    @property
    def aliases(self) -> list[str]:
        """The distinct surface forms the article uses, in order of first use."""
        return list(dict.fromkeys(m.text for m in self.mentions))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "aliases": self.aliases,
            "mentions": [m.to_dict() for m in self.mentions],
            "roles": [r.to_dict() for r in self.roles],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            name=d["name"],
            label=d["label"],
            mentions=tuple(Span.from_dict(m) for m in d.get("mentions", [])),
            roles=tuple(Role.from_dict(r) for r in d.get("roles", [])),
        )


@dataclass(frozen=True)
class Quote:
    """Who said what: a direct quote or reported (indirect) speech.

    ``speaker`` is the span naming the speaker where the text says it (a name, "he",
    "the official"), ``entity`` the id of the entity it resolves to (None when it does
    not resolve); ``cue`` is the reporting verb or phrase ("said", "according to").
    """

    kind: str  # "direct" | "indirect"
    content: Span
    speaker: Span | None = None
    cue: Span | None = None
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "content": self.content.to_dict(),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "entity": self.entity,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            kind=d["kind"],
            content=Span.from_dict(d["content"]),
            speaker=_span_or_none(d.get("speaker")),
            cue=_span_or_none(d.get("cue")),
            entity=d.get("entity"),
        )


@dataclass(frozen=True)
class Figure:
    """A number with what it counts or measures.

    ``value`` is the number as stated, scaled ("$33.3 million" → 33300000.0); a range
    ("10 to 12", "19-20 percent") has ``value`` at its low end and ``upper`` at its high
    end. ``unit`` is an ISO 4217 code for money ("USD"), "%" for percentages, "x" for
    multipliers ("ninefold"), a measurement unit ("km", "t"), or None for plain counts.
    ``what`` is what is counted or measured ("containers of munitions"); ``hedge`` keeps
    the qualifier the text gives ("about", "nearly", "over", "at least", "up to").
    ``kind`` is money, percent, multiplier, measure or count.
    """

    span: Span
    kind: str
    value: float | None
    unit: str | None = None
    what: str | None = None
    what_span: Span | None = None
    hedge: str | None = None
    upper: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "kind": self.kind,
            "value": self.value,
            "upper": self.upper,
            "unit": self.unit,
            "what": self.what,
            "what_span": self.what_span.to_dict() if self.what_span else None,
            "hedge": self.hedge,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        return cls(
            span=Span.from_dict(d["span"]),
            kind=d["kind"],
            value=d.get("value"),
            unit=d.get("unit"),
            what=d.get("what"),
            what_span=_span_or_none(d.get("what_span")),
            hedge=d.get("hedge"),
            upper=d.get("upper"),
        )


@dataclass(frozen=True)
class TimeRef:
    """A time expression normalised TimeML-style against the article's publication date.

    ``type`` is DATE, TIME, DURATION or SET; ``value`` a TimeML value ("2024-06-18",
    "2023-09", "2024-W25", "P24Y", "PRESENT_REF") or None when it cannot be fixed.
    ``earliest``/``latest`` (ISO dates) bound the value when it is uncertain: an inferred
    anchor, or a range such as "June 19-20". ``mod`` is TimeML's modifier (APPROX,
    START, …); ``anchored`` says the value was computed from the publication date.
    """

    span: Span
    type: str
    value: str | None
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None
    anchored: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "type": self.type,
            "value": self.value,
            "earliest": self.earliest,
            "latest": self.latest,
            "mod": self.mod,
            "anchored": self.anchored,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeRef:
        return cls(
            span=Span.from_dict(d["span"]),
            type=d["type"],
            value=d.get("value"),
            earliest=d.get("earliest"),
            latest=d.get("latest"),
            mod=d.get("mod"),
            anchored=bool(d.get("anchored", False)),
        )


@dataclass(frozen=True)
class Attribution:
    """Where the article says information came from, as a chain.

    ``sources`` runs from the nearest source outward: "Bloomberg reports, citing South
    Korea's defense ministry" gives (Bloomberg, South Korea's defense ministry) — the
    article got it from Bloomberg, which got it from the ministry. ``kind`` is
    according_to, reported, citing, credit (photo/agency credits) or republished.
    """

    kind: str
    sources: tuple[Span, ...]
    cue: Span | None = None
    content: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "sources": [s.to_dict() for s in self.sources],
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict() if self.content else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(
            kind=d["kind"],
            sources=tuple(Span.from_dict(s) for s in d.get("sources", [])),
            cue=_span_or_none(d.get("cue")),
            content=_span_or_none(d.get("content")),
        )


# One time expression unit: its start and end, the verb tense it depends on, and the
# (start, end) of each scanner candidate it is made of (a clock time joined to its day is two).
TimexUnitRecord = tuple[int, int, str | None, tuple[tuple[int, int], ...]]


@dataclass(frozen=True)
class Facts:
    """Everything the annotate stage found on one article's text."""

    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    timexes: tuple[TimeRef, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    # What the parse decided about the article's time expressions, valued or not
    # (``annotation.timex.unit_records``): kept with the facts so that the cross-check can
    # value them again on another day without parsing the article again. Not part of the
    # dossier; None for facts stored before it was kept (the cross-check parses then).
    timex_units: tuple[TimexUnitRecord, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The facts as the dossier's article record holds them."""
        return {
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "timexes": [t.to_dict() for t in self.timexes],
            "attributions": [a.to_dict() for a in self.attributions],
        }

    def stored_dict(self) -> dict[str, Any]:
        """``to_dict`` plus what only later stages read (the store's facts record)."""
        record = self.to_dict()
        if self.timex_units is not None:
            record["timex_units"] = [[s, e, t, [list(c) for c in cands]]
                                     for s, e, t, cands in self.timex_units]
        return record

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Facts:
        units = d.get("timex_units")
        return cls(
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", [])),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", [])),
            figures=tuple(Figure.from_dict(f) for f in d.get("figures", [])),
            timexes=tuple(TimeRef.from_dict(t) for t in d.get("timexes", [])),
            attributions=tuple(Attribution.from_dict(a) for a in d.get("attributions", [])),
            timex_units=None if units is None else tuple(
                (s, e, t, tuple((a, b) for a, b in cands)) for s, e, t, cands in units),
        )


@dataclass(frozen=True)
class Annotated:
    """An article together with the facts found on its text (what ``annotate`` yields)."""

    article: Article
    facts: Facts
