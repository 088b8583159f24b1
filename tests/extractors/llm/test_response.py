"""The response model, its strict JSON Schema, reply parsing, and price tables."""
from __future__ import annotations

import json
from typing import get_args

import pytest

from eval.api import ArgumentRole
from eval.exceptions import InvalidInputError
from extractors.llm.prompt import SYSTEM
from extractors.llm.response import (
    TRIGGER_WORDING,
    AnswerError,
    answer_json_schema,
    parse_answer,
    response_format,
)
from extractors.llm.usage import Price, Usage, load_price

EMPTY = {"actors": [], "locations": [], "quotes": [], "events": []}
ANSWER = {**EMPTY, "actors": [{"id": "a1", "name": "Ana Ruiz", "type": "PER", "mentions": ["Ruiz"]}],
          "events": [{"type": "MOVE", "trigger": "left", "agent": ["a1"]}]}


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for v in node.values():
            yield from _objects(v)
    elif isinstance(node, list):
        for v in node:
            yield from _objects(v)


def test_schema_is_closed_and_requires_what_has_no_default() -> None:
    objects = list(_objects(answer_json_schema()))
    event = answer_json_schema()["$defs"]["AnswerEvent"]
    assert len(objects) >= 5 and all(o["additionalProperties"] is False for o in objects)
    assert (event["required"], sorted(event["properties"])) == (
        ["type", "trigger"],
        sorted(["type", "subtype", "trigger", "polarity", "modality", *get_args(ArgumentRole)]),
    )


def test_trigger_is_worded_the_same_in_prompt_and_schema() -> None:
    event = answer_json_schema()["$defs"]["AnswerEvent"]
    assert TRIGGER_WORDING in event["properties"]["trigger"]["description"] and TRIGGER_WORDING in SYSTEM


@pytest.mark.parametrize(
    ("mode", "expected_type"), [("json_schema", "json_schema"), ("json_object", "json_object")]
)
def test_response_format(mode: str, expected_type: str) -> None:
    assert response_format(mode)["type"] == expected_type


@pytest.mark.parametrize(
    "reply",
    [
        json.dumps(ANSWER),
        f"```json\n{json.dumps(ANSWER)}\n```",
        f"  {json.dumps(ANSWER)}\n",
        f"<think>The user wants {{JSON}}. I will list actors.</think>\n{json.dumps(ANSWER)}",
        f"Here is the extraction:\n\n```\n{json.dumps(ANSWER)}\n```\nLet me know if you need more.",
        f"Sure! {json.dumps(ANSWER)} Hope this helps {{:)}}",
    ],
    ids=["bare", "fence", "spaces", "think", "prose-and-fence", "prose-around"],
)
def test_parse_takes_the_json_out_of_think_fences_and_prose(reply: str) -> None:
    answer = parse_answer(reply)
    assert ([a.name for a in answer.actors], [e.args() for e in answer.events], answer.dropped) == (
        ["Ana Ruiz"], [[("agent", "a1")]], [])


def test_unknown_keys_are_ignored_and_invalid_items_dropped_alone() -> None:
    reply = json.dumps({
        "actors": [{"id": "a1", "name": "Ana Ruiz", "type": "PER", "mentions": ["Ruiz", 7], "confidence": 0.9},
                   {"id": "a2", "name": "Ghost", "type": "ALIEN", "mentions": []}],
        "quotes": "none",
        "events": [{"type": "MOVE", "trigger": "left", "agent": "a1", "arguments": [{"role": "via", "ref": "a1"}]},
                   {"type": "PARTY", "trigger": "x"}],
        "notes": "extra key",
    })
    answer = parse_answer(reply)
    assert (
        [(a.name, a.mentions) for a in answer.actors], [e.args() for e in answer.events], [d["path"] for d in answer.dropped]
    ) == (
        [("Ana Ruiz", ["Ruiz"])], [[("agent", "a1")]],
        ["actors[0].mentions[1]", "actors[1]", "quotes", "events[0].arguments[0]", "events[1]"],
    )


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("", "the reply is empty"),
        ('{"actors": [', "not valid JSON: Expecting value at line 1 column 13"),
        ("I cannot help with that.", "no JSON object"),
        ('{"answer": 42}', "no JSON object"),
    ],
)
def test_only_a_reply_without_json_is_an_error(reply: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_answer(reply)


@pytest.mark.parametrize(
    "table",
    [
        {"models": {"m": {"input_per_1m": 2.0, "output_per_1m": 8.0}}},
        {"input_per_1m": 2.0, "output_per_1m": 8.0},
        '{"models": {"m": {"input_per_1m": 2.0, "output_per_1m": 8.0}}}',
    ],
)
def test_price_tables(table) -> None:
    assert load_price(table, "m") == Price(2.0, 8.0, "USD")


def test_price_table_from_file_and_env(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "prices.json"
    path.write_text(json.dumps({"currency": "EUR", "models": {"m": {"input_per_1m": 1, "output_per_1m": 3}}}))
    monkeypatch.setenv("NEWSBENCH_LLM_PRICES", str(path))
    assert (load_price(None, "m"), load_price(str(path), "m")) == (Price(1.0, 3.0, "EUR"), Price(1.0, 3.0, "EUR"))


def test_no_price_table_means_no_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSBENCH_LLM_PRICES", raising=False)
    usage = Usage(load_price(None, "m"))
    usage.add(prompt_tokens=10, completion_tokens=5)
    assert "cost" not in usage.as_dict()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"models": {"other": {"input_per_1m": 1, "output_per_1m": 1}}}, "no price for model 'm'. Priced: other"),
        ({"input_per_1m": "cheap", "output_per_1m": 1}, "input_per_1m: must be a non-negative number.*'cheap'"),
        ({"input_per_1m": 1, "output_per_1m": -1}, "output_per_1m: must be a non-negative number"),
        ("/nonexistent/prices.json", "cannot read the price table"),
        ("{not json", "invalid JSON"),
    ],
)
def test_bad_price_tables_are_named(table, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        load_price(table, "m")


def test_cost_is_computed_from_tokens() -> None:
    usage = Usage(Price(2.0, 8.0))
    usage.add(prompt_tokens=1000, completion_tokens=500)
    assert usage.as_dict() == {
        "requests": 0, "retries": 0, "repairs": 0, "cache_hits": 0, "prompt_tokens": 1000,
        "completion_tokens": 500, "failures": 0, "failed_docs": [], "dropped_items": 0, "dropped_spans": 0,
        "dropped_entities": 0, "unresolved_refs": 0, "length_splits": 0, "context_splits": 0,
        "answers_json_schema": 0, "answers_json_object": 0, "cost": 0.006, "currency": "USD",
        "price_per_1m": {"input": 2.0, "output": 8.0},
    }
