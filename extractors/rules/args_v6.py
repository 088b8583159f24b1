"""Version 6 (round 2) argument and quote rules of the ``rules`` extractor, each a class of error that
recurs in news of any topic (guidelines 2 and 3.3):

* ``place_settings``: a place after the setting of an act is the act's place too: "told a news
  conference in X", "signed the accord at a ceremony held in X" (version 3 stopped at the event noun);
* ``receiver_roles``: who receives money or help is not its giver: "received a loan from the bank" ->
  the loan (5 q: the noun naming the act is the trigger), the receiver a ``participant`` (TRANSACTION)
  or ``target`` (SUPPORT), "from X" the ``agent``;
* ``by_agents``: the actor of a "by" phrase after a participle is its agent, past a time or an object
  ("founded in 2019 by a group", "built for the ministry by a private firm", "complaints filed by X");
* ``object_quotes``: "reported the defect to the regulator" reports a thing, not speech: a noun phrase
  and a preposition after a cue with no verb is no indirect quote.
"""
from __future__ import annotations

import re

from extractors.shared.inflection import verb_forms

# --- place_settings -----------------------------------------------------------------------------
# From an act's trigger to an event noun that is its setting: its object ("told a news conference") or
# a phrase after "at"/"during" ("signed the deal at a ceremony"), a few words with no clause break.
_SETTING_BEFORE_RE = re.compile(
    r"(?:^[ \t]+|[ \t]+(?:at|during)[ \t]+)(?:a|an|the|its|his|her|their)(?:[ \t]+[\w’'-]+){0,3}[ \t]+$")
# From the setting noun to the place's mention: a topic, a participle ("held", "hosted"), then the
# place's preposition and a few words, with no clause break.
_SETTING_AFTER_RE = re.compile(
    r"(?:[ \t]+(?:on|of|over|for)(?:[ \t]+[\w’'-]+){1,2})?,?(?:[ \t]+(?:held|hosted|organi[sz]ed|convened|staged))?"
    r"[ \t]+(?:in|at|near|inside|outside|on)[ \t]+(?:[^,;:.\"“”\n]{0,40}[ \t])?$")
# What breaks a clause in the words before the setting (a comma inside a number does not).
_BREAK_RE = re.compile(r",(?!\d)|[;:.\"“”\n]|\b(?:that|which|who|and|but|after|before|when|while)\b")


def setting_gap(before: str, after: str) -> bool:
    """Whether an event noun between an act and a place is the act's setting: ``before`` runs from the
    act's trigger to the noun, ``after`` from the noun to the place.

    >>> setting_gap(" a news ", " in "), setting_gap(" the agreement at a ", " held in ")
    (True, True)
    >>> setting_gap(" reporters after the ", " in "), setting_gap(" a ", ", which began in ")
    (False, False)
    """
    return (_SETTING_BEFORE_RE.search(before) is not None and _BREAK_RE.search(before) is None
            and _SETTING_AFTER_RE.fullmatch(after) is not None)


# --- receiver_roles -----------------------------------------------------------------------------
# The receiver's role by the type of what is received (3.3 roles table: TRANSACTION "who receives,
# buys or borrows" is a participant; SUPPORT "the supported" is the target).
RECEIVER_ROLE: dict[str, str] = {"TRANSACTION": "participant", "SUPPORT": "target"}
_RECEIVE = "(?:" + "|".join(sorted(f for verb in ("receive", "obtain", "secure") for f in verb_forms(verb))) + ")"
_RECEIVE_WORD_RE = re.compile(_RECEIVE + r"$", re.IGNORECASE)
# A receiving verb and the object phrase up to its head noun ("secured a 650 million shilling ").
_RECEIVE_BEFORE_RE = re.compile(
    r"\b(" + _RECEIVE + r")[ \t]+(?:(?:a|an|the|its|his|her|their|new|further|[$€£]?[\d.,]+[a-z]*|[\w-]+)[ \t]+){0,5}$",
    re.IGNORECASE)
# From the received noun or verb to the giver: "from" near it, no clause break.
_FROM_GAP_RE = re.compile(r"[^,;:.\"“”\n]{0,60}?\bfrom[ \t]+(?:(?:the|a|an)[ \t]+)?(?:[\w’'-]+[ \t]+){0,2}$")


def receiving_verb(word: str) -> bool:
    """Whether ``word`` is a form of a verb of receiving.

    >>> receiving_verb("received"), receiving_verb("Secured"), receiving_verb("gave"), receiving_verb("accepted")
    (True, True, False, False)
    """
    return _RECEIVE_WORD_RE.match(word) is not None


