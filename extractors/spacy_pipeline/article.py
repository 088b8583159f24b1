"""The ``spacy`` extractor's work on one parsed article: the steps of the other modules, in order,
and what they all ask of a token (the actor or location it refers to)."""
from __future__ import annotations

from typing import Any

from extractors.shared.article import ArticleWork
from extractors.shared.lookups import Lexicons
from extractors.spacy_pipeline.actors_v4 import body_mentions, first_person_mentions
from extractors.spacy_pipeline.actors_v5 import counted_people
from extractors.spacy_pipeline.entities import ATTACHED, EntityFinder, TokenRef
from extractors.spacy_pipeline.events import EventFinder
from extractors.spacy_pipeline.quotes import QuoteFinder


class SpacyArticle(ArticleWork, EntityFinder, QuoteFinder, EventFinder):
    """One parsed article, annotated on construction: entities (actors and locations), then quotes
    (whose speakers are actors), then events (whose cues are quotes)."""

    def __init__(self, lex: Lexicons, doc: Any):
        super().__init__(doc.text)
        self.lex = lex
        self.doc = doc
        # token index -> (id, is_actor, is_person); filled by _entities
        self.ref: list[TokenRef | None] = [None] * len(doc)
        self.mention_of: dict[int, tuple[int, int]] = {}  # token index -> (start, end) of its mention
        self._entities()
        if lex.profile.counted_people:  # version 5: "police detained 11 people": a group of its own
            self.actors = counted_people(doc, self.ref, self.actors)
        self.quotes = self._quotes()
        if lex.profile.first_person:
            first_person_mentions(doc, self.quotes, self.ref, self.actors)  # version 4: "I" in a quote
        if lex.profile.we_bodies:
            body_mentions(doc, self.quotes, self.ref, self.actors)  # version 4: "we" of a body's speaker
        self._actor_refs: dict[int, str | None] = {}  # filled while events are read, when every reference is final
        self.events = self._events()

    def _ref_of(self, token: Any) -> TokenRef | None:
        """The actor or location a token (or its compounds and appositions) refers to."""
        r = self.ref[token.i]
        if r is not None:
            return r
        for child in token.children:
            if self.lex.profile.pronoun_links and child.dep_ == "poss" and child.pos_ == "PRON":
                continue  # version 7: "closed their plants", "its chief executive said": not the owner
            if child.dep_ in ATTACHED and self.ref[child.i] is not None:
                return self.ref[child.i]
        return None

    def _actor_of(self, token: Any) -> TokenRef | None:
        """The actor a token refers to, as :meth:`_ref_of` finds it; None for a location."""
        r = self._ref_of(token)
        return r if r is not None and r[1] else None
