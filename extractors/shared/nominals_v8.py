"""Version 8: nouns of people found by their WordNet class, not by a closed list (guidelines 1.1: an actor
is every person or group of people the text mentions).

A noun is a noun of people when its most frequent WordNet sense lies under ``person.n.01`` or
``people.n.01`` ("smugglers", "accountants", "machinist"), so the words of any trade or condition count,
not only those a development article used. Only the first sense decides: "fans", "heads", "hands" and
"press" are things first and stay out.

* ``class_people`` (both; :func:`class_people` here, ``spacy``:
  :func:`extractors.spacy_pipeline.actors_v8.class_group_token`): a plural noun of people is a ``PER``
  group of its own (1.2, other collectives), one per noun per article as version 2's listed collectives;
  a later noun of a specific class above or below an earlier one's names the same group ("farmers" ...
  "the growers"); no group from a verb form, a class of-phrase (5 z), a predicate nominal or a classifier
  possessive (5 m), nor from the nouns of a body's membership and its officials (5 l 1, left to
  ``body_members``).
* ``class_persons`` (``rules``; :func:`class_roles`): a singular noun of one person after a determiner or
  possessive is a ``PER`` person (5 l 2), one per noun, where it heads its phrase and is no title or
  apposition of a name, no predicate ("as a nurse") and no generic indefinite in a quote (1.2, not actors).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Sequence

from extractors.shared.roles import PERSON_ROLES, PERSON_ROLES_V4, TITLE_REACH
from extractors.shared.textscan import Overlaps
from extractors.shared.wordnet import ancestors, is_kind, lemma_of, lexname, senses, synset_names

# The roots of guidelines 1.1's PER type: a person, and people as a collective.
PERSON_ROOTS: frozenset[str] = frozenset({"person.n.01", "people.n.01"})
# Nouns of people handled by other rules: the nouns of a body's membership, which are the body's mentions
# (guidelines 5 l 1, versions 4 and 7 ``member_nouns``, ``body_members``), and the indefinite pronoun-like
# nouns, which refer to no group (plural forms; a singular is left out with its plural).
_LEFT_OUT: frozenset[str] = frozenset(
    "members delegates representatives councillors councilors lawmakers legislators executives officials staff "
    "players officers "
    "someone somebody anyone anybody everyone everybody no-one nobody one ones self others other".split())
# Officials of a body ("prosecutors", "judges", "magistrates"): a body's own people, its mentions or a group
# of officials by 5 l 1, as the listed "officials" are; not a group of the class.
OFFICIALS: frozenset[str] = frozenset({"official.n.01"})
# A plural lower-case word (the ``s`` forms and the irregular plurals of people nouns).
_WORD_RE = re.compile(r"(?<![\w’'-])([A-Za-z][a-z]+(?:-[a-z]+)*)(?![\w-])")


@lru_cache(maxsize=8192)
def person_sense(word: str) -> bool:
    """Whether a noun's most frequent WordNet sense is a person or people.

    >>> person_sense("smugglers"), person_sense("machinist"), person_sense("fans"), person_sense("press")
    (True, True, False, False)
    """
    return is_kind(word, "n", PERSON_ROOTS)


@lru_cache(maxsize=8192)
def is_plural_person(word: str) -> bool:
    """Whether a word is the plural of a noun of people ("accountants", "children", "people").

    >>> is_plural_person("accountants"), is_plural_person("people"), is_plural_person("accountant")
    (True, True, False)
    """
    word = word.lower()
    if word in _LEFT_OUT or not person_sense(word) or ancestors(senses(word, "n")[0]) & OFFICIALS:
        return False
    lemma = lemma_of(word, "n")
    return lemma != word or senses(word, "n")[0] == "people.n.01"


# Lexicographer files of a thing, place, act or body: a singular noun with such a sense among its first three
# is read as that as often as a person ("ward", "forward", "miss", "subsidiary"), so it is not taken alone.
_THING_FILES = frozenset({"noun.artifact", "noun.location", "noun.event", "noun.act", "noun.group"})


@lru_cache(maxsize=8192)
def is_singular_person(word: str) -> bool:
    """Whether a word is the singular of a noun of one person ("machinist", "supervisor").

    >>> is_singular_person("machinist"), is_singular_person("machinists"), is_singular_person("ward")
    (True, False, False)
    """
    word = word.lower()
    if word in _LEFT_OUT or word + "s" in _LEFT_OUT or not person_sense(word) or lemma_of(word, "n") != word:
        return False
    first = senses(word, "n")[:3]
    return lexname(first[0]) == "noun.person" and not any(lexname(x) in _THING_FILES for x in first)


# The most kinds of people a class may hold and still name the same people when a later noun is one of
# its kinds ("farmers" ... "the growers": grower is a kind of farmer); "worker" or "adult" hold hundreds and
# name many groups.
SPECIFIC_CLASS = 20


@lru_cache(maxsize=1)
def _kinds() -> dict[str, int]:
    """Synset -> how many noun synsets of the tables lie at or below it."""
    counts: dict[str, int] = {}
    for synset in synset_names():
        if ".n." in synset:
            for up in ancestors(synset):
                counts[up] = counts.get(up, 0) + 1
    return counts


def same_people(noun: str, other: str) -> bool:
    """Whether two plural nouns of people name one group: the same first sense, or one's first sense a
    specific class (at most :data:`SPECIFIC_CLASS` kinds) above the other's.

    >>> same_people("growers", "farmers"), same_people("fishermen", "workers"), same_people("voters", "farmers")
    (True, False, False)
    """
    a, b = senses(noun, "n")[:1], senses(other, "n")[:1]
    if not a or not b:
        return False
    if a[0] == b[0]:
        return True
    for low, high in ((a[0], b[0]), (b[0], a[0])):
        if high in ancestors(low) and high not in PERSON_ROOTS and _kinds().get(high, 0) <= SPECIFIC_CLASS:
            return True
    return False


# A restrictive relative clause or participle after a noun picks out a set of its own ("babies who died",
# "people arrested"): not the group an earlier noun of the same kind named.
_RESTRICTED_RE = re.compile(r"[ \t]+(?:who|whom|whose|that|[a-z]+ed)\b")


def _merge_same(text: str, groups: dict[str, list[tuple[int, int]]], added: set[str]
                ) -> dict[str, list[tuple[int, int]]]:
    """Each added noun's spans joined to the group of an earlier noun that names the same people, unless
    a restrictive clause first sets the noun apart."""
    order = sorted(groups, key=lambda n: groups[n][0][0])
    out: dict[str, list[tuple[int, int]]] = {}
    for noun in order:
        restricted = any(_RESTRICTED_RE.match(text, e) for _, e in groups[noun])
        target = None if restricted else next(
            (n for n in out if (noun in added or n in added) and same_people(noun, n)), None)
        if target is None:
            out[noun] = list(groups[noun])
        else:
            out[target] = sorted(out[target] + groups[noun])
    return out


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence or a line (a capitalised common noun may stand there)."""
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“:"


