"""Version 7: the body a person heads or speaks for (guidelines 1.2 and 5 l), read from the words
between one of the person's names and the body: the organisation or state that the person's role noun
names beside the name ("the union's president, X", "its director, X", "Rovers coach X", "X, chairman of
Y", "X, a spokeswoman for Y"), or a definite body noun that refers back to a named organisation ("The
charity's director, X", "X, who chairs the committee"). Nothing when no body is named. Used by
``body_members`` (:mod:`extractors.rules.members_v7`: "his members" are that body); spaCy's
``we_bodies`` finds the same through its parse.
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple, Sequence

from extractors.rules.org_nominals import org_of_nominal

# Between a body and a name after it: a possessive and a role of up to four lower-case words and a comma
# ("’s president, ", " coach ", "’s chief executive, "), or nothing but the role ("its director, ").
_BODY_BEFORE_RE = re.compile(r"(?:’s|'s)?[ \t]+(?:[a-z][a-z-]*[ \t]+){0,3}[a-z][a-z-]*,?[ \t]+")
# Between a name and a body after it: ", chairman of ", ", a spokeswoman for the ", ", head of the ".
_BODY_AFTER_RE = re.compile(r",[ \t]+(?:(?:the|a|an)[ \t]+)?(?:[a-z][a-z-]*[ \t]+){1,4}(?:of|at|for)[ \t]+"
                            r"(?:the[ \t]+)?")


# A definite body noun that owns the role before a name: "The charity's director, ", "the union's
# president ", "The president of the union ", "the head of the federation, ".
_NOUN_BEFORE_RE = re.compile(r"(?<![\w-])[Tt]he[ \t]+(?:(?P<owner>[a-z]+)(?:’s|'s)[ \t]+(?:[a-z][a-z-]*[ \t]+){0,2}"
                             r"[a-z][a-z-]*|(?:[a-z][a-z-]*[ \t]+){1,3}(?:of|at)[ \t]+the[ \t]+(?P<body>[a-z]+))"
                             r",?[ \t]+$")
# A definite body noun after a name: "X, chairman of the union", "X, who heads the federation".
_NOUN_AFTER_RE = re.compile(r",[ \t]+(?:(?:the|a|an)[ \t]+)?(?:(?:[a-z][a-z-]*[ \t]+){1,4}(?:of|at|for)|who[ \t]+"
                            r"(?:chairs|heads|leads|runs|directs|represents))[ \t]+the[ \t]+([a-z]+)\b")


class BodyRef(NamedTuple):
    """An actor mention as the finder needs it: where it is, whose it is, whether a person's."""

    start: int
    end: int
    ref: str
    is_actor: bool
    is_person: bool


def speaker_body(text: str, speaker: dict[str, Any], refs: Sequence[Any]) -> str | None:
    """The id of the organisation or state ``speaker`` speaks for (itself when it is no person), or None.

    >>> refs = [BodyRef(0, 10, "a1", True, False), BodyRef(24, 32, "a2", True, True)]
    >>> speaker_body("Tolu Union’s president, Ana Ruiz, said", {"id": "a2", "type": "PER",
    ...     "mentions": [{"start": 24, "end": 32, "kind": "name"}]}, refs)
    'a1'
    >>> speaker_body("Ana Ruiz said", {"id": "a2", "type": "PER", "mentions": [{"start": 0, "end": 8, "kind": "name"}]},
    ...              [BodyRef(0, 8, "a2", True, True)])
    """
    if speaker["type"] != "PER":
        return speaker["id"]
    bodies = [r for r in refs if r.is_actor and not r.is_person and r.ref != speaker["id"]]
    for m in speaker["mentions"]:
        if m.get("kind") != "name":
            continue
        for r in bodies:
            if r.end <= m["start"] and _BODY_BEFORE_RE.fullmatch(text, r.end, m["start"]):
                return r.ref
            if r.start >= m["end"] and _BODY_AFTER_RE.fullmatch(text, m["end"], r.start):
                return r.ref
    return None


def noun_body(text: str, speaker: dict[str, Any], named: list[tuple[int, int, dict[str, Any]]]) -> str | None:
    """The id of the organisation a definite body noun beside one of a person speaker's names refers
    to ("The charity's director, X", "The president of the union X", "X, who chairs the committee").

    >>> acme = {"id": "a1", "name": "Tolu Dockers Union", "type": "ORG", "subtype": "union"}
    >>> text = "Tolu Dockers Union struck. The president of the union, Ana Ruiz, said so."
    >>> noun_body(text, {"mentions": [{"start": 55, "end": 63, "kind": "name"}]}, [(0, 18, acme)])
    'a1'
    """
    for m in speaker["mentions"]:
        if m.get("kind") != "name":
            continue
        before = _NOUN_BEFORE_RE.search(text, max(0, m["start"] - 60), m["start"])
        after = _NOUN_AFTER_RE.match(text, m["end"])
        found = [(g.group(k), g.start(k)) for g in (before,) if g is not None for k in ("owner", "body") if g.group(k)]
        found += [(g.group(1), g.start(1)) for g in (after,) if g is not None]
        for noun, at in found:
            actor = org_of_nominal(text, noun, at, named)
            if actor is not None:
                return actor["id"]
    return None
