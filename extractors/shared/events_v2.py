"""Events in version 2 of both offline extractors: which sense a trigger word has here (noun or verb,
a phrasal verb's particle, an election or a match), the roles its subject and object fill by event
type (guidelines 3.3), and its modality (3.4: wishes, obligations, plans, conditions, reports).

Version 1 keeps its own rules (:mod:`extractors.shared.events` and each extractor's ``events``).
"""
from __future__ import annotations

from extractors.shared.lookups import Lexicons
from extractors.shared.triggers_v2 import ELECTION_WORDS, PHRASAL_TYPE, RESULT_LEMMAS, phrasal_trigger

# Words right before a form that make it a noun ("the strike", "a vote", "its closure").
NOUN_BEFORE = frozenset("a an the its his her their our my your this that these those any no every each another "
                        "first second last next new major general warning hunger national".split())
# Verbs that leave their subject as the one the event happens to ("X resigned", "X died", "X took office").
SUBJECT_UNDERGOES = frozenset("resign quit retire die step marry divorce wed take swear give".split())
# Subtypes whose grammatical object is no argument of ours (a match's score, a sum of money).
_BE = frozenset("is was were are be been being get got gets".split())

# Modality (guidelines 3.4), first match wins: hypothetical, planned, reported, asserted.
HYPOTHETICAL_V2 = frozenset("could might may if unless whether possible potential risk any should".split())
PLANNED_V2 = frozenset("will shall 'll would upcoming next plans plan planned planning scheduled expected want "
                       "wants wanted hope hopes hoped aims aim intends intend must require requires required "
                       "promised pledged".split())
# Two words that make the event after them planned: an obligation, a schedule ("has to", "due to").
PLANNED_PAIRS = frozenset({("has", "to"), ("have", "to"), ("had", "to"), ("need", "to"), ("needs", "to"),
                           ("going", "to"), ("due", "to"), ("set", "to"), ("is", "to"), ("are", "to"),
                           ("was", "to"), ("like", "to"), ("agreed", "to"), ("decided", "to")})
CONDITIONS = frozenset({"if", "unless"})
REPORTED_V2 = frozenset("reportedly allegedly according believed rumoured rumored".split())
NEGATIONS_V2 = frozenset({"not", "never", "no", "n't", "without", "nor", "cannot"})


def trigger_sense(lex: Lexicons, word: str, etype: str, lemma: str, before: str, after: str,
                  sentence: str) -> tuple[str, str | None, bool] | None:
    """The (type, subtype, is a noun) a trigger word has here, or None when it is no trigger here.

    Args:
        word: the form as written (lower case); ``etype``/``lemma``: what the verb table (or, for a
            noun-only word, the noun table) gives it.
        before, after: the words right before and after it (lower case); ``sentence``: its sentence.

    >>> lex = Lexicons(100_000, __import__("extractors.shared.profile").shared.profile.V2)
    >>> trigger_sense(lex, "strike", "DEMONSTRATE", "strike", "warning", "at", "a warning strike at")
    ('DEMONSTRATE', 'strike', True)
    >>> trigger_sense(lex, "called", "PHRASAL", "call", "was", "off", "was called off")
    ('OTHER', None, False)
    >>> trigger_sense(lex, "won", "CONTEST", "win", "she", "the", "she won the election")
    ('PERSONNEL', 'elect', False)
    """
    as_noun = False
    if etype == PHRASAL_TYPE:
        sense = phrasal_trigger(lemma, after)
        if sense is None:
            return None
        etype, subtype = sense
    else:
        noun = lex.event_nouns.get(word)
        verb = lex.event_verbs.get(word)
        as_noun = noun is not None and (verb is None or before in NOUN_BEFORE or before.endswith(("’s", "'s"))
                                        or after == "of")
        if as_noun and noun is not None:
            if after in lex.event_nouns or after in ("crossing", "crossings"):
                return None  # a modifier of the event noun after it: "vaccination campaign", "warning strike"
            etype, lemma, subtype = noun[1], noun[0], lex.noun_subtypes.get(word)
        elif verb is not None and verb[1] != PHRASAL_TYPE:
            if before in NOUN_BEFORE or before.endswith("ing"):  # "the polling stations": a noun after all
                return None
            subtype = lex.verb_subtypes.get(word)
        else:
            return None
    if lemma in RESULT_LEMMAS and not ELECTION_WORDS.isdisjoint(sentence.lower().split()):
        return "PERSONNEL", "elect", as_noun
    return etype, subtype, as_noun


