"""The prompt: condensed annotation guidelines, two invented few-shot examples, then the article.

The definitions follow gold/GUIDELINES.md in our own words, and the type vocabularies come from
:mod:`eval.schema`. The few-shot articles are invented (fictional towns and people), so no gold
article, nor any part of one, is ever in a prompt; a test compares long n-grams with the gold texts.
:func:`prompt_hash` names the exact prompt in results and cache keys: change a word here and
cached answers are no longer reused.
"""
from __future__ import annotations

import hashlib
import json
from typing import get_args

from eval.api import ActorType, ArgumentRole, EventType, LocationType, Modality, Polarity, QuoteKind
from extractors.llm.response import Answer

PROMPT_VERSION = "1"


def _choices(literal: object) -> str:
    return ", ".join(get_args(literal))


SYSTEM = f"""You annotate news articles for an information extraction benchmark.
Return one JSON object with the keys "actors", "locations", "quotes" and "events", and nothing else.
Copy every span string EXACTLY as it appears in the article (same spelling, case and punctuation);
never paraphrase, never give character offsets.

ACTORS: every person, organisation, armed group, state or group of people mentioned, whether it acts,
speaks, is acted upon or is only mentioned. One item per distinct entity with ALL its mentions in
reading order (repeat a string once per occurrence). type: one of {_choices(ActorType)}.
- PER: a person or a group of people; ORG: organisation, ministry, armed group, military force;
  GPE: a state or government acting, speaking or being acted upon; NORP: a nationality, religious
  or political group as people.
- name: the canonical full name even when the text uses a short form.
- Mentions: proper names without determiners or titles ("Mayor Jane Doe" -> "Jane Doe"); for a
  description, only its head noun ("the former minister" -> "minister"); pronouns ("he", "its",
  "we") but not relative pronouns (who, which). Never include a possessive 's or quotation marks.
- A capital or country standing for its government is a mention of the state actor; a demonym
  adjective for a state ("French" in "French President") is a mention of that state actor.

LOCATIONS: every place mentioned as a place. type: one of {_choices(LocationType)}.
GPE: country, city or province as territory; LOC: a geographic area that is not a political unit;
FAC: a building, airport, base, bridge or port. Same span rules as actors.

QUOTES: reported speech whose content is words in quotation marks or a finite clause.
kind: one of {_choices(QuoteKind)} (direct: entirely inside quotation marks; indirect: no marks;
mixed: a reported clause containing a quoted fragment).
- content of a direct quote: everything between the quotation marks, including punctuation inside
  them, without the marks. Indirect: the reported clause without "that" and without final punctuation.
- speaker: the name of the speaking actor exactly as in your actors list, or null.
- cue: the reporting word, the main verb only ("has said" -> "said"), or "according to".

EVENTS: one item per trigger (each mention of an event). type: one of {_choices(EventType)}.
MOVE travel, arrival, departure, relocation; DEPLOY stationing or increasing forces; MEET meetings,
summits, visits, talks; STATEMENT statements, announcements, warnings, offers, rejections, and every
quote cue; AGREE deals reached or brokered; ATTACK attacks, battles, invasions, wars; SEIZE capture
or occupation of a place; REBEL mutinies, uprisings, revolts; DEFEND protecting, defending, deterring;
THREATEN posing or making a threat; ACCUSE accusations and criticism; SUPPORT support, aid, thanks,
refuge, membership; LEGAL charges, prosecutions; OTHER any other reported event.
- trigger: ONE word, the main verb or event noun ("held talks" -> "talks"; "pose a threat" -> "threat").
  States, conditions, copulas and verbs of cognition are not events.
- arguments: role one of {_choices(ArgumentRole)}; name: an actor or location name exactly as in
  your lists; only participants mentioned in the same sentence.
- polarity: one of {_choices(Polarity)} (negative when the text says it did or will not happen).
- modality: one of {_choices(Modality)} (hypothetical: could, if, possible, any; planned: will,
  upcoming, intended; reported: inside a quote or "reportedly"; asserted: stated as fact).
List quotes and events in reading order."""

