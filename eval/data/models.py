"""The newsbench data model: one annotation document with actors, locations, quotes and events.

These pydantic models are the single source of truth: ``schema/document.schema.json`` is generated
from them (``python -m eval.schema``) and a test fails when the two drift apart.

Offsets are Python ``str`` (Unicode code point) offsets into ``Document.text``, end exclusive,
and every span's ``text`` equals ``Document.text[start:end]`` exactly.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    model_serializer,
    model_validator,
)

from eval.data.checks import check_document

# 1.1: event types for news at large and Event.subtype; files written as 1.0 stay valid.
SCHEMA_VERSION = "1.1"


ActorType = Literal["PER", "ORG", "GPE", "NORP"]


LocationType = Literal["GPE", "LOC", "FAC"]


MentionKind = Literal["name", "nominal", "pronoun"]


QuoteKind = Literal["direct", "indirect", "mixed"]


Polarity = Literal["positive", "negative"]


Modality = Literal["asserted", "reported", "hypothetical", "planned"]


# The event types and subtypes of the inventory ``schema/event_inventory.yaml``, which defines each
# with examples and its ACE 2005 and PLOVER mapping (table: gold/GUIDELINES.md section 3.2). A test
# checks that these literals equal the inventory. Schema 1.1 added the types from PERSONNEL on and
# every subtype; the fourteen types of 1.0 keep their names and meaning.
EventType = Literal[
    "MOVE",  # a person, group or force travels, relocates, arrives, departs, marches, flies
    "DEPLOY",  # forces are deployed, stationed, based or reinforced somewhere
    "MEET",  # meetings, summits, conferences, visits, dinners, talks, calls
    "STATEMENT",  # a public statement, announcement, warning or expressed position
    "AGREE",  # a deal or agreement is reached, negotiated or brokered
    "ATTACK",  # armed attacks, battles, invasions, wars
    "SEIZE",  # capture or occupation of a place
    "REBEL",  # mutinies, uprisings, revolts, rebellions
    "DEFEND",  # protecting, defending, deterring, strengthening defence
    "THREATEN",  # posing or making a threat
    "ACCUSE",  # accusations and criticism
    "SUPPORT",  # support, thanks, aid, alliance membership
    "LEGAL",  # investigations, arrests, charges, trials, verdicts, lawsuits, their annulment
    "PERSONNEL",  # appointments, resignations, nominations, elections
    "BUSINESS",  # founding, merger, bankruptcy, closure of organisations and sites, lay-offs
    "TRANSACTION",  # sales, purchases, payments, loans, investments
    "LIFE",  # birth, marriage, divorce, injury, death
    "DEMONSTRATE",  # demonstrations, strikes, boycotts
    "POLICY",  # laws, budgets, bans, restrictions, sanctions adopted or lifted
    "CONTEST",  # matches, races, competitions, prizes and their results
    "DISASTER",  # natural disasters, accidents, epidemics
    "CAMPAIGN",  # organised campaigns and programmes
    "OTHER",  # a reported event that fits none of the above
]


EVENT_SUBTYPES: dict[str, tuple[str, ...]] = {
    "MOVE": ("transport", "withdraw", "evacuate"),
    "MEET": ("meet", "phone_write"),
    "STATEMENT": ("request", "reject"),
    "SUPPORT": ("endorse", "aid", "cooperate"),
    "LEGAL": (
        "investigate", "arrest_jail", "release_parole", "trial_hearing", "charge_indict", "sue", "convict",
        "sentence", "fine", "execute", "extradite", "acquit", "appeal", "pardon", "drop_charges",
    ),
    "PERSONNEL": ("start_position", "end_position", "nominate", "elect"),
    "BUSINESS": (
        "start_org", "merge_org", "declare_bankruptcy", "end_org", "open_facility", "close_facility", "lay_off",
    ),
    "TRANSACTION": ("transfer_ownership", "transfer_money"),
    "LIFE": ("be_born", "marry", "divorce", "injure", "die"),
    "DEMONSTRATE": ("rally", "strike", "boycott"),
    "POLICY": ("legislate", "restrict", "sanction", "ease"),
    "CONTEST": ("compete", "result", "award"),
    "DISASTER": ("natural", "accident", "epidemic"),
    "CAMPAIGN": ("election_campaign", "health_programme", "public_programme"),
}
"""The subtypes of each event type that has any, in the inventory's order."""


