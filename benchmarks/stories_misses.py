"""Why same-incident articles end up in different stories: a diagnosis on the GVA tune split.

The GVA stream is run through the real clusterer. For every tune article that has an earlier
article of its incident but did not join a story holding one, the cause is one of:

- **index**: no earlier article of its incident was among the candidates the index proposed;
- **veto**: the best-scoring same-incident candidate was vetoed (``vetoed``, or above the
  threshold but ``look_alikes``);
- **model**: it was a candidate, not vetoed, but scored below the threshold;
- **outbid**: a same-incident candidate passed the threshold but a wrong article scored higher.

Printed: the counts, the feature means of the model misses against the joins, and a sample of
misses to read. The ``report`` incidents are never looked at.

    python benchmarks/stories_misses.py [--show 20]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from statistics import mean
from typing import Any

import common  # noqa: F401  (puts src on the path)
from newsdesk.group.links import FEATURES, features, look_alikes, model, probability, vetoed
from newsdesk.group.stories import StoryClusterer
from stories_stream import load_gva_tune


def diagnose(rows: Any, gold: dict[str, str]) -> tuple[Counter[str], dict[str, list[Any]]]:
    """Runs the clusterer, classifying each missed article by cause."""
    clusterer = StoryClusterer()
    params = model()
    threshold = params["threshold"]
    seen: dict[str, list[str]] = defaultdict(list)  # incident -> earlier article ids
    causes: Counter[str] = Counter()
    examples: dict[str, list[Any]] = defaultdict(list)
    texts = {item.id: item for item, _ in rows}
    for item, _ in rows:
        incident = gold.get(item.id)
        mates = seen[incident] if incident else []
        if not mates:
            clusterer.add(item)
            if incident:
                mates.append(item.id)
            continue
        story = clusterer.add(item)
        # The profile the clusterer built, and its candidates again (the index now also
        # holds the article itself, which candidates() skips).
        profile = clusterer._profiles[item.id]
        ceiling = clusterer.stats.weights.ceiling()
        cands = clusterer.candidates(profile)
        mate_stories = {clusterer._story_of[m] for m in mates}
        mates.append(item.id)
        if story in mate_stories:
            causes["joined"] += 1
            for other in cands:
                if gold.get(other.id) == incident:
                    values = features(profile, other, ceiling)
                    examples["joined_values"].append(values)
            continue
        same = [c for c in cands if gold.get(c.id) == incident]
        if not same:
            causes["index"] += 1
            examples["index"].append((item, [texts[m] for m in mates[:-1]]))
            continue
        scored = []
        for other in same:
            values = features(profile, other, ceiling)
            p = probability(values, params)
            veto = vetoed(values) or (p >= threshold and look_alikes(profile, other, ceiling))
            scored.append((p, veto, values, other))
        scored.sort(key=lambda s: -s[0])
        p, veto, values, other = scored[0]
        if veto:
            causes["veto"] += 1
            examples["veto"].append((item, texts[other.id], p, values))
        elif p < threshold:
            causes["model"] += 1
            examples["model"].append((item, texts[other.id], p, values))
            examples["model_values"].append(values)
        else:
            causes["outbid"] += 1
            examples["outbid"].append((item, texts[other.id], p, values))
    return causes, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args(argv)
    loaded = load_gva_tune()
    if loaded is None:
        return 0
    rows, gold = loaded
    causes, examples = diagnose(rows, gold)
    print(dict(causes))
    for key in ("joined_values", "model_values"):
        if examples[key]:
            print(key, {f: round(mean(v[i] for v in examples[key]), 3)
                        for i, f in enumerate(FEATURES)})
    for kind in ("index", "model", "veto", "outbid"):
        for ex in examples[kind][: args.show]:
            item = ex[0]
            print(f"\n== {kind} {item.id} {item.day} {item.title[:80]!r}")
            print("   ", item.text[:300].replace("\n", " "))
            partners = ex[1] if kind == "index" else [ex[1]]
            for other in partners[:2]:
                print(f"  ~ {other.id} {other.day} {other.title[:80]!r}")
                print("     ", other.text[:300].replace("\n", " "))
            if kind != "index":
                print("   p", round(ex[2], 3), dict(zip(FEATURES, (round(v, 2) for v in ex[3]),
                                                       strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
