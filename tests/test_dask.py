"""The stages on a Dask cluster (``--dask ADDRESS|local``) give the one-process run's bytes.

A ``LocalCluster`` (2 worker processes on 127.0.0.1, started the way distributed starts
them by default: spawned, so they inherit nothing from this process) is started here; the
bundled examples are analysed on it by address, and with ``--dask local`` through the CLI,
and compared byte for byte with the run in this process.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsdesk
from newsdesk.annotation.nlp import load_nlp
from newsdesk.cli import cli
from newsdesk.config import load_settings
from newsdesk.crosscheck.parse import sentence_parser
from newsdesk.crosscheck.stage import check_story, crosscheck, story_inputs
from newsdesk.crosscheck.story import crosscheck_story
from newsdesk.group.grouping import group_articles
from newsdesk.ingest import iter_sources
from newsdesk.model import Source
from newsdesk.records import annotate_record
from newsdesk.scale import InProcess, ProcessPool
from newsdesk.store import Store

from .conftest import EXAMPLES

distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] is not installed (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     host="127.0.0.1", dashboard_address=":0")
    try:
        yield local
    finally:
        local.close()


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dossier of the examples analysed in this process."""
    out = tmp_path_factory.mktemp("one") / "one.json"
    newsdesk.analyze([str(EXAMPLES)], db=out.with_suffix(".db"), json_path=out)
    return out


def _stored(db: Path) -> list[dict[str, object]]:
    with Store(db) as store:
        return [annotate_record(a, store.facts(a.id))
                for a in sorted(store.articles(), key=lambda a: a.id)]


def test_analyze_on_a_cluster_gives_the_one_process_bytes(
    cluster: object, one_process: Path, tmp_path: Path
) -> None:
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    out = tmp_path / "dask.json"
    result = newsdesk.analyze([str(EXAMPLES)], db=tmp_path / "dask.db", json_path=out,
                              dask=address)
    assert result.added == len(result.articles) == 5
    assert out.read_bytes() == one_process.read_bytes()
    assert _stored(tmp_path / "dask.db") == _stored(one_process.with_suffix(".db"))


def test_each_worker_loaded_the_model_once(cluster: object, one_process: Path,
                                           tmp_path: Path) -> None:
    """Many tasks per worker (extraction, annotation shares, stories), one model load."""
    newsdesk.analyze([str(EXAMPLES)], db=tmp_path / "n.db", json_path=tmp_path / "n.json",
                     dask=cluster.scheduler_address)  # type: ignore[attr-defined]
    client = distributed.Client(cluster)
    try:
        loads = client.run(lambda: load_nlp.cache_info().misses)
    finally:
        client.close()
    assert sorted(loads.values()) == [1, 1], loads


def test_add_with_dask_local_through_the_cli(one_process: Path, tmp_path: Path) -> None:
    """In its own process, as a user runs it: ``--dask local`` forks its workers from the
    driver, and forking this test process — which already hosts the module's cluster, its
    event loop and client threads — could leave a forked worker waiting forever on a lock
    one of those threads held (a hang seen once in CI)."""
    db = tmp_path / "local.db"
    done = subprocess.run([sys.executable, "-c", "from newsdesk.cli import main; main()",
                           "add", "-q", str(EXAMPLES), "--db", str(db), "--dask", "local"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "5 new in the store" in done.stderr
    assert _stored(db) == _stored(one_process.with_suffix(".db"))


def test_analyze_with_a_process_pool_gives_the_same_bytes(one_process: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "j2.json"
    newsdesk.analyze([str(EXAMPLES)], db=tmp_path / "j2.db", json_path=out, workers=2)
    assert out.read_bytes() == one_process.read_bytes()


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:1", "not an address"])
def test_a_bad_address_is_a_coded_error(address: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.scale import cluster as scale_cluster

    monkeypatch.setattr(scale_cluster, "CONNECT_TIMEOUT", "2s")
    result = CliRunner().invoke(cli, ["add", "-q", str(EXAMPLES), "--db",
                                      str(tmp_path / "n.db"), "--dask", address])
    assert result.exit_code == 1
    assert result.stderr.startswith("E500: cannot reach the Dask scheduler"), result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_what_travels_to_workers_pickles_and_checks_the_same() -> None:
    """Settings, Source, Article, Facts and a story's inputs survive pickling, and a
    story checked from its pickled inputs is the story checked here."""
    settings = load_settings()
    sources = [s for s in iter_sources([str(EXAMPLES)], settings) if isinstance(s, Source)]
    annotated = list(newsdesk.annotate([str(EXAMPLES)]))
    articles = [a.article for a in annotated]  # type: ignore[union-attr]
    facts = {a.article.id: a.facts for a in annotated}  # type: ignore[union-attr]
    for value in (settings, *sources, *articles, *facts.values()):
        assert pickle.loads(pickle.dumps(value)) == value
    grouping = group_articles(articles)
    tasks = story_inputs(articles, facts, grouping, settings.spacy_model)
    assert len(tasks) == len(grouping.stories)
    by_id = {a.id: a for a in articles}
    reprint_of = {k: r.original_id for k, r in grouping.reprints.items()}
    for story, task in zip(grouping.stories, tasks, strict=True):
        check = check_story(pickle.loads(pickle.dumps(task)))
        assert pickle.loads(pickle.dumps(check)) == check
        assert check == crosscheck_story([by_id[i] for i in story.article_ids], facts,
                                         reprint_of, sentence_parser(settings.spacy_model))
    pool = ProcessPool(2)
    try:
        assert crosscheck(articles, facts, grouping, executor=pool,
                          model=settings.spacy_model) == crosscheck(
            articles, facts, grouping, executor=InProcess(), model=settings.spacy_model)
    finally:
        pool.close()


def test_workers_running_other_code_are_a_coded_error(
    cluster: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facts are stored under the driver's code versions: workers must run the same code
    (here the driver is made to believe it runs another version; the workers do not)."""
    from newsdesk import versions

    monkeypatch.setattr(versions, "code_version", lambda parts: "0.0.0+other")
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    result = CliRunner().invoke(cli, ["add", "-q", str(EXAMPLES), "--db",
                                      str(tmp_path / "n.db"), "--dask", address])
    assert result.exit_code == 1
    assert result.stderr.startswith("E502: the Dask workers do not run this newsdesk code"), \
        result.stderr
    assert "Traceback" not in result.stderr
