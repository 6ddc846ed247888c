"""The grouping's fast paths compute exactly what the plain code they replace computes."""

from __future__ import annotations

import random
import re

import numpy as np
from datasketch import LeanMinHash, MinHash

from newsdesk.group.profile import numbers_of
from newsdesk.group.shingles import _WORD, NUM_PERM, SHINGLE_WORDS, sketch, text_shingles
from newsdesk.group.terms import heaviest

from .test_group import FLOOD


def words(text: str) -> list[str]:
    """The plain reading ``text_shingles`` replaces: each word found and case-folded alone."""
    return [w.casefold() for w in _WORD.findall(text)]


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """The plain shingles ``text_shingles`` replaces: each run joined, then encoded."""
    runs = zip(*(tokens[k:] for k in range(size)), strict=False)
    return {" ".join(run).encode() for run in runs}


def _datasketch(items: set[bytes]) -> LeanMinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(sorted(items))
    return LeanMinHash(m)


def test_sketch_is_datasketchs_minhash_to_the_bit() -> None:
    rnd = random.Random(5)
    sets = [shingles(words(text)) for text in FLOOD]
    sets += [{rnd.randbytes(rnd.randint(0, 40)) for _ in range(n)} for n in (1, 3, 4097, 9000)]
    for items in sets:
        ours, theirs = sketch(items), _datasketch(items)
        assert ours.scheme == theirs.scheme and ours.seed == theirs.seed
        assert ours.hashvalues.dtype == theirs.hashvalues.dtype
        assert np.array_equal(ours.hashvalues, theirs.hashvalues)
        assert ours.jaccard(theirs) == 1.0


def test_shingles_are_the_five_word_runs() -> None:
    assert text_shingles("A b, c d e f g.") == {b"a b c d e", b"b c d e f", b"c d e f g"}
    assert text_shingles("a b c d") == set() and text_shingles("a b c d e") == {b"a b c d e"}


def test_heaviest_is_a_sort_by_weight_then_term() -> None:
    rnd = random.Random(9)
    for _ in range(300):
        weights = {f"t{rnd.randint(0, 60)}": float(rnd.randint(0, 5)) for _ in range(70)}
        for keep in (1, 3, 30, 80):
            expected = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
            assert heaviest(weights, keep) == expected


_AGE = re.compile(r"\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b|\baged? (\d{1,3})\b", re.I)
_NUMBER = re.compile(r"(?<![\d:.,$/])(?<![^\W\d_]-)\b(\d{2,6})\b(?![:.,/]?\d)")


def _numbers_plain(text: str) -> frozenset[str]:
    """numbers_of with the patterns as first written (no fast-fail openings)."""
    found: set[str] = set()
    ages: set[int] = set()
    for match in _AGE.finditer(text):
        group = 1 if match.group(1) else 2
        found.add("age:" + match.group(group))
        ages.add(match.start(group))
    for match in _NUMBER.finditer(text):
        value = int(match.group(1))
        if value not in range(1900, 2100) and value >= 10 and match.start(1) not in ages:
            found.add(f"n:{value}")
    return frozenset(found)


def test_numbers_match_the_plain_patterns() -> None:
    rnd = random.Random(11)
    pieces = [*"aA sS.:,$/-_x\n٣7ſİı", "12", "2014", "aged ", "AGE ", "aGeD ", "age", "d ",
              "-year-old", " yrs old", "-YEAR-OLD", " yr", "1234567", "3:15", "4.5", "$20",
              "No. 12"]
    texts = ["A 20-year-old man, aged 34, at 1420 Main St on 3:15 in 2014 paid $50."]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        assert numbers_of(text) == _numbers_plain(text), text


