"""Story clustering on Timeline17 articles mixed together (``timelines/`` benchmarks).

Every article of the chosen folders goes into one stream (sorted by publication date, then
folder and id, as ``analyze`` sorts its inputs) and ``newsdesk.group.stories`` groups it.
The gold class of an article is its topic (H1N1, MJ, bpoil): a story must never mix
topics (B-cubed precision), and one topic's coverage should stay one story (B-cubed recall).

Split: the bbc + guardian folders (three topics, 921 articles) are the **tune** split;
reuters + foxnews + washingtonpost (two topics, 1,087 articles) the **report** split.
``--split all`` also times the clusterer on growing prefixes of the whole stream (1,000
articles to all) to show how its cost grows. Reference in the same run: scikit-learn's
TF-IDF with agglomerative clustering (average linkage, cosine distance, all pairs — the
textbook non-incremental method), at the distance cut that is best on tune. Beside the
event stories, the **developing topics** over them (``newsdesk.group.topics``: the stories
linked by shared topic keys and rare words, as the dossier shows them) are scored the same
way: Timeline17's gold is a topic, so that is the tier its recall target is for.

    python benchmarks/stories.py [--split tune|report|all] [--sweep]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from common import detokenise, results_path, timelines_root
from newsdesk.group.stories import StoryClusterer, StoryItem
from newsdesk.group.topics import topic_stories

TUNE = ("H1N1_bbc", "H1N1_guardian", "MJ_bbc", "bpoil_bbc", "bpoil_guardian")
REPORT = ("H1N1_reuters", "bpoil_foxnews", "bpoil_reuters", "bpoil_washingtonpost")
SPLITS = {"tune": TUNE, "report": REPORT}
# The reference's cosine-distance cut: the loosest of 0.5..0.95 whose tune B-cubed precision
# stays above 0.95 (0.95 itself merges topics: precision 0.67); --sweep shows the sweep.
REFERENCE_CUT = 0.9
GROWTH = (250, 500, 1000, 2000)


def load(root: Path, folders: Sequence[str]) -> list[tuple[StoryItem, str]]:
    """(item, topic) pairs in stream order; title = the first sentence-ish of the text."""
    rows: list[tuple[StoryItem, str]] = []
    for folder in folders:
        with gzip.open(root / "timelines" / folder / "articles.json.gz", "rt") as f:
            articles = json.load(f)
        for art in articles:
            text = detokenise(art["text"])
            item = StoryItem(f"{folder}/{art['uid']}", date.fromisoformat(art["dct"]), "", text)
            rows.append((item, folder.split("_")[0]))
    rows.sort(key=lambda r: (r[0].day, r[0].id))
    return rows


def bcubed(groups: Sequence[Sequence[str]], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of a grouping against gold classes."""
    class_size = Counter(gold.values())
    p = r = 0.0
    for group in groups:
        counts = Counter(gold[i] for i in group)
        for i in group:
            same = counts[gold[i]]
            p += same / len(group)
            r += same / class_size[gold[i]]
    n = len(gold)
    p, r = p / n, r / n
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4), "stories": len(groups)}


def run_ours(rows: list[tuple[StoryItem, str]], threshold: float | None = None) -> tuple[
    list[tuple[str, ...]], float]:
    clusterer = StoryClusterer() if threshold is None else StoryClusterer(threshold=threshold)
    start = time.perf_counter()
    for item, _ in rows:
        clusterer.add(item)
    return clusterer.groups(), time.perf_counter() - start


def run_topics(rows: list[tuple[StoryItem, str]],
               stories: list[tuple[str, ...]] | None = None) -> tuple[
        list[tuple[str, ...]], float]:
    """The event stories of ``run_ours`` (or ``stories``, as it gave them) linked into
    developing topics: each topic as the article ids of its stories; the seconds are the
    topic tier's alone."""
    if stories is None:
        stories, _ = run_ours(rows)
    by_id = {item.id: item for item, _ in rows}
    start = time.perf_counter()
    topics = topic_stories((ids[0], [by_id[i] for i in ids]) for ids in stories)
    members = {ids[0]: ids for ids in stories}
    groups = [tuple(a for s in group for a in members[s]) for group in topics.groups()]
    return groups, time.perf_counter() - start


