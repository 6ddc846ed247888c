"""JSON Schemas published with the package (extract, annotate and dossier records)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def load_schema(name: str) -> dict[str, Any]:
    """Load ``extract-1``, ``annotate-1`` or ``dossier-1`` from the installed package."""
    text = resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
