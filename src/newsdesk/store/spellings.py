"""The store's index of name spellings: which written words are one name spelled two ways.

Why an index of words and not of entities: search runs over articles, and the analyst types
one spelling ("Gaddafi") while other outlets wrote "Gadhafi" or "Qaddafi". Each word of a
name the annotate stage found is stored with its spelling key
(``crosscheck/entities/spelling.py``: the same transliteration keys that join entities across
articles), as a given-name word or a family-name word, since the family key is the
looser one (it also folds a first g into k). A typed word is then widened
to the words that share a key with it (``expansions``) — only words the store has seen in
a name, so an ordinary word is never widened, and the widening is as precise as the
entity merge (docs/decisions.md, "One person, one entity across outlets").

The keys are stored: when the spelling rules change, a migration must recompute them
(``backfill`` over the stored facts does it) or old words keep their old keys.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..crosscheck.entities.name_keys import person_name_words, word_keys
from ..crosscheck.entities.spelling import family_key
from ..model import Entity

# A typed word is widened to at most this many spellings (the most common first).
MAX_SPELLINGS = 8
_WORD = re.compile(r"\w+", re.UNICODE)

SCHEMA = """
CREATE TABLE name_spellings (
    kind TEXT NOT NULL,           -- 'given', 'family' (a person's) or 'other' (ORG, GPE…)
    key TEXT NOT NULL,            -- crosscheck/entities/spelling.py: variant or family_key of word
    word TEXT NOT NULL,           -- the word as an article wrote it
    seen INTEGER NOT NULL,        -- how many articles wrote it (to keep the most common)
    PRIMARY KEY (kind, key, word)
) WITHOUT ROWID;
CREATE INDEX name_spellings_word ON name_spellings(word COLLATE NOCASE);
"""


def spelling_rows(entities: Iterable[Entity]) -> set[tuple[str, str, str]]:
    """(kind, key, word) for every word of every name the entities are written with: a
    person's words as "given" or "family", the words of other names (four letters or more)
    as "other" with the family key. "Other" words widen a search only towards a key the
    store also knows as a person's family name (``expansions``): one article's "Gadhafi"
    tagged ORG is found, while "Colombia" is never widened to "Columbia"."""
    rows: set[tuple[str, str, str]] = set()
    for entity in entities:
        for mention in entity.mentions:
            if entity.label == "PERSON":
                rows.update(person_name_words(mention.text))
            else:
                rows.update(("other", family_key(w), w) for w in _WORD.findall(mention.text)
                            if len(w) >= 4 and w[:1].isupper() and w.isalpha())
    return rows


def _entities(record: str | None) -> list[Entity]:
    if not record:
        return []
    data: dict[str, Any] = json.loads(record)
    return [Entity.from_dict(e) for e in data.get("entities", [])]


def count_spellings(conn: sqlite3.Connection, old: str | None, new: Iterable[Entity]) -> None:
    """Move the index from an article's old facts (their JSON record, or None) to its new
    entities, inside the caller's transaction: ``seen`` counts articles, so facts stored
    again on a re-run change nothing."""
    before, after = spelling_rows(_entities(old)), spelling_rows(new)
    conn.executemany(
        "UPDATE name_spellings SET seen = seen - 1 WHERE kind = ? AND key = ? AND word = ?",
        sorted(before - after))
    conn.execute("DELETE FROM name_spellings WHERE seen <= 0")
    conn.executemany(
        "INSERT INTO name_spellings (kind, key, word, seen) VALUES (?, ?, ?, 1)"
        " ON CONFLICT (kind, key, word) DO UPDATE SET seen = seen + 1",
        sorted(after - before))


def backfill(conn: sqlite3.Connection) -> None:
    """Index the entities of the facts stored before the index existed."""
    for (record,) in conn.execute("SELECT record FROM facts ORDER BY article_id").fetchall():
        count_spellings(conn, None, _entities(record))


def expansions(conn: sqlite3.Connection, word: str) -> list[str]:
    """The spellings of ``word`` the store has seen in names: ``word`` itself first, then
    up to ``MAX_SPELLINGS`` - 1 words sharing a key with it, most mentioned first.

    The keys are those of the typed word itself, so a spelling the store has never seen
    ("Qaddafi") still finds those it has ("Gaddafi"). The looser family key is used only
    when the store does not know the word as a given name: "Gerry", a given name, is not
    widened to the family name "Kerry"."""
    try:
        given = conn.execute(
            "SELECT 1 FROM name_spellings WHERE word = ? COLLATE NOCASE AND kind = 'given'"
            " LIMIT 1", (word,)).fetchone()
        keys = [k for k in word_keys(word) if k[0] == "given" or not given]
        if not keys:
            return [word]
        clause = " OR ".join("(kind = ? AND key = ?)" for _ in keys)
        params = [x for k in keys for x in k]
        family = [key for kind, key in keys if kind == "family"]
        if family:  # words of other names, under a key some person's family name has
            clause += (" OR (kind = 'other' AND key = ? AND EXISTS (SELECT 1 FROM"
                       " name_spellings WHERE kind = 'family' AND key = ?))")
            params += [family[0], family[0]]
        rows = conn.execute(
            f"SELECT word, SUM(seen) AS n FROM name_spellings WHERE {clause}"
            " GROUP BY word ORDER BY n DESC, word", params).fetchall()
    except sqlite3.OperationalError:  # a store written before the index existed
        return [word]
    out = [word]
    for other, _ in rows:
        if other.casefold() != word.casefold() and len(out) < MAX_SPELLINGS:
            out.append(other)
    return out


def words_of(text: str) -> list[str]:
    """The words of a typed query (at most 20)."""
    return _WORD.findall(text)[:20]
