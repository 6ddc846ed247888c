"""Link the mentions of one article into entities.

People: a full name (two or more parts) is one entity with its other spellings ("Kim
Jong-un" = "Kim Jong Un") and its longer forms ("Hillary Rodham Clinton"). A short form
("Putin", "Mr. Kim") joins the one full name that contains it. When several full names
share it ("Kim" beside Kim Jong Un and Kim Hong-kyun), only context decides: the nearest
full mention before it in the same or the previous paragraph, or a title that matches one
candidate's role; otherwise the short form stays its own entity — never a guess. Other
names are grouped by their key ("the U.S." = "US"), and an acronym given in brackets after
a name ("The New York Times (NYT)") joins that name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..names import name_tokens, plain_key, words
from .clean import Mention


@dataclass
class Cluster:
    """Mentions that name one entity, in text order."""

    mentions: list[Mention] = field(default_factory=list)
    parts: tuple[str, ...] = ()  # name parts of the fullest person name
    hint: frozenset[str] = frozenset()  # title words found around its mentions

    def label(self, doc: Doc) -> str:
        """The label most mentions carry (the fullest mention's on a tie) — except that a
        full name the model reads as a PERSON ("Ed Overton") keeps the cluster a person:
        the small model labels a bare family name after "said" ORG or GPE ("Overton
        said") far more often than it calls an organisation's full name a person."""
        votes = Counter(m.label for m in self.mentions)
        best = max(votes.values())
        fullest = self.fullest(doc)
        if fullest.label == "PERSON" and len(name_tokens(fullest.text(doc))) > 1:
            return "PERSON"
        return fullest.label if votes[fullest.label] == best else votes.most_common(1)[0][0]

    def fullest(self, doc: Doc) -> Mention:
        """The mention with the most words, then the most characters, then the first."""
        return max(
            self.mentions,
            key=lambda m: (m.tok_end - m.tok_start, len(m.text(doc)), -m.tok_start),
        )


_SKIP = frozenset(words("the of and for"))
RoleHint = Callable[[Mention], frozenset[str]]


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(part in it for part in short)


def _person_groups(doc: Doc, full: list[Mention]) -> list[Cluster]:
    """Full person names grouped: same parts, or a shorter form inside a longer one with
    the same first and last part ("Hillary Clinton" in "Hillary Rodham Clinton")."""
    groups: list[Cluster] = []
    by_len = sorted(full, key=lambda m: (-len(name_tokens(m.text(doc))), m.tok_start))
    for m in by_len:
        parts = name_tokens(m.text(doc))
        homes = [
            g
            for g in groups
            if g.parts == parts
            or (
                parts[0] == g.parts[0] and parts[-1] == g.parts[-1] and _subsequence(parts, g.parts)
            )
        ]
        if len(homes) == 1:
            homes[0].mentions.append(m)
        else:
            groups.append(Cluster([m], parts))
    return groups


def _resolve_short(
    doc: Doc, m: Mention, groups: list[Cluster], hint: frozenset[str]
) -> Cluster | None:
    """The one full-name group a short form belongs to, or None when context cannot tell."""
    part = name_tokens(m.text(doc))
    cands = [g for g in groups if all(p in g.parts for p in part)]
    before = [g for g in cands if min(x.tok_start for x in g.mentions) < m.tok_start]
    cands = before or cands
    if len(cands) <= 1:
        return cands[0] if cands else None
    # nearest full mention before it, in this paragraph or the one before
    nearest: tuple[int, Cluster] | None = None
    for g in cands:
        for x in g.mentions:
            if len(name_tokens(x.text(doc))) < 2:
                continue
            close = x.tok_start < m.tok_start and m.para - 1 <= x.para <= m.para
            if close and (nearest is None or x.tok_start > nearest[0]):
                nearest = (x.tok_start, g)
    if nearest is not None:
        return nearest[1]
    if hint:
        fits = [g for g in cands if hint & g.hint]
        if len(fits) == 1:
            return fits[0]
    return None


def link(
    doc: Doc, mentions: Sequence[Mention], role_words: RoleHint | None = None
) -> list[Cluster]:
    """Group the mentions of one Doc into entities (clusters in order of first mention).

    ``role_words`` gives the lower-cased title words found around a mention ("chairman"),
    used only to tell apart several full names that share a short form.
    """
    hint = role_words or (lambda _m: frozenset())
    people = [m for m in mentions if m.label == "PERSON"]
    full = [m for m in people if len(name_tokens(m.text(doc))) >= 2]
    groups = _person_groups(doc, full)
    for g in groups:
        g.hint = frozenset().union(*(hint(x) for x in g.mentions))
    surnames = Counter(p for g in groups for p in g.parts)
    loose: dict[str, Cluster] = {}
    others: dict[str, Cluster] = {}
    for m in sorted(set(mentions) - set(full), key=lambda x: x.tok_start):
        text = m.text(doc)
        parts = name_tokens(text)
        short_person = m.label == "PERSON" or (
            m.label == "ORG" and len(parts) == 1 and not text.isupper() and surnames[parts[0]] > 0
        )
        if short_person and parts:
            home = _resolve_short(doc, m, groups, hint(m))
            if home is not None:
                home.mentions.append(m)
                continue
            if m.label == "PERSON":
                loose.setdefault(" ".join(parts), Cluster()).mentions.append(m)
                continue
        others.setdefault(plain_key(text), Cluster()).mentions.append(m)
    clusters = [*groups, *loose.values(), *others.values()]
    clusters = _join_acronyms(doc, clusters)
    for c in clusters:
        c.mentions.sort(key=lambda x: x.tok_start)
    return sorted(clusters, key=lambda c: c.mentions[0].tok_start)


def _initials(doc: Doc, m: Mention) -> str:
    words = doc[m.tok_start : m.tok_end]
    return "".join(t.text[0] for t in words if t.text[:1].isupper() and t.lower_ not in _SKIP)


def _join_acronyms(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A bracketed acronym joins the name before it: "The New York Times (NYT)"."""
    owner = {m.tok_start: c for c in clusters for m in c.mentions}
    by_start = {m.tok_start: m for c in clusters for m in c.mentions}
    for c in clusters:
        for m in list(c.mentions):
            end = m.tok_end
            if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
                continue
            acro = by_start.get(end + 1)
            if acro is None or acro.tok_end != end + 2:
                continue
            text = acro.text(doc)
            target = owner[acro.tok_start]
            if text.isupper() and text == _initials(doc, m) and target is not c:
                c.mentions.extend(target.mentions)
                for x in target.mentions:
                    owner[x.tok_start] = c
                target.mentions = []
    return [c for c in clusters if c.mentions]
