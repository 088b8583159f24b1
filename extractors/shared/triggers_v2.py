"""The event-trigger lexicon of version 2: every type and subtype of the event inventory
(``schema/event_inventory.yaml``), as verb lemmas and nouns with every inflected form generated.

The words come from the inventory's definitions and from general English (synonyms and the nouns
of the verbs), never from an article; ``tests/test_no_gold_names.py`` checks that no name of the
gold appears here. A verb that ends an event only with a particle ("called off", "stepped down",
"laid off") is listed with it; the extractors check the particle.

Version 1 keeps its own lexicon (:mod:`extractors.shared.triggers`), untouched.
"""
from __future__ import annotations

from functools import lru_cache
from typing import get_args

from eval.api import EventType
from extractors.shared.inflection import noun_forms, verb_forms

# (type, subtype or "", verb lemmas, nouns). The first entry that lists a form wins, so the more
# specific senses come first within a word's competitors.
_TABLE: tuple[tuple[str, str, str, str], ...] = (
    # --- movement
    ("MOVE", "evacuate", "evacuate flee", "evacuation exodus"),
    ("MOVE", "withdraw", "withdraw retreat", "withdrawal retreat pullout"),
    ("MOVE", "transport", "travel arrive depart fly relocate return migrate sail commute transport ferry airlift "
     "walk carry bring cross smuggle", "trip journey flight departure arrival relocation return migration voyage "
     "movement smuggling"),
    ("DEPLOY", "", "deploy station mobilize mobilise dispatch reinforce", "deployment mobilization mobilisation "
     "reinforcement"),
    # --- contact
    ("MEET", "phone_write", "phone telephone email", "call phone letter email"),
    ("MEET", "meet", "meet visit gather confer convene discuss consult", "meeting summit conference talks visit "
     "session gathering negotiations debate consultation consultations congress"),
    # --- statements (quote cues are STATEMENT events wherever they are)
    ("STATEMENT", "request", "urge demand appeal request petition", "demand request plea petition"),
    ("STATEMENT", "reject", "reject refuse deny veto dismiss", "rejection refusal denial veto"),
    ("STATEMENT", "", "announce declare warn pledge vow promise concede unveil explain inform notify respond reply "
     "answer publish offer summon", "statement announcement "
     "warning declaration speech remarks pledge promise"),
    ("AGREE", "", "agree sign negotiate broker ratify settle", "agreement deal treaty accord ceasefire truce pact "
     "settlement compromise mediation"),
    # --- violence and force
    ("ATTACK", "", "attack bomb shell invade fight shoot assault raid bombard ambush clash stab", "attack invasion "
     "war battle offensive assault bombing shelling airstrike raid clash clashes fighting ambush hostilities "
     "shooting stabbing violence"),
    ("SEIZE", "", "seize capture occupy annex overrun", "seizure capture occupation annexation"),
    ("REBEL", "", "rebel mutiny revolt riot", "mutiny rebellion uprising revolt insurrection insurgency coup riot "
     "riots"),
    ("DEFEND", "", "defend protect deter repel safeguard shield", "defence defense protection"),
    ("THREATEN", "", "threaten menace endanger", "threat threats"),
    ("ACCUSE", "", "accuse criticize criticise condemn blame denounce allege", "accusation criticism condemnation "
     "allegation allegations complaint complaints"),
    # --- support
    ("SUPPORT", "aid", "donate rescue supply", "aid donation donations relief rescue asylum refuge"),
    ("SUPPORT", "cooperate", "cooperate collaborate partner", "cooperation collaboration partnership membership "
     "alliance"),
    ("SUPPORT", "endorse", "support thank praise endorse back welcome congratulate applaud accept", "support backing "
     "endorsement praise"),
    # --- justice
    ("LEGAL", "investigate", "investigate probe", "investigation inquiry probe"),
    ("LEGAL", "arrest_jail", "arrest detain jail imprison", "arrest arrests detention custody imprisonment"),
    ("LEGAL", "release_parole", "release free", "release parole bail"),
    ("LEGAL", "trial_hearing", "try", "trial hearing hearings"),
    ("LEGAL", "charge_indict", "charge indict prosecute", "charges indictment prosecution"),
    ("LEGAL", "sue", "sue", "lawsuit suit"),
    ("LEGAL", "convict", "convict", "conviction verdict"),
    ("LEGAL", "sentence", "sentence", "sentencing"),
    ("LEGAL", "fine", "fine penalise penalize", "fines"),
    ("LEGAL", "execute", "execute hang", "execution"),
    ("LEGAL", "extradite", "extradite deport", "extradition deportation"),
    ("LEGAL", "acquit", "acquit", "acquittal"),
    ("LEGAL", "appeal", "", "appeal"),
    ("LEGAL", "pardon", "pardon", "pardon amnesty"),
    ("LEGAL", "drop_charges", "annul quash overturn", "annulment"),
    # --- personnel
    ("PERSONNEL", "elect", "elect re-elect vote", "election elections vote votes poll polls ballot ballots "
     "recount re-election runoff"),
    ("PERSONNEL", "nominate", "nominate choose", "nomination candidacy"),
    ("PERSONNEL", "start_position", "appoint hire recruit replace", "appointment inauguration swearing-in oath "
     "oaths"),
    ("PERSONNEL", "end_position", "resign quit retire fire sack dismiss oust", "resignation retirement dismissal "
     "departure ouster"),
    # --- business
    ("BUSINESS", "lay_off", "cut", "layoffs lay-offs redundancies redundancy"),
    ("BUSINESS", "declare_bankruptcy", "", "bankruptcy insolvency receivership bankrupt"),
    ("BUSINESS", "merge_org", "merge acquire", "merger takeover acquisition"),
    ("BUSINESS", "start_org", "found establish form", "founding"),
    ("BUSINESS", "end_org", "dissolve liquidate", "dissolution liquidation"),
    ("BUSINESS", "close_facility", "close shut", "closure closures shutdown"),
    ("BUSINESS", "open_facility", "open inaugurate", "opening inauguration"),
    # --- transactions
    ("TRANSACTION", "transfer_ownership", "buy sell purchase", "sale purchase transfer"),
    ("TRANSACTION", "transfer_money", "pay lend borrow invest fund finance award grant", "payment loan "
     "investment grant compensation funding tender fee lending export exports import imports"),
    # --- life
    ("LIFE", "die", "die kill", "death deaths killing killings"),
    ("LIFE", "injure", "injure wound hurt", "injury injuries"),
    ("LIFE", "be_born", "bear", "birth"),
    ("LIFE", "marry", "marry wed", "marriage wedding"),
    ("LIFE", "divorce", "divorce", "divorce"),
    # --- protest
    ("DEMONSTRATE", "strike", "strike", "strike strikes walkout stoppage"),
    ("DEMONSTRATE", "boycott", "boycott", "boycott"),
    ("DEMONSTRATE", "rally", "protest demonstrate march rally picket", "protest protests demonstration "
     "demonstrations rally march sit-in vigil blockade roadblock"),
    # --- policy
    ("POLICY", "sanction", "sanction expel", "sanctions embargo expulsion"),
    ("POLICY", "restrict", "ban restrict prohibit", "ban curfew restriction restrictions"),
    ("POLICY", "ease", "lift ease", ""),
    ("POLICY", "legislate", "legislate enact amend repeal approve pass", "reform referendum amendment "
     "legislation"),
    # --- contests
    ("CONTEST", "result", "beat defeat win lose draw qualify equalise equalize score", "victory defeat win draw "
     "result penalty"),
    ("CONTEST", "compete", "compete race play host", "match final semi-final tournament game championship "
     "fixture competition"),
    ("CONTEST", "award", "", "prize medal award"),
    # --- disasters
    ("DISASTER", "epidemic", "spread", "outbreak epidemic pandemic"),
    ("DISASTER", "natural", "flood erupt", "earthquake flood floods storm cyclone hurricane typhoon drought "
     "wildfire wildfires landslide eruption heatwave tsunami lightning"),
    ("DISASTER", "accident", "crash collide derail explode collapse", "crash collision derailment explosion "
     "blast fire collapse accident spill"),
    # --- campaigns
    ("CAMPAIGN", "health_programme", "vaccinate immunise immunize screen", "vaccination immunisation "
     "immunization screening"),
    ("CAMPAIGN", "election_campaign", "campaign canvass", "campaigning"),
    ("CAMPAIGN", "", "", "campaign drive programme program initiative project effort"),
    # --- other: ending, preventing, building, deciding
    ("OTHER", "", "prevent avert cancel abort halt suspend scrap abandon end build recruit decide remove disperse "
     "stop weaken postpone reschedule", "decision cancellation suspension construction"),
)

