"""Version 3 of the offline extractors: actors that news names only by a description ("the president",
"a government mediator", "the referee", "the league"; guidelines 1.1 and 1.2: a nominal that refers to
a specific person or body is an actor of its own when no name is given for it).

A singular role noun after a determiner is a candidate; one actor per noun per article (every "the
referee" is the same referee). A noun that is a title before a name ("chairwoman Ana Ruiz") or an
apposition of a name ("Ana Ruiz, the referee", "a teacher, Ana Ruiz") belongs to that name and is
left to the grouping; so is a noun the caller has already given to an actor (``taken``). General
English nouns only, the same for every article.
"""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from extractors.shared.textscan import Overlaps, ends_with_comma, last_word, stripped_end

# Singular nouns for one person by role, kin or age -> subtype "person".
PERSON_ROLES: frozenset[str] = frozenset(
    """president vice-president minister governor mayor premier chancellor senator lawmaker legislator
    referee umpire mediator arbitrator chairman chairwoman chairperson chair chief spokesman spokeswoman
    spokesperson official director manager coach captain goalkeeper striker defender midfielder substitute
    judge magistrate prosecutor lawyer attorney witness suspect victim defendant plaintiff
    doctor surgeon nurse midwife paramedic teacher headteacher principal professor lecturer researcher
    scientist economist analyst engineer worker employee driver pilot captain officer soldier commander
    farmer fisherman miner student pupil patient resident villager survivor
    girl boy baby infant toddler child teenager woman man daughter son mother father wife husband
    brother sister widow widower grandmother grandfather
    bishop priest imam pastor rabbi archbishop
    executive founder owner chief-executive secretary treasurer commissioner inspector ambassador envoy
    negotiator candidate challenger incumbent winner player""".split())
# Singular nouns for a body acting -> (type, subtype).
BODY_ROLES: dict[str, tuple[str, str | None]] = {
    "league": ("ORG", None), "parliament": ("ORG", "government"), "legislature": ("ORG", "government"),
    "senate": ("ORG", "government"), "cabinet": ("ORG", "government"), "regulator": ("ORG", "government"),
    "board": ("ORG", None), "jury": ("ORG", None), "panel": ("ORG", None), "tribunal": ("ORG", "court"),
    "court": ("ORG", "court"), "police": ("ORG", "police"), "army": ("ORG", "military"),
    "navy": ("ORG", "military"), "military": ("ORG", "military"), "municipality": ("ORG", "government"),
    "council": ("ORG", "government"), "ministry": ("ORG", "government"), "commission": ("ORG", "government"),
    "committee": ("ORG", "government"), "union": ("ORG", "union"), "company": ("ORG", "company"),
    "club": ("ORG", "sports_team"), "charity": ("ORG", "ngo"), "hospital": ("ORG", "hospital"),
}
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat)"
_MODIFIER = r"(?:[a-z][a-z0-9-]*[ \t]+)"
_ROLE_RE = re.compile(r"(?<![\w-])" + _DETERMINER + r"[ \t]+" + _MODIFIER + r"{0,2}("
                      + "|".join(sorted({*PERSON_ROLES, *BODY_ROLES}, key=len, reverse=True)) + r")(?![\w-])")
# Modifier words that make the phrase no single, specific one ("every", "any", "no", "other").
_NOT_SPECIFIC = frozenset("every any no other each such new next former".split())
# A capitalised word after the noun: a title before a name ("the chairwoman Ana Ruiz").
_NAME_AFTER_RE = re.compile(r"[ \t]+(?:[A-Z][\w’'-]+)")
# How far (characters) a person's name may follow a role noun that is its title, and what ends the clause.
TITLE_REACH = 60
_CLAUSE_END_RE = re.compile(r"[,.;:!?()\"“”]")
_APPOSITION_AFTER_RE = re.compile(r"[ \t]*,[ \t]+[A-Z][\w’'-]+")


