"""A very long article extracted in parts: a bounded working set whatever the article's length.

An article of :data:`PARTS_FROM` characters or more (no real news article comes near: the development texts
are under 6 KB) is cut into parts of about :data:`PART_SIZE` characters at a paragraph break (a blank line;
else a line break; else a sentence end; else a space). Each part is extracted as a text of its own; its
annotations then have their offsets shifted to the article's and their ids renumbered after the earlier
parts' (``a``, ``l``, ``q``, ``e``: actors, locations, quotes, events, with the references of quotes and event
arguments), so that the article's output is the parts' outputs concatenated. Entities are not linked across
parts: a person named in two parts is two actors, a pronoun at the start of a part does not reach back
into the one before. Output under the threshold is untouched, in every version.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from extractors.shared.textscan import last_break

# From this many characters an article is extracted in parts; a part has at most PART_SIZE characters.
PARTS_FROM = 200_000
PART_SIZE = 64_000
# spaCy's parse of a text costs about 2.7 KB a character while it lasts (tracemalloc: its arrays), whatever else is
# held: its parts are a few paragraphs long, so that one part's parse (about 8 MB) does not dwarf the Document
# (1 MB article, RSS growth: 24.7 x with parts of 8,000 characters, 6.9 x with 3,000).
SPACY_PART_SIZE = 3_000

# The keys whose values are ids (renumbered) and offsets (shifted).
_IDS = ("id", "speaker", "ref")
_OFFSETS = ("start", "end")

Annotations = dict[str, list[dict[str, Any]]]


def in_parts(text: str) -> bool:
    """Whether ``text`` is long enough to be extracted in parts."""
    return len(text) >= PARTS_FROM


def pipe_pairs(articles: Iterable[Any]) -> Iterator[tuple[str, tuple[str, str | None]]]:
    """``(text, (doc_id, long_text))`` for each article (with ``doc_id`` and ``text``), for a parser's stream of
    texts with contexts (spaCy's ``nlp.pipe(..., as_tuples=True)``): a long article goes through the stream as an
    empty text with its own text as ``long_text``, to be extracted in parts apart; any other has ``long_text``
    None. A long text then never reaches the parser whole (spaCy refuses texts over its ``max_length``, a
    million characters, and holds the parse of a whole text at once).

    >>> [(t, c) for t, c in pipe_pairs([_Article("a", "Short."), _Article("b", "x" * PARTS_FROM)])][0]
    ('Short.', ('a', None))
    """
    for article in articles:
        if in_parts(article.text):
            yield "", (article.doc_id, article.text)
        else:
            yield article.text, (article.doc_id, None)


class _Article(NamedTuple):
    doc_id: str
    text: str


def parts(text: str, size: int = PART_SIZE) -> Iterator[tuple[int, str]]:
    """The parts of ``text`` and their offsets, in order; together they are the whole text.

    >>> list(parts("One. Two.\\n\\nThree. Four.", 16))
    [(0, 'One. Two.\\n\\n'), (11, 'Three. Four.')]
    """
    start = 0
    while len(text) - start > size:
        cut = last_break(text, start + size // 2, start + size)
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def annotated_parts(text: str, annotate: Callable[[str], Annotations], size: int = PART_SIZE) -> Iterator[Annotations]:
    """The annotations of each part of ``text`` (of at most ``size`` characters) by ``annotate``, shifted and
    renumbered as the article's; each part's working data is released before the next part is read."""
    seen: Counter[str] = Counter()
    for offset, part in parts(text, size):
        found = annotate(part)
        shift(found, offset, seen)
        yield found


def shift(annotations: Annotations, offset: int, seen: Counter[str]) -> None:
    """Shift ``annotations`` in place by ``offset`` characters and renumber their ids after those ``seen``
    (an id prefix -> the highest number given so far), which is then updated.

    >>> seen = Counter({"a": 2})
    >>> found = {"actors": [{"id": "a1", "mentions": [{"start": 0, "end": 4}]}], "quotes": [{"id": "q1", "speaker": "a1"}]}
    >>> shift(found, 10, seen); found, dict(seen)
    ({'actors': [{'id': 'a3', 'mentions': [{'start': 10, 'end': 14}]}], 'quotes': [{'id': 'q1', 'speaker': 'a3'}]}, {'a': 3, 'q': 1})
    """
    shifter = _Shifter(offset, dict(seen), seen)
    for records in annotations.values():
        for record in records:
            shifter.record(record)


class _Shifter:
    """Shifts and renumbers the records of one part in place. An offset or an id is made once for all the
    records that hold it (an int above 256 or a string made anew for each would cost 30 to 50 bytes a span:
    3 x the article's bytes in all), and a dict held by two records (a span) is shifted once."""

    def __init__(self, offset: int, before: dict[str, int], seen: Counter[str]):
        self.offset, self.before, self.seen = offset, before, seen
        self.offsets: dict[int, int] = {}
        self.ids: dict[str, str] = {}
        self.done: set[int] = set()

    def record(self, record: dict[str, Any]) -> None:
        """``record`` (and the records and spans inside it) shifted and renumbered."""
        if id(record) in self.done:
            return
        self.done.add(id(record))
        for key, value in record.items():
            if isinstance(value, dict):
                self.record(value)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, dict):
                        self.record(item)
            elif key in _OFFSETS and isinstance(value, int):
                record[key] = self._offset(value)
            elif key in _IDS and isinstance(value, str):
                record[key] = self._id(value)

    def _offset(self, value: int) -> int:
        found = self.offsets.get(value)
        if found is None:
            found = self.offsets[value] = value + self.offset
        return found

    def _id(self, value: str) -> str:
        found = self.ids.get(value)
        if found is None:
            prefix, number = value[:1], int(value[1:]) + self.before.get(value[:1], 0)
            found = self.ids[value] = f"{prefix}{number}"
            self.seen[prefix] = max(self.seen[prefix], number)
        return found
