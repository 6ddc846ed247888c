"""Quality gate: story clustering on Timeline17 topics (the report folders, not tuned on).

Floors sit just under the measured scores (a ratchet: they may rise, never fall). Where
../shared/benchmarks is absent the gate is skipped and says so.
"""

from __future__ import annotations

from types import ModuleType

import pytest

import newsdesk
from newsdesk.group.grouping import group_articles
from newsdesk.model import Article

from .conftest import EXAMPLES, benchmarks_dir, load_benchmark

DATA = benchmarks_dir()
pytestmark = pytest.mark.skipif(
    DATA is None or not (DATA / "timelines").is_dir(),
    reason="stories gate skipped: ../shared/benchmarks/timelines not found "
    "(set NEWSDESK_BENCHMARKS)",
)

# Measured on the report folders (benchmarks/stories.py). Session 4's centroid clustering
# scored P 1.000 R 0.873 here, but chained unrelated news on every same-days stream (GVA
# B-cubed precision 0.025, one "story" of 3,018 articles). The article-to-article pair
# model that replaced it (issue 12) links reports of one event: it never mixes topics, but
# splits a months-long topic into its events (R 0.011). The developing-topic tier over the
# event stories (group/topics.py) is what the recall target is for: it raises recall to
# 0.877 here (0.769 on the tune folders; 0.548 before session 11's six keys a story) and
# never mixes topics.
FLOORS = {"precision": 0.99, "recall": 0.85}


def _bench() -> ModuleType:
    return load_benchmark("stories")


def _report_scores(topics: bool = False) -> dict[str, float]:
    bench = _bench()
    assert DATA is not None
    rows = bench.load(DATA, bench.REPORT)
    groups, _ = bench.run_topics(rows) if topics else bench.run_ours(rows)
    scores: dict[str, float] = bench.bcubed(groups, {item.id: topic for item, topic in rows})
    return scores


def test_stories_never_mix_topics() -> None:
    scores = _report_scores()
    assert scores["precision"] >= FLOORS["precision"], scores


def test_developing_topics_never_mix_topics() -> None:
    scores = _report_scores(topics=True)
    assert scores["precision"] >= FLOORS["precision"], scores


def test_each_months_long_topic_stays_together() -> None:
    scores = _report_scores(topics=True)
    assert scores["recall"] >= FLOORS["recall"], scores


def test_the_example_articles_stay_one_story_among_two_thousand_others() -> None:
    bench = _bench()
    assert DATA is not None
    seeds = [a for a in newsdesk.extract([str(EXAMPLES)]) if isinstance(a, Article)]
    others = [
        Article(id=item.id, source=item.id, url=None, format="text", title=None, authors=(),
                outlet=None, section=None, published=seeds[0].published.__class__(
                    value=item.day.isoformat() if item.day else None), text=item.text)
        for item, _ in bench.load(DATA, bench.TUNE + bench.REPORT)
    ]
    stories = [set(s.article_ids) for s in group_articles(seeds + others).stories]
    seed_ids = {a.id for a in seeds}
    assert seed_ids in stories
