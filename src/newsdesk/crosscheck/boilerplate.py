"""Sentences that are not news: reader comments, disclaimers, credits, share prompts.

Extraction removes most page furniture, but some always survives in a body: a comment
thread pasted under a feed's text, "The opinions expressed in this commentary are solely
those of the author", "(AP Photo/Evan Vucci)", "Click to share on Facebook". Such a line
is never what happened, yet it reads like prose, carries dates ("3 hours ago") and
names, and so used to become claims, summary sentences, timeline entries and conflicts
between comment times.  This module tells them apart, by rule: the phrasings are few and
fixed, and a rule that fires can say why.  Claims (hence summaries and conflicts) and the
timeline ask it about every sentence; so do the developing topics (``group/threads.py``,
``group/topics.py``), whose keys must be what a story is about, not its page's fine print.

Two levels:

- a sentence is boilerplate by its own words (``boilerplate_kind``): a disclaimer, a
  credit, a share or sign-up prompt, a tip-line prompt ("Anyone with information is asked
  to call ..."), a comment stamp or control row;
- a line is a reader comment by its place (``boilerplate_ranges``): everything after a
  comment section header ("23 Comments", "Leave a reply"), and the body under a comment
  stamp ("johnsmith42 · 3 hours ago", "Chris says: May 5, 2014 at 3:12 pm").

The patterns were written from the boilerplate seen in the shared benchmarks' feeds (GVA
scrapes, the extraction pages) and checked against real news sentences (Timeline17) for
sentences they would wrongly drop: docs/decisions.md, "Boilerplate out of claims".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .sentences import split_sentences

_I = re.IGNORECASE

# --- sentences that are boilerplate by their own words --------------------------------

_DISCLAIMER = re.compile(
    r"\b(?:opinions?|views?)\s+(?:expressed|stated|presented)\b.{0,160}?"
    r"\b(?:(?:solely|entirely|only|strictly) (?:those|that) of|(?:those|that) of the "
    r"(?:authors?|writers?|columnists?|contributors?|commentators?|individual)|"
    r"do not|does not|don't|necessarily)\b"
    r"|\b(?:do|does|did) not necessarily (?:reflect|represent|state)\b"
    r"|\ball rights reserved\b"
    r"|^\s*(?:©|copyright\b|\(c\)\s*(?:19|20)\d\d)"
    r"|\bmay not be (?:re)?(?:published|broadcast|rewritten|redistributed|reproduced)\b"
    r"|\bfor (?:general )?informational purposes only\b"
    r"|\bnot (?:a substitute for|intended as|to be taken as) (?:professional )?"
    r"(?:medical|legal|financial|investment) advice\b"
    r"|\b(?:we|this site|[a-z]+ media) (?:may )?(?:earn|receive)s? (?:a )?(?:small )?"
    r"(?:commission|affiliate|share of sales)"
    r"|^\s*(?:editor'?s'? note|disclosure|disclaimer|correction|clarification)\s*:"
    r"|^\s*this (?:story|article|post|report|piece) (?:has been|was|is being) "
    r"(?:updated|corrected|amended|developing)\b"
    r"|\bcomments? (?:are|is) (?:closed|moderated|not posted immediately)\b"
    r"|\b(?:pre-screen|moderate|approve)s? (?:all |any )?comments\b",
    _I,
)

# A copyright notice that does not open its sentence ("(TM and © Copyright 2016 CBS Radio
# Inc. and its relevant subsidiaries.", "CBS RADIO and EYE Logo TM and Copyright 2016 CBS
# Broadcasting Inc. Used under license.") is boilerplate when the sentence is short: a long
# one is news glued to the notice ("... investigators said. via Facebook © 2016 Cox Media
# Group."), kept.
_NOTICE = re.compile(
    r"(?:©|\bcopyright\b)(?:\s*(?:©|copyright\b))?\s*(?:19|20)\d\d\b|\bused under licen[cs]e\b",
    _I,
)
_NOTICE_MAX_WORDS = 20

# A photo credit is boilerplate as a line of its own; a long sentence that only starts
# with one is a caption or, in a text dump without line breaks, the lead glued to the
# credit ("Photograph: Charlie Riedel/AP BP was poised to begin ..."): kept.
_PHOTO_CREDIT = re.compile(
    r"^\s*\(?(?:photo|photos|photograph|image|images|picture|video|graphic|illustration|"
    r"file photo|caption|cover photo|top photo|header image)(?:\s+credits?)?\s*(?::|by\b)"
    r"|\b(?:AP|AFP|Reuters|EPA|UPI)(?:/[A-Za-z ]+)? Photo\b"
    r"|\((?:[^()]{0,60}/)?(?:AP|AFP|Reuters|EPA|Getty Images|Shutterstock|iStock)"
    r"(?:/[^()]{0,60}|\s+Photo[^()]{0,60})\)"
    r"|\b(?:via|/) ?Getty Images\b|\bGetty Images(?:/| via\b|$)"
    r"|\b(?:Shutterstock|iStockphoto)\b",
    _I,
)
_PHOTO_CREDIT_MAX_WORDS = 15

_CREDIT = re.compile(
    r"\bcontributed (?:reporting |to )?(?:to )?(?:this|the|these) (?:report|story|article)s?\b"
    r"|\bcontributed reporting\b"
    r"|^\s*\(?(?:additional |with additional )?(?:reporting|writing|editing|edited|compiled|"
    r"produced) by\b"
    r"|^\s*this (?:story|article|post|piece|report) (?:was |is |has been )?(?:originally |"
    r"first )?(?:published|appeared|produced|written|reported) (?:by|on|in|at|with)\b"
    r"|\bfollow (?:him|her|them|me)\b.{0,30}\bon (?:twitter|facebook|instagram|x|"
    r"linkedin|threads|bluesky)\b"
    r"|^\s*(?:contact|email|e-mail|reach) (?:\S+ ){0,3}at \S+@\S+"
    # print-edition notices: "A version appeared on p20 of the Main section of the
    # Guardian", "A version of this article appears in print on June 5, 2010"
    r"|\ba version (?:of this \w+ )?appear(?:ed|s) (?:on p(?:age)?\s?[A-Z]?\d+|in print)\b"
    r"|\b[\w.+-]+@[\w-]+\.[\w.]+\b",
    _I,
)

_PROMPT = re.compile(
    r"\bclick (?:here )?to (?:share|tweet|email|print|subscribe|read|see|view|watch|"
    r"download|comment|sign up|return to the page)\b"
    r"|\bshare (?:this (?:article|story|post|page|video|photo|gallery)|on (?:facebook|twitter|"
    r"linkedin|whatsapp|pinterest|reddit|email|x)\b)"
    r"|\(opens in (?:a )?new (?:window|tab)\)"
    r"|\bsign up (?:for|to)\b.{0,60}\b(?:newsletters?|alerts?|e-?mails?|updates|digest)\b"
    r"|^\s*(?:subscribe|sign up|register|log ?in|download|get|join|become|support|try|"
    r"don'?t miss)\b.{0,80}\b(?:newsletters?|our app|the app|alerts?|subscriptions?|"
    r"subscriber|digital access|inbox|podcast|our journalism|free trial|unlimited access)\b"
    r"|\b(?:follow|like|find) us on (?:twitter|facebook|instagram|linkedin|youtube|x)\b"
    r"|^\s*(?:read|see|watch|listen|related|more|also read|read more|read also|"
    r"recommended|related stories|related coverage|trending|most read)\s*(?::|»|>|→|\|)"
    r"|\bhave a (?:news )?tip\b|\bsend us (?:a|your) (?:tip|story|news)\b"
    r"|\bplease enable javascript\b|\balready a subscriber\b|\bto continue reading\b"
    r"|\byou(?:'ve| have) reached (?:your|the) (?:limit|maximum)\b"
    # account walls: a page saved while it asked the reader to sign in or confirm
    r"|\b(?:sent(?: you)?|check your e-?mail for) (?:a|the) (?:verification|confirmation) "
    r"(?:e-?mail|message|link)\b|^\s*already have an account\?"
    r"|\bclick on the link to activate your (?:profile|account)\b"
    r"|\bif you do not receive the verification (?:message|e-?mail)\b"
    r"|\bnotification has been saved\b|\bproblem saving your notification\b"
    r"|\bget e-?mail notifications on\b|\be-?mail notifications are only sent\b"
    r"|\bposts new content, you'll get an e-?mail\b"
    r"|\bby submitting your registration information\b"
    r"|\bsign in using your \w+ (?:profile|account)\b|^\s*thank you for registering\b"
    r"|\blook forward to seeing you on \S+ frequently\b|\bsign in to update your profile\b"
    # a video playlist: "0:43 Homeless man found dead in Parkland  1:47 'I miss …'"
    r"|^\s*\d{1,2}:[0-5]\d\s+\S.{0,200}?\s\d{1,2}:[0-5]\d\s+\S",
    _I,
)

# A prompt to readers with a tip: who to call and how ("Anyone with information is asked to
# call Crimestoppers at (504) 822-1111.", "If you have any information on this shooting,
# call Miami-Dade Crime Stoppers at 305-471-TIPS.", "contact Det. Chad Davis at
# 434-455-6166"). Every crime report of a city ends with the same one, so its words (the
# department, the tip line) tied different shootings together as topics (issue 12).
# A US phone number: ten digits ("(504) 822-1111", "1-888-274-6372"), seven ("847-2255"), or
# a word number in capitals ("305-471-TIPS", "866-7-LOCKUP", "528-CASH").
_PHONE = (r"(?<![\d-])(?:\+?1[-. ])?(?:(?:\(\d{3}\)\s?|\d{3}[-. ])?\d{3}[-. ]\d{4}(?!\d)"
          r"|\d{3}-(?-i:[0-9A-Z]{0,4}-?[A-Z]{3,7})\b)")
_TIP_LINE = re.compile(
    r"\b(?:anyone|anybody|those|people|residents|witnesses|whoever|someone)\s+(?:with|"
    r"who (?:has|have|may have|might have|had|knows?|saw)|having)\s+(?:any |more |additional )?"
    r"information\b[^.!?]{0,100}?\b(?:call|contact|reach|phone|dial|submit|e-?mail|"
    r"get in touch|speak (?:to|with))\b"
    r"|\bif you (?:have|know|saw|see|witnessed|recogni[sz]e)\b[^.!?]{0,120}?,\s*(?:please |"
    r"you(?: are|'re) (?:asked|urged|encouraged) to )?(?:call|contact|text|dial|submit|reach)\b"
    r"|\b(?:call|calling|contact|contacting|text|texting|dial|reach)\b[^.!?]{0,80}?"
    r"\b(?:crime ?stoppers|crime ?solvers|crimeline|tip ?line|tips? hotline|tipcall)\b"
    r"|\b(?:call|calling|contact|contacting|text|texting|dial)\b[^!?]{0,80}?" + _PHONE
    + r"|\b(?:crime ?stoppers|tips?|information)\b[^!?]{0,80}?" + _PHONE
    + r"|\b(?:calls?|callers|tips?|tipsters)\b[^.!?]{0,40}\b(?:are|is|can|may|will)"
    r"(?: be| remain| stay)? (?:kept )?anonymous\b"
    r"|\byou (?:can|may) (?:always )?remain anonymous\b"
    # told to the reader: "Your identity will be kept anonymous and if your tip leads to an
    # arrest you could be eligible for a cash reward" (a corroborated "claim" on the mixed
    # stream, two stations printing the same tip-line prompt)
    r"|\byour (?:identity|name)\b[^.!?]{0,30}\b(?:anonymous|confidential)\b"
    r"|\bif your (?:tip|information|call)\b[^.!?]{0,40}\b(?:leads?|results?) (?:to|in)\b",
    _I,
)

_DATE = (r"(?:\w+ \d{1,2},? \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2} \w+ \d{4}|"
         r"(?:\d+|an?|one) ?\w+ ago)")

# A stamp: who wrote a comment and when.
_STAMP = re.compile(
    r"^\s*@?[\w.'-]{2,40}(?: [\w.'-]{1,40}){0,2}\s*[·•|—–-]\s*(?:\d+|an?|one)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|"
    r"y|yrs?|years?)\s+ago\b"
    r"|^\s*\S+(?: \S+){0,3} (?:says|said|writes|wrote|replied|commented)"
    r"(?: on [^:]{1,40})?:\s*(?:$|\w+ \d{1,2},? \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|"
    r"\d{1,2} \w+ \d{4})"
    r"|^\s*@?[\w.'-]{2,40}(?: [\w.'-]{1,40}){0,2}\s*[·•|]\s*" + _DATE
    + r"|\b[\w.-]+ wrote:(?:\s|$)"
    r"|^\s*(?:article |reader )?comment(?:ed)? by\s*:",
    _I,
)
# "Posted by Dave at 10:42 on 12/03/2013", "Published: 8/19/2013 - Updated: 12 hours ago":
# a stamp only as a short line of its own (a sentence may well start "Published on ...").
_POSTED = re.compile(
    r"^\s*(?:posted|submitted|commented|published|updated|last updated|modified)"
    r"(?:\s*:|\s+(?:by|on|at)\b)[^.!?]{0,40}?(?:" + _DATE + r"|\d{1,2}:\d\d)",
    _I,
)
_POSTED_MAX_WORDS = 12
# A page's own date line run on into its first sentence, as scraped BBC pages give it:
# "29 September 2011 Last updated at 17:57 GMT Help One of Michael Jackson's bodyguards …"
# (Timeline17: 25 such leads). The stamp says when the page was edited, not what happened;
# left in a claim it made two pages' stamps a "date" difference (session 18).
_PAGE_STAMP = re.compile(
    # possessive runs of spaces: "Updated" and thousands of spaces took seconds to fail
    # with plain ``\s*:?\s*`` (the session 18 review)
    r"^\s*+(?:" + _DATE + r"\s++)?(?:last updated|updated|published|posted)"
    r"(?:\s++(?:at|on)\b)?\s*+(?::\s*+)?(?:" + _DATE + r"[,\s]*+)?\d{1,2}[:.]\d\d"
    r"(?:\s*+[ap]\.?m\.?)?(?:\s++(?:GMT|UTC|BST|[ECMP][SD]?T))?(?:\s++Help\b)?\s*+",
    _I,
)
# A video playlist's entry as a short line of its own: "1:47 'I miss him,' says wife of victim"
# (a length, then a title; not a time of day, "2:30 a.m. Police arrived", "12:13 UK time,
# Thursday": a live page's entry).
_VIDEO_ITEM = re.compile(
    r"^\s*\d{1,2}:[0-5]\d\s+(?![AaPp]\.?[Mm]\b|[A-Z]{2,4}\b|[Ll]ocal time)[\"'‘“A-Z]")
_VIDEO_ITEM_MAX_WORDS = 25

# A comment's control row ("Reply · Like · 12", "Report abuse"). Its numbers are taken
# whole (``\d++``, possessive): with the separators optional, ``\d+`` let a run of digits be
# split into items every possible way before the line's end failed to match, and a line
# "1897009 785305928198246 3545513631920066141 n URGENT: ..." (a page of the 10,000-article
# stream) held its story's cross-check for good (each further digit doubled the time); the
# lines it matches are the same (docs/decisions.md, "Cross-check time on very large
# stories").
_CONTROL = re.compile(
    r"^\s*(?:(?:reply|like|likes|unlike|report|report abuse|flag|flag as inappropriate|share|"
    r"permalink|upvote|downvote|edit|delete|\d++|\d++ (?:likes?|replies|points?|votes?))"
    r"\s*[·•|,]?\s*)+$",
    _I,
)

# A comment section's header: everything after it is readers' comments.
_COMMENTS_HEADER = re.compile(
    r"^\s*(?:\d+\s+)?(?:reader(?:s'?)?\s+)?(?:comments?|responses?|replies)"
    r"(?:\s*\(\d+\))?\s*:?\s*$"
    r"|^\s*(?:leave|post|add|write|submit|make) (?:a|your) (?:comment|reply|response)\b"
    r"|^\s*join the (?:conversation|discussion|debate)\b"
    r"|^\s*(?:show|view|load|hide|read|see) (?:all |the )?(?:\d+ )?(?:comments|replies)\b"
    r"|^\s*what do you think\?\s*$"
    r"|^\s*(?:article )?comment (?:submission|policy)\b",
    _I,
)

KINDS = ("disclaimer", "credit", "share_prompt", "tip_line", "comment")

# --- needles: a pattern is searched only when its sentence holds one of them ----------
#
# The patterns above open with a word boundary and an alternation, so the regex engine
# has no literal to skip ahead to and tries every alternative at every character: about
# 0.3 ms a sentence, 1.9 s of CPU in the cross-check of 300 articles (issue 13 profile).
# Every alternative of a pattern needs at least one of its needles, a literal it cannot
# match without (in case-folded text, as the patterns ignore case), so a sentence with
# none of them cannot match and is not searched: the same answers
# (``tests/test_crosscheck_boilerplate.py`` checks them against the patterns alone).
_THIS_PIECE = ("this story ", "this article ", "this post ", "this report ", "this piece ")
_NEEDLES: dict[re.Pattern[str], tuple[str, ...]] = {
    _DISCLAIMER: ("opinion", "view", "necessarily", "all rights reserved", "©", "copyright",
                  "(c)", "may not be", "informational purposes only", "advice", "commission",
                  "affiliate", "share of sales", "note", "disclosure", "disclaimer",
                  "correction", "clarification", "comment", *_THIS_PIECE),
    _CREDIT: ("contributed", "reporting by", "writing by", "editing by", "edited by",
              "compiled by", "produced by", "follow", "@", "a version", *_THIS_PIECE),
    _PROMPT: ("click", "share", "opens in", "sign up", "newsletter", "our app", "the app",
              "alert", "subscription", "subscriber", "digital access", "inbox", "podcast",
              "our journalism", "free trial", "unlimited access", "us on", ":", "»", ">",
              "→", "|", "tip", "send us", "javascript", "continue reading", "reached",
              "verification", "confirmation", "already have", "activate your",
              "notification", "new content", "registering", "seeing you on",
              "update your profile",
              "registration information", "sign in using"),
    _TIP_LINE: ("information", "if you", "crime", "tip", "anonymous"),
    _STAMP: ("ago", ":", "·", "•", "|", "wrote:", "comment"),
    _NOTICE: ("©", "copyright", "used under licen"),
    _PHOTO_CREDIT: ("photo", "image", "picture", "video", "graphic", "illustration", "caption",
                    "(", "getty images", "shutterstock", "istock"),
}
# The tip line's phone-number alternatives need three digits in a row instead of a word.
_PHONE_NEEDLE = re.compile(r"\d{3}")
_DIGITS_TOO = frozenset({_TIP_LINE})


# One search for all of a pattern's needles: an alternation of literals lets the engine
# skip to the characters that can start one (a Python loop over them was slower).
_NEEDLE_SEARCH = {pattern: re.compile("|".join(map(re.escape, needles))).search
                  for pattern, needles in _NEEDLES.items()}


def _may_match(pattern: re.Pattern[str], sentence: str, folded: str) -> bool:
    """False when ``sentence`` (``folded`` is its case-folded text) holds none of the
    literals every match of ``pattern`` needs; True otherwise (or for a pattern without
    needles: those anchored at the line's start are cheap as they are)."""
    search = _NEEDLE_SEARCH.get(pattern)
    if search is None or search(folded) is not None:
        return True
    return pattern in _DIGITS_TOO and _PHONE_NEEDLE.search(sentence) is not None


_PATTERNS = (("disclaimer", _DISCLAIMER), ("credit", _CREDIT), ("share_prompt", _PROMPT),
             ("tip_line", _TIP_LINE), ("comment", _STAMP), ("comment", _CONTROL))


@lru_cache(maxsize=16384)
def boilerplate_kind(sentence: str) -> str | None:
    """What kind of boilerplate ``sentence`` is by its own words (one of ``KINDS``), or None.
    Cached: claims, the timeline and its selection each ask about the same sentences, and
    the patterns are the cross-check's dearest regular expressions (issue 13 profile);
    a pattern is searched only when the sentence holds one of its needles."""
    folded = sentence.casefold().replace("ı", "i")  # the patterns let a dotless i be i
    return _kind(sentence, lambda pattern: _may_match(pattern, sentence, folded))


def boilerplate_kind_unfiltered(sentence: str) -> str | None:
    """``boilerplate_kind`` without the needles: the reference the tests hold it to."""
    return _kind(sentence, lambda pattern: True)


def _kind(sentence: str, may: Callable[[re.Pattern[str]], bool]) -> str | None:
    """The first kind whose pattern matches ``sentence``, searching only the patterns
    ``may`` allows; the short-line patterns only when the sentence is short enough."""
    for kind, pattern in _PATTERNS:
        if may(pattern) and pattern.search(sentence):
            return kind
    words = len(sentence.split())
    if words <= _NOTICE_MAX_WORDS and may(_NOTICE) and _NOTICE.search(sentence):
        return "disclaimer"
    if (words <= _PHOTO_CREDIT_MAX_WORDS and may(_PHOTO_CREDIT)
            and _PHOTO_CREDIT.search(sentence)):
        return "credit"
    if words <= _POSTED_MAX_WORDS and _POSTED.search(sentence):
        return "comment"
    if words <= _VIDEO_ITEM_MAX_WORDS and _VIDEO_ITEM.search(sentence):
        return "share_prompt"
    return None


@lru_cache(maxsize=4096)
def boilerplate_ranges(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) of the lines of ``text`` that are boilerplate by their own words
    or by their place in a comment thread; cached, as claims and the timeline both ask."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)
             if text[m.start():m.end()].strip()]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        if _COMMENTS_HEADER.search(line):
            out.append((start, len(text), "comment"))
            break
        kind = boilerplate_kind(line)
        if kind is None:
            i += 1
            continue
        stamp = kind == "comment" and _STAMP.search(line) is not None
        parts = split_sentences(line)
        if len(parts) > 1 and not stamp:
            # A line of several sentences (a scrape whose paragraphs lost their breaks: a
            # whole GVA article on one line, "night.Police said …") is judged sentence by
            # sentence: its closing tip-line prompt must not make every sentence boilerplate.
            out.extend((start + s, start + e, found) for s, e in parts
                       if (found := boilerplate_kind(line[s:e])) is not None)
            i += 1
            continue
        out.append((start, end, kind))
        i += 1
        if stamp:
            i = _mark_comment_body(text, lines, i, out)
    return tuple(out)


