"""Developing-story threads and topics over event stories (``newsdesk.group.threads``,
``newsdesk.group.topics``), measured.

What: event stories are grouped by the shipped ``StoryClusterer`` exactly as
``thread_pairs_sample.py`` groups them (NeuS and GVA through ``stories_stream`` with
``as_analyzed``; Timeline17's TUNE and REPORT folder lists of ``stories.py``, each split its
own stream), then each stream's stories are threaded in order of their first day. Scored:

(a) **labelled pairs** (``data/thread_pairs.jsonl``, labelled before any thread rule
    existed): a pair is predicted "same" when both stories end in one thread after the
    whole stream is threaded; ``unsure`` rows are left out. Precision / recall / F1 per
    stream and split (NeuS, GVA: ``dev`` / ``test``; Timeline17: ``tune`` / ``report``) and
    pooled over dev+tune and over test+report.
(b) **Timeline17 B-cubed** at thread level against the topic of each folder (as
    ``stories.py`` scores it), TUNE and REPORT streams, beside event stories alone.
(c) **GVA B-cubed** at thread level against incidents (``tune`` and ``report`` incidents of
    ``split.tsv``), beside event stories alone: a thread tier must not chain different
    shootings.
    Also shown, not a target: NeuS B-cubed against AllSides' event stories.

Three groupings are scored side by side in one run: event stories alone, the words threads
(``threads.Threader``) and the developing topics (``topics.topic_stories``: the words links
and the topic-key links together) — the tier the dossier shows.

How: the grouped streams are cached (``--cache``, default ``/tmp/threads-cache``) because
grouping takes minutes and the thread tier seconds. ``--sweep`` threads the streams with
several settings and prints **only** the dev / tune numbers (what the rule was chosen on);
``--sweep-topics`` does the same for the topic tier's settings; the default run scores the
shipped settings on every split, once, and writes ``results/threads.json``.

    python benchmarks/threads.py [--sweep | --sweep-topics] [--cache DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from common import HERE, results_path
from newsdesk.group.threads import Threader, ThreadSettings, thread_stories
from newsdesk.group.topics import Topics, TopicSettings, topic_stories

PAIRS = HERE / "data" / "thread_pairs.jsonl"
STREAMS = ("neus", "t17_tune", "t17_report", "gva")
TUNE_SPLITS = ("dev", "tune")
# The files of group/ that the thread and topic tiers read, not the event grouping.
TIER_FILES = frozenset({"threads.py", "topics.py", "genre_words.tsv"})
# Settings compared by --sweep (dev / tune only); the first is the shipped one.
SWEEP: tuple[ThreadSettings, ...] = (
    ThreadSettings(),
    # the join rule's knobs
    *(ThreadSettings(threshold=t) for t in (0.15, 0.2, 0.3, 0.35, 0.4)),
    *(ThreadSettings(min_shared=2, threshold=t) for t in (0.3, 0.4, 0.5)),
    ThreadSettings(day_slope=0.2),
    # what counts as evidence
    ThreadSettings(headline_veto=False), ThreadSettings(min_df=1),
    ThreadSettings(keep_headline=False), ThreadSettings(rare_zipf=3.5),
    ThreadSettings(max_df_share=1.0), ThreadSettings(max_df_share=0.05),
    ThreadSettings(site_furniture=False), ThreadSettings(idf_power=0.5),
    # how far back and how many members
    ThreadSettings(recent_members=1), ThreadSettings(recent_members=100),
    ThreadSettings(window_days=30), ThreadSettings(window_days=120),
    # the loose end: what Timeline17 recall costs on NeuS and GVA
    *(ThreadSettings(min_shared=1, max_df_share=1.0, idf_power=0.5, threshold=t)
      for t in (0.2, 0.1, 0.05)),
    ThreadSettings(min_shared=1, max_df_share=1.0, idf_power=0.5, threshold=0.1,
                   window_days=120),
)

# Topic settings compared by --sweep-topics (dev / tune only); the first is the shipped one.
TOPIC_SWEEP: tuple[TopicSettings, ...] = (
    TopicSettings(),
    TopicSettings(words=False),  # the key links alone
    TopicSettings(words_need_key=False),  # any words link counts
    TopicSettings(words_need_coherent_key=True),  # a words link needs a coherent key
    *(TopicSettings(genre_min=m) for m in (0, 2, 5, 10)),  # learnt genre words (0: none)
    TopicSettings(name_keys=True),  # "michael jackson" as one key
    TopicSettings(lead_repeats=0),  # only the head's words can be keys
    TopicSettings(fan_out=1),  # one key link per story
    TopicSettings(coherent=-1.0),  # every key that is not a place joins
    TopicSettings(coherent=-1.0, places=False),
    *(TopicSettings(coherent=c) for c in (0.4, 0.5, 0.55, 0.7)),
    TopicSettings(coherent_min=3),
    *(TopicSettings(mutual=m) for m in (0.0, 0.1, 0.3)),
    TopicSettings(key_zipf=3.9),
    TopicSettings(strong_keys=4), TopicSettings(strong_keys=8),
    TopicSettings(head_words=60), TopicSettings(key_share=0.34),
    *(TopicSettings(window_days=d) for d in (21, 60)),
    TopicSettings(rare_window_days=90),
)


def load_streams(cache_dir: Path) -> dict[str, Any]:
    """Each stream's predicted event stories (``thread_pairs_sample.Story``), grouped once
    and cached by the grouping code's version."""
    from newsdesk.versions import PACKAGE, code_version

    group = PACKAGE / "group"
    # The grouping's code, not these tiers': editing threads.py, topics.py or the topic
    # tier's data (genre words) keeps the cache.
    parts = tuple(f"group/{p.name}" for p in sorted(group.iterdir())
                  if p.is_file() and p.name not in TIER_FILES)
    version = code_version((*parts, "ingest", "extraction", "model.py", "config.py"))
    key = hashlib.sha1(version.encode()).hexdigest()[:12]
    path = cache_dir / f"streams-{key}.pkl"
    if path.is_file():
        with open(path, "rb") as f:
            cached: dict[str, Any] = pickle.load(f)
        return cached
    from stories import REPORT, TUNE, load
    from stories_stream import load_gva, load_neus, stories_root
    from thread_pairs_sample import stories_of

    root = stories_root()
    if root is None:
        raise SystemExit(0)
    out: dict[str, Any] = {"neus": stories_of("neus", load_neus(root))}
    for split, folders in (("tune", TUNE), ("report", REPORT)):
        out[f"t17_{split}"] = stories_of("t17", load(root.parent, folders),
                                         {f: split for f in folders})
    gva_rows, out["gva_split"] = load_gva(root)
    out["gva"] = stories_of("gva", gva_rows)
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        pickle.dump(out, f)
    return out


