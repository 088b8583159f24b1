"""What the model is asked to return: text spans, never offsets (models count characters badly).

:class:`Answer` is validated with pydantic; its JSON Schema is sent as
``response_format={"type": "json_schema", ...}`` to servers that support structured output.
The type vocabularies are taken from :mod:`eval.schema`, so the prompt and the data model cannot drift apart.
"""
from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from eval.api import ActorType, ArgumentRole, EventType, LocationType, Modality, Polarity, QuoteKind


class _Strict(BaseModel):
    # Unknown keys are an error so that a schema-violating answer triggers the repair request.
    model_config = ConfigDict(frozen=True, extra="forbid")


class AnswerActor(_Strict):
    name: str = Field(description="Canonical full name, even when the text only uses a short form.")
    type: ActorType
    mentions: list[str] = Field(description="Every mention, copied exactly from the article, in reading order.")


class AnswerLocation(_Strict):
    name: str = Field(description="Canonical name of the place.")
    type: LocationType
    mentions: list[str] = Field(description="Every mention, copied exactly from the article, in reading order.")


class AnswerQuote(_Strict):
    content: str = Field(description="What was said, copied exactly, without the quotation marks.")
    speaker: str | None = Field(description="The name of the speaking actor as given in actors, or null.")
    kind: QuoteKind
    cue: str | None = Field(description='The reporting verb or phrase ("said", "according to"), or null.')


class AnswerArgument(_Strict):
    role: ArgumentRole
    name: str = Field(description="The name of an actor or location as given in actors or locations.")


class AnswerEvent(_Strict):
    type: EventType
    trigger: str = Field(description="The word or short phrase that most clearly expresses the event, copied exactly.")
    arguments: list[AnswerArgument]
    polarity: Polarity | None
    modality: Modality | None


class Answer(_Strict):
    """The whole answer for one article (or one chunk of a long article)."""

    actors: list[AnswerActor]
    locations: list[AnswerLocation]
    quotes: list[AnswerQuote]
    events: list[AnswerEvent]


class AnswerError(ValueError):
    """The model's reply is not JSON, or not JSON of the :class:`Answer` shape; the message says why."""


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def parse_answer(content: str | None) -> Answer:
    """Parse a reply into an :class:`Answer`, tolerating a Markdown code fence around the JSON.

    >>> parse_answer('```json\\n{"actors": [], "locations": [], "quotes": [], "events": []}\\n```').actors
    []

    Raises:
        AnswerError: empty reply, invalid JSON, or JSON that breaks the schema (the message lists
            the first problems, so that it can be sent back in a repair request).
    """
    if not content or not content.strip():
        raise AnswerError("the reply is empty")
    fenced = _FENCE.match(content)
    raw = fenced.group(1) if fenced else content.strip()
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnswerError(f"the reply is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    try:
        return Answer.model_validate(data)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}" for e in exc.errors()[:10]]
        raise AnswerError("the JSON does not follow the schema: " + "; ".join(problems)) from None


def _strict(node: Any) -> Any:
    """OpenAI's strict structured output: every property required, no extra keys, no titles/defaults."""
    if isinstance(node, dict):
        node = {k: _strict(v) for k, v in node.items() if k not in ("title", "default")}
        if node.get("type") == "object" and "properties" in node:
            node["required"] = list(node["properties"])
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [_strict(v) for v in node]
    return node


def answer_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Answer` in the strict form that structured-output servers accept."""
    return _strict(Answer.model_json_schema())


def response_format(mode: str) -> dict[str, Any]:
    """The ``response_format`` request field for ``mode`` ``json_schema`` or ``json_object``.

    >>> response_format("json_object")
    {'type': 'json_object'}
    """
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": "newsbench_extraction", "schema": answer_json_schema(), "strict": True},
        }
    return {"type": "json_object"}
