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
from extractors.shared.events_v2 import modality, negated
from extractors.shared.lookups import Lexicons
from extractors.shared.triggers_v2 import ELECTION_WORDS, PHRASAL_TYPE, RESULT_LEMMAS, phrasal_trigger
from extractors.shared.output import numbered, span
from extractors.shared.quotes import ContentSpans, QuotationSpans, add_addressee, cue_events
from extractors.spacy_pipeline.arguments import ArgumentFinder
from extractors.spacy_pipeline.arguments_v8 import aspect_governor, companions, cue_conjunct_agents, place_preps
from extractors.spacy_pipeline.entities import SUBJECTS, TokenRef
from extractors.spacy_pipeline.events_v6 import aid_giver, attributive_participle
from extractors.spacy_pipeline.events_v8 import leave_state, light_use, preposition_participle
from extractors.spacy_pipeline.roles_v4 import destinations
from extractors.spacy_pipeline.roles_v7 import party_roles
from extractors.spacy_pipeline.senses_v5 import business_sense, hearing_sense
from extractors.spacy_pipeline.senses_v6 import post_sense
from extractors.spacy_pipeline.senses_v7 import (contact_sense, contract_sense, document_sense, uncued_type,
                                                 vote_office_sense, weak_verb_sense, withdraw_roles, withdraw_sense)
from extractors.spacy_pipeline.verb_classes import (LIGHT_VERBS, NOT_EVENT_DEPS, VOTE_WORDS, fallback_sense, leave_sense,
                                                   noun_classes, vote_sense)

# How far back (characters) the words of a trigger's sentence are read for its modality ("if" earlier in
# it): no real sentence is this long (the longest of the gold and development texts: 419 characters); a
# text the parser leaves as one huge "sentence" would be copied and split once per trigger (quadratic).
SENTENCE_REACH_CHARS = 2000

# Dependency labels of a verb's objects.
OBJECTS = frozenset({"dobj", "obj", "attr"})
# Prepositions before a place where the event happened, and before an actor that is its target.
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "across", "outside", "on", "within", "throughout"})
TARGET_PREPS = frozenset({"against", "on", "of", "over"})
# Version 4: words of coming together, and the signs that make it a protest.
GATHERING = frozenset({"gather", "gathering", "assemble", "converge", "congregate", "crowd"})
PROTEST_WORDS = frozenset("protest protester protestor demonstrator placard banner slogan chant picket rally "
                          "march".split())
# Version 4: words of sport, against which an article's election words are weighed.
SPORT_WORDS = frozenset("match matches game games league cup final tournament championship season club team goal "
                        "goals race player players coach".split())
# Auxiliaries that make an event hypothetical or planned.
HYPOTHETICAL = frozenset({"could", "might", "may", "would"})
PLANNED = frozenset({"will", "shall", "'ll"})


