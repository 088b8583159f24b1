"""The prompt: condensed annotation guidelines, two invented few-shot examples, then the article.

The definitions follow gold/GUIDELINES.md in our own words, and the type vocabularies come from
the schema's Literal types (``typing.get_args`` on :mod:`eval.api`), so the prompt follows the event
inventory when it grows; the trigger is worded once (``response.TRIGGER_WORDING``) for prompt and
schema. The examples cover a mixed quote and negative, hypothetical and reported events, and a
test builds each into a valid Document. The few-shot articles are invented (fictional towns and people), so no gold
article, nor any part of one, is ever in a prompt; a test compares long n-grams with the gold texts.
:func:`prompt_hash` names the exact prompt in results and cache keys: change a word here and
cached answers are no longer reused.
"""
from __future__ import annotations

import hashlib
import json
from typing import get_args

from eval.api import ActorType, ArgumentRole, EventType, LocationType, Modality, Polarity, QuoteKind
from extractors.llm.response import TRIGGER_WORDING, parse_answer

PROMPT_VERSION = "2"


def _choices(literal: object) -> str:
    return ", ".join(get_args(literal))


SYSTEM = f"""You annotate news articles for an information extraction benchmark.
Return one JSON object with the keys "actors", "locations", "quotes" and "events", and nothing else.
Copy every string EXACTLY as it appears in the article (same spelling, case and punctuation);
never paraphrase, never give character offsets.

ACTORS and LOCATIONS get ids you assign: actors "a1", "a2", ..., locations "l1", "l2", ..., in
order of first mention. Quotes and events refer to them by these ids.
"mentions": every mention of the entity in reading order, once per occurrence. When the same words
also occur elsewhere in the article for another entity or for nothing (the state "Morania" and the
territory "Morania"; an "it" that means something else), write up to 8 words around this occurrence
with the mention in square brackets: "threats from [Velgrad] or Tarsk".

ACTORS: every person, organisation, armed group, state or group of people mentioned, whether it acts,
speaks, is acted upon or is only mentioned. type: one of {_choices(ActorType)}.
- PER: a person or a group of people; ORG: organisation, ministry, armed group, military force;
  GPE: a state or government acting, speaking or being acted upon; NORP: a nationality, religious
  or political group as people.
- name: the canonical full name even when the text uses a short form.
- Mentions: proper names without determiners or titles ("Mayor Jane Doe" -> "Jane Doe"); for a
  description, only its head noun ("the former minister" -> "minister"); pronouns ("he", "its",
  "we") but not relative pronouns (who, which) nor demonstratives. Never include a possessive 's or
  quotation marks. One mention per noun phrase: when a name of the entity is in the phrase
  ("Front gunmen", "gunmen of the Front"), only the name.
- A capital or country standing for its government is a mention of the state actor; a demonym
  adjective for a state ("French" in "French President") is a mention of that state actor; a title
  before a name is not a mention.

LOCATIONS: every place mentioned as a place. type: one of {_choices(LocationType)}.
GPE: country, city or province as territory; LOC: a geographic area that is not a political unit
(a lake, a river, a region); FAC: a building, airport, base, bridge or port. Same span rules as
actors; "the town of X" -> "X" only.

QUOTES: reported speech whose content is words in quotation marks or a finite clause.
kind: one of {_choices(QuoteKind)} (direct: entirely inside quotation marks; indirect: no marks;
mixed: a reported clause containing a quoted fragment).
- content of a direct quote: everything between the quotation marks, including punctuation inside
  them, without the marks. Indirect and mixed: the reported clause without "that" and without
  final punctuation; a mixed quote that ends with a quoted fragment keeps its closing mark.
- speaker: the id of the speaking actor; cue: the reporting word, the main verb only ("has said" ->
  "said"), or "according to". A quote inside another quote's content is a quote too.

EVENTS: one item per trigger (each mention of an event), in reading order. type: one of {_choices(EventType)}.
MOVE travel, arrival, departure, relocation; DEPLOY stationing or increasing forces; MEET meetings,
summits, visits, talks; STATEMENT statements, announcements, warnings, offers, rejections, and every
quote cue; AGREE deals reached or brokered; ATTACK attacks, battles, invasions, wars; SEIZE capture
or occupation of a place; REBEL mutinies, uprisings, revolts; DEFEND protecting, defending, deterring;
THREATEN posing or making a threat; ACCUSE accusations and criticism; SUPPORT support, aid, thanks,
refuge, membership; LEGAL charges, prosecutions; OTHER any other reported event.
- trigger: {TRIGGER_WORDING}: the main verb or event noun ("held talks" -> "talks"; "pose a threat"
  -> "threat"). States, conditions, copulas and verbs of cognition are not events. Add [context]
  as for mentions when the word also occurs nearby where it is not this event.
- arguments: one list of actor or location ids per role ({_choices(ArgumentRole)}), a role left
  out when empty; only participants mentioned in the same sentence; a place, origin or destination
  is a location.
- polarity: one of {_choices(Polarity)} (negative when the text says it did or will not happen;
  leave it out when positive). modality: one of {_choices(Modality)} (hypothetical: could, if,
  possible, any; planned: will, upcoming, intended; reported: inside a quote or "reportedly";
  asserted: stated as fact; leave it out when asserted); the first that applies wins."""

