"""Timeline tables: hand-built articles and facts → expected entries.

Each article is a few sentences with its time expressions given as (surface text, type,
value); the spans are found in the text, as the annotate stage would give them.
"""

from __future__ import annotations

import pytest

from newsdesk.crosscheck.sentences import split_sentences
from newsdesk.crosscheck.timeline.dates import DateValue, date_of, parse_value
from newsdesk.crosscheck.timeline.entries import (
    TimelineEntry,
    TimelineSettings,
    build_timeline,
    dated_sentences,
    timeline_from_sentences,
)
from newsdesk.crosscheck.timeline.sentences import pick_central, usable
from newsdesk.model import Article, Facts, PublishedDate, Span, TimeRef

Timex = tuple[str, str, str | None]


def make(aid: str, text: str, timexes: list[Timex], published: str = "2024-06-20") -> tuple[
        Article, Facts]:
    article = Article(id=aid, source=aid, url=None, format="text", title=None, authors=(),
                      outlet=None, section=None, published=PublishedDate(value=published),
                      text=text)
    refs = []
    for surface, kind, value in timexes:
        start = text.index(surface)
        refs.append(TimeRef(Span.of(text, start, start + len(surface)), kind, value))
    return article, Facts(timexes=tuple(refs))


VISIT_A = make("a", "Putin arrived in Pyongyang on June 19 for a state visit. "
               "The two leaders signed a mutual defence pact later that evening.",
               [("June 19", "DATE", "2024-06-19")])
VISIT_B = make("b", "Russian President Vladimir Putin landed in Pyongyang on Wednesday. "
               "Kim Jong Un met him at the airport in the early hours of June 19. "
               "Talks were planned for June 2024 and beyond.",
               [("Wednesday", "DATE", "2024-06-19"), ("June 19", "DATE", "2024-06-19"),
                ("June 2024", "DATE", "2024-06")])
VISIT_C = make("c", "Putin went on to Hanoi on Thursday after leaving North Korea. "
               "Vietnam welcomed the Russian leader with a ceremony on June 20 in Hanoi. "
               "Analysts said the trip had been planned since 2023 at the latest.",
               [("Thursday", "DATE", "2024-06-20"), ("June 20", "DATE", "2024-06-20"),
                ("2023", "DATE", "2023")])


def _dates(entries: tuple[TimelineEntry, ...]) -> list[tuple[str, str, int]]:
    return [(e.date.value, e.date.precision, e.sources) for e in entries]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-19", DateValue("2024-06-19", "2024-06-19", "2024-06-19", "day")),
        ("2024-06-19T14:00", DateValue("2024-06-19", "2024-06-19", "2024-06-19", "day")),
        ("2024-06", DateValue("2024-06", "2024-06-01", "2024-06-30", "month")),
        ("2024-02", DateValue("2024-02", "2024-02-01", "2024-02-29", "month")),
        ("2024", DateValue("2024", "2024-01-01", "2024-12-31", "year")),
        ("2024-W25", None),
        ("2024-SU", None),
        ("PRESENT_REF", None),
        ("2024-02-30", None),
        ("202", None),
        (None, None),
    ],
)
def test_parse_value(value: str | None, expected: DateValue | None) -> None:
    assert parse_value(value) == expected


