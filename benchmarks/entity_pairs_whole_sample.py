"""Cross-outlet entity pairs drawn from WHOLE Timeline17 stories, and their scorer.

The two pair tables of issue 12 item 5 (``entity_pairs_outlets*.jsonl``) are drawn from
two-article stories: a pair's two articles are the whole story the rules see, so they
never meet the namesakes and look-alike organisations of a long story ("Landry",
"Holder", University of Miami / Miami University on the BP story; docs/decisions.md,
"Fifth round"). This table is drawn from the candidate pairs of the whole stories.

A story is a Timeline17 topic with all its outlet folders (``bpoil``: BBC, Fox News,
Guardian, Reuters, Washington Post, 1,461 articles; ``H1N1``: BBC, Guardian, Reuters),
annotated as ``timelines_data`` caches it and resolved by ``resolve_entities`` as one
story. A *spelling* is an article entity's (name, label) with label PERSON, ORG, GPE,
NORP, LOC or FAC. The unit drawn is (topic, unordered pair of spellings, the rules'
decision): the pair is a candidate when an entity of one spelling and an entity of the
other sit in articles of DIFFERENT folders (outlets), and it is "joined" when some such
cross-folder pair of entities lands in one story entity, "apart" when some such pair does
not (a pair of spellings can be both: two "Landry" entities joined, two others not). One
pair of entities with that decision is drawn for the row. Estimates are per distinct
spelling pair, not per pair of entities (the "BP" entity of 1,000 articles would
otherwise be nearly every pair).

Relations, each unit taking the first that fits (names compared case-insensitively):
``exact`` same name (labels may differ); ``key`` same ``plain_name_key`` ("the U.S." /
"US") or the same person-name parts; ``acronym`` one is the initials of the other;
``bare`` a one-word name and a longer name ending in it ("Allen" / "Thad Allen");
``family`` two longer names with the same last word ("Thad Allen" / "Paul Allen") (both
``bare`` and ``family`` need one side labelled PERSON: "Mexico" / "New Mexico" is
``contain``);
``skeleton`` the same consonant skeleton of the whole name, or difflib ratio >= 0.85
("Halliburton" / "Haliburton"); ``contain`` one name's words inside the other's ("BP" /
"BP America"); ``word`` another shared word (a word on more than ``MAX_BLOCK`` spellings of
the story, "gulf", "oil", is not a block: it alone would give millions of pairs);
``other`` (joined only) none of these, a join by a chain. The stratum is
``join_<relation>`` or ``apart_<relation>``; ``stratum_size`` is the number of units of the
stratum in the two stories, so weighted estimates are per unit of the candidate pool.

    python benchmarks/entity_pairs_whole_sample.py --draw OUT   # unlabelled rows
    python benchmarks/entity_pairs_whole_sample.py --label-show FILE START N
    python benchmarks/entity_pairs_whole_sample.py --score [--data FILE]

``--score`` runs the current rules on the whole stories again, finds each side by the
characters it was drawn from, and gives, weighted by stratum size, per part (dev / test)
and pooled: the precision of the rules' joins and their recall over the candidate pool,
beside the exact-name baseline; and the wrong joins of dev by relation.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from common import HERE, results_path, timelines_root
from entity_pairs_outlets_sample import _STOP, LABELS, _context, _plain, _skeleton, _tokens

SEED = 20261206
TOPICS = ("bpoil", "H1N1")
DATA = HERE / "data" / "entity_pairs_whole.jsonl"
MAX_BLOCK = 150  # a word on more spellings than this is no block for ``word``
RELATIONS = ("exact", "key", "acronym", "bare", "family", "skeleton", "contain", "word",
             "other")
# rows per stratum (fewer when the stratum is smaller): about 350 in all
PER_STRATUM = {
    "join_exact": 20, "join_key": 25, "join_acronym": 20, "join_bare": 35, "join_family": 25,
    "join_skeleton": 25, "join_contain": 15, "join_word": 10, "join_other": 15,
    "apart_exact": 30, "apart_key": 10, "apart_acronym": 20, "apart_bare": 30,
    "apart_family": 30, "apart_skeleton": 25, "apart_contain": 15, "apart_word": 15,
}


def part_of(row_id: str) -> str:
    """``dev`` when the SHA-1 of the row id is even, else ``test``."""
    return "dev" if int(hashlib.sha1(row_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _folders(root: Path, topic: str) -> list[str]:
    return sorted(p.name for p in (root / "timelines").iterdir()
                  if p.is_dir() and p.name.split("_")[0] == topic)


def load_story(root: Path, topic: str) -> dict[str, Any]:
    """The topic as one story: its articles (id → (Article, Facts)) and, for every
    article entity, the story entity ``resolve_entities`` puts it in."""
    from newsdesk.crosscheck.entities.profiles import resolve_entities
    from timelines_data import load_folders

    docs = {}
    for folder in load_folders(root, _folders(root, topic), workers=1):
        for article, facts in folder.docs:
            docs[article.id] = (article, facts)
    story = resolve_entities([(aid, facts) for aid, (_, facts) in sorted(docs.items())])
    group = {member: s.id for s in story for member in s.members}
    return {"docs": docs, "group": group}


def _words(name: str) -> tuple[str, ...]:
    return tuple(t.strip(".,'\"()") for t in _tokens(name) if t.strip(".,'\"()"))


def _key(name: str, person: bool) -> str:
    from newsdesk.crosscheck.entities.name_keys import person_name, plain_name_key

    if person:
        parsed = person_name(name)
        if parsed is not None and parsed.is_full:
            return "P:" + " ".join(parsed.parts)
    return plain_name_key(name)


def _initials(name: str) -> str:
    words = [w for w in _words(name) if w not in _STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def _acronym(name: str) -> str:
    bare = re.sub(r"[^A-Za-z]", "", name)
    return bare.lower() if 2 <= len(bare) <= 6 and bare.isupper() else ""


def _skel(name: str) -> str:
    return " ".join(_skeleton(w) for w in _words(name))


def relation(a: tuple[str, str], b: tuple[str, str]) -> str:
    """The first relation of the module docstring that fits two spellings (name, label)."""
    na, nb = a[0], b[0]
    if na.casefold() == nb.casefold():
        return "exact"
    person = a[1] == b[1] == "PERSON"
    ka, kb = _key(na, person), _key(nb, person)
    if ka and ka == kb:
        return "key"
    aa, ab = _acronym(na), _acronym(nb)
    if (aa and aa == _initials(nb)) or (ab and ab == _initials(na)):
        return "acronym"
    wa, wb = _words(na), _words(nb)
    if wa and wb and "PERSON" in (a[1], b[1]):
        short, long = sorted((wa, wb), key=len)
        if len(short) == 1 and len(long) > 1 and long[-1] == short[0]:
            return "bare"
        if len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1]:
            return "family"
    pa, pb = _plain(na), _plain(nb)
    if (_skel(na) and _skel(na) == _skel(nb)) or (
            difflib.SequenceMatcher(None, pa, pb).ratio() >= 0.85):
        return "skeleton"
    short, long = sorted((wa, wb), key=len)
    if short and any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return "contain"
    if set(wa) & set(wb) - _STOP:
        return "word"
    return "other"


def _blocks(spell: dict[tuple[str, str], Any]) -> dict[str, list[tuple[str, str]]]:
    """Block key → spellings: each word, each word's skeleton, the whole name's skeleton,
    the initials and the acronym (a pair is a candidate when it shares a block)."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s in spell:
        keys = set()
        for w in _words(s[0]):
            if w not in _STOP:
                keys.add("w:" + w)
                if len(w) >= 4:
                    keys.add("k:" + _skeleton(w))
        keys.add("s:" + _skel(s[0]))
        if _initials(s[0]):
            keys.add("i:" + _initials(s[0]))
        if _acronym(s[0]):
            keys.add("i:" + _acronym(s[0]))
        for k in keys:
            out[k].append(s)
    return out


