"""What a user types into search, read as a small query language and written out as a
well-formed FTS5 query made only of quoted terms.

Why a parser of our own and not FTS5's syntax: typed text is hostile input — a stray quote,
``NEAR(``, ``^`` or a column filter ``title:`` is an FTS5 syntax error or reaches past what
search means — while analysts expect the habits of web search. So the text is read with
this grammar, and anything that does not fit it is read as words:

    query  := group+                 every group is required (AND; a typed AND is allowed)
    group  := unary ("OR" unary)*    OR binds tighter than the implicit AND, as in web
                                     search: ``Putin OR Kim visit`` is (Putin or Kim) and visit
    unary  := ("NOT" | "-") atom | atom   (a ``-`` only when the term follows it directly)
    atom   := word | prefix* | "a quoted phrase" | ( query )

Operators are upper-case only (``or`` is a word). A word matches any spelling of it the
store has seen in a name (``spellings.py``); a quoted phrase is exact — those words, in that
order, no other spellings — so quotes also turn the widening off. ``Kore*`` matches words
starting with ``Kore`` (at least ``MIN_PREFIX`` letters before the star). A typed token of
several words (``Al-Qaeda``, ``U.S.``) is a phrase of them, each word widened. Excluding
needs something to exclude from: ``-Kim`` alone excludes from every article (or from the
filters' articles; the searcher does it with SQL), a ``NOT`` inside an OR or a bracket with
nothing else is dropped and said so. The output is fully bracketed, so FTS5's own operator
precedence never matters, and each term is a quoted string of letters and digits.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Letters and digits: what FTS5's unicode61 tokenizer keeps ("_" would make an empty phrase).
_WORD = re.compile(r"[^\W_]+")
# A quoted phrase (closed or running to the end), a bracket, or a run of anything else.
_TOKEN = re.compile(r'"([^"]*)"?|(\()|(\))|([^\s"()]+)')
# Characters of typed text read; words searched (each widened to at most 8 spellings).
MAX_CHARS = 500
MAX_WORDS = 20
# Letters a prefix needs before its "*": "K*" would match a large part of the index.
MIN_PREFIX = 3
# Brackets nested deeper than this are read as plain grouping of their words.
MAX_DEPTH = 8
# Spelling variants of a typed multi-word token (the product of its words' spellings).
MAX_PHRASE_VARIANTS = 8
_OPERATORS = {"OR": "or", "AND": "and", "NOT": "not"}


@dataclass(frozen=True)
class Term:
    """Words that must stand together in this order; ``exact``: quoted (no other spellings);
    ``prefix``: the last word is a prefix."""

    words: tuple[str, ...]
    exact: bool = False
    prefix: bool = False


@dataclass(frozen=True)
class All:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


Node = Term | All | AnyOf | Not
Spellings = Callable[[str], list[str]]


@dataclass(frozen=True)
class Compiled:
    """``match``: the FTS5 query the articles must match (None: none given); ``exclude``:
    one they must not match, only when nothing is required (the caller excludes with SQL);
    ``shown``: how the query was read, for people; ``notes``: what was dropped and why."""

    match: str | None
    exclude: str | None
    shown: str
    notes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.match is None and self.exclude is None


def tokens(text: str) -> tuple[list[tuple[str, object]], list[str]]:
    """(tokens, notes): ("term", Term) / ("or"|"and"|"not"|"open"|"close", None)."""
    notes: list[str] = []
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        notes.append(f"only the first {MAX_CHARS} characters were read")
    out: list[tuple[str, object]] = []
    words = 0
    matches = list(_TOKEN.finditer(text))
    for i, m in enumerate(matches):
        phrase, opening, closing, bare = m.groups()
        if opening or closing:
            out.append(("open" if opening else "close", None))
            continue
        if phrase is not None:
            term: Term | None = _term(_WORD.findall(phrase), exact=True)
        else:
            term = None
            if bare in _OPERATORS:
                out.append((_OPERATORS[bare], None))
                continue
            if bare.startswith("-"):
                after = matches[i + 1] if i + 1 < len(matches) else None
                adjacent = after is not None and after.start() == m.end() and (
                    after.group(1) is not None or after.group(2) is not None)
                bare = bare.lstrip("-")
                if bare or adjacent:  # "-Kim", '-"a b"', "-(…)"; a lone " - " is a dash
                    out.append(("not", None))
            starred = bare.rstrip("*")
            found = _WORD.findall(starred)
            prefix = starred != bare and bool(found) and bare[:len(starred)][-1:].isalnum() \
                and len(found[-1]) >= MIN_PREFIX
            if starred != bare and found and not prefix:
                notes.append(f"{bare}: a prefix is {MIN_PREFIX} or more letters, then *;"
                             " searched as words")
            term = _term(found, prefix=prefix)
        if term is None:
            continue
        if words + len(term.words) > MAX_WORDS:
            notes.append(f"only the first {MAX_WORDS} words were searched")
            break
        words += len(term.words)
        out.append(("term", term))
    return out, notes


def _term(words: Sequence[str], exact: bool = False, prefix: bool = False) -> Term | None:
    return Term(tuple(words), exact=exact, prefix=prefix) if words else None


class _Parser:
    """Recursive descent over ``tokens``; never fails: what fits no rule is words."""

    def __init__(self, toks: list[tuple[str, object]]) -> None:
        self.toks = toks
        self.pos = 0

    def peek(self, ahead: int = 0) -> str | None:
        at = self.pos + ahead
        return self.toks[at][0] if at < len(self.toks) else None

    def starts_atom(self, ahead: int = 0) -> bool:
        return self.peek(ahead) in ("term", "open", "not")

    def sequence(self, depth: int) -> list[Node]:
        groups: list[Node] = []
        while self.peek() is not None:
            kind = self.peek()
            if kind == "close":
                if depth:
                    break
                self.pos += 1  # a stray ")" at the top: nothing
                continue
            if kind == "and" and groups and self.starts_atom(1):
                self.pos += 1  # "a AND b": the AND every group has anyway
                continue
            groups.append(self.group(depth))
        return groups

    def group(self, depth: int) -> Node:
        parts = [self.unary(depth)]
        while self.peek() == "or" and self.peek(1) in ("term", "open", "not"):
            self.pos += 1
            parts.append(self.unary(depth))
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def unary(self, depth: int) -> Node:
        if self.peek() == "not" and self.peek(1) in ("term", "open"):
            self.pos += 1
            return Not(self.atom(depth))
        return self.atom(depth)

    def atom(self, depth: int) -> Node:
        kind, value = self.toks[self.pos]
        self.pos += 1
        if kind == "term":
            assert isinstance(value, Term)
            return value
        if kind == "open":
            inner = self.sequence(depth + 1) if depth < MAX_DEPTH else []
            if depth >= MAX_DEPTH:  # too deep: the words inside, as they come
                while self.peek() not in (None, "close"):
                    inner.append(self.atom(depth))
            if self.peek() == "close":
                self.pos += 1
            return inner[0] if len(inner) == 1 else All(tuple(inner))
        # an operator with nothing to work on is the word itself ("AND OR NOT")
        return Term((kind.upper(),))


def parse(text: str) -> tuple[Node | None, list[str]]:
    """The query tree of ``text`` (None when it holds no word) and notes on what was
    dropped."""
    toks, notes = tokens(text)
    groups = _Parser(toks).sequence(0)
    groups = [g for g in groups if not (isinstance(g, All) and not g.parts)]
    if not groups:
        return None, notes
    return (groups[0] if len(groups) == 1 else All(tuple(groups))), notes


def _quoted(words: Sequence[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


class _Writer:
    def __init__(self, spellings: Spellings | None) -> None:
        self.spellings = spellings
        self.notes: list[str] = []

    def term(self, term: Term) -> tuple[str, str]:
        """(FTS5, shown) for one term."""
        if term.exact or term.prefix or self.spellings is None:
            star = "*" if term.prefix else ""
            shown = " ".join(term.words) + star
            return _quoted(term.words) + star, (f'"{shown}"' if term.exact else shown)
        alts = [self.spellings(w) for w in term.words]
        variants = list(itertools.islice(itertools.product(*alts), MAX_PHRASE_VARIANTS))
        typed = " ".join(term.words)
        others = [" ".join(v) for v in variants[1:]]
        shown = typed + (f" [also {', '.join(others)}]" if others else "")
        if len(variants) == 1:
            return _quoted(variants[0]), shown
        return "(" + " OR ".join(_quoted(v) for v in variants) + ")", shown

    def node(self, node: Node, top: bool = False) -> tuple[str | None, str]:
        """(FTS5 or None when the node can only exclude, shown)."""
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, Not):
            inner = self.node(node.part)
            self.notes.append(f"not {inner[1]}: excluding needs a word to find beside it"
                              " (dropped)")
            return None, ""
        if isinstance(node, AnyOf):
            written = [self.node(p) for p in node.parts]
            kept = [w for w in written if w[0] is not None]
            if not kept:
                return None, ""
            fts = kept[0][0] if len(kept) == 1 else "(" + " OR ".join(
                str(w[0]) for w in kept) + ")"
            return fts, "(" + " or ".join(w[1] for w in kept) + ")" if len(kept) > 1 \
                else kept[0][1]
        positives = [self.node(p) for p in node.parts if not isinstance(p, Not)]
        positives = [p for p in positives if p[0] is not None]
        negatives = [self.node(p.part) for p in node.parts if isinstance(p, Not)]
        negatives = [n for n in negatives if n[0] is not None]
        if not positives:
            if negatives:
                self.notes.append("a bracket holding only excluded words was dropped")
            return None, ""
        fts = " AND ".join(str(p[0]) for p in positives)
        shown = " and ".join(p[1] for p in positives)
        if negatives:
            fts = f"({fts}) NOT (" + " OR ".join(str(n[0]) for n in negatives) + ")"
            shown += "".join(f" and not {n[1]}" for n in negatives)
        elif not top and len(positives) > 1:
            fts, shown = f"({fts})", f"({shown})"
        return fts, shown


def compile_query(text: str, spellings: Spellings | None = None) -> Compiled:
    """``text`` as FTS5: each word widened with ``spellings`` (a word → its spellings, the
    word first), phrases exact, the rest as the module says."""
    tree, notes = parse(text)
    if tree is None:
        return Compiled(None, None, "", tuple(notes))
    writer = _Writer(spellings)
    parts = tree.parts if isinstance(tree, All) else (tree,)
    if all(isinstance(p, Not) for p in parts):  # only exclusions: the caller uses SQL
        written = [writer.node(p.part) for p in parts if isinstance(p, Not)]
        kept = [w for w in written if w[0] is not None]
        if not kept:
            return Compiled(None, None, "", tuple(notes + writer.notes))
        return Compiled(None, " OR ".join(str(w[0]) for w in kept),
                        " and ".join(f"not {w[1]}" for w in kept),
                        tuple(notes + writer.notes))
    fts, shown = writer.node(tree, top=True)
    return Compiled(fts, None, shown, tuple(notes + writer.notes))
