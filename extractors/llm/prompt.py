"""The prompt: condensed annotation guidelines, three invented few-shot examples, then the article.

The definitions follow gold/GUIDELINES.md in our own words. The type vocabularies come from the
schema's Literal types (``typing.get_args`` on :mod:`eval.api`), and the event section is generated
from the event inventory (``eval.api.load_inventory``: every type and subtype with its
definition), so the prompt follows the inventory when it grows; the type-choice rules for news at
large and the roles of its types are the guidelines' (3.2.2, 3.3, 3.4) condensed. The trigger and
subtype are worded once (``response.TRIGGER_WORDING``, ``SUBTYPE_WORDING``) for prompt and schema.
The examples (:mod:`extractors.llm.examples`) are invented, so no gold article, nor any part of
one, is ever in a prompt; a test compares long n-grams with the gold texts. :func:`prompt_hash`
names the exact prompt in results and cache keys: change a word here and cached answers are no
longer reused.
"""
from __future__ import annotations

import hashlib
import json
from typing import get_args

from eval.api import (
    ActorType,
    ArgumentRole,
    EventType,
    Inventory,
    LocationType,
    Modality,
    Polarity,
    QuoteKind,
    load_inventory,
)
from extractors.llm.examples import EXAMPLES
from extractors.llm.response import SUBTYPE_WORDING, TRIGGER_WORDING, parse_answer

PROMPT_VERSION = "3"


def _choices(literal: object) -> str:
    return ", ".join(get_args(literal))


def event_inventory(inventory: Inventory) -> str:
    """Every event type with its definition, each subtype indented under it with its own.

    >>> print(event_inventory(load_inventory()).splitlines()[1])
      transport: A person, group or cargo travels or is carried from one place to another (the default movement).
    """
    lines = []
    for t in inventory.types:
        lines.append(f"{t.type}: {t.definition}")
        lines.extend(f"  {s.subtype}: {s.definition}" for s in t.subtypes)
    return "\n".join(lines)


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
subtype: {SUBTYPE_WORDING}. The types, each with its subtypes indented under it:
{event_inventory(load_inventory())}
Choosing the type. Each word that names an event is its own item, and the more specific type wins
(SEIZE over ATTACK for a capture, DEPLOY over MOVE for stationing forces, REBEL over ATTACK for a riot).
- Elections: an election to an office, its vote, polls or winner -> PERSONNEL elect, never CONTEST;
  campaigning for votes -> CAMPAIGN election_campaign; a vote on a law, budget or motion, or a
  referendum -> POLICY legislate.
- Jobs: a person or a named few taking or leaving a post, a player signing for a club -> PERSONNEL;
  an employer cutting many jobs -> BUSINESS lay_off; a club buying or selling a player ->
  TRANSACTION transfer_ownership.
- Closures: a plant, shop or office shutting while its owner carries on -> BUSINESS close_facility;
  the organisation itself ceasing to exist -> BUSINESS end_org.
- Money: help given for nothing in return (relief, donations, asylum) -> SUPPORT aid; a payment,
  loan, investment, compensation, purchase or sale -> TRANSACTION.
- Harm: the word for a death or wound ("killed", "died", "wounded") -> LIFE die or injure; the word
  for the violence ("shot", "bombing") -> ATTACK; the word for the disaster ("flood", "crash",
  "outbreak") -> DISASTER. "A gas blast killed two miners": "blast" DISASTER accident, "killed" LIFE die.
- Protest: a peaceful or unspecified protest, a strike, a boycott -> DEMONSTRATE; a riot, mutiny
  or armed uprising -> REBEL.
- Justice: an accusation outside a court -> ACCUSE; a formal charge -> LEGAL charge_indict; a
  lawsuit -> LEGAL sue; a fine from a court or regulator -> LEGAL fine; sanctions of a state or
  bloc -> POLICY sanction.
- Contact: a call, letter or message whose content is not reported -> MEET phone_write; when its
  content is reported, its cue is a STATEMENT.
- Contests: a match or race taking place -> CONTEST compete; its outcome (beat, won, lost, drew)
  -> CONTEST result; a prize or honour -> CONTEST award.
- Campaigns: an organised drive over time -> CAMPAIGN ("launched a campaign" -> "campaign"); one
  act of help within it stays SUPPORT aid.
- Laws and rules: adopting, amending or repealing a law or budget -> POLICY legislate; imposing a
  ban, curfew or limit -> POLICY restrict; lifting one -> POLICY ease.
- Endings: a verb that ends or calls off an event (end, call off, cancel, halt, suspend, scrap) is
  an item of its own, OTHER unless a subtype names that ending (end_org, end_position,
  close_facility, ease), trigger one word ("called" for "called off"); the event it ends is an
  item too: positive if it had begun, negative if it never took place.
- Wishes and obligations (wants to, would like to, plans to, must, has to, requires) are not
  events; the event they govern is planned when it is one stated party's specific future act,
  hypothetical when it is a general rule, asserted when the text says it was done.
Each event's fields:
- trigger: {TRIGGER_WORDING}: the main verb or event noun ("held talks" -> "talks"; "pose a threat"
  -> "threat"). States, conditions, copulas and verbs of cognition are not events. Add [context]
  as for mentions when the word also occurs nearby where it is not this event.
- arguments: one list of actor or location ids per role ({_choices(ArgumentRole)}), a role left
  out when empty; only participants mentioned in the same sentence; a place, origin or destination
  is a location. agent: who does it; target: who or what it is done to (a place captured or struck
  too); participant: each party of a MEET or AGREE. In the types for news at large: PERSONNEL agent
  who appoints or elects, target the person whose post changes (also "she resigned"), participant
  the organisation of the post; BUSINESS agent the organisation, target the site opened or closed
  or the workers laid off, participant the other party of a merger; TRANSACTION agent the giver,
  seller or payer, target what changes hands, participant the receiver or buyer; LIFE agent the
  killer when stated, target who is born, dies or is hurt, participant each spouse; DEMONSTRATE
  agent the protesters, target whom they oppose; POLICY agent the authority, target who is
  restricted, sanctioned or relieved; CONTEST agent the winner or the one awarded, target the beaten
  side, participant every side of a match or a draw; DISASTER no agent, target the people or places
  struck; CAMPAIGN agent who runs it, target whom it aims at.
- polarity: one of {_choices(Polarity)} (negative when the text says it did or will not happen;
  leave it out when positive). modality: one of {_choices(Modality)} (hypothetical: could, if,
  possible, any; planned: will, upcoming, intended; reported: inside a quote or "reportedly";
  asserted: stated as fact; leave it out when asserted); the first that applies wins."""


def user_message(text: str) -> str:
    return f"Article:\n<<<\n{text}\n>>>"


def _answer_json(answer: dict) -> str:
    text = json.dumps(answer, ensure_ascii=False, separators=(",", ":"))
    if parse_answer(text).dropped:
        raise ValueError(f"invalid few-shot answer: {parse_answer(text).dropped}")
    return text


# Built (and each answer validated) at import, so that a broken example fails there, not as a
# silently worse prompt.
_FEW_SHOT: tuple[tuple[str, str], ...] = tuple(
    (user_message(text), _answer_json(answer)) for text, answer in EXAMPLES
)


def few_shot() -> list[dict[str, str]]:
    """System message plus the example turns, without the article."""
    messages = [{"role": "system", "content": SYSTEM}]
    for question, answer in _FEW_SHOT:
        messages.append({"role": "user", "content": question})
        messages.append({"role": "assistant", "content": answer})
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
