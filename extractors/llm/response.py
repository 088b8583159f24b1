"""What the model is asked to return, and how a reply is read: leniently parsed, validated per item.

The answer names text spans, never offsets (models count characters badly). Actors and locations
carry ids the model assigns (``a1``, ``l1``, ...); quotes and events refer to those ids. A mention
is the words of the article, or, when the same words occur elsewhere for something else, up to 8
words of context with the mention in square brackets (``"threats from [Velgrad] or Tarsk"``).

Reading a reply (:func:`parse_answer`): ``<think>`` blocks, Markdown fences and prose around the
JSON are stripped and the first JSON object is taken; unknown keys are ignored; each item is
validated on its own, and an invalid one is dropped and reported instead of the whole reply. An
event's optional ``subtype`` that is not one of its type's (``eval.api.subtype_problem``) is
dropped alone, with the reason, and the event kept. Only a reply with no JSON answer in it at all
raises :class:`AnswerError` (which earns a repair request).
The type vocabularies come from :mod:`eval.api`, so the schema follows the data model.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

from eval.api import (
    ActorType,
    ArgumentRole,
    EventSubtype,
    EventType,
    LocationType,
    Modality,
    Polarity,
    QuoteKind,
    subtype_problem,
)

TRIGGER_WORDING = "The word (or the fixed phrase \"according to\") that most clearly expresses the event"
SUBTYPE_WORDING = "One of the subtypes listed under the event's type; left out when the type has none or none fits"
MENTION_WORDING = (
    "Each mention in reading order: the words exactly as in the article, or, when the same words occur "
    "elsewhere in the article for something else, up to 8 words around it with the mention in [square brackets]."
)


class _Item(BaseModel):
    # Unknown keys are ignored: a model that adds a field still gives a usable item.
    model_config = ConfigDict(frozen=True, extra="ignore")


class AnswerActor(_Item):
    id: str = Field(description='Your id for this actor: "a1", "a2", ... in order of first mention.')
    name: str = Field(description="Canonical full name, even when the text only uses a short form.")
    type: ActorType
    mentions: list[str] = Field(description=MENTION_WORDING)


class AnswerLocation(_Item):
    id: str = Field(description='Your id for this location: "l1", "l2", ... in order of first mention.')
    name: str = Field(description="Canonical name of the place.")
    type: LocationType
    mentions: list[str] = Field(description=MENTION_WORDING)


class AnswerQuote(_Item):
    content: str = Field(description="What was said, copied exactly (a direct quote without its enclosing quotation marks).")
    speaker: str | None = Field(default=None, description="The id of the speaking actor, or null.")
    kind: QuoteKind
    cue: str | None = Field(default=None, description='The reporting word ("said", "according to"), with [context] when needed, or null.')


class AnswerArgument(_Item):
    role: ArgumentRole
    ref: str = Field(description="The id of an actor or a location.")


ROLES: tuple[str, ...] = get_args(ArgumentRole)


def _ids(value: Any) -> Any:
    """A role given one id instead of a list of ids."""
    return [value] if isinstance(value, str) else value


class _EventBase(_Item):
    type: EventType
    trigger: str = Field(description=TRIGGER_WORDING + ", copied exactly, with [context] when needed.")
    # Checked against the type after validation (_with_subtype), so that a wrong one costs only itself.
    subtype: str | None = None
    polarity: Polarity = "positive"
    modality: Modality = "asserted"
    # Also read, not asked for: the older list form [{"role": ..., "ref": ...}].
    arguments: list[AnswerArgument] = Field(default_factory=list, exclude=True)

    def args(self) -> list[tuple[str, str]]:
        """(role, ref) pairs, from the role fields and from an ``arguments`` list if the model gave one."""
        pairs = [(role, ref) for role in ROLES for ref in getattr(self, role)]
        return pairs + [(a.role, a.ref) for a in self.arguments]


# One optional list of ids per argument role, the roles taken from the schema's ArgumentRole.
AnswerEvent = create_model(
    "AnswerEvent",
    __base__=_EventBase,
    **{role: (Annotated[list[str], BeforeValidator(_ids)], Field(
        default_factory=list, description=f"Ids of the {role}s (actors or locations) in the same sentence.")) for role in ROLES},
)


LISTS: dict[str, type[_Item]] = {
    "actors": AnswerActor, "locations": AnswerLocation, "quotes": AnswerQuote, "events": AnswerEvent,
}


@dataclass
class Answer:
    """A reply read item by item; ``dropped`` lists what was invalid (JSON path and reason)."""

    actors: list[AnswerActor] = field(default_factory=list)
    locations: list[AnswerLocation] = field(default_factory=list)
    quotes: list[AnswerQuote] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)  # AnswerEvent items
    dropped: list[dict[str, str]] = field(default_factory=list)


class AnswerError(ValueError):
    """The reply holds no JSON answer at all; the message says why (sent back in a repair request)."""


_THINK = re.compile(r"<think>.*?(</think>|$)", re.DOTALL | re.IGNORECASE)


def extract_json(content: str | None) -> dict[str, Any]:
    """The JSON object in a reply, ignoring ``<think>`` blocks, fences and prose around it.

    >>> extract_json('<think>hmm {"a": 1}</think>Sure! ```json\\n{"actors": []}\\n``` Hope it helps.')
    {'actors': []}

    Raises:
        AnswerError: empty reply, or no JSON object with an answer key in it.
    """
    if not content or not content.strip():
        raise AnswerError("the reply is empty")
    text = _THINK.sub("", content)
    decoder = json.JSONDecoder()
    first_error = None
    for match in re.finditer(r"\{", text):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError as exc:
            first_error = first_error or exc
            continue
        if isinstance(value, dict) and any(key in value for key in LISTS):
            return value
    if first_error is not None:
        raise AnswerError(
            f"the reply is not valid JSON: {first_error.msg} at line {first_error.lineno} column {first_error.colno}"
        )
    raise AnswerError('the reply holds no JSON object with the keys "actors", "locations", "quotes", "events"')


def parse_answer(content: str | None) -> Answer:
    """Parse a reply into an :class:`Answer`, keeping every valid item and reporting the others.

    >>> a = parse_answer('{"actors": [{"id": "a1", "name": "X", "type": "PER", "mentions": ["X"]}, {"id": 2}],'
    ...                  ' "extra": 1}')
    >>> [x.name for x in a.actors], [d["path"] for d in a.dropped]
    (['X'], ['actors[1]'])

    Raises:
        AnswerError: the reply holds no JSON answer (see :func:`extract_json`).
    """
    data = extract_json(content)
    answer = Answer()
    for key, model in LISTS.items():
        items = data.get(key) or []
        if not isinstance(items, list):
            answer.dropped.append({"path": key, "reason": f"not a list: {type(items).__name__}"})
            continue
        valid = getattr(answer, key)
        for i, raw in enumerate(items):
            item = _validate(model, raw, f"{key}[{i}]", answer.dropped)
            if item is not None:
                valid.append(item)
    return answer


def _validate(model: type[_Item], raw: Any, path: str, dropped: list[dict[str, str]]) -> Any:
    """One item; within an event, an invalid argument is dropped alone; a non-string mention too."""
    if isinstance(raw, dict) and model is AnswerEvent and isinstance(raw.get("arguments"), list):
        args = [a for j, a in enumerate(raw["arguments"]) if _validate(AnswerArgument, a, f"{path}.arguments[{j}]", dropped)]
        raw = {**raw, "arguments": args}
    if isinstance(raw, dict) and isinstance(raw.get("mentions"), list):
        mentions = []
        for j, m in enumerate(raw["mentions"]):
            if isinstance(m, str):
                mentions.append(m)
            else:
                dropped.append({"path": f"{path}.mentions[{j}]", "reason": "a mention must be a string"})
        raw = {**raw, "mentions": mentions}
    subtype = raw.get("subtype") if isinstance(raw, dict) and model is AnswerEvent else None
    if isinstance(raw, dict):  # JSON null for a defaulted field means the default
        raw = {k: v for k, v in raw.items() if not (v is None and k in ("polarity", "modality", "arguments"))
               and k != "subtype"}
    try:
        item = model.model_validate(raw)
    except ValidationError as exc:
        reason = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or '(item)'}: {e['msg']}" for e in exc.errors()[:3])
        dropped.append({"path": path, "reason": reason})
        return None
    return _with_subtype(item, subtype, f"{path}.subtype", dropped) if subtype is not None else item


def _with_subtype(event: Any, subtype: Any, path: str, dropped: list[dict[str, str]]) -> Any:
    """The event with its subtype, or without it (and the reason recorded) when it does not fit the type.

    Spelling is forgiven ("Lay-off" -> "lay_off"); a subtype of another type is not.

    >>> dropped = []
    >>> _with_subtype(AnswerEvent(type="BUSINESS", trigger="cut"), "Lay-off", "e", dropped).subtype
    'lay_off'
    >>> _with_subtype(AnswerEvent(type="MEET", trigger="won"), "elect", "e", dropped).subtype, dropped
    (None, [{'path': 'e', 'reason': 'subtype elect belongs to PERSONNEL, not to MEET; subtypes of MEET: meet, phone_write'}])
    """
    if not isinstance(subtype, str):
        dropped.append({"path": path, "reason": f"a subtype must be a string, not {type(subtype).__name__}"})
        return event
    name = "_".join(subtype.replace("-", " ").casefold().split())
    if not name:
        return event
    reason = subtype_problem(event.type, name)
    if reason:
        dropped.append({"path": path, "reason": reason})
        return event
    return event.model_copy(update={"subtype": name})


def _schema_node(node: Any) -> Any:
    """Closed objects (no extra keys), no titles or defaults; required = fields without a default."""
    if isinstance(node, dict):
        node = {k: _schema_node(v) for k, v in node.items() if k not in ("title", "default")}
        if node.get("type") == "object" and "properties" in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [_schema_node(v) for v in node]
    return node


_EventSchema = create_model(
    "AnswerEvent",
    type=(EventType, ...),
    trigger=(str, Field(description=TRIGGER_WORDING + ", copied exactly, with [context] when needed.")),
    subtype=(EventSubtype | None, Field(default=None, description=SUBTYPE_WORDING + ".")),
    **{role: (list[str], Field(default_factory=list, description=f"Ids of the {role}s in the same sentence."))
       for role in ROLES},
    polarity=(Polarity, "positive"),
    modality=(Modality, "asserted"),
)


class _AnswerSchema(BaseModel):
    """Only for the JSON Schema sent to the server (parsing is item by item, above)."""

    actors: list[AnswerActor]
    locations: list[AnswerLocation]
    quotes: list[AnswerQuote]
    events: list[_EventSchema]  # type: ignore[valid-type]


def answer_json_schema() -> dict[str, Any]:
    """The JSON Schema of the answer: closed objects; polarity and modality may be left out
    (positive, asserted), which keeps a perfect answer within about 3 characters per article character."""
    return _schema_node(_AnswerSchema.model_json_schema())


def response_format(mode: str) -> dict[str, Any]:
    """The ``response_format`` request field for ``mode`` ``json_schema`` or ``json_object``.

    The schema is sent with ``strict: false``: OpenAI's strict mode would make every field
    required, and so every answer longer (see :func:`answer_json_schema`).

    >>> response_format("json_object")
    {'type': 'json_object'}
    """
    if mode == "json_schema":
        return {
            "type": "json_schema",
            "json_schema": {"name": "newsbench_extraction", "schema": answer_json_schema(), "strict": False},
        }
    return {"type": "json_object"}