_EXAMPLE_1 = (
    "The mayor of Kessler Falls, Dana Whitcombe, announced on Thursday that the city would close its "
    "river port for two weeks after flooding damaged the main pier. \u201cWe cannot put workers at risk,\u201d "
    "Whitcombe told reporters at City Hall. The regional water authority said repairs had already begun, "
    "and Governor Tomas Reyna is expected to visit the port on Monday."
)
_ANSWER_1 = {
    "actors": [
        {"name": "Dana Whitcombe", "type": "PER", "mentions": ["mayor", "Dana Whitcombe", "We", "Whitcombe"]},
        {"name": "Kessler Falls city government", "type": "GPE", "mentions": ["city", "its"]},
        {"name": "reporters", "type": "PER", "mentions": ["reporters"]},
        {"name": "regional water authority", "type": "ORG", "mentions": ["authority"]},
        {"name": "Tomas Reyna", "type": "PER", "mentions": ["Tomas Reyna"]},
    ],
    "locations": [
        {"name": "Kessler Falls", "type": "GPE", "mentions": ["Kessler Falls"]},
        {"name": "Kessler Falls river port", "type": "FAC", "mentions": ["port", "port"]},
        {"name": "main pier", "type": "FAC", "mentions": ["pier"]},
        {"name": "City Hall", "type": "FAC", "mentions": ["City Hall"]},
    ],
    "quotes": [
        {"content": "the city would close its river port for two weeks after flooding damaged the main pier",
         "speaker": "Dana Whitcombe", "kind": "indirect", "cue": "announced"},
        {"content": "We cannot put workers at risk,", "speaker": "Dana Whitcombe", "kind": "direct", "cue": "told"},
        {"content": "repairs had already begun", "speaker": "regional water authority", "kind": "indirect",
         "cue": "said"},
    ],
    "events": [
        {"type": "STATEMENT", "trigger": "announced", "arguments": [{"role": "agent", "name": "Dana Whitcombe"}],
         "polarity": "positive", "modality": "asserted"},
        {"type": "OTHER", "trigger": "close", "arguments": [
            {"role": "agent", "name": "Kessler Falls city government"},
            {"role": "target", "name": "Kessler Falls river port"}], "polarity": "positive", "modality": "planned"},
        {"type": "OTHER", "trigger": "damaged", "arguments": [{"role": "target", "name": "main pier"}],
         "polarity": "positive", "modality": "reported"},
        {"type": "STATEMENT", "trigger": "told", "arguments": [
            {"role": "agent", "name": "Dana Whitcombe"}, {"role": "target", "name": "reporters"},
            {"role": "place", "name": "City Hall"}], "polarity": "positive", "modality": "asserted"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "name": "regional water authority"}],
         "polarity": "positive", "modality": "asserted"},
        {"type": "MOVE", "trigger": "visit", "arguments": [
            {"role": "agent", "name": "Tomas Reyna"}, {"role": "destination", "name": "Kessler Falls river port"}],
         "polarity": "positive", "modality": "planned"},
    ],
}

_EXAMPLE_2 = (
    "Fighters of the Free Valley Front captured the hill town of Orsk-Tamar on Saturday, the defence "
    "ministry of Veldoria said, accusing neighbouring Morania of arming the group. Morania denied it. "
    "Veldorian President Ilse Marrow will meet Moranian envoys in Lake Amsel next week, her office said."
)
_ANSWER_2 = {
    "actors": [
        {"name": "Free Valley Front", "type": "ORG", "mentions": ["Fighters", "Free Valley Front", "group"]},
        {"name": "Ministry of Defence of Veldoria", "type": "ORG", "mentions": ["ministry"]},
        {"name": "Veldoria", "type": "GPE", "mentions": ["Veldoria", "Veldorian"]},
        {"name": "Morania", "type": "GPE", "mentions": ["Morania", "Morania", "Moranian"]},
        {"name": "Ilse Marrow", "type": "PER", "mentions": ["Ilse Marrow", "her"]},
        {"name": "Moranian envoys", "type": "PER", "mentions": ["envoys"]},
    ],
    "locations": [
        {"name": "Orsk-Tamar", "type": "GPE", "mentions": ["town", "Orsk-Tamar"]},
        {"name": "Lake Amsel", "type": "GPE", "mentions": ["Lake Amsel"]},
    ],
    "quotes": [
        {"content": "Fighters of the Free Valley Front captured the hill town of Orsk-Tamar on Saturday",
         "speaker": "Ministry of Defence of Veldoria", "kind": "indirect", "cue": "said"},
        {"content": "Veldorian President Ilse Marrow will meet Moranian envoys in Lake Amsel next week",
         "speaker": None, "kind": "indirect", "cue": "said"},
    ],
    "events": [
        {"type": "SEIZE", "trigger": "captured", "arguments": [
            {"role": "agent", "name": "Free Valley Front"}, {"role": "target", "name": "Orsk-Tamar"}],
         "polarity": "positive", "modality": "reported"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [
            {"role": "agent", "name": "Ministry of Defence of Veldoria"}], "polarity": "positive", "modality": "asserted"},
        {"type": "ACCUSE", "trigger": "accusing", "arguments": [
            {"role": "agent", "name": "Ministry of Defence of Veldoria"}, {"role": "target", "name": "Morania"}],
         "polarity": "positive", "modality": "asserted"},
        {"type": "SUPPORT", "trigger": "arming", "arguments": [
            {"role": "agent", "name": "Morania"}, {"role": "target", "name": "Free Valley Front"}],
         "polarity": "positive", "modality": "reported"},
        {"type": "STATEMENT", "trigger": "denied", "arguments": [{"role": "agent", "name": "Morania"}],
         "polarity": "positive", "modality": "asserted"},
        {"type": "MEET", "trigger": "meet", "arguments": [
            {"role": "participant", "name": "Ilse Marrow"}, {"role": "participant", "name": "Moranian envoys"},
            {"role": "place", "name": "Lake Amsel"}], "polarity": "positive", "modality": "planned"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [], "polarity": "positive", "modality": "asserted"},
    ],
}

EXAMPLES: tuple[tuple[str, dict], ...] = ((_EXAMPLE_1, _ANSWER_1), (_EXAMPLE_2, _ANSWER_2))


def user_message(text: str) -> str:
    return f"Article:\n<<<\n{text}\n>>>"


def _answer_json(answer: dict) -> str:
    # Validated here so that a broken example fails at import, not as a silently worse prompt.
    return Answer.model_validate(answer).model_dump_json()


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
            "content": f"Your reply could not be used: {problem}. Reply again with only the corrected JSON object "
            'with the keys "actors", "locations", "quotes" and "events".',
        },
    ]


def prompt_hash() -> str:
    """SHA-256 of everything in the prompt except the article (the version and the rendered messages)."""
    material = json.dumps({"version": PROMPT_VERSION, "messages": few_shot()}, sort_keys=True)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()
