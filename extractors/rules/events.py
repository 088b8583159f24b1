"""Events for the ``rules`` extractor: a trigger from the event lexicon (and every quote cue, a
STATEMENT), with agent, target, participant and place arguments from the nearest actors and places
of its sentence, and polarity and modality from the few words before it."""
from __future__ import annotations

import bisect
import re
from typing import Any

from extractors.rules.clauses import ClauseReader, place_preposition
from extractors.rules.fallback import FALLBACK_TYPE, compound_noun, fallback_sense, noun_not_verb, phrasal_sense
from extractors.rules.retype import retyped
from extractors.rules.events_v6 import EventRulesV6
from extractors.rules.args_v7 import EventRulesV7
from extractors.rules.args_v8 import EventRulesV8
from extractors.rules.nouns_v7 import CLASS_NOUN_TYPE, class_noun_sense
from extractors.rules.subjects_v7 import other_subject
from extractors.shared.elections import election_sense
from extractors.rules.mentions import Ref, SortedOffsets
from extractors.shared.lookups import Lexicons
from extractors.rules.text import Sentences
from extractors.rules.args_v6 import RECEIVER_ROLE
from extractors.shared.events import (
    PARTICIPANT_TYPES,
    PLACE_TARGET_TYPES,
    TARGET_TYPES,
    Arguments,
    event_record,
    place_role,
)
from extractors.shared.output import numbered, span
from extractors.rules.patterns import WORD_RE
from extractors.shared.events_v2 import modality, negated, object_role, passive, subject_role, trigger_sense
from extractors.shared.triggers_v2 import PHRASAL_TYPE
from extractors.shared.quotes import ContentSpans, QuotationSpans, add_addressee, cue_events

# Words among the four before a trigger that make it negative, hypothetical or planned.
NEGATIONS: frozenset[str] = frozenset({"not", "never", "no", "n't", "without", "nor"})
HYPOTHETICAL: frozenset[str] = frozenset({"could", "might", "may", "if", "possible", "potential", "would", "risk"})
PLANNED: frozenset[str] = frozenset({"will", "upcoming", "next", "plans", "planned", "plan", "shall", "to"})
# What may stand between two places of one list ("Tolu, Ruvo and Kesto"; "Tolu, Kenya").
LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")
# Punctuation between a subject and its verb that says it is not the subject (another clause, a list).
CLAUSE_BREAKS = frozenset(",;:—–")
# Prepositions before a place where the event happened ("clashes near X").
PLACE_PREPS = ("in", "at", "near", "inside", "across")
PLACE_PREPS_V2 = PLACE_PREPS + ("outside", "around", "throughout", "within", "on")


