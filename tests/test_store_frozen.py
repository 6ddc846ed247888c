"""``Store.frozen``: while held, the database file has everything and does not change, so
read-only ``Store.reader``s in other processes (the report's section workers) read it
whole, whatever another process writes meanwhile; when that cannot be arranged, it says so."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from newsdesk.store import Store

from .conftest import EXAMPLES


def _filled(tmp_path: Path) -> Path:
    import newsdesk

    db = tmp_path / "s.db"
    newsdesk.add([str(EXAMPLES)], db=db)
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_readers_see_every_article_and_the_file_does_not_change(tmp_path: Path) -> None:
    db = _filled(tmp_path)
    with Store(db) as store:
        ids = sorted(a.id for a in store.articles())
        with store.frozen() as frozen:
            assert frozen
            before = _digest(db)
            # another process writes meanwhile, and checkpoints what it wrote
            other = sqlite3.connect(db)
            other.execute("CREATE TABLE elsewhere (x)")
            other.executemany("INSERT INTO elsewhere VALUES (?)", [(i,) for i in range(5000)])
            other.commit()
            other.execute("PRAGMA wal_checkpoint(PASSIVE)")
            with Store.reader(db) as reader:
                assert [a.id for a in reader.articles_by_id(ids)] == ids
                assert all(reader.facts(i) is not None for i in ids)
                tables = {r[0] for r in reader.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert "elsewhere" not in tables
            assert _digest(db) == before
        other.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # now it can
        other.close()
    with Store.reader(db) as reader:
        assert reader.conn.execute("SELECT COUNT(*) FROM elsewhere").fetchone()[0] == 5000


def test_a_reader_holding_the_log_leaves_it_unfrozen(tmp_path: Path) -> None:
    db = _filled(tmp_path)
    with Store(db) as store:
        writer = sqlite3.connect(db)
        writer.execute("CREATE TABLE later (x)")
        writer.commit()  # in the log, not yet in the file
        holder = sqlite3.connect(db)
        holder.execute("BEGIN")
        holder.execute("SELECT COUNT(*) FROM later").fetchone()  # a snapshot that needs the log
        writer.execute("INSERT INTO later VALUES (1)")
        writer.commit()
        with store.frozen() as frozen:
            assert not frozen
        holder.execute("COMMIT")
        holder.close()
        writer.close()