@pytest.mark.parametrize(
    ("kind", "value", "earliest", "latest", "expected"),
    [
        ("DATE", "2024-06-19", None, None, "2024-06-19"),
        ("TIME", "2024-06-19T09:30", None, None, "2024-06-19"),
        ("DURATION", "P3D", None, None, None),
        ("SET", "XXXX-WXX-2", None, None, None),
        ("DATE", None, "2024-06-18", "2024-06-18", "2024-06-18"),  # uncertain anchor, one day
        ("DATE", None, "2024-06-18", "2024-06-19", None),  # uncertain anchor, two days
    ],
)
def test_date_of_timex(kind: str, value: str | None, earliest: str | None, latest: str | None,
                       expected: str | None) -> None:
    found = date_of(TimeRef(Span(0, 1, "x"), kind, value, earliest, latest))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One sentence here. Another one.", ["One sentence here.", "Another one."]),
        ("Mr. Lavrov met Dr. Kim. They talked.", ["Mr. Lavrov met Dr. Kim.", "They talked."]),
        ("He said: \"It is done.\" Then he left.", ["He said: \"It is done.\"", "Then he left."]),
        ("Talks began on Jan. 5 in Seoul.", ["Talks began on Jan. 5 in Seoul."]),
        ("J. K. Smith wrote it. 2024 was busy.", ["J. K. Smith wrote it.", "2024 was busy."]),
        ("Headline without stop\n\nBody text. More.",
         ["Headline without stop", "Body text.", "More."]),
        ("Is it? Yes! (Really.) ok", ["Is it?", "Yes!", "(Really.) ok"]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_same_date_merges_across_articles_with_all_support() -> None:
    entries = build_timeline([VISIT_A, VISIT_B, VISIT_C])
    by_value = {e.date.value: e for e in entries}
    june19 = by_value["2024-06-19"]
    assert june19.sources == 2
    # every sentence naming the day, in (article, offset) order; B's two sentences both do
    assert [(a, s.text.split()[0]) for a, s in june19.support] == [
        ("a", "Putin"), ("b", "Russian"), ("b", "Kim")]
    assert june19.date == DateValue("2024-06-19", "2024-06-19", "2024-06-19", "day")


def test_entries_in_calendar_order_with_precision() -> None:
    entries = build_timeline([VISIT_A, VISIT_B, VISIT_C])
    assert _dates(entries) == [
        ("2023", "year", 1),
        ("2024-06", "month", 1),
        ("2024-06-19", "day", 2),
        ("2024-06-20", "day", 1),
    ]


@pytest.mark.parametrize(
    ("max_dates", "expected"),
    [
        (1, ["2024-06-19"]),  # two articles beat one
        (2, ["2024-06-19", "2024-06-20"]),  # days before months and years
        (3, ["2024-06", "2024-06-19", "2024-06-20"]),
        (None, ["2023", "2024-06", "2024-06-19", "2024-06-20"]),
    ],
)
def test_max_dates_keeps_most_supported(max_dates: int | None, expected: list[str]) -> None:
    entries = build_timeline([VISIT_A, VISIT_B, VISIT_C], max_dates=max_dates)
    assert [e.date.value for e in entries] == expected


def test_article_count_beats_repetition_in_one_article() -> None:
    article, _ = make("r", "The summit opened on May 1 with speeches by both leaders. "
                      "On May 1 the delegates also toured the new factory nearby. "
                      "Crowds gathered on May 1 outside the hall all afternoon.", [])
    text = article.text
    starts = [i for i in range(len(text)) if text.startswith("May 1", i)]
    assert len(starts) == 3
    repeat = (article, Facts(timexes=tuple(
        TimeRef(Span.of(text, i, i + 5), "DATE", "2024-05-01") for i in starts)))
    entries = build_timeline([repeat, VISIT_A, VISIT_B], max_dates=1)
    assert [e.date.value for e in entries] == ["2024-06-19"]


def test_support_spans_point_at_the_article_text() -> None:
    texts = {a.id: a.text for a, _ in (VISIT_A, VISIT_B, VISIT_C)}
    for entry in build_timeline([VISIT_A, VISIT_B, VISIT_C]):
        assert entry.support == tuple(sorted(entry.support, key=lambda x: (x[0], x[1].start)))
        for aid, span in entry.support:
            assert texts[aid][span.start:span.end] == span.text
        # the chosen text is made of supporting sentences
        assert any(span.text in entry.text for _, span in entry.support)


def test_text_is_the_central_sentence_and_k_sentences_do_not_repeat() -> None:
    one = build_timeline([VISIT_A, VISIT_B], max_dates=1)[0]
    # "Putin ... Pyongyang" is shared by two of the three sentences naming June 19
    assert "Pyongyang" in one.text
    two = build_timeline([VISIT_A, VISIT_B], max_dates=1, sentences_per_date=2)[0]
    assert len([s for _, s in two.support if s.text in two.text]) == 2


def test_fragments_do_not_stand_as_entries() -> None:
    short = make("s", "Pyongyang, June 19.", [("June 19", "DATE", "2024-06-19")])
    assert build_timeline([short]) == ()


def test_input_order_does_not_change_the_timeline() -> None:
    forward = build_timeline([VISIT_A, VISIT_B, VISIT_C], sentences_per_date=2)
    backward = build_timeline([VISIT_C, VISIT_B, VISIT_A], sentences_per_date=2)
    assert forward == backward


def test_no_dates_no_timeline() -> None:
    plain = make("p", "Nothing in this article says when anything happened at all.", [])
    assert build_timeline([plain]) == ()
    assert build_timeline([]) == ()


def test_to_dict_shape() -> None:
    entry = build_timeline([VISIT_A], max_dates=1)[0]
    d = entry.to_dict()
    assert d["date"] == {"value": "2024-06-19", "start": "2024-06-19", "end": "2024-06-19",
                         "precision": "day"}
    assert d["support"][0]["article_id"] == "a"
    assert d["sources"] == 1


@pytest.mark.parametrize(
    ("published", "expected_text"),
    [
        # an undated lead sentence of a report from that day or the next speaks for the date
        ("2024-06-19", "Putin and Kim signed a mutual defence pact in Pyongyang."),
        ("2024-06-20", "Putin and Kim signed a mutual defence pact in Pyongyang."),
        # two days later it may be about anything since: the date has no fit sentence
        ("2024-06-21", None),
    ],
)
def test_undated_lead_sentence_speaks_for_its_publication_days(
        published: str, expected_text: str | None) -> None:
    article = make("x", "Putin and Kim signed a mutual defence pact in Pyongyang. "
                   "Pyongyang, June 19.", [("June 19", "DATE", "2024-06-19")], published)
    entries = build_timeline([article])
    if expected_text is None:
        assert entries == ()
        return
    (entry,) = entries
    assert entry.text == expected_text
    # the support holds the sentence naming the day and the sentence chosen for it
    assert [s.text for _, s in entry.support] == [expected_text, "Pyongyang, June 19."]


def test_coverage_on_the_day_after_raises_a_date() -> None:
    may = make("m", "The ministers first met in Vladivostok on May 3 for preliminary talks.",
               [("May 3", "DATE", "2024-05-03")], published="2024-05-30")
    june = make("j", "The ministers met again in Moscow on June 3 to finish the deal.",
                [("June 3", "DATE", "2024-06-03")], published="2024-06-10")
    others = [make(f"o{i}", "Reports on the talks filled the front pages across Russia.", [],
                   published="2024-06-04") for i in range(2)]
    entries = build_timeline([may, june, *others], max_dates=1)
    assert [e.date.value for e in entries] == ["2024-06-03"]
    assert [e.date.value for e in build_timeline([may, june], max_dates=1)] == ["2024-05-03"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rig exploded in the Gulf of Mexico, killing eleven workers.", True),
        ("Rig explodes.", False),  # a fragment
        # a reader's comment under the article: a date stamp and the story's words
        ("At 4:25 pm on 28 May 2010, Makonnen wrote: BP is doing its best to contain it.",
         False),
        ("At 16:35 30th Apr 2009, overreactagain wrote:", False),
        ("The engineers wrote to the regulator about the failed seal on Monday.", True),
    ],
)
def test_usable(text: str, expected: bool) -> None:
    assert usable(text) is expected


