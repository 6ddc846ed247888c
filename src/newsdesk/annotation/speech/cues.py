"""Word lists for attribution: the words that cue speech, thought or stance, and the nouns
that tell a person speaking from a document or an outlet.

Lists, not a model, because the cue vocabulary of news is small and stable and a list can be
read, argued with and extended.  Two kinds:

- hand-written lists of verbs of saying and thinking (``SPEECH_VERBS``, ``THOUGHT_VERBS``);
- lists read off PolNeAR's train split (``TRAIN_CUE_*``): every lemma that, outside quote
  marks and outside another attribution's content, is a gold cue at least 40 % of the time
  and at least 3 times.  ``benchmarks/attribution.py --split train --derive-lexicon``
  prints them again.  40 % sits near the F1-optimal cut (adding a word whose precision is
  p raises F1 when p > F1/2); 30 %, 35 % and 45 % were measured and are no better
  (docs/decisions.md).  Nothing here was looked at in the dev split.
"""

from __future__ import annotations

from spacy.strings import get_string_id


def words_of(text: str) -> frozenset[str]:
    """A word list written as running text, one word per whitespace-separated item."""
    return frozenset(text.split())

# Verbs of saying: the speaker is a source of words.  Lemmas.
SPEECH_VERBS = words_of(
    """
    say tell add state note argue claim warn announce explain write tweet post ask insist
    suggest acknowledge admit deny confirm declare predict respond reply recall contend
    maintain observe complain stress emphasize emphasise vow promise pledge urge remark quip
    joke concede allege assert boast charge comment counter continue disclose echo mention
    muse lament proclaim reiterate retort testify threaten report reveal describe criticize
    criticise accuse praise blame question caution estimate indicate signal agree conclude
    hint recount concur speculate caution theorize surmise affirm swear assure inform
    announce order demand propose recommend advise brag scoff shout yell cry whisper
    exclaim sigh grumble lament reason relate repeat stipulate underline underscore
    """
)

# Verbs of thinking, knowing, wanting and showing: PolNeAR counts beliefs and evidence too.
THOUGHT_VERBS = words_of(
    """
    think believe know feel fear hope expect want worry wonder doubt suspect assume
    understand realize realise consider see show find imagine guess reckon figure trust
    """
)

# Lemmas that, as verbs outside quote marks and outside another attribution's content, are
# PolNeAR cues at least 40 % of the time on the train split (and at least 3 times):
# ``benchmarks/attribution.py --split train --derive-lexicon`` prints this list.  Stance verbs
# (endorse, oppose, attack) are here because PolNeAR counts a stance as an attribution.
TRAIN_CUE_VERBS = words_of(
    """
    accept accord accuse acknowledge acquiesce add address admit advocate affirm agree aim
    alarm allege allude anger announce answer anticipate apologize appear applaud appoint
    approve argue articulate ask assail assert assume assure attack attribute author back
    balk bash believe bemoan bill blame blast boast brag broadcast brush calculate call care
    caution challenge champion chant characterize charge chide circulate cite claim clarify
    coin comment complain concede conclude condemn confirm congratulate consider contemplate
    contend continue contradict contrast convince counter credit criticize cry debate decide
    declare decline decry dedicate deem defend demand denounce deny deride describe detail
    determine disagree disavow disclose discuss dislike dismiss disparage display dispute
    distance document doubt downplay dub dwell echo elaborate email embrace emphasize
    encourage endorse envision estimate expect experience explain explore expose express
    favor fear feel felt find float focus forecast foresee forget forward frame guess hail
    hammer hate heap herald highlight hint hop hope horrify identify ignore illustrate
    imagine imply indicate inform infuriate insist insult intend interject interpret
    introduce invoke issue joke judge justify know label lambast lament lash lay learn
    lecture like liken list look love mandate mention mince mock mull muse name nominate
    note notice observe offer opine oppose opt order outline paint peg persuade pivot plan
    plead pledge point portray posit post praise preach predict prefer present press
    pressure proclaim prohibit project promise promote pronounce propose pump push question
    quip quote rail rattle read reaffirm realize reassure rebuff rebuke rebut recall recite
    recognize recommend recount refer reference refuse regard regret reiterate reject relish
    remark remember remind renew repeat reply report repudiate request resist respond
    restrict retweete reveal revere revile rip rule savage say scar scoff see seek seem
    seemed share shout show shrug side signal sing single slam sound spar speculate startle
    state stress strive sue suggest support surface suspect talk tell testify thank think
    threaten thrill title tout trumpet trust tweet underscore understand unveil urge utter
    veto view voice vote vouch vow want warn welcome wish withdraw witness wonder worry
    write yell zero
    """
)

