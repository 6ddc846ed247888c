"""Source → Article: decode, pick HTML or text mode, extract, settle metadata.

This is the one place that decides precedence between what the user stated
(JSONL fields, sidecar files, ``--published``), what the page's markup says, and
what is inferred from the body — so every mode gets the same rules.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..budget import OverBudget, time_budget
from ..config import Settings
from ..crosscheck.boilerplate import only_boilerplate
from ..errors import NewsdeskError, problem
from ..ingest import decode, sniff_format
from ..model import Article, Evidence, Extraction, Failure, Problem, PublishedDate, Source
from .dates import infer_published
from .html import extract_html
from .language import decide_language, is_english
from .text import extract_plain_text, given_text, signup_wall


def source_id(source: Source) -> str:
    """Content hash of the raw input: the same bytes give the same id on every run."""
    return hashlib.sha256(source.content).hexdigest()[:16]


def body_text(paragraphs: Sequence[str]) -> str:
    """An article's text as stored: its non-empty paragraphs, trimmed, a blank line apart
    (also what E206 judges, so the check reads exactly the text the article would get)."""
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())


def extract_source(source: Source, settings: Settings) -> Article | Failure:
    """Turn one Source into an Article, or a Failure carrying a coded problem."""
    try:
        with time_budget(settings.doc_seconds):
            decoded = decode(source)
            fmt = sniff_format(decoded.text, source.media_type)
            found = (
                _extract_html(decoded.text, source)
                if fmt == "html"
                else _extract_text(decoded.text, source)
            )
        if not found.paragraphs:
            raise NewsdeskError("E200")
        if only_boilerplate(body_text(found.paragraphs)) or signup_wall(found):
            raise NewsdeskError("E206")
    except OverBudget:
        return Failure(source.name, problem("E204", seconds=settings.doc_seconds))
    except NewsdeskError as err:
        return Failure(source.name, err.problem)
    except RecursionError:
        return Failure(source.name, problem("E201", detail="nesting too deep"))
    except Exception as err:  # a bug on one page must not end a crawl of thousands
        return Failure(source.name, problem("E202", detail=f"{type(err).__name__}: {err}"))
    return _to_article(source, found, decoded.warnings, settings)


def _extract_html(html: str, source: Source) -> Extraction:
    ex = extract_html(html, source.url)
    if ex.published.value is None:
        inferred = infer_published(ex.paragraphs, title=ex.title)
        ex = replace(ex, published=_merge_ranges(ex.published, inferred))
    return ex


def _extract_text(text: str, source: Source) -> Extraction:
    ex = given_text(text) if source.hints.get("clean") is True else extract_plain_text(text)
    return replace(
        ex, published=infer_published(ex.paragraphs, title=ex.title, dateline=ex.dateline)
    )


def _merge_ranges(markup: PublishedDate, inferred: PublishedDate) -> PublishedDate:
    """Markup gave no exact day: the body's evidence, when it has any, is the better guide."""
    return inferred if inferred.value is not None or inferred.evidence else markup


def _to_article(
    source: Source, found: Extraction, decode_warnings: Sequence[Problem], settings: Settings
) -> Article:
    hints = source.hints
    text = body_text(found.paragraphs)
    warnings = list(decode_warnings) + list(found.warnings)
    warnings += [w for w in hints.get("_warnings", []) if isinstance(w, Problem)]
    language = decide_language(text, found.language)
    if language and not is_english(language):
        warnings.append(problem("W200", language=language))
    if len(text) < settings.short_body_chars:
        warnings.append(problem("W202", chars=len(text)))
    published = found.published
    stated = hints.get("published")
    if stated:
        given = infer_published((), stated=str(stated))
        if given.value or given.earliest or given.latest:
            published = given
        else:
            warnings.append(problem("W104", value=stated))
    if hints.get("fetched"):
        published = _bound_by_fetch(published, str(hints["fetched"]),
                                    str(hints.get("fetched_by") or "WARC-Date"))
    return Article(
        id=source_id(source),
        source=source.name,
        url=_str_hint(hints, "url") or source.url,
        format=found.format,
        title=_str_hint(hints, "title") or found.title,
        authors=_authors_hint(hints) or found.authors,
        outlet=_str_hint(hints, "outlet") or found.outlet,
        section=_str_hint(hints, "section") or found.section,
        published=published,
        text=text,
        removed=found.removed,
        language=language,
        warnings=tuple(warnings),
        content_sha1=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        republished_from=found.republished_from,
    )


def _bound_by_fetch(published: PublishedDate, fetched: str, how: str = "WARC-Date"
                    ) -> PublishedDate:
    """A page cannot be published after it was crawled: the WARC date, or the time newsdesk
    read it from the web (``how`` says which), is an upper bound.

    Only an open or later upper bound is tightened; an exact date is left as found.
    """
    day = fetched[:10]
    if published.value is not None or len(day) != 10:
        return published
    if published.latest is not None and published.latest <= day:
        return published
    if published.earliest is not None and published.earliest > day:
        return published  # contradicts the body's evidence: keep that, don't invent a range
    why = f"the page was fetched then ({how}), so it was published no later"
    return replace(
        published,
        latest=day,
        evidence=(*published.evidence, Evidence("fetched", fetched, why)),
    )


def _str_hint(hints: dict[str, Any], key: str) -> str | None:
    value = hints.get(key)
    return str(value).strip() or None if value else None


def _authors_hint(hints: dict[str, Any]) -> tuple[str, ...]:
    value = hints.get("authors") or hints.get("author")
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split(";") if a.strip())
    if isinstance(value, list):
        return tuple(str(a).strip() for a in value if str(a).strip())
    return ()


__all__ = ["extract_source", "source_id"]
