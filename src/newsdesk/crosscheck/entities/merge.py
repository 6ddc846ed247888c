"""Which article-level entities of a story name the same person, organisation or place.

The rules, each chosen so that a wrong merge is rarer than a missed one (a dossier that
fuses two people misleads; one that shows a person twice only repeats itself):

1. Types must agree: PERSON never merges with ORG; GPE and LOC may merge (the small
   model swaps them); every other label merges only with itself. The type of each
   entity is its type in the story, decided by all the mentions of its name
   (``mention_types.story_labels``), not by one article's label. A name after "Mr", "Mrs"
   or "Ms" is a person's; a census surname tagged a place, organisation or people may be
   read as a bare family name (``surname_types.py``).
2. People with a full name merge when their parts are equal after the spelling keys
   (``spelling.py``: "Sergey Lavrov" = "Sergei Lavrov", "Moammar Gadhafi" = "Muammar
   Qaddafi", "Kim Jong Un" = "Kim Jong-un"), or when the family names are equal, the
   given names equal, one the initial of the other or a short form at least two letters
   shorter that the other begins with ("Ed" / "Edward"; a given name and the first
   middle name may be written as one word: "Abdel Baset" = "Abdelbaset"), or one slip
   apart when one of them is no given name at all ("Evgenvy" / "Evgeny"; not Mark /
   Mary, not Ivan / Ivana: ``_given_misspelt``), and one has
   no middle names, or both have as many and each pair fits the same way ("Thomas Perez"
   = "Thomas E. Perez", "Donald J. Trump" = "Donald John Trump", "B. Obama" = "Barack
   Obama"; family-first names must be equal) — but only if
   all the longer forms it fits fit each other ("George Bush" stays apart when the story
   has George W. Bush and George H. W. Bush). A different given name never merges. A
   family name rarely misspelt joins its common spelling under the same given names
   ("Angela Merkell" = "Angela Merkel"; ``_join_misspelt_families``). A nickname that
   keeps a sound of its name fits it ("Bill" / "William"; ``census_names``); a short form
   must be a given name ("Deep" is no short form of "Deepcoffee"); a generation suffix
   must agree (Sr, Jr). A name the tagger ran on into a word ("Ken Salazar Lawmakers"),
   that starts with a glued common word before a family name the story gives a person
   ("Blame Obama"), or with a word that is no given name before a full name the story has
   alone ("Briton Tony Hayward", "Obama's Eric Holder") is read without it; "Mr X" inside
   a span ("NEXT Mr Hayward") is X.
3. A bare name ("Putin") joins the full name with that family name when the story has
   exactly one such person, or one named in ``DOMINANT`` times as many articles as the
   others of that family together (``_one_bearer``: Barack Obama, not Michelle Obama; a
   bare name of five letters or fewer must match on the strict key,
   ``PersonName.bare_key``: "Luke" does not find Gary Locke), and the name is rare in
   English or that person is named at least twice (``_names_one_person``: another
   outlet's bare "Jones" is not the Clifford Jones named once) — in a story of more than
   two articles, in two articles, or the bare mention's own article shows a person (a
   role, a quote, "Mr": "the Stern report" is no Andy Stern named twice in one article).
   With several of about equal weight ("Kim Jong Un", "Kim Hong-kyun", "Daniel Kim";
   Bill and Hillary Clinton) it stays alone — never a guess. With none,
   bare names merge with each other only when written alike (case and accents aside):
   a misspelling is trusted only with a full name to lean on, as two commenters "Brian"
   and "Bryan", or Captain O'Neill and a Mr ONeil, are not one person.
4. Organisations, places and groups merge when any of their spellings has the same key
   (``plain_name_key``: "the U.S." = "US"; inner "of", "and", "&" left out: "Gulf Mexico"
   = "Gulf of Mexico"), and an acronym joins the one name in the story whose initials it
   is ("UN" → "United Nations") when that name is named twice, in the acronym's article,
   or in two articles (``ACRONYM_HOME``: "VG" is not the Virgin Group met once in a long
   story); when two names share those initials
   (DNC: Committee or Convention) it joins neither, and a name the story also gives a
   person ("Bernie Sanders" tagged ORG) is not expanded. Relatedness is never a reason:
   "the Kremlin" is not "Russia". A people or nationality (NORP) is keyed without its
   plural and demonym ending (``demonym_key``: "Argentine" = "Argentinian", but "Christs"
   is not "Christians"; never its country, as NORP does not merge with GPE). Known
   hazard: an acronym with a famous other meaning ("ISIS") joins a name that happens to
   spell it (the Institute for Science and International Security) when the story has no
   other expansion and names it twice.
5. An organisation, place or people spelt rarely joins the one common spelling of its
   skeleton in the story ("Sichan" = "Sichuan", "Massachussetts" = "Massachusetts";
   ``misspelling.py``), never two common names ("Colombia", "Columbia").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from ...model import Entity
from ..unionfind import UnionFind
from .census_names import is_given_name, is_nickname_of, is_surname
from .mention_types import story_labels, type_class
from .misspelling import common_spelling, one_letter_apart, skeleton, zipf
from .name_keys import (
    PersonName,
    acronym_of,
    demonym_key,
    initials,
    person_name,
    person_name_words_as_written,
    plain_name_key,
)
from .surname_types import surnames_as_people

Node = tuple[str, Entity]  # (article_id, the article's entity)
# Rule 3: a bare family name rarer than this in English (zipf: one in a million words)
# joins without more ado; a commoner one only a full name named ``PROMINENT`` times.
RARE_FAMILY = 3.0
PROMINENT = 2
# Rule 3: among several full names of one family, the one named in this many times as many
# articles as the others together is the family's bearer in the story (``_one_bearer``).
DOMINANT = 5
# Rule 4: an acronym joins a name whose initials it is only when that name is named twice
# (``PROMINENT``), or in the acronym's own article, or in this many articles (or in the
# other article of a two-article story): a name met once ("Virgin Group", "American Bird
# Conservancy") is not what another outlet's "VG" or "ABC" means.
ACRONYM_HOME = 2
# A family name this common among people (per cent of the 1990 US census: Fox 0.053,
# Kennedy 0.067, Jones 0.621; about the 200 commonest) has many namesakes in the news: a
# bare one tagged as a place or an organisation is not taken for a person
# (``surname_types.py``). (Asking such a bare name to meet a full name named four times
# was written after reading test errors and cost a dev join: removed, docs/decisions.md.)
COMMON_SURNAME = 0.05
# A first word this common in English (zipf; "blame" 4.6, "kick" 4.7) that is no given
# name is a word glued onto a family name, not a given name (``_drop_glued_words``).
GLUED_WORD = 4.5
# A word after a full name this common in English (zipf; "lawmakers" 3.6, "BP" 3.8) ends
# the name (``_cut_run_on_names``); "Zardari" (2.4) may be a family name.
RUN_ON_WORD = 3.5
# Rule 2: given names this long or longer may be one slip apart (``_given_misspelt``).
GIVEN_SLIP_LETTERS = 4


def _part_fits(a: str, b: str) -> bool:
    """Equal, or one is the initial of the other ("j" and "john")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _given_fits(a: PersonName, b: PersonName) -> bool:
    """A given name fits another when ``_part_fits``, when one is a nickname of the other
    in the nickname table that keeps a sound of it ("Bill" / "William"; ``census_names``,
    ``_share_a_sound``), or when one is a short
    form the other begins with, two or more letters shorter, that is itself a given name
    ("Ed" / "Edward", "Chris" / "Christopher"; not "Eric" / "Erica", "Paul" / "Paula",
    nor "Deep" / "Deepcoffee": "Deep" is no one's given name)."""
    if _part_fits(a.given, b.given) or _given_misspelt(a.given_written, b.given_written):
        return True
    if a.given_written and b.given_written and is_nickname_of(a.given_written,
                                                              b.given_written):
        return _share_a_sound(a.given_written, b.given_written)
    short, long = sorted((a, b), key=lambda n: len(n.given))
    return (len(short.given) >= 2 and len(long.given) >= len(short.given) + 2
            and long.given.startswith(short.given) and is_given_name(short.given_written))


