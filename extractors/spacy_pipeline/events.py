"""Events for the ``spacy`` extractor: triggers from the event lexicon (verbs tagged VERB, nouns
tagged NOUN), every quote cue a STATEMENT, with arguments from the parse: ``nsubj`` agent,
``dobj``/``nsubjpass`` target, prepositional objects that are places -> place, origin ("from"),
destination ("to"); a DATE entity attached to the trigger is ``Event.time``."""
from __future__ import annotations

from typing import Any

from extractors.shared.events import (
    PARTICIPANT_TYPES,
    PLACE_TARGET_TYPES,
    TARGET_TYPES,
    Arguments,
    event_record,
    place_role,
)
from extractors.shared.triggers import WEAK_EVENT_LEMMAS
from extractors.shared.lookups import Lexicons
from extractors.shared.output import numbered, span
from extractors.shared.quotes import QuotationSpans, cue_events
from extractors.spacy_pipeline.entities import SUBJECTS, TokenRef

# Dependency labels of a verb's objects.
OBJECTS = frozenset({"dobj", "obj", "attr"})
# Prepositions before a place where the event happened, and before an actor that is its target.
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "across", "outside", "on", "within", "throughout"})
TARGET_PREPS = frozenset({"against", "on", "of", "over"})
# Auxiliaries that make an event hypothetical or planned.
HYPOTHETICAL = frozenset({"could", "might", "may", "would"})
PLANNED = frozenset({"will", "shall", "'ll"})


class EventFinder:
    """The events of one parsed article (a part of :class:`extractors.spacy_pipeline.article.SpacyArticle`,
    which finds the actor or location a token refers to)."""

    text: str
    doc: Any
    lex: Lexicons
    quotations: QuotationSpans
    quotes: list[dict[str, Any]]
    ref: list[TokenRef | None]

    def _events(self) -> list[dict[str, Any]]:
        """The quote cues' events and one event per trigger that is not part of a mention, with ids."""
        found = cue_events(self.quotes)
        dates = self._dates()
        verbs, nouns = self.lex.event_verbs, self.lex.event_nouns
        for t in self.doc:
            pos = t.pos_
            if pos == "VERB":
                hit = verbs.get(t.lower_)
            elif pos == "NOUN":
                hit = nouns.get(t.lower_)
            else:
                continue
            if hit is None or hit[0] in WEAK_EVENT_LEMMAS or t.idx in found or self.ref[t.i] is not None:
                continue
            found[t.idx] = self._event(t, hit[1], dates)
        return numbered("e", (found[start] for start in sorted(found)))

    def _dates(self) -> dict[int, dict[str, Any]]:
        """Token index of the word a DATE entity attaches to (through a preposition) -> its span."""
        out: dict[int, dict[str, Any]] = {}
        for ent in self.doc.ents:
            if ent.label_ != "DATE":
                continue
            head = ent.root.head
            if head.pos_ == "ADP":
                head = head.head
            out.setdefault(head.i, span(self.text, ent.start_char, ent.end_char))
        return out

    def _event(self, t: Any, etype: str, dates: dict[int, dict[str, Any]]) -> dict[str, Any]:
        """The event of the trigger ``t``: arguments from its dependents, polarity from a negation,
        modality from an auxiliary (or "reported" inside a quotation), time from an attached DATE."""
        args = Arguments()
        add = args.add
        subject_role = "participant" if etype in PARTICIPANT_TYPES else "agent"
        polarity, modality = "positive", "reported" if self.quotations.contains(t.idx) else "asserted"
        children = list(t.children)
        if t.pos_ == "NOUN":  # "the army's advance", "the summit in X"
            for c in children:
                if c.dep_ == "poss" and (r := self._actor_of(c)) is not None:
                    add(subject_role, r[0])
        elif t.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_ in SUBJECTS for c in children):
            children = children + [c for c in t.head.children if c.dep_ in SUBJECTS]
        for c in children:
            dep = c.dep_
            if dep == "nsubj" and (r := self._actor_of(c)) is not None:
                add(subject_role, r[0])
            elif dep in OBJECTS or dep == "nsubjpass":
                r = self._ref_of(c)
                if r is not None and (r[1] or etype in PLACE_TARGET_TYPES):
                    add("participant" if etype in PARTICIPANT_TYPES else "target", r[0])
            elif dep == "prep" or dep == "agent":
                self._prep_argument(c, etype, args)
            elif dep == "neg":
                polarity = "negative"
            elif dep == "aux" and modality != "reported":
                word = c.lower_
                if word in PLANNED:
                    modality = "planned"
                elif word in HYPOTHETICAL:
                    modality = "hypothetical"
        event = event_record(etype, span(self.text, t.idx, t.idx + len(t)), args.items, polarity, modality)
        if t.i in dates:
            event["time"] = dates[t.i]
        return event

    def _prep_argument(self, prep: Any, etype: str, args: Arguments) -> None:
        """The argument a preposition's object makes: agent of a passive ("by X"), participant ("with
        X"), target ("against X"), or a place's role (destination, origin, place)."""
        add = args.add
        word = prep.lower_
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            r = self._ref_of(obj)
            if r is None:
                continue
            ref, is_actor, _ = r
            if prep.dep_ == "agent" and is_actor:
                add("agent", ref)
            elif is_actor:
                if word == "with" and etype in PARTICIPANT_TYPES:
                    add("participant", ref)
                elif word in TARGET_PREPS and etype in TARGET_TYPES:
                    add("target", ref)
            elif (role := place_role(etype, word, PLACE_PREPS)) is not None:
                add(role, ref)

