"""US state names as news writes them: full names, AP style ("Ill.", "N.C.") and postal
codes ("IL", only right after a city and a comma, where a postal code cannot be a word).

AP style abbreviations are those of the AP Stylebook (Alaska, Hawaii, Idaho, Iowa, Maine,
Ohio, Texas and Utah are never abbreviated).
"""

from __future__ import annotations

# name: (AP abbreviation or "", postal code)
STATES: dict[str, tuple[str, str]] = {
    "Alabama": ("Ala.", "AL"), "Alaska": ("", "AK"), "Arizona": ("Ariz.", "AZ"),
    "Arkansas": ("Ark.", "AR"), "California": ("Calif.", "CA"), "Colorado": ("Colo.", "CO"),
    "Connecticut": ("Conn.", "CT"), "Delaware": ("Del.", "DE"),
    "District of Columbia": ("D.C.", "DC"), "Florida": ("Fla.", "FL"),
    "Georgia": ("Ga.", "GA"), "Hawaii": ("", "HI"), "Idaho": ("", "ID"),
    "Illinois": ("Ill.", "IL"), "Indiana": ("Ind.", "IN"), "Iowa": ("", "IA"),
    "Kansas": ("Kan.", "KS"), "Kentucky": ("Ky.", "KY"), "Louisiana": ("La.", "LA"),
    "Maine": ("", "ME"), "Maryland": ("Md.", "MD"), "Massachusetts": ("Mass.", "MA"),
    "Michigan": ("Mich.", "MI"), "Minnesota": ("Minn.", "MN"),
    "Mississippi": ("Miss.", "MS"), "Missouri": ("Mo.", "MO"), "Montana": ("Mont.", "MT"),
    "Nebraska": ("Neb.", "NE"), "Nevada": ("Nev.", "NV"), "New Hampshire": ("N.H.", "NH"),
    "New Jersey": ("N.J.", "NJ"), "New Mexico": ("N.M.", "NM"), "New York": ("N.Y.", "NY"),
    "North Carolina": ("N.C.", "NC"), "North Dakota": ("N.D.", "ND"), "Ohio": ("", "OH"),
    "Oklahoma": ("Okla.", "OK"), "Oregon": ("Ore.", "OR"), "Pennsylvania": ("Pa.", "PA"),
    "Rhode Island": ("R.I.", "RI"), "South Carolina": ("S.C.", "SC"),
    "South Dakota": ("S.D.", "SD"), "Tennessee": ("Tenn.", "TN"), "Texas": ("", "TX"),
    "Utah": ("", "UT"), "Vermont": ("Vt.", "VT"), "Virginia": ("Va.", "VA"),
    "Washington": ("Wash.", "WA"), "West Virginia": ("W.Va.", "WV"),
    "Wisconsin": ("Wis.", "WI"), "Wyoming": ("Wyo.", "WY"),
}

_BY_NAME = {name.casefold(): name for name in STATES}
_BY_AP = {ap.casefold(): name for name, (ap, _) in STATES.items() if ap}
_BY_AP.update({"wisc.": "Wisconsin", "penn.": "Pennsylvania", "tex.": "Texas",
               "calif": "California", "w. va.": "West Virginia", "dc": "District of Columbia",
               "d.c": "District of Columbia", "washington, d.c.": "District of Columbia"})
_BY_POSTAL = {postal: name for name, (_, postal) in STATES.items()}


def state_of(word: str, after_comma: bool = False) -> str | None:
    """The state a name, an AP abbreviation or (``after_comma``, as in "Tulsa, OK") a
    postal code stands for."""
    key = word.strip().casefold()
    if key in _BY_NAME:
        return _BY_NAME[key]
    if key in _BY_AP:
        return _BY_AP[key]
    if after_comma and word.strip() in _BY_POSTAL:
        return _BY_POSTAL[word.strip()]
    return None


def ap_pattern() -> str:
    """A regex alternation of every state name and abbreviation, longest first."""
    import re
    names = sorted([*STATES, *(ap for ap, _ in STATES.values() if ap), "Wisc.", "Penn.",
                    "Tex.", "W. Va."], key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


def written_forms(state: str) -> tuple[str, ...]:
    """Every way news writes ``state`` by name or abbreviation ("Texas", "Tex."; "Missouri",
    "Mo."), case-folded; postal codes are not among them (they are words only after a city
    and a comma: ``postal_code``)."""
    forms = {state.casefold()}
    forms.update(ap for ap, name in _BY_AP.items() if name == state)
    return tuple(sorted(forms, key=len, reverse=True))


def postal_code(state: str) -> str:
    """The state's two-letter postal code ("MO"), "" for an unknown name."""
    return STATES.get(state, ("", ""))[1]

