"""Version 3 of the ``spacy`` extractor's actors (profile switch ``nominal_actors``, guidelines 1.1,
1.2, 1.4): actors named only by a description, found by the head noun of a noun phrase.

A common noun of a person's role ("the referee", "a government mediator"), of a set of people ("the
investigators", "hospitalised children") or of a body ("the regional board", "the league") is the
head-noun mention of an actor of its own, one actor per noun per article; the noun must head its
phrase (not a modifier of another noun), and a singular one needs a determiner or a possessor. A
noun set off as an appositive of a named actor, or its predicate ("X, a teacher,", "X is the
coach"), is a nominal mention of that actor instead. General English words only.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.orgs import BODY_NOUNS, PEOPLE_NOUNS

# Singular nouns of a person's role or relation.
PERSON_NOUNS = frozenset("""president minister governor mayor senator judge prosecutor coach manager captain referee
    goalkeeper striker defender midfielder player chairman chairwoman spokesman spokeswoman spokesperson secretary
    director official commissioner mediator negotiator investigator economist analyst lawyer doctor nurse midwife
    teacher farmer worker girl boy baby child woman man mother father wife husband son daughter brother sister
    brother-in-law sister-in-law widow candidate incumbent challenger rival winner victim suspect patient driver
    pilot businessman businesswoman coordinator ambassador envoy premier chancellor superintendent inspector
    editor founder owner""".split())
# Plural nouns of sets of people that the collectives of version 2 leave out.
GROUP_NOUNS = frozenset("""investigators officers children newborns babies negotiators bidders employees staff
    inspectors guards mediators ministers lawmakers legislators senators councillors residents""".split()) - PEOPLE_NOUNS
# Lower-case nouns of bodies -> organisation subtype ("" for none listed).
ORG_NOUNS: dict[str, str] = {
    **dict.fromkeys("board committee commission council ministry parliament senate cabinet agency authority "
                    "regulator assembly".split(), "government"),
    "league": "", "federation": "", "association": "", "bank": "company", "company": "company", "firm": "company",
    "operator": "company", "union": "union", "party": "party", "club": "sports_team", "team": "sports_team",
    "court": "court", "university": "university",
}
# Nouns of people that stand for a set of people around one ("his camp", "the family").
CIRCLE_NOUNS = frozenset({"camp", "family"})
# Punctuation inside a name or a possessive, which does not end a noun phrase ("Farmers' Union", "X-based").
INSIDE_NAMES = frozenset({"-", "'", "’", "'s", "’s"})
# Dependency labels of a noun that heads a phrase acting in the clause.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos", "ROOT", "dative"})


def description_type(noun: str) -> tuple[str, str | None] | None:
    """The actor type and subtype a description's head noun gives, or None when it names no actor.

    >>> description_type("referee"), description_type("board"), description_type("children"), description_type("rain")
    (('PER', 'person'), ('ORG', 'government'), ('PER', 'group'), None)
    """
    if noun in PERSON_NOUNS:
        return "PER", "person"
    if noun in GROUP_NOUNS or noun in CIRCLE_NOUNS:
        return "PER", "group"
    if noun in ORG_NOUNS:
        return "ORG", ORG_NOUNS[noun] or None
    return None


def is_description(token: Any) -> bool:
    """Whether a noun token heads a description of an actor: a listed noun, heading its phrase, and
    for a singular one after a determiner, a possessor or an adjective."""
    word = token.lower_
    if token.pos_ != "NOUN" or description_type(word) is None or word in BODY_NOUNS:
        return False
    if token.dep_ not in ARGUMENT_DEPS:
        return False
    if word in GROUP_NOUNS:
        return True
    return any(c.dep_ in ("det", "poss") for c in token.children)


def described_actor(token: Any, ref: list[Any]) -> Any:
    """The named actor a description stands beside as its appositive or predicate ("X, a teacher,",
    "a teacher, X,", "X is the coach"), or None."""
    for c in token.children:
        if c.dep_ == "appos" and ref[c.i] is not None and ref[c.i][1]:
            return ref[c.i]
    if token.dep_ == "appos" and ref[token.head.i] is not None and ref[token.head.i][1]:
        return ref[token.head.i]
    name = _name_after(token, ref)
    if name is not None:
        return name
    if token.dep_ == "attr":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and ref[subject.i] is not None and ref[subject.i][1]:
            return ref[subject.i]
    return None


def _name_after(token: Any, ref: list[Any]) -> Any:
    """The person named right after a description, in its noun phrase ("the chairwoman of the
    committee Ana Ruiz", "the minister, Ana Ruiz,"): the first name before a verb or a clause break."""
    doc = token.doc
    for j in range(token.i + 1, min(token.i + 9, len(doc))):
        w = doc[j]
        r = ref[j]
        if r is not None and r[2]:
            return r
        if w.pos_ in ("VERB", "AUX") or (w.is_punct and w.text not in INSIDE_NAMES and not (w.text == "," and j == token.i + 1)):
            return None
    return None
