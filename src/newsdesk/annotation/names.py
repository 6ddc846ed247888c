"""Word lists and name keys shared by entity cleaning, linking and role finding.

The lists are closed classes of English news prose (titles, honorifics, determiners),
not names from any particular story; they are what lets the small spaCy model's output be
cleaned and roles be told from other premodifiers without a second model.
"""

from __future__ import annotations

import re


def words(text: str) -> list[str]:
    """A word list written as running text (keeps long lists readable)."""
    return text.split()


# Courtesy titles: part of how a person is addressed, not a role they hold.
HONORIFICS = frozenset(
    words("""
    mr mr. mrs mrs. ms ms. miss mx mx. dr dr. sir dame lady lord madam madame mme
    monsieur herr sheik sheikh comrade""")
)

# Words that head (or are) a title written before a name: "Defense Minister", "Sen.",
# "Chief Justice". Lower-cased; abbreviations with and without their period.
TITLE_HEADS = frozenset(
    words("""
    president vice-president premier minister secretary senator sen sen. representative
    rep rep. prez congressman congresswoman congressperson governor gov gov. lt. lt mayor
    chancellor chairman chairwoman chair chairperson director chief ambassador envoy
    commissioner commander commandant general gen gen. admiral adm adm. colonel col col.
    captain capt capt. major maj maj. lieutenant sergeant sgt sgt. officer judge justice
    attorney prosecutor sheriff speaker leader spokesman spokeswoman spokesperson aide
    adviser advisor counsellor counselor king queen prince princess emperor pope cardinal
    archbishop bishop reverend rev rev. father imam rabbi professor prof prof. coach
    superintendent inspector detective constable councillor councilman councilwoman
    alderman treasurer comptroller auditor administrator deputy undersecretary
    under-secretary secretary-general director-general ceo cfo coo cto chairman-elect
    president-elect head founder co-founder executive editor correspondent commentator
    analyst economist spokesperson chief-of-staff democrat republican independent
    candidate nominee delegate superdelegate lawmaker legislator diplomat pm mp mep""")
)

# Wire and photo agencies, as page furniture writes them in credits and datelines
# ("Charles Dharapak/AP", "AP ROBERT, Louisiana --"); shared with ``crosscheck.name_keys``.
AGENCIES = frozenset(words("reuters ap afp epa upi getty images pool"))

# Premodifiers that never start a role, although they sit in front of names.
DETERMINERS = frozenset(
    words("""
    a an the this that these those his her its their our my your whose both each
    every either neither some any another""")
)

PRONOUNS = frozenset(
    words("""
    i me my mine you your yours he him his she her hers it its we us our ours they them
    their theirs who whom whose this that these those myself yourself himself herself
    itself ourselves themselves""")
)

