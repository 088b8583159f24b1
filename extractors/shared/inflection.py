"""English inflection for the lexicons: they list lemmas, and every form is generated so that none
is forgotten."""
from __future__ import annotations

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
