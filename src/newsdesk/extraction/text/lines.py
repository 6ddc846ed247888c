"""Line features for plain-text boilerplate removal.

A whole-page text dump has lost its markup, so everything we know about a line comes
from its own shape (length, punctuation, how many of its words are function words or
start in lower case, list markers) and from recognisable boilerplate phrasing.  The
phrase patterns below are *extra* signals in several languages; the main decisions in
``text.py`` rest on shape and position, so an unknown language still gets a fair cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Function words of the languages most common in news crawls.  A sentence of running
# text is full of them, a menu item or a headline list rarely is (jusText's insight).
_STOPWORDS = frozenset(
    """
    der die das den dem des ein eine einer einem einen und oder aber auch nicht ist sind war
    wird werden wurde hat haben mit von zu zum zur im in an auf für bei aus nach über um sich
    sie er es wir ich ihr dass als wie so noch nur schon mehr sehr man kann wenn dann doch
    the a an and or but of to in on for with at by from is are was were be been has have had
    it its this that these those as not they he she we you will would can could which who
    le la les un une des du de et ou est sont dans pour sur avec par pas que qui il elle ce
    el los las y o es son en por con para del al lo se que una uno
    il lo gli e di da per con che non sono
    i w z na do nie się jest że to od o po jak ale za
    """.split()  # noqa: SIM905 - a word list per language reads better as running text
)

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_TERMINAL = tuple(".!?…:;\"“”»«’'。！？")
_BULLET = re.compile(r"^\s*(?:[•·▪►▸◦‣∙*+–—-]|\d{1,2}[.)]|\[\d+\])\s+")
_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

_MONTHS = (
    r"jan(?:uary|uar|vier|\.)?|feb(?:ruary|ruar|rier|\.)?|m(?:arch|ärz|ars|ar\.)|apr(?:il|\.)?|"
    r"mai|may|mayo|jun[ie]?|juin|jul[iy]?|juillet|aug(?:ust|\.)?|août|sep(?:tember|t?\.)?|"
    r"septembre|o[ck]t(?:ober|obre|\.)?|nov(?:ember|embre|\.)?|d[eé][cz](?:ember|embre|\.)?|"
    r"enero|febrero|marzo|abril|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"
    r"listopada|grudnia"
)
_DATE = re.compile(
    r"\b(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2}|\d{4})\b|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|"
    rf"\d{{1,2}}\.?\s+(?:{_MONTHS})\b|(?:{_MONTHS})\s+\d{{1,2}}\b|(?:{_MONTHS})\s+\d{{4}})",
    re.IGNORECASE,
)


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


# Each pattern names a kind of boilerplate; it is tried on short lines only (see
# ``boilerplate_kind``) so a paragraph that merely mentions cookies or comments is safe.
_SKIP_LINK = _rx(
    r"^(?:skip|jump) to\b",
    r"^quick access to",
    r"^direct access to",
    r"^zum (?:inhalt|hauptinhalt)",
    r"^(?:direkt )?zu[mr]? (?:inhalt|navigation|suche|hauptmenü)",
    r"^springe? zu",
    r"überspringen$",
    r"^(?:aller|passer) (?:au|à la) (?:contenu|navigation)",
    r"^ir al contenido",
    r"^przejdź do",
    r"^vai al contenuto",
    r"^inhalt springen",
)
_COOKIE = _rx(
    r"\bcookies?\b.*\b(?:verwend|nutz|einsetz|akzept|zustimm|einverstanden|use|accept|consent|"
    r"utilis|usamos|utiliza|używa|privacy|datenschutz|policy|richtlinie|settings|einstellung)",
    r"^(?:alle )?cookies? (?:akzeptieren|zulassen|ablehnen)",
    r"^(?:accept|reject) (?:all )?cookies",
)
_SHARE = _rx(
    r"^(?:share|teilen|tweet|twittern|pin it|partager|compartir|udostępnij|condividi)\b",
    r"^(?:share|teile|teilen sie) (?:this|it|diesen|den|die|on|auf|via)\b",
    r"^(?:follow|folge|folgen sie) (?:us|uns|me|mir)\b",
    r"^suivez-nous",
    r"^síguenos",
    r"^(?:facebook|twitter|whatsapp|pinterest|linkedin|xing|reddit|telegram|instagram|"
    r"youtube|e-?mail|drucken|print|pdf|mail|messenger|flipboard|pocket|tumblr|skype)$",
    r"^(?:per|via) (?:e-?mail|whatsapp|facebook|twitter)",
    r"^(?:artikel|seite|beitrag) "
    r"(?:teilen|drucken|versenden|merken)",
    r"^(?:auf|bei) (?:facebook|twitter|whatsapp) ",
    r"^(?:print|email|save) (?:this )?(?:article|story|page)$",
    r"^mit (?:freunden|anderen) teilen",
)
_COMMENTS = _rx(
    r"^\d*\s*(?:kommentare?|comments?|commentaires?|komentarze?|comentarios?|commenti|"
    r"antworten|replies|responses|leserkommentare|reaktionen)\s*\(?\d*\)?:?$",
    r"^(?:leave|post|add|write|submit) (?:a )?(?:reply|comment)",
    r"^kommentar (?:schreiben|verfassen)",
    r"^(?:schreibe|hinterlasse|verfasse|schreiben sie) (?:einen|ihren) kommentar",
    r"^(?:noch )?keine kommentare",
    r"^no comments",
    r"^be the first to comment",
    r"^(?:einen )?kommentar (?:abgeben|hinzufügen)",
    r"^laisser un commentaire",
    r"^dodaj komentarz",
    r"^deja un comentario",
    r"^lascia un commento",
    r"^diskussion\b.*\d*$",
    r"^(?:antworten|reply|répondre|odpowiedz|responder|rispondi)\s*[↓»]?$",
    r"^comments?\s*\d+$",
    r"(?:browser|e-?mail).{0,80}(?:kommentiere|comment)",
    r"e-?mail.{0,30}(?:wird nicht|will not be) ver",
    r"^(?:benachrichtige mich|notify me)",
    # A bare "E-Mail" is a share button far more often than a form field; a form
    # field marks itself as required ("E-Mail *") or comes with "Name" and "Website".
    r"^(?:name|website|webseite)\s*\*?$",
    r"^e-?mail\s*\*$",
    r"^(?:kommentar|comment|antwort)\s*\*?$",
)
_COMMENT_META = _rx(
    r"^(?:comment|kommentar|antwort|reply|réponse|respuesta) (?:by|von|de)\b",
    r"\b(?:sagt|says|said|schreibt|meint|wrote|schrieb|a dit|dice|dijo|pisze|napisał\w*)\s*:?$",
    r"\d{1,2}:\d{2}(?:\s*(?:uhr|am|pm|h))?\s*$",
    r"^(?:antworten|reply|répondre|responder)$",
)
_RELATED = _rx(
    r"^(?:\[[^\]]{1,20}\]\s*)?"
    r"(?:related(?: (?:posts?|articles?|stories|content|news|links|topics))?|"
    r"latest(?: (?:stories|news|posts|articles))?|you (?:may|might) (?:also )?like|popular(?: now|"
    r" posts.*| stories| articles)?|must[- ]reads?|most (?:read|popular|viewed|shared)|"
    r"read (?:more|also|next)|more (?:from|on|stories|news|articles)\b.*|recommended(?: for you)?|"
    r"top stories|trending(?: now)?|editor'?s picks?|in other news|see also|further reading|"
    r"das könnte (?:sie|dich) (?:auch )?interessieren|mehr zum thema.*|weitere (?:artikel|beiträge|"
    r"meldungen|nachrichten|themen).*|lesen sie (?:auch|mehr).*|auch interessant|"
    r"meist(?:gelesen|e gelesen|geklickt|kommentiert)|top[- ]?(?:themen|artikel|news)|"
    r"ähnliche (?:artikel|beiträge|themen)|verwandte (?:artikel|themen|beiträge)|"
    r"neueste (?:beiträge|artikel|nachrichten)|aktuelle (?:beiträge|artikel|nachrichten)|"
    r"empfohlene (?:artikel|beiträge)|mehr (?:aus|zu[mr]?|von) .{1,40}|nachrichten aus .{1,30}|"
    r"à lire aussi|lire aussi|articles? (?:similaires|liés|récents)|sur le même sujet|"
    r"te może (?:zainteresować|się spodobać)|zobacz (?:też|także|również)|podobne artykuły|"
    r"czytaj (?:też|także|więcej)|najnowsze|noticias relacionadas|artículos relacionados|"
    r"te puede interesar|leggi anche|articoli correlati|ultime notizie|"
    r"popular posts from this blog)\s*:?$",
)
_COUNTER = _rx(
    r"^\d[\d.,]*\s*[kKmM]?$",
    r"^(?:views?|aufrufe|likes?|shares?|hits)\s*:?\s*\d*$",
    r"^\d[\d.,]*\s*[kK]?\s*(?:views?|aufrufe|likes?|shares?|mal gelesen|mal geteilt|hits|"
    r"zugriffe|vues|wyświetle\w*)$",
)
_FOOTER = _rx(
    r"^(?:©|\(c\)\s|copyright\b)",
    r"all rights reserved",
    r"alle rechte vorbehalten",
    r"tous droits réservés",
    r"wszelkie prawa zastrzeżone",
    r"todos los derechos reservados",
    r"^(?:impressum|datenschutz(?:erklärung|hinweise)?|privacy(?: policy)?|"
    r"terms(?: of (?:use|service))?|"
    r"agb|kontakt|contact(?: us)?|about(?: us)?|über uns|nutzungsbedingungen|mentions légales|"
    r"sitemap|mediadaten|barrierefreiheit|cookie-einstellungen)\s*[|»›>]?$",
)
_NAV_WORD = _rx(
    r"^(?:newsletter|rss|faq|hilfe|help|login|anmelden|registrieren|log ?in|sign ?in|sign up|"
    r"abonnieren|subscribe|nach oben|back to top|top|zurück|weiter|mehr|more|home|startseite|"
    r"suche|search|menu|menü|navigation|schließen|close|öffnen|open|mehr…|more…|"
    r"weiterlesen|read more|mehr lesen|lire la suite|leer más|czytaj dalej|continua)\s*[|»›>…]*$",
)
_PHOTO = _rx(
    r"^\(?(?:foto|fotos|photo|photos|bild|bilder|image|picture|credit|grafik|illustration|"
    r"zdjęcie|fot\.|imagen|quelle|source|video)s?\s*(?:credit)?\s*[:©/]",
    r"^\(?©",
    r"\((?:foto|photo|bild|image|fot\.)\s*:[^)]*\)$",
    r"^(?:photo(?:graph)?s?|images?|fotos?|bild(?:er)?) (?:by|von)\s",
    r"\b(?:getty images|shutterstock|istock(?:photo)?|imago(?: images)?|picture alliance|"
    r"dpa-bildfunk|reuters/|ap photo|afp via getty)\b",
)
# A photo caption ends with its credit: the picture agency, after the caption's last
# sentence ("... in Berlin. AFP", "... Antarctica. EFE", "... Shutterstock/Name").
# Case-sensitive: agency names are written this way, and "ap" or "epa" in lower case are words.
_CAPTION_CREDIT = re.compile(
    r"[.!?)]\s+(?:(?:Foto|Photo|Bild|Image)s?:?\s+)?(?:[\w.-]+\s*/\s*)?(?:[A-Z][\w.-]*\s+){0,2}"
    r"(?:AFP|AP|Reuters|REUTERS|dpa|DPA|EPA|Getty Images|Yonhap(?: News)?|Xinhua|Anadolu|"
    r"Bloomberg|TASS|Imago|IMAGO|KEYSTONE|Keystone|APA|ANP|Belga|ANSA|PAP|EFE|Shutterstock|"
    r"iStock|picture alliance)(?:\s*/\s*[\w. -]{1,30})?$"
)
# A newsletter sign-up or subscription prompt, by its words (issue 12): "Sign up for our
# newsletter", "check your Spam or Junk folder", "Thank you for registering!", "By submitting
# your registration information, you agree to our Terms". Every page of a site carries the
# same one, so two articles about different shootings shared its words and were joined as
# one story. Each alternative needs a reader-facing phrase ("your inbox", "our newsletter"),
# not a bare word: a news line that a man "signed up", "sent an e-mail" or "subscribed to"
# an ideology, or that a church newsletter said something, is not caught.
_SIGNUP = _rx(
    r"\b(?:sign(?:ing)?[- ]?up|subscribe|register)\b.{0,80}?\b(?:newsletters?|"
    r"e-?mail newsletters?|(?:your|an?) inbox|digital access|"
    r"(?:a |an |our |the )?(?:digital |online )?subscription)\b",
    # alerts only when the reader is told to sign up: "Residents can sign up for alerts from
    # the county" and "Police urged residents to subscribe to text alerts" are news
    r"^(?:you can also |or |click here to |and )?(?:sign[- ]?up|subscribe)\b.{0,80}?"
    r"\b(?:e-?mail (?:alerts?|updates)|(?:news|breaking news|text) alerts?)\b",
    r"\b(?:newsletters?|alerts?|headlines|stories|updates|news)\b.{0,80}?\b(?:delivered|sent|"
    r"emailed)\b.{0,40}?\b(?:to |in(?:to)? )?your (?:e-?mail )?inbox\b",
    r"\bcheck your (?:spam|junk)\b|\b(?:spam|junk) (?:or (?:spam|junk) )?folder\b",
    r"\bverification (?:e-?mail|message|link)\b|\bconfirm(?:ation)? (?:e-?mail|link)\b.{0,60}"
    r"\b(?:sent|check|activate|subscri|sign)",
    r"^(?:you(?:'|’)?re all set|thank you for (?:signing up|subscribing|registering))\b",
    r"\benter your e-?mail(?: address)?\b|^e-?mail address\s*\*?:?$",
    r"\bby (?:submitting|signing up|subscribing|registering|clicking)\b.{0,80}?\byou "
    r"(?:agree|consent|acknowledge|accept)\b",
    r"\bposts new content, you(?:'|’)ll get an e-?mail\b",
    r"\b(?:haven(?:'|’)t|have not) selected any newsletters?\b|\bmanage (?:your )?newsletters\b",
    r"\bunsubscribe at any time\b|^already a (?:print |digital )?subscriber\b",
    # paywall offers: "Want to become a full access subscriber?", "Subscribe now for ..."
    r"^(?:want to )?become a (?:full[- ]access |digital |premium )?subscriber\b|"
    r"\bsubscribers? only\b|\bsubscription offers\b|\bwithout a subscription\b",
    r"^(?:click here to )?subscribe (?:now|today|here|to receive)\b",
    r"\bif you want to receive (?:our )?(?:breaking )?news alerts by (?:e-?mail|text)\b",
)
_SIGNUP_MAX_CHARS = 300  # a prompt is a line or two; a whole article on one line is longer
# An advertising slot's label, alone on its line.
_ADVERT = _rx(
    r"^(?:advertisement|anzeige|werbung|publicidad|publicité|reklama|pubblicità|sponsored|"
    r"gesponsert)\s*:?$"
)
# A link to another story set inside the text: "Read: ...", "Lesen Sie auch: ...".
_RELATED_LINK = _rx(
    r"^(?:lea|lee|mire|vea|read|see also|also read|read also|read more|lesen sie(?: auch| mehr)?|"
    r"mehr dazu|mehr zum thema|dowiedz się więcej|czytaj (?:też|także|więcej)|"
    r"zobacz (?:też|także)|lire aussi|à lire aussi|leggi anche|te puede interesar|related)"
    r"\s*:\s+\S"
)
_SERIES = _rx(
    r"^(?:to )?read part \d",
    r"^(?:part|teil|partie|część|parte)\s*\d+\s*(?:lesen|…|\.\.\.)?$",
    r"^(?:previous|next)(?: part| article| post| story)?\s*[:»«>]?",
    r"^[«‹<]\s*(?:previous|zurück)",
    r"^(?:vorheriger|nächster|voriger) (?:teil|artikel|beitrag)",
    r"^zu teil \d",
    r"^(?:article|beitrag|artikel) (?:précédent|suivant)",
)
_SYNDICATION = re.compile(
    r"^(?:click here to )?read more (?:from|at) (?:the )?(?P<o1>.{2,60}?)\s*[.!]?$|"
    r"originally (?:appeared|published) (?:on|in|at) (?:the )?(?P<o2>.{2,60}?)\s*[.!]?$|"
    r"^(?:dieser (?:artikel|beitrag) )?erschien zuerst (?:bei|in|auf) (?:der |dem |den )?"
    r"(?P<o3>.{2,60}?)\s*[.!]?$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|von|par|por|di|przez|written by|geschrieben von|verfasst von|"
    r"autor(?:in)?|author|text|redaktion|reporter)\s*:?\s+(?P<names>[A-ZÄÖÜÉ].*)$",
    re.IGNORECASE,
)
_DATELINE_WORDS = re.compile(
    r"^(?:published|updated|posted|veröffentlicht|aktualisiert|erstellt|stand|datum|publié|"
    r"mis à jour|publicado|actualizado|opublikowano|pubblicato|date|am|on)\b",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"(?:\s[»›>/|]\s.*){2,}|^(?:home|startseite)\s*[»›>/|]", re.IGNORECASE)
_LABEL_SEP = re.compile(r"\s*[|•·]\s*$")


@dataclass(frozen=True)
class Line:
    """One non-blank input line with the shape features the decisions use."""

    number: int  # 1-based line number in the input
    text: str  # stripped
    blank_before: bool  # a blank line (a block break in the page) precedes it
    chars: int
    words: int
    stop_ratio: float  # share of words that are function words
    lower_ratio: float  # share of words starting in lower case
    terminal: bool  # ends like a sentence
    bullet: bool  # starts with a list marker
    kind: str | None  # boilerplate reason recognised from the phrasing, if any


def _word_stats(text: str) -> tuple[int, float, float]:
    words = _WORD.findall(text)
    cjk = len(_CJK.findall(text))
    if cjk > len(text) // 3:
        # CJK text has no spaces: count roughly two characters per word and treat the
        # line as running text if it is long enough (no stopword list for it).
        n = max(1, cjk // 2)
        return n, 0.3 if n >= 10 else 0.0, 0.5
    if not words:
        return 0, 0.0, 0.0
    stops = sum(1 for w in words if w.lower() in _STOPWORDS)
    lower = sum(1 for w in words if w[0].islower())
    return len(words), stops / len(words), lower / len(words)


def boilerplate_kind(text: str, chars: int) -> str | None:
    """The boilerplate reason a line's own phrasing gives away, or None.

    Long lines are only checked for cookie notices, syndication and footers, which are
    full sentences; everything else is a short widget label, so a body paragraph that
    happens to start with "Share" or "Related" is never caught.
    """
    body = _BULLET.sub("", text).strip()
    low = body.lower()
    if chars <= 300 and _SYNDICATION.search(body):
        return "syndication_notice"
    if chars <= 400 and _COOKIE.search(low):
        return "cookie_notice"
    if chars <= 200 and _FOOTER.search(low):
        return "footer"
    if chars <= 200 and _COMMENTS.search(low):
        return "comments"
    if chars <= _SIGNUP_MAX_CHARS and _SIGNUP.search(low):
        return "signup_prompt"
    if chars <= 400 and _CAPTION_CREDIT.search(body):
        return "photo_credit"
    if chars > 120:
        return None
    for kind, pattern in (
        ("skip_link", _SKIP_LINK),
        ("related_list", _RELATED),
        ("share_prompt", _SHARE),
        ("series_navigation", _SERIES),
        ("counter", _COUNTER),
        ("photo_credit", _PHOTO),
        ("advertisement", _ADVERT),
        ("related_link", _RELATED_LINK),
    ):
        if pattern.search(low):
            return kind
    if _NAV_WORD.search(low) or _BREADCRUMB.search(body) or _LABEL_SEP.search(body):
        return "navigation"
    if chars <= 60 and _EMAIL.search(body):
        return "byline"
    return None


def make_line(number: int, raw: str, blank_before: bool) -> Line:
    text = raw.strip()
    words, stop_ratio, lower_ratio = _word_stats(text)
    return Line(
        number=number,
        text=text,
        blank_before=blank_before,
        chars=len(text),
        words=words,
        stop_ratio=stop_ratio,
        lower_ratio=lower_ratio,
        terminal=text.endswith(_TERMINAL),
        bullet=bool(_BULLET.match(text)),
        kind=boilerplate_kind(text, len(text)),
    )


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` with their features, numbered as in the input."""
    out: list[Line] = []
    blank = True
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            blank = True
            continue
        stripped = raw.strip()
        cut = signup_tail(stripped)
        if cut:  # the news sentences and the prompt after them: two lines of one number
            out.append(make_line(number, stripped[:cut], blank))
            out.append(make_line(number, stripped[cut:], False))
        else:
            out.append(make_line(number, raw, blank))
        blank = False
    return out


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")


