"""Version 4 (switch ``org_context``) of the ``rules`` extractor: a name of two or more capitalised
words that nothing marks as an organisation defaults to a person; here the words around it say
otherwise (guidelines 1.1, 1.4: companies, charities, religious bodies are ``ORG``).

A name is an organisation when its last word names a kind of body ("... Alliance", "... Synod",
"... Ferries"); when an apposition names what it is ("X, a software company", "the operator, X");
when it is "which" rather than "who" ("X, which is owned by"); or when it speaks of itself as "it"
("X said it would", "X said in a statement that it"). A name after "the" and before a lower-case
noun ("the Tolu copper mine") modifies that noun: no person. Every candidate with the same text
follows. General English words only.
"""
from __future__ import annotations

import re
from typing import Any, Sequence

from extractors.shared.pronouns import NOMINAL_HEADS
from extractors.shared.roles import BODY_ROLES, BODY_ROLES_V4

# Last words of names of bodies that the version 2 table lacks -> subtype ("" : none listed).
ORG_LAST_WORDS: dict[str, str] = {
    **dict.fromkeys("Alliance Coalition Forum Association League Organisation Organization Fellowship "
                    "Council Assembly".split(), ""),
    **dict.fromkeys("Synod Diocese Church Parish Congregation Mosque Temple Ministries".split(), "religious"),
    **dict.fromkeys("Ferries Renewables Solar Petroleum Electric Chemicals Cement Steel Mines Logistics "
                    "Telecoms Software Softech Tech Labs Laboratories Hotels Finance Holdings".split(), "company"),
}
# Nouns of an apposition that make the name an organisation ("X, a mid-sized iron ore producer").
ORG_NOUNS: frozenset[str] = frozenset(
    {*NOMINAL_HEADS, *BODY_ROLES, *BODY_ROLES_V4} - {"court", "police", "army", "navy", "military", "side", "paper"}
    | set("""producer developer supplier exporter importer distributor provider shelter charity
    organisation organization venture subsidiary conglomerate startup start-up chain broker trader insurer
    group body agency outlet brand church movement""".split()))
_NOUN = r"(" + "|".join(sorted(ORG_NOUNS, key=len, reverse=True)) + r")s?"
# the noun is the apposition's head: no possessive ("the union's president") and no "of" phrase before it
_APPOSITION_AFTER_RE = re.compile(r",[ \t]+(?:a|an|the|one[ \t]+of[ \t]+the)[ \t]+(?:[\w-]+[ \t]+){0,5}?" + _NOUN
                                  + r"(?![\w’'-])")
_APPOSITION_BEFORE_RE = re.compile(r"(?<!of )(?<!at )(?<!for )(?<!from )(?<![\w-])(?:the|its|their|a|an)[ \t]+"
                                   r"(?:[a-z-]+[ \t]+){0,2}" + _NOUN + r",[ \t]+$")
_WHICH_RE = re.compile(r",[ \t]+which\b")
_SAYS_IT_RE = re.compile(r"[ \t]+(?:also[ \t]+)?(?:said|says|announced|stated)[ \t]+(?:in[ \t]+a[ \t]+statement"
                         r"[ \t]+|on[ \t]+\w+[ \t]+)?(?:that[ \t]+)?(?:it|its)\b")
_THE_BEFORE_RE = re.compile(r"(?<![\w-])[Tt]he[ \t]+$")
_LOWER_NOUN_AFTER_RE = re.compile(r"[ \t]+(?:[a-z-]+[ \t]+)?(?:mine|plant|factory|dam|project|field|site|"
                                  r"refinery|port|terminal|mill|camp|farm|estate|reserve|park|station)\b")


def org_by_context(text: str, candidates: Sequence[Any]) -> list[Any]:
    """Retype as organisations the person candidates (:class:`extractors.rules.names.Candidate`) that the
    words around them mark as one; drop those that modify a facility noun after "the" ("the Tolu copper mine").

    >>> from extractors.rules.names import Candidate
    >>> t = "Ana Dede met Vela Softworks, a software company. Vela Softworks said it would hire."
    >>> out = org_by_context(t, [Candidate(0, 8, "Ana Dede", "PER"), Candidate(13, 27, "Vela Softworks", "PER"),
    ...                          Candidate(49, 63, "Vela Softworks", "PER")])
    >>> [c.type for c in out]
    ['PER', 'ORG', 'ORG']
    """
    orgs: set[str] = set()
    dropped: set[int] = set()
    for c in candidates:
        if c.type != "PER" or c.title is not None or c.single or len(c.text.split()) < 2:
            continue
        if _is_org_here(text, c):
            orgs.add(c.text)
        elif _THE_BEFORE_RE.search(text, max(0, c.start - 5), c.start) and _LOWER_NOUN_AFTER_RE.match(text, c.end):
            dropped.add(c.start)
    out = []
    for c in candidates:
        if c.start in dropped and c.type == "PER":
            continue
        if c.type == "PER" and c.text in orgs:
            c.type, c.single = "ORG", False
        out.append(c)
    return out


def _is_org_here(text: str, c: Any) -> bool:
    """Whether the name of ``c`` is an organisation by its last word or the words right around it."""
    last = c.text.split()[-1].rstrip(".,")
    if last in ORG_LAST_WORDS:
        return True
    window = text[c.end:c.end + 80]
    before = text[max(0, c.start - 60):c.start]
    return bool(_APPOSITION_AFTER_RE.match(window) or _APPOSITION_BEFORE_RE.search(before)
                or _WHICH_RE.match(window) or _SAYS_IT_RE.match(window))
