"""The report's story and article sections rendered by a process pool's workers
(``publish/sections.py``) give the one-process report's bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdesk
from newsdesk.publish import sections
from newsdesk.scale import InProcess, ProcessPool

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one") / "report.html"
    newsdesk.analyze([str(EXAMPLES)], db=out.with_suffix(".db"), html_path=out,
                     md_path=out.with_suffix(".md"))
    return out


def test_a_pool_renders_the_sections_and_the_report_is_the_same(
        one_process: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # one section per task, two tasks in flight per worker: many tasks and windows
    monkeypatch.setattr(sections, "STORIES_PER_TASK", 1)
    monkeypatch.setattr(sections, "ARTICLES_PER_TASK", 1)
    rendered: list[int] = []
    real = sections.PoolSections._render

    def counted(self: sections.PoolSections, kind: str, ids: object, size: int,
                pages: object = None) -> object:
        for html in real(self, kind, ids, size, pages):  # type: ignore[arg-type]
            rendered.append(1)
            yield html

    monkeypatch.setattr(sections.PoolSections, "_render", counted)
    out = tmp_path / "report.html"
    result = newsdesk.analyze([str(EXAMPLES)], db=tmp_path / "j2.db", html_path=out,
                              workers=2)
    dossier = result.dossier
    glances = [s for s in dossier["stories"] if len(s["article_ids"]) >= 2]
    # the overview's glances, each story's whole section for its page, the articles
    assert len(rendered) == len(glances) + len(dossier["stories"]) + len(dossier["articles"])
    assert len(rendered) > 5
    assert out.read_bytes() == one_process.read_bytes()
    story_pages = sorted((tmp_path / "report").iterdir())
    assert [p.read_bytes() for p in story_pages] == [
        p.read_bytes() for p in sorted((one_process.parent / "report").iterdir())]
    text = out.read_text(encoding="utf-8")
    assert sum(p.read_text(encoding="utf-8").count("<article id=") for p in story_pages
               ) == len(dossier["articles"])
    assert text.count('<section class="story"') == len(dossier["stories"])


def test_only_a_local_pool_renders_sections() -> None:
    """A Dask worker may be on a machine without the store's file: the driver renders."""
    pool = ProcessPool(2)
    try:
        assert sections.pool_sections(InProcess(), "x.db", None) is None  # type: ignore[arg-type]
        assert sections.pool_sections(ProcessPool(1), "x.db", None) is None  # type: ignore[arg-type]
        assert isinstance(sections.pool_sections(pool, "x.db", None),  # type: ignore[arg-type]
                          sections.PoolSections)
    finally:
        pool.close()


def test_a_task_carries_only_its_own_topics_and_reprint_links() -> None:
    """The analysis's topic and reprint maps grow with the store: a task takes the entries
    of its own stories or articles, not the whole maps."""
    from types import SimpleNamespace

    analysis = SimpleNamespace(
        scratch=SimpleNamespace(path="s.db"),
        threads={"s-1": {"stories": 2}, "s-2": {"stories": 3}},
        reprints={"a-1": {"of": "a-9"}, "a-2": {"of": "a-8"}})
    pool = sections.PoolSections(InProcess(), "x.db", analysis)  # type: ignore[arg-type]

    story = pool.task("story", ["s-2", "s-3"])
    article = pool.task("article", ["a-1", "a-3"])

    assert story.threads == {"s-2": {"stories": 3}} and story.reprints == {}
    assert article.threads == {} and article.reprints == {"a-1": {"of": "a-9"}}
