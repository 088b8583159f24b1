"""Places found by the words around a name, for version 2 of both offline extractors (general English
cues, no gazetteer needed): "the town of X", "the province of X, Y and Z", "X province", "X-based",
"X, <Country>", "Lake X", "X River", "X Stadium".

Each cue gives the span of the place name (with a following lower-case administrative word: "Umbeto
province", guidelines 1), its location type and subtype, and the country when the text states it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from extractors.shared.places import Place
from extractors.shared.places_v5 import generic_facility
from extractors.shared.textscan import Overlaps

# At most four hyphened parts ("Guinea-Bissau"): a chain with no end would be read again from each hyphen.
_CAP = r"[A-Z][a-zA-Z'’]+(?:-[A-Z][a-zA-Z'’]+){0,3}"
# A place name: one to three capitalised words ("San Peldo", "North Umbeto"), or such words around a
# lower-case particle ("Bay of Palms" is one name; a hyphenated name is one word already).
NAME = rf"{_CAP}(?:[ \t]+(?:(?:de|del|la|el|do|da|of)[ \t]+)?{_CAP}){{0,2}}"
# A name opens at the start of a word, not after a letter nor after a letter's apostrophe ("O'Brien"), but
# after an opening quote: read from inside a run of letters, a pattern would be tried at every capital of the
# run and scan to its end each time (quadratic time on one long capitalised "word"); a name opening after a
# capital of its own word could never be found anyway, since the match from that capital comes first.
_START = r"(?<![a-zA-Z])(?<![a-zA-Z'’]['’])"
# At most 31 names: a list with no end would be read again from each of its names.
_LIST = rf"(?P<list>{NAME}(?:,[ \t]+{NAME}){{0,30}}(?:,?[ \t]+and[ \t]+{NAME})?)"

# Nouns before "of X" that say what kind of place X is.
_KIND_OF = {"town": "city", "city": "city", "village": "city", "port": "city", "capital": "city", "suburb": "city",
            "township": "city", "municipality": "city", "hamlet": "city", "province": "province",
            "state": "province", "district": "province", "county": "province", "region": "region",
            "districts": "province", "provinces": "province", "towns": "city", "villages": "city",
            "cities": "city", "states": "province", "regions": "region", "counties": "province",
            "island": "region", "islands": "region"}
# Lower-case administrative words after a name; singular ones belong to the name's span.
_ADMIN_AFTER = {"province": "province", "state": "province", "region": "region", "district": "province",
                "county": "province", "oblast": "province", "prefecture": "province", "governorate": "province",
                "department": "province", "municipality": "city"}
_ADMIN_PLURAL = {"provinces": "province", "states": "province", "regions": "region", "districts": "province",
                 "counties": "province"}
# Capitalised heads that make a geographic area (LOC) or a facility (FAC) of the name they end or open.
_LOC_HEADS = "River|Lake|Mountains|Mountain|Valley|Desert|Sea|Ocean|Bay|Coast|Delta|Plateau|Peninsula|Gulf|Hills"
_FAC_HEADS = ("Stadium|Airport|Hospital|Prison|Bridge|Station|Square|Market|Road|Street|Avenue|Way|Highway|Dam|"
              "Mine|Capitol|Arena|Terminal|Harbour|Harbor|Barracks|Base")

_OF_RE = re.compile(rf"\b(?P<kind>{'|'.join(_KIND_OF)})[ \t]+of[ \t]+{_LIST}")
_ADMIN_RE = re.compile(rf"{_START}(?P<name>{NAME})[ \t]+(?P<admin>{'|'.join(_ADMIN_AFTER)})\b")
_ADMIN_LIST_RE = re.compile(rf"{_START}{_LIST}[ \t]+(?P<admin>{'|'.join(_ADMIN_PLURAL)})\b")
_ADJ_RE = re.compile(rf"(?<![\w-]){_START}(?P<name>{_CAP})-(?:based|born|bound|headquartered|registered|listed)\b")
_LOC_BEFORE_RE = re.compile(rf"\b(?P<name>(?:Lake|Mount|Mt\.|Gulf[ \t]+of|Bay[ \t]+of)[ \t]+{_CAP}(?:[ \t]+{_CAP})?)")
# not when another capitalised word follows: "Tana Valley College" is an organisation
_LOC_AFTER_RE = re.compile(rf"{_START}(?P<name>{NAME}[ \t]+(?:{_LOC_HEADS}))\b(?![ \t]+[A-Z])")
_FAC_RE = re.compile(rf"{_START}(?P<name>{NAME}[ \t]+(?:{_FAC_HEADS}))\b(?![ \t]+[A-Z])")
_CITY_RE = re.compile(rf"{_START}(?P<name>{_CAP}[ \t]+City)\b")
# Version 4: more capitalised geographic heads after a name ("Tolo Island", "Varo Channel", "Kesto County").
_LOC_HEADS_V4 = "Island|Islands|Channel|Strait|Straits|Lagoon|Reef|Peninsula|Cape|Glacier|Canyon|Forest|Basin"
_LOC_AFTER_V4_RE = re.compile(rf"{_START}(?P<name>{NAME}[ \t]+(?:{_LOC_HEADS_V4}))\b(?![ \t]+[A-Z])")
_COUNTY_RE = re.compile(rf"{_START}(?P<name>{NAME}[ \t]+(?:County|Province|District|Prefecture|Governorate))\b(?![ \t]+[A-Z])")
# "X, Country" and a dateline "X, Country," or "X (Country)"; a dateline's place is at most 42 letters
# long, so that a long run of capitals is not read again from each of its words
_COMMA_COUNTRY_RE = re.compile(rf"{_START}(?P<name>{NAME}|[A-Z][A-Z'’. -]{{0,40}}[A-Z]),[ \t]+(?P<country>{NAME})\b")
_SENTENCE_OPENERS = frozenset("The A An In On At For From To With By As After Before During While When But And "
                              "Or If This That These Those Its His Her Their Our".split())


@dataclass(frozen=True)
class CuePlace:
    """A place a context cue names: its span, location type and subtype, and country if stated."""

    start: int
    end: int
    type: str  # GPE, LOC, FAC
    subtype: str
    country: str | None = None
    canonical: str | None = None  # version 5: the country a demonym names ("Brazilian" -> "Brazil")

    def place(self, text: str, known: Place | None = None) -> Place:
        """A gazetteer entry for the place (the gazetteer's own when it knows the name and type)."""
        if self.canonical is not None:  # version 5: a demonym standing for its country's territory
            return known or Place(self.canonical, "GPE", "country", self.country, None, 0)
        if known is not None and (known.type, known.subtype) != ("GPE", "country") and self.type == "GPE":
            return known
        name = " ".join(text[self.start:self.end].split())
        if name.isupper():  # a dateline: "LIMA"
            name = name.title()
        if self.subtype == "province" and " " in name:
            head, _, last = name.rpartition(" ")
            name = f"{head} {last.capitalize()}"
        return Place(name, self.type, self.subtype, self.country, None, 0)  # type: ignore[arg-type]


def _names(text: str, m: re.Match[str], group: str = "list") -> list[tuple[int, int]]:
    """The spans of the names of a list group ("A, B and C")."""
    start = m.start(group)
    return [(start + n.start(), start + n.end()) for n in re.finditer(NAME, m.group(group))
            if n.group() not in _SENTENCE_OPENERS]


def cue_places(text: str, countries: dict[str, str], v4: bool = False,
               demonyms: dict[str, str] | None = None,
               extra: Callable[[str, list[CuePlace]], list[CuePlace]] | None = None) -> list[CuePlace]:
    """Every place a context cue names in ``text``, sorted, without overlaps (the longer span wins).

    Args:
        countries: a country's name or short form -> its ISO 3166-1 alpha-2 code.
        v4: version 4 (``place_heads``): islands, channels, straits and other geographic heads, and
            capitalised administrative heads ("Kesto County").
        extra: version 7 (:func:`extractors.shared.places_v7b.name_cue_finder`): the cues found so far ->
            the cues to keep, before overlaps are resolved (a longer span wins: "Porto Viso-based" over "Viso-based").
        demonyms: version 5 (``demonym_places``, :func:`demonym_cues`): a demonym before a
            place head is its country as a location, and a possessor is no part of a cue's span.

    >>> text = "in the town of Tolu, a Ruvo-based firm"
    >>> [(text[p.start:p.end], p.subtype) for p in cue_places(text, {})]
    [('Tolu', 'city'), ('Ruvo', 'city')]
    >>> text = "in Umbeto county and Kelo, Varin and Osse districts"
    >>> [text[p.start:p.end] for p in cue_places(text, {})]
    ['Umbeto county', 'Kelo', 'Varin', 'Osse']
    """
    found: list[CuePlace] = []
    for m in _OF_RE.finditer(text):
        subtype = _KIND_OF[m.group("kind")]
        found.extend(CuePlace(s, e, "GPE", subtype) for s, e in _names(text, m))
    for m in _ADMIN_RE.finditer(text):
        if m.group("name") not in _SENTENCE_OPENERS:
            found.append(CuePlace(m.start("name"), m.end("admin"), "GPE", _ADMIN_AFTER[m.group("admin")]))
    for m in _ADMIN_LIST_RE.finditer(text):
        found.extend(CuePlace(s, e, "GPE", _ADMIN_PLURAL[m.group("admin")]) for s, e in _names(text, m))
    for m in _ADJ_RE.finditer(text):
        found.append(CuePlace(m.start("name"), m.end("name"), "GPE", "city"))
    patterns = [(_LOC_BEFORE_RE, "LOC", "region"), (_LOC_AFTER_RE, "LOC", "region"), (_FAC_RE, "FAC", "facility"),
                (_CITY_RE, "GPE", "city")]
    if v4:
        patterns += [(_LOC_AFTER_V4_RE, "LOC", "region"), (_COUNTY_RE, "GPE", "province")]
    for pattern, type_, subtype in patterns:
        for m in pattern.finditer(text):
            start = m.start("name")
            first = text[start:m.end("name")].split()[0]
            if first in _SENTENCE_OPENERS:  # "The Tana River": the name starts after the article
                start = text.index(" ", start) + 1
            found.append(CuePlace(start, m.end("name"), type_, subtype))
    for m in _COMMA_COUNTRY_RE.finditer(text):
        iso = countries.get(m.group("country"))
        name = m.group("name")
        if iso is not None and name not in _SENTENCE_OPENERS and name not in countries and name.title() not in countries:
            found.append(CuePlace(m.start("name"), m.end("name"), "GPE", "city", iso))
    if extra is not None:  # version 7: "X Y-based", "the X-Y road", "the Rio X", "the X valley"; whole words
        found = extra(text, found)
    if demonyms is not None:
        found = demonym_cues(text, found, demonyms)
    return _without_overlaps(found)


# ---------------------------------------------------------------------------------------------
# demonym_places: "the Kenyan capital", "the Brazilian state of X", "India's X state" (guidelines 1.4)
# ---------------------------------------------------------------------------------------------

# Lower-case heads of places after a demonym: the demonym names the territory they lie in (1.4 "the
# Kenyan capital", "the Chilean coast", "the Nigerian border" -> location). An administrative noun counts
# only before "of" or in the plural ("the Brazilian state of X", "Mexican states"): "the Peruvian state"
# alone is the state acting (1.4).
_TERRITORY_HEADS = ("capital|coast|coastline|border|borders|mainland|countryside|interior|territory|soil|waters|"
                    "airspace|north|south|east|west|northeast|northwest|southeast|southwest|"
                    "states|provinces|regions|districts|counties|cities|towns|villages|islands")
_OF_HEADS = "state|province|region|district|county|city|town|village|port|island|capital"


def demonym_cues(text: str, found: list[CuePlace], demonyms: dict[str, str]) -> list[CuePlace]:
    """Version 5: the cues of :func:`extractors.shared.context.cue_places` with the country a demonym before
    a place head names ("the Brazilian state of X" -> "Brazilian", Brazil), without the cues that took
    such a demonym for a province's name ("Brazilian state"), and with a possessor cut off a cue's span
    ("India's Tolmo state" -> "Tolmo state"; the possessor is a place of its own, 1.2).

    >>> from extractors.shared.context import cue_places
    >>> text = "Talks in the Brazilian state of Tolmo and in India's Varo state"
    >>> [(text[c.start:c.end], c.canonical) for c in cue_places(text, {}, demonyms={"Brazilian": "BR"})]
    [('Brazilian', 'Brazil'), ('Tolmo', None), ('Varo state', None)]
    """
    from extractors.shared.places import country_name, is_plural_demonym

    kept = []
    for cue in found:
        words = text[cue.start:cue.end].split()
        if cue.type == "GPE" and len(words) == 2 and words[0] in demonyms and words[1].islower():
            continue  # "Brazilian state": a demonym, not a province's name
        cut = re.match(r"[A-Z][\w.-]*[’']s[ \t]+(?=[A-Z])", text[cue.start:cue.end])
        kept.append(replace(cue, start=cue.start + cut.end()) if cut else cue)
    for m in _demonym_re(tuple(sorted(demonyms, key=len, reverse=True))).finditer(text):
        word = m.group("dem")
        iso = demonyms[word]
        if is_plural_demonym(word, demonyms) or country_name(iso) is None:
            continue
        kept.append(CuePlace(m.start("dem"), m.end("dem"), "GPE", "country", iso, country_name(iso)))
    return kept


@lru_cache(maxsize=2)
def _demonym_re(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A demonym before a place head ("Kenyan capital", "Brazilian state of")."""
    words = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?P<dem>{words})[ \t]+(?:{_TERRITORY_HEADS}\b|(?:{_OF_HEADS})[ \t]+of\b)")


def _without_overlaps(found: list[CuePlace]) -> list[CuePlace]:
    """The cues sorted by offset; of overlapping ones, the longest (then the first found) is kept."""
    kept: list[CuePlace] = []
    spans: list[tuple[int, int]] = []  # the kept spans, sorted: they never overlap, so their ends are sorted too
    for cue in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect.bisect_left(spans, (cue.end,))  # the kept spans that start before this one ends
        if i == 0 or spans[i - 1][1] <= cue.start:  # the last of them (the furthest end) ends before it starts
            kept.append(cue)
            bisect.insort(spans, (cue.start, cue.end))
    return sorted(kept, key=lambda c: c.start)


# Boilerplate (guidelines 0.4, 1.4): a byline or editing line, the agency slug of a dateline, a photo credit.
_BYLINE_RE = re.compile(r"^\((?:Reporting|Writing|Editing|Additional reporting|Compiled)\b[^\n]*\)[ \t]*$", re.M)
_SLUG_RE = re.compile(r"^[A-Z][A-Z .'’-]+,[^\n(]{0,60}?\((?P<slug>[^)\n]{2,60})\)[ \t]*[-–—]", re.M)
# The blanks after a sentence end are taken whole (possessive): given back one by one to the blanks that may
# open a credit, a long run of them was tried in every split (quadratic), and no split can match otherwise.
_CREDIT_RE = re.compile(r"(?:(?<=[.!?])[ \t]++|^)(?P<credit>(?:Photo|PHOTO|Picture|File photo)?:?[ \t]*"
                        r"[A-Z][A-Za-z]*/[^\n]+|\((?:[A-Z][A-Za-z]+)/[^)\n]+\)|(?:Photo|PHOTO)[ \t]*:)[ \t]*$", re.M)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans that are boilerplate, not content: bylines, a dateline's agency slug, photo credits and the
    "PHOTO:" label of a caption.

    >>> text = "LIMA, Peru, May 1 (Pelo Wire) - Rain fell.\\nPHOTO: Rain. AFP/Ana Ruiz\\n(Reporting by Jo Ode)"
    >>> [text[s:e] for s, e in boilerplate_spans(text)]
    ['Pelo Wire', 'AFP/Ana Ruiz', '(Reporting by Jo Ode)', 'PHOTO:']
    """
    spans = [(m.start("slug"), m.end("slug")) for m in _SLUG_RE.finditer(text)]
    spans += [(m.start("credit"), m.end("credit")) for m in _CREDIT_RE.finditer(text)]
    spans += [m.span() for m in _BYLINE_RE.finditer(text)]
    spans += [(m.start(), m.start() + len(m.group(1))) for m in re.finditer(r"^((?:PHOTO|Photo|CAPTION):)", text, re.M)]
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of ``spans``.

    >>> inside([(0, 5)], 1, 3), inside([(0, 5)], 4, 7)
    (True, False)
    """
    return any(s <= start and end <= e for s, e in spans)


# Common nouns of facilities: an unnamed building or site where something is or happens is a FAC
# location (guidelines 1.3, 1.4), its head noun a nominal mention; one location per noun per article.
FACILITY_NOUNS: dict[str, str] = {
    **dict.fromkeys("mill mills factory factories plant plants mine mines refinery warehouse workshop".split(), "plant"),
    **dict.fromkeys("hospital hospitals clinic clinics ward".split(), "hospital"),
    **dict.fromkeys("school schools classroom college campus".split(), "school"),
    **dict.fromkeys("stadium arena pitch".split(), "stadium"),
    **dict.fromkeys("airport port harbour harbor".split(), "airport"),
    **dict.fromkeys("prison jail".split(), "prison"),
    **dict.fromkeys("hotel office offices headquarters building buildings capitol courthouse embassy church "
                    "churches mosque mosques station stations highway bridge camp camps site "
                    "sites".split(), "building"),
}
# Words before a facility noun that make it a post or an abstraction, not a place ("took office").
NOT_A_PLACE_BEFORE = frozenset("took take takes taking taken leave left leaving seek sought run ran remain remained "
                               "his her their its of".split())
_FACILITY_RE = re.compile(r"(?<![\w-])(" + "|".join(sorted(FACILITY_NOUNS, key=len, reverse=True)) + r")(?![\w-])")


def facility_mentions(text: str, taken: list[tuple[int, int]], generic: bool = False) -> dict[str, list[tuple[int, int]]]:
    """Version 2: the unnamed facilities an article names by a lower-case head noun, noun -> spans,
    without spans that overlap ``taken`` (names found otherwise); version 5 (``generic``: the switch
    ``generic_facilities``) leaves out modifier nouns and bare plurals of no definite place
    (:func:`extractors.shared.places_v5.generic_facility`).

    >>> facility_mentions("Workers left the mill. The mill closed.", [])
    {'mill': [(17, 21), (27, 31)]}
    """
    out: dict[str, list[tuple[int, int]]] = {}
    spans = Overlaps(taken)  # indexed once: a scan per match was quadratic
    for m in _FACILITY_RE.finditer(text):
        previous = text[max(0, m.start() - 12):m.start()].split()[-1:]
        if previous and previous[0].lower() in NOT_A_PLACE_BEFORE:
            continue  # "took office", "the power plant's output"
        if generic and generic_facility(text, m.start(), m.end()):
            continue  # version 5: "a hospital spokeswoman", "teams will visit schools"
        if not spans.any(m.start(), m.end()):
            out.setdefault(m.group(), []).append(m.span())
    return out


def facility_fields(noun: str) -> dict[str, str]:
    """A facility location's fields from its noun.

    >>> facility_fields("mills")["subtype"]
    'plant'
    """
    return {"name": noun, "type": "FAC", "subtype": FACILITY_NOUNS[noun]}