def run_reference(rows: list[tuple[StoryItem, str]], cut: float) -> tuple[
    list[tuple[str, ...]], float]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(
        [item.text for item, _ in rows])
    # Euclidean distance between L2-normalised rows is sqrt(2 * cosine distance); unlike
    # sklearn's "cosine" metric it accepts the all-zero row of an article with no terms.
    labels = AgglomerativeClustering(
        n_clusters=None, metric="euclidean", linkage="average",
        distance_threshold=(2 * cut) ** 0.5,
    ).fit_predict(matrix.toarray())
    groups: dict[int, list[str]] = {}
    for (item, _), label in zip(rows, labels, strict=True):
        groups.setdefault(int(label), []).append(item.id)
    return [tuple(g) for g in groups.values()], time.perf_counter() - start


def evaluate(rows: list[tuple[StoryItem, str]]) -> dict[str, Any]:
    gold = {item.id: topic for item, topic in rows}
    ours, seconds = run_ours(rows)
    topics, topic_seconds = run_topics(rows, ours)
    ref, ref_seconds = run_reference(rows, REFERENCE_CUT)
    return {
        "articles": len(rows),
        "topics": len(set(gold.values())),
        "ours": {**bcubed(ours, gold), "seconds": round(seconds, 3)},
        "ours_topics": {**bcubed(topics, gold), "seconds": round(topic_seconds, 3)},
        "reference": {**bcubed(ref, gold), "seconds": round(ref_seconds, 3),
                      "cut": REFERENCE_CUT},
    }


def growth(rows: list[tuple[StoryItem, str]]) -> list[dict[str, Any]]:
    """Time for growing prefixes of the stream, ours and the all-pairs reference."""
    out = []
    for n in [g for g in GROWTH if g < len(rows)] + [len(rows)]:
        _, seconds = run_ours(rows[:n])
        _, ref_seconds = run_reference(rows[:n], REFERENCE_CUT)
        out.append({"articles": n, "ours_seconds": round(seconds, 3),
                    "reference_seconds": round(ref_seconds, 3)})
    return out


def sweep(rows: list[tuple[StoryItem, str]]) -> None:
    gold = {item.id: topic for item, topic in rows}
    for t in (0.02, 0.04, 0.06, 0.08, 0.1):
        print("ours", t, bcubed(run_ours(rows, t)[0], gold))
    for cut in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        print("reference", cut, bcubed(run_reference(rows, cut)[0], gold))


def print_table(name: str, res: dict[str, Any]) -> None:
    print(f"\n{name}: {res['articles']} articles, {res['topics']} topics\n")
    print("| system | B³ precision | B³ recall | B³ F1 | stories | seconds |")
    print("|---|---|---|---|---|---|")
    for key, label in (("ours_topics", "**newsdesk developing topics** (over its stories)"),
                       ("ours", "newsdesk event stories (incremental)"),
                       ("reference", "scikit-learn TF-IDF + agglomerative (all pairs)")):
        r = res[key]
        print(f"| {label} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
              f"{r['stories']} | {r['seconds']:.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "report", "all"), default="all")
    parser.add_argument("--sweep", action="store_true", help="threshold sweep (tune split)")
    args = parser.parse_args(argv)
    root = timelines_root()
    if root is None:
        return 0
    if args.sweep:
        sweep(load(root, TUNE))
        return 0
    results: dict[str, Any] = {"benchmark": "stories"}
    for split in ("tune", "report") if args.split == "all" else (args.split,):
        results[split] = evaluate(load(root, SPLITS[split]))
        print_table(split, results[split])
    if args.split == "all":
        rows = load(root, TUNE + REPORT)
        results["all"] = evaluate(rows)
        print_table("all (tune + report mixed)", results["all"])
        results["growth"] = growth(rows)
        print("\n| articles | newsdesk s | reference s |\n|---|---|---|")
        for g in results["growth"]:
            print(f"| {g['articles']} | {g['ours_seconds']:.2f} | {g['reference_seconds']:.2f} |")
        results_path("stories.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