def _given_misspelt(a: str, b: str) -> bool:
    """Two given names one slip apart (``misspelling.one_letter_apart``: "Evgenvy" /
    "Evgeny", "Kiern" / "Kieran", "Barrack" / "Barack") of which at least one is no given
    name of the census or nickname lists: a typing slip, not a second name. Two real given
    names a letter apart are two people (Mark / Mary, Ellen / Allen, Jean / Joan), and so
    are names a last letter apart (Ivan / Ivana, Eric / Erica, Paul / Paula); names of
    three letters or fewer are too short to tell a slip from another name (Jon / Jun)."""
    if min(len(a), len(b)) < GIVEN_SLIP_LETTERS or not one_letter_apart(a, b):
        return False
    if a[:-1] == b[:-1] or a[:-1] == b or b[:-1] == a:
        return False
    return not (is_given_name(a) and is_given_name(b))


def _share_a_sound(a: str, b: str) -> bool:
    """Whether two given names begin alike or share two letters in a row. The nickname
    table is a genealogist's: it also gives "Bill" for Robert and "Fred" for Bill; a
    nickname that keeps a sound of its name ("Jim" / "James", "Bill" / "William", "Bob" /
    "Robert", "Dick" / "Richard") is the common one, and Robert Gates is not Bill Gates."""
    pairs = {a[k:k + 2] for k in range(len(a) - 1)}
    return a[:1] == b[:1] or any(b[k:k + 2] in pairs for k in range(len(b) - 1))


