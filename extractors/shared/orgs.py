"""Organisations by their heads, for version 2 of both offline extractors: which capitalised names are
organisations ("... Mills", "... Wanderers", "... Foundation"), and the subtype of an organisation's name
(guidelines 1.1 and 1.4). General English words only, the same for every article."""
from __future__ import annotations

import re

from extractors.shared.textscan import Overlaps

# The last word of a name -> the organisation subtype it makes ("" : an organisation of no listed subtype).
_LAST_WORD: dict[str, str] = {
    **dict.fromkeys("Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC PLC plc AG GmbH SA NV Group Holdings "
                    "Company Bank Mills Mill Builders Logistics Textiles Foods Stores Works Motors Airlines Airways "
                    "Industries Industry Technologies Systems Energy Oil Gas Telecom Pharmaceuticals Partners "
                    "Capital Investments Insurance Brewery Breweries Mining Minerals Resources Construction "
                    "Enterprises Ventures Shipping Farms Cooperative".split(), "company"),
    **dict.fromkeys("Party Front Movement Congress".split(), "party"),
    **dict.fromkeys("Union Unions Federation Confederation Syndicate".split(), "union"),
    **dict.fromkeys("University College Academy School Polytechnic".split(), "university"),
    **dict.fromkeys("Institute Centre Center Observatory".split(), "think_tank"),
    **dict.fromkeys("Foundation Charity Trust Network Fund Society Initiative Mission".split(), "ngo"),
    **dict.fromkeys("Court Tribunal".split(), "court"),
    **dict.fromkeys("Police Gendarmerie Constabulary".split(), "police"),
    **dict.fromkeys("Ministry Department Commission Council Committee Agency Authority Office Bureau Assembly "
                    "Parliament Senate Cabinet Government Administration Board Secretariat Directorate Treasury "
                    "Presidency House".split(), "government"),
    **dict.fromkeys("Army Navy Forces Force Guard Brigade Battalion Regiment Corps".split(), "military"),
    **dict.fromkeys("News Times Post Journal Herald Tribune Gazette Ledger Chronicle Standard Observer Courier "
                    "Television Radio Broadcasting TV Media".split(), "media"),
    **dict.fromkeys("Wire Newswire Press".split(), "news_agency"),
    **dict.fromkeys("FC F.C. United Rovers Rangers Stars Wanderers Athletic Athletics City Town Warriors Lions "
                    "Eagles Tigers Sharks Hotspur Dynamos".split(), "sports_team"),
}
# First words of "X of Y" organisation names -> subtype ("Ministry of Lighthouses", "University of Tolu").
_HEAD_OF: dict[str, str] = {
    **dict.fromkeys("Ministry Department Commission Council Committee Office Bureau Board Secretariat".split(),
                    "government"),
    **dict.fromkeys("University College Academy School".split(), "university"),
    "Institute": "think_tank", "Centre": "think_tank", "Center": "think_tank", "Centro": "think_tank",
    "Court": "court", "Federation": "union", "Union": "union", "Bank": "company", "Association": "",
}
# Last words of names of contests, prizes and occasions: neither a person nor an organisation.
OCCASION_HEADS = frozenset("Cup Trophy Championship Championships Tournament Games Olympics Open Prize Award Awards "
                           "Festival Summit Conference Day Week Marathon Derby Series Grand Prix Expo".split())
# Last words that make an organisation only after at least one other word ("Kelo Town", not "Town").
_TEAM_ONLY = frozenset({"City", "Town", "United"})


def ends_as_org(words: list[str]) -> bool:
    """Whether a name of two or more words ends in a word that makes an organisation ("... Union").

    >>> ends_as_org(["Tolu", "Workers'", "Union"]), ends_as_org(["Centro", "de", "Estudios"])
    (True, False)
    """
    return len(words) >= 2 and words[-1].rstrip(".,") in _LAST_WORD and words[-1] not in _TEAM_ONLY


def is_org_name(words: list[str]) -> bool:
    """Whether a name of two or more words is an organisation by its last or first word.

    >>> is_org_name(["Velmara", "Cotton", "Mills"]), is_org_name(["Ana", "Ruiz"]), is_org_name(["Centro", "de", "Arte"])
    (True, False, True)
    """
    if len(words) < 2:
        return False
    if any(w in ("of", "de", "for") for w in words):  # "Tolu College of Health Sciences"
        head = words[:[i for i, w in enumerate(words) if w in ("of", "de", "for")][0]]
        if head and (head[-1] in _LAST_WORD or head[-1] in _HEAD_OF):
            return True
    return words[-1].rstrip(".,") in _LAST_WORD or words[0] in _HEAD_OF