# A superlative or class of-phrase ("one of the largest employers"): its set is no group of the story (5 z).
_ONE_OF_RE = re.compile(r"(?<![\w-])(?:one|some|each|any|none)[ \t]+of[ \t]+(?:[\w’'-]+[ \t]+){0,6}$", re.IGNORECASE)
# A copula right before (with up to two words between, not after "there"): the noun is a predicate
# nominal of the subject ("they were teenagers"; 1, predicate nominals), not a group of its own.
_COPULA_RE = re.compile(r"(?<!there )(?<![\w-])(?:is|are|was|were|be|been|being|become|became|remain|remained)"
                        r"[ \t]+(?:[\w-]+[ \t]+){0,2}$", re.IGNORECASE)
# Words after which an ``-s`` form that is also a verb is the verb ("a group that monitors the river",
# "the board elects a chair"): a determiner or a possessive opens its object.
_OBJECT_AFTER_RE = re.compile(r"[ \t]+(?:the|a|an|its|their|his|her|our|this|these|first|new|two|three)\b")
# A plural possessive after "a"/"an" or after another possessive classifies the noun after it ("a citizens'
# committee", "the union's women's committee"; 5 m).
_CLASSIFIER_BEFORE_RE = re.compile(r"(?:(?<![\w-])[Aa]n?[ \t]+(?:[\w-]+[ \t]+)?|[’']s[ \t]+)$")


