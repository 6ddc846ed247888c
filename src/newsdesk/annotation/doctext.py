"""The article text of a parsed Doc, and token ranges turned into article spans.

Every finder needs ``doc.text`` to build its spans, but spaCy joins all tokens again on
each access; it is built once per Doc here and kept in ``doc.user_data``, so the five
finders share one copy.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Span

TEXT_KEY = "newsdesk.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def token_span(doc: Doc, start: int, end: int, text: str) -> Span:
    """The article span of tokens ``start``..``end`` (end exclusive); ``text`` is
    :func:`doc_text` of ``doc``."""
    last = doc[end - 1]
    return Span.of(text, doc[start].idx, last.idx + len(last.text))
