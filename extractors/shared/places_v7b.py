"""Version 7, round 2: place names standing for a government, and bare service nouns, for both offline
extractors (switches ``government_places`` and ``service_places`` of :mod:`extractors.shared.profile`).

* ``government_places`` (guidelines 1.4 "Governments below the state"): where the name of a province,
  county or city stands for its government ("the mayor of X", "X's governor", "the X county council"),
  it is a mention of the government actor, not of the place: its mention leaves the location.
* ``service_places`` (guidelines 1.3 "Places without a definite referent"): a bare place noun without an
  article that names a condition or a service ("was treated in hospital", "taken to hospital", "sent to
  prison") is no location unless the text places it ("taken to hospital in X").
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable, Mapping

# ---------------------------------------------------------------------------------------------
# government_places: a place below the state named for its government (guidelines 1.4)
# ---------------------------------------------------------------------------------------------

# Nouns of a government below the state, its bodies and its office holders (guidelines 1.4 "Governments
# below the state": "the provincial government of Valdera", "Valdera's governor", "the Halden county council").
_GOVERNMENT = ("mayor|governor|regent|premier|government|administration|council|councillors|councilors|"
               "municipality|legislature|assembly|minister|ministry|cabinet|executive")
_ADMIN = "state|provincial|province|county|city|municipal|district|regional|town"
# "the mayor of X", "the government of India's X state" (not "in the municipality of X": the territory).
_OFFICE_OF_RE = re.compile(rf"(?<!\bin )(?<!\bto )(?<!\bat )\b(?:the|The)[ \t]+(?:[a-z-]+[ \t]+)?(?:{_GOVERNMENT})"
                           r"[ \t]+of[ \t]+(?:[A-Z][\w-]*[’']s[ \t]+)?$")
# "X's mayor", "X's transport minister", "the X county council", "the X state government".
_OFFICE_AFTER_RE = re.compile(rf"(?:[’']s[ \t]+(?:[a-z-]+[ \t]+)?|[ \t]+(?:(?:{_ADMIN})[ \t]+)?)(?:{_GOVERNMENT})\b")
# "the X state police", "X state prosecutors": a body of the government of a place with its administrative word.
_BODY_AFTER_RE = re.compile(r"[ \t]+(?:police|prosecutors?|prosecutor's|officials|authorities)\b")


def government_places(text: str, locations: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Take out of ``locations`` the name mentions of places below the state that stand for their
    government (an actor, guidelines 1.4), and the places left with no mention; returns the spans taken.
    A country named so is the state acting, which version 2 already tells apart (1.2).

    >>> text = "Floods hit Tolu. The mayor of Tolu and Varo's governor met in Varo."
    >>> locs = [{"id": "l1", "name": "Tolu", "subtype": "city", "mentions": [
    ...     {"start": 11, "end": 15, "kind": "name"}, {"start": 30, "end": 34, "kind": "name"}]},
    ...     {"id": "l2", "name": "Varo", "subtype": "city", "mentions": [{"start": 39, "end": 43, "kind": "name"}]}]
    >>> government_places(text, locs), [loc["name"] for loc in locs]
    ([(30, 34), (39, 43)], ['Tolu'])
    """
    taken: list[tuple[int, int]] = []
    for loc in locations:
        if loc.get("subtype") == "country" or loc.get("type") == "FAC":
            continue
        kept = []
        for m in loc["mentions"]:
            if m["kind"] == "name" and _stands_for_government(text, m["start"], m["end"]):
                taken.append((m["start"], m["end"]))
            else:
                kept.append(m)
        loc["mentions"] = kept
    locations[:] = [loc for loc in locations if loc["mentions"]]
    return taken


def _stands_for_government(text: str, start: int, end: int) -> bool:
    """Whether the place name at ``start:end`` names a government: after "the <office> of" or before
    "'s <office>" or "<admin word> <body>"; a name with its administrative word before a body of its
    government ("the X state police")."""
    if _OFFICE_OF_RE.search(text[max(0, start - 60):start]) or _OFFICE_AFTER_RE.match(text, end):
        return True
    return bool(_BODY_AFTER_RE.match(text, end)) and bool(re.search(rf"[ \t](?:{_ADMIN})$", text[start:end]))


