"""Which entity a speaker span stands for: a name, "who", a pronoun or "the official".

Resolution is by evidence in the article, never by guess:

- a span whose head word is an entity mention, or has one in apposition, is that entity
  ("Yuri Ushakov, a Kremlin aide" is Ushakov, not the Kremlin; "Putin's adviser, Yuri
  Ushakov" is Ushakov, not Putin);
- "who" is the noun its relative clause hangs on ("Sanders, who said …");
- he / she / his / her is the most recent person named as the subject of a sentence (or as
  the speaker of a quote; a subject inside what a speaker said does not interrupt the
  speaker) before it, in the same or the previous three paragraphs — or the
  only person named in the sentence just before, when that sentence comes later (a name
  there that only owns something, "Putin's stay", does not take over from a speaker);
- "the official", "the minister", "the aide" is the most recent person whose role (from
  ``find_entities``, or an apposition or title next to a mention) contains that word, and
  "the ministry" the most recent organisation whose name does; otherwise nothing.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...model import Entity, Span
from .cues import PERSON_NOUNS, words_of

_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers"})
_DEFINITE = frozenset({"the", "this", "that"})
_PARAGRAPHS_BACK = 3
# Generic role nouns and the role words they may stand for.
_GENERIC = {
    "official": words_of(
        "official aide adviser advisor minister spokesman spokeswoman spokesperson secretary "
        "envoy ambassador director chief head officer diplomat"
    ),
    "source": frozenset(),
}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity
    subject: bool


class SpeakerResolver:
    """Resolves speaker spans of one Doc against its entities (built once per Doc)."""

    def __init__(
        self,
        doc: Doc,
        entities: Sequence[Entity],
        text: str,
        reported: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.doc = doc
        self.text = text
        self.reported = sorted(reported)  # character ranges of what speakers said
        mentions = [
            _Mention(m.start, m.end, e, _is_subject(doc, m)) for e in entities for m in e.mentions
        ]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.role_words = {e.id: _role_words(doc, e) for e in entities}
        self.spoke: list[tuple[int, Entity]] = []  # earlier resolved speakers (offset, entity)

    def resolve(self, speaker: Span | None) -> str | None:
        """The id of the entity ``speaker`` names, or None."""
        if speaker is None:
            return None
        entity = self._resolve(speaker)
        if entity is not None:
            self.spoke.append((speaker.start, entity))
        return entity.id if entity is not None else None

    def _resolve(self, speaker: Span) -> Entity | None:
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span.root
        named = self._named(head, speaker)
        if named is not None:
            return named
        word = head.lower_
        if word == "who" and head.head.dep_ == "relcl":
            antecedent = head.head.head
            return self._at_token(antecedent)
        if word in _PERSONAL and len(span) == 1:
            return self._recent_person(speaker.start)
        if head.pos_ == "NOUN" and any(t.lower_ in _DEFINITE for t in head.lefts):
            return self._by_role(head, speaker.start)
        return None

    def _named(self, head: Token, speaker: Span) -> Entity | None:
        """The entity whose mention is the speaker's head word, or stands in apposition to
        it ("Putin's foreign policy adviser, Yuri Ushakov") — not one merely named inside
        ("Russia's isolation", "an official from the Kremlin")."""
        inside = self._between(speaker.start, speaker.end)
        for m in inside:
            if m.start <= head.idx < m.end:
                return m.entity
        for m in inside:
            root = self._root(m)
            if root is not None and root.dep_ == "appos" and root.head.i == head.i:
                return m.entity
        return None

    def _root(self, mention: _Mention) -> Token | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _at_token(self, token: Token) -> Entity | None:
        for m in self._between(token.idx, token.idx + len(token)):
            return m.entity
        return None

    def _between(self, start: int, end: int) -> list[_Mention]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        # A mention that starts before the span but covers its head ("Mr. Trump" vs "Trump").
        j = bisect_left(self.starts, start) - 1
        if j >= 0 and self.mentions[j].end > start:
            out.append(self.mentions[j])
        return out

    def _window_start(self, offset: int) -> int:
        """Where the search for an antecedent stops: a few paragraphs back."""
        text = self.text
        pos = offset
        for _ in range(_PARAGRAPHS_BACK + 1):
            found = text.rfind("\n", 0, pos)
            if found < 0:
                return 0
            pos = found
            while pos > 0 and text[pos - 1] == "\n":
                pos -= 1
        return pos

    def _before(self, offset: int) -> list[_Mention]:
        low = self._window_start(offset)
        i = bisect_left(self.starts, offset)
        return [m for m in self.mentions[:i] if m.start >= low and m.end <= offset]

    def _recent_person(self, offset: int) -> Entity | None:
        """The most recent person who was a subject or a speaker before ``offset``; failing
        that, the one person named in the sentence just before."""
        people = [m for m in self._before(offset) if m.entity.label == "PERSON"]
        low = self._window_start(offset)
        speakers = [(o, e) for o, e in self.spoke if low <= o < offset and e.label == "PERSON"]
        best: tuple[int, Entity] | None = None
        for m in people:
            if speakers and self._in_reported(m.start):
                continue  # "Putin will arrive", as Ushakov put it: the speaker goes on
            if m.subject and (best is None or m.start > best[0]):
                best = (m.start, m.entity)
        for o, e in speakers:
            if best is None or o > best[0]:
                best = (o, e)
        if people:
            last = self.doc.char_span(people[-1].start, people[-1].end, alignment_mode="expand")
            sent = last.sent if last is not None and len(last) else None
            if sent is not None and (best is None or best[0] < sent.start_char):
                named = {
                    m.entity.id: m.entity
                    for m in people
                    if m.start >= sent.start_char and not (speakers and self._possessor(m))
                }
                if len(named) == 1:
                    return next(iter(named.values()))
        return best[1] if best is not None else None

    def _possessor(self, mention: _Mention) -> bool:
        """ "Putin's stay": a name that only owns something does not take over from the
        speaker the paragraph is reporting."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ == "poss"

    def _in_reported(self, offset: int) -> bool:
        i = bisect_left(self.reported, (offset + 1, offset + 1)) - 1
        return i >= 0 and self.reported[i][0] <= offset < self.reported[i][1]

    def _by_role(self, head: Token, offset: int) -> Entity | None:
        word = head.lemma_.lower()
        if word in PERSON_NOUNS or word in _GENERIC:
            wanted = _GENERIC.get(word) or frozenset({word})
            for m in reversed(self._before(offset)):
                if m.entity.label == "PERSON" and self.role_words[m.entity.id] & (
                    wanted | {word}
                ):
                    return m.entity
            return None
        for m in reversed(self._before(offset)):
            if m.entity.label == "ORG" and word in m.entity.name.lower().split():
                return m.entity
        return None


def _is_subject(doc: Doc, mention: Span) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")


def _role_words(doc: Doc, entity: Entity) -> frozenset[str]:
    """Lower-case words of the entity's roles, plus the titles and appositions the parse
    puts next to its mentions ("Defense Minister Andrey Belousov", "Ushakov, an aide")."""
    words = {w.strip(",.").lower() for r in entity.roles for w in r.text.split()}
    if entity.label == "PERSON":
        for m in entity.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            for child in root.children:
                if child.dep_ in ("appos", "compound", "amod") and not (
                    span.start <= child.i < span.end
                ):
                    words.update(t.lemma_.lower() for t in child.subtree if t.is_alpha)
            k = span.start - 1
            while k >= 0 and span.start - k <= 3 and doc[k].pos_ in ("PROPN", "NOUN"):
                words.add(doc[k].lemma_.lower())
                k -= 1
    return frozenset(words)
