"""Version 6 of the ``spacy`` extractor's event types and triggers (profile switches ``aid_senses`` and
``attributive_participles``), from the guidelines' rules (3.2.2 "Money", 5 s; 5 ad) rather than from
any article.

Help given without return is SUPPORT ``aid``, not a TRANSACTION: money or equipment given, lent, granted
or transferred by a charity, a foundation or another non-governmental body ("a charity has lent the
ministry 40 refrigerators", "a grant from the X Foundation"). The giver is the event's agent, found
as for any TRANSACTION; a fund (a lender: "the X Monetary Fund") stays a TRANSACTION.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.roles import role_type

# The organisation subtype of charities, foundations and other non-governmental bodies.
AID_SUBTYPE = "ngo"
# The last word of a non-governmental body's name that lends rather than gives.
LENDER_HEADS = frozenset({"fund"})


def aid_giver(event: dict[str, Any], actors: dict[str, dict[str, Any]]) -> bool:
    """Whether a TRANSACTION event's agent (who gives, 3.3) is a charity or another non-governmental
    body, by its subtype or by a noun it is described by ("a Kampala-based charity, X")."""
    for arg in event["arguments"]:
        actor = actors.get(arg["ref"]) if arg["role"] == "agent" else None
        if actor is not None and actor.get("type") == "ORG" and _is_aid_body(actor):
            return True
    return False


def _is_aid_body(actor: dict[str, Any]) -> bool:
    """Whether an organisation is a charity or a foundation (not a fund that lends)."""
    words = actor.get("name", "").lower().split()
    if words and words[-1] in LENDER_HEADS:
        return False
    if actor.get("subtype") == AID_SUBTYPE:
        return True
    return any(m["kind"] == "nominal" and role_type(m["text"].lower()) == ("ORG", AID_SUBTYPE)
               for m in actor["mentions"])


def attributive_participle(token: Any, reporting: Any) -> bool:
    """Version 6 (``attributive_participles``): whether a verb form before its noun is no event by the
    guidelines (5 ad): a present participle, which names a trend or a role ("travelling supporters",
    "the remaining candidate", 5 ad (4)); a past participle joined to a word before it, which sorts
    the noun by a kind ("a Gulf-backed consortium", "hand-written placards", "a drought-stricken
    region", 5 ad (1, 3)); or a reporting verb as a hedge ("a reported fee", "the alleged bribe",
    "added time"), which reports no speech. ``reporting`` maps a word to its reporting lemma.
    """
    if token.pos_ != "VERB" or token.dep_ != "amod" or token.i >= token.head.i:
        return False
    if token.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if token.tag_ == "VBG":
        return True
    if token.tag_ != "VBN":
        return False
    doc = token.doc
    hyphened = token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return hyphened or reporting.get(token.lower_) is not None
