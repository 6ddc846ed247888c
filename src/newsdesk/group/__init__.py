"""Grouping articles: reprints and syndicated copies (``reprints``) and stories (``stories``)."""