# Version 4 (switch ``speaker_nouns``): more bodies that act and speak, and persons by role; a
# modifier may be capitalised ("a Brennish government official") or possessive ("the state
# prosecutor's office", whose head is "office").
BODY_ROLES_V4: dict[str, tuple[str, str | None]] = {
    "cooperative": ("ORG", "company"), "association": ("ORG", None), "federation": ("ORG", "union"),
    "alliance": ("ORG", None), "forum": ("ORG", None), "institute": ("ORG", "think_tank"),
    "foundation": ("ORG", "ngo"), "agency": ("ORG", "government"), "authority": ("ORG", "government"),
    "department": ("ORG", "government"), "office": ("ORG", "government"), "secretariat": ("ORG", "government"),
    "synod": ("ORG", "religious"), "diocese": ("ORG", "religious"), "congregation": ("ORG", "religious"),
    "parish": ("ORG", "religious"),
}
PERSON_ROLES_V4: frozenset[str] = frozenset(
    "delegate representative aide adviser advisor investigator rector dean person source".split())
_MODIFIER_V4 = r"(?:[A-Za-z][a-z0-9-]*(?:[’'][s])?[ \t]+)"
_ROLE_V4_RE = re.compile(r"(?<![\w-])" + _DETERMINER + r"[ \t]+" + _MODIFIER_V4 + r"{0,2}("
                         + "|".join(sorted({*PERSON_ROLES, *BODY_ROLES, *PERSON_ROLES_V4, *BODY_ROLES_V4},
                                           key=len, reverse=True)) + r")(?![\w-])")
# The word after a role noun that makes it the subject of a verb, not an apposition ("..., in Tolu, a
# hospital spokeswoman said"): a lower-case word that is no preposition, conjunction or relative.
_VERB_AFTER_RE = re.compile(r"[ \t]+(?!(?:of|at|from|in|for|and|or|who|whose|which|with|on|to|by)\b)[a-z]+\b")


def role_type(noun: str) -> tuple[str, str | None]:
    """The actor type and subtype a role noun of :func:`role_actors` makes.

    >>> role_type("referee"), role_type("league"), role_type("cooperative")
    (('PER', 'person'), ('ORG', None), ('ORG', 'company'))
    """
    return BODY_ROLES.get(noun) or BODY_ROLES_V4.get(noun, ("PER", "person"))


def role_actors(text: str, taken: list[tuple[int, int]], names: Sequence[int] = (), *, v4: bool = False
                ) -> dict[str, list[tuple[int, int]]]:
    """Noun -> the spans of the unnamed person or body an article names by that singular role noun
    (the head noun only), leaving out titles and appositions of names and spans overlapping ``taken``;
    ``names`` are the starts of person names, and a role with one shortly after it in the same clause
    is a title ("the mayor of Tolu Ana Ruiz").

    >>> role_actors("The referee sent him off. The league fined the referee Ana Ruiz.", [])
    {'referee': [(4, 11)], 'league': [(30, 36)]}
    >>> role_actors("Ana Ruiz, the referee, left. A teacher, Ana Dede, won.", [])
    {}

    With ``v4`` (switch ``speaker_nouns``), the nouns and modifiers of version 4, and a role noun after
    a name and a comma that a verb follows is the subject of that verb, not the name's apposition:

    >>> role_actors("The bus crashed in Tolu, a hospital spokeswoman said.", [], v4=True)
    {'spokeswoman': [(36, 47)]}
    """
    out: dict[str, list[tuple[int, int]]] = {}
    spans = Overlaps(taken)  # indexed once: a scan per match was quadratic
    for m in (_ROLE_V4_RE if v4 else _ROLE_RE).finditer(text):
        start, end = m.span(1)
        noun = m.group(1).lower()
        words = m.group().lower().split()
        if not _NOT_SPECIFIC.isdisjoint(words) or spans.any(start, end):
            continue
        if _NAME_AFTER_RE.match(text, end) or _APPOSITION_AFTER_RE.match(text, end):
            continue  # a title before a name, or a descriptor before a name in an apposition
        if ends_with_comma(text, m.start()) and _capitalised_before(text, m.start()) and not (
                v4 and _VERB_AFTER_RE.match(text, end)):
            continue  # "Ana Ruiz, the referee": an apposition of the name
        i = bisect.bisect_left(names, end)
        if i < len(names) and names[i] - end <= TITLE_REACH and not _CLAUSE_END_RE.search(text, end, names[i]):
            continue  # "the general secretary of the union Ana Ruiz": a title before her name
        out.setdefault(noun, []).append((start, end))
    return out


def _capitalised_before(text: str, pos: int) -> bool:
    """Whether the word before the comma before ``pos`` is capitalised (a name ends there)."""
    comma = stripped_end(text, pos)
    word = last_word(text, comma - 1) if comma > 0 else ""
    return word[:1].isupper()
