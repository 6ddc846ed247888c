"""The frozen sample behind ``data/thread_pairs.jsonl``: pairs of event stories, labelled
"same developing story" or not.

Why: newsdesk groups articles into *event* stories (precision first). A later "thread" tier
is to link event stories into developing-story threads (an epidemic, a war, a spill and its
aftermath, a trial). Timeline17's topic folders are too coarse to judge such a tier's
precision on mixed news, so this sample was drawn, and labelled by hand, **before any thread
rule existed** (no linking rule was designed or tuned while drawing or labelling).

How: three streams are grouped with the shipped grouping, exactly as the story benchmarks
do it (``stories_stream.load_neus`` / ``load_gva`` (both through ``as_analyzed``) and
``stories.load`` for Timeline17, each fed to ``StoryClusterer`` in stream order). A
predicted story's date is its first article's day; its "rare words" are the lower-cased
words of its first (up to) three articles' title + first 300 words whose
``wordfreq.zipf_frequency(word, "en") < 3.5``. Every candidate pair joins two *different*
predicted stories A and B, A first (earlier day, then id), first days at most 60 days apart:

- **NeuS** (AllSides crawl, 2021; mixed news of the same days; the main target): pairs that
  share at least one rare word, stratified by how many they share (``rare1``, ``rare2``,
  ``rare3-4``, ``rare5+``), plus ``random_week``: random pairs whose first days are at most
  7 days apart (~10 %).
- **Timeline17** (both the TUNE and REPORT folder lists of ``stories.py``; each split is
  its own stream, as ``stories.py`` runs it): pairs whose first articles come from one topic
  folder, stratified by days apart (``days0-7``, ``days8-30``, ``days31-60``), and
  ``cross_folder``: pairs whose first articles come from two different folders of the
  split. The row's split is the folder's (tune / report).
- **GVA** (the whole stream): pairs at most 30 days apart whose first articles share a rare
  capitalised word (``[A-Z][a-z]+``, zipf < 3.5 — small towns, streets, surnames: "city-ish"),
  half where the gold incidents of the two stories overlap (``gold_same``: the grouping
  split one incident) and half where they do not (``gold_diff``). The gold answer is stored
  in ``gold_same_incident``; the pairs are labelled by hand all the same (a follow-up of the
  same shooting is the same developing story; two shootings in one city are not).

Split: Timeline17 rows carry their folder's split (``tune`` / ``report``); NeuS and GVA rows
are ``dev`` for even row numbers and ``test`` for odd ones (row number within the stream,
fixed at drawing time). ``random.Random(SEED)`` draws everything, strata in a fixed order,
over candidates sorted by key, so the run is reproducible.

    python benchmarks/thread_pairs_sample.py OUT.jsonl [--dump OUT.txt]  # unlabelled rows
    python benchmarks/thread_pairs_sample.py --check    # labelled file == a fresh draw

``--dump`` writes what the labeller read: each story's titles, the first 180 words of its
first article and the first 70 of its second.

The labelled file keeps the drawn fields and adds ``label`` (same / different / unsure) and
``reason``. See ``data/README-thread-pairs.md`` for counts, the definition and hard cases.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from common import HERE
from newsdesk.group.stories import StoryItem

SEED = 20261206
MAX_DAYS = 60
GVA_MAX_DAYS = 30
RARE_ZIPF = 3.5
RARE_WORDS_OF = 300  # words of each article's text looked at
RARE_ARTICLES = 3  # first articles of a story looked at
# rare5+ holds only a handful of candidates (stories sharing that much were mostly grouped
# together already): all of them are taken, and the other strata share the rest.
NEUS_PER_STRATUM = {"rare1": 60, "rare2": 60, "rare3-4": 70, "rare5+": 10, "random_week": 22}
T17_PER_STRATUM = {"days0-7": 30, "days8-30": 30, "days31-60": 30, "cross_folder": 10}
GVA_PER_STRATUM = {"gold_same": 40, "gold_diff": 40}
OUT = HERE / "data" / "thread_pairs.jsonl"

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
_CAP = re.compile(r"\b[A-Z][a-z]{2,}\b")


@dataclass(frozen=True)
class Story:
    id: str
    stream: str
    day: date
    items: tuple[StoryItem, ...]
    folder: str = ""  # Timeline17: the first article's folder
    split: str = ""  # Timeline17: tune / report
    gold: frozenset[str] = frozenset()  # GVA incidents / NeuS AllSides stories

    @property
    def first(self) -> StoryItem:
        return self.items[0]


def _zipf() -> Any:
    from functools import cache

    from wordfreq import zipf_frequency

    @cache
    def zipf(word: str) -> float:
        return float(zipf_frequency(word, "en"))
    return zipf


ZIPF = _zipf()


def head_words(item: StoryItem, n: int = RARE_WORDS_OF) -> str:
    return f"{item.title}\n{' '.join(item.text.split()[:n])}"


def title_of(item: StoryItem) -> str:
    """The title; Timeline17 articles have none, so their first ~25 words stand in."""
    if item.title.strip():
        return item.title.strip()
    return " ".join(item.text.split()[:25])


def rare_words(story: Story) -> frozenset[str]:
    words: set[str] = set()
    for item in story.items[:RARE_ARTICLES]:
        for w in _WORD.findall(head_words(item)):
            w = w.lower().replace("’", "'").removesuffix("'s")
            if len(w) >= 3 and ZIPF(w) < RARE_ZIPF:
                words.add(w)
    return frozenset(words)


def rare_capitalised(story: Story) -> frozenset[str]:
    words: set[str] = set()
    for item in story.items[:RARE_ARTICLES]:
        for w in _CAP.findall(head_words(item)):
            if ZIPF(w.lower()) < RARE_ZIPF:
                words.add(w)
    return frozenset(words)


def stories_of(stream: str, rows: Sequence[tuple[StoryItem, Any]],
               folder_split: dict[str, str] | None = None) -> list[Story]:
    from stories_stream import run_ours

    by_id = {item.id: (item, gold) for item, gold in rows}
    out = []
    for members in run_ours(list(rows)):
        items = tuple(by_id[i][0] for i in members)
        gold: set[str] = set()
        for i in members:
            g = by_id[i][1]
            gold.update((g,) if isinstance(g, str) else g)
        first = items[0]
        folder = first.id.split("/")[0] if stream == "t17" else ""
        out.append(Story(f"{stream}:{first.id}", stream, first.day or date.min, items, folder,
                         (folder_split or {}).get(folder, ""), frozenset(gold)))
    out.sort(key=lambda s: (s.day, s.id))
    return out


def ordered_pairs(stories: Sequence[Story], max_days: int) -> list[tuple[Story, Story]]:
    """Every (A, B) of different stories, A first, first days <= max_days apart."""
    pairs = []
    for i, a in enumerate(stories):
        for b in stories[i + 1:]:
            if (b.day - a.day).days > max_days:
                break
            pairs.append((a, b))
    return pairs


def draw(rng: random.Random, strata: dict[str, list[tuple[Story, Story]]],
         per: dict[str, int], used: set[tuple[str, str]]) -> list[tuple[str, Story, Story]]:
    out = []
    for name, n in per.items():
        pool = [p for p in sorted(strata.get(name, []), key=lambda p: (p[0].id, p[1].id))
                if (p[0].id, p[1].id) not in used]
        for a, b in rng.sample(pool, min(n, len(pool))):
            used.add((a.id, b.id))
            out.append((name, a, b))
    return out


def neus_pairs(rng: random.Random, stories: list[Story]) -> list[tuple[str, Story, Story]]:
    rare = {s.id: rare_words(s) for s in stories}
    strata: dict[str, list[tuple[Story, Story]]] = defaultdict(list)
    week = []
    for a, b in ordered_pairs(stories, MAX_DAYS):
        shared = len(rare[a.id] & rare[b.id])
        if shared:
            name = ("rare1" if shared == 1 else "rare2" if shared == 2
                    else "rare3-4" if shared <= 4 else "rare5+")
            strata[name].append((a, b))
        if (b.day - a.day).days <= 7:
            week.append((a, b))
    strata["random_week"] = week
    for name in NEUS_PER_STRATUM:
        print(f"neus {name}: {len(strata[name])} candidates", file=sys.stderr)
    return draw(rng, strata, NEUS_PER_STRATUM, set())


def t17_pairs(rng: random.Random, stories: list[Story]) -> list[tuple[str, Story, Story]]:
    strata: dict[str, list[tuple[Story, Story]]] = defaultdict(list)
    for a, b in ordered_pairs(stories, MAX_DAYS):
        if a.split != b.split:
            continue
        if a.folder != b.folder:
            strata["cross_folder"].append((a, b))
            continue
        days = (b.day - a.day).days
        strata["days0-7" if days <= 7 else "days8-30" if days <= 30 else "days31-60"].append(
            (a, b))
    for name in T17_PER_STRATUM:
        print(f"t17 {name}: {len(strata[name])} candidates", file=sys.stderr)
    return draw(rng, strata, T17_PER_STRATUM, set())


def gva_pairs(rng: random.Random, stories: list[Story]) -> list[tuple[str, Story, Story]]:
    caps = {s.id: rare_capitalised(s) for s in stories}
    strata: dict[str, list[tuple[Story, Story]]] = defaultdict(list)
    for a, b in ordered_pairs(stories, GVA_MAX_DAYS):
        if caps[a.id] & caps[b.id]:
            strata["gold_same" if a.gold & b.gold else "gold_diff"].append((a, b))
    for name in GVA_PER_STRATUM:
        print(f"gva {name}: {len(strata[name])} candidates", file=sys.stderr)
    return draw(rng, strata, GVA_PER_STRATUM, set())


def side(story: Story) -> dict[str, Any]:
    return {"story": story.id, "articles": len(story.items), "title": title_of(story.first),
            "published": story.day.isoformat(), "article_ids": [i.id for i in story.items]}


def rows_for(stream: str, drawn: list[tuple[str, Story, Story]]) -> list[dict[str, Any]]:
    out = []
    for n, (stratum, a, b) in enumerate(drawn):
        row: dict[str, Any] = {
            "id": f"{stream}-{n:03d}", "stream": stream, "stratum": stratum,
            "split": a.split if stream == "t17" else ("dev" if n % 2 == 0 else "test"),
            "days_apart": (b.day - a.day).days,
        }
        if stream == "neus":
            shared = sorted(rare_words(a) & rare_words(b))
            row["shared_rare"] = shared
            row["gold_same_allsides_story"] = bool(a.gold & b.gold)
        elif stream == "gva":
            row["shared_rare"] = sorted(rare_capitalised(a) & rare_capitalised(b))
            row["gold_same_incident"] = bool(a.gold & b.gold)
        else:
            row["folders"] = [a.folder, b.folder]
        row["a"], row["b"] = side(a), side(b)
        out.append(row)
    return out


def draw_all() -> tuple[list[dict[str, Any]], dict[str, Story]]:
    from stories import REPORT, TUNE, load
    from stories_stream import load_gva, load_neus, stories_root

    root = stories_root()
    if root is None:
        raise SystemExit(0)
    rng = random.Random(SEED)
    by_id: dict[str, Story] = {}
    rows: list[dict[str, Any]] = []

    neus = stories_of("neus", load_neus(root))
    rows += rows_for("neus", neus_pairs(rng, neus))
    by_id.update((s.id, s) for s in neus)

    t17: list[Story] = []
    for split, folders in (("tune", TUNE), ("report", REPORT)):
        t17 += stories_of("t17", load(root.parent, folders), {f: split for f in folders})
    t17.sort(key=lambda s: (s.day, s.id))
    rows += rows_for("t17", t17_pairs(rng, t17))
    by_id.update((s.id, s) for s in t17)

    gva_rows, _ = load_gva(root)
    gva = stories_of("gva", gva_rows)
    rows += rows_for("gva", gva_pairs(rng, gva))
    by_id.update((s.id, s) for s in gva)
    return rows, by_id


def dump(rows: list[dict[str, Any]], by_id: dict[str, Story], path: Path,
         words: int = 180, second: int = 70) -> None:
    """The texts a labeller reads: both stories' titles, the first ``words`` words of the
    first article and the first ``second`` words of the second article of each story."""
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(f"=== {row['id']} [{row['stratum']}] {row['days_apart']} days "
                    f"shared={row.get('shared_rare', row.get('folders'))}\n")
            for key in ("a", "b"):
                story = by_id[row[key]["story"]]
                f.write(f"--- {key.upper()} {story.day} ({len(story.items)} articles)\n")
                for item, n in zip(story.items[:2], (words, second), strict=False):
                    f.write(f"* {title_of(item)} [{item.day}]\n")
                    f.write(" ".join(item.text.split()[:n]) + "\n")
            f.write("\n")


def check(rows: list[dict[str, Any]]) -> int:
    """1 unless the labelled file is the fresh draw, row for row, plus a label and reason."""
    labelled = [json.loads(line) for line in OUT.read_text("utf-8").splitlines()]
    bad = len(labelled) != len(rows)
    for drawn, row in zip(rows, labelled, strict=False):
        label, reason = row.pop("label", None), row.pop("reason", None)
        if row != drawn or label not in ("same", "different", "unsure") or not reason:
            print(f"mismatch: {drawn['id']}", file=sys.stderr)
            bad = True
    print("ok" if not bad else "MISMATCH", file=sys.stderr)
    return int(bad)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="where to write the unlabelled rows")
    parser.add_argument("--check", action="store_true",
                        help=f"check that {OUT.name} holds exactly a fresh draw plus labels")
    parser.add_argument("--dump", help="also write the texts to label to this file")
    parser.add_argument("--words", type=int, default=180)
    parser.add_argument("--second", type=int, default=70)
    args = parser.parse_args(argv)
    if not args.out and not args.check:
        parser.error("give OUT.jsonl or --check")
    rows, by_id = draw_all()
    if args.check:
        return check(rows)
    with open(args.out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs -> {args.out}", file=sys.stderr)
    if args.dump:
        dump(rows, by_id, Path(args.dump), args.words, args.second)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