def units(story: dict[str, Any], topic: str) -> tuple[dict[str, list[Any]], dict[Any, Any]]:
    """Stratum → sorted units (topic, spelling a, spelling b, decision); and spelling →
    its entities [(folder, article id, entity)]."""
    spell: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for aid, (_, facts) in sorted(story["docs"].items()):
        for e in facts.entities:
            if e.label in LABELS and e.mentions:
                spell[(e.name, e.label)].append((aid.split("/")[0], aid, e))
    roots: dict[tuple[str, str], dict[str, set[str]]] = {}
    for s, ents in spell.items():
        by: dict[str, set[str]] = defaultdict(set)
        for folder, aid, e in ents:
            by[folder].add(story["group"][(aid, e.id)])
        roots[s] = by

    def decisions(a: tuple[str, str], b: tuple[str, str]) -> set[str]:
        out = set()
        for fa, ra in roots[a].items():
            for fb, rb in roots[b].items():
                if fa == fb:
                    continue
                if ra & rb:
                    out.add("join")
                if len(ra | rb) > 1 or not ra & rb:
                    out.add("apart")
        return out

    pairs: set[tuple[tuple[str, str], tuple[str, str]]] = set()
    for key, members in _blocks(spell).items():
        if key.startswith("w:") and len(members) > MAX_BLOCK:
            continue
        for a, b in combinations(sorted(set(members)), 2):
            pairs.add((a, b))
    # joined pairs whatever their names (chains), from the story entities
    by_group: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, ents in spell.items():
        for _, aid, e in ents:
            by_group[story["group"][(aid, e.id)]].add(s)
    for members in by_group.values():
        if len(members) <= 400:
            pairs.update(combinations(sorted(members), 2))
    pairs.update((s, s) for s in spell)
    strata: dict[str, list[Any]] = defaultdict(list)
    for a, b in sorted(pairs):
        rel = relation(a, b)
        for d in sorted(decisions(a, b)):
            if d == "apart" and rel == "other":
                continue
            strata[f"{d}_{rel}"].append((topic, a, b, d))
    return strata, spell