class EventFinder(ArgumentFinder):
    """The events of one parsed article (a part of :class:`extractors.spacy_pipeline.article.SpacyArticle`,
    which finds the actor or location a token refers to)."""

    text: str
    doc: Any
    lex: Lexicons
    quotations: QuotationSpans
    quotes: list[dict[str, Any]]
    ref: list[TokenRef | None]
    actors: list[dict[str, Any]]

    def _events(self) -> list[dict[str, Any]]:
        """The quote cues' events and one event per trigger that is not part of a mention, with ids."""
        found = cue_events(self.quotes)
        if self.lex.profile.events:
            by_start = {t.idx: t for t in self.doc}
            for start, event in found.items():
                cue = by_start.get(start)
                obj = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None) if cue is not None else None
                add_addressee(event, (self._actor_of(obj) or (None,))[0] if obj is not None else None)
                if self.lex.profile.arguments and cue is not None and not event["arguments"]:
                    self._cue_agents(cue, event)
                if self.lex.profile.parse_roles and cue is not None:
                    self._statement_places(cue, event)
                if self.lex.profile.cue_conjuncts and cue is not None:  # version 8: "X and Y both said" (3.3)
                    cue_conjunct_agents(event, [self._subject_refs(s) for s, _ in self._subjects(cue)])
        dates = self._dates()
        verbs, nouns = self.lex.event_verbs, self.lex.event_nouns
        v2 = self.lex.profile.events
        for t in self.doc:
            pos = t.pos_
            if self.lex.profile.attributive_participles and attributive_participle(t, self.lex.reporting):
                continue  # version 6: "travelling supporters", "a Gulf-backed consortium" (5 ad)
            if v2 and t.idx not in found and self.ref[t.i] is None and self._is_cue(t) and t.text[:1].islower():
                # a reporting verb is a STATEMENT even when no quote is found for it (guidelines 2, 3.1)
                said = (contact_sense(t, self.ref) if self.lex.profile.contact_verbs else None) or ("STATEMENT", None)
                if self.lex.profile.uncued_types and (own := uncued_type(t, verbs, self.lex.verb_subtypes)):
                    said = own  # version 7: "accused X of negligence" with no quote is ACCUSE (guidelines 3.1)
                found[t.idx] = self._event(t, said[0], dates, said[1])  # version 7: "spoke with X" is contact
                continue
            if self.lex.profile.preposition_participles and preposition_participle(t):
                continue  # version 8: "suspended pending an inquiry" (3.1)
            if pos == "VERB":
                if self.lex.profile.light_uses and light_use(t, nouns):
                    continue  # version 8: "a statement issued on Sunday", "received a complaint" (3.1)
                hit = verbs.get(t.lower_)
                if hit is None and self.lex.profile.parse_triggers:
                    self._fallback_event(t, found, dates)
                    continue
            elif self._is_noun(t):  # version 4: also a noun the tagger took for an adjective ("the final")
                hit = nouns.get(t.lower_)
                if hit is None and self.lex.profile.parse_triggers:
                    self._class_noun_event(t, found, dates)
                    continue
            else:
                continue
            if hit is None or hit[0] in self.lex.weak_lemmas or t.idx in found or self.ref[t.i] is not None:
                continue
            if not self.lex.profile.events:
                found[t.idx] = self._event(t, hit[1], dates)
            elif (sense := self._sense(t, hit)) is None:
                if self.lex.profile.parse_triggers and pos == "VERB":
                    self._fallback_event(t, found, dates)  # a phrasal verb without its particle
            elif not self.lex.profile.parse_triggers:
                found[t.idx] = self._event(t, sense[0], dates, sense[1])
            elif (sense := self._sense_v4(t, sense)) is not None:
                found[t.idx] = self._event(t, sense[0], dates, sense[1])
        return numbered("e", (found[start] for start in sorted(found)))

    def _actors_by_id(self) -> dict[str, dict[str, Any]]:
        """Version 6: the article's actors by id (indexed once: the actors are final when events are found)."""
        if getattr(self, "_by_id", None) is None:
            self._by_id = {a["id"]: a for a in self.actors}
        return self._by_id

    def _statement_places(self, cue: Any, event: dict[str, Any]) -> None:
        """Version 4: where a quote's cue was spoken ("told reporters in X", "said at a news
        conference in X") is its STATEMENT's place, as for any other event (guidelines 3.3)."""
        args = Arguments.of(event["arguments"])
        for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                if (r := self._ref_of(obj)) is not None and not r[1]:
                    args.add("place", r[0])
        for place in self._places(cue):
            args.add("place", place)
        event["arguments"] = args.items

    def _class_noun_event(self, t: Any, found: dict[int, dict[str, Any]], dates: dict[int, dict[str, Any]]) -> None:
        """Version 4: a noun of an event class the lexicon lacks ("the audit", "a gas leak")."""
        sense = noun_classes().get(t.lemma_.lower())
        if sense is not None and t.idx not in found and self.ref[t.i] is None and t.dep_ != "compound":
            found[t.idx] = self._event(t, sense[0], dates, sense[1])

    def _fallback_event(self, t: Any, found: dict[int, dict[str, Any]], dates: dict[int, dict[str, Any]]) -> None:
        """Version 4: a content verb the lexicon does not know, typed by its class or OTHER."""
        if t.idx in found or self.ref[t.i] is not None:
            return
        if t.lemma_.lower() in LIGHT_VERBS and any(c.dep_ == "dobj" and c.lower_ in self.lex.event_nouns
                                                   for c in t.children):
            return  # a light verb before an event noun: the noun is the trigger (guidelines 3.1)
        if self.lex.profile.public_documents and (sense := document_sense(t)) is not None:
            found[t.idx] = self._event(t, sense[0], dates, sense[1])  # version 7: "the report was tabled"
            return
        if self.lex.profile.weak_verb_senses and (sense := weak_verb_sense(t, self.ref)) is not None:
            found[t.idx] = self._event(t, sense[0], dates, sense[1])  # version 7: "the six were released"
            return
        if self.lex.profile.leave_states and leave_state(t):
            return  # version 8: "left the club ninth", "the water left in the valley" (3.1)
        if self.lex.profile.leave_senses and t.pos_ == "VERB" and t.dep_ not in NOT_EVENT_DEPS:
            decided, sense = leave_sense(t)  # version 4: "left the company", "the wait drags on"
            if decided:
                if sense is not None:
                    found[t.idx] = self._event(t, sense[0], dates, sense[1])
                return
        if (sense := fallback_sense(t)) is not None:
            if self.lex.profile.vote_offices and t.lower_ in VOTE_WORDS:  # version 7: "vote for someone else"
                sense = vote_office_sense(t, self._election_article(), self.ref)
            found[t.idx] = self._event(t, sense[0], dates, sense[1])

    def _sense_v4(self, t: Any, sense: tuple[str, str | None]) -> tuple[str, str | None] | None:
        """Version 4: speaking or writing without an actor to speak to is a statement; a gathering with
        the signs of a protest is one; a result in an article about an election is the election's; a count of votes ("by 41 votes to 12") is no event, and a vote
        is an election only in a sentence about one."""
        if self.lex.profile.business_objects:  # version 5: "cut spending", "close a valve": OTHER
            sense = business_sense(t, sense, self.ref)
        if self.lex.profile.hearing_senses:  # candidate: a committee's hearing is a meeting
            sense = hearing_sense(t, sense)
        if self.lex.profile.post_senses:  # version 6: "suspended two engineers": PERSONNEL
            sense = post_sense(t, sense, self.ref)
        if self.lex.profile.contract_agreements and (sense := contract_sense(t, sense)) is None:
            return None  # version 7: a contract is an agreement, one only examined no event (5 r, 3.1)
        if self.lex.profile.withdraw_senses:  # version 7: "withdrew its support", "withdrew from the race"
            sense = withdraw_sense(t, sense, self.ref, self._actors_by_id())
        if sense == ("MEET", "phone_write") and t.pos_ == "VERB":
            if self.lex.profile.contact_verbs and (said := contact_sense(t, self.ref)) is not None:
                return said  # version 7: "spoke by phone with X", "spoke to each other", not "spoke to reporters"
            return self._contact_or_statement(t)
        if sense[0] == "MEET" and t.lemma_.lower() in GATHERING and not PROTEST_WORDS.isdisjoint(
                w.lemma_.lower() for w in t.sent):
            return "DEMONSTRATE", "rally"  # a crowd gathered with placards is a protest (guidelines 3.2.2)
        if sense[0] == "CONTEST" and self._election_article() and (
                self.lex.event_nouns.get(t.lower_) or self.lex.event_verbs.get(t.lower_) or ("",))[0] in RESULT_LEMMAS:
            return "PERSONNEL", "elect"  # "the result" of an article about an election (guidelines 3.2.2)
        if t.pos_ == "NOUN" and t.lower_ in VOTE_WORDS:
            if any(c.dep_ == "nummod" for c in t.children):
                return None
            if self.lex.profile.vote_offices:  # version 7: the vote of an article about an election
                return vote_office_sense(t, self._election_article(), self.ref)
            return vote_sense(t)
        return sense

    def _election_article(self) -> bool:
        """Whether the article is about an election: more election words than words of sport (counted once)."""
        if not hasattr(self, "_about_election"):
            words = [w.lower_ for w in self.doc]
            election = sum(w in ELECTION_WORDS for w in words)
            self._about_election = election >= 3 and election > sum(w in SPORT_WORDS for w in words)
        return self._about_election

    def _contact_or_statement(self, t: Any) -> tuple[str, str | None]:
        """Version 4: speaking or writing is contact (MEET ``phone_write``) when it is with or to an
        actor, else a STATEMENT (guidelines 3.2.2: "she wrote that ..." is a statement)."""
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
            if any((r := self.ref[o.i]) is not None and r[1] for o in prep.children if o.dep_ == "pobj"):
                return "MEET", "phone_write"
        return "STATEMENT", None

    def _sense(self, t: Any, hit: tuple[str, str]) -> tuple[str, str | None] | None:
        """Version 2: the (type, subtype) of a trigger token: a phrasal verb needs its particle, and a
        win or defeat in a sentence about votes is an election."""
        lemma, etype = hit
        if self._is_noun(t):
            if t.dep_ == "compound" and t.head.lower_ in self.lex.event_nouns:
                return None  # a modifier of the event noun after it: "vaccination campaign"
            subtype = self.lex.noun_subtypes.get(t.lower_)
        elif etype == PHRASAL_TYPE:
            particle = next((c.lower_ for c in t.children if c.dep_ in ("prt", "dobj", "prep")), "")
            nxt = t.nbor(1).lower_ if t.i + 1 < len(self.doc) else ""
            sense = phrasal_trigger(lemma, particle) or phrasal_trigger(lemma, nxt)
            if sense is None:
                return None
            etype, subtype = sense
        else:
            subtype = self.lex.verb_subtypes.get(t.lower_)
        if lemma in RESULT_LEMMAS and not ELECTION_WORDS.isdisjoint(w.lower_ for w in t.sent):
            return "PERSONNEL", "elect"
        return etype, subtype

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

    def _event(self, t: Any, etype: str, dates: dict[int, dict[str, Any]], subtype: str | None = None) -> dict[str, Any]:
        """The event of the trigger ``t``: arguments from its dependents, polarity from a negation,
        modality from an auxiliary (or "reported" inside a quotation), time from an attached DATE."""
        if self.lex.profile.events:
            event = self._event_v2(t, etype, dates, subtype)
            if self.lex.profile.aid_senses and etype == "TRANSACTION" and aid_giver(event, self._actors_by_id()):
                return self._event_v2(t, "SUPPORT", dates, "aid")  # version 6: help given by a charity (5 s)
            return event
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
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if self.lex.profile.events:  # v2: "in Tolu, Ruvo and Kesto", "in Tolu, Kenya": every place of the list
            objects += [c for o in objects for c in o.children if c.dep_ in ("conj", "appos")]
        for obj in objects:
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


    def _subject_of(self, token: Any, v3: bool) -> TokenRef | None:
        """The actor a subject names; version 3 prefers an appositive name and never takes the possessor."""
        if not v3:
            return self._actor_of(token)
        if self.lex.profile.parse_roles:
            token = self._group_of(token)
        ref = self._actor_ref(token)
        return None if ref is None else (ref, True, False)

    def _event_v2(self, t: Any, etype: str, dates: dict[int, dict[str, Any]], subtype: str | None) -> dict[str, Any]:
        """Version 2: roles by the event type (guidelines 3.3: who resigns is the target, the sides of
        a match are participants), modality from the words before the trigger (3.4)."""
        args = Arguments()
        lemma = self.lex.event_nouns.get(t.lower_, self.lex.event_verbs.get(t.lower_, ("", "")))[0]
        if not lemma and self.lex.profile.parse_triggers:
            lemma = t.lemma_.lower()  # a verb outside the lexicon (version 4)
        children = list(t.children)
        is_noun = self._is_noun(t)
        v3 = self.lex.profile.arguments
        if is_noun:
            for c in children:
                if c.dep_ in ("poss", "compound") and (r := self._actor_of(c)) is not None and not (
                        v3 and etype == "PERSONNEL" and c.dep_ == "poss"):
                    if (role := self._subject_role(etype, lemma, False, subtype)) is not None:
                        args.add(role, r[0])
        elif t.dep_ in ("xcomp", "conj", "advcl") and not any(c.dep_ in SUBJECTS for c in children):
            children = children + [c for c in t.head.children if c.dep_ in SUBJECTS]
        is_passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
        polarity = "positive"
        for c in children:
            dep = c.dep_
            if dep in ("nsubj", "nsubjpass") and (r := self._subject_of(c, v3)) is not None:
                if (role := self._subject_role(etype, lemma, is_passive, subtype)) is not None:
                    args.add(role, r[0])
            elif dep in OBJECTS and (r := self._ref_of(c)) is not None:
                role = self._object_role(etype, subtype)
                if role is not None and (r[1] or etype in PLACE_TARGET_TYPES or (
                        self.lex.profile.parse_roles and etype == "BUSINESS")):  # the site closed (3.3)
                    args.add(role, r[0])
            elif dep == "prep" or dep == "agent":
                self._prep_argument(c, etype, args)
            elif dep == "neg":
                polarity = "negative"
        sent = t.sent
        before = [w.lower_ for w in self.doc[max(sent.start, t.i - 4):t.i]]
        if negated(before[-2:]):
            polarity = "negative"
        if self.lex.profile.arguments:
            self._v3_arguments(t, etype, lemma, subtype, args)
        if self.lex.profile.aspect_places and (verb := aspect_governor(t, is_noun)) is not None:
            for prep in place_preps(verb, PLACE_PREPS):  # version 8: "the leak began at the mine" (3.1)
                self._prep_argument(prep, etype, args)
            for place in self._places(verb):
                args.add("place", place)
        if self.lex.profile.with_movers and etype in ("MOVE", "DEPLOY"):
            for ref in filter(None, map(self._actor_ref, companions(t))):  # version 8: "with her children"
                args.add("agent", ref)
        if getattr(self, "_contents", None) is None:  # indexed once: a scan per event was quadratic
            self._contents = ContentSpans(self.quotes)
        in_quote = self.quotations.contains(t.idx) or self._contents.contains(t.idx)
        items = destinations(t, etype, lemma, args.items) if self.lex.profile.parse_roles else args.items
        if self.lex.profile.party_roles:  # version 7: roles the clause's shape decides (guidelines 3.3)
            items = party_roles(t, etype, subtype, items)
        if self.lex.profile.withdraw_senses:  # version 7: the candidate who withdraws is the target (3.3)
            items = withdraw_roles(t, etype, items)
        event = event_record(etype, span(self.text, t.idx, t.idx + len(t)), items, polarity,
                             modality(before, in_quote, not is_noun,
                                      self.text[max(sent.start_char, t.idx - SENTENCE_REACH_CHARS):t.idx]), subtype)
        if t.i in dates:
            event["time"] = dates[t.i]
        return event
