"""Version 7 (``unplaced_names``, ``spacy``): a name spaCy labels GPE that no gazetteer knows and that the
text never places is no location.

spaCy's small model labels GPE many capitalised words that are no place in news of other regions:
surnames and given names it does not know ("Ndaba", "Olu Ade"), the words of foreign organisation names
("Universidad", "Fundación"), offices ("Treasury"). Guidelines 1.3 annotate a place mentioned *as a place*:
a real town the gazetteer lacks is still named where a place stands somewhere in the article ("in X",
"near X", "from X to Y", "the town of X", "X, Province"), and a dateline names it in capitals. So a
GPE that the gazetteer does not know is kept only when some mention of the same surface stands where a
place does; the others are left out (no location; spaCy's label gave no actor either).
"""
from __future__ import annotations

from typing import Any

from extractors.spacy_pipeline.actors_v4 import PLACE_OF_HEADS
from extractors.spacy_pipeline.doc_index import conj_root

# Prepositions whose object is a place where something is (not "to" or "from": "wrote to Parliament").
_PLACE_PREPS = frozenset("in at near inside outside across throughout around off within along".split())

# Nouns of the people of a place: "the residents of X" names X as a place (guidelines 1.3).
_INHABITANTS = frozenset("residents people villagers inhabitants townspeople citizens natives".split())
_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
# How far back (tokens) the word test walks past the names of a list: a dozen names of two words and their commas.
LIST_REACH = 60
# Nouns of places a name may modify ("the X district", "the X valley").
_PLACE_NOUNS = frozenset("district province region county state town city village valley river lake coast "
                         "island islands area suburb neighbourhood neighborhood township municipality".split())


def placed_surfaces(doc: Any) -> set[str]:
    """The surfaces of named entities (whatever spaCy's label: version 4 makes a person or an organisation
    after "in" a place) that stand where a place does at least once: the object
    of a preposition of place (alone or coordinated), of "of" after a noun of place ("the town of X",
    "south of X"), before a comma and another place ("X, Province"), or a dateline in capitals."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ in _NAME_LABELS and (_after_preposition(ent) or _after_words(doc, ent)
                                                     or _before_place(doc, ent) or _dateline(doc, ent)
                                                     or _modifies_place_noun(ent)):
            out.add(ent.text.strip())
    return out


def unplaced(surface: str, known: bool, placed: set[str]) -> bool:
    """Whether a GPE name is no location: the gazetteer does not know it and no mention of it is placed.

    >>> unplaced("Ndaba", False, {"Tolu"}), unplaced("Tolu", False, {"Tolu"}), unplaced("Varo", True, set())
    (True, False, False)
    """
    return not known and surface not in placed


def _after_preposition(ent: Any) -> bool:
    root = conj_root(ent.root)  # indexed: climbing a list of thousands of names from each was quadratic
    if root.dep_ != "pobj":
        return False
    prep = root.head
    return prep.lower_ in _PLACE_PREPS or (prep.lower_ == "of" and prep.head.lower_ in PLACE_OF_HEADS)


def _after_words(doc: Any, ent: Any) -> bool:
    """The same test on the words, for a parse that went astray: back past the names, commas and "and" of
    a list ("in the towns of A, B and C"), a preposition of place or "of" after a noun of place or of
    its people ("the residents of X")."""
    i = ent.start - 1
    # a list of a dozen names fits; a run of capitalised words would be walked back for each of its names
    stop = max(-1, ent.start - 1 - LIST_REACH)
    while i > stop and (doc[i].text in (",", "and", "or") or doc[i].pos_ == "PROPN"):
        i -= 1
    if i == stop and i >= 0:
        return False
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ in _PLACE_PREPS:
        return True
    return doc[i].lower_ == "of" and i > 0 and (doc[i - 1].lemma_.lower() in PLACE_OF_HEADS
                                                 or doc[i - 1].lower_ in _INHABITANTS)


def _modifies_place_noun(ent: Any) -> bool:
    """ "the X industrial district", "the X valley", "X residents": the name modifies a noun of a place
    or of its people."""
    head = ent.root.head
    return ent.root.dep_ in ("compound", "nmod", "amod") and (head.lemma_.lower() in _PLACE_NOUNS
                                                              or head.lower_ in _INHABITANTS)


def _before_place(doc: Any, ent: Any) -> bool:
    """ "X, Province" or "X, Country": a comma and another place entity right after the name."""
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return False
    nxt = doc[ent.end + 1]
    return nxt.ent_iob_ == "B" and nxt.ent_type_ in ("GPE", "LOC")


def _dateline(doc: Any, ent: Any) -> bool:
    """A dateline: a name in capitals that opens a line ("TOLU, March 3 -", "TOLU:")."""
    first = doc[ent.start]
    return ent.text.isupper() and (first.i == 0 or "\n" in doc[first.i - 1].text_with_ws)


# ---------------------------------------------------------------------------------------------
# acting_sites: a LOC or FAC name that acts as an organisation (guidelines 1.4)
# ---------------------------------------------------------------------------------------------

# Last words of names of natural features and ways, which may be subjects of verbs of nature ("the X River
# burst its banks", "the X Bridge links A and B") and stay places.
_NATURE_HEADS = frozenset("River Lake Sea Ocean Bay Gulf Mountains Mountain Hills Valley Delta Desert Island Islands "
                          "Coast Channel Strait Peninsula Bridge Road Street Highway Canal Dam Glacier Forest".split())


def acting_site(ent: Any, known: bool) -> bool:
    """Version 7 (``acting_sites``): whether a name spaCy labels LOC or FAC, which the gazetteer does not know,
    acts as an organisation: the subject of an active verb with an object or a clause ("the X Railway
    suspended an engineer", "X had failed to control the spill"); organisations act, natural features and ways are left as places (guidelines 1.4:
    an institution acting is an actor)."""
    words = ent.text.split()
    if known or not words or words[-1] in _NATURE_HEADS:
        return False
    root = ent.root
    if root.dep_ != "nsubj" or root.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative") for c in root.head.children)
