"""The settings file: ``newsdesk.toml`` in the working directory, or the one named.

People keep a project's settings beside its data rather than in shell variables, so
newsdesk reads a TOML file (the standard ``tomllib``; no dependency) whose keys are the
fields of :class:`config.Settings`. The order is the usual one, each overriding the one
before: defaults < the file < ``NEWSDESK_*`` environment variables < command-line flags.

Which file: ``--config FILE`` (or ``NEWSDESK_CONFIG``); else ``./newsdesk.toml`` when it
exists. A file that was asked for must exist; the default one may be absent. Everything
is checked before any work, and a problem is error E005 naming the file and the key: an
unknown key (a typo would otherwise be a setting silently not set), a value of the wrong
type, a number out of range, a file that is no TOML.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path
from typing import Any

from .errors import NewsdeskError

DEFAULT_FILE = "newsdesk.toml"
ENV_FILE = "NEWSDESK_CONFIG"


def config_path(given: str | Path | None = None) -> Path | None:
    """The settings file to read: ``given``, else ``$NEWSDESK_CONFIG``, else
    ``./newsdesk.toml`` if it exists; None when there is none."""
    if given:
        return Path(given)
    env = os.environ.get(ENV_FILE)
    if env:
        return Path(env)
    default = Path(DEFAULT_FILE)
    return default if default.is_file() else None


def read_config(path: Path, fields: tuple[dataclasses.Field[Any], ...],
                minimum: dict[str, int]) -> dict[str, Any]:
    """The settings ``path`` sets, checked against ``fields`` (E005 naming the key)."""
    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle)
    except FileNotFoundError:
        raise NewsdeskError("E005", path=str(path), detail="no such file") from None
    except IsADirectoryError:
        raise NewsdeskError("E005", path=str(path), detail="it is a folder") from None
    except OSError as err:
        raise NewsdeskError("E005", path=str(path), detail=err.strerror or str(err)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise NewsdeskError("E005", path=str(path), detail=f"not TOML ({err})") from None
    known = {f.name: f for f in fields}
    values: dict[str, Any] = {}
    for key, value in table.items():
        field = known.get(key)
        if field is None:
            raise NewsdeskError("E005", path=str(path),
                                detail=f"unknown key {key!r} (known: {', '.join(known)})")
        values[key] = _checked(path, key, value, field.type, minimum.get(key, 1))
    return values


def _checked(path: Path, key: str, value: Any, kind: Any, least: int) -> Any:
    if kind in ("int", int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise NewsdeskError("E005", path=str(path), detail=f"{key} must be a whole "
                                f"number, not {type(value).__name__} {value!r}")
        if value < least:
            raise NewsdeskError("E005", path=str(path),
                                detail=f"{key} must be {least} or more, not {value}")
        return value
    if kind in ("bool", bool):
        if not isinstance(value, bool):
            raise NewsdeskError("E005", path=str(path), detail=f"{key} must be true or "
                                f"false, not {type(value).__name__} {value!r}")
        return value
    if key == "fields" and isinstance(value, dict):  # [fields] text = "body"
        if not all(isinstance(v, str) for v in value.values()):
            raise NewsdeskError("E005", path=str(path),
                                detail="fields: each value must be a field name (a string)")
        return ",".join(f"{k}={v}" for k, v in value.items())
    if not isinstance(value, str):
        raise NewsdeskError("E005", path=str(path), detail=f"{key} must be a string, not "
                            f"{type(value).__name__} {value!r}")
    return value