def topic_all(streams: dict[str, Any], settings: TopicSettings,
              names: Sequence[str] = STREAMS) -> dict[str, Topics]:
    return {name: topic_stories(((s.id, s.items) for s in streams[name]), settings)
            for name in names}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4), "tp": tp, "fp": fp, "fn": fn}


def thread_index(threaders: dict[str, Threader] | dict[str, Topics]
                 ) -> dict[str, dict[str, str]]:
    """Per stream: story id -> thread id."""
    out: dict[str, dict[str, str]] = {}
    for name, threader in threaders.items():
        out[name] = {j.story_id: j.thread_id for j in threader.joins}
    return out


def score_pairs(rows: Sequence[dict[str, Any]], threaders: dict[str, Any],
                splits: Sequence[str] | None = None) -> dict[str, Any]:
    """Pair P / R / F1 per stream and split, pooled over dev+tune and test+report."""
    index = thread_index(threaders)
    counts: dict[str, list[int]] = {}
    wrong: list[dict[str, Any]] = []
    for row in rows:
        if row["label"] == "unsure" or (splits and row["split"] not in splits):
            continue
        stream = row["stream"] if row["stream"] != "t17" else f"t17_{row['split']}"
        threads = index[stream]
        a, b = row["a"]["story"], row["b"]["story"]
        if a not in threads or b not in threads:
            raise SystemExit(f"{row['id']}: story not found (grouping changed since drawn)")
        predicted, gold = threads[a] == threads[b], row["label"] == "same"
        pool = "dev+tune" if row["split"] in TUNE_SPLITS else "test+report"
        for key in (f"{row['stream']}/{row['split']}", f"pooled/{pool}"):
            c = counts.setdefault(key, [0, 0, 0])
            c[0] += predicted and gold
            c[1] += predicted and not gold
            c[2] += gold and not predicted
        if predicted != gold:
            wrong.append({"id": row["id"], "label": row["label"], "split": row["split"],
                          "a": row["a"]["title"][:70], "b": row["b"]["title"][:70]})
    out: dict[str, Any] = {k: prf(*v) for k, v in sorted(counts.items())}
    out["wrong"] = wrong
    return out


