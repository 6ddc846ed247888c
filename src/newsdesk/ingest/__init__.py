"""Ingest: read inputs (files, folders, stdin, gzip, WARC, JSONL) into Sources, and decode them.

``iter_sources`` streams ``Source`` records (raw bytes plus origin and hints) or
``Failure`` records (a coded problem naming the input); ``decode`` turns a Source's
bytes into normalised text, and ``sniff_format`` says whether that text is HTML.
The split lets the pipeline read on one process and decode/extract on many.
"""

from __future__ import annotations

from .decode import Decoded, decode
from .readers import iter_sources
from .sniff import binary_kind, sniff_format

__all__ = ["Decoded", "binary_kind", "decode", "iter_sources", "sniff_format"]
