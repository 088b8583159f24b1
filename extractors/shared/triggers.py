"""The event-trigger lexicon: verb lemmas and nouns -> :data:`eval.api.EventType`, with every
inflected form generated (general English; ``tests/test_no_gold_names.py`` enforces it)."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable, get_args

from eval.api import EventType
from extractors.shared.inflection import noun_forms, verb_forms

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
