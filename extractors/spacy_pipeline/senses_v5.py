"""Version 5 of the ``spacy`` extractor's event types (guidelines 3.2.2), from the parse only.

* ``business_objects``: "cut", "open", "close", "shut" are BUSINESS events (lay-offs, a facility opened
  or closed) only when what is cut, opened or closed is a business or its people: an organisation,
  a place that is a facility, a noun of a site, a unit or a body ("factory", "wing", "branch",
  "company"), or of jobs and staff ("jobs", "shifts", "workers"). "Cut spending", "cut off the water",
  "close a valve", "the ribbon was cut", "a vote that closed at 8 p.m.", "opened an investigation",
  "the server was shut down" are OTHER (3.2: an action done to something, OTHER when no class names
  it). With nothing named ("some will close", "most of them closed") the lexicon's type stands.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.context import FACILITY_NOUNS
from extractors.shared.orgs import BODY_NOUNS, PEOPLE_NOUNS
from extractors.spacy_pipeline.actors_v4 import BODY_NOUNS as ORG_NOUNS

# Verbs whose BUSINESS sense needs a business as its object (or subject when intransitive).
BUSINESS_VERBS = frozenset({"cut", "open", "close", "shut", "reopen"})
# Nouns of the sites, parts and units of a business or a public body beside the facility nouns (general
# English): what "open" and "close" make a BUSINESS event of ("opened a new wing", "closed two branches").
SITE_NOUNS = frozenset("""unit units wing wings ward wards department departments division divisions branch branches
    outlet outlets store stores shop shops showroom dealership restaurant restaurants cafe bakery brewery distillery
    winery foundry smelter smelters sawmill shipyard yard dock depot depots terminal terminals facility facilities
    operation operations line lines route routes centre center centres centers theatre theater cinema museum
    library gallery gym pharmacy bank banks farm farms ranch quarry quarries well wells field fields
    parish parishes congregation congregations diocese chapter chapters""".split())
# Nouns of jobs and of a business's staff: what a lay-off cuts.
JOB_NOUNS = frozenset("""job jobs post posts position positions shift shifts workforce staff employee employees
    worker workers headcount payroll role roles""".split())
# Dependencies of what a verb acts on: its object, or its subject when passive or without an object.
OBJECT_DEPS = ("dobj", "nsubjpass")
# Relative pronouns, which stand for the noun their clause follows.
RELATIVES = frozenset({"that", "which", "who"})
# Words that stand for something named elsewhere: they leave the lexicon's type as it is.
STAND_INS = frozenset("some most many few all both one two several others it they them which that".split())


def business_sense(t: Any, sense: tuple[str, str | None], ref: list[Any]) -> tuple[str, str | None]:
    """The type of a BUSINESS trigger among :data:`BUSINESS_VERBS`: itself when what it acts on is a
    business (:func:`is_business_thing`) or not named, else OTHER."""
    if sense[0] != "BUSINESS" or t.pos_ != "VERB" or t.lemma_.lower() not in BUSINESS_VERBS:
        return sense
    thing = next((c for c in t.children if c.dep_ in OBJECT_DEPS), None)
    if thing is None:
        thing = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if thing is not None and thing.lower_ in RELATIVES and t.dep_ == "relcl":
        thing = t.head  # "a vote that closed at 8 p.m.": the noun the clause is about
    if thing is None or thing.lower_ in STAND_INS or is_business_thing(thing, ref):
        return sense
    return "OTHER", None


def is_business_thing(token: Any, ref: list[Any]) -> bool:
    """Whether a token names a business or its people: an organisation or a facility it refers to, a
    noun of a site, a unit, a body, jobs or staff, or a collective of workers."""
    r = ref[token.i]
    if r is not None and (r[1] and not r[2] or not r[1]):
        return True  # an organisation or state, or a place (a facility, a town's plant)
    word, lemma = token.lower_, token.lemma_.lower()
    nouns = (FACILITY_NOUNS.keys() | SITE_NOUNS | JOB_NOUNS | ORG_NOUNS | BODY_NOUNS.keys() | PEOPLE_NOUNS)
    return word in nouns or lemma in nouns



# Words of a court: a hearing in their sentence is a court's (guidelines 5 ai).
COURT_WORDS = frozenset("""court courts courtroom judge judges magistrate magistrates tribunal tribunals jury juror
    jurors trial trials bail prosecutor prosecutors prosecution defendant defendants accused verdict sentencing
    plea appeal appeals custody indictment""".split())


def hearing_sense(t: Any, sense: tuple[str, str | None]) -> tuple[str, str | None]:
    """The type of the noun "hearing": a session of a court (LEGAL) only in a sentence that names a
    court, a judge, a trial or the like; the hearing of a legislature, a committee, a regulator or a
    consultation is a meeting (MEET ``meet``, guidelines 5 ai)."""
    if sense[0] != "LEGAL" or t.lemma_.lower() != "hearing" or t.pos_ != "NOUN":
        return sense
    if any(w.lower_ in COURT_WORDS for w in t.sent):
        return sense
    return "MEET", "meet"
