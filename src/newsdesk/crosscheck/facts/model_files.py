"""The learnt weights shipped beside the crosscheck code (``day_model.json``,
``certainty_model.json``), read as package data so they work from a wheel too."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def shipped_model(name: str) -> dict[str, Any] | None:
    """The JSON file ``name`` of ``newsdesk.crosscheck``, or None when it does not ship
    (the callers then fall back to their rules)."""
    try:
        text = resources.files(__name__.rpartition(".")[0]).joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        return None
    loaded: dict[str, Any] = json.loads(text)
    return loaded