def bcubed(groups: Sequence[Sequence[str]], gold: dict[str, str]) -> dict[str, float]:
    from stories_stream import bcubed as stream_bcubed

    result = stream_bcubed(list(map(tuple, groups)), gold)
    result["groups"] = sum(any(i in gold for i in g) for g in groups)
    return result


def article_groups(threader: Threader | Topics, stories: Sequence[Any]) -> tuple[
        list[list[str]], list[list[str]]]:
    """(threads, event stories) as lists of article ids."""
    members = {s.id: [i.id for i in s.items] for s in stories}
    threads = [[a for sid in group for a in members[sid]] for group in threader.groups()]
    return threads, [members[s.id] for s in stories]


def score_bcubed(streams: dict[str, Any], threaders: dict[str, Any],
                 tune_only: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("t17_tune",) if tune_only else ("t17_tune", "t17_report"):
        stories = streams[name]
        gold = {i.id: i.id.split("/")[0].split("_")[0] for s in stories for i in s.items}
        threads, events = article_groups(threaders[name], stories)
        out[name] = {"threads": bcubed(threads, gold), "event_stories": bcubed(events, gold)}
    split = streams["gva_split"]
    threads, events = article_groups(threaders["gva"], streams["gva"])
    art_gold = streams["gva_article_gold"]
    for part in ("tune",) if tune_only else ("tune", "report"):
        gold = {a: next(iter(g)) for a, g in art_gold.items()
                if len(g) == 1 and split.get(next(iter(g))) == part}
        out[f"gva_{part}"] = {"threads": bcubed(threads, gold),
                              "event_stories": bcubed(events, gold)}
    if not tune_only:
        gold = {i.id: i.id.rsplit("-", 1)[0] for s in streams["neus"] for i in s.items}
        threads, events = article_groups(threaders["neus"], streams["neus"])
        out["neus_allsides"] = {"threads": bcubed(threads, gold),
                                "event_stories": bcubed(events, gold)}
    return out


def sizes(threaders: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, threader in threaders.items():
        groups = threader.groups()
        out[name] = {"stories": len(threader.profiles), "threads": len(groups),
                     "joined": sum(j.via is not None for j in threader.joins),
                     "largest_thread": max(map(len, groups), default=0)}
    return out


def row_line(label: str, res: dict[str, Any], keys: Sequence[str]) -> str:
    cells = []
    for key in keys:
        r = res.get(key)
        cells.append(f"{r['precision']:.3f} / {r['recall']:.3f}" if r else "—")
    return f"| {label} | " + " | ".join(cells) + " |"


def describe(settings: ThreadSettings | TopicSettings) -> str:
    default = type(settings)()
    changed = {k: v for k, v in asdict(settings).items() if getattr(default, k) != v}
    return ", ".join(f"{k}={v}" for k, v in changed.items()) or "shipped"


def run(streams: dict[str, Any], rows: list[dict[str, Any]],
        settings: ThreadSettings | TopicSettings, tune_only: bool) -> dict[str, Any]:
    """One tier (threads for ``ThreadSettings``, topics for ``TopicSettings``) scored;
    with ``tune_only`` the report / test streams and rows are not even grouped."""
    names = ("neus", "t17_tune", "gva") if tune_only else STREAMS
    start = time.perf_counter()
    if isinstance(settings, TopicSettings):
        threaders: dict[str, Any] = topic_all(streams, settings, names)
    else:
        threaders = {name: thread_stories(((s.id, s.items) for s in streams[name]), settings)
                     for name in names}
    seconds = time.perf_counter() - start
    pairs = score_pairs(rows, threaders, TUNE_SPLITS if tune_only else None)
    return {"settings": asdict(settings), "seconds": round(seconds, 2), "pairs": pairs,
            "bcubed": score_bcubed(streams, threaders, tune_only), "sizes": sizes(threaders),
            "_threaders": threaders}


def gva_article_gold(streams: dict[str, Any]) -> None:
    """Each GVA article's gold incidents, from the stories' own gold sets (the cache keeps
    only the story's union), read again from the data."""
    import gzip

    from stories_stream import stories_root

    root = stories_root()
    if root is None:
        raise SystemExit(0)
    gold = {}
    with gzip.open(root / "gva" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            art = json.loads(line)
            gold[art["id"]] = frozenset(art["incident"])
    streams["gva_article_gold"] = gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true",
                        help="compare settings on the dev / tune parts only")
    parser.add_argument("--sweep-topics", action="store_true",
                        help="compare topic settings on the dev / tune parts only")
    parser.add_argument("--cache", default="/tmp/threads-cache", type=Path)
    args = parser.parse_args(argv)
    streams = load_streams(args.cache)
    gva_article_gold(streams)
    rows = [json.loads(line) for line in PAIRS.read_text("utf-8").splitlines()]
    if args.sweep or args.sweep_topics:
        keys = ("neus/dev", "gva/dev", "t17/tune", "pooled/dev+tune")
        print("| setting | " + " | ".join(f"{k} pairs P / R" for k in keys)
              + " | T17 tune B³ P / R | GVA tune B³ P / R |")
        print("|---" * (len(keys) + 3) + "|")
        sweep: Sequence[ThreadSettings | TopicSettings] = (
            TOPIC_SWEEP if args.sweep_topics else SWEEP)
        for settings in sweep:
            res = run(streams, rows, settings, tune_only=True)
            b = res["bcubed"]
            print(row_line(describe(settings), res["pairs"], keys)
                  + f" {b['t17_tune']['threads']['precision']:.3f} / "
                    f"{b['t17_tune']['threads']['recall']:.3f} |"
                  + f" {b['gva_tune']['threads']['precision']:.3f} / "
                    f"{b['gva_tune']['threads']['recall']:.3f} |", flush=True)
        return 0
    res = run(streams, rows, ThreadSettings(), tune_only=False)
    threaders = res.pop("_threaders")
    res["joins_sample"] = [j.to_dict() for j in threaders["neus"].joins if j.via][:20]
    topics = run(streams, rows, TopicSettings(), tune_only=False)
    tiers = topics.pop("_threaders")
    topics["joins_sample"] = {name: [j.to_dict() for j in tiers[name].joins if j.via][:15]
                              for name in STREAMS}
    res["topics"] = topics
    keys = ("neus/dev", "neus/test", "gva/dev", "gva/test", "t17/tune", "t17/report",
            "pooled/dev+tune", "pooled/test+report")
    print("pairs (P / R):")
    print("| tier | " + " | ".join(keys) + " |")
    print(row_line("threads (words)", res["pairs"], keys))
    print(row_line("topics (words + keys)", topics["pairs"], keys))
    print("\nB-cubed (P / R, groups): topics, threads and event stories alone (same run)")
    for name, r in res["bcubed"].items():
        t, e, o = r["threads"], r["event_stories"], topics["bcubed"][name]["threads"]
        print(f"| {name} | topics {o['precision']:.3f} / {o['recall']:.3f} ({o['groups']}) "
              f"| threads {t['precision']:.3f} / {t['recall']:.3f} ({t['groups']}) "
              f"| event stories {e['precision']:.3f} / {e['recall']:.3f} ({e['groups']}) |")
    print(json.dumps({"threads": res["sizes"], "topics": topics["sizes"]}), file=sys.stderr)
    results_path("threads.json").write_text(
        json.dumps({"benchmark": "threads", **res}, indent=2, ensure_ascii=False) + "\n")
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
