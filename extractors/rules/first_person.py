"""Version 5 (``quote_first_person``): "I", "me", "my" inside a direct quote are pronoun mentions of the
quote's person speaker (guidelines 1: "'I' in a quote is the speaker"), so that "I attended" has the
speaker as its agent. spaCy's version 4 does the same with its parse (``first_person``); ``rules`` finds
the words by their form, which in English is unambiguous for these pronouns.

Only a direct quote counts: in an indirect or mixed quote "I" may be the reporter's or another speaker's
words, and the speaker must be a person (a body speaks as "we", not "I").
"""
from __future__ import annotations

import re
from typing import Any

# The first person singular pronouns (a capital "I" only: a lone lower-case "i" is a typo or a list mark).
_FIRST_PERSON_RE = re.compile(r"(?<![\w’'-])(?:I|[Mm]e|[Mm]y|[Mm]yself|[Mm]ine)(?![\w-])")


def first_person_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of first person singular pronouns in ``text[start:end]``.

    >>> text = "“I think my team will win,” he said. “Give me time.”"
    >>> [text[s:e] for s, e in first_person_spans(text, 0, len(text))]
    ['I', 'my', 'me']
    >>> first_person_spans("“Item 5 is mine-free,” she said.", 0, 30)
    []
    """
    return [m.span() for m in _FIRST_PERSON_RE.finditer(text, start, end)]


def add_first_person(text: str, quotes: list[dict[str, Any]], actors: list[dict[str, Any]],
                     taken: set[int]) -> list[tuple[int, int, str]]:
    """Add the first person pronouns of each direct quote with a person speaker to that speaker's
    mentions (not where a mention already starts, ``taken``); return the (start, end, actor id) added."""
    by_id = {a["id"]: a for a in actors}
    added: list[tuple[int, int, str]] = []
    for q in quotes:
        speaker = by_id.get(q.get("speaker") or "")
        if q["kind"] != "direct" or speaker is None or speaker["type"] != "PER":
            continue
        spans = [(s, e) for s, e in first_person_spans(text, q["content"]["start"], q["content"]["end"])
                 if s not in taken]
        for s, e in spans:
            speaker["mentions"].append({"start": s, "end": e, "text": text[s:e], "kind": "pronoun"})
            added.append((s, e, speaker["id"]))
        if spans:
            speaker["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    return added
