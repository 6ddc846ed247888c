"""Run the fact finders over articles in batches and put their results on the ``Doc``.

spaCy does the expensive part (tagging, parsing, NER) once per article through
``nlp.pipe``; each finder is a plain function over the parsed ``Doc``. Results are
returned as :class:`Facts` records and also written as named span groups
(``doc.spans["quotes"]`` …), spaCy's own place for overlapping annotations, so a
caller working in spaCy sees them where it expects.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..errors import problem
from ..extraction.language import is_english
from ..model import Article, Facts, Problem, Span
from .entities import find_entities
from .entities import write_span_groups as write_entity_groups
from .figures import find_figures
from .nlp import parse_ready
from .speech import find_attributions, find_quotes
from .timex import timex_units, timexes_for, unit_records

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Texts per nlp.pipe batch: spaCy's default (1000 docs) holds too many long articles in
# memory at once; 32 keeps memory flat and costs nothing measurable in speed.
BATCH_SIZE = 32
# spaCy's pipeline holds ~17 KB per token while it parses a text (32,000 tokens: +540 MB;
# benchmarks/fuzz_inputs.py found 2,000 runs of 63 "!" at 2.4 GB). Past this many tokens
# an article is kept without facts (W207), so one document stays under ~1 GB. News
# articles run 500-5,000 tokens; 40,000 is a short book.
MAX_PARSE_TOKENS = 40_000
_TOKEN = re.compile(r"\w+|[^\w\s]")


def is_annotatable(article: Article) -> bool:
    """English (any region: ``en-US``, ``en-GB``) or unknown-language articles with text;
    others keep their W200 warning only."""
    return bool(article.text) and (article.language is None or is_english(article.language))


def facts_of(doc: Doc, article: Article) -> Facts:
    """All five finders over one parsed article; entities first, as quotes resolve to them."""
    entities = find_entities(doc)
    units = timex_units(doc)
    facts = Facts(
        entities=tuple(entities),
        quotes=tuple(find_quotes(doc, entities)),
        figures=tuple(find_figures(doc)),
        timexes=tuple(timexes_for(units, article.published)),
        attributions=tuple(find_attributions(doc)),
        timex_units=unit_records(units),
    )
    write_span_groups(doc, facts)
    return facts


def _group(doc: Doc, spans: Iterable[tuple[Span, str]]) -> list[SpacySpan]:
    """spaCy spans for our character spans; tokens are widened to cover the characters."""
    out: list[SpacySpan] = []
    for span, label in spans:
        sp = doc.char_span(span.start, span.end, label=label, alignment_mode="expand")
        if sp is not None:
            out.append(sp)
    return out


def write_span_groups(doc: Doc, facts: Facts) -> None:
    """Named span groups on the Doc, labelled by entity label / quote kind / figure kind…

    ``entities`` and ``roles`` come from the entity module (span ``id_`` = entity id).
    """
    write_entity_groups(doc, facts.entities)
    doc.spans["quotes"] = _group(doc, ((q.content, q.kind) for q in facts.quotes))
    doc.spans["figures"] = _group(doc, ((f.span, f.kind) for f in facts.figures))
    doc.spans["timexes"] = _group(doc, ((t.span, t.type) for t in facts.timexes))
    doc.spans["attributions"] = _group(
        doc, ((s, a.kind) for a in facts.attributions for s in a.sources[:1])
    )


def annotate_articles(
    articles: Iterable[Article], nlp: Language, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Article, Facts]]:
    """Facts for each article, in input order; articles that are not annotatable get none.

    Parsing is batched: articles are buffered ``batch_size`` at a time so that input can
    stream (a folder of 100,000 files never sits in memory).
    """
    buffer: list[Article] = []
    for article in articles:
        buffer.append(article)
        if len(buffer) >= batch_size:
            yield from _annotate_batch(buffer, nlp, batch_size)
            buffer = []
    yield from _annotate_batch(buffer, nlp, batch_size)


def _annotate_batch(
    batch: list[Article], nlp: Language, batch_size: int
) -> Iterator[tuple[Article, Facts]]:
    """One ``nlp.pipe`` pass over the batch; a text spaCy would refuse (longer than its
    ``max_length``) or a finder that fails costs that article's facts, never the run."""
    limit = nlp.max_length
    tokens = {id(a): estimate_tokens(a.text) for a in batch
              if is_annotatable(a) and len(a.text) <= limit}
    todo = [a for a in batch if tokens.get(id(a), MAX_PARSE_TOKENS + 1) <= MAX_PARSE_TOKENS]
    docs = iter(nlp.pipe((parse_ready(a.text) for a in todo), batch_size=batch_size))
    for article in batch:
        if not is_annotatable(article):
            yield article, Facts()
        elif len(article.text) > limit:
            yield _warn(article, problem("W203", chars=len(article.text), limit=limit)), Facts()
        elif tokens[id(article)] > MAX_PARSE_TOKENS:
            warning = problem("W207", tokens=tokens[id(article)], limit=MAX_PARSE_TOKENS)
            yield _warn(article, warning), Facts()
        else:
            yield _facts_or_warning(next(docs), article)


def estimate_tokens(text: str) -> int:
    """About as many tokens as spaCy makes of ``text`` as the parser sees it (words and
    punctuation marks; masked punctuation runs count as nothing)."""
    return sum(1 for _ in _TOKEN.finditer(parse_ready(text)))


def _facts_or_warning(doc: Doc, article: Article) -> tuple[Article, Facts]:
    try:
        return article, facts_of(doc, article)
    except Exception as err:  # a finder's bug must not stop the other articles
        detail = f"{type(err).__name__}: {err}"
        return _warn(article, problem("W204", detail=detail)), Facts()


def _warn(article: Article, warning: Problem) -> Article:
    return dataclasses.replace(article, warnings=(*article.warnings, warning))
