"""Progress by stage: the library tells an observer each stage with its total; the CLI
draws tqdm bars only on a terminal, and -v prints a line per finished stage."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

import newsdesk
from newsdesk.cli import cli
from newsdesk.ingest.count import count_documents
from newsdesk.model import Article, Failure
from newsdesk.progress import STAGES, BarStages, Stages

from .conftest import EXAMPLES


class Recorder(Stages):
    """Every event, in order."""

    wants_totals = True

    def __init__(self) -> None:
        self.events: list[tuple[str, str, int | None]] = []
        self.totals: dict[str, int | None] = {}
        self.done: dict[str, int] = {}

    def begin(self, stage: str, total: int | None = None) -> None:
        self.events.append(("begin", stage, total))
        self.totals[stage] = total

    def advance(self, stage: str, count: int = 1, failed: int = 0) -> None:
        if stage not in self.totals:  # opened by its first advance (the reading stage)
            self.begin(stage)
        self.done[stage] = self.done.get(stage, 0) + count

    def end(self, stage: str) -> None:
        self.events.append(("end", stage, None))

    def total_of(self, stage: str) -> int | None:
        return self.totals.get(stage)


def test_analyze_reports_every_stage_with_totals_and_keeps_progress(tmp_path: Path) -> None:
    stages, seen = Recorder(), []

    def progress(item: Article | Failure) -> None:
        seen.append(item)

    newsdesk.analyze([str(EXAMPLES)], db=tmp_path / "n.db", json_path=tmp_path / "d.json",
                     progress=progress, stages=stages)
    begun = [stage for kind, stage, _ in stages.events if kind == "begin"]
    assert begun == list(STAGES)
    assert stages.totals["extracting"] == stages.totals["annotating"] == 5
    assert stages.totals["grouping"] == 5 and stages.totals["writing"] == 1
    assert stages.done["reading"] == stages.done["extracting"] == 5
    assert stages.done["cross-checking"] == stages.totals["cross-checking"] >= 1
    assert len(seen) == 5 and all(isinstance(a, Article) for a in seen)  # the old contract


def test_counts_files_and_feed_lines_and_gives_up_on_stdin(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "a.meta.json").write_text("{}")  # a sidecar, no document
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "feed.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}')
    assert count_documents([str(tmp_path)]) == 4
    assert count_documents([str(tmp_path), "-"]) is None
    (tmp_path / "doc.ann").write_text("A plain page with no telling name.")
    (tmp_path / "feed").write_text('{"text": "a"}\n{"text": "b"}\n')
    assert count_documents([str(tmp_path)]) == 4 + 1 + 2  # told by their first bytes
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    assert count_documents([str(tmp_path)]) is None  # only reading says how many


def test_bars_are_tqdm_with_totals_and_verbose_lines() -> None:
    out = io.StringIO()
    bars = BarStages(show=True, verbose=True, stream=out)
    bars.begin("extracting", 3)
    bars.advance("extracting")
    bars.advance("extracting", failed=1)
    bars.message("E101 empty.html: input is empty")  # above the bar, on its own line
    bars.advance("extracting")
    bars.close()
    text = out.getvalue()
    lines = text.replace("\r", "\n").split("\n")
    assert "E101 empty.html: input is empty" in lines  # a line of its own
    assert "extracting" in text and "3/3" in text and "failed=1" in text
    assert "extracting: 3 docs, 1 failed in" in text


def test_cli_is_silent_off_a_terminal_and_verbose_says_stages() -> None:
    path = str(EXAMPLES / "000_b68e5266273c9d2a.txt")
    quiet = CliRunner().invoke(cli, ["extract", path])
    assert quiet.exit_code == 0 and quiet.stderr == ""  # CliRunner's stderr is no terminal
    loud = CliRunner().invoke(cli, ["extract", "-v", path])
    assert loud.exit_code == 0 and "extracting: 1 doc in" in loud.stderr
    assert "%|" not in loud.stderr  # no bar drawn off a terminal
