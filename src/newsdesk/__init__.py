"""newsdesk: clean, cross-checked story dossiers from a pile of news pages.

The Python API mirrors the CLI: :func:`extract`, :func:`annotate`, :func:`add`,
:func:`analyze`, :func:`changes`, :func:`watch` and :func:`export`; :func:`read_dossier`
reads a dossier JSON file as typed records (``dossier_types.py``), as
``AnalyzeResult.records`` gives them.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import AddResult, AnalyzeResult, add, analyze, annotate, changes, export, extract
from .dossier_types import Dossier, read_dossier
from .store.selection import Selection
from .watching import Poll, watch

__all__ = ["AddResult", "AnalyzeResult", "Dossier", "Poll", "Selection", "__version__",
           "add", "analyze", "annotate", "changes", "export", "extract", "read_dossier",
           "watch"]
