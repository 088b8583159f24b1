"""The general English word lists the offline extractors (``rules`` and ``spacy``) share.

Everything here is general English, never tuned to the gold articles (rule 2 of the guide;
``tests/test_no_gold_names.py`` enforces it):

* reporting verbs and their inflected forms;
* titles and honorifics, with the gender they imply when they imply one;
* organisation suffixes and heads, and tokens that look like acronyms but are not;
* pronouns with gender and number.

The event triggers are in :mod:`extractors.shared.triggers`, places and demonyms in
:mod:`extractors.shared.places`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from extractors.shared.inflection import verb_forms

Gender = Literal["male", "female", "unknown"]
Number = Literal["singular", "plural"]


# ---------------------------------------------------------------------------------------------
# Reporting verbs
# ---------------------------------------------------------------------------------------------

REPORTING_VERB_LEMMAS: frozenset[str] = frozenset(
    """say tell warn add state announce affirm assure insist emphasize emphasise stress acknowledge
    declare claim argue explain note observe remark comment reply respond answer confirm deny admit
    reveal report write tweet post vow pledge promise predict suggest urge call describe recall
    caution estimate maintain mention point concede complain accuse allege assert contend believe
    testify recount ask demand say speak add reiterate underline underscore highlight told""".split()
)
# "call", "point", "believe", "speak" need a following particle or "that" to report speech;
# the extractors treat them as cues only in the patterns that show it.
WEAK_REPORTING_LEMMAS: frozenset[str] = frozenset({"call", "point", "believe", "speak", "ask", "write", "post", "note"})


@lru_cache(maxsize=1)
def reporting_lemma() -> dict[str, str]:
    """Inflected reporting verb form -> lemma."""
    return {f: lemma for lemma in sorted(REPORTING_VERB_LEMMAS) for f in verb_forms(lemma)}


# ---------------------------------------------------------------------------------------------
# Titles and honorifics
# ---------------------------------------------------------------------------------------------

HONORIFICS: dict[str, Gender] = {
    "Mr.": "male", "Mr": "male", "Mrs.": "female", "Mrs": "female", "Ms.": "female", "Ms": "female",
    "Miss": "female", "Dr.": "unknown", "Dr": "unknown", "Prof.": "unknown", "Sir": "male", "Dame": "female",
    "Lord": "male", "Lady": "female", "Madam": "female", "Madame": "female", "Mme": "female", "M.": "male",
    "Rev.": "unknown", "Fr.": "male", "Sen.": "unknown", "Rep.": "unknown", "Gov.": "unknown", "Gen.": "unknown",
    "Lt.": "unknown", "Col.": "unknown", "Maj.": "unknown", "Capt.": "unknown", "Sgt.": "unknown",
    "Adm.": "unknown", "Cmdr.": "unknown", "Pres.": "unknown", "Sheikh": "male", "Imam": "male",
}
# Office titles, several words allowed ("Secretary of State"), with the gender they imply.
def _titles() -> dict[str, Gender]:
    raw = """President|Vice President|Vice-President|Prime Minister|Deputy Prime Minister|Minister|Foreign Minister|
    Defence Minister|Defense Minister|Interior Minister|Finance Minister|Health Minister|Secretary|Secretary General|
    Secretary-General|Deputy Secretary General|Deputy Secretary-General|Secretary of State|Secretary of Defense|
    Defense Secretary|Defence Secretary|Foreign Secretary|Home Secretary|Under Secretary|Undersecretary|Chancellor|
    Vice Chancellor|Governor|Lieutenant Governor|Mayor|Senator|Congressman|Congresswoman|Representative|Ambassador|
    Envoy|Special Envoy|Commissioner|Spokesman|Spokeswoman|Spokesperson|Chairman|Chairwoman|Chair|Chief|
    Chief Executive|Chief of Staff|Director|Director General|Director-General|Deputy Director|Leader|Speaker|Judge|
    Justice|Chief Justice|Attorney General|Attorney-General|Prosecutor|Chief Prosecutor|General|Lieutenant General|
    Major General|Brigadier General|Brigadier|Colonel|Lieutenant Colonel|Major|Captain|Lieutenant|Sergeant|Corporal|
    Private|Admiral|Vice Admiral|Rear Admiral|Commander|Marshal|Field Marshal|Inspector|Superintendent|Detective|
    Emperor|Sultan|Emir|Pope|Cardinal|Archbishop|Bishop|Patriarch|Rabbi|Ayatollah|Premier|Chief Minister|
    Governor General|Governor-General|President-elect|Prime Minister-elect|CEO|Founder|Co-founder|Professor|Pastor|
    Coach|Manager|Editor|Correspondent|Analyst|Deputy|Deputy Minister|State Secretary|Crown Prince"""
    titles: dict[str, Gender] = {t.strip(): "unknown" for t in raw.split("|") if t.strip()}
    titles.update({
        "King": "male", "Queen": "female", "Prince": "male", "Princess": "female", "Empress": "female",
        "Father": "male", "Sister": "female", "Brother": "male", "Crown Prince": "male", "Duke": "male",
        "Duchess": "female", "Count": "male", "Countess": "female", "Baron": "male", "Baroness": "female",
    })
    return titles


TITLES = _titles()
ALL_TITLES: dict[str, Gender] = {**TITLES, **HONORIFICS}
# The most words a title has: how far back or ahead both extractors look for one.
TITLE_WORDS_MAX = max(len(t.split()) for t in ALL_TITLES)
# Matches one title or honorific at the start of a string (longest first so "Prime Minister" wins over "Minister").
TITLE_RE = re.compile(
    r"(?:(?:former|acting|deputy|interim|then)\s+)?(?:"
    + "|".join(re.escape(t) for t in sorted(ALL_TITLES, key=len, reverse=True))
    + r")(?=\s|$)"
)


def title_gender(title: str) -> Gender:
    """The gender a title or honorific implies.

    >>> title_gender("Mrs."), title_gender("President")
    ('female', 'unknown')
    """
    return ALL_TITLES.get(title, "unknown")


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

# Last words that make a capitalised sequence an organisation ("Acme Holdings", "Labour Party").
ORG_SUFFIXES: frozenset[str] = frozenset(
    """Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC PLC plc AG GmbH SA NV Group Holdings Company Bank
    Party Ministry Council Committee Commission Agency Union Organization Organisation Association Alliance
    Federation Confederation Coalition League Movement Front Army Navy Forces Force Guard Guards Brigade Battalion
    Regiment Corps Police Service Services Office Department Bureau Institute Foundation Fund University College
    School Academy Court Tribunal Parliament Assembly Congress Senate Cabinet Government Administration Authority
    Board Center Centre Network News Times Post Journal Press Agency Television Radio Broadcasting Airlines Airways
    Railways Industries Industry Technologies Systems Motors Energy Oil Gas Telecom Pharmaceuticals Church Mission
    Society Club Team Trust Bloc Initiative Programme Program Project Watch Institute Network Council Secretariat
    Directorate Command Headquarters Gendarmerie Militia Brotherhood Taliban""".split()
)
# First words of organisation names built with "of" ("Ministry of Defence", "University of Oslo").
ORG_HEADS: frozenset[str] = frozenset(
    """Ministry Department Bank University Court Council Committee Commission Office Bureau Institute Organization
    Organisation Association Federation League Union Church House Board Agency Academy College Army Navy Party
    Government Parliament Assembly Secretariat Directorate Embassy Consulate""".split()
)
# Short capitalised tokens that are not organisations: Roman numerals, common abbreviations, units.
NOT_ACRONYMS: frozenset[str] = frozenset(
    """I II III IV V VI VII VIII IX X XI XII AM PM A.M. P.M. OK TV GMT UTC BST EST PST CET AD BC BCE CE ID
    PhD MD CEO CFO COO CTO MP MPs MEP MEPs VIP GDP GNP CO2 DNA RNA HIV AIDS COVID UK US USA EU UN""".split()
)


def acronym_of(words: list[str]) -> str:
    """The acronym of a multi-word name, skipping function words.

    >>> acronym_of(["World", "Health", "Organization"])
    'WHO'
    >>> acronym_of(["International", "Committee", "of", "the", "Red", "Cross"])
    'ICRC'
    """
    return "".join(w[0] for w in words if w and w[0].isupper() and w.lower() not in FUNCTION_WORDS)


FUNCTION_WORDS: frozenset[str] = frozenset(
    "of the and for on in at to a an de du la le des del der van von".split()
)

# ---------------------------------------------------------------------------------------------
# Pronouns
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PronounInfo:
    """Gender and number of a personal pronoun; ``person`` tells a person from a thing."""

    gender: Gender
    number: Number
    person: bool


PRONOUNS: dict[str, PronounInfo] = {
    **{p: PronounInfo("male", "singular", True) for p in ("he", "him", "his", "himself")},
    **{p: PronounInfo("female", "singular", True) for p in ("she", "her", "hers", "herself")},
    **{p: PronounInfo("unknown", "plural", False) for p in ("they", "them", "their", "theirs", "themselves")},
    **{p: PronounInfo("unknown", "singular", False) for p in ("it", "its", "itself")},
}
PERSON_PRONOUNS: frozenset[str] = frozenset(p for p, i in PRONOUNS.items() if i.person)


def pronoun_info(word: str) -> PronounInfo | None:
    """Gender and number of a pronoun, case-insensitive; None for other words.

    >>> pronoun_info("He")
    PronounInfo(gender='male', number='singular', person=True)
    """
    return PRONOUNS.get(word.lower())


def compatible(pronoun: Gender, person: Gender) -> bool:
    """Whether a pronoun of one gender can refer to a person of another (unknown fits both)."""
    return pronoun == "unknown" or person == "unknown" or pronoun == person