def not_a_group(text: str, start: int, end: int, noun: str) -> bool:
    """Whether the plural at ``start:end`` is no group of its own: a class of-phrase, a predicate nominal,
    a verb form before its object, or a classifier possessive."""
    before = text[max(0, start - 60):start]
    if _ONE_OF_RE.search(before) or _COPULA_RE.search(before):
        return True
    if noun.endswith("s") and lemma_of(noun, "v") is not None and (
            _OBJECT_AFTER_RE.match(text, end) or len(senses(noun, "n")) < len(senses(noun, "v"))):
        return True  # a verb before its object, or a word WordNet lists more as a verb ("equals", "judges")
    return text[end:end + 1] in ("'", "’") and bool(_CLASSIFIER_BEFORE_RE.search(before))


def class_people(text: str, taken: list[tuple[int, int]], people: dict[str, list[tuple[int, int]]] | None,
                 ) -> dict[str, list[tuple[int, int]]]:
    """``people`` (version 2's collectives, noun -> spans) with the plural nouns of people of the WordNet
    class added, one group per noun; a capitalised one only where it opens a sentence (elsewhere it is a
    name's word: "Farmers Party"), none inside ``taken``.

    >>> class_people("Smugglers fled. Accountants said the smugglers hid.", [], {})
    {'smugglers': [(0, 9), (37, 46)], 'accountants': [(16, 27)]}
    """
    out = {noun: list(spans) for noun, spans in (people or {}).items()}
    known = set(out)
    spans = Overlaps(taken)
    for m in _WORD_RE.finditer(text):
        word = m.group(1)
        noun = word.lower()
        if noun in known or not is_plural_person(noun) or spans.any(m.start(), m.end()):
            continue
        if not word.islower() and not sentence_start(text, m.start()):
            continue
        if not_a_group(text, m.start(), m.end(), noun):
            continue
        out.setdefault(noun, []).append(m.span())
    return _merge_same(text, out, set(out) - known)


# Version 8 (``class_persons``): a singular noun of one person after a determiner or a possessive, with up
# to two modifiers between ("a 34-year-old machinist", "the night supervisor", "her brother-in-law").
_DETERMINER_RE = re.compile(r"(?<![\w’'-])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]nother|[\w-]+[’']s)[ \t]+")
_LISTED_ROLES: frozenset[str] = PERSON_ROLES | PERSON_ROLES_V4
_HEAD_WORD_RE = re.compile(r"([A-Za-z0-9][\w-]*)(?=[ \t,.;:!?)\"”’']|$)")
# Modifier words that make the phrase no single, specific one (as version 3's role nouns).
_NOT_SPECIFIC = frozenset("every any no other each such next".split())
# After the noun: a capitalised word (a title before a name: "the machinist Ana Ruiz") or a comma and a
# capitalised word (a descriptor before its name: "a machinist, Ana Ruiz,").
_NAME_NEXT_RE = re.compile(r"(?:[ \t]+(?:of|for|at)(?:[ \t]+[\w’'-]+){1,4}?(?=[ \t]*,))?[ \t]*(?:,[ \t]+(?:[a-z][\w-]*[ \t]+){0,3})?"
                           r"[ \t]*[A-Z][\w’'-]+")
# Before the determiner: "as" (a predicate: "worked as a nurse") or a comma before "a"/"an" (an appositive
# of what precedes: "her brother, a farmer from Tolu"); both are mentions of another referent (1).
_PREDICATE_BEFORE_RE = re.compile(r"(?:\bas|,)[ \t]+$")
_AS_BEFORE_RE = re.compile(r"\bas[ \t]+(?:the[ \t]+)?$")


# Words that may follow the head of a noun phrase (a preposition, conjunction, relative or auxiliary).
_AFTER_HEAD = frozenset("of at from in for and or but who whom whose which that with on to by as was is has had "
                        "will would could can may might must should said says".split())


