"""What a long run is doing, stage by stage, for whoever watches it.

The library reports stages (reading, extracting, annotating, grouping, cross-checking,
writing) to a :class:`Stages` observer it is given; it never draws anything itself, so a
script, a test or the CLI each decide how (or whether) to show them. The default observer
does nothing and costs nothing: the library counts the inputs up front only when an
observer wants totals (``wants_totals``), because walking a big folder twice is a cost a
script that shows no bar should not pay.

The CLI's bars (:class:`BarStages`) are drawn by tqdm, the well-kept library for this
(rate, time left, terminal width, redraw throttling), not by hand. They go to stderr and
only when it is a terminal, so piped or redirected runs stay clean; ``-v`` adds one line
per finished stage with its count and time, whatever stderr is.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, TextIO

# The stages of the flow, in order (DESIGN.md, "The flow"); the CLI shows them by name.
STAGES = ("reading", "extracting", "annotating", "grouping", "cross-checking", "writing")
# What each stage counts (one, many): the bar shows "12.3doc/s" as tqdm shows "it/s",
# the -v line "cross-checking: 3 stories in 9.1 s".
UNITS = {"reading": ("input", "inputs"), "extracting": ("doc", "docs"),
         "annotating": ("doc", "docs"), "grouping": ("article", "articles"),
         "cross-checking": ("story", "stories"), "writing": ("output", "outputs")}


class Stages:
    """An observer of a run's stages; this base one ignores everything.

    ``begin`` opens a stage (``total`` when known, so time left can be shown), ``advance``
    counts work done in it (``failed`` of those items failed), ``end`` closes it. A stage
    may be advanced without ``begin`` (it is then opened with no total)."""

    wants_totals = False

    def begin(self, stage: str, total: int | None = None) -> None:
        """Open ``stage``."""

    def advance(self, stage: str, count: int = 1, failed: int = 0) -> None:
        """``count`` more items of ``stage`` done, ``failed`` of them failed."""

    def end(self, stage: str) -> None:
        """Close ``stage`` (closing one never opened is harmless)."""

    def close(self) -> None:
        """Close every stage still open."""

    def message(self, text: str) -> None:
        """A line for the person watching (a failed input), printed on stderr."""
        print(text, file=sys.stderr, flush=True)

    def total_of(self, stage: str) -> int | None:
        """The total ``stage`` was opened with (None when unknown or not open)."""
        return None


NO_STAGES = Stages()


def _width(stream: TextIO) -> dict[str, Any]:
    """Follow the terminal's size; a terminal that reports none (a bare pty, a serial
    console: 0 columns or 0 lines) gets a fixed 80 by 20, where tqdm would draw nothing."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError):
        size = os.terminal_size((0, 0))
    if size.columns and size.lines:
        return {"dynamic_ncols": True}
    return {"ncols": size.columns or 80, "nrows": 20}


class BarStages(Stages):
    """tqdm bars on stderr, one per stage, drawn only when ``show`` (a terminal, no -q);
    with ``verbose``, a summary line per finished stage even when no bar is drawn."""

    def __init__(self, show: bool, verbose: bool = False, stream: TextIO | None = None
                 ) -> None:
        self.show = show
        self.verbose = verbose
        self.wants_totals = show  # totals serve the bars' time left, nothing else
        self.stream = stream or sys.stderr
        self._bars: dict[str, Any] = {}
        self._counts: dict[str, list[float]] = {}  # stage -> [done, failed, started]
        self._totals: dict[str, int | None] = {}

    def begin(self, stage: str, total: int | None = None) -> None:
        self.end(stage)
        self._counts[stage] = [0, 0, time.monotonic()]
        self._totals[stage] = total
        if self.show:
            from tqdm import tqdm

            self._bars[stage] = tqdm(total=total, desc=f"{stage:>14}",
                                     unit=UNITS.get(stage, ("item", ""))[0], file=self.stream,
                                     leave=True, mininterval=0.2, **_width(self.stream))

    def advance(self, stage: str, count: int = 1, failed: int = 0) -> None:
        if stage not in self._counts:
            self.begin(stage)
        counts = self._counts[stage]
        counts[0] += count
        counts[1] += failed
        bar = self._bars.get(stage)
        if bar is not None:
            if bar.total is not None and counts[0] > bar.total:
                bar.total = int(counts[0])  # a count up front can miss (an archive's records)
            if failed:
                bar.set_postfix(failed=int(counts[1]), refresh=False)
            bar.update(count)

    def end(self, stage: str) -> None:
        counts = self._counts.pop(stage, None)
        bar = self._bars.pop(stage, None)
        if bar is not None:
            bar.close()
        if counts is not None and self.verbose:
            done, failed, started = counts
            one, many = UNITS.get(stage, ("item", "items"))
            unit = one if done == 1 else many
            tail = f", {int(failed)} failed" if failed else ""
            print(f"{stage}: {int(done)} {unit}{tail} in {time.monotonic() - started:.1f} s",
                  file=self.stream, flush=True)

    def close(self) -> None:
        for stage in list(self._counts):
            self.end(stage)

    def total_of(self, stage: str) -> int | None:
        return self._totals.get(stage)

    def message(self, text: str) -> None:
        """Above the bars while they are drawn (tqdm.write), so neither garbles the other."""
        if self._bars:
            from tqdm import tqdm

            tqdm.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)
