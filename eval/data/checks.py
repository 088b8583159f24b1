"""Semantic checks of one document that a JSON Schema cannot express.

Two levels, each problem a ``(json_path, reason)`` pair, every problem reported, not only the first:

* :func:`check_document`, the contract: spans lie inside the text and equal ``text[start:end]``;
  ids are unique; every quote ``speaker`` and event argument ``ref`` resolves; the text and span
  texts are valid Unicode (no lone UTF-16 surrogates). A document that fails here is rejected.
* :func:`check_span_quality`, well-formed spans: a span is not empty, does not start or end with
  whitespace, and does not split a grapheme cluster (start on a combining mark, end before one, or
  cut an emoji sequence), and no mention belongs to two entities of one category
  (:func:`check_shared_mentions`). Gold must pass these (a gold file that fails is rejected); a
  prediction that fails is still scored, so for predictions they are warnings.

Offsets are Unicode code points (Python ``str`` indices). Offsets computed in UTF-16 code units
(JavaScript, Java, C#) or UTF-8 bytes (Rust, Go, C) differ from them after the first character
outside ASCII (UTF-16: outside the Basic Multilingual Plane, e.g. an emoji); when a wrong span would
be right in one of those units, the reason says so.
"""
from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

import regex

if TYPE_CHECKING:  # the models import these checks, so they are named here for type checkers only
    from eval.data.models import Document, Span

PathReason = tuple[str, str]

_SURROGATE = re.compile("[\ud800-\udfff]")
_GRAPHEME = regex.compile(r"\X")
_UNITS = (("UTF-16 code units", "utf-16-le", 2), ("UTF-8 bytes", "utf-8", 1))
_CODE_POINTS = "newsbench uses Unicode code point offsets (Python str indices)"


def _char(c: str) -> str:
    """``U+0301 COMBINING ACUTE ACCENT``: a code point named for a message."""
    return f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}"


def _lone_surrogate(s: str) -> str | None:
    match = _SURROGATE.search(s)
    if match is None:
        return None
    return f"U+{ord(match.group()):04X} at offset {match.start()}"


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPED_SURROGATE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")


def may_hold_surrogates(raw: str | bytes) -> bool:
    r"""Whether JSON text ``raw`` may decode to a lone surrogate: it holds a ``\uD800``-``\uDFFF`` escape.

    Valid UTF-8 cannot encode a surrogate, so an escape is the only way in; the search costs far less than
    walking every string of the parsed document.

    >>> may_hold_surrogates('{"name": "\\ud83d"}'), may_hold_surrogates('{"name": "\\u00e9"}')
    (True, False)
    """
    return bool((_ESCAPED_SURROGATE_BYTES if isinstance(raw, bytes) else _ESCAPED_SURROGATE).search(raw))


