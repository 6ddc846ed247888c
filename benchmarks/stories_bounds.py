"""How far today's signals can take GVA story grouping: upper bounds on the **tune** split.

The shipped clusterer (``group/stories.py``) is single pass and sees 20 candidates per
article. Is the issue's target (GVA report B-cubed P >= 0.97, F1 >= 0.93) out of its reach
because of that pass, or because the signals themselves (the pair model's probability, the
person and incident evidence) do not tell enough pairs apart? Measured here, offline:

1. Every pair of articles at most ``WINDOW_DAYS`` apart (11.6 million on the GVA stream)
   is scored with the shipped pair model, the later article against the earlier one as the
   clusterer would (its profile and the stream's idf as they were when it arrived), with the
   vetoes applied (``vetoed``; ``look_alikes`` for pairs at ``LOOK_ALIKE_FROM`` or more).
   Each pair is also marked when the candidate index would have proposed it, when the later
   lead names a person the earlier article names with an age or a participant cue on one
   side (the person link's evidence), and when the two leads state one incident
   (``incident_links.agreement``).
2. **Oracle** bounds (precision 1 by construction): the recall if every pair of one tune
   incident that the model scores at least a cut were joined, and nothing else (connected
   components of those true pairs); the same with the person and incident evidence added, and
   restricted to the pairs the candidate index proposes.
3. **Non-incremental clustering** of the whole stream over the same scores: single link
   (connected components) at several cuts, with and without the person / incident edges,
   and average and complete link (scipy) at several cuts — the best B-cubed F1 at tune
   precision >= ``MIN_PRECISION``.

Beside them, in the same run: every article alone and the shipped clusterer. Nothing here
looks at the ``report`` incidents. The pair scores are cached (``--cache``).

    python benchmarks/stories_bounds.py [--cache /tmp/gva-pairs.npy] [--no-linkage]
"""

from __future__ import annotations

import argparse
import bisect
import io
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

from common import results_path
from newsdesk.crosscheck.unionfind import UnionFind
from newsdesk.group.incident_links import agreement
from newsdesk.group.incidents import incident_of
from newsdesk.group.links import features, look_alikes, scorer, vetoed
from newsdesk.group.people import LEAD_CHARS, aged, cued, named
from newsdesk.group.profile import Profile, make_profile
from newsdesk.group.stories import (
    INCIDENT_FLOOR,
    SWEEP_EVERY,
    WINDOW_DAYS,
    StoryClusterer,
    heaviest_terms,
)
from stories_stream import Groups, Rows, bcubed, load_gva_tune, run_ours

