"""newsdesk: clean, cross-checked story dossiers from a pile of news pages.

The Python API mirrors the CLI: :func:`extract`, :func:`annotate`, :func:`add`,
:func:`analyze`, :func:`changes` and :func:`export`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import AddResult, AnalyzeResult, add, analyze, annotate, changes, export, extract
from .store.selection import Selection

__all__ = ["AddResult", "AnalyzeResult", "Selection", "__version__", "add", "analyze",
           "annotate", "changes", "export", "extract"]
