"""What every benchmark script shares: where the data is, and how to say it is missing."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for path in (str(HERE), str(REPO / "src")):
    if path not in sys.path:
        sys.path.insert(0, path)


def benchmarks_dir() -> Path:
    """The shared data lives beside the repo; NEWSDESK_BENCHMARKS points elsewhere."""
    env = os.environ.get("NEWSDESK_BENCHMARKS")
    return Path(env) if env else (REPO / ".." / "shared" / "benchmarks").resolve()


def timelines_root(what: str = "") -> Path | None:
    """The shared benchmarks folder when it holds Timeline17; else None, after saying the
    run is skipped (a user's clone has no ../shared)."""
    root = benchmarks_dir()
    if (root / "timelines").is_dir():
        return root
    print(f"skipped: {root}/timelines not found{what}")
    return None


def results_path(name: str) -> Path:
    out = HERE / "results" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[", "-RSB-": "]"}
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|n't|N'T|'re|'ve|'ll|'d|'m|'|\.\.\.)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def detokenise(ptb: str) -> str:
    """PTB tokens back to running text: enough for parsing and for reading, not byte-exact."""
    out: list[str] = []
    open_quote = False
    glue_next = False
    for tok in ptb.split():
        tok = _PTB_BRACKETS.get(tok, tok)
        if tok in ("``", "''") or tok == '"':
            if tok == "``" or (tok == '"' and not open_quote):
                out.append('"' if not out or glue_next else ' "')
                open_quote, glue_next = True, True
            else:
                out.append('"')
                open_quote, glue_next = False, False
            continue
        if tok == "`":
            out.append("'" if not out or glue_next else " '")
            glue_next = True
            continue
        sep = "" if (not out or glue_next or _NO_SPACE_BEFORE.match(tok)) else " "
        out.append(sep + tok)
        glue_next = tok in _NO_SPACE_AFTER
    return "".join(out)


def code_hash(*subpackages: str) -> str:
    """Hash of the source of ``newsdesk``'s ``subpackages`` (every module, sub-packages
    included): a benchmark's cached annotations are stale once that code changes. One
    function for every cache, so a moved or nested module cannot drop out of one key."""
    h = hashlib.sha1()
    for sub in subpackages:
        folder = REPO / "src" / "newsdesk" / sub
        if not folder.is_dir():  # a misspelt name would hash nothing: the key never changes
            raise ValueError(f"no package {folder}")
        for path in sorted(folder.rglob("*.py")):
            h.update(path.read_bytes())
    return h.hexdigest()[:12]