class EventFinder(EventRulesV6, EventRulesV7, EventRulesV8):
    """The events of one article (a part of :class:`extractors.rules.article.RulesArticle`)."""

    text: str
    sentences: Sentences
    quotations: QuotationSpans
    triggers: list[tuple[int, int, tuple[str, str]]]
    quotes: list[dict[str, Any]]
    lex: Lexicons
    refs: list[Ref]
    ref_starts: list[int]
    clause_verb_starts: frozenset[int] = frozenset()  # version 8: triggers of rules.verbs_v8

    def _events(self) -> list[dict[str, Any]]:
        """The quote cues' events and one event per trigger that is not part of a mention, with ids."""
        found = cue_events(self.quotes)
        mention_starts = SortedOffsets(self.ref_starts)  # the starts of self.refs
        v2 = self.lex.profile.events
        if v2:
            for event in found.values():
                end = event["trigger"]["end"]
                ref = self._actor_ref_at(end, end + 2)
                add_addressee(event, ref.ref if ref is not None else None)
        if self.lex.profile.arguments:
            for event in found.values():
                self._statement_agents_v3(event)
        if self.lex.profile.cue_places:
            for event in found.values():
                self._cue_places(event)
        for start, end, (lemma, etype) in self.triggers:
            if start not in found and start not in mention_starts:
                event = self._event_v2(start, end, lemma, etype) if v2 else self._event(start, end, etype)
                if event is not None:
                    found[start] = event
        if v2:  # a reporting verb is a STATEMENT even when no quote is found for it (guidelines 2, 3.1)
            for start, end in self.cues:
                if self._adjective_or_name(start):
                    continue  # "a reported fee", "of added time": an adjective; "Union House": a name
                if start not in found and start not in mention_starts:
                    found[start] = self._statement_v2(start, end)
        return numbered("e", (found[start] for start in sorted(found)))

    def _adjective_or_name(self, start: int) -> bool:
        """Whether a reporting verb's form at ``start`` is an adjective after an article or "of", or
        part of a name. Version 2 read the last letters before it, so "She said" passed for "the said";
        version 3 reads the word."""
        if self.text[start:start + 1].isupper():
            return True
        if self.lex.profile.noun_cues and self._noun_cue(start):
            return True
        if self.lex.profile.triggers:
            words = self.text[max(0, start - 6):start].split()
            return bool(words) and words[-1].lower() in ("a", "an", "the", "of")
        return self.text[max(0, start - 4):start].lower().endswith((" a ", "an ", "he ", "of "))

    def _noun_cue(self, start: int) -> bool:
        """Version 4: whether a reporting verb's form at ``start`` is a noun here ("the state's
        police", "Mexican states", "requests for comment")."""
        word = WORD_RE.match(self.text, start)
        if word is None:
            return False
        s_start = self.sentences.of(start)[0]
        before = WORD_RE.findall(self.text, max(s_start, start - 40), start)[-1:]
        return noun_not_verb(word.group().lower(), before)

    def _statement_v2(self, start: int, end: int) -> dict[str, Any]:
        """A reporting verb without a quote: its speaker, before or after it, is the agent."""
        ref = self._speaker_near_cue(start, end, after=False) or self._speaker_near_cue(start, end, after=True)
        s_start = self.sentences.of(start)[0]
        before_words = [w.lower() for w in WORD_RE.findall(self.text, max(s_start, start - 60), start)]
        args = [{"role": "agent", "ref": ref.ref}] if ref is not None else []
        in_quote = self.quotations.contains(start) or self._in_quote_content(start)
        event = event_record("STATEMENT", span(self.text, start, end), args,
                             "negative" if negated(before_words[-3:]) else "positive",
                             modality(before_words[-4:], in_quote, True, self.text[s_start:start]))
        if self.lex.profile.arguments:
            self._statement_agents_v3(event)
        if self.lex.profile.cue_places:
            self._cue_places(event)
        return event

    def _event_v2(self, start: int, end: int, lemma: str, etype: str) -> dict[str, Any] | None:
        """Version 2: the trigger's sense here (noun or verb, particle, election), its arguments by the
        roles of its type, and polarity and modality from the words before it. Version 4: a fallback
        verb (:mod:`extractors.rules.fallback`) is an OTHER verb."""
        text = self.text
        s_start, s_end = self.sentences.of(start)
        before_words = [w.lower() for w in WORD_RE.findall(text, max(s_start, start - 60), start)]
        after_words = [w.lower() for w in WORD_RE.findall(text, end, min(s_end, end + 30))]
        if etype == FALLBACK_TYPE:
            sense: tuple[str, str | None, bool] | None = (*fallback_sense(lemma, text[s_start:s_end]), False)
        elif etype == CLASS_NOUN_TYPE:  # v7: a noun of the shared event classes ("a gas leak")
            sense = class_noun_sense(lemma)
        else:
            sense = trigger_sense(self.lex, text[start:end].lower(), etype, lemma,
                                  before_words[-1] if before_words else "", after_words[0] if after_words else "",
                                  text[s_start:s_end])
            if sense is None and etype == PHRASAL_TYPE and self.lex.profile.fallback_triggers:
                found = phrasal_sense(lemma, after_words[0] if after_words else "")
                sense = None if found is None else (*found, False)
        if sense is None:
            return None
        if self.lex.profile.type_rules:
            sense = retyped(text[start:end].lower(), lemma, sense, text[s_start:s_end], text[end:s_end],
                            text[s_start:start])
            word = text[start:end].lower()
            if sense is None or (not sense[2] and word not in self.lex.event_nouns
                                 and compound_noun(word, text[s_start:start])):
                return None  # "a vehicle ferry": a verb's form as the head of a compound noun
        if self.lex.profile.election_table:  # v5: votes and results by one table (shared.elections)
            sense = election_sense(text[start:end].lower(), lemma, sense, text[s_start:s_end], self.about_election)
        etype, subtype, is_noun = sense
        if self.lex.profile.receiver_roles and not is_noun and self._receipt_noun_after(start, end, etype, s_end):
            return None  # v6: "received a loan": the noun naming the act is the trigger (5 q)
        before, after = self._refs_around(start, s_start, s_end)
        args = Arguments()
        if is_noun:
            self._noun_arguments(start, end, etype, lemma, subtype, before, after, args)
        else:
            self._verb_arguments(start, end, etype, lemma, subtype, before_words, before, after, args)
            if start in self.clause_verb_starts:  # v8: "Workers at the mine in X voted" (rules.args_v8)
                self._head_subject_v8(start, end, etype, lemma, subtype, passive(before_words, text[start:end].lower()),
                                      s_start, before, args)
            if self.lex.profile.pp_subjects:  # v8: "Residents of X protested": the residents (rules.args_v8)
                args = self._pp_subject_v8(start, etype, lemma, subtype, passive(before_words, text[start:end].lower()),
                                           s_start, before, args)
        self._place_arguments(end, etype, s_start, after, args)
        in_quote = self.quotations.contains(start) or self._in_quote_content(start)
        polarity = "negative" if negated(before_words[-3:]) else "positive"
        return event_record(etype, span(text, start, end), args.items, polarity,
                            modality(before_words[-4:], in_quote, not is_noun, text[s_start:start]), subtype)

    def _place_arguments(self, end: int, etype: str, s_start: int, after: list[Ref], args: Arguments) -> None:
        """The places after a trigger ending at ``end`` that a preposition gives a role ("in X", "to X"),
        a list of places going on ("in Tolu, Ruvo and Kesto")."""
        text = self.text
        role, last_end = None, -1
        for r in after:
            if r.is_actor:
                continue
            if role is not None and LIST_GAP_RE.fullmatch(text, last_end, r.start):
                args.add(role, r.ref)  # "in Tolu, Ruvo and Kesto", "in Tolu, Kenya": the list goes on
            else:
                if self.lex.profile.arguments:
                    if self._trigger_between(end, r.start) and not (
                            self.lex.profile.place_settings and self._setting_between(end, r.start)):
                        break  # a later event in the sentence is nearer: the place is its argument
                    word = place_preposition(text, s_start, r.start)
                else:
                    prep = text[max(s_start, r.start - 12):r.start].split()
                    word = prep[-1].lower() if prep else ""
                role = place_role(etype, word, PLACE_PREPS_V2)
                if role is not None:
                    args.add(role, r.ref)
            last_end = r.end

    def _verb_arguments(self, start: int, end: int, etype: str, lemma: str, subtype: str | None,
                        before_words: list[str], before: list[Ref], after: list[Ref], args: Arguments) -> None:
        text = self.text
        is_passive = passive(before_words, text[start:end].lower())
        subject = next((r for r in reversed(before) if r.is_actor), None)
        role = subject_role(etype, lemma, is_passive, subtype)
        receiving = self._receiving_verb(start, end, etype, is_passive)
        if receiving:  # v6: "received 5 million from the state": the receiver is no giver (3.3)
            role = RECEIVER_ROLE[etype]
        subjects = self._subjects_v3(start) if self.lex.profile.arguments else []
        if subjects and role is not None:
            for r in subjects:
                args.add(role, r.ref)
        elif subject is not None and role is not None and not CLAUSE_BREAKS.intersection(text[subject.end:start]) \
                and not (self.lex.profile.phrase_subjects and other_subject(text, subject.end, start)):
            args.add(role, subject.ref)  # v7: not past a noun phrase that is the verb's own subject
        elif role is not None and self.lex.profile.support_verbs:  # v7: "launch the vaccination campaign"
            self._support_verb_subjects(start, role, args)
        obj_role = object_role(etype, subtype)
        if obj_role is None and etype == "OTHER" and self.lex.profile.object_targets:
            obj_role = "target"  # "prevented the crowd", "repainted the chapel": what it is done to (3.3)
        if receiving:
            self._giver(end, after, args)
            obj_role = None
        for r in after:
            if not r.is_actor:
                continue
            between = text[end:r.start]
            if is_passive and between.strip().lower().startswith("by"):
                args.add("agent", r.ref)
            elif obj_role and len(between.split()) <= 3 and "," not in between and not is_passive \
                    and not (self.lex.profile.they_groups and text[r.start:r.end].lower() == "their"):
                args.add(obj_role, r.ref)  # v7: "closed their intakes": a possessor is no object
            break
        if self.lex.profile.by_agents:  # v6: "founded in 2019 by a group", "built for X by Y"
            self._by_agent(start, end, is_passive, after, args)

    def _noun_arguments(self, start: int, end: int, etype: str, lemma: str, subtype: str | None, before: list[Ref],
                        after: list[Ref], args: Arguments) -> None:
        """An event noun's own participants: its possessor ("the union's strike"), "by X", "of X"."""
        text = self.text
        if self.lex.profile.receiver_roles and self._receiver_arguments(start, end, etype, after, args):
            return  # v6: "secured a loan from the bank": receiver and giver (3.3)
        owner = next((r for r in reversed(before) if r.is_actor), None)
        role = subject_role(etype, lemma, False, subtype)
        if owner is not None and role and len(text[owner.end:start].split()) <= 2 and not CLAUSE_BREAKS.intersection(
                text[owner.end:start]):
            args.add(role, owner.ref)
        elif role and self.lex.profile.cue_nouns:
            for r in self._cue_subjects_before(start):
                args.add(role, r.ref)
        if role and self.lex.profile.support_verbs and not any(a["role"] == role for a in args.items):
            self._support_verb_subjects(start, role, args)  # v7: "the union will hold a strike"
        for r in after[:2]:
            between = text[end:r.start].strip().lower()
            if not r.is_actor or len(between.split()) > 2:
                continue
            if between.startswith("by"):
                args.add("agent", r.ref)
            elif between.startswith(("with", "between")) and etype in ("MEET", "AGREE"):
                args.add("participant", r.ref)
            elif between.startswith(("of", "against", "on")) and etype not in ("MEET", "AGREE", "MOVE"):
                args.add("target", r.ref)
        if self.lex.profile.by_agents and role:  # v6: "complaints filed by his camp"
            self._noun_by_agent(end, after, args)

    def _subjects_v3(self, start: int) -> list[Ref]:
        """Version 3: the subjects of the verb at ``start`` read from its clause; a verb after "and" with
        no subject of its own shares the subject of the verb before it ("X accepted Y and nominated Z")."""
        if getattr(self, "_clauses", None) is None:
            self._clauses = ClauseReader(self.text, self.refs, self.lex.profile.speaker_nouns,
                                         conjuncts=self.lex.profile.first_conjunct)
            self._last_subjects: tuple[int, int, list[Ref]] = (-1, -1, [])
        s_start = self.sentences.of(start)[0]
        found = self._clauses.subjects(s_start, start)
        if found:
            self._last_subjects = (s_start, start, found)
        elif self._last_subjects[0] == s_start and _shares_subject(self.text[s_start:start]):
            found = self._last_subjects[2]
        return found

    def _cue_subjects_before(self, start: int) -> list[Ref]:
        """Version 4: the subjects of a reporting verb whose medium is the event noun at ``start`` ("X
        said in a statement", "Y announced in its report"): the speaker made that statement (3.3)."""
        m = _IN_MEDIUM_RE.search(self.text, max(0, start - 40), start)
        if m is None:
            return []
        i = bisect.bisect_left(self.cues, (m.start(), m.start())) - 1
        if i < 0 or self.cues[i][1] > m.start():
            return []
        cue_end = self.cues[i][1]
        if not _CUE_GAP_RE.fullmatch(self.text, cue_end, m.start()):
            return []
        return self._subjects_v3(self.cues[i][0])

    def _trigger_between(self, start: int, end: int) -> bool:
        """Version 3: whether another trigger or cue word starts between ``start`` and ``end``."""
        if getattr(self, "_trigger_starts", None) is None:
            self._trigger_starts = sorted({s for s, _, _ in self.triggers} | {s for s, _ in self.cues})
        i = bisect.bisect_left(self._trigger_starts, start)
        return i < len(self._trigger_starts) and self._trigger_starts[i] < end

    def _statement_agents_v3(self, event: dict[str, Any]) -> None:
        """Version 3: a cue's STATEMENT event gets every subject of the cue as agent (guidelines 5 o:
        coordinated speakers), also when no quote names its speaker."""
        for r in self._subjects_v3(event["trigger"]["start"]):
            if {"role": "agent", "ref": r.ref} not in event["arguments"]:
                event["arguments"].append({"role": "agent", "ref": r.ref})

    def _cue_places(self, event: dict[str, Any]) -> None:
        """Version 4: the place of a quote cue's STATEMENT from the words after the cue ("told reporters in
        Tolu that"), never from what the speaker says (the quote's content) nor past a comma (an
        apposition of the speaker, "a scientist at X"; another clause)."""
        start, end = event["trigger"]["start"], event["trigger"]["end"]
        s_start, s_end = self.sentences.of(start)
        _, after = self._refs_around(start, s_start, s_end)
        after = [r for r in after if not (self.quotations.contains(r.start) or self._in_quote_content(r.start))
                 and not _CLAUSE_END_RE.search(self.text, end, r.start)]
        args = Arguments.of(event["arguments"])
        self._place_arguments(end, "STATEMENT", s_start, after, args)
        event["arguments"] = args.items

    def _in_quote_content(self, offset: int) -> bool:
        """Whether ``offset`` lies in the content of an indirect or mixed quote."""
        # indexed once: the quotes are all found before the events (a scan per call was quadratic)
        if getattr(self, "_contents", None) is None:
            self._contents = ContentSpans(self.quotes)
        return self._contents.contains(offset)

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


