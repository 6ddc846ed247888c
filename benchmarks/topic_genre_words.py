"""Build ``src/newsdesk/group/genre_words.tsv``: the words of crime news that are not of one
story, learnt from the GVA **tune** stream only.

Why: a developing topic links event stories that share a *topic key* (``group/topics.py``):
a word rare in general English that leads the story. Among shootings, some such words lead
story after story whatever the shooting ("gunshot", "homicide", "coroner", "deputies"):
on a mixed stream they joined different shootings into one topic. The coherence test of
``topics.py`` learns such words from the stream, but only once it has seen a word key
``COHERENT_MIN`` stories. Here the GVA stream's gold incidents say which words are of the
genre: a word that keys stories of many *different* incidents.

How: the GVA stream is grouped into event stories as ``benchmarks/threads.py`` does (its
cache is reused) and every story's keys are found in stream order with the key rule
``LEARN`` (the shipped one, learnt genre words off, four keys a story). For each key, the
distinct gold incidents of the stories it keys are counted, over stories whose incidents are
all in the tune part (``split.tsv``: dated before 2016-07-01); places are left out (a place
never joins anyway). Words that keyed at least ``FLOOR`` incidents are written with their
count; ``topics.GENRE_MIN`` (chosen on the dev / tune parts, ``threads.py --sweep-topics``)
says which of them are genre words.

    python benchmarks/topic_genre_words.py [--cache DIR]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from newsdesk.group.threads import first_day_order
from newsdesk.group.topics import Topicker, TopicSettings, is_place
from newsdesk.versions import PACKAGE
from threads import load_streams

OUT = PACKAGE / "group" / "genre_words.tsv"
# The fewest incidents a word must key to be written (the list's floor; GENRE_MIN >= it).
FLOOR = 2
# The key rule the list was learnt with: the shipped one without genre words, and the four
# keys a story of the time (topics.STRONG_KEYS became 6 after the list was measured; with
# six, lower-ranked keys are counted too and the list grows: see docs/decisions.md).
LEARN = TopicSettings(genre_min=0, strong_keys=4)


def incidents_by_key(streams: dict[str, object]) -> dict[str, set[str]]:
    """Each key of the GVA tune stories -> the gold incidents of the stories it keys."""
    split: dict[str, str] = streams["gva_split"]  # type: ignore[assignment]
    stories = sorted(((s.id, s.items, s.gold) for s in streams["gva"]),  # type: ignore[attr-defined]
                     key=lambda s: first_day_order((s[0], s[1])))
    topicker = Topicker(LEARN)
    out: dict[str, set[str]] = defaultdict(set)
    for story_id, items, gold in stories:
        topicker.add(story_id, items)  # every story, so the stream's furniture is learnt
        if not gold or any(split.get(g) != "tune" for g in gold):
            continue
        for key in topicker.profiles[-1].keys:
            out[key].update(gold)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default="/tmp/threads-cache", type=Path)
    parser.add_argument("--out", default=OUT, type=Path)
    args = parser.parse_args(argv)
    found = incidents_by_key(load_streams(args.cache))
    rows = sorted(((k, len(v)) for k, v in found.items() if len(v) >= FLOOR and not is_place(k)),
                  key=lambda kv: (-kv[1], kv[0]))
    lines = ["# word\tGVA tune incidents it keyed (benchmarks/topic_genre_words.py; "
             "topics.GENRE_MIN of them make a genre word)"]
    lines += [f"{word}\t{count}" for word, count in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} words keyed {FLOOR}+ tune incidents -> {args.out}")
    for word, count in rows[:60]:
        print(f"  {count:4d} {word}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