def _phrase_ends(text: str, pos: int) -> bool:
    """Whether the noun phrase ends at ``pos``: punctuation follows, a word of :data:`_AFTER_HEAD`, or a
    verb that is no noun ("the cashier fled"); not a noun or adjective it modifies ("a national strike")."""
    m = re.compile(r"[ \t]*([A-Za-z][\w-]*)").match(text, pos)
    if m is None:
        return True
    word = m.group(1)
    return word.lower() in _AFTER_HEAD or (lemma_of(word, "n") is None and lemma_of(word, "v") is not None)


def _head_after(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the first singular noun of one person among the three words from ``pos``, all before
    it lower-case modifiers, or None."""
    for _ in range(3):
        m = _HEAD_WORD_RE.match(text, pos)
        if m is None:
            return None
        word = m.group(1)
        if word.islower() and is_singular_person(word) and _phrase_ends(text, m.end()):
            return m.span(1)
        if not (word[:1].islower() or word[:1].isdigit()) or word.lower() in _NOT_SPECIFIC:
            return None
        if lemma_of(word, "n") not in (None, word) or _phrase_ends(text, m.end()):
            return None  # the phrase's head was this other noun ("its buildings have")
        if person_sense(word):
            return None  # a compound of person nouns is a title ("the inspector general's office")
        pos = m.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    return None


def class_roles(text: str, taken: list[tuple[int, int]], roles: dict[str, list[tuple[int, int]]],
                names: Sequence[int] = ()) -> dict[str, list[tuple[int, int]]]:
    """``roles`` (version 3's role nouns, noun -> spans) with the singular nouns of one person of the WordNet
    class added after a determiner or possessive, one person per noun; not a title or descriptor next to a
    name, an apposition after a name, or a span inside ``taken``.

    >>> class_roles("A 34-year-old machinist was hurt. The machinist, Ana Ruiz, said the cashier fled.", [], {})
    {'machinist': [(14, 23)], 'cashier': [(68, 75)]}
    """
    out = {noun: list(spans) for noun, spans in roles.items()}
    spans = Overlaps(taken)
    for m in _DETERMINER_RE.finditer(text):
        head = _head_after(text, m.end())
        if head is None or spans.any(*head):
            continue
        noun = text[head[0]:head[1]].lower()
        if noun in _LISTED_ROLES:
            continue  # version 3's and 4's role nouns: role_actors has placed them, titles left out
        if _NAME_NEXT_RE.match(text, head[1]) or _after_name(text, m.start()):
            continue
        if m.group().lower().startswith(("a ", "an ")) and in_quote(text, m.start()):
            continue  # "it can happen to a mate": a generic indefinite in a speaker's words (1.2, not actors)
        before = text[max(0, m.start() - 12):m.start()]
        if _AS_BEFORE_RE.search(before) or (m.group().lower().startswith(("a ", "an "))
                                             and _PREDICATE_BEFORE_RE.search(before)):
            continue
        if _name_within(names, head[1], text):
            continue  # "the regent of Tolu district Ana Ruiz": a title before her name
        out.setdefault(noun, []).append(head)
    return out


def _name_within(names: Sequence[int], end: int, text: str) -> bool:
    """Whether a person's name (``names``: starts, sorted) follows ``end`` closely in the same clause."""
    i = bisect.bisect_left(names, end)
    return i < len(names) and names[i] - end <= TITLE_REACH and not re.search(r"[,.;:!?()\"“”]", text[end:names[i]])


def in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a direct quote of its paragraph (an open quotation mark before it).

    >>> in_quote('He said: "It can happen to a mate." A mate', 27), in_quote('"A" b', 4)
    (True, False)
    """
    start = text.rfind("\n", 0, pos) + 1
    part = text[start:pos]
    return part.count('"') % 2 == 1 or part.count("“") > part.count("”")


def _after_name(text: str, pos: int) -> bool:
    """Whether a comma and a capitalised word end right before ``pos``: an apposition of that name."""
    before = text[max(0, pos - 40):pos].rstrip()
    if not before.endswith(","):
        return False
    word = before[:-1].split()[-1:] or [""]
    return word[0][:1].isupper()
