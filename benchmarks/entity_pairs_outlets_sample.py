"""The frozen sample behind ``data/entity_pairs_outlets.jsonl``: how its pairs were drawn.

Drawn once, before the cross-outlet rules of issue 12 were written, then labelled blind
(only the two names, their types, outlets and one context sentence each; no rule output)
and frozen. ``python benchmarks/entity_pairs_outlets_sample.py OUT`` re-creates the
unlabelled rows from the Timeline17 folders (annotated with ``newsdesk`` as
``timelines_data`` caches them).

Every article-level entity of type PERSON, ORG, GPE, NORP, LOC or FAC is a candidate.
A pair always joins entities of two articles from *different outlets* (the case the
dossier must get right: one person named by the BBC and by Reuters). Pairs are drawn in
strata, each from distinct unordered (name, type) pairs so that a frequent name does not
fill the table, and no name pair is drawn twice:

- ``sound``: no shared token, but two tokens of 4+ letters agreeing on a crude sound
  skeleton of 3+ letters (first letter, then consonants, y→i, ks→x, doubled letters
  collapsed, diacritics stripped) with a difflib ratio ≥ 0.7, and whole names with a
  ratio ≥ 0.75 — where transliteration and spelling variants hide ("Calderón" /
  "Calderon", "Obama" / "Obamma");
- ``surname``: two PERSON names of two or more parts with the same last token and
  different first tokens — the hard negatives (two people sharing a family name);
- ``type``: the same name under two different types ("BP" ORG / "BP" GPE) — what an
  entity's type decided by all its mentions must settle;
- ``token``: the two names share a name token but are not equal ("Hayward" / "Tony
  Hayward", "BP" / "BP America");
- ``exact``: the same name and type (case-insensitive) in two outlets — easy positives,
  and the occasional namesake.

The two articles are always from the same topic (one story: the dossier only ever joins
entities inside a story). Rows carry both folders, article
uids, names, types and the context sentence; ``same`` is the hand label (null here).
"""

from __future__ import annotations

import difflib
import json
import random
import re
import sys
import unicodedata
from itertools import combinations
from pathlib import Path
from typing import Any

from common import benchmarks_dir, timelines_root

SEED = 20261206
LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_STOP = frozenset(["the", "of", "and", "for", "in", "on", "at", "to", "a", "an", "de", "'s"])
PER_STRATUM = {"sound": 70, "surname": 70, "type": 45, "token": 120, "exact": 45}


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[\s\-]+", name.lower().replace("’", "'")) if t)


def _skeleton(token: str) -> str:
    t = re.sub(r"[^a-z]", "", _plain(token).replace("ks", "x").replace("y", "i"))
    if not t:
        return ""
    rest = re.sub(r"[aeiou]", "", t[1:])
    return t[0] + re.sub(r"(.)\1+", r"\1", rest)


def _context(text: str, start: int, end: int) -> str:
    from newsdesk.crosscheck.sentences import split_sentences

    for s, e in split_sentences(text):
        if s <= start and end <= e:
            return text[s:e]
    return text[max(0, start - 150): end + 150]


def candidates(root: Path) -> list[dict[str, Any]]:
    """Every entity of every Timeline17 article: folder, uid, outlet, topic, name, type,
    the sentence of its first mention."""
    from timelines_data import load_folders

    names = sorted(p.name for p in (root / "timelines").iterdir() if p.is_dir())
    out: list[dict[str, Any]] = []
    for folder in load_folders(root, names):
        topic, outlet = folder.name.split("_")
        for article, facts in folder.docs:
            seen: set[tuple[str, str]] = set()
            for e in facts.entities:
                if e.label not in LABELS or (e.name, e.label) in seen or not e.mentions:
                    continue
                seen.add((e.name, e.label))
                first = min(e.mentions, key=lambda m: m.start)
                out.append({
                    "folder": folder.name, "uid": article.id.split("/", 1)[1],
                    "outlet": outlet, "topic": topic, "name": e.name, "type": e.label,
                    "context": _context(article.text, first.start, first.end),
                })
    return out


