"""Version 2: "it" and "its" for organisations and states (guidelines 1: pronouns are mentions), which
the grouping of version 1 leaves out (it resolves only personal pronouns to people).

An "its", or an "it" that is the subject of a verb that an organisation does ("it would close", "it
said"), joins the nearest organisation or state actor named before it in the same or the previous
sentence. An "it" before "is" or "was" is left alone: it is mostly an empty subject ("it is too early").
"""
from __future__ import annotations

import re
from typing import Any

_IT_RE = re.compile(r"(?<![\w’'-])(?:[Ii]ts|[Ii]t(?=[ \t]+(?:would|will|had|has|have|could|can|said|says|did|does|"
                    r"plans|planned|wants|needs|must|should|may|might|also|then|later|[a-z]+ed)\b))(?![\w’'-])")
# How far back (characters) an "it" looks for its organisation: about two sentences.
IT_WINDOW = 300


def it_mentions(text: str, actors: list[dict[str, Any]], taken: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(actor id, start, end) of each "it"/"its" that refers to an organisation or state actor.

    >>> actors = [{"id": "a1", "type": "ORG", "mentions": [{"start": 0, "end": 4}]}]
    >>> it_mentions("Acme said it would close its plant.", actors, [])
    [('a1', 10, 12), ('a1', 25, 28)]
    """
    names = sorted((m["end"], a["id"]) for a in actors if a["type"] in ("ORG", "GPE") and a.get("subtype") != "group_of_states"
                   for m in a["mentions"])
    out = []
    for m in _IT_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        before = [(end, ref) for end, ref in names if end <= m.start() and m.start() - end <= IT_WINDOW]
        if before and "\n\n" not in text[before[-1][0]:m.start()]:
            out.append((before[-1][1], m.start(), m.end()))
    return out


def add_mentions(text: str, actors: list[dict[str, Any]], found: list[tuple[str, int, int]]) -> None:
    """Add pronoun mentions to their actors, keeping each actor's mentions in text order."""
    by_id = {a["id"]: a for a in actors}
    for ref, start, end in found:
        by_id[ref]["mentions"].append({"start": start, "end": end, "text": text[start:end], "kind": "pronoun"})
    for ref in {ref for ref, _, _ in found}:
        by_id[ref]["mentions"].sort(key=lambda m: (m["start"], m["end"]))
