"""Outlets that know who they are: the registry, the user's file over it, recognition of a
page's outlet from its signs, and what it does to independence."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.crosscheck.claims import ArticleClaim
from newsdesk.crosscheck.independence import claim_support, recognise_all, source_units
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, PublishedDate, Removed, Span
from newsdesk.outlets import load_registry, read_user_file, recognise
from newsdesk.outlets.registry import parse_registry, shipped_files

REGISTRY = load_registry()


def _article(article_id: str, *, url: str | None = None, outlet: str | None = None,
             text: str = "Body.", authors: tuple[str, ...] = (),
             removed: tuple[str, ...] = (), republished_from: str | None = None) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", url=url, format="text",
                   title=None, authors=authors, outlet=outlet, section=None,
                   published=PublishedDate(), text=text,
                   removed=tuple(Removed(r, "boilerplate", 1, 1) for r in removed),
                   republished_from=republished_from)


def _claim(article_id: str, text: str, speaker: str | None = None) -> ArticleClaim:
    return ArticleClaim(f"{article_id}:0", article_id, Span.of(text, 0, len(text)),
                        speaker=speaker)


# --- the registry -------------------------------------------------------------------


def test_every_shipped_file_loads_and_no_name_or_domain_is_claimed_twice() -> None:
    assert {name for name, _ in shipped_files()} >= {"wires.toml", "state_media.toml"}
    seen_domains: dict[str, str] = {}
    for outlet in REGISTRY.outlets.values():
        for domain in outlet.domains:
            assert seen_domains.setdefault(domain, outlet.id) == outlet.id, domain


@pytest.mark.parametrize(("name", "state", "wire"), [
    ("TASS", "RU", True), ("RIA Novosti", "RU", True), ("RT", "RU", False),
    ("Sputnik", "RU", True), ("KCNA", "KP", True), ("Rodong Sinmun", "KP", False),
    ("Xinhua", "CN", True), ("CGTN", "CN", False), ("Global Times", "CN", False),
    ("People's Daily", "CN", False), ("IRNA", "IR", True), ("Press TV", "IR", False),
    ("Anadolu Agency", "TR", True),
    ("AP", None, True), ("Reuters", None, True), ("AFP", None, True), ("Yonhap", None, True),
    ("Kyodo", None, True), ("dpa", None, True), ("BBC", None, False),
])
def test_state_media_and_wires_are_marked(name: str, state: str | None, wire: bool) -> None:
    outlet = REGISTRY.by_name(name)
    assert outlet is not None, name
    assert (outlet.state, outlet.wire) == (state, wire)


@pytest.mark.parametrize(("host", "outlet_id"), [
    ("edition.cnn.com", "cnn"), ("www.bbc.co.uk", "bbc"), ("abcnews.go.com", "abcnews"),
    ("www.spiegel.de", "spiegel"), ("tass.ru", "tass"), ("example.com", None),
])
def test_a_host_finds_its_outlet(host: str, outlet_id: str | None) -> None:
    found = REGISTRY.by_host(host)
    assert (found.id if found else None) == outlet_id


def test_a_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[outlets.viewus]\nname = "ViewUS"\ndomains = ["viewusglobal.com"]\n'
                    'owner = "View US"\n\n[outlets.cnn]\nowner = "Someone Else"\n',
                    encoding="utf-8")
    registry = load_registry(read_user_file(str(path)))
    assert registry.by_email_domain("viewusglobal.com").name == "ViewUS"  # type: ignore[union-attr]
    cnn = registry.get("cnn")
    assert cnn is not None and cnn.owner == "Someone Else" and cnn.name == "CNN"
    assert REGISTRY.get("cnn").owner != "Someone Else"  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "says"), [
    ("[outlets.x\nname = 1", "not valid TOML"),
    ('[outlets.x]\nname = "X"\ncolour = "red"\n', "unknown field"),
    ('[outlets.x]\naliases = ["X"]\n', "has no name"),
    ('[outlets.x]\nname = "X"\ndomains = ["https://x.com/"]\n', "no domain name"),
    ('[outlets.x]\nname = "X"\nstate = "Russia"\n', "two-letter"),
    ('[outlets.x]\nname = "X"\nwire = "yes"\n', "true or false"),
    ('[outlets."Bad Id"]\nname = "X"\n', "outlet id"),
    ('[sites.x]\nname = "X"\n', "unknown table"),
])
def test_a_bad_user_file_is_a_coded_error(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(NewsdeskError) as err:
        read_user_file(str(path))
    assert err.value.code == "E002" and says in str(err.value) and "bad.toml" in str(err.value)


def test_a_missing_user_file_is_e002(tmp_path: Path) -> None:
    with pytest.raises(NewsdeskError) as err:
        read_user_file(str(tmp_path / "nowhere.toml"))
    assert err.value.code == "E002"


def test_parse_keeps_shipped_entries_under_an_empty_file() -> None:
    outlets, _ = parse_registry("", "empty", REGISTRY.outlets)
    assert outlets == dict(REGISTRY.outlets)


# --- recognition ----------------------------------------------------------------------


@pytest.mark.parametrize(("article", "outlet_id", "name"), [
    (_article("a", url="https://edition.cnn.com/2021/x.html"), "cnn", "CNN"),
    (_article("a", url="https://web.archive.org/web/2017/http://www.ksla.com/story/1"),
     "ksla", "KSLA"),
    (_article("a", outlet="SPIEGEL ONLINE"), "spiegel", "Der Spiegel"),
    (_article("a", outlet="Noticias de El Salvador - La Prensa Gráfica"), "laprensagrafica",
     "La Prensa Gráfica"),
    (_article("a", outlet="https://www.fr.de"), "fr", "Frankfurter Rundschau"),
    (_article("a", removed=("Jane Roe\njroe@tass.ru",)), "tass", "TASS"),
    (_article("a", url="https://someblog.example.org/post", outlet="Some Blog"),
     "site:example.org", "Some Blog"),
    (_article("a", removed=("Daniel Kim\ncontent@viewusglobal.com",)),
     "site:viewusglobal.com", "viewusglobal.com"),
    (_article("a", outlet="A Paper Nobody Lists"), "name:a paper nobody lists",
     "A Paper Nobody Lists"),
])
def test_recognition(article: Article, outlet_id: str, name: str) -> None:
    found = recognise(article, REGISTRY)
    assert found is not None and (found.id, found.name) == (outlet_id, name)


def test_a_port_a_time_or_a_platform_name_is_not_the_outlet() -> None:
    archived = "http://web.archive.org/web/20161003112226/http://dfw.cbslocal.com:80/2016/x"
    cbs = recognise(_article("a", url=archived, outlet="Twitter"), REGISTRY)
    plain = recognise(_article("b", url="http://dfw.cbslocal.com/2016/x"), REGISTRY)
    assert cbs is not None and plain is not None and cbs.id == plain.id
    timed = recognise(_article("c", url="http://www.wsbtv.com:80/news/x", outlet="9:36 AM"),
                      REGISTRY)
    assert timed is not None and timed.name == "WSB-TV"
    own = recognise(_article("d", url="https://twitter.com/someone/status/1", outlet="Twitter"),
                    REGISTRY)
    assert own is not None and own.name == "Twitter"  # on its own domain, the name stands


def test_free_mail_and_long_lines_say_nothing() -> None:
    article = _article("a", removed=("write to me: someone@gmail.com",),
                       text="Contact the ministry at press@mofa.go.kr for the full text of "
                            "the statement the minister gave on Tuesday evening in Seoul.")
    assert recognise(article, REGISTRY) is None


def test_two_blogs_on_one_platform_are_two_sites() -> None:
    a = recognise(_article("a", url="https://alice.wordpress.com/x"), REGISTRY)
    b = recognise(_article("b", url="https://bob.wordpress.com/y"), REGISTRY)
    assert a is not None and b is not None and a.id != b.id


@pytest.mark.parametrize(("text", "credited"), [
    ("SEOUL, June 17 (Yonhap) -- North Korea said ...", "yonhap"),
    ("MOSCOW (Reuters) - Russia said ...", "reuters"),
    ("WASHINGTON (AP) — The Senate voted ...", "ap"),
    ("(CNN) — A storm hit ...", "cnn"),
])
def test_datelines_credit_their_outlet(text: str, credited: str) -> None:
    found = recognise(_article("a", url="https://www.ksla.com/x", text=text), REGISTRY)
    assert found is not None and credited in [c[0] for c in found.credits]


def test_a_photo_credit_is_no_dateline() -> None:
    text = ("North Korea-Russia talks are possible in the first half of this year.\n\n"
            "Visitors at the cosmodrome. AFP Yonhap News")
    found = recognise(_article("a", url="https://www.ksla.com/x", text=text), REGISTRY)
    assert found is not None and found.credits == ()


# --- independence ---------------------------------------------------------------------


def test_one_owner_counts_once() -> None:
    articles = [_article("a", url="https://www.wsj.com/x"),
                _article("b", url="https://nypost.com/y"),
                _article("c", url="https://www.nytimes.com/z")]
    units = source_units(articles, {})
    assert units["a"] == units["b"] != units["c"]


def test_one_agency_counts_once_and_is_named() -> None:
    articles = [_article("a", url="https://www.ksla.com/x", text="MOSCOW (Reuters) - It."),
                _article("b", url="https://www.wral.com/y", text="MOSCOW (Reuters) - It."),
                _article("c", url="https://www.reuters.com/z")]
    matches = recognise_all(articles, REGISTRY)
    units = source_units(articles, {}, matches, REGISTRY)
    assert len({units[x] for x in "abc"}) == 1
    claims = [_claim(x, "Russia said it.") for x in "abc"]
    support = claim_support(claims, units, {x: x for x in "abc"}, lambda _a, _e: None,
                            matches, REGISTRY)
    assert support.independent_sources == 1 and support.status == "single_source"
    assert support.traced_to == ("wire", ("Reuters",))


def test_state_media_of_one_state_count_once_and_say_so() -> None:
    articles = [_article("a", url="https://tass.com/x"), _article("b", url="https://www.rt.com/y"),
                _article("c", url="https://www.bbc.co.uk/news/z")]
    matches = recognise_all(articles, REGISTRY)
    units = source_units(articles, {}, matches, REGISTRY)
    assert units["a"] == units["b"] != units["c"]
    claims = [_claim("a", "The talks went well."), _claim("b", "The talks went well."),
              _claim("c", "According to TASS, the talks went well.", speaker="TASS")]
    support = claim_support(claims, units, {x: x for x in "abc"}, lambda _a, _e: None,
                            matches, REGISTRY)
    assert support.independent_sources == 1
    assert support.traced_to == ("state_media", ("RT", "TASS"))


def test_independent_outlets_still_corroborate() -> None:
    articles = [_article("a", url="https://www.bbc.co.uk/x"),
                _article("b", url="https://www.nytimes.com/y")]
    matches = recognise_all(articles, REGISTRY)
    units = source_units(articles, {}, matches, REGISTRY)
    claims = [_claim(x, "The talks went well.") for x in "ab"]
    support = claim_support(claims, units, {x: x for x in "ab"}, lambda _a, _e: None,
                            matches, REGISTRY)
    assert (support.independent_sources, support.status, support.traced_to) == (
        2, "corroborated", None)


def test_a_long_sentence_printed_word_for_word_is_one_source() -> None:
    articles = [_article("a", url="https://www.bbc.co.uk/x"),
                _article("b", url="https://www.nytimes.com/y")]
    matches = recognise_all(articles, REGISTRY)
    units = source_units(articles, {}, matches, REGISTRY)
    release = ("A 59-year-old man, 49-year-old woman and 53-year-old man suffered gunshot "
               "wounds to the leg and foot but are expected to survive, police said.")
    copied = [_claim("a", release), _claim("b", release.replace(",", "").upper())]
    support = claim_support(copied, units, {x: x for x in "ab"}, lambda _a, _e: None,
                            matches, REGISTRY)
    assert (support.independent_sources, support.status) == (1, "single_source")
    told = [_claim("a", release),
            _claim("b", "Three other people, two men and a woman, were shot in the leg and "
                        "foot and are expected to survive, police said.")]
    support = claim_support(told, units, {x: x for x in "ab"}, lambda _a, _e: None,
                            matches, REGISTRY)
    assert support.independent_sources == 2  # the same fact in each outlet's own words


def test_one_contact_domain_is_one_source() -> None:
    """The rule behind examples 000 and 003: two pages whose author box signs with the same
    e-mail domain are one outlet, whatever their authors' names."""
    articles = [_article("a", removed=("Daniel Kim\ncontent@viewusglobal.com",)),
                _article("b", removed=("Someone Else\ncontent@viewusglobal.com",))]
    units = source_units(articles, {})
    assert units["a"] == units["b"]
