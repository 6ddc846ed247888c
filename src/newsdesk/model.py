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

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


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
