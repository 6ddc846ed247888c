"""Dates of a page: written dates parsed (one parser for the whole project), day spans
described, and the publication date inferred from the text when no metadata gives it."""

from .parse import find_dates, parse_stated
from .published import infer_published

__all__ = ["find_dates", "infer_published", "parse_stated"]