def org_subtype(name: str) -> str | None:
    """The subtype of an organisation by its name's head, or None when no head says it.

    >>> org_subtype("Tolu Wanderers"), org_subtype("Ministry of Lighthouses"), org_subtype("Acme")
    ('sports_team', 'government', None)
    """
    words = name.replace("’s", "").replace("'s", "").split()
    if not words:
        return None
    if len(words) >= 3 and words[1] in ("of", "de", "for") and words[0] in _HEAD_OF:
        return _HEAD_OF[words[0]] or None
    last = words[-1].rstrip(".,")
    if last in _TEAM_ONLY and len(words) < 2:
        return None
    return _LAST_WORD.get(last) or _HEAD_OF.get(words[0]) or None


# Plural nouns for people that news names as a collective actor of its own (guidelines 1.2: "other
# collectives ... get their own actor", PER subtype group): general English, one actor per noun per article.
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """officials supporters workers residents voters analysts economists protesters demonstrators strikers students
    teachers nurses doctors farmers traders families parents villagers miners investors journalists reporters
    spectators fans volunteers rescuers passengers patients victims survivors experts lawyers activists critics
    opponents refugees migrants candidates soldiers detainees pupils shoppers drivers fishermen
    crews midwives dockworkers contractors relatives mourners pilgrims tourists settlers rebels militants
    gunmen suspects protestors""".split()
)
# Lower-case nouns of organisations acting as a body or a set ("police said", "employers must ..."):
# noun -> (type, subtype), one actor per noun per article like the collectives of people.
BODY_NOUNS: dict[str, tuple[str, str]] = {
    "police": ("ORG", "police"), "army": ("ORG", "military"), "military": ("ORG", "military"),
    **dict.fromkeys(("employers", "manufacturers", "companies", "firms", "banks", "airlines", "unions",
                     "insurers", "lenders", "retailers", "carmakers", "exporters", "importers"),
                    ("ORG", "group_of_organisations")),
}
_PEOPLE_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted({*PEOPLE_NOUNS, *BODY_NOUNS}, key=len, reverse=True))
                        + r")(?![\w-])", re.IGNORECASE)


# Version 4 (``speaker_nouns``): plural nouns of the members or staff of a body, and of elders, that
# speak as a collective ("..., staff said"; guidelines 5 l).
PEOPLE_NOUNS_V4: frozenset[str] = frozenset("staff employees delegates elders".split())
_PEOPLE_V4_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted({*PEOPLE_NOUNS, *BODY_NOUNS, *PEOPLE_NOUNS_V4}, key=len,
                                                              reverse=True)) + r")(?![\w-])", re.IGNORECASE)


def collective_type(noun: str) -> tuple[str, str]:
    """The actor type and subtype of a collective noun of :func:`people_groups`.

    >>> collective_type("voters"), collective_type("police")
    (('PER', 'group'), ('ORG', 'police'))
    """
    return BODY_NOUNS.get(noun, ("PER", "group"))


def people_groups(text: str, taken: list[tuple[int, int]], v4: bool = False) -> dict[str, list[tuple[int, int]]]:
    """Version 2: the collectives of people an article names by a plural noun ("officials", "voters"),
    noun (lower case) -> its spans, leaving out spans that overlap ``taken`` (mentions found otherwise).

    >>> people_groups("Voters queued. Officials said voters were calm.", [(15, 24)])
    {'voters': [(0, 6), (30, 36)]}
    >>> people_groups("The ward opened, staff said.", [], v4=True)
    {'staff': [(17, 22)]}
    """
    out: dict[str, list[tuple[int, int]]] = {}
    spans = Overlaps(taken)  # indexed once: a scan per match was quadratic
    for m in (_PEOPLE_V4_RE if v4 else _PEOPLE_RE).finditer(text):
        if spans.any(m.start(), m.end()):
            continue
        out.setdefault(m.group().lower(), []).append(m.span())
    return out
