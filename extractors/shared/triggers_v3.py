"""Triggers that version 3 adds to the event lexicon of version 2 (:mod:`.triggers_v2`): everyday news
verbs and nouns of contact, requests, money, help and joining that the inventory's types cover but
the version 2 table left out. General English only, never a phrase of an article; a form already in
the version 2 table keeps its version 2 sense.
"""
from __future__ import annotations

from functools import lru_cache

from extractors.shared.triggers_v2 import Trigger, all_verb_forms, table_noun_forms

# (type, subtype or "", verb lemmas, nouns), read like the version 2 table.
_TABLE_V3: tuple[tuple[str, str, str, str], ...] = (
    ("MEET", "phone_write", "write speak talk", ""),
    ("STATEMENT", "request", "ask apply", "application"),
    ("TRANSACTION", "transfer_money", "receive transfer spend", "contract contracts"),
    ("SUPPORT", "aid", "help assist provide equip", "assistance"),
    ("PERSONNEL", "start_position", "join", ""),
)
# Irregular forms of the verbs above.
EXTRA_FORMS_V3: dict[str, tuple[str, ...]] = {
    "write": ("wrote", "written", "writing"), "speak": ("spoke", "spoken"), "spend": ("spent",),
}


@lru_cache(maxsize=1)
def added_verb_forms() -> dict[str, Trigger]:
    """Inflected verb form -> (lemma, EventType, subtype) of the verbs version 3 adds.

    >>> added_verb_forms()["spoken"], added_verb_forms()["received"]
    (('speak', 'MEET', 'phone_write'), ('receive', 'TRANSACTION', 'transfer_money'))
    """
    out: dict[str, Trigger] = {}
    for etype, subtype, verbs, _ in _TABLE_V3:
        for lemma in verbs.split():
            for form in all_verb_forms(lemma) | frozenset(EXTRA_FORMS_V3.get(lemma, ())):
                out.setdefault(form, (lemma, etype, subtype or None))
    return out


@lru_cache(maxsize=1)
def added_noun_forms() -> dict[str, Trigger]:
    """Noun form -> (noun, EventType, subtype) of the nouns version 3 adds.

    >>> added_noun_forms()["contract"]
    ('contract', 'TRANSACTION', 'transfer_money')
    """
    return table_noun_forms(_TABLE_V3)
