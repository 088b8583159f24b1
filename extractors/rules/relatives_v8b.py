"""Version 8, round 2, of the ``rules`` extractor's pronouns (switch ``relative_pronouns``): "he" or "she"
inside a non-restrictive relative clause of a person named by a noun ("an official, who asked not to be
named because he was not authorised to speak, said ...") is that person: the relative clause speaks of
its antecedent, and a third person singular pronoun in it that agrees with no one else in the clause is
the antecedent itself (guidelines 1, pronoun mentions; 5 l 2: "he"/"she" refer back to the unnamed
person). The grouping of version 2 gives such a pronoun to the person named last before it, often
another one.
"""
from __future__ import annotations

import re
from typing import Any

# A word, a comma and "who", then the clause up to its closing punctuation, with "he"/"she"/"his"/"her"
# in it (no name or other noun of a person is looked for: the clause is short). The word opens at a word's
# start: read from each letter of a long word, the pattern would scan to the word's end each time (and a
# word read from its middle is never a mention's span).
_RELATIVE_RE = re.compile(r"(?<![\w-])([a-z][\w-]*),[ \t]+who\b[^,.;:\"“”()]*?\b([Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")


def relative_pronouns(text: str, actors: list[dict[str, Any]]) -> None:
    """Move each pronoun of a relative clause to the person whose nominal mention the clause follows."""
    at = {(m["start"], m["end"]): a for a in actors for m in a["mentions"]}
    for m in _RELATIVE_RE.finditer(text):
        owner = at.get(m.span(1))
        if owner is None or owner["type"] != "PER" or owner.get("subtype") != "person":
            continue
        if re.search(r"\b[A-Z][a-z]+\b", text[m.end(1):m.start(2)]):
            continue  # a name inside the clause may be the pronoun's referent
        span = m.span(2)
        old = at.get(span)
        if old is owner:
            continue
        if old is not None:
            old["mentions"] = [x for x in old["mentions"] if (x["start"], x["end"]) != span]
        owner["mentions"].append({"start": span[0], "end": span[1], "text": m.group(2), "kind": "pronoun"})
        owner["mentions"].sort(key=lambda x: (x["start"], x["end"]))
        at[span] = owner
