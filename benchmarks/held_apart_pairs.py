"""Where the held-apart rules fire (``crosscheck/held_apart.py``): every cross-article pair
of claims at or above the alignment cut in GVA incidents grouped by gold (articles of one
incident), the pairs a rule holds apart, by rule, with both sentences to read.

    python benchmarks/held_apart_pairs.py [--split tune] [--show 40] [--rule outlook ...]
"""

from __future__ import annotations

import argparse
import itertools
import random
from collections import Counter, defaultdict
from pathlib import Path

from common import benchmarks_dir
from newsdesk.crosscheck.align import SAME_CLAIM, StoryVocabulary, claim_key, similarity
from newsdesk.crosscheck.claims import article_claims
from newsdesk.crosscheck.entities.profiles import resolve_entities
from newsdesk.crosscheck.held_apart import held_apart
from newsdesk.crosscheck.story import story_years
from newsdesk.model import Facts
from story_facts_data import annotated, in_split, load_incidents, load_raw, to_article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="tune", choices=("tune", "report"))
    parser.add_argument("--show", type=int, default=40, help="pairs to print (a seeded draw)")
    parser.add_argument("--root", type=Path, default=None)
    parser.add_argument("--rule", action="append", default=[],
                        help="print only pairs this rule holds apart (repeatable)")
    args = parser.parse_args(argv)
    root = args.root or benchmarks_dir()
    raws = in_split(load_raw(root), load_incidents(root), args.split)
    articles = [to_article(r) for r in raws]
    facts = annotated(articles)
    by_incident = defaultdict(list)
    for raw, article in zip(raws, articles, strict=True):
        if len(raw["incident"]) == 1:
            by_incident[raw["incident"][0]].append(article)
    counts: Counter[str] = Counter()
    aligned = 0
    fired = []
    for incident, members in sorted(by_incident.items()):
        if len(members) < 2:
            continue
        found = [(a.id, facts.get(a.id) or Facts()) for a in members]
        entities = resolve_entities(found)
        key_of = {m: e.id for e in entities for m in e.members}
        years = story_years(members)
        claims, keys = [], []
        for article in members:
            for claim in article_claims(article.id, article.text, facts.get(article.id) or Facts()):
                named = claim.entities + ((claim.speaker_entity,) if claim.speaker_entity else ())
                speaker = key_of.get((article.id, claim.speaker_entity or ""))
                claims.append(claim)
                keys.append(claim_key(claim, [key_of.get((article.id, e), e) for e in named],
                                      years[article.id], speaker))
        vocab = StoryVocabulary(keys)
        for i, j in itertools.combinations(range(len(claims)), 2):
            if claims[i].article_id == claims[j].article_id:
                continue
            if similarity(keys[i], keys[j], vocab) < SAME_CLAIM:
                continue
            aligned += 1
            if why := held_apart(keys[i], keys[j]):
                counts[why] += 1
                fired.append((why, incident, claims[i].text, claims[j].text))
    print(f"GVA {args.split}: {len(by_incident)} incidents, {aligned} aligned cross-article "
          f"pairs, held apart: {dict(counts)}")
    fired = [f for f in fired if not args.rule or f[0] in args.rule]
    for why, incident, a, b in sorted(random.Random(15).sample(fired, min(args.show, len(fired)))):
        print(f"\n[{why}] {incident}\n  A: {a[:220]}\n  B: {b[:220]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
