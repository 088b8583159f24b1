"""A large JSON Lines line is read straight into the models: the same documents, warnings and problems as a
small one, at a lower peak memory."""
from __future__ import annotations

import json

import pytest

from eval.data.files import loads_json
from eval.data.parsing import DIRECT_MIN_CHARS, parse, parse_line
from eval.extraction.measure import traced
from eval.gold.load import load_gold


@pytest.fixture(scope="module")
def large_line() -> dict:
    """A prediction over 1 MB of JSON: the gold articles repeated, every capitalised word an actor mention."""
    body = "\n\n".join(d.text for d in load_gold().documents)
    text = body * (600_000 // len(body) + 1)
    words, offset, mentions = text.split(" "), 0, []
    for word in words:
        if word[:1].isupper() and word.isalpha():
            mentions.append({"start": offset, "end": offset + len(word), "text": word, "kind": "name"})
        offset += len(word) + 1
    doc = {"doc_id": "big", "text": text, "actors": [{"id": "a1", "name": "M", "type": "ORG", "mentions": mentions}],
           "locations": [], "quotes": []}  # no "events" key: a warning
    assert len(json.dumps(doc)) > DIRECT_MIN_CHARS
    return doc


def _line(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _as_before(raw: bytes, gold: bool):
    """What reading through dicts gives: the reference the direct reading must equal."""
    return parse(loads_json(raw.decode("utf-8")), "p.jsonl:1", gold=gold)


@pytest.mark.parametrize("gold", [False, True], ids=["prediction", "gold"])
def test_large_line_reads_as_through_dicts(large_line: dict, gold: bool) -> None:
    raw = _line(large_line)
    assert parse_line(raw, "p.jsonl:1", gold=gold) == _as_before(raw, gold)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["actors"][0]["mentions"][5].update(start="5"), "integer"),
        (lambda d: d["actors"][0]["mentions"][7].update(text="wrong"), "text"),
        (lambda d: d["actors"][0].update(type="HERO"), "HERO"),
    ],
    ids=["string offset", "span text", "unknown type"],
)
def test_large_line_problems_are_those_of_a_small_line(large_line: dict, change, reason: str) -> None:
    doc = json.loads(json.dumps(large_line))
    change(doc)
    raw = _line(doc)
    parsed = parse_line(raw, "p.jsonl:1")
    assert (parsed.document, parsed.problems, any(reason in p.reason for p in parsed.problems)) == (
        None, _as_before(raw, False).problems, True)


def test_large_line_with_a_duplicate_key_is_refused(large_line: dict) -> None:
    raw = _line(large_line)[:-1] + b',"doc_id":"again"}'
    parsed = parse_line(raw, "p.jsonl:1")
    assert [p.reason for p in parsed.problems] == [
        "invalid JSON: duplicate key 'doc_id' in one object (JSON readers disagree on which value wins)"]


def test_large_line_costs_less_than_through_dicts(large_line: dict) -> None:
    raw = _line(large_line)
    direct, through_dicts = traced(lambda: parse_line(raw, "p.jsonl:1"))[0], traced(lambda: _as_before(raw, False))[0]
    # Through dicts, the dicts of the whole document stand beside the models (bench/memory.py: 16.1 x a line of
    # the rules extractor's output, against 12.6 x read straight into the models).
    assert direct < 0.85 * through_dicts, f"peak {direct:,} bytes, through dicts {through_dicts:,}"