def receiving_verb_before(text: str, s_start: int, start: int) -> int | None:
    """The start of the receiving verb whose object's head is the noun at ``start``, or None.

    >>> t = "The cooperative secured a 650 million shilling loan."
    >>> receiving_verb_before(t, 0, t.index("loan")) == t.index("secured")
    True
    >>> receiving_verb_before("The bank approved a loan.", 0, 20) is None
    True
    """
    m = _RECEIVE_BEFORE_RE.search(text, max(s_start, start - 80), start)
    return None if m is None or _BREAK_RE.search(text, m.end(1), start) else m.start(1)


def giver_gap(between: str) -> bool:
    """Whether ``between`` (from a received thing to an actor) leads to the giver after "from".

    >>> giver_gap(" of 650 million shillings from the "), giver_gap(" to the "), giver_gap(", from the ")
    (True, False, False)
    """
    return _FROM_GAP_RE.fullmatch(between) is not None


# --- by_agents ----------------------------------------------------------------------------------
_IRREGULAR_PARTICIPLES = frozenset({"made", "held", "built", "led", "sent", "brought", "caught", "hit", "shot",
                                    "put", "set", "cut", "struck", "bought", "sold", "paid", "told", "found",
                                    "won", "run", "met", "kept", "left", "lost", "sought", "fought", "bound"})
# From a participle to the actor of its "by" phrase: up to six words (a time, an object, a beneficiary),
# "by", then an article or modifiers, never a gerund ("by buying").
_BY_GAP_RE = re.compile(
    r"(?:[ \t]+[^\s,;:.\"“”]+){0,6}?[ \t]+by[ \t]+(?![\w-]+ing\b)(?:(?!(?:with|to|of|for|from|in|on|at)\b)[\w’'-]+[ \t]+){0,3}$")
# Words that open another clause before the "by" phrase.
_CLAUSE_WORD_RE = re.compile(r"\b(?:that|which|who|and|but|when|while|after|before|because)\b")


def participle(word: str) -> bool:
    """Whether ``word`` can be a past participle.

    >>> participle("founded"), participle("taken"), participle("held"), participle("says")
    (True, True, True, False)
    """
    w = word.lower()
    return w.endswith(("ed", "en", "wn")) or w in _IRREGULAR_PARTICIPLES


def by_gap(between: str) -> bool:
    """Whether ``between`` (from a participle to an actor) is "... by" before the actor.

    >>> by_gap(" in 2019 by a "), by_gap(" for the state revenue department by "), by_gap(" by buying ")
    (True, True, False)
    >>> by_gap(" the plan by 41 votes to 12, and the "), by_gap(" and was criticised by ")
    (False, False)
    >>> by_gap(" by phone with an "), by_gap(" a mobile application used by ")
    (False, False)
    """
    if _BY_GAP_RE.fullmatch(between) is None or _CLAUSE_WORD_RE.search(between) is not None:
        return False
    # another participle before "by" owns the phrase ("an app used by farmers", "a mistake made by X")
    return not any(participle(w) for w in between.split(" by ")[0].split())


# A noun's "by" phrase behind a participle: "complaints filed by his ", "a protest staged by ".
_NOUN_BY_RE = re.compile(r"[ \t]+(?:filed|lodged|made|issued|staged|held|launched|brought|conducted|organi[sz]ed|"
                         r"carried[ \t]+out|mounted|led)(?:[ \t]+(?:late|early|last|this|on|in)[ \t]+[\w]+)?[ \t]+by[ \t]+"
                         r"(?![\w-]+ing\b)(?:[\w’'-]+[ \t]+){0,3}$")


def noun_by_gap(between: str) -> bool:
    """Whether ``between`` (from an event noun to an actor) is a participle's "by" phrase.

    >>> noun_by_gap(" filed by his "), noun_by_gap(" by the "), noun_by_gap(" filed against the ")
    (True, False, False)
    """
    return _NOUN_BY_RE.fullmatch(between) is not None


# --- object_quotes ------------------------------------------------------------------------------
# A noun phrase (an article and up to three words) and a preposition: the object of "reported",
# "announced", "confirmed" and the like, not a reported clause.
_OBJECT_PHRASE_RE = re.compile(
    r"(?:the|a|an|its|his|her|their|this|these|those)(?:[ \t]+[\w’'-]+){1,3}?[ \t]+(?:to|with|for|at|from|in|on)\b")
_VERBISH_RE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|may|might|must"
                         r"|did|does|do|[a-z]+ed|[a-z]+n't)\b")


def object_not_speech(content: str) -> bool:
    """Whether a bare complement of a cue is a noun phrase with a preposition and no verb.

    >>> object_not_speech("the defect to the safety regulator in March")
    True
    >>> object_not_speech("the budget would pass"), object_not_speech("the plant to close in May")
    (False, True)
    >>> object_not_speech("prices rise in winter")
    False
    """
    return _OBJECT_PHRASE_RE.match(content) is not None and _VERBISH_RE.search(content) is None