# Any complement will do for these; the hand-listed speech and thought verbs the train split
# did not confirm ("maintain a lead", "advise a client") count only with a clause.
CUE_VERBS = TRAIN_CUE_VERBS
CLAUSE_CUE_VERBS = (SPEECH_VERBS | THOUGHT_VERBS) - TRAIN_CUE_VERBS

# Nouns and adjectives that carry an attribution ("his support for", "expressed concern
# that", "is confident that"), chosen on the train split the same way as the verbs.
TRAIN_CUE_NOUNS = words_of(
    """
    accusation admission advice aim alarm allegation anxiety assertion assessment assumption
    assurance backing belief blame blast chant chatter claim complaint concern confidence
    consensus criticism critique cry denunciation description desire dig disagreement doubt
    embrace endorsement favor fear finger footage fun hint hope inclination insistence joke
    laugh length mention opposition passion perception petition pledge praise promise
    reference refusal rejection reluctance rumor secret slogan speculation statement
    suggestion support swipe talking tribute understanding view vow warning worry
    """
)
TRAIN_CUE_ADJECTIVES = words_of(
    """
    adamant aware bitter clear concerned confident devoted eager enamored glad guilty harsh
    hopeful impassioned impressed inclined interested keen nervous optimistic outspoken
    pleased proud quick reluctant shocked skeptical stern supportive surprised unaware
    unhappy upset vocal wary willing worried
    """
)

# "X seems/appears to …": an attribution with no one holding it.
RAISING_VERBS = words_of("seem seemed appear sound")

# Nouns heading a source that is a document, a medium or a count rather than a speaker.
DOCUMENT_NOUNS = words_of(
    """
    report reports poll polls survey surveys study studies statement statements record
    records data document documents analysis filing filings memo letter email emails
    release paper article story newspaper magazine website site broadcast program show
    transcript census figures numbers count estimate estimates research investigation
    review audit ruling order indictment complaint lawsuit suit book column editorial
    """
)

# Nouns heading a source that is a person in a role ("the official", "a spokesman").
PERSON_NOUNS = words_of(
    """
    official officials spokesman spokeswoman spokesperson aide aides adviser advisor
    minister secretary president chairman chairwoman chair director head leader leaders
    analyst analysts expert experts source sources diplomat diplomats officer officers
    lawmaker lawmakers senator congressman congresswoman governor mayor ambassador envoy
    professor researcher researchers economist economists strategist strategists
    candidate nominee manager executive chief general commander colonel representative
    member members voter voters resident residents witness witnesses people person man
    woman critic critics supporter supporters opponent opponents activist activists
    reporter reporters correspondent journalist journalists author authors judge
    prosecutor prosecutors attorney attorneys lawyer lawyers negotiator negotiators
    """
)

PRONOUN_SPEAKERS = words_of("he she him her they them we i you who it")


def _forms(lemma: str) -> set[str]:
    """Regular inflections of a verb lemma ("slam" → slams, slammed …), for text the
    tagger did not lemmatise (title-case headlines)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + lemma[-1] + "ed"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


def string_ids(words: frozenset[str]) -> frozenset[int]:
    """The spaCy string ids of ``words``, to test ``token.lemma`` without making strings."""
    return frozenset(get_string_id(w) for w in words)


CUE_VERB_IDS = string_ids(CUE_VERBS)
CUE_VERB_FORMS = frozenset(
    {f for lemma in SPEECH_VERBS | TRAIN_CUE_VERBS for f in _forms(lemma)}
    | words_of("said told wrote thought felt knew saw found")
) - words_of("view views name names post posts point points support title")
CLAUSE_CUE_VERB_IDS = string_ids(CLAUSE_CUE_VERBS)
RAISING_IDS = string_ids(RAISING_VERBS)
CUE_NOUN_IDS = string_ids(TRAIN_CUE_NOUNS)
CUE_ADJECTIVE_IDS = string_ids(TRAIN_CUE_ADJECTIVES)
# "citing", "quoting": the verbs that make a source chain ("Bloomberg, citing the ministry").
CITING_VERBS = frozenset({"cite", "quote"})
# Verbs that can take a direct quote as their content (position decides, not the parse).
SPEECH_IDS = string_ids(SPEECH_VERBS | (TRAIN_CUE_VERBS - THOUGHT_VERBS))
