"""The ``rules`` extractor's work on one article: the steps of the other modules, in order."""
from __future__ import annotations

from extractors.rules.cues import RuleLexicons, scan_words
from extractors.rules.events import EventFinder
from extractors.rules.fallback import fallback_triggers
from extractors.rules.first_person import add_first_person
from extractors.rules.nouns_v7 import class_noun_triggers
from extractors.rules.verbs_v8 import clause_verb_triggers
from extractors.rules.mentions import MentionFinder, Ref
from extractors.rules.names import NameFinder
from extractors.rules.quotes import QuoteFinder
from extractors.rules.text import Sentences
from extractors.shared.article import ArticleWork
from extractors.shared.elections import election_article


class RulesArticle(ArticleWork, NameFinder, MentionFinder, QuoteFinder, EventFinder):
    """One article, annotated on construction: names, then actors and locations, then the cues and
    triggers, then quotes (whose speakers are mentions), then events (whose cues are quotes)."""

    def __init__(self, lex: RuleLexicons, text: str):
        super().__init__(text)
        self.lex = lex
        self.sentences = Sentences(text, lex.profile.abbreviation_periods)  # v8: "Sept. 12" (rules.text_v8)
        self.refs: list[Ref] = []
        candidates = self._candidates()
        self.actors = self._actors(candidates)
        self.locations = self._locations(candidates)
        del candidates  # their slices of the text are not needed past this point (they would stay to the end)
        self.refs.sort(key=lambda r: (r.start, r.end))
        self.ref_starts = [r.start for r in self.refs]
        self.cues, self.triggers = scan_words(lex, text)
        if lex.profile.fallback_triggers:
            self.triggers = sorted(self.triggers + self._fallback_triggers())
        if lex.profile.class_nouns:  # version 7: "a gas leak", "an audit" (the shared noun classes)
            taken = {t[0] for t in self.triggers} | {c[0] for c in self.cues} | set(self.ref_starts)
            self.triggers = sorted(self.triggers + class_noun_triggers(text, taken))
        if lex.profile.clause_verbs:  # version 8: "Growers in Tolva County voted" (rules.verbs_v8)
            taken = {t[0] for t in self.triggers} | {c[0] for c in self.cues} | set(self.ref_starts)
            found = clause_verb_triggers(text, self.sentences.spans, taken)
            self.clause_verb_starts = frozenset(t[0] for t in found)
            self.triggers = sorted(self.triggers + found)
        self.quotes = self._quotes()
        self.about_election = lex.profile.election_table and election_article(text)  # version 5
        if lex.profile.quote_first_person:
            self._first_person()
        self.events = self._events()

    def _first_person(self) -> None:
        """Version 5: "I", "me", "my" in a direct quote are its person speaker's
        (:mod:`extractors.rules.first_person`)."""
        added = add_first_person(self.text, self.quotes, self.actors, set(self.ref_starts))
        if added:
            self.refs = sorted(self.refs + [Ref(s, e, ref, True, True) for s, e, ref in added],
                               key=lambda r: (r.start, r.end))
            self.ref_starts = [r.start for r in self.refs]

    def _fallback_triggers(self) -> list[tuple[int, int, tuple[str, str]]]:
        """Version 4: content verbs outside the trigger tables (:mod:`extractors.rules.fallback`)."""
        taken = {s for s, _, _ in self.triggers} | {s for s, _ in self.cues} | set(self.ref_starts)
        actor_ends = sorted(r.end for r in self.refs if r.is_actor)
        return fallback_triggers(self.text, self.sentences.spans, actor_ends, taken)