# Pairs scored below this (and with no person or incident evidence) are not kept: they
# count as probability 0 in every bound below.
KEEP_FROM = 0.05
# The look-alike checks (measures, headline subjects) are read for pairs from here on.
LOOK_ALIKE_FROM = 0.3
MIN_PRECISION = 0.985
ORACLE_CUTS = (KEEP_FROM, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
SINGLE_CUTS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
LINKAGE_CUTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
# Columns of the pair table.
LATER, EARLIER, P, RAW, INDEXED, PERSON, INCIDENT = range(7)


def profiles_and_candidates(rows: Rows) -> tuple[list[Profile], list[float], list[set[int]]]:
    """Each article's profile and the idf ceiling as the clusterer had them on its arrival,
    and the earlier articles the candidate index proposed for it (replayed with every
    article kept apart, as ``train_story_links.py`` does)."""
    apart = StoryClusterer(threshold=2.0, people=False, incidents=False)
    index_of: dict[str, int] = {}
    profiles: list[Profile] = []
    ceilings: list[float] = []
    candidates: list[set[int]] = []
    for position, (item, _) in enumerate(rows):
        profile = make_profile(apart.stats, item.id, item.day, item.title, item.text,
                               item.site)
        ceilings.append(apart.stats.weights.ceiling())
        query = heaviest_terms(profile)
        candidates.append({index_of[c.id] for c in apart.candidates(profile, query)})
        apart.open_story(profile, query)
        index_of[item.id] = position
        profiles.append(profile)
        apart._added += 1
        if apart._added % SWEEP_EVERY == 0:
            apart._sweep()
    return profiles, ceilings, candidates


def person_pairs(rows: Rows, first: list[int]) -> set[tuple[int, int]]:
    """(later, earlier) pairs where the later lead names a person the earlier article
    names, given an age or a participant cue on one side (the person link's evidence,
    without its one-other-story rule: a bound)."""
    mentions: dict[str, list[int]] = defaultdict(list)
    marked: list[frozenset[str]] = []
    out: set[tuple[int, int]] = set()
    for i, (item, _) in enumerate(rows):
        text = f"{item.title}\n{item.text}"
        names = named(text)
        lead = frozenset(named(text[:LEAD_CHARS])) & names.keys()
        marked.append(aged(text) | cued(text))
        for key in lead:
            for j in mentions.get(key, ()):
                if j >= first[i] and (key in marked[i] or key in marked[j]):
                    out.add((i, j))
        for key in names:
            mentions[key].append(i)
    return out


def incident_pairs(rows: Rows, first: list[int]) -> set[tuple[int, int]]:
    """(later, earlier) pairs whose leads state one incident (``agreement``)."""
    incidents = [incident_of(item.title, item.text, item.day) for item, _ in rows]
    by_town: dict[str, list[int]] = defaultdict(list)
    out: set[tuple[int, int]] = set()
    for i, incident in enumerate(incidents):
        seen: set[int] = set()
        for town in incident.towns:
            for j in by_town[town]:
                if j >= first[i] and j not in seen:
                    seen.add(j)
                    if agreement(incident, incidents[j]) is not None:
                        out.add((i, j))
        for town in incident.towns:
            by_town[town].append(i)
    return out


def score_pairs(rows: Rows) -> np.ndarray:
    """The pair table: one row (i, j, p, raw p, indexed, person, incident) per pair of
    articles at most ``WINDOW_DAYS`` apart (i the later) kept by ``KEEP_FROM`` or its
    evidence; ``p`` is 0 for a vetoed pair, ``raw`` the model's score before the vetoes."""
    start = time.perf_counter()
    profiles, ceilings, candidates = profiles_and_candidates(rows)
    ordinals = [item.day.toordinal() if item.day else 0 for item, _ in rows]
    first = [bisect.bisect_left(ordinals, o - WINDOW_DAYS) for o in ordinals]
    people = person_pairs(rows, first)
    incidents = incident_pairs(rows, first)
    print(f"profiles, candidates, evidence: {time.perf_counter() - start:.0f} s; "
          f"{len(people)} person pairs, {len(incidents)} incident pairs")
    from newsdesk.group.links import model

    score = scorer(model())
    kept: list[tuple[float, ...]] = []
    for i, a in enumerate(profiles):
        ceiling, proposed = ceilings[i], candidates[i]
        for j in range(first[i], i):
            b = profiles[j]
            values = features(a, b, ceiling)
            raw = score(values)
            person, incident = (i, j) in people, (i, j) in incidents
            if raw < KEEP_FROM and not person and not incident:
                continue
            p = raw
            if vetoed(values) or (raw >= LOOK_ALIKE_FROM and look_alikes(a, b, ceiling)):
                p = 0.0
            kept.append((i, j, p, raw, float(j in proposed), float(person), float(incident)))
        if i % 1000 == 0:
            print(f"  {i} articles, {len(kept)} pairs kept, {time.perf_counter() - start:.0f} s")
    return np.array(kept, dtype=np.float64).reshape(-1, 7)


def components(n: int, edges: Iterable[tuple[int, int]], ids: list[str]) -> Groups:
    """Connected components over article indexes, as groups of article ids."""
    links: UnionFind[int] = UnionFind(range(n))
    for i, j in edges:
        links.union(i, j)
    groups: dict[int, list[str]] = defaultdict(list)
    for index in range(n):
        groups[links.find(index)].append(ids[index])
    return [tuple(g) for g in groups.values()]


def scored(groups: Groups, gold: dict[str, str]) -> dict[str, float]:
    """B-cubed, and the F1 the recall would give at precision ``MIN_PRECISION`` and 1."""
    result = bcubed(groups, gold)
    r = result["recall"]
    result["f1_at_p985"] = round(2 * MIN_PRECISION * r / (MIN_PRECISION + r), 4)
    result["f1_at_p1"] = round(2 * r / (1 + r), 4)
    return result


def oracles(pairs: np.ndarray, ids: list[str], gold: dict[str, str],
            window_true: list[tuple[int, int]]) -> dict[str, Any]:
    """Recall (precision 1) when every true pair above a cut is joined and nothing else."""
    true = np.array([gold.get(ids[int(i)]) is not None
                     and gold.get(ids[int(i)]) == gold.get(ids[int(j)])
                     for i, j in pairs[:, [LATER, EARLIER]]], dtype=bool)
    n = len(ids)
    out: dict[str, Any] = {
        "every true pair in the window": scored(components(n, window_true, ids), gold)}
    evidence = (pairs[:, PERSON] > 0) | ((pairs[:, INCIDENT] > 0) & (pairs[:, P] >= INCIDENT_FLOOR))
    vetted = pairs[:, P] > 0
    for cut in ORACLE_CUTS:
        for label, keep in (
                ("raw score", pairs[:, RAW] >= cut),
                ("vetoes kept", pairs[:, P] >= cut),
                ("vetoes kept, + person/incident", (pairs[:, P] >= cut) | (evidence & vetted)),
                ("vetoes kept, index candidates only", (pairs[:, P] >= cut)
                 & (pairs[:, INDEXED] > 0))):
            chosen = pairs[keep & true][:, [LATER, EARLIER]].astype(int)
            out[f"{label} >= {cut}"] = scored(
                components(n, map(tuple, chosen), ids), gold)  # type: ignore[arg-type]
    return out


def bands(pairs: np.ndarray, ids: list[str], gold: dict[str, str]) -> dict[str, Any]:
    """Vetted pairs with both articles in tune incidents, by probability band: how many are
    of one incident (what a perfect decision inside a band could add, and at what odds)."""
    both = np.array([ids[int(i)] in gold and ids[int(j)] in gold
                     for i, j in pairs[:, [LATER, EARLIER]]], dtype=bool)
    true = np.array([gold.get(ids[int(i)]) == gold.get(ids[int(j)])
                     for i, j in pairs[:, [LATER, EARLIER]]], dtype=bool)
    out: dict[str, Any] = {}
    edges = (KEEP_FROM, 0.2, 0.4, 0.6, 0.8, 0.9, 1.01)
    for low, high in itertools.pairwise(edges):
        band = both & (pairs[:, P] >= low) & (pairs[:, P] < high)
        out[f"{low}-{min(high, 1.0)}"] = {"pairs": int(band.sum()),
                                          "same_incident": int((band & true).sum())}
    return out


def single_link(pairs: np.ndarray, ids: list[str], gold: dict[str, str]) -> dict[str, Any]:
    """Connected components of the vetted pairs at each cut, without and with the person
    (any probability) and incident (at least ``INCIDENT_FLOOR``) evidence."""
    n = len(ids)
    out: dict[str, Any] = {}
    vetted = pairs[:, P] > 0
    evidence = vetted & ((pairs[:, PERSON] > 0)
                         | ((pairs[:, INCIDENT] > 0) & (pairs[:, P] >= INCIDENT_FLOOR)))
    for cut in SINGLE_CUTS:
        above = pairs[:, P] >= cut
        for label, keep in (("single link", above), ("single link + person/incident",
                                                     above | evidence)):
            chosen = pairs[keep][:, [LATER, EARLIER]].astype(int)
            out[f"{label} >= {cut}"] = scored(
                components(n, map(tuple, chosen), ids), gold)  # type: ignore[arg-type]
    return out


def linkage(pairs: np.ndarray, ids: list[str], gold: dict[str, str], method: str
            ) -> dict[str, Any]:
    """Agglomerative clustering (scipy) over distance 1 - p; pairs not kept are 1."""
    from scipy.cluster.hierarchy import fcluster
    from scipy.cluster.hierarchy import linkage as link

    n = len(ids)
    condensed = np.ones(n * (n - 1) // 2)
    i, j = pairs[:, LATER].astype(np.int64), pairs[:, EARLIER].astype(np.int64)
    low, high = np.minimum(i, j), np.maximum(i, j)
    condensed[n * low - low * (low + 1) // 2 + (high - low - 1)] = 1.0 - pairs[:, P]
    tree = link(condensed, method=method)
    del condensed
    out: dict[str, Any] = {}
    for cut in LINKAGE_CUTS:
        labels = fcluster(tree, t=1.0 - cut, criterion="distance")
        groups: dict[int, list[str]] = defaultdict(list)
        for index, label in enumerate(labels):
            groups[int(label)].append(ids[index])
        out[f"{method} link >= {cut}"] = scored([tuple(g) for g in groups.values()], gold)
    return out


def window_true_pairs(rows: Rows, gold: dict[str, str]) -> list[tuple[int, int]]:
    """Every pair of one tune incident at most ``WINDOW_DAYS`` apart."""
    by_incident: dict[str, list[int]] = defaultdict(list)
    for index, (item, _) in enumerate(rows):
        if item.id in gold:
            by_incident[gold[item.id]].append(index)
    out = []
    for members in by_incident.values():
        for x, i in enumerate(members):
            for j in members[:x]:
                di, dj = rows[i][0].day, rows[j][0].day
                if di is not None and dj is not None and abs((di - dj).days) <= WINDOW_DAYS:
                    out.append((i, j))
    return out


def best(results: dict[str, Any]) -> tuple[str, dict[str, float]] | None:
    """The entry with the best F1 at precision >= ``MIN_PRECISION``."""
    fit = [(v["f1"], k) for k, v in results.items() if v["precision"] >= MIN_PRECISION]
    if not fit:
        return None
    _, key = max(fit)
    return key, results[key]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=None,
                        help="the pair table (.npy): read when there, written when not")
    parser.add_argument("--no-linkage", action="store_true", help="skip average/complete link")
    args = parser.parse_args(argv)
    loaded = load_gva_tune()
    if loaded is None:
        return 0
    rows, gold = loaded
    ids = [item.id for item, _ in rows]
    if args.cache is not None and args.cache.is_file():
        pairs = np.load(args.cache)
    else:
        pairs = score_pairs(rows)
        if args.cache is not None:
            np.save(args.cache, pairs)
    results: dict[str, Any] = {"benchmark": "stories_bounds", "split": "tune",
                               "articles": len(rows), "scored": len(gold),
                               "pairs_kept": len(pairs), "min_precision": MIN_PRECISION}
    start = time.perf_counter()
    results["alone"] = scored([(i,) for i in ids], gold)
    results["newsdesk"] = scored(run_ours(rows), gold)
    results["newsdesk"]["seconds"] = round(time.perf_counter() - start, 1)
    results["oracle"] = oracles(pairs, ids, gold, window_true_pairs(rows, gold))
    results["bands"] = bands(pairs, ids, gold)
    results["single"] = single_link(pairs, ids, gold)
    if not args.no_linkage:
        for method in ("average", "complete"):
            results[method] = linkage(pairs, ids, gold, method)
    results["best_at_min_precision"] = {
        family: best(results[family]) for family in ("single", "average", "complete")
        if family in results}
    report(results)
    out = io.StringIO()
    json.dump(results, out, indent=2)
    results_path("stories_bounds_tune.json").write_text(out.getvalue() + "\n")
    return 0


def report(results: dict[str, Any]) -> None:
    print(f"\nGVA tune: {results['scored']} scored articles, {results['pairs_kept']} pairs kept")
    print("| what | P | R | F1 | F1 if P were 0.985 |")
    print("|---|---|---|---|---|")
    for family in ("alone", "newsdesk"):
        r = results[family]
        print(f"| {family} | {r['precision']} | {r['recall']} | {r['f1']} | {r['f1_at_p985']} |")
    print(json.dumps(results["bands"]))
    for family in ("oracle", "single", "average", "complete"):
        for key, r in results.get(family, {}).items():
            print(f"| {family}: {key} | {r['precision']} | {r['recall']} | {r['f1']} | "
                  f"{r['f1_at_p985']} |")
    print(json.dumps(results["best_at_min_precision"], indent=1))


if __name__ == "__main__":
    raise SystemExit(main())
