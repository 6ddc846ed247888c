"""Where the time of ``stories_scale.py``'s pass goes: the process's CPU seconds in each part
(the reprint index, the profile of an article, the pair model's candidates, the person and
incident links, ...), on the same replayed Timeline17 stream.

A profiler (cProfile) counts every call and so inflates the many small ones; this wraps
only the calls made once per article, so the parts add up to the pass as it runs. CPU
seconds, not the wall clock: the machine is shared. To compare two versions of the code,
run this script from each checkout at once (``common.py`` puts its own checkout's ``src``
first).

    python benchmarks/stories_scale_parts.py [--size 20000]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from common import timelines_root
from newsdesk.group import profile, stories
from newsdesk.group.reprints import ReprintIndex
from stories import REPORT, TUNE, load
from stories_scale import stream

# (module or class, attribute, label): the per-article calls timed; an indented label is a
# part of the one above it.
PARTS: list[tuple[Any, str, str]] = [
    (ReprintIndex, "add", "reprint index"),
    (stories.StoryClusterer, "add", "story clusterer"),
    (stories, "make_profile", "  the article's profile"),
    (profile, "words", "    its words"),
    (profile, "numbers_of", "    its numbers"),
    (stories.StoryClusterer, "best_match", "  the pair model's best match"),
    (stories.StoryClusterer, "_link_people", "  the person link"),
    (stories, "named", "    the names"),
    (stories.PersonIndex, "add", "    the person index (ages and cues read)"),
    (stories.StoryClusterer, "_link_incident", "  the incident link"),
    (stories, "incident_of", "    the lead's incident"),
    (stories.StoryClusterer, "_sweep", "  the sweep of closed stories"),
]


def timed(spent: dict[str, float], label: str, call: Callable[..., Any]) -> Callable[..., Any]:
    """``call``, adding the CPU seconds of each call to ``spent[label]``."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return call(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start
    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000)
    args = parser.parse_args(argv)
    root = timelines_root()
    if root is None:
        return 0
    spent: dict[str, float] = defaultdict(float)
    for owner, name, label in PARTS:
        setattr(owner, name, timed(spent, label, getattr(owner, name)))
    items = stream([item for item, _ in load(root, TUNE + REPORT)], args.size)
    start = time.process_time()
    reprints, clusterer = ReprintIndex(), stories.StoryClusterer()
    for item in items:
        reprints.add(item.id, item.text)
        clusterer.add(item)
    total = time.process_time() - start
    print(f"{len(items):,} articles, {len(clusterer.groups()):,} stories, "
          f"{total:.1f} CPU seconds")
    print("| part | CPU seconds | share |\n|---|---|---|")
    for _, _, label in PARTS:
        print(f"| {label} | {spent[label]:.1f} | {100 * spent[label] / total:.1f} % |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
