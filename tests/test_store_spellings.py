"""Search that finds every spelling of a name (issue 12): the store's name-spelling index,
kept in step with the facts, filled for stores written before it, and the reader's
query widened only to spellings the store has seen in names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.app.reader import Reader
from newsdesk.model import Article, Entity, Facts, PublishedDate, Source, Span
from newsdesk.store import Store
from newsdesk.store.migrations import MIGRATIONS, m004_name_spellings
from newsdesk.store.search import fts_query
from newsdesk.store.spellings import expansions

TEXTS = {
    "bbc": "Moammar Gadhafi spoke in Tripoli. Gadhafi said the rebels would lose.",
    "reuters": "Muammar Qaddafi left Tripoli, officials said.",
    "guardian": "Colonel Gaddafi was seen in Sirte.",
    "other": "Gerry Adams met John Kerry in Belfast; Kerry said little.",
    "places": "Colombia and Columbia University signed a research deal.",
}


def _entity(eid: str, label: str, text: str, *names: str) -> Entity:
    spans = []
    for name in names:
        at = text.index(name)
        spans.append(Span(at, at + len(name), name))
    return Entity(id=eid, name=names[0], label=label, mentions=tuple(spans))


def _facts(key: str) -> Facts:
    text = TEXTS[key]
    people = {
        "bbc": [("PERSON", "Moammar Gadhafi", "Gadhafi")],
        "reuters": [("PERSON", "Muammar Qaddafi")],
        "guardian": [("ORG", "Gaddafi")],
        "other": [("PERSON", "Gerry Adams"), ("PERSON", "John Kerry", "Kerry")],
        "places": [("GPE", "Colombia"), ("ORG", "Columbia University")],
    }[key]
    return Facts(entities=tuple(_entity(f"e{i}", label, text, *names)
                                for i, (label, *names) in enumerate(people, 1)))


def _fill(db: Path, keys: tuple[str, ...] = tuple(TEXTS)) -> None:
    with Store(db) as store:
        for key in keys:
            src = Source(name=f"in/{key}.txt", content=TEXTS[key].encode())
            art = Article(id=key, source=src.name, url=None, format="text", title=None,
                          authors=(), outlet=key, section=None,
                          published=PublishedDate(value="2011-03-01"), text=TEXTS[key])
            store.add_article(src, art)
            store.add_facts(key, _facts(key))
        store.put_stories([])


def _found(db: Path, query: str) -> set[str]:
    return {hit["id"] for hit in Reader(db).search(query)["hits"]}


def test_one_spelling_finds_the_others(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _fill(db)
    assert _found(db, "Gaddafi") == {"bbc", "reuters", "guardian"}
    # "Gaddafi" is in the store only as an ORG's name, found because people are named so
    assert _found(db, "Qaddafi") == {"bbc", "reuters", "guardian"}
    assert _found(db, "Muammar") == {"bbc", "reuters"}
    assert _found(db, "Moammar Tripoli") == {"bbc", "reuters"}


def test_a_word_the_store_knows_as_a_given_name_is_not_widened_by_the_family_key(
        tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _fill(db)
    conn = sqlite3.connect(db)
    assert expansions(conn, "Gerry") == ["Gerry"]
    assert _found(db, "Gerry") == {"other"}
    assert expansions(conn, "Tripoli") == ["Tripoli"]  # not a name word the store has seen
    assert expansions(conn, "Colombia") == ["Colombia"]  # no person is named so
    assert _found(db, "Colombia") == {"places"}


def test_the_widened_query_is_still_quoted_terms() -> None:
    query = fts_query('Gaddafi "x', lambda w: [w, "Gadhafi"] if w == "Gaddafi" else [w])
    assert query == '("Gaddafi" OR "Gadhafi") AND "x"'


def test_facts_stored_again_count_once(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _fill(db)
    _fill(db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT seen FROM name_spellings WHERE word = 'Gadhafi'"
                        " AND kind = 'family'").fetchone() == (1,)
    with Store(db) as store:  # the article's facts change: its old spellings go
        store.add_facts("reuters", Facts())
    assert conn.execute("SELECT COUNT(*) FROM name_spellings WHERE word = 'Qaddafi'"
                        ).fetchone() == (0,)


def test_a_store_written_before_the_index_gets_it_filled(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _fill(db)
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE name_spellings")  # the later migrations run again harmlessly
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(m004_name_spellings)}")
    conn.commit()
    assert _found(db, "Gaddafi") == {"guardian"}  # read-only reader, old schema: no widening
    Store(db).close()  # the writer migrates
    assert _found(db, "Gaddafi") == {"bbc", "reuters", "guardian"}


def test_keys_stored_by_older_spelling_rules_are_recomputed(tmp_path: Path) -> None:
    """A store whose index holds keys of older rules (here made up) gets them recomputed
    when the writer opens it (migration 13), so the typed word's keys meet them again."""
    from newsdesk.store.migrations import m013_respell

    db = tmp_path / "s.db"
    _fill(db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE name_spellings SET key = 'stale-' || key")
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(m013_respell)}")
    conn.commit()
    assert _found(db, "Gaddafi") == {"guardian"}  # stale keys: no widening
    Store(db).close()  # the writer migrates
    assert _found(db, "Gaddafi") == {"bbc", "reuters", "guardian"}
    assert conn.execute("SELECT COUNT(*) FROM name_spellings WHERE key LIKE 'stale-%'"
                        ).fetchone()[0] == 0