def lone_surrogates(value: Any, path: str = "") -> list[PathReason]:
    """``(json_path, reason)`` for every string (or object key) in JSON data ``value`` that holds a lone surrogate.

    No output can write such a string as UTF-8, so a document holding one anywhere (a name, an id, an
    extra field) is refused with its path, not only in its text.

    >>> lone_surrogates({"actors": [{"name": "Ana \\ud83d"}], "text": "ok"})
    [('actors[0].name', 'contains a lone surrogate U+D83D at offset 4 (half of a UTF-16 pair, not a character); strings must be valid Unicode')]
    """
    found: list[PathReason] = []
    stack: list[tuple[str, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            surrogate = _lone_surrogate(item)
            if surrogate:
                found.append((where, f"contains a lone surrogate {surrogate} (half of a UTF-16 pair, not a character); "
                                     "strings must be valid Unicode"))
        elif isinstance(item, dict):
            for key, sub in reversed(list(item.items())):
                if isinstance(key, str) and _lone_surrogate(key):
                    found.append((where, f"key {key!r} contains a lone surrogate; strings must be valid Unicode"))
                stack.append((f"{where}.{key}" if where else str(key), sub))
        elif isinstance(item, (list, tuple)):
            stack.extend((f"{where}[{i}]", sub) for i, sub in reversed(list(enumerate(item))))
    return found


def offset_unit_hint(text: str, span: Span) -> str | None:
    """Explain a wrong span whose offsets are right in UTF-16 code units or UTF-8 bytes.

    >>> from eval.schema import Span
    >>> offset_unit_hint("😀 NATO", Span(start=3, end=7, text="NATO"))
    'offsets look like UTF-16 code units; newsbench uses Unicode code point offsets (Python str indices): this span is [2, 6)'
    """
    if text.isascii():  # every unit is a code point: no other reading is possible
        return None
    for unit, codec, width in _UNITS:
        data = text.encode(codec, "surrogatepass")
        start, end = span.start * width, span.end * width
        if end > len(data):
            continue
        try:
            if data[start:end].decode(codec) != span.text:
                continue
            cp_start = len(data[:start].decode(codec))
        except UnicodeDecodeError:  # the offset falls inside a character in this unit too
            continue
        return f"offsets look like {unit}; {_CODE_POINTS}: this span is [{cp_start}, {cp_start + len(span.text)})"
    return None


def check_span(text: str, span: Span) -> str | None:
    """Return why ``span`` does not fit ``text``, or None when it does.

    >>> from eval.schema import Span
    >>> check_span("NATO said", Span(start=5, end=9, text="said")) is None
    True
    >>> check_span("NATO said", Span(start=0, end=3, text="NATO"))
    "span text 'NATO' differs from text[0:3] = 'NAT'"
    """
    surrogate = _lone_surrogate(span.text)
    if surrogate:
        return (
            f"span text contains a lone surrogate {surrogate} of the span text, half of a UTF-16 surrogate pair: "
            f"the offsets split a character; {_CODE_POINTS}"
        )
    n = len(text)
    if span.end > n:
        reason = f"span [{span.start}, {span.end}) ends past the end of the text (length {n})"
    else:
        actual = text[span.start : span.end]
        if actual == span.text:
            return None
        reason = f"span text {span.text!r} differs from text[{span.start}:{span.end}] = {actual!r}"
    hint = offset_unit_hint(text, span)
    return f"{reason}: {hint}" if hint else reason


def check_document(doc: Document) -> list[PathReason]:
    """Every contract problem of ``doc`` as ``(json_path, reason)``, in a stable order."""
    problems: list[PathReason] = []
    surrogate = _lone_surrogate(doc.text)
    if surrogate:
        problems.append(
            ("text", f"contains a lone surrogate {surrogate} (half of a UTF-16 pair, not a character); the text must be valid Unicode")
        )
    for path, span in iter_spans(doc):
        reason = check_span(doc.text, span)
        if reason:
            problems.append((path, reason))
    problems += _check_ids(doc)
    problems += _check_refs(doc)
    if doc.text_sha256 is not None:
        actual = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
        if actual != doc.text_sha256:
            problems.append(("text_sha256", f"{doc.text_sha256} does not match the text's sha256 {actual}"))
    return problems


def check_span_quality(doc: Document) -> list[PathReason]:
    """Spans that fit the text but are not well formed: empty, padded with whitespace, or cutting a character.

    Only spans that :func:`check_document` accepts are examined. Errors for gold, warnings for predictions.

    >>> from eval.schema import Document
    >>> doc = Document.model_validate({"doc_id": "d", "text": "Jose\\u0301 spoke", "actors": [
    ...     {"id": "a", "name": "José", "type": "PER", "mentions": [{"start": 0, "end": 4, "text": "Jose"}]}]})
    >>> [(path, reason.split(", which")[0]) for path, reason in check_span_quality(doc)]
    [('actors[0].mentions[0]', 'span [0, 4) ends before U+0301 COMBINING ACUTE ACCENT')]
    """
    problems: list[PathReason] = []
    text = doc.text
    for path, span in iter_spans(doc):
        if span.end > len(text) or text[span.start : span.end] != span.text:
            continue
        reason = _span_quality(text, span.start, span.end)
        if reason:
            problems.append((path, reason))
    return problems + check_shared_mentions(doc)


def check_shared_mentions(doc: Document) -> list[PathReason]:
    """Mentions that belong to two entities of one category (actors, or locations): each mention names one entity.

    The coreference figures take the entities of a category as a partition of its mentions.

    >>> from eval.schema import Document
    >>> nato = {"start": 0, "end": 4, "text": "NATO"}
    >>> doc = Document.model_validate({"doc_id": "d", "text": "NATO met.", "actors": [
    ...     {"id": "a", "name": "NATO", "type": "ORG", "mentions": [nato]},
    ...     {"id": "b", "name": "NATO", "type": "PER", "mentions": [nato]}]})
    >>> check_shared_mentions(doc)
    [('actors[1].mentions[0]', "span [0, 4) 'NATO' is already a mention of actors[0] ('a'); a mention belongs to one entity")]
    """
    problems: list[PathReason] = []
    for kind in ("actors", "locations"):
        owner: dict[tuple[int, int], int] = {}
        items = getattr(doc, kind)
        for i, item in enumerate(items):
            for j, m in enumerate(item.mentions):
                first = owner.setdefault((m.start, m.end), i)
                if first != i:
                    reason = (f"span [{m.start}, {m.end}) {m.text!r} is already a mention of {kind}[{first}] "
                              f"({items[first].id!r}); a mention belongs to one entity")
                    problems.append((f"{kind}[{i}].mentions[{j}]", reason))
    return problems

def _span_quality(text: str, start: int, end: int) -> str | None:
    where = f"span [{start}, {end})"
    if start == end:
        return f"{where} is empty"
    if text[start].isspace() or text[end - 1].isspace():
        return f"{where} starts or ends with whitespace ({text[start:end]!r}); trim it"
    for offset, edge in ((start, "starts on"), (end, "ends before")):
        if _splits(text, offset):
            cluster = _cluster_at(text, offset)
            mark = text[offset]
            if unicodedata.category(mark).startswith("M") or mark in "\u200d\ufe0f":
                return (
                    f"{where} {edge} {_char(mark)}, which belongs to the character before it: "
                    f"the span splits the character {cluster!r} at offset {offset}"
                )
            return f"{where} splits the character {cluster!r} ({' '.join(f'U+{ord(c):04X}' for c in cluster)}) at offset {offset}"
    return None


_LOOK_BACK = 64


def _splits(text: str, offset: int) -> bool:
    """Whether ``offset`` falls inside a grapheme cluster (a user-perceived character)."""
    if offset <= 0 or offset >= len(text):
        return False
    if text[offset - 1].isascii() and text[offset].isascii():  # only CR LF is an ASCII cluster; cutting it is harmless
        return False
    # Segment from the nearest earlier position that is surely a boundary (between two ASCII
    # characters other than CR LF): a few characters back in most texts, so checking a span
    # costs O(1) instead of segmenting the whole text.
    start = offset - 1
    while start > 0 and offset - start < _LOOK_BACK and not _ascii_boundary(text, start):
        start -= 1
    if start > 0 and not _ascii_boundary(text, start):  # no such position nearby (CJK, long RTL runs)
        return offset not in _boundaries(text)
    for match in _GRAPHEME.finditer(text, start):
        if match.end() >= offset:
            return match.end() != offset
    return False


def _ascii_boundary(text: str, i: int) -> bool:
    before, after = text[i - 1], text[i]
    return before.isascii() and after.isascii() and not (before == "\r" and after == "\n")


@lru_cache(maxsize=8)
def _boundaries(text: str) -> frozenset[int]:
    return frozenset(m.start() for m in _GRAPHEME.finditer(text))


def _cluster_at(text: str, offset: int) -> str:
    for m in _GRAPHEME.finditer(text, max(0, offset - 32)):
        if m.start() < offset < m.end():
            return m.group()
    return text[offset - 1 : offset + 1]


def _check_ids(doc: Document) -> list[PathReason]:
    # The ids sorted first (8 bytes an id): the path where each id is first used, kept in a dict for every
    # annotation of a long article, cost three times the article at the peak of `newsbench extract` (a set of
    # the ids, twice); the paths are made only when two ids are equal.
    ids = sorted(item.id for kind in _ID_LISTS for item in getattr(doc, kind))
    if all(a != b for a, b in zip(ids, itertools.islice(ids, 1, None))):
        return []
    del ids
    seen: dict[str, str] = {}
    problems: list[PathReason] = []
    for kind in _ID_LISTS:
        for i, item in enumerate(getattr(doc, kind)):
            path = f"{kind}[{i}].id"
            if item.id in seen:
                problems.append((path, f"duplicate id {item.id!r} (first used at {seen[item.id]})"))
            else:
                seen[item.id] = path
    return problems


_ID_LISTS = ("actors", "locations", "quotes", "events")


def _check_refs(doc: Document) -> list[PathReason]:
    actors = {a.id for a in doc.actors}
    entities = actors | {loc.id for loc in doc.locations}
    problems: list[PathReason] = []
    for i, q in enumerate(doc.quotes):
        if q.speaker is not None and q.speaker not in actors:
            problems.append((f"quotes[{i}].speaker", _unresolved(q.speaker, "an actor", sorted(actors))))
    for i, e in enumerate(doc.events):
        for j, arg in enumerate(e.arguments):
            if arg.ref not in entities:
                problems.append(
                    (f"events[{i}].arguments[{j}].ref", _unresolved(arg.ref, "an actor or location", sorted(entities)))
                )
    return problems


def _unresolved(ref: str, what: str, valid: list[str]) -> str:
    shown = ", ".join(valid[:20]) + (", ..." if len(valid) > 20 else "")
    return f"{ref!r} is not the id of {what} of this document (ids: {shown or 'none'})"


def iter_spans(doc: Document) -> Iterator[tuple[str, Span]]:
    """Yield ``(json_path, span)`` for every span in ``doc``, in document order of the lists."""
    for kind in ("actors", "locations"):
        for i, item in enumerate(getattr(doc, kind)):
            for j, m in enumerate(item.mentions):
                yield f"{kind}[{i}].mentions[{j}]", m
    for i, q in enumerate(doc.quotes):
        for field in ("content", "cue", "speaker_mention"):
            span = getattr(q, field)
            if span is not None:
                yield f"quotes[{i}].{field}", span
    for i, e in enumerate(doc.events):
        yield f"events[{i}].trigger", e.trigger
        if e.time is not None:
            yield f"events[{i}].time", e.time