# Version 4: what ends the phrase of a cue: a comma, a semicolon, a quotation mark, "that".
_CLAUSE_END_RE = re.compile(r"[,;:\"“”]|\bthat\b")
# Version 4: "in a (brief) statement" right before an event noun, after a reporting verb.
_IN_MEDIUM_RE = re.compile(r"\s+in\s+(?:a|an|its|his|her|their|a\s+joint|a\s+written)(?:\s+[a-z]+)?\s+$")
# What may stand between the reporting verb and "in a ...": nothing, or a time ("said on Monday").
_CUE_GAP_RE = re.compile(r"(?:\s+on\s+[A-Z][a-z]+|\s+(?:late|earlier|later)\s+[a-z]+)?")


# Words before a verb that leave its subject to the clause before: a coordinated verb ("and
# nominated"), a non-finite one ("after alleging", "to meet").
_SHARED_SUBJECT_RE = re.compile(r"(?:\band|\b(?:after|before|while|without|by|when|to))\s*$")


def _shares_subject(before: str) -> bool:
    """Whether the verb after ``before`` shares the subject of the verb before it in its sentence.

    >>> _shares_subject("He accepted the offer and"), _shares_subject("He said after"), _shares_subject("He said")
    (True, True, False)
    """
    return _SHARED_SUBJECT_RE.search(before.rstrip()) is not None


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