# Head nouns that name a position, job or standing; used where the syntax alone is weak
# (copulas: "X is a senior fellow" but not "X is a liar").
ROLE_HEADS = frozenset(
    words("""
    fellow member head candidate nominee delegate official lawyer attorney scientist
    expert researcher professor economist analyst strategist consultant adviser advisor
    aide director chief officer executive president chairman chairwoman chair secretary
    minister senator representative governor mayor spokesman spokeswoman spokesperson
    leader founder co-founder partner owner editor reporter correspondent columnist
    writer author journalist photographer producer host co-host anchor moderator judge
    justice ambassador envoy diplomat commander general admiral colonel captain officer
    manager vice-president deputy student teacher doctor physician surgeon nurse
    engineer architect activist organizer organiser lobbyist pollster historian
    biologist economist chemist physicist geologist oceanographer professor lecturer
    dean principal superintendent commissioner administrator coordinator supervisor
    fellow trustee treasurer inspector investigator detective sheriff prosecutor
    counsel solicitor barrister clerk staffer volunteer contractor worker employee
    frontrunner front-runner runner-up successor predecessor heir chancellor premier
    speaker lawmaker legislator congressman congresswoman councillor councilman
    mayor-elect president-elect pastor priest bishop rabbi imam coach player captain
    owner ceo cfo coo chairman superstar star actor actress singer musician artist
    director filmmaker novelist poet commentator pundit blogger friend widow widower mogul
    colleague boss tycoon magnate billionaire millionaire entrepreneur investor banker
    wife husband son daughter mother father brother sister uncle aunt cousin grandson
    granddaughter grandmother grandfather ally rival opponent challenger incumbent
    veteran nominee hopeful contender critic supporter donor backer fundraiser mentor
    protege chairwoman guide chief governor-elect specialist expert scholar professor
    fellow director-general secretary-general co-chair co-chairs rapporteur monitor
    observer negotiator mediator assistant consultant lieutenant attendant sergeant
    accountant student president resident agent correspondent superintendent tsar czar
    regent sultan emir""")
)
ROLE_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman", "person", "eer")
# Common nouns with an agentive-looking ending that name no one.
NOT_ROLES = frozenset(
    words("""
    other another either neither number letter paper matter order power water center
    centre corner border quarter chapter winter summer answer error mirror door floor
    color colour favor favour labor labour flavor honor honour rumor motor sector factor
    vector manner banner layer register trigger barrier cancer disaster theater theatre
    monitor indicator meter shelter filter charter scooter computer sticker poster""")
)

# Institutions the small model often labels as people or places; all are organisations.
INSTITUTIONS = frozenset(
    words("""
    kremlin kcna tass xinhua yonhap interfax ria novosti reuters afp ap bloomberg
    pentagon nato opec kgb fsb cia fbi nsa who imf""")
)

# Link texts and widget labels that the model sometimes tags as names.
MISFIRES = frozenset({
    "read more", "click here", "share", "comments", "comment", "reply", "subscribe", "sign up",
    "log in", "login", "follow us", "related", "advertisement", "newsletter", "copyright",
    "photo", "image", "video", "watch", "share it on", "you may also like", "popular now",
    "must-reads", "latest stories",
})  # fmt: skip

_SPLIT = re.compile(r"[\s\-‐‑–]+")
_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def norm_apostrophes(text: str) -> str:
    return text.translate(_APOS)


def name_tokens(text: str) -> tuple[str, ...]:
    """Lower-cased parts of a name, split on spaces and hyphens, honorifics dropped.

    "Kim Jong-un" and "Kim Jong Un" give the same parts, so the two spellings are one key.
    """
    parts = (p.strip(".,").lower() for p in _SPLIT.split(norm_apostrophes(text)))
    return tuple(p for p in parts if p and p not in HONORIFICS and p + "." not in HONORIFICS)


def plain_key(text: str) -> str:
    """A key for non-person names: case, a leading "the", dots in acronyms and
    apostrophes do not matter ("the U.S." and "US" are one key)."""
    text = norm_apostrophes(text).strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", text):
        text = text.replace(".", "")
    return " ".join(text.lower().split())


def is_title_word(word: str) -> bool:
    w = norm_apostrophes(word).lower()
    return w in TITLE_HEADS or w.rstrip(".") in TITLE_HEADS


def _singular(word: str) -> str:
    w = norm_apostrophes(word).lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def in_role_lexicon(word: str) -> bool:
    """Whether a noun is a known position, occupation or relation ("aide", "widow")."""
    w = norm_apostrophes(word).lower()
    return any(x in ROLE_HEADS or x in TITLE_HEADS for x in (w, _singular(w), w.rstrip(".")))


def is_role_head(word: str) -> bool:
    """Whether a noun names a position or occupation (lexicon, then agentive suffixes
    such as -er, -ist, -man: weaker evidence, which callers back with syntax)."""
    if in_role_lexicon(word):
        return True
    w = _singular(word)
    return w not in NOT_ROLES and w.endswith(ROLE_SUFFIXES)
