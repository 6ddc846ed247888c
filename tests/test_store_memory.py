"""The store is the memory of the stories followed: later runs add to it, never take away.

A second ``analyze`` with other inputs used to empty the stories table (the app then showed
only the last run); an unchanged re-run extracted and annotated everything again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsdesk
from newsdesk.annotation import workers as annotation_workers
from newsdesk.app.reader import Reader
from newsdesk.cli import cli
from newsdesk.errors import NewsdeskError
from newsdesk.model import Facts
from newsdesk.store import Store

from .conftest import EXAMPLES

OTHER = """Storm floods coastal town in Cornwall

Heavy rain flooded the harbour town of Porthleven in Cornwall on Tuesday, the Environment
Agency said. About 40 homes were evacuated after the river burst its banks overnight, and
firefighters rescued two people from a car. "We have never seen water this high," said
Jenny Trewin, who runs a cafe on the quay. The agency said more rain was expected.
"""


def _examples(folder: Path) -> list[Path]:
    folder.mkdir()
    for path in sorted(EXAMPLES.iterdir()):
        shutil.copy(path, folder / path.name)
    return sorted(folder.iterdir())


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """How many articles each call of ``module.name`` (annotation, cross-check) is given."""
    calls: list[int] = []
    real = getattr(module, name)

    def counting(articles, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(articles))
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_a_later_run_with_other_inputs_keeps_the_earlier_stories(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    first = newsdesk.analyze([str(EXAMPLES)], db=db)
    first_ids = {s["id"] for s in first.dossier["stories"]}
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")

    second = newsdesk.analyze([str(other)], db=db)

    articles = {a["id"] for a in second.dossier["articles"]}
    assert {a["id"] for a in first.dossier["articles"]} < articles  # the store's, not the run's
    reader = Reader(db)
    try:
        for story_id in first_ids:  # every story id of the first run still leads to a story
            assert reader.story(story_id) is not None, story_id
        listed = {s["id"] for s in reader.stories()}
        assert listed == {s["id"] for s in second.dossier["stories"]}
    finally:
        reader.close()


def test_an_unchanged_rerun_extracts_and_annotates_nothing_and_gives_the_same_dossier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "n.db"
    first = newsdesk.analyze([str(EXAMPLES)], db=db, json_path=tmp_path / "a.json")
    calls = _count_calls(monkeypatch, annotation_workers, "annotate_articles")

    again = newsdesk.analyze([str(EXAMPLES)], db=db, json_path=tmp_path / "b.json")

    assert sum(calls) == 0
    assert again.added == 0 and again.reused == len(first.articles)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_only_stories_whose_articles_changed_are_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.crosscheck import stage

    db = tmp_path / "n.db"
    first = newsdesk.analyze([str(EXAMPLES)], db=db, json_path=tmp_path / "a.json").dossier
    checked = _count_calls(monkeypatch, stage, "crosscheck_story")
    newsdesk.analyze([], db=db, json_path=tmp_path / "b.json")
    assert checked == []  # nothing changed: every story record is read back
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()

    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    grown = newsdesk.analyze([str(other)], db=db).dossier
    assert checked == [1]  # only the new one-article story
    assert [s for s in grown["stories"] if s["id"] in {t["id"] for t in first["stories"]}] \
        == first["stories"]


def test_the_same_stored_bytes_several_times_in_one_run(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text(OTHER, encoding="utf-8")
    db = tmp_path / "n.db"
    newsdesk.add([str(one)], db=db)
    copies = [tmp_path / f"copy{i}.txt" for i in range(3)]
    for copy in copies:
        copy.write_text(OTHER, encoding="utf-8")

    result = newsdesk.add([str(one), *map(str, copies)], db=db)

    assert result.reused == 4 and result.added == 0 and len(set(result.article_ids)) == 1


def test_facts_found_by_another_version_are_found_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "n.db"
    newsdesk.add([str(EXAMPLES)], db=db)
    with Store(db) as store:
        first_id = next(iter(store.articles())).id
        store.add_facts(first_id, Facts(), "newsdesk 0.0.1; en_core_web_sm 3.0.0")
    calls = _count_calls(monkeypatch, annotation_workers, "annotate_articles")

    result = newsdesk.add([str(EXAMPLES)], db=db)

    assert sum(calls) == 1 and result.reused == len(result.article_ids) - 1
    assert result.refreshed == 1 and result.added == 0  # counted, not silently dropped
    with Store(db) as store:
        assert store.facts(first_id) != Facts()  # the stale (empty) facts were replaced


def test_a_story_keeps_its_id_when_a_later_article_joins(tmp_path: Path) -> None:
    whole = newsdesk.analyze([str(EXAMPLES)], db=tmp_path / "whole.db").dossier
    story = max(whole["stories"], key=lambda s: len(s["article_ids"]))
    assert len(story["article_ids"]) >= 3
    last = story["article_ids"][-1]  # the latest article of the story in stream order
    paths = {a["id"]: a["source"] for a in whole["articles"]}
    db = tmp_path / "grow.db"
    early = newsdesk.analyze([p for i, p in paths.items() if i != last], db=db).dossier
    early_story = next(s for s in early["stories"] if story["article_ids"][0] in s["article_ids"])

    grown = newsdesk.analyze([paths[last]], db=db).dossier

    now = next(s for s in grown["stories"] if last in s["article_ids"])
    assert early_story["id"] == now["id"] == story["id"]


def test_analyze_with_no_inputs_reads_the_store(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    with pytest.raises(NewsdeskError) as err:
        newsdesk.analyze([], db=db)
    assert err.value.code == "E302" and str(db) in str(err.value)

    runner = CliRunner()
    folder = tmp_path / "in"
    _examples(folder)
    added = runner.invoke(cli, ["add", str(folder), "--db", str(db), "-q"])
    assert added.exit_code == 0, added.output
    out = tmp_path / "d.json"
    done = runner.invoke(cli, ["analyze", "--db", str(db), "--json", str(out), "-q"])
    assert done.exit_code == 0, done.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["articles"]) == len(list(folder.iterdir())) and doc["stories"]
