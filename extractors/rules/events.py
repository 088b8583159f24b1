"""Events for the ``rules`` extractor: a trigger from the event lexicon (and every quote cue, a
STATEMENT), with agent, target, participant and place arguments from the nearest actors and places
of its sentence, and polarity and modality from the few words before it."""
from __future__ import annotations

import bisect
from typing import Any

from extractors.rules.mentions import Ref
from extractors.rules.text import Sentences
from extractors.shared.events import (
    PARTICIPANT_TYPES,
    PLACE_TARGET_TYPES,
    TARGET_TYPES,
    Arguments,
    event_record,
    place_role,
)
from extractors.shared.output import numbered, span
from extractors.shared.quotes import QuotationSpans, cue_events

# Words among the four before a trigger that make it negative, hypothetical or planned.
NEGATIONS: frozenset[str] = frozenset({"not", "never", "no", "n't", "without", "nor"})
HYPOTHETICAL: frozenset[str] = frozenset({"could", "might", "may", "if", "possible", "potential", "would", "risk"})
PLANNED: frozenset[str] = frozenset({"will", "upcoming", "next", "plans", "planned", "plan", "shall", "to"})
# Prepositions before a place where the event happened ("clashes near X").
PLACE_PREPS = ("in", "at", "near", "inside", "across")


class EventFinder:
    """The events of one article (a part of :class:`extractors.rules.article.RulesArticle`)."""

    text: str
    sentences: Sentences
    quotations: QuotationSpans
    triggers: list[tuple[int, int, tuple[str, str]]]
    quotes: list[dict[str, Any]]
    refs: list[Ref]
    ref_starts: list[int]

    def _events(self) -> list[dict[str, Any]]:
        """The quote cues' events and one event per trigger that is not part of a mention, with ids."""
        found = cue_events(self.quotes)
        mention_starts = {r.start for r in self.refs}
        for start, end, (_, etype) in self.triggers:
            if start not in found and start not in mention_starts:
                found[start] = self._event(start, end, etype)
        return numbered("e", (found[start] for start in sorted(found)))

    def _event(self, start: int, end: int, etype: str) -> dict[str, Any]:
        text = self.text
        s_start, s_end = self.sentences.of(start)
        before, after = self._refs_around(start, s_start, s_end)
        args = _arguments(text, etype, before, after, s_start)
        window = text[max(s_start, start - 40):start].lower()
        words_before = window.split()[-4:]
        negated = not NEGATIONS.isdisjoint(words_before) or (
            "n't" in window and any(w.endswith("n't") for w in words_before)
        )
        polarity = "negative" if negated else "positive"
        if self.quotations.contains(start):
            modality = "reported"
        elif not HYPOTHETICAL.isdisjoint(words_before):
            modality = "hypothetical"
        elif not PLANNED.isdisjoint(words_before):
            modality = "planned"
        else:
            modality = "asserted"
        return event_record(etype, span(text, start, end), args, polarity, modality)

    def _refs_around(self, start: int, s_start: int, s_end: int) -> tuple[list[Ref], list[Ref]]:
        """The mentions of the sentence ending before the trigger at ``start``, and those after it."""
        lo = bisect.bisect_left(self.ref_starts, s_start)
        hi = bisect.bisect_right(self.ref_starts, s_end)
        before: list[Ref] = []
        after: list[Ref] = []
        for r in self.refs[lo:hi]:
            if r.end <= start:
                before.append(r)
            elif start < r.start and r.end <= s_end:
                after.append(r)
        return before, after


def _arguments(text: str, etype: str, before: list[Ref], after: list[Ref], s_start: int) -> list[dict[str, str]]:
    """The nearest actor before the trigger is its agent (up to four actors are participants of a
    meeting or agreement); the first actor after it the target; places after a preposition have roles."""
    args = Arguments()
    if etype in PARTICIPANT_TYPES:
        for r in [r for r in before + after if r.is_actor][:4]:
            args.add("participant", r.ref)
    else:
        agent = next((r for r in reversed(before) if r.is_actor), None)
        if agent is not None:
            args.add("agent", agent.ref)
    if etype in TARGET_TYPES:
        target = next((r for r in after if r.is_actor or etype in PLACE_TARGET_TYPES), None)
        if target is not None:
            args.add("target", target.ref)
    for r in after:
        if r.is_actor:
            continue
        prep = text[max(s_start, r.start - 12):r.start].split()
        role = place_role(etype, prep[-1].lower() if prep else "", PLACE_PREPS)
        if role is not None:
            args.add(role, r.ref)
    return args.items
