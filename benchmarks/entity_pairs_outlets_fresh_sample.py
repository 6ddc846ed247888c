"""The frozen sample behind ``data/entity_pairs_outlets_fresh.jsonl``: how its pairs were drawn.

A second, larger cross-outlet table (the first, ``entity_pairs_outlets.jsonl``, has 61
positive test pairs, too few to show precision 0.98). Drawn once with the annotation of
commit 674ab90, before the rules of this round were written, then labelled blind (the two
names, types, outlets and one context sentence each; no rule output) and frozen.
``python benchmarks/entity_pairs_outlets_fresh_sample.py OUT SPANS`` re-creates the
unlabelled rows and the characters each side was read from.

Candidates are as in ``entity_pairs_outlets_sample.py`` (PERSON, ORG, GPE, NORP, LOC and
FAC entities of the Timeline17 topics that more than one outlet covers); a pair joins two
articles of one topic from two different outlets; no name pair of the first table (names
compared case-insensitively, types aside) is drawn again, and none twice. The strata are
richer in the hard cases, each pair taking the first that fits:

- ``exact`` / ``type``: the same name, same or different type (a person and an
  organisation of one name are here);
- ``title``: equal, or a family name and a full name, once leading titles and honorifics
  ("President", "Mr.", "Adm.") are off one side;
- ``bare``: a one-word name and a person's name of two or more words ending in it
  ("Allen" / "Thad Allen", and namesakes: "Allen" / "Paul Allen");
- ``surname``: two people of two or more words with the same last word and a different
  first one (relatives, namesakes, one person written two ways);
- ``contain``: one name inside the other with words before or after it ("Reuters Barack
  Obama" / "Barack Obama", "BP" / "BP America");
- ``edit``: whole names one or two letters apart ("Haliburton" / "Halliburton");
- ``sound``: a token pair on one sound skeleton, as in the first table;
- ``token``: any other shared word.
"""

from __future__ import annotations

import difflib
import json
import random
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

from common import HERE, benchmarks_dir, timelines_root
from entity_pairs_outlets_sample import _STOP, LABELS, _close, _context, _plain, _skeleton, _tokens

SEED = 20261207
OLD = HERE / "data" / "entity_pairs_outlets.jsonl"
TOPICS = ("H1N1", "bpoil")  # MJ has one outlet: no pair
# the title pool is small (the annotate stage already takes titles off most names)
PER_STRATUM = {"exact": 55, "type": 55, "title": 12, "bare": 100, "surname": 120,
               "contain": 80, "edit": 60, "sound": 70, "token": 90}


def _folders(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "timelines").iterdir()
                  if p.is_dir() and p.name.split("_")[0] in TOPICS)


def candidates(root: Path) -> list[dict[str, Any]]:
    """Every entity of every article of the topics: as the first table's candidates, plus
    ``spans`` (the characters its name was read from and all its mentions)."""
    from timelines_data import load_folders

    out: list[dict[str, Any]] = []
    for folder in load_folders(root, _folders(root), workers=1):
        topic, outlet = folder.name.split("_")
        for article, facts in folder.docs:
            seen: set[tuple[str, str]] = set()
            for e in facts.entities:
                if e.label not in LABELS or (e.name, e.label) in seen or not e.mentions:
                    continue
                seen.add((e.name, e.label))
                first = min(e.mentions, key=lambda m: m.start)
                named = min((m for m in e.mentions if m.text == e.name), default=first,
                            key=lambda m: m.start)
                out.append({
                    "folder": folder.name, "uid": article.id.split("/", 1)[1],
                    "outlet": outlet, "topic": topic, "name": e.name, "type": e.label,
                    "context": _context(article.text, named.start, named.end),
                    "spans": {"name": [named.start, named.end],
                              "mentions": sorted([m.start, m.end] for m in e.mentions)},
                })
    return out


def _untitled(name: str) -> tuple[str, ...]:
    from newsdesk.annotation.names import HONORIFICS, is_title_word

    toks = list(_tokens(name))
    while len(toks) > 1 and (is_title_word(toks[0]) or toks[0] in HONORIFICS):
        toks = toks[1:]
    return tuple(toks)