def _middles_fit(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One side has no middle names, or both have as many and each pair fits. Dropping
    only some middles is not allowed: George W. Bush is not George H. W. Bush."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(_part_fits(x, y) for x, y in zip(a, b, strict=True))


def compatible(a: PersonName, b: PersonName) -> bool:
    """Two full names that may be one person: rule 2 of the module docstring."""
    if a.family_first or b.family_first:
        return a.parts == b.parts
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False  # George Bush Sr is not George Bush Jr
    if a.family != b.family:
        return False
    if _given_fits(a, b) and _middles_fit(a.middle, b.middle):
        return True
    # a name with its given name and first middle joined must match exactly: no initial or
    # short form on top ("J. Scott Applewhite" is not "JacquelynMartin")
    return any(ga == gb and _middles_fit(ma, mb)
               for ga, ma in a.forms() for gb, mb in b.forms())


def _names_one_person(bare: Sequence[PersonName], home: Sequence[PersonName],
                      mentions: int, personal: bool = True) -> bool:
    """Whether bare family names may join the one full name of their family in the story
    (rule 3): the family name is rare in English in one of its spellings (few bearers:
    "Suttles", "Qaddafi"), or the full name is named at least ``PROMINENT`` times in the
    story — a person named once in passing (a byline, an editor, one resident quoted) is
    not whom another outlet's bare "Jones" or "Kennedy" means — and ``personal``: the
    bearer is named in two articles (or in the other one of a two-article story), or the
    bare name's own article shows it as a person (a title or role, a quote it speaks,
    "Mr"; "the Stern report" is no Andy Stern named in one article). A bare name with a
    generation suffix ("Bush Sr") is asked for none of this: it meets only the full names
    of its family with that suffix ("George Bush Sr"), and those have few namesakes."""
    if any(n.suffix for n in bare):
        return True  # "Bush Sr" looks only among the Bushes written Sr: few namesakes
    surnames = [n.surname for n in (*bare, *home) if n.surname]
    rarest = min(zipf(s) for s in surnames) if surnames else 0.0
    return rarest < RARE_FAMILY or (mentions >= PROMINENT and personal)


def _one_bearer(homes: set[int], cited: dict[int, set[str]]) -> int | None:
    """The story's one bearer of a family name among its full names (``homes``: their
    roots; ``cited``: root → the articles naming it): the only one, or the one named in at
    least ``DOMINANT`` times as many articles as all the others together (Barack Obama in
    372 articles, Michelle Obama in 6); None when no one stands out (Bill and Hillary
    Clinton)."""
    if len(homes) == 1:
        return next(iter(homes))
    ranked = sorted(homes, key=lambda h: (-len(cited.get(h, ())), h))
    rest = sum(len(cited.get(h, ())) for h in ranked[1:])
    return ranked[0] if len(cited.get(ranked[0], ())) >= DOMINANT * rest else None


def _join_misspelt_families(names: dict[tuple[str, ...], PersonName],
                            full: dict[tuple[str, ...], list[int]], uf: UnionFind[int]) -> None:
    """Two full names with the same given names whose family names are one name and a
    rare misspelling of it ("Angela Merkell" = "Angela Merkel"; ``misspelling.py``: the rare
    spelling is no word of its own and ten times rarer), when that family name is the
    one common spelling of its skeleton among the story's full names of that given name.
    Two real family names a vowel apart (Hansen, Hanson) are both common: never joined."""
    groups: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for parts, name in sorted(names.items()):
        bone = skeleton(name.surname)
        if bone and name.given and not name.family_first:
            groups[(name.given, bone)].append(parts)
    for members in groups.values():
        surnames = {names[k].surname for k in members}
        common = common_spelling(surnames) if len(surnames) > 1 else None
        if common is None:
            continue
        homes = [k for k in members if names[k].surname == common]
        for k in members:
            if names[k].surname == common:
                continue
            fits = [h for h in homes if _middles_fit(names[k].middle, names[h].middle)]
            if len(fits) == 1:
                uf.union(full[k][0], full[fits[0]][0])


def merge_people(people: dict[int, PersonName], uf: UnionFind[int],
                 mentions: dict[int, int] | None = None,
                 articles: dict[int, str] | None = None,
                 personal: frozenset[int] | None = None) -> None:
    """Rules 2 and 3 over the PERSON nodes (``people``: node index → parsed name;
    ``mentions``: node index → its number of mentions, 1 when not given; ``articles``:
    node index → its article, each node an article of its own when not given;
    ``personal``: the nodes whose article shows them as a person, all when not given)."""
    full: dict[tuple[str, ...], list[int]] = defaultdict(list)
    bare: dict[str, list[int]] = defaultdict(list)
    for i, name in people.items():
        if name.is_full:
            full[name.parts].append(i)
        else:  # "Bush Sr" looks for a Bush Sr only
            bare[name.bare_key + ("|" + name.suffix if name.suffix else "")].append(i)
    for members in full.values():
        uf.union_all(members)
    names = {parts: people[idx[0]] for parts, idx in full.items()}
    by_family: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for parts, name in sorted(names.items()):
        by_family[name.family].append(parts)
    for keys in by_family.values():
        fits = {k: [o for o in keys if o != k and compatible(names[k], names[o])] for k in keys}
        clear = {
            k
            for k, fit in fits.items()
            if all(compatible(names[x], names[y]) for x, y in combinations(fit, 2))
        }
        # an edge needs both ends unambiguous: GWB fits only "George Bush", but
        # "George Bush" also fits GHWB, so neither Bush joins it
        for k in sorted(clear):
            for other in fits[k]:
                if other in clear:
                    uf.union(full[k][0], full[other][0])
    _join_misspelt_families(names, full, uf)
    families: dict[str, set[int]] = defaultdict(set)
    for parts, name in names.items():
        if _word_first(name):
            continue  # "Greater Glasgow", "Southern Sting": no one's full name
        for key in (name.family, "=" + name.strict):
            families[key].add(uf.find(full[parts][0]))
            if name.suffix:
                families[key + "|" + name.suffix].add(uf.find(full[parts][0]))
    named: dict[int, int] = defaultdict(int)  # root of a full name → its mentions
    for idx in full.values():
        for i in idx:
            named[uf.find(i)] += (mentions or {}).get(i, 1)
    cited: dict[int, set[str]] = defaultdict(set)  # root of a full name → its articles
    for idx in full.values():
        for i in idx:
            cited[uf.find(i)].add((articles or {}).get(i, str(i)))
    cited_all = set((articles or {}).values()) if articles else set(map(str, people))
    for family, members in sorted(bare.items()):
        homes = families.get(family, set())
        home = _one_bearer(homes, cited) if homes else None
        if home is not None:
            fulls = [people[idx[0]] for idx in full.values() if uf.find(idx[0]) == home]
            # named in two articles, or in the only other one of a two-article story
            wide = len(cited[home]) >= min(2, len(cited_all) - 1)
            for i in members:
                if _names_one_person([people[i]], fulls, named[home],
                                     wide or personal is None or i in personal):
                    uf.union(home, i)
        elif not homes:
            alike: dict[str, list[int]] = defaultdict(list)
            for i in members:
                alike[people[i].written].append(i)
            for same in alike.values():
                uf.union_all(same)


def _spellings(entity: Entity) -> list[str]:
    return sorted({entity.name, *(m.text for m in entity.mentions)})


def _join_misspellings(by_key: dict[tuple[str, str], list[int]], uf: UnionFind[int],
                       surnames: frozenset[str] = frozenset()) -> None:
    """Rule 5: a rare spelling joins the one common spelling of its skeleton, within a
    class (``misspelling.py``: "Sichan" → "Sichuan"; Colombia and Columbia stay apart).
    ``by_key``: (class, ``plain_name_key`` as written) → nodes. A word the story uses as
    a person's family name (``surnames``: "Lord Marland") is that name, not a slip."""
    by_skeleton: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cls, key in by_key:
        bone = skeleton(key)
        if bone:
            by_skeleton[(cls, bone)].append(key)
    for (cls, _), keys in sorted(by_skeleton.items()):
        common = common_spelling(keys)
        if common is not None:
            uf.union_all([i for k in keys if k == common or k not in surnames
                          for i in by_key[(cls, k)]])


# Words that link the words of a name and that writers drop or add ("Gulf Mexico",
# "Minerals and Management Service"): not part of a key.
_LINKS = frozenset(("of", "and", "&"))


def _without_links(key: str) -> str:
    """A name key without its inner linking words, when two words or more stay: "gulf
    of mexico" = "gulf mexico"; word order still counts (University of Miami is not Miami
    University)."""
    words = key.split()
    kept = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and w in _LINKS)]
    return " ".join(kept) if len(kept) >= 2 else key


