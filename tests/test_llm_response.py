"""The response model, its strict JSON Schema, reply parsing, and price tables."""
from __future__ import annotations

import json

import pytest

from eval.exceptions import InvalidInputError
from extractors.llm.response import AnswerError, answer_json_schema, parse_answer, response_format
from extractors.llm.usage import Price, Usage, load_price

EMPTY = {"actors": [], "locations": [], "quotes": [], "events": []}


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield node
        for v in node.values():
            yield from _objects(v)
    elif isinstance(node, list):
        for v in node:
            yield from _objects(v)


def test_strict_schema_requires_every_property_and_forbids_others() -> None:
    objects = list(_objects(answer_json_schema()))
    assert len(objects) >= 6 and all(
        o["additionalProperties"] is False and o["required"] == list(o["properties"]) for o in objects
    )


@pytest.mark.parametrize(
    ("mode", "expected_type"), [("json_schema", "json_schema"), ("json_object", "json_object")]
)
def test_response_format(mode: str, expected_type: str) -> None:
    assert response_format(mode)["type"] == expected_type


@pytest.mark.parametrize("reply", [json.dumps(EMPTY), f"```json\n{json.dumps(EMPTY)}\n```", f"  {json.dumps(EMPTY)}\n"])
def test_parse_tolerates_fences_and_whitespace(reply: str) -> None:
    assert parse_answer(reply).model_dump() == EMPTY


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("", "the reply is empty"),
        ('{"actors": [', "not valid JSON: Expecting value at line 1 column 13"),
        (json.dumps({**EMPTY, "actors": [{"name": "X", "type": "ALIEN", "mentions": []}]}), r"actors\.0\.type: Input should be"),
        (json.dumps({"actors": []}), "locations: Field required"),
        (json.dumps({**EMPTY, "extra": 1}), "extra: Extra inputs are not permitted"),
    ],
)
def test_parse_errors_say_what_is_wrong(reply: str, message: str) -> None:
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
        "completion_tokens": 500, "failures": 0, "dropped_spans": 0, "cost": 0.006, "currency": "USD",
        "price_per_1m": {"input": 2.0, "output": 8.0},
    }