def _close(a: str, b: str) -> bool:
    """Two different tokens that may be one name spelled two ways: same skeleton of three
    or more letters, and most letters in common (difflib ratio ≥ 0.7)."""
    if a == b or len(a) < 4 or len(b) < 4:
        return False
    ska, skb = _skeleton(a), _skeleton(b)
    if ska != skb or len(ska) < 3:
        return False
    return difflib.SequenceMatcher(None, _plain(a), _plain(b)).ratio() >= 0.7


def _stratum(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    ta, tb = _tokens(a["name"]), _tokens(b["name"])
    if a["topic"] != b["topic"]:
        return None
    if a["name"].lower() == b["name"].lower():
        return "exact" if a["type"] == b["type"] else "type"
    if (a["type"] == b["type"] == "PERSON" and len(ta) > 1 and len(tb) > 1
            and ta[-1] == tb[-1] and ta[0] != tb[0]):
        return "surname"
    if set(ta) & set(tb):
        return "token"
    if not any(_close(x, y) for x in ta for y in tb):
        return None
    whole = difflib.SequenceMatcher(None, _plain(a["name"]), _plain(b["name"])).ratio()
    return "sound" if whole >= 0.75 else None


def sample(root: Path, seed: int = SEED) -> list[dict[str, Any]]:
    """The unlabelled pairs, stratum by stratum, in a fixed order."""
    cands = candidates(root)
    # one entry per distinct (name, type, outlet, topic): pairs are drawn over these
    by_name: dict[tuple[str, str, str, str], list[int]] = {}
    for i, c in enumerate(cands):
        by_name.setdefault((c["name"], c["type"], c["outlet"], c["topic"]), []).append(i)
    # only names sharing a bucket (a token or a token's skeleton) can form a pair
    buckets: dict[str, set[tuple[str, str, str, str]]] = {}
    for key in by_name:
        for t in _tokens(key[0]):
            if t not in _STOP:
                buckets.setdefault("t:" + t, set()).add(key)
                if len(t) > 2:
                    buckets.setdefault("s:" + _skeleton(t), set()).add(key)
    pairs = {tuple(sorted(p)) for b in buckets.values() for p in combinations(sorted(b), 2)}
    pools: dict[str, dict[tuple[str, ...], list[tuple[int, int]]]] = {k: {} for k in PER_STRATUM}
    for ka, kb in sorted(pairs):
        if ka[2] == kb[2]:  # same outlet
            continue
        a, b = cands[by_name[ka][0]], cands[by_name[kb][0]]
        kind = _stratum(a, b)
        if kind is None:
            continue
        pair = tuple(sorted([(a["name"].lower(), a["type"]), (b["name"].lower(), b["type"])]))
        pools[kind].setdefault(tuple(x for p in pair for x in p), []).append(
            (by_name[ka][0], by_name[kb][0]))
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    taken: set[tuple[str, ...]] = set()
    for kind, n in PER_STRATUM.items():
        avail = sorted(k for k in pools[kind] if k not in taken)
        for key in rng.sample(avail, min(n, len(avail))):
            taken.add(key)
            i, j = rng.choice(sorted(pools[kind][key]))
            # a random instance of each name, not always the first article holding it
            a, b = cands[i], cands[j]
            a = cands[rng.choice(by_name[(a["name"], a["type"], a["outlet"], a["topic"])])]
            b = cands[rng.choice(by_name[(b["name"], b["type"], b["outlet"], b["topic"])])]
            rows.append({"stratum": kind, "a": a, "b": b, "same": None})
    print({k: len(v) for k, v in pools.items()}, file=sys.stderr)
    return rows


def main(argv: list[str]) -> int:
    if timelines_root() is None:
        return 0
    root = benchmarks_dir()
    rows = sample(root)
    out = Path(argv[0]) if argv else Path("entity_pairs_outlets.unlabelled.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for n, row in enumerate(rows):
            fh.write(json.dumps({"id": f"o{n:03d}", **row}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