# Verbs that are triggers only with a particle after them: (lemma, particle) -> (type, subtype).
PHRASAL: dict[tuple[str, str], tuple[str, str]] = {
    ("call", "off"): ("OTHER", ""),
    ("step", "down"): ("PERSONNEL", "end_position"),
    ("lay", "off"): ("BUSINESS", "lay_off"),
    ("shut", "down"): ("BUSINESS", "close_facility"),
    ("take", "office"): ("PERSONNEL", "start_position"),
    ("take", "charge"): ("PERSONNEL", "start_position"),
    ("swear", "in"): ("PERSONNEL", "start_position"),
    ("take", "over"): ("BUSINESS", "merge_org"),
    ("walk", "out"): ("DEMONSTRATE", "strike"),
    ("shake", "hands"): ("MEET", "meet"),
    ("call", "for"): ("STATEMENT", "request"),
}
# The verb forms a phrasal trigger starts with, marked with this pseudo type until the particle is checked.
PHRASAL_TYPE = "PHRASAL"
# Verbs too vague alone (a light verb, or mostly another sense); nouns are kept.
WEAK_VERBS_V2: frozenset[str] = frozenset({"pass", "play", "score", "free", "fire", "try", "screen", "draw",
                                           "host", "award", "grant", "welcome", "finance", "release",
                                           "lift", "ease", "race", "spread", "hang", "charge", "sentence", "fine",
                                           "vote", "return", "lose", "go"})
