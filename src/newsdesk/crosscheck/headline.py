"""Does the body support the headline? Two checks, each with the reason a reader can verify.

* **Unsupported**: the headline's content words (stemmed, names included) that the body
  never uses; when the missing ones carry at least ``MISSING_SHARE`` of the headline's
  weight (rare words weigh more), the headline promises something the body does not say —
  "North Korea's Secret Launch Plans" over a body that never mentions a launch.
* **Sensational**: the wording of clickbait ("Exposed", "Here's What's at Stake",
  "shocking", a run of capitals, "!!"), listed so the reader sees which words tripped it.

The unsupported cut was tuned on PolNeAR train headlines against headlines swapped in from
other articles of the same day (``benchmarks/headlines.py``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .words import STOP, content_words, stems

# Share of the headline's idf weight the body may leave out before the headline counts as
# unsupported (benchmarks/headlines.py, tuned on PolNeAR train).
MISSING_SHARE = 0.57
_SERIES = re.compile(r"[-–—|:]\s*(?:part|episode|chapter)\s+\w+\s*$", re.IGNORECASE)
_STOP = STOP | {"new", "report", "reports", "news", "video", "watch", "live", "update",
                "updates", "exclusive"}
_SENSATIONAL = re.compile(
    r"\b(?:exposed|shocking|shock|stunning|bombshell|explosive|slams?|destroys?|epic|insane|"
    r"unbelievable|jaw-dropping|mind-blowing|you won'?t believe|here'?s what|"
    r"what'?s at stake|secret|revealed|the truth about|outrage|meltdown|goes viral)\b",
    re.IGNORECASE,
)
# A word of six capitals or more is shouting; shorter runs are acronyms (NATO, UNSC).
_CAPS_RUN = re.compile(r"\b[A-Z]{6,}\b")


@dataclass(frozen=True)
class HeadlineFlag:
    kind: str  # "unsupported" | "sensational"
    reason: str


def headline_words(title: str) -> list[tuple[str, str]]:
    """(stem, word as written) of the headline's content words, series markers cut."""
    return list(dict.fromkeys(content_words(_SERIES.sub("", title), _STOP)))


def missing_words(title: str, body: str, df: dict[str, int] | None = None, docs: int = 1
                  ) -> tuple[list[str], float]:
    """The headline words the body never uses, and their share of the headline's weight
    (idf from ``df`` over ``docs`` reference documents; equal weights without them)."""
    body_stems = stems(body, _STOP)
    words = headline_words(title)
    if not words:
        return [], 0.0

    def weight(stem: str) -> float:
        return math.log((1 + docs) / (1 + (df or {}).get(stem, 0))) + 1.0

    total = sum(weight(s) for s, _ in words)
    missing = [(s, w) for s, w in words if s not in body_stems]
    return [w for _, w in missing], sum(weight(s) for s, _ in missing) / total


def sensational_cues(title: str) -> list[str]:
    """The clickbait wording in a headline."""
    title = title.replace("’", "'")
    cues = [m.group() for m in _SENSATIONAL.finditer(title)]
    cues += _CAPS_RUN.findall(title)
    if re.search(r"[!?]{2,}|!\s*$", title):
        cues.append("!")
    return list(dict.fromkeys(cues))


def check_headline(title: str | None, body: str, df: dict[str, int] | None = None,
                   docs: int = 1) -> tuple[HeadlineFlag, ...]:
    """The flags a headline earns against its own body."""
    if not title or not body.strip():
        return ()
    flags = []
    missing, share = missing_words(title, body, df, docs)
    if share >= MISSING_SHARE:
        listed = ", ".join(f"“{w}”" for w in missing)
        flags.append(HeadlineFlag("unsupported",
                                  f"the body never mentions {listed} from the headline"))
    cues = sensational_cues(title)
    if cues:
        listed = ", ".join(f"“{c}”" for c in cues)
        flags.append(HeadlineFlag("sensational", f"clickbait wording in the headline: {listed}"))
    return tuple(flags)


def document_frequencies(bodies: Sequence[str]) -> dict[str, int]:
    """Stem document frequencies over ``bodies`` (a story's articles), for the weights."""
    df: dict[str, int] = {}
    for body in bodies:
        for item in stems(body, _STOP):
            df[item] = df.get(item, 0) + 1
    return df