E1, E2, E3 = {"a": 1.0}, {"b": 1.0}, {"c": 1.0}  # orthogonal: never redundant


@pytest.mark.parametrize(
    ("scores", "k", "keep_ratio", "expected"),
    [
        ([0.9, 0.5, 0.85], 3, 0.0, [0, 2, 1]),  # no ratio: up to k, best first
        ([0.9, 0.5, 0.85], 3, 0.875, [0, 2]),  # 0.5 < 0.875 * 0.9: dropped
        ([0.9, 0.5, 0.85], 3, 0.95, [0]),  # 0.85 < 0.855: only the best
        ([0.9, 0.5, 0.85], 1, 0.0, [0]),
        ([0.0, 0.0, 0.0], 2, 0.875, [0, 1]),  # all equal: input order
    ],
)
def test_pick_central_keeps_only_nearly_as_central(scores: list[float], k: int,
                                                   keep_ratio: float,
                                                   expected: list[int]) -> None:
    assert pick_central([E1, E2, E3], k, scores, keep_ratio=keep_ratio) == expected


def test_keep_ratio_trims_weak_extra_sentences() -> None:
    sentences = [s for article, facts in (VISIT_A, VISIT_B)
                 for s in dated_sentences(article, facts)]
    counts: dict[float, int] = {}
    for ratio in (0.0, 1.0):
        (entry,) = timeline_from_sentences(sentences, max_dates=1, sentences_per_date=3,
                                           settings=TimelineSettings(keep_ratio=ratio))
        counts[ratio] = len([s for _, s in entry.support if s.text in entry.text])
    assert counts == {0.0: 3, 1.0: 1}


@pytest.mark.parametrize(
    ("earliest", "latest", "expected"),
    [
        ("2024-06-19", "2024-06-20", ("2024-06-19/2024-06-20", "2024-06-19", "2024-06-20")),
        ("2024-06-19", "2024-06-19", ("2024-06-19", "2024-06-19", "2024-06-19")),
        # a period, not one happening: its first day stands for it
        ("2024-06-19", "2024-08-20", ("2024-06-19", "2024-06-19", "2024-06-19")),
    ],
)
def test_a_written_run_of_days_is_one_date(earliest: str, latest: str,
                                           expected: tuple[str, str, str]) -> None:
    found = date_of(TimeRef(Span(0, 1, "x"), "DATE", "2024-06-19", earliest, latest))
    assert found is not None and (found.value, found.start, found.end) == expected


def _run_story() -> tuple[TimelineEntry, ...]:
    pair = make("p", "Putin will visit North Korea on Tuesday and Wednesday for talks with Kim.",
                [("Tuesday", "DATE", "2024-06-18"), ("Wednesday", "DATE", "2024-06-19")])
    days = make("q", "Putin will visit North Korea on the 18th and 19th, the Kremlin said.", [])
    text = days[0].text
    start = text.index("the 18th and 19th")
    days = (days[0], Facts(timexes=(TimeRef(Span.of(text, start, start + 17), "DATE",
                                            "2024-06-18", "2024-06-18", "2024-06-19"),)))
    one = make("r", "Russian President Vladimir Putin embarked on his journey on Tuesday.",
               [("Tuesday", "DATE", "2024-06-18")])
    return build_timeline([pair, days, one])


def test_the_run_and_its_first_day_are_one_entry() -> None:
    entries = _run_story()
    runs = [e for e in entries if e.date.start == "2024-06-18"]
    assert len(runs) == 1
    assert (runs[0].date.value, runs[0].date.end) == ("2024-06-18/2024-06-19", "2024-06-19")
    assert runs[0].sources == 3  # the run's two articles and the one naming the Tuesday
    # "Wednesday" still names the 19th on its own
    assert [e.date.value for e in entries if e.date.start == "2024-06-19"] == ["2024-06-19"]