def _side(story: dict[str, Any], folder: str, aid: str, e: Any) -> dict[str, Any]:
    article = story["docs"][aid][0]
    named = min((m for m in e.mentions if m.text == e.name),
                default=min(e.mentions, key=lambda m: m.start), key=lambda m: m.start)
    return {"folder": folder, "uid": aid.split("/", 1)[1], "entity": e.id, "name": e.name,
            "type": e.label, "context": _context(article.text, named.start, named.end),
            "span": [named.start, named.end]}


def draw(root: Path, seed: int = SEED) -> list[dict[str, Any]]:
    """The unlabelled rows: per stratum, units drawn without replacement, then one pair
    of entities of different folders with the unit's decision."""
    rng = random.Random(seed)
    stories, strata, spells = {}, defaultdict(list), {}
    for topic in TOPICS:
        stories[topic] = load_story(root, topic)
        got, spells[topic] = units(stories[topic], topic)
        for k, v in got.items():
            strata[k].extend(v)
    rows = []
    for stratum in sorted(PER_STRATUM):
        pool = strata.get(stratum, [])
        picked = rng.sample(pool, min(PER_STRATUM[stratum], len(pool)))
        for topic, a, b, d in picked:
            story = stories[topic]
            options = [(x, y) for x in spells[topic][a] for y in spells[topic][b]
                       if x[0] != y[0] and x[2] is not y[2]
                       and ((story["group"][(x[1], x[2].id)]
                             == story["group"][(y[1], y[2].id)]) == (d == "join"))]
            x, y = options[rng.randrange(len(options))]
            row_id = f"w{len(rows):03d}"
            rows.append({"id": row_id, "topic": topic, "stratum": stratum,
                         "stratum_size": len(pool), "part": part_of(row_id),
                         "a": _side(story, *x), "b": _side(story, *y), "same": None})
    return rows


def show(path: Path, start: int, count: int) -> None:
    """Rows for blind labelling, in a shuffled order fixed by the seed, one at a time:
    the two names, types, outlets and context sentences; no stratum, no decision."""
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    order = sorted(rows, key=lambda r: hashlib.sha1(("show" + r["id"]).encode()).hexdigest())
    for r in order[start:start + count]:
        print(f"== {r['id']}")
        for side in ("a", "b"):
            s = r[side]
            print(f"  {side}: {s['name']!r} [{s['type']}] ({s['folder']})")
            print(f"     {s['context'][:400]!r}")


def _local_id(facts: Any, side: dict[str, Any]) -> str | None:
    """The article entity with most characters over the side's drawn span (the annotate
    stage may have changed since the draw); None when no entity covers any of them."""
    s0, e0 = side["span"]
    best, most = None, 0
    for e in facts.entities:
        got = sum(max(0, min(m.end, e0) - max(m.start, s0)) for m in e.mentions)
        if got > most:
            best, most = e.id, got
    return best


def predict(root: Path, rows: Sequence[dict[str, Any]]) -> dict[str, bool | None]:
    """Row id → whether the current rules put the two sides in one story entity of the
    whole topic story; None when a side is no longer found."""
    out: dict[str, bool | None] = {}
    for topic in sorted({r["topic"] for r in rows}):
        story = load_story(root, topic)
        for r in rows:
            if r["topic"] != topic:
                continue
            keys = []
            for side in (r["a"], r["b"]):
                aid = f"{side['folder']}/{side['uid']}"
                eid = _local_id(story["docs"][aid][1], side)
                keys.append(None if eid is None else story["group"][(aid, eid)])
            out[r["id"]] = None if None in keys else keys[0] == keys[1]
    return out