# ---------------------------------------------------------------------------------------------
# service_places: "in hospital", "to prison" without an article (guidelines 1.3)
# ---------------------------------------------------------------------------------------------

# Place nouns that English uses without an article for the service or condition they stand for
# ("in hospital", "to prison", "at school", "from college", "in court", "to church").
_SERVICE_NOUNS = frozenset({"hospital", "prison", "jail", "school", "college", "university", "court", "church",
                            "office"})
# A preposition (or "leave") right before the bare noun ("in hospital", "out of prison"): nothing between.
_BARE_BEFORE_RE = re.compile(r"\b(?:in|to|into|from|at|of|out of|leaving|left|leave|leaves)[ \t]+$", re.I)
# After the noun, a preposition of place and a name: the text places it ("taken to hospital in X").
_PLACED_AFTER_RE = re.compile(r"[ \t]+(?:in|at|near|outside)[ \t]+(?:the[ \t]+)?[A-Z]")


def service_places(text: str, facilities: dict[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """The facility nouns of version 2 (noun -> spans) without bare service nouns that the text does
    not place (guidelines 1.3); nouns left with no span are dropped.

    >>> text = "Two men were taken to hospital. A third was flown to hospital in Tolu. The hospital said."
    >>> service_places(text, {"hospital": [(22, 30), (53, 61), (75, 83)]})
    {'hospital': [(53, 61), (75, 83)]}
    """
    out: dict[str, list[tuple[int, int]]] = {}
    for noun, spans in facilities.items():
        kept = [(s, e) for s, e in spans if not _bare_service(text, noun, s, e)]
        if kept:
            out[noun] = kept
    return out


def _bare_service(text: str, noun: str, start: int, end: int) -> bool:
    """Whether the noun at ``start:end`` is a bare service noun right after a preposition that nothing
    after it places."""
    if noun not in _SERVICE_NOUNS or not _BARE_BEFORE_RE.search(text, max(0, start - 12), start):
        return False
    return not _PLACED_AFTER_RE.match(text, end)


# ---------------------------------------------------------------------------------------------
# Name cues of version 7: "X Y-based", "the X-Y road", "the Rio X", "the X valley"
# ---------------------------------------------------------------------------------------------

_CAP = r"[A-Z][a-zA-Z'’áéíóúñãõçâêôüÁÉÍÓÚ]+"
# A name opens at a word's start, not after a letter's apostrophe ("O'Brien" from its "O" only): read from
# each capital of a long run of letters and apostrophes, a pattern would scan to the run's end each time.
_WORD_START = r"(?<![\w-])(?<![\w'’]['’])"
# A name of two or three capitalised words before "-based", "-born" (guidelines 1.4 "Place names inside
# adjectives": the whole name, "a Porto Viso-based group"); version 2 took only the last word.
_BASED_RE = re.compile(rf"{_WORD_START}(?P<name>{_CAP}(?:[ \t]+{_CAP}){{1,2}})-(?:based|born|bound|headquartered|"
                       r"registered|listed)\b")
# Two names joined by a hyphen before a noun of a line or a link between places ("the X-Y road", "the
# X-Y border"): each name is a place (guidelines 1.4 "Kenya-Uganda border"); version 2 read one word.
_PAIR_RE = re.compile(rf"{_WORD_START}(?P<a>{_CAP})-(?P<b>{_CAP})[ \t]+(?:road|highway|motorway|railway|rail|line|"
                      r"route|border|frontier|corridor|pipeline|expressway|bridge|crossing|section|stretch)s?\b")
# A river or lake named by a Spanish, Portuguese or Italian head after "the" ("the Rio X", "the Río de X",
# "the Lago X"): towns of the same form take no article ("in Rio X").
_WATER_HEADS = {"Rio": "river", "Río": "river", "Estero": "river", "Arroyo": "river", "Lago": "lake",
                "Laguna": "lake", "Lagoa": "lake"}
_WATER_RE = re.compile(rf"\b(?:the|The)[ \t]+(?P<name>(?:{'|'.join(_WATER_HEADS)})[ \t]+"
                       rf"(?:(?:de|del|da|das|do|dos|di|la|las|los|el)[ \t]+)?{_CAP}(?:[ \t]+{_CAP})?)\b")
# A capitalised name before a lower-case head of a natural feature or a reservoir, after "the" and at most
# one modifier ("the upper X valley", "the X reservoir"): the head belongs to the name (guidelines 1.3).
_FEATURES = {**dict.fromkeys("valley river lake lagoon delta basin plateau gorge estuary creek".split(), "LOC"),
             "reservoir": "FAC"}
_FEATURE_RE = re.compile(rf"\b(?:the|The)[ \t]+(?:[a-z]+[ \t]+)?(?P<name>{_CAP}[ \t]+"
                         rf"(?P<head>{'|'.join(_FEATURES)}))\b(?![ \t]+[A-Z])")
# A name before a noun of a quarter that is no political unit ("the X industrial district", "the X
# neighbourhood"): a LOC region (guidelines 1.3 subtypes: "a district or quarter that is no political unit
# (a neighbourhood, an old town) LOC region"); "X district" alone is an administrative one (GPE).
_QUARTER_RE = re.compile(rf"{_WORD_START}(?P<name>{_CAP}(?:[ \t]+{_CAP})?)[ \t]+(?:(?:industrial|residential|business|"
                         r"commercial|financial|shopping)[ \t]+(?:district|area|zone|estate|park|hub)|neighbourhood|"
                         r"neighborhood|quarter|slum|shantytown|favela)\b")
_OPENERS = frozenset("The A An In On At For From To With By As After Before During While When But And Or If "
                     "This That These Those Its His Her Their Our".split())


def name_cues(text: str, profile: Any, gazetteer: Mapping[str, Any],
              demonyms: Mapping[str, str]) -> list[Any]:
    """Version 7: the place cues of switches ``based_names``, ``hyphen_pairs``, ``water_names`` and ``quarter_names`` in
    ``text`` (:class:`extractors.shared.context.CuePlace`; a name the gazetteer knows keeps its entry).

    >>> cues = name_cues("a Porto Viso-based group fished the Rio das Pedras near the Tolu-Varo road.",
    ...                  type("P", (), {"based_names": True, "hyphen_pairs": True, "water_names": True}), {}, {})
    >>> sorted(("a Porto Viso-based group fished the Rio das Pedras near the Tolu-Varo road."[c.start:c.end], c.type)
    ...        for c in cues)
    [('Porto Viso', 'GPE'), ('Rio das Pedras', 'LOC'), ('Tolu', 'GPE'), ('Varo', 'GPE')]
    """
    from extractors.shared.context import CuePlace  # context imports this module's neighbours

    def cue(start: int, end: int, type_: str, subtype: str) -> Any:
        name = text[start:end]
        known = name in gazetteer
        return CuePlace(start, end, type_, subtype, canonical=name if known and type_ == "GPE" else None)

    out = []
    if getattr(profile, "based_names", False):
        for m in _BASED_RE.finditer(text):
            start, words = m.start("name"), m.group("name").split()
            while words and words[0] in _OPENERS:  # "The Porto Viso-based group": the name starts after it
                start = text.index(words[1], start) if len(words) > 1 else m.end("name")
                words = words[1:]
            if len(words) > 1:
                out.append(cue(start, m.end("name"), "GPE", "city"))
    if getattr(profile, "hyphen_pairs", False):
        for m in _PAIR_RE.finditer(text):
            out += [cue(*m.span(g), "GPE", "city") for g in ("a", "b") if m.group(g) not in demonyms]
    if getattr(profile, "water_names", False):
        out += [cue(*m.span("name"), "LOC", _WATER_HEADS[m.group("name").split()[0]]) for m in _WATER_RE.finditer(text)]
        for m in _FEATURE_RE.finditer(text):
            first = m.group("name").split()[0]
            if first not in _OPENERS and first not in demonyms:
                out.append(cue(*m.span("name"), _FEATURES[m.group("head")], m.group("head")))
    if getattr(profile, "quarter_names", False):
        for m in _QUARTER_RE.finditer(text):
            start, end = m.span("name")
            if text[start:end].split()[0] in _OPENERS:  # "The X neighbourhood": the name starts after it
                start = text.find(" ", start, end) + 1
                if start == 0:
                    continue
            name = text[start:end]
            if name not in gazetteer and name.split()[-1] not in demonyms:  # a known town's quarter is the town's
                out.append(cue(start, end, "LOC", "region"))
    return out


def name_cue_finder(lex: Any) -> Callable[[str, list[Any]], list[Any]] | None:
    """The finder of version 7 name cues for :func:`extractors.shared.context.cue_places` of an extractor's
    lexicons (``profile``, ``gazetteer``, ``demonyms``): version 2's cues -> the cues to keep, or None when
    none of its switches is on."""
    profile = lex.profile
    if not (profile.based_names or profile.hyphen_pairs or profile.water_names or profile.whole_words
            or profile.quarter_names):
        return None

    def finder(text: str, found: list[Any]) -> list[Any]:
        if profile.whole_words:
            found = [whole_word(text, c) for c in found]
        return found + name_cues(text, profile, lex.gazetteer, lex.demonyms)
    return finder


def whole_word(text: str, cue: Any) -> Any:
    """Version 7 (``whole_words``): a cue widened to the end of its last word: version 2's patterns know
    only unaccented letters, so "the town of Arañuelo" stopped before the "ñ" (a bug).

    >>> from extractors.shared.context import CuePlace
    >>> text = "the town of Peñalolén"
    >>> cue = whole_word(text, CuePlace(12, 15, "GPE", "city"))
    >>> text[cue.start:cue.end]
    'Peñalolén'
    """
    end = cue.end
    while end < len(text) and text[end].isalpha():
        end += 1
    return cue if end == cue.end else replace(cue, end=end)



def head_facilities(text: str, facilities: dict[str, list[tuple[int, int]]],
                    verbs: Mapping[str, Any]) -> dict[str, list[tuple[int, int]]]:
    """Version 7 (``modifier_facilities``): the facility nouns of version 2 (noun -> spans) that head their noun
    phrase: a noun before another noun modifies it and names no place ("school fees", "a port city", "a hospital
    chaplain"; guidelines 1.3: a place mentioned as a place); nouns left with no span are dropped.

    >>> text = "She paid school fees. The school closed; the port city grew."
    >>> head_facilities(text, {"school": [(9, 15), (26, 32)], "port": [(46, 50)]}, {"closed": ("close", "X")})
    {'school': [(26, 32)]}
    """
    from extractors.shared.places_v7 import heads_phrase  # the head test of placed_facilities

    out: dict[str, list[tuple[int, int]]] = {}
    for noun, spans in facilities.items():
        kept = [(s, e) for s, e in spans if heads_phrase(text, e, verbs) or _ADVERB_AFTER_RE.match(text, e)]
        if kept:
            out[noun] = kept
    return out


# An adverb after the noun ends its phrase ("outside the capitol shortly after noon").
_ADVERB_AFTER_RE = re.compile(r"[ \t]+[a-z]+ly\b")


# A preposition of place and a capitalised name right after a facility noun ("the office in X").
_AT_NAME_RE = re.compile(r"[ \t]+(?:in|at|near|outside)[ \t]+(?:the[ \t]+(?:town|city|village|district)[ \t]+of[ \t]+)?"
                         r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?)")


def placed_groups(text: str, nominal: list[tuple[dict[str, Any], list[tuple[int, int]]]]
                  ) -> list[tuple[dict[str, Any], list[tuple[int, int]]]]:
    """Version 7 (``placed_groups``): version 2's facilities (one per noun) split by the places the text puts
    them at: "the office in X ... the office in Y" are two offices (guidelines 0: one item per place); a
    mention the text does not place joins the group of the last placed one before it (the first group
    before any).

    >>> text = "An office in Tolu opened. The office in Varo shut. The office hired staff."
    >>> [(f["name"], spans) for f, spans in placed_groups(text, [({"name": "office"}, [(3, 9), (30, 36), (55, 61)])])]
    [('office', [(3, 9)]), ('office', [(30, 36), (55, 61)])]
    """
    out = []
    for fields, spans in nominal:
        groups: dict[str, list[tuple[int, int]]] = {}
        current: str | None = None
        for s, e in sorted(spans):
            m = _AT_NAME_RE.match(text, e)
            current = m.group("name") if m else current
            groups.setdefault(current or "", []).append((s, e))
        if "" in groups and len(groups) > 1:  # mentions before any placed one join the first place
            first = next(k for k in groups if k)
            groups[first] = sorted(groups.pop("") + groups[first])
        out.extend((dict(fields), g) for g in groups.values())
    return out
