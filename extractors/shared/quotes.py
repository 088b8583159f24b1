"""Quotation marks, as both offline extractors read them: the pattern of a quotation, what it quotes,
where the quotations of a text are, and the STATEMENT event every quote's cue makes."""
from __future__ import annotations

import bisect
import re
from typing import Any

from extractors.shared.events import event_record

# Curly or straight double quotation marks; a straight pair never spans a line break.
QUOTE_RE = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"")
# Quotation marks as tokens (double, single, guillemets): a cue after a quote is looked for only up to the
# next one, and a mark is never a word of what a verb names.
QUOTE_MARKS = "“”\"‘’'«»"


def quoted_content(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Offsets of what a QUOTE_RE match quotes, without the marks and the inner edge whitespace.

    >>> text = 'He said “ we will ” then.'
    >>> start, end = quoted_content(text, QUOTE_RE.search(text))
    >>> text[start:end]
    'we will'
    """
    group = 1 if m.group(1) is not None else 2
    start, end = m.start(group), m.end(group)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class QuotationSpans:
    """The spans of a text's QUOTE_RE matches, marks included, and which offsets lie inside one."""

    def __init__(self, text: str):
        self.spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
        self._starts = [s for s, _ in self.spans]

    def contains(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation.

        >>> QuotationSpans('a “b c” d').contains(3), QuotationSpans('a “b c” d').contains(8)
        (True, False)
        """
        # the spans are matches of one pattern, so they are sorted and never overlap
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]


class ContentSpans:
    """Which offsets lie in the content of one of a list of quotes (which may overlap): an index built
    once, where a scan of every quote for every event made an article's cost grow with its square.

    >>> spans = ContentSpans([{"content": {"start": 2, "end": 9}}, {"content": {"start": 4, "end": 5}}])
    >>> spans.contains(1), spans.contains(6), spans.contains(9)
    (False, True, False)
    """

    def __init__(self, quotes: list[dict[str, Any]]):
        pairs = sorted((q["content"]["start"], q["content"]["end"]) for q in quotes)
        self._starts = [s for s, _ in pairs]
        self._reach: list[int] = []  # the furthest end of the contents that start up to each one
        for _, end in pairs:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def contains(self, offset: int) -> bool:
        """Whether some quote's content has ``start <= offset < end``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._reach[i]


def quote_record(content: dict[str, Any], speaker: str | None, kind: str, cue: dict[str, Any] | None,
                 speaker_mention: dict[str, Any] | None) -> dict[str, Any]:
    """A quote as plain data, without its id (given once all quotes are sorted)."""
    return {"content": content, "speaker": speaker, "kind": kind, "cue": cue, "speaker_mention": speaker_mention}


def cue_events(quotes: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """A STATEMENT event for every quote's cue, its speaker as agent, keyed by the cue's start.

    >>> cue = {"start": 4, "end": 8, "text": "said"}
    >>> cue_events([{"cue": cue, "speaker": "a1"}])[4]["arguments"]
    [{'role': 'agent', 'ref': 'a1'}]
    """
    found: dict[int, dict[str, Any]] = {}
    for q in quotes:
        if q["cue"] is None:
            continue
        args = [{"role": "agent", "ref": q["speaker"]}] if q["speaker"] else []
        found[q["cue"]["start"]] = event_record("STATEMENT", q["cue"], args, "positive", "asserted")
    return found


# Reporting verbs whose object is the addressee, the target of the STATEMENT ("told reporters").
ADDRESSEE_CUES = frozenset({"told", "tell", "tells", "telling", "informed", "assured", "warned", "urged"})


def add_addressee(event: dict[str, Any], ref: str | None) -> None:
    """Version 2: the addressee of a cue ("told X") as the target of its STATEMENT event.

    >>> e = {"trigger": {"text": "told"}, "arguments": [{"role": "agent", "ref": "a1"}]}
    >>> add_addressee(e, "a2"); e["arguments"][-1]
    {'role': 'target', 'ref': 'a2'}
    """
    if ref is not None and event["trigger"]["text"].lower() in ADDRESSEE_CUES:
        if {"role": "target", "ref": ref} not in event["arguments"]:
            event["arguments"].append({"role": "target", "ref": ref})


def continue_speakers(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Version 2 (guidelines 2.2): a direct quote with neither cue nor speaker continues the voice of the
    quote before it, so it gets that quote's speaker (no cue, no speaker mention). ``quotes`` are sorted.

    >>> qs = [{"kind": "direct", "cue": {"start": 0}, "speaker": "a1"}, {"kind": "direct", "cue": None, "speaker": None}]
    >>> [q["speaker"] for q in continue_speakers(qs)]
    ['a1', 'a1']
    """
    previous: str | None = None
    for q in quotes:
        if q["speaker"] is None and q["cue"] is None and q["kind"] == "direct":
            q["speaker"] = previous
        previous = q["speaker"]
    return quotes