EventSubtype = Literal[
    "transport", "withdraw", "evacuate",
    "meet", "phone_write",
    "request", "reject",
    "endorse", "aid", "cooperate",
    "investigate", "arrest_jail", "release_parole", "trial_hearing", "charge_indict", "sue", "convict",
    "sentence", "fine", "execute", "extradite", "acquit", "appeal", "pardon", "drop_charges",
    "start_position", "end_position", "nominate", "elect",
    "start_org", "merge_org", "declare_bankruptcy", "end_org", "open_facility", "close_facility", "lay_off",
    "transfer_ownership", "transfer_money",
    "be_born", "marry", "divorce", "injure", "die",
    "rally", "strike", "boycott",
    "legislate", "restrict", "sanction", "ease",
    "compete", "result", "award",
    "natural", "accident", "epidemic",
    "election_campaign", "health_programme", "public_programme",
]


def subtype_problem(event_type: str, subtype: str | None) -> str | None:
    """Why ``subtype`` cannot refine ``event_type``, or None when it can (no subtype always can).

    >>> subtype_problem("PERSONNEL", "elect") is None
    True
    >>> subtype_problem("MEET", "elect")
    'subtype elect belongs to PERSONNEL, not to MEET; subtypes of MEET: meet, phone_write'
    >>> subtype_problem("OTHER", "die")
    'subtype die belongs to LIFE, not to OTHER; OTHER has no subtypes'
    """
    valid = EVENT_SUBTYPES.get(event_type, ())
    if subtype is None or subtype in valid:
        return None
    owner = next((t for t, subs in EVENT_SUBTYPES.items() if subtype in subs), None)
    head = f"subtype {subtype} belongs to {owner}" if owner else f"unknown subtype {subtype}"
    tail = f"subtypes of {event_type}: {', '.join(valid)}" if valid else f"{event_type} has no subtypes"
    return f"{head}, not to {event_type}; {tail}"


ArgumentRole = Literal["agent", "target", "participant", "place", "origin", "destination"]


_WIKIDATA = r"^Q[1-9][0-9]*$"


_ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"


class _Model(BaseModel):
    """Frozen and strict: unknown fields are errors, so a typo never passes silently."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Model):
    """A stretch of the document text: ``text == Document.text[start:end]``."""

    # strict: "0" or false is not an offset, in `score` as in `validate` (whose JSON Schema says integer)
    start: int = Field(ge=0, strict=True, description="Code point offset of the first character.")
    end: int = Field(ge=0, strict=True, description="Code point offset one past the last character.")
    text: str = Field(description="Exactly Document.text[start:end].")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Mention(Span):
    """A span that refers to an actor or location."""

    kind: MentionKind | None = Field(
        default=None, description="name (a proper name), nominal (a description), pronoun."
    )


class Actor(_Model):
    """A person, organisation, armed group, state or group acting in the story."""

    id: str = Field(min_length=1)
    name: str = Field(description='Canonical full name ("Jens Stoltenberg"), even when the text is shorter.')
    type: ActorType = Field(description="PER, ORG, GPE (a state acting as an actor) or NORP.")
    mentions: tuple[Mention, ...] = ()
    subtype: str | None = Field(
        default=None,
        description="Finer type, e.g. government, military, armed_group, intergovernmental, company, media, "
        "news_agency, university, think_tank, religious (guidelines 1.1 and 1.4).",
    )
    wikidata_id: str | None = Field(default=None, pattern=_WIKIDATA)
    confidence: float | None = Field(default=None, ge=0, le=1, strict=True)


class Location(_Model):
    """A place mentioned in the story."""

    id: str = Field(min_length=1)
    name: str
    type: LocationType = Field(description="GPE (a political entity as a place), LOC or FAC.")
    mentions: tuple[Mention, ...] = ()
    subtype: str | None = Field(default=None, description="Finer type, e.g. country, city, region.")
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2.")
    geonames_id: int | None = Field(default=None, ge=1, strict=True)
    wikidata_id: str | None = Field(default=None, pattern=_WIKIDATA)
    confidence: float | None = Field(default=None, ge=0, le=1, strict=True)


class Quote(_Model):
    """Reported speech: what was said, by whom, and how it was reported."""

    id: str = Field(min_length=1)
    content: Span = Field(description="What was said, without the quotation marks.")
    speaker: str | None = Field(description="Id of an Actor of the same document; null when unattributed.")
    kind: QuoteKind
    cue: Span | None = Field(default=None, description='The reporting verb or phrase ("said", "according to").')
    speaker_mention: Span | None = Field(default=None, description="The mention of the speaker tied to this quote.")
    confidence: float | None = Field(default=None, ge=0, le=1, strict=True)

    @model_serializer(mode="wrap")
    def _speaker_always(self, handler: SerializerFunctionWrapHandler) -> Any:
        # The contract requires `speaker` (null when unattributed), so leaving out None fields keeps it. Written
        # here, in pydantic-core's one pass, a document goes straight to JSON without a dict of the whole document.
        data = handler(self)
        if isinstance(data, dict) and "speaker" not in data:
            data["speaker"] = None
        return data


class Argument(_Model):
    """A participant of an event, by reference."""

    role: ArgumentRole
    ref: str = Field(description="Id of an Actor or Location of the same document.")


def _subtype_schema(schema: dict[str, Any]) -> None:
    """Let the JSON Schema say what :func:`subtype_problem` checks: a type takes only its own subtypes."""
    fits = [
        {"if": {"properties": {"type": {"const": t}}}, "then": {"properties": {"subtype": {"enum": [*subs, None]}}}}
        for t, subs in EVENT_SUBTYPES.items()
    ]
    none = {"if": {"properties": {"type": {"not": {"enum": list(EVENT_SUBTYPES)}}}},
            "then": {"properties": {"subtype": {"type": "null"}}}}
    schema["allOf"] = [*fits, none]


class Event(_Model):
    """Something reported as happening, having happened, planned, or possible."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_subtype_schema)

    id: str = Field(min_length=1)
    type: EventType
    subtype: EventSubtype | None = Field(
        default=None, description="Finer type: one of the subtypes of `type` in schema/event_inventory.yaml."
    )
    trigger: Span = Field(description="The word or short phrase that most clearly expresses the event.")
    arguments: tuple[Argument, ...] = ()
    polarity: Polarity | None = None
    modality: Modality | None = None
    time: Span | None = Field(default=None, description='The time expression ("on Tuesday"), if any.')
    date: str | None = Field(
        default=None, pattern=_ISO_DATE, description="ISO 8601 date or interval, normalised against Document.date."
    )
    confidence: float | None = Field(default=None, ge=0, le=1, strict=True)

    @model_validator(mode="after")
    def _subtype_fits_type(self) -> Event:
        reason = subtype_problem(self.type, self.subtype)
        if reason:
            raise ValueError(reason)
        return self