def merge_others(
    nodes: Sequence[Node], labels: Sequence[str], indices: Sequence[int], uf: UnionFind[int],
    people: frozenset[str], surnames: frozenset[str] = frozenset(),
) -> None:
    """Rule 4 over the nodes that are not parsed as people. ``people`` holds the name keys
    of the story's PERSON entities: a person's name mislabelled ORG is never expanded
    into an acronym ("BS", a degree, is not "Bernie Sanders"); ``surnames`` their family
    names, which are never taken for a misspelling (rule 5)."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    written: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in indices:
        cls = type_class(labels[i])
        for text in _spellings(nodes[i][1]):
            key = demonym_key(text) if cls == "NORP" else plain_name_key(text)
            if key:
                by_key[(cls, _without_links(key))].append(i)
                written[(cls, plain_name_key(text))].append(i)
    for members in by_key.values():
        uf.union_all(members)
    _join_misspellings(written, uf, surnames)
    spelled: dict[tuple[str, str], set[int]] = defaultdict(set)  # (class, initials) → roots
    acronyms: list[tuple[int, str, str]] = []
    for i in indices:
        cls = type_class(labels[i])
        for text in _spellings(nodes[i][1]):
            letters = initials(text)
            if letters and plain_name_key(text) not in people:
                spelled[(cls, letters)].add(uf.find(i))
            acro = acronym_of(text)
            if acro:
                acronyms.append((i, cls, acro))
    cited: dict[int, set[str]] = defaultdict(set)  # root → its articles
    named: dict[int, int] = defaultdict(int)  # root → its mentions
    for i in indices:
        cited[uf.find(i)].add(nodes[i][0])
        named[uf.find(i)] += len(nodes[i][1].mentions)
    everywhere = len({aid for aid, _ in nodes})
    joins = []
    for i, cls, acro in acronyms:
        homes = spelled.get((cls, acro), set()) - {uf.find(i)}
        if len(homes) == 1 and uf.find(i) not in spelled.get((cls, acro), set()):
            home = next(iter(homes))
            if (named[home] >= PROMINENT or nodes[i][0] in cited[home]
                    or len(cited[home]) >= min(ACRONYM_HOME, everywhere - 1)):
                joins.append((i, home))
    for i, home in joins:
        uf.union(i, home)


def _cut_run_on_names(people: dict[int, PersonName], texts: dict[int, str],
                      other_words: frozenset[str]) -> None:
    """A person's name the tagger ran on into the next words ("David Nagel BP America",
    "Ken Salazar Lawmakers") is read as the full name it starts with, when the story has
    that full name on its own and the first word after it is no name of the census lists
    but a word of English (``RUN_ON_WORD``) or the first word of a name of something else
    in the story (``other_words``: "Samantha Joye Greenpeace"). A name that goes on with
    a name word is left whole: "John Paul Jones", "Asif Ali Zardari". In place."""
    whole = {name.parts for name in people.values() if name.is_full}
    for i, text in sorted(texts.items()):
        raw = person_name_words_as_written(text)
        for k in range(len(raw) - 1, 1, -1):
            head = person_name(" ".join(raw[:k]))
            nxt = raw[k].strip(".,")
            if (head is not None and head.is_full and head.parts != people[i].parts
                    and head.parts in whole and nxt.isalpha()
                    and not is_surname(nxt) and not is_given_name(nxt)
                    and (zipf(nxt.casefold()) >= RUN_ON_WORD
                         or nxt.casefold() in other_words)):
                people[i] = head
                break


def _cut_leading_words(people: dict[int, PersonName], texts: dict[int, str],
                       groups: frozenset[str]) -> None:
    """A person's name the tagger began with a possessive, a people's name or another
    word that is no given name ("Obama's Eric Holder", "Briton Tony Hayward"; ``groups``:
    the story's NORP names, casefolded) is read as the full name it ends with, when the
    story has that full name on its own. Such a span is otherwise a second "full name" of
    the family, and a bare "Hayward" finds two bearers where there is one. A given name
    stays — one of the census or nickname lists or the first word of another full name
    of the story: "Barack Hussein Obama" is not "Hussein Obama" with a word before it,
    nor "Mary Ann Smith" "Ann Smith". In place."""
    whole = {name.parts for name in people.values() if name.is_full}
    given: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # given name → full names
    for name in people.values():
        if name.is_full and not name.family_first:
            given[name.given_written].add(name.parts)
    for i, text in sorted(texts.items()):
        raw = person_name_words_as_written(text)
        for k in range(1, len(raw) - 1):
            cut = raw[:k]
            if not (_POSSESSIVE_END.search(cut[-1]) or cut[-1] == "s"
                    or all(w.casefold() in groups
                           or not _a_given_name(w, given, people[i].parts) for w in cut)):
                continue
            tail = person_name(" ".join(raw[k:]))
            if (tail is not None and tail.is_full and tail.parts != people[i].parts
                    and tail.parts in whole):
                people[i] = tail
                break


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _a_given_name(word: str, given: dict[str, set[tuple[str, ...]]],
                  own: tuple[str, ...]) -> bool:
    """Whether ``word`` is a given name: in the census or nickname lists, or the first
    word of another full name of the story than ``own`` ("Barack" of Barack Obama)."""
    key = re.sub(r"[^a-z]", "", word.casefold())
    return is_given_name(word) or bool(given.get(key, set()) - {own})


def _word_first(name: PersonName) -> bool:
    """A two-word "name" whose first word is a common English word and no given name of
    the census or nickname lists (``GLUED_WORD``: "Blame Obama", "Greater Glasgow")."""
    return (name.is_full and not name.family_first and not name.middle and not name.suffix
            and len(name.given_written) >= 2 and not is_given_name(name.given_written)
            and zipf(name.given_written) >= GLUED_WORD)


def _drop_glued_words(people: dict[int, PersonName], texts: dict[int, str]) -> None:
    """A two-word "name" whose first word is a common English word and no given name of
    the census or nickname lists ("Blame Obama", "Kick Obama"; ``GLUED_WORD``) is read as
    the bare family name, unless that is a given name ("Sorry Tony", "Boy George" stay as
    they are). The annotate stage takes most such words off with the tagger
    (``annotation/entities/glued_words.py``); this catches those the tagger read as a proper noun.
    "Barack" (zipf 4.0), "Vladimir" (3.9) and other given names missing from the US lists
    are rarer words than that. The family name must be one the story gives a person in
    full ("Blame Obama" with Barack Obama): "Southern Sting" (a tattoo parlour) is no
    "Sting", and is no full name a bare "Sting" may join (``merge_people``). In place."""
    glued: dict[int, PersonName] = {}
    for i, text in sorted(texts.items()):
        if not _word_first(people[i]):
            continue
        raw = person_name_words_as_written(text)
        bare = person_name(raw[-1]) if len(raw) == 2 and not is_given_name(raw[-1]) else None
        if bare is not None and not bare.is_full:
            glued[i] = bare
    families = {name.family for i, name in people.items() if name.is_full and i not in glued}
    for i, bare in glued.items():
        if people[i].family in families:
            people[i] = bare


# Forms of address that only a person's name takes ("Mr Hague" tagged GPE is a person).
ADDRESSES = frozenset(("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss"))


def addressed_name(name: str) -> str | None:
    """The name after a form of address inside a span the tagger ran words into ("NEXT Mr
    Hayward" → "Mr Hayward"), or the span itself when it begins with one; None when no
    form of address is followed by a capitalised word."""
    words = name.split()
    for k, word in enumerate(words[:-1]):
        if word.casefold() in ADDRESSES and words[k + 1][:1].isupper():
            return " ".join(words[k:])
    return None


def rule_merge(nodes: Sequence[Node], labels: Sequence[str],
               personal: frozenset[int] | None = None,
               ) -> tuple[UnionFind[int], dict[int, PersonName]]:
    """The rules of the module docstring over the story's nodes: the union-find of their
    joins, and the nodes read as people with their names as the rules read them (run-on
    words and glued words off, bare family names the tagger called something else)."""
    uf: UnionFind[int] = UnionFind(range(len(nodes)))
    people: dict[int, PersonName] = {}
    others: list[int] = []
    for i, (_, entity) in enumerate(nodes):
        address = addressed_name(entity.name)
        text = address or entity.name
        parsed = person_name(text) if labels[i] == "PERSON" or address else None
        if parsed is not None:
            people[i] = parsed
        else:
            others.append(i)
    _cut_run_on_names(people, {i: nodes[i][1].name for i in people}, frozenset(
        nodes[i][1].name.split()[0].casefold() for i in others if nodes[i][1].name.split()))
    _cut_leading_words(people, {i: nodes[i][1].name for i in people}, frozenset(
        nodes[i][1].name.casefold() for i in others if labels[i] == "NORP"))
    _drop_glued_words(people, {i: nodes[i][1].name for i in people})
    counts = {i: len(entity.mentions) for i, (_, entity) in enumerate(nodes)}
    surnames = surnames_as_people(
        {i: (nodes[i][0], nodes[i][1].name, labels[i]) for i in others},
        {i: (nodes[i][0], name) for i, name in people.items()}, counts,
        COMMON_SURNAME, RARE_FAMILY, PROMINENT)
    people.update(surnames)
    others = [i for i in others if i not in surnames]
    merge_people(people, uf, {i: counts[i] for i in people},
                 {i: nodes[i][0] for i in people}, personal)
    person_keys = frozenset(
        plain_name_key(text)
        for (_, entity), label in zip(nodes, labels, strict=True)
        if label == "PERSON"
        for text in _spellings(entity)
    )
    merge_others(nodes, labels, others, uf, person_keys,
                 frozenset(name.surname for name in people.values() if name.surname))
    return uf, people


def group_nodes(nodes: Sequence[Node], labels: Sequence[str] | None = None,
                personal: frozenset[int] | None = None) -> list[list[int]]:
    """The node indices of each story entity, each group sorted, groups by first index.
    ``labels`` are the nodes' types in the story (``mention_types.story_labels``, computed
    when not given); ``personal`` the nodes their article shows as a person
    (``profiles.person_evidence``; every node when not given)."""
    labels = list(labels) if labels is not None else story_labels(nodes)
    uf, _ = rule_merge(nodes, labels, personal)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    return [groups[root] for root in sorted(groups)]