def weighted(rows: Sequence[dict[str, Any]], pred: dict[str, bool | None]) -> dict[str, Any]:
    """Precision of the joins and recall over the candidate pool, each row weighted by
    its stratum's size over the labelled rows of that stratum in ``rows``."""
    n: dict[str, int] = defaultdict(int)
    for r in rows:
        n[r["stratum"]] += 1
    tp = fp = fn = 0.0
    raw = {"tp": 0, "fp": 0, "fn": 0}
    for r in rows:
        w = r["stratum_size"] / n[r["stratum"]]
        g, p = bool(r["same"]), bool(pred.get(r["id"]))
        tp += w * (g and p)
        fp += w * (p and not g)
        fn += w * (g and not p)
        raw["tp"] += g and p
        raw["fp"] += p and not g
        raw["fn"] += g and not p
    return {"p": tp / (tp + fp) if tp + fp else 1.0, "r": tp / (tp + fn) if tp + fn else 1.0,
            "w_tp": round(tp, 1), "w_fp": round(fp, 1), "w_fn": round(fn, 1), **raw}


def score_all(root: Path, data: Path = DATA) -> dict[str, Any]:
    rows = [r for r in (json.loads(x) for x in data.read_text(encoding="utf-8").splitlines()
                        if x) if r["same"] is not None]
    systems = {"exact name (baseline)": {
                   r["id"]: r["a"]["name"].casefold() == r["b"]["name"].casefold()
                   for r in rows},
               "newsdesk rules": predict(root, rows)}
    parts = {"dev": [r for r in rows if r["part"] == "dev"],
             "test": [r for r in rows if r["part"] == "test"], "pooled": rows}
    result: dict[str, Any] = {
        "rows": {k: len(v) for k, v in parts.items()},
        "same": {k: sum(bool(r["same"]) for r in v) for k, v in parts.items()},
        "scores": {name: {k: weighted(v, pred) for k, v in parts.items()}
                   for name, pred in systems.items()},
        "missing": sorted(k for k, v in systems["newsdesk rules"].items() if v is None),
        "changed": sorted(r["id"] for r in rows if systems["newsdesk rules"].get(r["id"])
                          is not None and systems["newsdesk rules"][r["id"]]
                          != r["stratum"].startswith("join_")),
    }
    pred = systems["newsdesk rules"]
    result["wrong_joins_dev"] = [
        {"id": r["id"], "stratum": r["stratum"], "topic": r["topic"],
         "a": f"{r['a']['name']} [{r['a']['type']}] {r['a']['folder']}",
         "b": f"{r['b']['name']} [{r['b']['type']}] {r['b']['folder']}"}
        for r in parts["dev"] if pred.get(r["id"]) and not r["same"]]
    result["misses_dev"] = [
        {"id": r["id"], "stratum": r["stratum"], "a": r["a"]["name"], "b": r["b"]["name"]}
        for r in parts["dev"] if r["same"] and not pred.get(r["id"])]
    return result


def print_result(result: dict[str, Any]) -> None:
    print(f"labelled rows {result['rows']}, same {result['same']}")
    print(f"{'system':24} {'part':7} {'P':>6} {'R':>6}   weighted tp/fp/fn      raw tp/fp/fn")
    for name, by in result["scores"].items():
        for part, s in by.items():
            print(f"{name:24} {part:7} {s['p']:6.3f} {s['r']:6.3f}   "
                  f"{s['w_tp']:>7}/{s['w_fp']:>6}/{s['w_fn']:>8}   "
                  f"{s['tp']}/{s['fp']}/{s['fn']}")
    if result["missing"]:
        print("sides not found:", result["missing"])
    if result["changed"]:
        print("rules decide otherwise than at the draw:", result["changed"])
    print("wrong joins in dev, by relation:")
    for e in sorted(result["wrong_joins_dev"], key=lambda e: (e["stratum"], e["id"])):
        print(f"  {e['stratum']:14} {e['id']}  {e['a']}  |  {e['b']}")
    print(f"missed in dev: {len(result['misses_dev'])}")
    for e in sorted(result["misses_dev"], key=lambda e: (e["stratum"], e["id"])):
        print(f"  {e['stratum']:14} {e['id']}  {e['a']}  |  {e['b']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--draw", type=Path)
    parser.add_argument("--label-show", nargs=3)
    parser.add_argument("--score", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if args.label_show:
        show(Path(args.label_show[0]), int(args.label_show[1]), int(args.label_show[2]))
        return 0
    root = timelines_root()
    if root is None:
        return 0
    if args.draw:
        rows = draw(root)
        args.draw.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                             encoding="utf-8")
        print(f"{len(rows)} rows → {args.draw}")
        return 0
    if args.score:
        result = score_all(root, args.data)
        print_result(result)
        out = results_path("entity_pairs_whole.json")
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    parser.print_help()
    return 1


if __name__ == "__main__":
    sys.exit(main())