def signup_tail(text: str) -> int | None:
    """Where a sign-up prompt closing a line of news sentences begins, or None.

    A scrape that lost its paragraph breaks glues the prompt to the article's last
    sentences ("No arrests were made. Sign up for our email newsletters to get breaking
    news right in your inbox."); the line is split there so the prompt goes and the news
    stays. Only a tail short enough to be judged a prompt (``_SIGNUP_MAX_CHARS``) is cut.
    """
    if len(text) <= _SIGNUP_MAX_CHARS // 2:
        return None
    found = _SIGNUP.search(text)
    if found is None:
        return None
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, found.start())]
    if not starts or len(text) - starts[-1] > _SIGNUP_MAX_CHARS:
        return None
    return starts[-1]


_UNPUNCTUATED_TEXT = 120
_COPYRIGHT = re.compile(
    r"copyright|all rights reserved|alle rechte vorbehalten|tous droits|wszelkie prawa|"
    r"derechos reservados|©\s*(?:\d{4}|[a-z]+ \d{4})",
    re.IGNORECASE,
)


def is_copyright(line: Line) -> bool:
    """The site's copyright line: below it, a page has only footer and consent dialogs."""
    return line.chars <= 200 and bool(_COPYRIGHT.search(line.text))


def is_sentence_like(line: Line) -> bool:
    """Running text rather than a label: long, or a punctuated clause of function words."""
    if line.kind is not None:
        return False
    if (
        line.chars >= 120
        and line.words >= 12
        and (line.stop_ratio >= 0.12 or line.lower_ratio >= 0.3)
    ):
        # A long line without closing punctuation is usually a teaser headline.
        return line.terminal or line.chars >= _UNPUNCTUATED_TEXT
    return (
        line.words >= 6 and line.terminal and (line.stop_ratio >= 0.15 or line.lower_ratio >= 0.35)
    )