def passive(words_before: list[str], word: str) -> bool:
    """Whether a verb form is passive: a participle after a form of "be" or "get" (adverbs between).

    >>> passive(["he", "was", "later"], "appointed"), passive(["he"], "appointed")
    (True, False)
    """
    if not word.endswith(("ed", "en", "wn", "id", "lt", "ht")) and word not in ("hurt", "shut", "cut"):
        return False
    for w in reversed(words_before[-3:]):
        if w in _BE:
            return True
        if not w.endswith("ly") and w not in ("not", "also", "then", "later", "since"):
            return False
    return False


def subject_role(etype: str, lemma: str, is_passive: bool, subtype: str | None = None) -> str | None:
    """The role of a trigger's subject (or a noun's possessor) (guidelines 3.3), or None when it fills none.

    >>> subject_role("PERSONNEL", "resign", False), subject_role("LEGAL", "arrest", True), subject_role("DISASTER", "crash", False)
    ('target', 'target', None)
    """
    if etype in ("MEET", "AGREE") or (etype == "CONTEST" and subtype == "compete"):
        return "participant"
    if etype == "DISASTER":
        return None if not is_passive else "target"
    if is_passive or lemma in SUBJECT_UNDERGOES or (etype == "LIFE" and lemma != "kill"):
        return "target"
    return "agent"


def object_role(etype: str, subtype: str | None) -> str | None:
    """The role of the actor after a verb trigger (its object), or None.

    >>> object_role("CONTEST", "result"), object_role("CONTEST", "compete"), object_role("MOVE", None)
    ('target', 'participant', None)
    """
    if etype in ("MEET", "AGREE") or (etype == "CONTEST" and subtype == "compete"):
        return "participant"
    if etype in ("MOVE", "DEPLOY", "OTHER", "CAMPAIGN"):
        return None
    if etype == "TRANSACTION":
        return "participant"
    return "target"


def modality(words_before: list[str], in_quote: bool, is_verb: bool = False, sentence_before: str = "") -> str:
    """The modality of an event from the words before its trigger and whether a quote reports it; a
    verb right after "to" is a purpose or an intention (planned); "if" or "unless" earlier in the
    sentence (``sentence_before``) makes it conditional.

    >>> modality(["would", "like", "to"], False), modality(["if", "they"], True), modality(["it"], True)
    ('planned', 'hypothetical', 'reported')
    >>> modality(["she", "had"], False), modality(["has", "to"], False), modality(["to"], False, is_verb=True)
    ('asserted', 'planned', 'planned')
    """
    words = set(words_before)
    if not HYPOTHETICAL_V2.isdisjoint(words) or not CONDITIONS.isdisjoint(sentence_before.lower().split()):
        return "hypothetical"
    pairs = set(zip(words_before, words_before[1:]))
    if not PLANNED_V2.isdisjoint(words) or not PLANNED_PAIRS.isdisjoint(pairs) or (
            is_verb and words_before[-1:] == ["to"]):
        return "planned"
    if in_quote or not REPORTED_V2.isdisjoint(words):
        return "reported"
    return "asserted"


def negated(words_before: list[str]) -> bool:
    """Whether a negation stands among the words before a trigger.

    >>> negated(["did", "not"]), negated(["didn't"]), negated(["the"])
    (True, True, False)
    """
    return not NEGATIONS_V2.isdisjoint(words_before) or any(w.endswith("n't") for w in words_before)