def test_the_people_patterns_match_the_plain_ones() -> None:
    """people.py's name, age and cue patterns open with their first character and look
    behind it; the plain patterns they replace open with the look-behind (or a ``\\b``)."""
    from newsdesk.group import people

    word, name, suffix = people._WORD, people._NAME, people._SUFFIX
    after = (r"(?:,\s*(?:age\s+|aged\s+|an?\s+)?|\s+\()([1-9]\d?)(?:-year-old|\b)"
             r"(?![\d,.]\d)")
    cue = (r",? (?:was|has been|had been|is) (?:fatally |critically |also |later |then )?"
           r"(?:shot|killed|arrested|charged|wounded|stabbed|injured|slain|pronounced dead)\b")
    plain = {
        people._NAMES: rf"(?<![\w.’'])({name}){suffix}",
        people._AGED_AFTER: rf"(?<![\w.’'])({name}){suffix}{after}",
        people._AGED_BEFORE: rf"\b[1-9]\d?-year-old(?: [a-z]+){{0,3}},? ({name})",
        people._CUED_BEFORE: (r"\b(?:identified (?:him |her |them |the \w+ )?as"
                              rf"|(?:victim|suspect|shooter|gunman),?) ({name})"),
        people._CUED_AFTER: rf"(?<![\w.’'])({name}){suffix}{cue}",
    }
    assert word.startswith(r"(?!(?:Jr|Sr)\b)")  # what the fast forms write out
    rnd = random.Random(16)
    pieces = ["Terry", "Robinson", "Jr", "Sr", "Jr.", "Jrs", "Jra", "Srb", "III", " ", ", ",
              ",", ".", "'", "’", "O'Neal", "D’Angelo", "McKinney", "Durham-Gilbert", "P.",
              "x", "7", "28", "1", "-year-old", " man", " (", "age ", "aged ", "a ", "an ",
              " was shot", " is charged", "identified him as ", "victim", "the suspect, ",
              "gunman", "xvictim", "shooter", "\n", "A", "J", "S", "r"]
    texts = ["Terry Robinson Jr., 28, was killed; 68-year-old Darrell Dean Shriver and the "
             "victim, Jalen Price. Police identified him as Omar P. Jarman. Bell was shot."]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
              for _ in range(20000)]
    for fast, pattern in plain.items():
        slow = re.compile(pattern)
        for text in texts:
            assert ([(m.span(), m.groups()) for m in fast.finditer(text)]
                    == [(m.span(), m.groups()) for m in slow.finditer(text)]), (pattern, text)


def test_text_shingles_are_the_shingles_of_the_words() -> None:
    """``text_shingles`` folds and encodes the joined words at once; the same set as
    shingling the words folded one by one, also where case-folding changes a word's length
    (ß, ﬁ, ŉ), its script (İ, ſ, K) or adds a combining mark."""
    rnd = random.Random(17)
    pieces = [*"aAzZ .,;:-_'’\n\t", "ß", "ﬁ", "ŉ", "İ", "ı", "ſ", "K", "É", "\u0307", "ǅ",
              "ᾈ", "ΐ", "Straße", "İstanbul", "7", "21", "The", "river", "crested"]
    texts = [*FLOOD, "", "one", "a b c d", "a b c d e", "A. B? C! D… E"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40)))
              for _ in range(20000)]
    for text in texts:
        for size in (2, SHINGLE_WORDS):
            assert text_shingles(text, size) == shingles(words(text), size), text


def test_names_ages_and_cues_read_by_findall_are_the_matches() -> None:
    """``named``, ``aged`` and ``cued`` read the patterns' groups by ``findall`` and keys
    through a cache; the same keys and first spellings, in the same order, as reading each
    match object and keying each spelling afresh."""
    from newsdesk.group import people

    def plain(pattern: re.Pattern[str], text: str) -> list[str]:
        return [m.group(1) for m in pattern.finditer(text)]

    texts = ["Terry Robinson Jr., 28, was killed and Terry Robinson was mourned; "
             "68-year-old Darrell Dean Shriver, a 17-year-old student, Chris Roupe, and the "
             "victim, Jalen Price. Police identified him as Omar P. Jarman (19). Omar Jarman "
             "was charged. Donyae Jones, 18, and Donyae Jones, age 18."]
    rnd = random.Random(23)
    pieces = ["Terry", "Robinson", "Jones", "Jr.", " ", ", ", ", 28", " (19)", ", age 18",
              "68-year-old ", " was shot", "identified as ", "the victim, ", "O'Neal", "P.",
              "Omar", ".", "\n"]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
              for _ in range(5000)]
    for text in texts:
        expected: dict[str, str] = {}
        for name in plain(people._NAMES, text):
            expected.setdefault(people.name_key(name), name)
        assert list(people.named(text).items()) == list(expected.items()), text
        for fast, patterns in ((people.aged, (people._AGED_AFTER, people._AGED_BEFORE)),
                               (people.cued, (people._CUED_BEFORE, people._CUED_AFTER))):
            spellings = {name for pattern in patterns for name in plain(pattern, text)}
            keys = {people.name_key(name) for name in spellings}
            assert fast(text) == frozenset(k for k in keys if people.is_person_key(k)), text