def comment_meta(line: Line) -> bool:
    """The header of one user comment ("Anna sagt:", "Comment by X — 17.07, 13:04")."""
    return (
        line.chars <= 100 and not is_sentence_like(line) and bool(_COMMENT_META.search(line.text))
    )


def has_date(text: str) -> bool:
    # Every date form has a digit; the cheap test spares most lines the costly pattern.
    return bool(_DIGIT.search(text)) and bool(_DATE.search(text))


def dateline_like(line: Line) -> bool:
    """A short line that states when the page was published (or edited)."""
    if line.chars > 90 or is_sentence_like(line):
        return False
    return has_date(line.text) or bool(
        _DATELINE_WORDS.match(line.text) and re.search(r"\d", line.text)
    )


def byline_names(text: str) -> tuple[str, ...]:
    """Names in a "By X and Y" / "Von X und Y" byline, or () if the line is not one."""
    m = _BYLINE.match(text.strip())
    if not m or len(text) > 100:
        return ()
    names = re.split(r"\s*(?:,|\band\b|\bund\b|\bet\b|\by\b|\bi\b|&)\s*", m.group("names"))
    out = []
    for name in names:
        name = re.split(r"\s+[|•·–—-]\s+|\s{2,}|\d", name)[0].strip(" .,:;")
        if 1 <= len(name.split()) <= 4 and name[:1].isupper():
            out.append(name)
    return tuple(out)


def syndication_source(text: str) -> str | None:
    """The outlet named in a "read more from X" / "first appeared in X" line, title-cased."""
    m = _SYNDICATION.search(text.strip())
    if not m:
        return None
    name = next(g for g in (m.group("o1"), m.group("o2"), m.group("o3")) if g)
    name = name.strip(" .!:")
    if name.isupper():
        name = " ".join(w.capitalize() for w in name.split())
    return name


def person_name(text: str) -> bool:
    """Two to four capitalised words and nothing else: how an author box shows a name."""
    parts = text.split()
    return 2 <= len(parts) <= 4 and all(
        p[:1].isupper() and p.replace("-", "").replace(".", "").isalpha() for p in parts
    )


def has_email(text: str) -> bool:
    return bool(_EMAIL.search(text))


def norm_key(text: str) -> str:
    """Lower case with whitespace folded: the key for "is this the same line again"."""
    return " ".join(text.lower().split())
