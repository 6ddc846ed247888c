"""newsdesk: clean, cross-checked story dossiers from a pile of news pages.

The Python API mirrors the CLI: :func:`extract`, :func:`annotate` and :func:`analyze`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import AnalyzeResult, analyze, annotate, extract

__all__ = ["AnalyzeResult", "__version__", "analyze", "annotate", "extract"]
