"""Named entities an article names: spaCy's mentions cleaned of page furniture (credits,
datelines, glued words), linked into one entity per person, organisation or place within
the article, with the roles written around them."""

from .find import find_entities, write_span_groups

__all__ = ["find_entities", "write_span_groups"]
