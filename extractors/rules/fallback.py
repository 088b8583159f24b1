"""Version 4: event triggers for content verbs that no trigger table lists (guidelines 3.1: every
event trigger is annotated; 3.2: its type).

The ``rules`` extractor has no parser, so a word is read as a verb only where English grammar leaves
no other reading: a base form after "to" or a modal, a past participle after a form of "be" or
"have", a finite form right after a subject pronoun or an actor's mention. The word must be a verb
of the general English verb index (:mod:`extractors.shared.verbs`), not one of the verbs the
guidelines keep out of the events (auxiliaries and copulas, light and aspectual verbs, verbs of
cognition, evidence, wishes and states), and typed by its class where the inventory names one (including
OTHER's gestures, building and damage), by the type the version 2 table gives a verb it left out as
too vague alone, as a movement for a light verb with a particle ("taken to hospital"), and otherwise
OTHER (on the ``dev`` half about three in four such verbs are annotated events).
"""
from __future__ import annotations

import bisect
import re

from extractors.shared.triggers_v2 import ELECTION_WORDS, weak_verb_senses
from extractors.shared.verb_classes import PHRASAL_SENSES, stopped, verb_classes
from extractors.shared.verbs import noun_lemmas, verb_lemma

# The pseudo type of a fallback trigger, read by :class:`extractors.rules.events.EventFinder`.
FALLBACK_TYPE = "FALLBACK"

# Words of a sentence about an election to an office (a vote there is PERSONNEL elect, 3.2.2).
_OFFICE_WORDS = ELECTION_WORDS - {"vote", "votes", "ballot", "ballots", "referendum"}
# Words of a sentence about a match, race or tournament (the only place where "lose" or "play" is CONTEST).
CONTEST_WORDS = frozenset("match matches game games final semi-final league cup tournament race title championship "
                          "season fixture goal goals half-time trophy club team side".split())
# Words of a sentence about a contract or a tender (awarding one is AGREE, 5 r).
_CONTRACT_WORDS = frozenset("contract contracts tender tenders deal concession licence license".split())

# Words after which a base form is a verb ("to attend", "will audit", "did not vote").
_BEFORE_BASE = frozenset("to will would could can may might must should shall did does do 'll cannot".split())
# Forms of "be" and "have" before a participle (passive, perfect) or a present participle.
_BE = frozenset("is are was were be been being am".split())
_HAVE = frozenset("has have had having".split())
# Subject pronouns and relative pronouns that open a clause before a finite verb.
_SUBJECTS = frozenset("he she it they we i you who which that".split())
_PLURAL_SUBJECTS = frozenset("they we i you who which that".split())
# Adverbs that may stand between a subject or an auxiliary and its verb.
_ADVERBS = frozenset("also not never then later already just still since recently again jointly "
                     "formally quickly reportedly allegedly".split())
# Words after which a form is a noun: determiners, possessives, prepositions.
_NOUN_BEFORE = frozenset("the a an this these those its his her their our my your no every each any some "
                         "for of with in on from by at into".split())
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


def fallback_triggers(text: str, sentences: list[tuple[int, int]], actor_ends: list[int],
                      taken: set[int]) -> list[tuple[int, int, tuple[str, str]]]:
    """The (start, end, (lemma, :data:`FALLBACK_TYPE`)) of content verbs outside the trigger tables.

    Args:
        sentences: the sentence spans; a verb's context never crosses one.
        actor_ends: the sorted end offsets of actor mentions (a mention before a verb is its subject).
        taken: start offsets already claimed by a trigger, a cue or a mention.
    """
    out: list[tuple[int, int, tuple[str, str]]] = []
    for s_start, s_end in sentences:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text, s_start, s_end)]
        for i, (start, end, word) in enumerate(tokens):
            if start in taken or not word.islower():
                continue
            lemma = verb_lemma(word.replace("’", "'"))
            if lemma is None or len(lemma) < 3:
                continue
            particle = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
            if f"{lemma} {particle}" in PHRASAL_SENSES:
                lemma = f"{lemma} {particle}"  # "were taken to hospital": a movement (5 t)
            elif stopped(lemma):
                continue
            before = [w.lower() for _, _, w in tokens[max(0, i - 3):i]]
            after_subject = after_actor(text, actor_ends, start)
            phrasal = lemma in PHRASAL_SENSES  # a verb and its particle: a verb whatever stands before
            verb = phrasal or is_verb_here(word, lemma, before, after_subject)
            if verb:
                out.append((start, end, (lemma, FALLBACK_TYPE)))
    return out


