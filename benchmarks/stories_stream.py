"""Story grouping on real same-days streams: GVA, FNC-1 and the NeuS/AllSides 2021 crawl.

Each data set is run as one stream in publication order (day, then id), the way ``analyze``
runs its inputs, and the predicted stories are scored with B-cubed precision / recall / F1
against the gold story of every article. Beside newsdesk, in the same run:

- **alone**: every article a story of its own (the trivial baseline);
- **previous**: the grouping newsdesk shipped before issue 12 (``stories_previous.py``);
- **window_120**: newsdesk with stories closed after 120 quiet days, as before session 13;
- **follow_ups**: newsdesk with the follow-up links of session 16 (recalled days,
  addresses: ``StoryClusterer.follow_ups``; measured, not adopted);
- **all-pairs**: TF-IDF (fitted on the whole stream: an advantage no incremental method has)
  cosine between every two articles published at most 3 days apart, single link at a strict
  threshold chosen on the GVA tune split (``--sweep`` shows the sweep).

Data sets (``../shared/benchmarks/stories``):

- ``gva``: 6,295 local-news articles about 3,659 shootings. The whole stream is run; tuning
  looks only at articles of ``tune`` incidents (``split.tsv``), the README reports ``report``.
  The 39 round-up articles that belong to several incidents stay in the stream and are left
  out of scoring. Also counted: same-day (±1 day) article pairs of *different* incidents put
  into one story (the hard negatives; 25,641 such pairs exist).
- ``fnc1``: 904 FNC-1 bodies in 110 claim clusters; no dates, so one undated stream.
- ``neus``: the AllSides crawl, 1,479 articles of 506 stories over six months, dated by the
  AllSides story date; left, centre and right outlets word one story differently.

    python benchmarks/stories_stream.py [--data gva fnc1 neus] [--split tune|report] [--sweep]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import os
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from common import benchmarks_dir, results_path
from newsdesk.group.grouping import url_host
from newsdesk.group.stories import StoryClusterer, StoryItem

Rows = list[tuple[StoryItem, tuple[str, ...]]]  # item, gold stories (several for round-ups)
Groups = list[tuple[str, ...]]

# All-pairs reference: articles at most this many days apart are compared.
PAIR_WINDOW_DAYS = 3
# Its cosine cut: the best B-cubed F1 on the GVA tune split among cuts keeping precision
# >= 0.97 (--sweep: 0.2 gives P 0.970 R 0.785 F1 0.868 there).
PAIR_THRESHOLD = 0.2
# How long a quiet story stayed open before session 13 (``stories.WINDOW_DAYS`` now).
SESSION_12_WINDOW_DAYS = 120


def stories_root() -> Path | None:
    root = benchmarks_dir() / "stories"
    if root.is_dir():
        return root
    print(f"skipped: {root} not found (set NEWSDESK_BENCHMARKS)")
    return None


def load_gva(root: Path) -> tuple[Rows, dict[str, str]]:
    """GVA rows in stream order, and each incident's split (tune/report)."""
    split: dict[str, str] = {}
    with open(root / "gva" / "split.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            split[row["incident"]] = row["split"]
    rows: Rows = []
    with gzip.open(root / "gva" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            item = StoryItem(art["id"], date.fromisoformat(art["published"]),
                             art.get("title") or "", art.get("text") or "",
                             url_host(art.get("url") or ""))
            rows.append((item, tuple(art["incident"])))
    return _ordered(rows), split


def load_fnc1(root: Path) -> Rows:
    with gzip.open(root / "fnc1" / "fnc_test_body_clusters.json.gz", "rt",
                   encoding="utf-8") as f:
        bodies = json.load(f)
    return _ordered([(StoryItem(f"fnc-{b['body_id']}", None, "", b["text"]), (b["cluster"],))
                     for b in bodies])


def load_neus(root: Path) -> Rows:
    rows: Rows = []
    with gzip.open(root / "neus" / "allsides_crawled_2021-10-19.jsonl.gz", "rt",
                   encoding="utf-8") as f:
        for line in f:
            story = json.loads(line)
            day = date.fromisoformat(story["date"][:10])
            for lean, art in sorted((story.get("news") or {}).items()):
                text = "\n\n".join(art.get("newBody") or [])
                if not text.strip():
                    continue
                site = f"{art.get('newsSource') or ''} {url_host(art.get('newsLink') or '')}"
                rows.append((StoryItem(f"neus-{story['id']}-{lean}", day,
                                       art.get("newsTitle") or "", text, site),
                             (str(story["id"]),)))
    return _ordered(rows)


def _ordered(rows: Rows) -> Rows:
    return as_analyzed(sorted(rows, key=lambda r: (r[0].day is None, r[0].day or date.min,
                                                  r[0].id)))


def as_analyzed(rows: Rows) -> Rows:
    """The rows with the text ``analyze`` would group: each body goes through the JSONL
    intake (the plain-text cleaner drops menus, sign-up prompts and related-story lists),
    as a user's feed does. Set ``NEWSDESK_STREAM_RAW=1`` to group the bodies as given.
    A body the intake refuses (E200, E206: a sign-in or sign-up wall) is grouped as given,
    so that every gold article is scored; ``NEWSDESK_STREAM_REFUSED=title`` groups it by
    its title alone instead, closer to ``analyze``, which leaves it out.
    The cleaned texts are cached per version of the intake code (about 8 ms a body)."""
    if os.environ.get("NEWSDESK_STREAM_RAW"):
        return rows
    title_only = os.environ.get("NEWSDESK_STREAM_REFUSED") == "title"
    from newsdesk.config import load_settings
    from newsdesk.extraction.pipeline import extract_source
    from newsdesk.ingest.jsonl import parse_line
    from newsdesk.model import Article, Source
    from newsdesk.versions import code_version

    version = code_version(("ingest", "extraction", "model.py", "config.py"))
    digest = hashlib.sha1("\0".join(r[0].id for r in rows).encode()).hexdigest()[:12]
    mode = "-refused-title" if title_only else ""
    cache = Path(tempfile.gettempdir()) / f"newsdesk-stream-{digest}-{version}{mode}.json"
    if cache.is_file():
        texts: dict[str, list[str]] = json.loads(cache.read_text("utf-8"))
    else:
        settings = load_settings()
        texts = {}
        for item, _ in rows:
            record = json.dumps({"text": item.text, "title": item.title}).encode("utf-8")
            source = parse_line(item.id, record, settings.max_input_bytes)
            article = (extract_source(source, settings) if isinstance(source, Source)
                       else source)
            # A body the cleaner refuses is a failure in analyze (E200, E206); it is kept
            # (as given, or by its title alone) so that every gold article is still scored.
            refused_text = "" if title_only else item.text
            texts[item.id] = ([article.text, article.title or item.title]
                              if isinstance(article, Article) else [refused_text, item.title])
        cache.write_text(json.dumps(texts), "utf-8")
    return [(replace(item, text=texts[item.id][0], title=texts[item.id][1]), gold)
            for item, gold in rows]


def load_gva_tune() -> tuple[Rows, dict[str, str]] | None:
    """The GVA stream and the gold of its tune incidents (what tuning scripts may look
    at); None, after saying so, when the data is not there."""
    root = stories_root()
    if root is None:
        return None
    rows, split = load_gva(root)
    return rows, gold_for(rows, lambda incident: split.get(incident) == "tune")


def bcubed(groups: Groups, gold: dict[str, str]) -> dict[str, float]:
    """B-cubed P/R/F1 over the articles in ``gold`` (others in the groups are ignored)."""
    class_size = Counter(gold.values())
    p = r = 0.0
    for group in groups:
        scored = [i for i in group if i in gold]
        counts = Counter(gold[i] for i in scored)
        for i in scored:
            same = counts[gold[i]]
            p += same / len(scored)
            r += same / class_size[gold[i]]
    n = len(gold) or 1
    p, r = p / n, r / n
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def same_day_false_merges(groups: Groups, rows: Rows, gold: dict[str, str]) -> int:
    """Pairs of scored articles published within a day of each other, of different gold
    stories, that were put into one story: the errors an analyst would most likely miss."""
    day = {item.id: item.day for item, _ in rows}
    bad = 0
    for group in groups:
        scored = [i for i in group if i in gold]
        for a_index, a in enumerate(scored):
            for b in scored[a_index + 1:]:
                da, db = day[a], day[b]
                near = da is None or db is None or abs((da - db).days) <= 1
                if near and gold[a] != gold[b]:
                    bad += 1
    return bad


def run_alone(rows: Rows) -> Groups:
    return [(item.id,) for item, _ in rows]


def run_ours(rows: Rows, clusterer: StoryClusterer | None = None) -> Groups:
    clusterer = StoryClusterer() if clusterer is None else clusterer
    for item, _ in rows:
        clusterer.add(item)
    return clusterer.groups()


def run_window_120(rows: Rows) -> Groups:
    """newsdesk as it was before stories stayed open a year (session 12: closed after 120
    quiet days), for the same-run comparison."""
    return run_ours(rows, StoryClusterer(window_days=SESSION_12_WINDOW_DAYS))


def run_follow_ups(rows: Rows) -> Groups:
    """newsdesk with follow-ups that refer back to their event linked (session 16: recalled
    days, addresses; ``StoryClusterer.follow_ups``, measured and not adopted)."""
    return run_ours(rows, StoryClusterer(follow_ups=True))


def run_previous(rows: Rows) -> Groups:
    from stories_previous import StoryClusterer as Previous

    clusterer = Previous()
    for item, _ in rows:
        clusterer.add(item)
    return clusterer.groups()


def run_all_pairs(rows: Rows, threshold: float = PAIR_THRESHOLD) -> Groups:
    """TF-IDF cosine over all pairs at most PAIR_WINDOW_DAYS apart, single link."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsdesk.crosscheck.unionfind import UnionFind

    texts = [f"{item.title}\n{item.text}" for item, _ in rows]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(
        texts)
    days = [item.day.toordinal() if item.day else None for item, _ in rows]
    links: UnionFind[int] = UnionFind(range(len(rows)))
    dated = [i for i, d in enumerate(days) if d is not None]
    undated = [i for i, d in enumerate(days) if d is None]
    # Dated articles: compare each with those up to the window later (rows are in day order).
    start = 0
    for i in dated:
        while days[dated[start]] < days[i] - PAIR_WINDOW_DAYS:  # type: ignore[operator]
            start += 1
        window = [j for j in dated[start:] if j < i]
        _link(matrix, i, window, threshold, links)
    for position, i in enumerate(undated):  # undated: every pair (FNC-1 has no dates)
        _link(matrix, i, undated[:position], threshold, links)
    groups: dict[int, list[str]] = defaultdict(list)
    for index, (item, _) in enumerate(rows):
        groups[links.find(index)].append(item.id)
    return [tuple(g) for g in groups.values()]


def _link(matrix: Any, i: int, others: list[int], threshold: float, links: Any) -> None:
    if not others:
        return
    sims = (matrix[others] @ matrix[i].T).toarray().ravel()
    for j, sim in zip(others, sims, strict=True):
        if sim >= threshold:
            links.union(i, j)


METHODS: dict[str, Callable[[Rows], Groups]] = {
    "alone": run_alone, "previous": run_previous, "all_pairs": run_all_pairs,
    "window_120": run_window_120, "follow_ups": run_follow_ups, "newsdesk": run_ours,
}
LABELS = {"alone": "every article alone", "previous": "previous grouping (session 4)",
          "all_pairs": f"all-pairs TF-IDF cosine ≥ {PAIR_THRESHOLD}, single link, "
                       f"{PAIR_WINDOW_DAYS}-day window",
          "window_120": "newsdesk, stories closed after 120 quiet days (session 12)",
          "follow_ups": "newsdesk + follow-ups that refer back (session 16, not adopted)",
          "newsdesk": "**newsdesk**"}


def gold_for(rows: Rows, keep: Callable[[str], bool] = lambda _: True) -> dict[str, str]:
    """Scored articles: those with one gold story that ``keep`` accepts."""
    return {item.id: labels[0] for item, labels in rows if len(labels) == 1 and keep(labels[0])}


def evaluate(rows: Rows, gold: dict[str, str], methods: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"articles": len(rows), "scored": len(gold),
                           "stories": len(set(gold.values()))}
    for name in methods:
        start = time.perf_counter()
        groups = METHODS[name](rows)
        seconds = time.perf_counter() - start
        out[name] = {**bcubed(groups, gold), "seconds": round(seconds, 2),
                     "same_day_false_merges": same_day_false_merges(groups, rows, gold),
                     "largest": max((sum(i in gold for i in g) for g in groups), default=0)}
    return out


def print_table(title: str, res: dict[str, Any], methods: Sequence[str]) -> None:
    print(f"\n{title}: {res['scored']} scored articles in {res['stories']} stories "
          f"({res['articles']} in the stream)\n")
    print("| system | B³ P | B³ R | B³ F1 | same-day false merges | largest story | s |")
    print("|---|---|---|---|---|---|---|")
    for name in methods:
        r = res[name]
        print(f"| {LABELS[name]} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
              f"{r['same_day_false_merges']} | {r['largest']} | {r['seconds']:.1f} |")


def sweep(rows: Rows, gold: dict[str, str]) -> None:
    for t in (0.15, 0.2, 0.25, 0.3):
        print("all-pairs", t, bcubed(run_all_pairs(rows, t), gold))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", nargs="+", choices=("gva", "fnc1", "neus"),
                        default=["gva", "fnc1", "neus"])
    parser.add_argument("--split", choices=("tune", "report"), default="report",
                        help="which GVA incidents are scored")
    parser.add_argument("--methods", nargs="+", choices=tuple(METHODS), default=list(METHODS))
    parser.add_argument("--sweep", action="store_true", help="all-pairs threshold sweep")
    args = parser.parse_args(argv)
    root = stories_root()
    if root is None:
        return 0
    results: dict[str, Any] = {"benchmark": "stories_stream"}
    if "gva" in args.data:
        rows, split = load_gva(root)
        gold = gold_for(rows, lambda incident: split.get(incident) == args.split)
        if args.sweep:
            sweep(rows, gold)
            return 0
        results[f"gva_{args.split}"] = res = evaluate(rows, gold, args.methods)
        print_table(f"GVA, {args.split} incidents", res, args.methods)
    for name, loader in (("fnc1", load_fnc1), ("neus", load_neus)):
        if name in args.data:
            rows = loader(root)
            results[name] = res = evaluate(rows, gold_for(rows), args.methods)
            print_table(name, res, args.methods)
    out = io.StringIO()
    json.dump(results, out, indent=2)
    results_path(f"stories_stream_{args.split}.json").write_text(out.getvalue() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
