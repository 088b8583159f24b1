"""Version 8 (round 2): organisations named by a common noun, found by their WordNet class (guidelines 1.1:
an actor is every organisation the text mentions; 1.4, sets of organisations and organisation subtypes).

A noun is a noun of a body when its most frequent WordNet sense lies under ``organization.n.01`` ("the
coalition", "a consortium", "the directorate", "the utility"), so the words of any sector count, not only
the listed ones. Left out by the guidelines:

* a state or its government (1.2: "the country", "the nation", "the government", "the regime" are the
  state actor, ``GPE``, or a body of a lower government that the place names, 1.4);
* a noun with a sense of a built place among its first two ("school", "church", "hospital", "office"), and
  a school of any kind ("academy", "college"): a location where something happens as often as a body
  (1.4, the test of 1.2), left to the place rules;
* an institution of care or service ("clinic", "pharmacy"): WordNet files it as a body but the text mostly
  names the place one goes to;
* a family or a household: people around one (1.2), version 3's circle nouns;
* a sector ("the industry": the firms of a trade, a set of organisations or no one, 1.4) and a workforce
  or crew (the staff as people, 5 l 1).

A body noun says what kind of body it refers to (:func:`body_kind`): "the squad" refers back to a team,
"the processor" to a company, so a definite one is read as the nearest organisation of that kind named
before it (1: a common-noun description is a mention of the actor it refers to).
"""
from __future__ import annotations

from functools import lru_cache

from extractors.shared.wordnet import ancestors, is_kind, lexname, senses

# The root of guidelines 1.1's ORG type.
BODY_ROOTS: frozenset[str] = frozenset({"organization.n.01"})
# Classes under it that are no organisation of 1.1: the state (1.2), its government (1.2, 1.4), an
# institution one goes to for care or a service (a place, 1.3), a family (a group of people, 1.2).
NOT_BODIES: frozenset[str] = frozenset({
    "state.n.04", "government.n.01", "medical_institution.n.01", "family.n.01", "household.n.01", "crew.n.01",
    "industry.n.01", "work_force.n.01", "educational_institution.n.01",
})
# Lexicographer files of a place: a noun with such a sense among its first two is a place as often as a body.
_PLACE_FILES = frozenset({"noun.artifact", "noun.location"})


@lru_cache(maxsize=8192)
def is_body_noun(word: str) -> bool:
    """Whether a singular noun's most frequent WordNet sense is an organisation of guidelines 1.1.

    >>> is_body_noun("consortium"), is_body_noun("utility"), is_body_noun("country"), is_body_noun("school")
    (True, True, False, False)
    """
    first = senses(word.lower(), "n")[:2]
    if not first:
        return False
    up = ancestors(first[0])
    if not up & BODY_ROOTS or up & NOT_BODIES:
        return False
    return not any(lexname(s) in _PLACE_FILES for s in first)


# Classes of bodies -> the organisation subtype of guidelines 1.1 and 1.4 that they name.
KIND_ROOTS: tuple[tuple[str, str], ...] = (
    ("foundation.n.02", "ngo"), ("team.n.01", "sports_team"), ("party.n.01", "party"), ("union.n.01", "union"), ("military_service.n.01", "military"),
    ("military_unit.n.01", "military"), ("police.n.01", "police"), ("court.n.01", "court"),
    ("business.n.01", "company"), ("company.n.01", "company"), ("financial_institution.n.01", "company"),
    ("enterprise.n.02", "company"),
)
# Units of an organisation (5 l 4): "the branch of X" is X; the unit noun with an of-phrase is no body.
UNIT_ROOTS: frozenset[str] = frozenset({"administrative_unit.n.01"})


@lru_cache(maxsize=8192)
def body_kinds(word: str) -> frozenset[str]:
    """The organisation subtypes a body noun's first two senses name ("squad": a team or a military unit).

    >>> sorted(body_kinds("squad")), sorted(body_kinds("processor")), sorted(body_kinds("coalition"))
    (['military', 'sports_team'], ['company'], [])
    """
    out = set()
    for synset in senses(word.lower(), "n")[:2]:
        up = ancestors(synset)
        out.update(next(([kind] for root, kind in KIND_ROOTS if root in up), []))  # the first, most specific
    return frozenset(out)


@lru_cache(maxsize=8192)
def is_unit_noun(word: str) -> bool:
    """Whether a noun's most frequent sense is a unit of an organisation ("branch", "secretariat")."""
    return is_kind(word, "n", UNIT_ROOTS)
