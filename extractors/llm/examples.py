"""The few-shot examples: three invented news items (fictional towns and people) with their answers.

They show what the prose of the prompt says: a mixed quote, negative, hypothetical, planned and
reported events, and types and subtypes of the inventory beyond politics (a disaster and an injury, a facility, an election, a
start of office, lay-offs, a fine and a charge). No gold article, nor any part of one, is here;
:mod:`extractors.llm.prompt` validates each answer at import and a test builds each into a valid
Document and compares long n-grams with the gold texts.
"""
from __future__ import annotations

_EXAMPLE_1 = (
    "The city will not reopen its river port \u201cuntil every beam is checked,\u201d Kessler Falls Mayor "
    "Dana Whitcombe said on Thursday. Floods last week damaged the main pier and reportedly injured two "
    "dock workers. \u201cWe are checking every beam,\u201d Whitcombe told reporters at City Hall. Governor "
    "Tomas Reyna could visit the port if the weather improves, his office said."
)
_ANSWER_1 = {
    "actors": [
        {"id": "a1", "name": "Kessler Falls", "type": "GPE", "mentions": ["city", "its", "Kessler Falls", "We"]},
        {"id": "a2", "name": "Dana Whitcombe", "type": "PER", "mentions": ["Dana Whitcombe", "Whitcombe"]},
        {"id": "a3", "name": "dock workers of Kessler Falls", "type": "PER", "mentions": ["workers"]},
        {"id": "a4", "name": "reporters", "type": "PER", "mentions": ["reporters"]},
        {"id": "a5", "name": "Tomas Reyna", "type": "PER", "mentions": ["Tomas Reyna", "his"]},
        {"id": "a6", "name": "office of Tomas Reyna", "type": "ORG", "mentions": ["office"]},
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
        {"content": "Governor Tomas Reyna could visit the port if the weather improves", "speaker": "a6",
         "kind": "indirect", "cue": "said"},
    ],
    "events": [
        {"type": "BUSINESS", "subtype": "open_facility", "trigger": "reopen",
         "arguments": [{"role": "agent", "ref": "a1"}, {"role": "target", "ref": "l1"}],
         "polarity": "negative", "modality": "planned"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a2"}]},
        {"type": "DISASTER", "subtype": "natural", "trigger": "Floods",
         "arguments": [{"role": "target", "ref": "l2"}, {"role": "target", "ref": "a3"}]},
        {"type": "OTHER", "trigger": "damaged", "arguments": [{"role": "target", "ref": "l2"}]},
        {"type": "LIFE", "subtype": "injure", "trigger": "injured", "arguments": [{"role": "target", "ref": "a3"}],
         "modality": "reported"},
        {"type": "OTHER", "trigger": "checking", "arguments": [{"role": "agent", "ref": "a1"}], "modality": "reported"},
        {"type": "STATEMENT", "trigger": "told", "arguments": [
            {"role": "agent", "ref": "a2"}, {"role": "target", "ref": "a4"}, {"role": "place", "ref": "l3"}]},
        {"type": "MOVE", "subtype": "transport", "trigger": "visit",
         "arguments": [{"role": "agent", "ref": "a5"}, {"role": "destination", "ref": "l1"}], "modality": "hypothetical"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a6"}]},
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
        {"type": "SUPPORT", "subtype": "aid", "trigger": "arming",
         "arguments": [{"role": "agent", "ref": "a4"}, {"role": "target", "ref": "a1"}], "modality": "reported"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a4"}]},
        {"type": "SUPPORT", "subtype": "aid", "trigger": "armed",
         "arguments": [{"role": "agent", "ref": "a4"}, {"role": "target", "ref": "a1"}],
         "polarity": "negative", "modality": "reported"},
        {"type": "MEET", "subtype": "meet", "trigger": "meet", "arguments": [
            {"role": "participant", "ref": "a5"}, {"role": "participant", "ref": "a6"}, {"role": "place", "ref": "l2"}],
         "modality": "planned"},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a7"}]},
    ],
}

_EXAMPLE_3 = (
    "Rosa Kelleway was elected in Dunmere on Sunday, three weeks after the Kessan Shipyard said it would "
    "cut 400 jobs. Kelleway will be sworn in on June 1. A district court fined the shipyard in May, and "
    "prosecutors have charged its former director."
)
_ANSWER_3 = {
    "actors": [
        {"id": "a1", "name": "Rosa Kelleway", "type": "PER", "mentions": ["Rosa Kelleway", "Kelleway"]},
        {"id": "a2", "name": "Kessan Shipyard", "type": "ORG", "mentions": ["Kessan Shipyard", "it", "shipyard", "its"]},
        {"id": "a3", "name": "district court", "type": "ORG", "mentions": ["court"]},
        {"id": "a4", "name": "prosecutors", "type": "PER", "mentions": ["prosecutors"]},
        {"id": "a5", "name": "former director of Kessan Shipyard", "type": "PER", "mentions": ["director"]},
    ],
    "locations": [
        {"id": "l1", "name": "Dunmere", "type": "GPE", "mentions": ["Dunmere"]},
    ],
    "quotes": [
        {"content": "it would cut 400 jobs", "speaker": "a2", "kind": "indirect", "cue": "said"},
    ],
    "events": [
        {"type": "PERSONNEL", "subtype": "elect", "trigger": "elected",
         "arguments": [{"role": "target", "ref": "a1"}, {"role": "place", "ref": "l1"}]},
        {"type": "STATEMENT", "trigger": "said", "arguments": [{"role": "agent", "ref": "a2"}]},
        {"type": "BUSINESS", "subtype": "lay_off", "trigger": "cut", "arguments": [{"role": "agent", "ref": "a2"}],
         "modality": "planned"},
        {"type": "PERSONNEL", "subtype": "start_position", "trigger": "sworn",
         "arguments": [{"role": "target", "ref": "a1"}], "modality": "planned"},
        {"type": "LEGAL", "subtype": "fine", "trigger": "fined",
         "arguments": [{"role": "agent", "ref": "a3"}, {"role": "target", "ref": "a2"}]},
        {"type": "LEGAL", "subtype": "charge_indict", "trigger": "charged",
         "arguments": [{"role": "agent", "ref": "a4"}, {"role": "target", "ref": "a5"}]},
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


EXAMPLES: tuple[tuple[str, dict], ...] = tuple(
    (text, _role_fields(answer))
    for text, answer in ((_EXAMPLE_1, _ANSWER_1), (_EXAMPLE_2, _ANSWER_2), (_EXAMPLE_3, _ANSWER_3))
)