_EXAMPLE_1 = (
    "The city will not reopen its river port \u201cuntil every beam is checked,\u201d Kessler Falls Mayor "
    "Dana Whitcombe said on Thursday. Floods reportedly damaged the main pier last week. \u201cWe are "
    "checking every beam,\u201d Whitcombe told reporters at City Hall. Governor Tomas Reyna could visit "
    "the port if the weather improves, his office said."
)
_ANSWER_1 = {
    "actors": [
        {"id": "a1", "name": "Kessler Falls", "type": "GPE", "mentions": ["city", "its", "Kessler Falls", "We"]},
        {"id": "a2", "name": "Dana Whitcombe", "type": "PER", "mentions": ["Dana Whitcombe", "Whitcombe"]},
        {"id": "a3", "name": "reporters", "type": "PER", "mentions": ["reporters"]},
        {"id": "a4", "name": "Tomas Reyna", "type": "PER", "mentions": ["Tomas Reyna", "his"]},
        {"id": "a5", "name": "office of Tomas Reyna", "type": "ORG", "mentions": ["office"]},
    ],
    "locations": [
        {"id": "l1", "name": "Kessler Falls river port", "type": "FAC", "mentions": ["port", "port"]},
        {"id": "l2", "name": "main pier of Kessler Falls", "type": "FAC", "mentions": ["pier"]},
        {"id": "l3", "name": "Kessler Falls City Hall", "type": "FAC", "mentions": ["City Hall"]},
    ],
    "quotes": [
        {"content": "The city will not reopen its river port \u201cuntil every beam is checked,\u201d",
         "speaker": "a2", "kind": "mixed", "cue": "said"},
        {"content": "We are checking every beam,", "speaker": "a2", "kind": "direct", "cue": "told"},
        {"content": "Governor Tomas Reyna could visit the port if the weather improves", "speaker": "a5",
         "kind": "indirect", "cue": "said"},
    ],
    "events": [
        {"type": "OTHER", "trigger": "reopen", "arguments": [{"role": "agent", "ref": "a1"}, {"role": "target", "ref": "l1"}],
         "polarity": "negative", "modality": "planned"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a2"}]},
        {"type": "OTHER", "trigger": "damaged", "arguments": [{"role": "target", "ref": "l2"}], "modality": "reported"},
        {"type": "OTHER", "trigger": "checking", "arguments": [{"role": "agent", "ref": "a1"}], "modality": "reported"},
        {"type": "STATEMENT", "trigger": "told", "arguments": [
            {"role": "agent", "ref": "a2"}, {"role": "target", "ref": "a3"}, {"role": "place", "ref": "l3"}]},
        {"type": "MOVE", "trigger": "visit", "arguments": [{"role": "agent", "ref": "a4"}, {"role": "destination", "ref": "l1"}],
         "modality": "hypothetical"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a5"}]},
    ],
}

_EXAMPLE_2 = (
    "The Free Valley Front captured the hill town of Orsk-Tamar on Saturday, the defence ministry of "
    "Veldoria said, accusing neighbouring Morania of arming the group. Morania said it had never armed "
    "the group. Veldorian President Ilse Marrow will meet Moranian envoys at Lake Amsel next week, her office said."
)
_ANSWER_2 = {
    "actors": [
        {"id": "a1", "name": "Free Valley Front", "type": "ORG", "mentions": ["Free Valley Front", "group", "group"]},
        {"id": "a2", "name": "Ministry of Defence of Veldoria", "type": "ORG", "mentions": ["ministry"]},
        {"id": "a3", "name": "Veldoria", "type": "GPE", "mentions": ["Veldoria", "Veldorian"]},
        {"id": "a4", "name": "Morania", "type": "GPE", "mentions": ["Morania", "Morania", "it", "Moranian"]},
        {"id": "a5", "name": "Ilse Marrow", "type": "PER", "mentions": ["Ilse Marrow", "her"]},
        {"id": "a6", "name": "Moranian envoys", "type": "PER", "mentions": ["envoys"]},
        {"id": "a7", "name": "office of Ilse Marrow", "type": "ORG", "mentions": ["office"]},
    ],
    "locations": [
        {"id": "l1", "name": "Orsk-Tamar", "type": "GPE", "mentions": ["Orsk-Tamar"]},
        {"id": "l2", "name": "Lake Amsel", "type": "LOC", "mentions": ["Lake Amsel"]},
    ],
    "quotes": [
        {"content": "The Free Valley Front captured the hill town of Orsk-Tamar on Saturday", "speaker": "a2",
         "kind": "indirect", "cue": "said"},
        {"content": "it had never armed the group", "speaker": "a4", "kind": "indirect", "cue": "said"},
        {"content": "Veldorian President Ilse Marrow will meet Moranian envoys at Lake Amsel next week",
         "speaker": "a7", "kind": "indirect", "cue": "said"},
    ],
    "events": [
        {"type": "SEIZE", "trigger": "captured", "arguments": [{"role": "agent", "ref": "a1"}, {"role": "target", "ref": "l1"}],
         "modality": "reported"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a2"}]},
        {"type": "ACCUSE", "trigger": "accusing", "arguments": [{"role": "agent", "ref": "a2"}, {"role": "target", "ref": "a4"}]},
        {"type": "SUPPORT", "trigger": "arming", "arguments": [{"role": "agent", "ref": "a4"}, {"role": "target", "ref": "a1"}],
         "modality": "reported"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a4"}]},
        {"type": "SUPPORT", "trigger": "armed", "arguments": [{"role": "agent", "ref": "a4"}, {"role": "target", "ref": "a1"}],
         "polarity": "negative", "modality": "reported"},
        {"type": "MEET", "trigger": "meet", "arguments": [
            {"role": "participant", "ref": "a5"}, {"role": "participant", "ref": "a6"}, {"role": "place", "ref": "l2"}],
         "modality": "planned"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a7"}]},
    ],
}

def _role_fields(answer: dict) -> dict:
    """The examples are written with argument lists for readability; the answer format has one
    list of ids per role."""
    events = []
    for ev in answer["events"]:
        item = {k: v for k, v in ev.items() if k != "arguments"}
        for a in ev["arguments"]:
            item.setdefault(a["role"], []).append(a["ref"])
        events.append(item)
    return {**answer, "events": events}


EXAMPLES: tuple[tuple[str, dict], ...] = ((_EXAMPLE_1, _role_fields(_ANSWER_1)), (_EXAMPLE_2, _role_fields(_ANSWER_2)))


def user_message(text: str) -> str:
    return f"Article:\n<<<\n{text}\n>>>"


def _answer_json(answer: dict) -> str:
    # Validated here so that a broken example fails at import, not as a silently worse prompt.
    text = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
    if parse_answer(text).dropped:
        raise ValueError(f"invalid few-shot answer: {parse_answer(text).dropped}")
    return text


def few_shot() -> list[dict[str, str]]:
    """System message plus the example turns, without the article."""
    messages = [{"role": "system", "content": SYSTEM}]
    for text, answer in EXAMPLES:
        messages.append({"role": "user", "content": user_message(text)})
        messages.append({"role": "assistant", "content": _answer_json(answer)})
    return messages


def build_messages(text: str) -> list[dict[str, str]]:
    """The chat messages for one article (or chunk)."""
    return [*few_shot(), {"role": "user", "content": user_message(text)}]


def repair_messages(messages: list[dict[str, str]], bad_reply: str | None, problem: str) -> list[dict[str, str]]:
    """The one repair request: the conversation, the bad reply, and what was wrong with it."""
    return [
        *messages,
        {"role": "assistant", "content": bad_reply or ""},
        {
            "role": "user",
            "content": f"Your reply could not be used: {problem}. Reply again with only the JSON object "
            'with the keys "actors", "locations", "quotes" and "events".',
        },
    ]


def prompt_hash() -> str:
    """SHA-256 of everything in the prompt except the article (the version and the rendered messages)."""
    material = json.dumps({"version": PROMPT_VERSION, "messages": few_shot()}, sort_keys=True)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
