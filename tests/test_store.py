"""The store keeps what it has: re-runs add nothing twice, failures never remove articles."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, Failure, Problem, PublishedDate, Removed, Source
from newsdesk.store import Store
from newsdesk.store.migrations import MIGRATIONS


def article(i: int) -> tuple[Source, Article]:
    src = Source(name=f"in/{i}.txt", content=f"body {i}".encode())
    art = Article(
        id=f"id{i}", source=src.name, url=None, format="text", title=f"T{i}", authors=("A",),
        outlet=None, section=None, published=PublishedDate(value=f"2024-06-{10 + i:02d}"),
        text=f"Paragraph {i}.", removed=(Removed("Menu", "navigation", 1, 1),),
    )
    return src, art


def test_rerun_adds_nothing_twice(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        assert [store.add_article(*article(i)) for i in range(3)] == [True] * 3
    with Store(db) as store:
        assert [store.add_article(*article(i)) for i in range(3)] == [False] * 3
        assert store.count("articles") == 3 and store.count("removed") == 3


def test_articles_round_trip_in_date_order(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        for i in (2, 0, 1):
            store.add_article(*article(i))
        got = list(store.articles())
    assert [a.id for a in got] == ["id0", "id1", "id2"]
    assert got[0] == article(0)[1]


def test_failure_keeps_stored_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add_article(*article(0))
        store.add_failure(Failure("bad.png", Problem("E102", "binary")))
        assert store.count("articles") == 1 and store.count("failures") == 1


def test_schema_version_is_recorded(tmp_path: Path) -> None:
    Store(tmp_path / "s.db").close()
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_unwritable_store_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(NewsdeskError) as info:
        Store(tmp_path / "missing-dir" / "s.db")
    assert info.value.code == "E300"