def _edits(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return min(prev[-1], limit + 1)


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return n < len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def stratum(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    if a["topic"] != b["topic"] or a["outlet"] == b["outlet"]:
        return None
    ta, tb = _tokens(a["name"]), _tokens(b["name"])
    if a["name"].lower() == b["name"].lower():
        return "exact" if a["type"] == b["type"] else "type"
    people = a["type"] == b["type"] == "PERSON"
    ua, ub = _untitled(a["name"]), _untitled(b["name"])
    if (ua, ub) != (ta, tb) and "PERSON" in (a["type"], b["type"]) and (
            ua == ub or (len(ua) == 1 and len(ub) > 1 and ub[-1] == ua[0])
            or (len(ub) == 1 and len(ua) > 1 and ua[-1] == ub[0])):
        return "title"
    short, long = sorted((ta, tb), key=len)
    long_type = a["type"] if long == ta else b["type"]
    if len(short) == 1 and len(long) > 1 and long[-1] == short[0] and long_type == "PERSON":
        return "bare"
    if people and len(ta) > 1 and len(tb) > 1 and ta[-1] == tb[-1] and ta[0] != tb[0]:
        return "surname"
    if _inside(short, long):
        return "contain"
    pa, pb = _plain(a["name"]), _plain(b["name"])
    if min(len(pa), len(pb)) >= 5 and _edits(pa, pb) <= 2:
        return "edit"
    if set(ta) & set(tb):
        return "token"
    close = any(_close(x, y) for x in ta for y in tb)
    if close and difflib.SequenceMatcher(None, pa, pb).ratio() >= 0.75:
        return "sound"
    return None


def _old_pairs() -> set[tuple[str, str]]:
    rows = [json.loads(line) for line in OLD.read_text(encoding="utf-8").splitlines() if line]
    return {tuple(sorted((r["a"]["name"].lower(), r["b"]["name"].lower())))  # type: ignore[misc]
            for r in rows}


def sample(root: Path, seed: int = SEED) -> list[dict[str, Any]]:
    cands = candidates(root)
    by_name: dict[tuple[str, str, str, str], list[int]] = {}
    for i, c in enumerate(cands):
        by_name.setdefault((c["name"], c["type"], c["outlet"], c["topic"]), []).append(i)
    buckets: dict[str, set[tuple[str, str, str, str]]] = {}
    for key in by_name:
        for t in _tokens(key[0]):
            if t not in _STOP:
                buckets.setdefault(f"{key[3]}:t:{t}", set()).add(key)
                if len(t) > 2:
                    buckets.setdefault(f"{key[3]}:s:{_skeleton(t)}", set()).add(key)
                # names a letter or two apart share a token once a letter is dropped
                for k in range(len(t)):
                    if len(t) >= 5:
                        buckets.setdefault(f"{key[3]}:d:{t[:k]}{t[k + 1:]}", set()).add(key)
                if len(t) >= 5:
                    buckets.setdefault(f"{key[3]}:d:{t}", set()).add(key)
    pairs = {tuple(sorted(p)) for b in buckets.values() for p in combinations(sorted(b), 2)}
    old = _old_pairs()
    pools: dict[str, dict[tuple[str, ...], list[tuple[int, int]]]] = {k: {} for k in PER_STRATUM}
    for ka, kb in sorted(pairs):
        a, b = cands[by_name[ka][0]], cands[by_name[kb][0]]
        kind = stratum(a, b)
        if kind is None:
            continue
        if tuple(sorted((a["name"].lower(), b["name"].lower()))) in old:
            continue
        pair = tuple(sorted([(a["name"].lower(), a["type"]), (b["name"].lower(), b["type"])]))
        pools[kind].setdefault(tuple(x for p in pair for x in p), []).append(
            (by_name[ka][0], by_name[kb][0]))
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    taken: set[tuple[str, str]] = set()
    for kind, n in PER_STRATUM.items():
        avail = sorted(k for k in pools[kind])
        rng.shuffle(avail)
        got = 0
        for key in avail:
            names = (key[0], key[2])
            if got >= n or names in taken:
                continue
            taken.add(names)
            got += 1
            i, j = rng.choice(sorted(pools[kind][key]))
            a, b = cands[i], cands[j]
            a = cands[rng.choice(by_name[(a["name"], a["type"], a["outlet"], a["topic"])])]
            b = cands[rng.choice(by_name[(b["name"], b["type"], b["outlet"], b["topic"])])]
            rows.append({"stratum": kind, "a": dict(a), "b": dict(b), "same": None})
    print({k: len(v) for k, v in pools.items()}, file=sys.stderr)
    return rows


def main(argv: list[str]) -> int:
    if timelines_root() is None:
        return 0
    rows = sample(benchmarks_dir())
    out = Path(argv[0]) if argv else Path("entity_pairs_outlets_fresh.unlabelled.jsonl")
    spans = Path(argv[1]) if len(argv) > 1 else out.with_suffix(".spans.jsonl")
    with out.open("w", encoding="utf-8") as fh, spans.open("w", encoding="utf-8") as fs:
        for n, row in enumerate(rows):
            rid = f"f{n:03d}"
            sides = {s: row[s].pop("spans") for s in ("a", "b")}
            fh.write(json.dumps({"id": rid, **row}, ensure_ascii=False) + "\n")
            fs.write(json.dumps({"id": rid, **sides}) + "\n")
    print(f"{len(rows)} pairs -> {out}, spans -> {spans}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
