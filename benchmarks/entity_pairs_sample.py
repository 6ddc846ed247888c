"""The frozen sample behind ``data/entity_pairs.jsonl``: how its name pairs were drawn.

Drawn once, before any cross-article resolution rule existed, then labelled by hand from
the texts and frozen (``python benchmarks/entity_pairs_sample.py OUT`` re-creates the
unlabelled rows). 120 PolNeAR train texts (``random.Random(SEED)`` over the sorted file
names) are annotated with ``newsdesk.annotate``; every article-level entity name becomes
a candidate. Pairs always join entities of two *different* articles (within one article
the linker has already decided) and are drawn in three strata, each from distinct
unordered (name, type) pairs so that one frequent name does not fill the table:

- ``token``: the two names share a name token (case-insensitive, split on spaces and
  hyphens) — the hard cases: "Clinton" / "Bill Clinton", "Trump" / "Trump Tower";
- ``sound``: no shared token, but a token that agrees on a crude sound skeleton (first
  letter, then consonants with y→i, ks→x, and doubled letters collapsed) — where
  transliteration variants would hide; few in US political news;
- ``surname``: two PERSON names of two or more parts with the same last part.

Each row carries both files, names and types; ``same`` is the hand label (null here).
"""

from __future__ import annotations

import json
import random
import re
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

from common import benchmarks_dir

SEED = 20240619
N_FILES = 120
PER_STRATUM = {"token": 110, "sound": 25, "surname": 45}


def chosen_files(root: Path, n: int = N_FILES, seed: int = SEED) -> list[Path]:
    """The PolNeAR train texts the table draws from (sorted, then sampled)."""
    files = sorted((root / "attribution" / "train" / "text").glob("*.txt"))
    return sorted(random.Random(seed).sample(files, min(n, len(files))))


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s\-]+", name.lower().replace("’", "'")) if t)


def _skeleton(token: str) -> str:
    t = re.sub(r"[^a-z]", "", token.replace("ks", "x").replace("y", "i"))
    if not t:
        return ""
    rest = re.sub(r"[aeiou]", "", t[1:])
    return t[0] + re.sub(r"(.)\1+", r"\1", rest)


def candidates(root: Path) -> list[dict[str, Any]]:
    """Every entity name of the chosen articles: file, name, type."""
    import newsdesk
    from newsdesk.model import Annotated

    out: list[dict[str, Any]] = []
    files = chosen_files(root)
    for item in newsdesk.annotate([str(p) for p in files]):
        if not isinstance(item, Annotated):
            continue
        rel = str(Path(item.article.source).resolve().relative_to(root.resolve()))
        seen: set[tuple[str, str]] = set()
        for e in item.facts.entities:
            if (e.name, e.label) not in seen:
                seen.add((e.name, e.label))
                out.append({"file": rel, "name": e.name, "type": e.label})
    return out


def _stratum(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    ta, tb = _tokens(a["name"]), _tokens(b["name"])
    if a["type"] == b["type"] == "PERSON" and len(ta) > 1 and len(tb) > 1 and ta[-1] == tb[-1]:
        return "surname"
    if set(ta) & set(tb):
        return "token"
    ska = {_skeleton(t) for t in ta if len(t) > 2}
    skb = {_skeleton(t) for t in tb if len(t) > 2}
    return "sound" if ska & skb - {""} else None


def sample(root: Path, seed: int = SEED) -> list[dict[str, Any]]:
    """The unlabelled pairs, stratum by stratum, in a fixed order."""
    cands = candidates(root)
    pools: dict[str, dict[tuple[str, ...], list[tuple[int, int]]]] = {k: {} for k in PER_STRATUM}
    for i, j in combinations(range(len(cands)), 2):
        a, b = cands[i], cands[j]
        if a["file"] == b["file"]:
            continue
        kind = _stratum(a, b)
        if kind is None:
            continue
        key = tuple(sorted([(a["name"].lower(), a["type"]), (b["name"].lower(), b["type"])]))
        pools[kind].setdefault(tuple(x for pair in key for x in pair), []).append((i, j))
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    taken: set[tuple[str, ...]] = set()
    for kind, n in PER_STRATUM.items():
        keys = sorted(k for k in pools[kind] if k not in taken)
        for key in rng.sample(keys, min(n, len(keys))):
            taken.add(key)
            i, j = rng.choice(pools[kind][key])
            rows.append({"stratum": kind, "a": cands[i], "b": cands[j], "same": None})
    return rows


def main(argv: list[str]) -> int:
    root = benchmarks_dir()
    if not (root / "attribution").is_dir():
        print(f"skipped: {root}/attribution not found")
        return 0
    rows = sample(root)
    out = Path(argv[0]) if argv else Path("entity_pairs.unlabelled.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for n, row in enumerate(rows):
            fh.write(json.dumps({"id": f"p{n:03d}", **row}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