# Forms the regular rules of :func:`extractors.shared.inflection.verb_forms` miss, and forms that are
# mostly another word ("found", the past of "find").
EXTRA_FORMS: dict[str, tuple[str, ...]] = {
    "lend": ("lent",), "pay": ("paid",), "hurt": ("hurt",), "die": ("dying",), "stab": ("stabbed", "stabbing"),
    "wed": ("wedded", "wedding"), "quit": ("quitting",), "lay": ("laid",), "swear": ("sworn", "swore"),
    "shake": ("shook", "shaken"), "take": ("took", "taken"), "give": ("gave", "given"), "draw": ("drew", "drawn"),
    "sell": ("sold",), "buy": ("bought",), "beat": ("beaten",), "ban": ("banned",), "shut": ("shut",), "step": ("stepped", "stepping"), "travel": ("travelled", "travelling"),
    "cancel": ("cancelled", "cancelling"), "bear": ("born", "borne"), "smuggle": ("smuggled",), "cut": ("cut",), "choose": ("chose", "chosen"),
}
NOT_FORMS: frozenset[str] = frozenset({"found", "bear", "bears", "beared", "bearing", "back", "form", "forms",
                                       "cutted", "chooseed", "ding", "quited", "hurted", "layed", "lended", "payed", "drawed",
                                       "stabed", "weded", "steped"})
# Words that make "win", "beat", "defeat", "victory" an election (PERSONNEL elect) rather than a contest.
ELECTION_WORDS: frozenset[str] = frozenset({"election", "elections", "vote", "votes", "poll", "polls", "ballot",
                                            "ballots", "governor", "seat", "presidency", "mayoralty", "recount",
                                            "candidate", "constituency", "electorate", "referendum"})