class Document(_Model):
    """One article with its annotations (gold) or an extractor's output (prediction)."""

    schema_version: str = Field(
        default=SCHEMA_VERSION,
        pattern=rf"^{SCHEMA_VERSION.split('.')[0]}\.[0-9]+$",
        description=f"Version of this format; files of another major version than {SCHEMA_VERSION} are refused.",
    )
    doc_id: str = Field(min_length=1)
    text: str
    actors: tuple[Actor, ...] = ()
    locations: tuple[Location, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    title: str | None = None
    date: str | None = Field(default=None, pattern=_ISO_DATE, description="Publication date, ISO 8601.")
    source: str | None = Field(default=None, description="Publisher or origin of the article.")
    url: str | None = None
    language: str | None = Field(default=None, description="BCP 47 language tag, e.g. en.")
    text_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    meta: dict[str, Any] | None = Field(default=None, description="Free-form metadata (annotator, extractor, ...).")

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Document:
        # `newsbench validate` passes context={"semantics": False} to collect every problem itself.
        if info.context and info.context.get("semantics") is False:
            return self
        problems = check_document(self)
        if problems:
            raise ValueError("; ".join(f"{path}: {reason}" for path, reason in problems))
        return self


def _lay_out_attributes(*classes: type[BaseModel]) -> None:
    """Give each class's instances the shared attribute layout of its fields, in field order, before any exists.

    CPython (3.11) keeps the attributes of instances of a class in one shared table of names plus a small
    array of values per instance, when the names were first set one by one; pydantic sets a whole dict per
    instance instead, and once enough instances have been made the class never gets that table. Setting
    the fields once here, on a throwaway instance, makes it, so that :mod:`eval.data.compact` can rebuild
    an extractor's models with a values array (a third of the bytes of a dict). Nothing else changes.
    """
    for cls in classes:
        probe = cls.__new__(cls)
        for name in cls.model_fields:
            object.__setattr__(probe, name, None)


_lay_out_attributes(Span, Mention, Actor, Location, Quote, Argument, Event)