def phrasal_sense(lemma: str, particle: str) -> tuple[str, str | None] | None:
    """The (type, subtype) of a light verb with a particle that the trigger table does not list.

    >>> phrasal_sense("take", "to"), phrasal_sense("take", "up")
    (('MOVE', 'transport'), None)
    """
    return PHRASAL_SENSES.get(f"{lemma} {particle.lower()}")


def fallback_sense(lemma: str, sentence: str) -> tuple[str, str | None]:
    """The (type, subtype) of a fallback verb: its class, the type the trigger table gives a verb too
    vague to be listed alone, or OTHER. A vote is POLICY unless the sentence is about an election to
    an office (3.2.2); awarding a contract or tender is AGREE, a prize CONTEST (5 r).

    >>> fallback_sense("audit", "Officials will audit the fund."), fallback_sense("repaint", "They repainted it.")
    (('LEGAL', 'investigate'), ('OTHER', None))
    >>> fallback_sense("vote", "Members voted to accept the offer.")
    ('POLICY', 'legislate')
    """
    words = frozenset(re.findall(r"[a-z-]+", sentence.lower()))
    if lemma == "vote":
        return ("PERSONNEL", "elect") if words & _OFFICE_WORDS else ("POLICY", "legislate")
    if lemma == "award":
        return ("AGREE", None) if words & _CONTRACT_WORDS else ("CONTEST", "award")
    sense = (PHRASAL_SENSES.get(lemma) or verb_classes().get(lemma) or weak_verb_senses().get(lemma)
             or ("OTHER", None))
    if sense[0] == "CONTEST" and not words & CONTEST_WORDS:
        return "OTHER", None  # "the firm lost money", "to play a part": no contest
    return sense


def noun_not_verb(word: str, before: list[str]) -> bool:
    """Whether a reporting verb's form that is also a noun ("state", "reports", "comment") is a noun
    here: after a determiner or a preposition, or after a capitalised word that modifies it ("the
    Brazilian state"). Past forms and participles stay verbs.

    >>> noun_not_verb("state", ["the"]), noun_not_verb("states", ["Mexican"]), noun_not_verb("say", ["firms"])
    (True, True, False)
    >>> noun_not_verb("stated", ["the"])
    False
    """
    if word.endswith(("ed", "ing")) or (word not in noun_lemmas() and word[:-1] not in noun_lemmas()):
        return False
    prev = before[-1] if before else ""
    return prev.lower() in _NOUN_BEFORE or prev[:1].isupper()


def compound_noun(word: str, before: str) -> bool:
    """Whether a verb's base form is the head of a compound noun here: the word before it is a
    lower-case noun that is no verb ("a vehicle ferry"), so the form is a noun too.

    >>> compound_noun("ferry", "a second vehicle "), compound_noun("ferry", "boats will ")
    (True, False)
    >>> compound_noun("ferried", "vehicle ")
    False
    """
    if word not in noun_lemmas() or verb_lemma(word) != word:
        return False
    words = before.split()
    prev = words[-1] if words else ""
    return prev.isalpha() and prev.islower() and prev in noun_lemmas() and verb_lemma(prev) is None


def after_actor(text: str, actor_ends: list[int], start: int) -> bool:
    """Whether an actor's mention ends right before ``start`` (spaces and adverbs between)."""
    i = bisect.bisect_right(actor_ends, start) - 1
    if i < 0:
        return False
    gap = text[actor_ends[i]:start].split()
    return all(w.lower() in _ADVERBS for w in gap) and "," not in text[actor_ends[i]:start]


def is_verb_here(word: str, lemma: str, before: list[str], after_subject: bool) -> bool:
    """Whether a verb form is used as a verb after the (lower-case) words ``before`` it.

    >>> is_verb_here("audit", "audit", ["will"], False), is_verb_here("audit", "audit", ["the"], False)
    (True, False)
    >>> is_verb_here("leaked", "leak", ["was"], False), is_verb_here("leaked", "leak", ["the"], False)
    (True, False)
    >>> is_verb_here("greets", "greet", ["he"], False), is_verb_here("greets", "greet", ["warm"], False)
    (True, False)
    """
    words = [w for w in before if w not in _ADVERBS and not w.endswith("ly")] or [""]
    prev = words[-1]
    if word == lemma:  # base form: after "to", a modal, or a plural subject
        return prev in _BEFORE_BASE or prev in _PLURAL_SUBJECTS
    if word.endswith("ing"):  # progressive
        return prev in _BE
    if word.endswith("s") and not word.endswith("ss"):  # third person singular
        return prev in _SUBJECTS or after_subject
    # past tense or participle
    return prev in _BE or prev in _HAVE or prev in _SUBJECTS or after_subject