def _mark_comment_body(text: str, lines: list[tuple[int, int]], i: int,
                       out: list[tuple[int, int, str]]) -> int:
    """Mark the comment under a stamp: the paragraph that follows it (the rest of the
    stamp's own paragraph, or the next one when the stamp stands alone), up to the next
    stamp or header; return the index of the first line after it."""
    while i < len(lines):
        line = text[lines[i][0]:lines[i][1]]
        if _COMMENTS_HEADER.search(line) or _STAMP.search(line):
            break
        out.append((lines[i][0], lines[i][1], "comment"))
        i += 1
        if i < len(lines) and text.count("\n", lines[i - 1][1], lines[i][0]) >= 2:
            break  # a blank line: the comment's paragraph ends
    return i


def page_stamp_length(sentence: str) -> int:
    """How many characters of ``sentence`` are a page's date line run on into it ("29
    September 2011 Last updated at 17:57 GMT Help"), 0 when it opens with none; only when
    words follow the stamp (a stamp alone is ``boilerplate_kind``'s "posted" line)."""
    match = _PAGE_STAMP.match(sentence)
    if match is None or not sentence[match.end():].strip():
        return 0
    return match.end()


def is_boilerplate(text: str, start: int, end: int) -> bool:
    """True when the sentence ``text[start:end]`` is boilerplate: by its own words, or
    because it lies on a line marked as boilerplate (a comment under its stamp)."""
    if boilerplate_kind(text[start:end]) is not None:
        return True
    return any(s < end and start < e for s, e, _ in boilerplate_ranges(text))


def only_boilerplate(text: str) -> bool:
    """True when ``text`` has sentences and every one is boilerplate: a page saved while it
    showed a sign-in or notification prompt ("We have sent you a verification email …"),
    not an article. Such pages are word for word alike across a site, so they were taken
    for reprints of each other and joined unrelated stories (docs/decisions.md, "Sign-in
    walls are no articles")."""
    sentences = split_sentences(text)
    return bool(sentences) and all(is_boilerplate(text, s, e) for s, e in sentences)

