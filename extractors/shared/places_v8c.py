"""Version 8 (``placed_persons``): a name the rules extractor would take for a person, which stands where a
place does and never where a person does, is a place.

The rules extractor types a run of capitalised words that no gazetteer, title or organisation's head
explains as a person (two to four words) or as a lone word that may shorten a person's name. In news of
other regions most such names are towns, districts and quarters the gazetteer lacks ("fishermen in Tolu
Bay", "a queue outside Ruvo", "the clinic in Osse"): guidelines 1.3 annotate every place mentioned as a
place, and the spaCy extractor has made such names places since version 4 (``place_names``). Here a
surface is a place when some mention of it is the object of a preposition of place ("in", "near",
"outside", "inside", "around", "across", "throughout"), or follows such a name in a list ("across A, B and
C"), and no other mention stands where a person does: after a title, before a verb of speech or ", who",
before an age ("X, 54,"), a possessive, or as a later word of a longer person's name. "In" after a noun of
a feeling, thought, quality, possession or act ("confidence in X", "a stake in X", "investment in X") is
no place.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterable

from extractors.shared.places import Place
from extractors.shared.wordnet import lexname, senses

_PLACE_PREP_RE = re.compile(r"(?:^|[^\w’'-])(?P<before>[A-Za-z]+[ \t]+)?(?:in|near|outside|inside|around|across|"
                            r"throughout)[ \t]+$")
# Between two names of a list: a comma, "and" or "or".
_LIST_GAP_RE = re.compile(r"(?:,[ \t]*|,?[ \t]+(?:and|or)[ \t]+)")
# After a person: a verb of speech, ", who", an age, a possessive.
_PERSON_AFTER_RE = re.compile(r"(?:[ \t]+(?:said|says|told|added|asked|explained|wrote|stated|argued|noted)\b"
                              r"|,[ \t]+(?:who|whose|\d{1,3}\b)|[’']s\b)")
# Nouns of a feeling, thought, quality or state before "in": "confidence in X" names no place.
_NOT_PLACE_LEXNAMES = frozenset({"noun.feeling", "noun.cognition", "noun.attribute", "noun.state", "noun.motive",
                                 "noun.possession", "noun.act"})


def placed_persons(text: str, candidates: list[Any]) -> list[Any]:
    """The candidates with every person candidate of a placed surface made a place (a city of no country).

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class C:
    ...     start: int; end: int; text: str; type: str; title: str | None = None; place: Any = None
    >>> text = "Nurses in Osse struck. Ana Dede said Osse needs help. Trust in Ruto fell. Ruto said no."
    >>> out = placed_persons(text, [C(10, 14, "Osse", "PER"), C(23, 31, "Ana Dede", "PER"),
    ...                             C(37, 41, "Osse", "PER"), C(63, 67, "Ruto", "PER"), C(74, 78, "Ruto", "PER")])
    >>> [(c.text, c.type) for c in out]
    [('Osse', 'LOC'), ('Ana Dede', 'PER'), ('Osse', 'LOC'), ('Ruto', 'PER'), ('Ruto', 'PER')]
    """
    persons = [c for c in candidates if c.type == "PER"]
    spans = _placed(text, candidates)
    if not spans:
        return candidates
    placed = {c.text for c in persons if (c.start, c.end) in spans}
    places = placed - _person_surfaces(text, [c for c in persons if (c.start, c.end) not in spans])
    return [_as_place(c) if c.type == "PER" and c.text in places else c for c in candidates]


def _as_place(candidate: Any) -> Any:
    """A person candidate made a place: a town the gazetteer lacks (1.3: a town is ``GPE`` ``city``)."""
    fields = {"type": "LOC", "place": Place(candidate.text, "GPE", "city", None, None, 0)}
    if hasattr(candidate, "single"):
        fields["single"] = False  # a lone word is kept only to shorten a person's name
    return replace(candidate, **fields)


def _placed(text: str, candidates: list[Any]) -> set[tuple[int, int]]:
    """The spans of the person candidates that follow a preposition of place, or a comma or "and" after
    such a name in a list ("across Osse, Tolu and Ruvo")."""
    out: set[tuple[int, int]] = set()
    previous: Any = None
    for c in candidates:
        here = (previous is not None and _LIST_GAP_RE.fullmatch(text, previous.end, c.start) is not None) \
            or _after_place_preposition(text, c.start)
        if here and c.type == "PER" and c.title is None:
            out.add((c.start, c.end))
        previous = c if here and c.type == "PER" else None
    return out


def _after_place_preposition(text: str, start: int) -> bool:
    """Whether a preposition of place stands right before ``start``, not after a noun of a feeling or a
    thought ("confidence in X")."""
    m = _PLACE_PREP_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    before = (m.group("before") or "").strip().lower()
    first = senses(before, "n")[:1] if before else ()
    return not (first and lexname(first[0]) in _NOT_PLACE_LEXNAMES)


def _person_surfaces(text: str, persons: Iterable[Any]) -> set[str]:
    """The surfaces that stand where a person does at least once, and the words of longer persons' names
    (of the mentions that stand where no place does: "police in X said" is no person X)."""
    out: set[str] = set()
    for c in persons:
        words = c.text.split()
        if len(words) > 1:
            out.update(words[1:])  # a surname: "Ana Osse" makes "Osse" a person
        if c.title is not None or _PERSON_AFTER_RE.match(text, c.end):
            out.add(c.text)
    return out