RESULT_LEMMAS: frozenset[str] = frozenset({"win", "beat", "defeat", "victory", "lose", "result"})

# A trigger form -> (lemma, EventType or PHRASAL_TYPE, subtype or None)
Trigger = tuple[str, str, "str | None"]


def _check_types() -> None:
    valid = set(get_args(EventType))
    unknown = {t for t, *_ in _TABLE} - valid | {t for t, _ in PHRASAL.values()} - valid
    if unknown:  # a typo here would silently drop triggers
        raise ValueError(f"unknown event types {sorted(unknown)}; valid: {sorted(valid)}")


_check_types()


@lru_cache(maxsize=1)
def inventory_verb_forms() -> dict[str, Trigger]:
    """Inflected verb form (lower case) -> (lemma, EventType, subtype); a phrasal verb's forms have the
    pseudo type :data:`PHRASAL_TYPE` unless the verb is a trigger alone.

    >>> inventory_verb_forms()["resigned"], inventory_verb_forms()["stepped"][1]
    (('resign', 'PERSONNEL', 'end_position'), 'PHRASAL')
    """
    out: dict[str, Trigger] = {}
    for etype, subtype, verbs, _ in _TABLE:
        for lemma in verbs.split():
            if lemma in WEAK_VERBS_V2:
                continue
            for form in all_verb_forms(lemma):
                out.setdefault(form, (lemma, etype, subtype or None))
    for lemma, _ in PHRASAL:
        for form in all_verb_forms(lemma):
            out.setdefault(form, (lemma, PHRASAL_TYPE, None))
    return out


@lru_cache(maxsize=1)
def weak_verb_senses() -> dict[str, tuple[str, str | None]]:
    """Version 4: lemma -> (EventType, subtype) of the verbs left out of the table as too vague alone
    (:data:`WEAK_VERBS_V2`), for a reader that has made sure the word is a verb.

    >>> weak_verb_senses()["welcome"]
    ('SUPPORT', 'endorse')
    """
    out: dict[str, tuple[str, str | None]] = {}
    for etype, subtype, verbs, _ in _TABLE:
        for lemma in verbs.split():
            if lemma in WEAK_VERBS_V2:
                out.setdefault(lemma, (etype, subtype or None))
    return out


def all_verb_forms(lemma: str) -> frozenset[str]:
    """The forms of a verb with the irregular ones added and the misleading ones removed.

    >>> sorted(all_verb_forms("pay"))
    ['paid', 'pay', 'paying', 'pays']
    """
    return (verb_forms(lemma) | frozenset(EXTRA_FORMS.get(lemma, ()))) - NOT_FORMS


@lru_cache(maxsize=1)
def inventory_noun_forms() -> dict[str, Trigger]:
    """Noun form (lower case) -> (noun, EventType, subtype).

    >>> inventory_noun_forms()["strikes"]
    ('strike', 'DEMONSTRATE', 'strike')
    """
    return table_noun_forms(_TABLE)


def table_noun_forms(table: tuple[tuple[str, str, str, str], ...]) -> dict[str, Trigger]:
    """Noun form (lower case) -> (noun, EventType, subtype) of a trigger table's nouns; the first entry
    that lists a form wins.

    >>> table_noun_forms((("LEGAL", "sue", "", "lawsuit"),))["lawsuits"]
    ('lawsuit', 'LEGAL', 'sue')
    """
    out: dict[str, Trigger] = {}
    for etype, subtype, _, nouns in table:
        for noun in nouns.split():
            for form in noun_forms(noun):
                out.setdefault(form, (noun, etype, subtype or None))
    return out


def phrasal_trigger(lemma: str, particle: str) -> tuple[str, str | None] | None:
    """The (type, subtype) of a phrasal verb with this particle, or None.

    >>> phrasal_trigger("call", "off"), phrasal_trigger("call", "up")
    (('OTHER', None), None)
    """
    hit = PHRASAL.get((lemma, particle.lower()))
    return None if hit is None else (hit[0], hit[1] or None)
