"""Which code made a stored result, so a store never mixes results of old and new code.

A released version number does not change while the code does (a development checkout, a
patched install), so the key of each stage is the version number plus a hash of the source
files that stage runs: facts depend on reading, extraction and annotation; story records on
grouping and cross-checking. Hashing the ~150 source files takes milliseconds, once.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__

PACKAGE = Path(__file__).resolve().parent
# What an article's facts are made by, and what a story's record is made by.
FACTS_CODE = ("ingest", "extraction", "annotation", "model.py", "config.py",
              "crosscheck/boilerplate.py", "crosscheck/sentences.py")  # E206 reads them
STORY_CODE = ("group", "crosscheck", "outlets", "records.py", "model.py")


@lru_cache(maxsize=8)
def code_version(parts: tuple[str, ...]) -> str:
    """``__version__`` and a short hash of the Python sources under ``parts`` (sub-packages
    or modules of newsdesk) and the data files beside them."""
    digest = hashlib.sha1()
    for part in parts:
        path = PACKAGE / part
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix in {".py", ".json", ".txt", ".tsv", ".toml"}:
                digest.update(file.relative_to(PACKAGE).as_posix().encode())
                digest.update(file.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
