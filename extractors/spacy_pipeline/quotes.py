"""Quotes for the ``spacy`` extractor, attributed through the parse.

Quotation marks make direct quotes (or mixed ones, where words stand between the cue and the marks):
the reporting verb next to the quote is the cue, its subject the speaker (a pronoun subject is its
grouped person, or the nearest compatible person). Indirect speech is the clausal complement
(``ccomp``) of a reporting verb; "according to X" makes X the speaker of the rest of the sentence.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.grouping import Group, nearest_person
from extractors.shared.lexicon import WEAK_REPORTING_LEMMAS, pronoun_info
from extractors.shared.lookups import Lexicons
from extractors.shared.output import numbered
from extractors.shared.output import span as span_of
from extractors.shared.quotes import QUOTE_MARKS, QUOTE_RE, continue_speakers, quote_record, quoted_content
from extractors.spacy_pipeline.doc_index import sent_end, sent_start
from extractors.spacy_pipeline.entities import ATTACHED, SUBJECTS
from extractors.spacy_pipeline.quotes_v6 import naming_cue
from extractors.spacy_pipeline.quotes_v8 import (clause_mixed, merge_same_cue,
                                                   participle_speaker, pronoun_speakers, sentence_clauses,
                                                   unasked_question)

# Version 4: how many tokens after a quote its cue may stand when the parse links them.
FAR_CUE_REACH = 20
# How far back (tokens) a quote's sentence is read for "according to": no real sentence is this long.
SENTENCE_REACH_TOKENS = 400


class QuoteFinder:
    """The quotes of one parsed article (a part of :class:`extractors.spacy_pipeline.article.SpacyArticle`,
    which finds the actor a token refers to)."""

    text: str
    doc: Any
    lex: Lexicons
    mention_of: dict[int, tuple[int, int]]
    groups: list[Group]
    actors: list[dict[str, Any]]

    def _is_cue(self, token: Any) -> bool:
        lemma = self.lex.reporting.get(token.lower_)
        return lemma is not None and lemma not in WEAK_REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX")

    def _speaker(self, cue: Any) -> tuple[str | None, Any]:
        """The actor id and mention token of a reporting verb's subject ("X said", "said X")."""
        subject = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
        if subject is None and cue.dep_ in ("conj", "xcomp"):
            subject = next((c for c in cue.head.children if c.dep_ in SUBJECTS), None)
        if subject is None and self.lex.profile.sentence_clauses:
            subject = participle_speaker(cue)  # version 8: "..., adding that"
        if subject is None:
            return None, None
        r = self._actor_of(subject)
        if r is not None:
            return r[0], subject
        info = pronoun_info(subject.lower_)
        if info is not None and info.person:
            group = nearest_person(self.groups, subject.idx, info.gender)
            if group is not None:
                return self._group_id(group), subject
        if self.lex.profile.quotes:  # v2: "the group's director, Ana Ruiz, said": a person inside the subject
            named = [t for t in subject.subtree if (r := self._actor_of(t)) is not None and r[2]]
            if named:
                return self._actor_of(named[-1])[0], named[-1]
        return None, subject

    def _group_id(self, group: Group) -> str | None:
        first = group.mentions[0]
        for a in self.actors:
            if a["mentions"] and a["mentions"][0]["start"] == first.start:
                return a["id"]
        return None

    def _mention_span(self, token: Any) -> dict[str, Any] | None:
        """The whole entity or pronoun mention the token belongs to."""
        if token is None:
            return None
        span = self.mention_of.get(token.i)
        if span is None:
            for child in token.children:  # "the spokesman, Ana Ruiz": the apposition or compound
                span = self.mention_of.get(child.i) if child.dep_ in ATTACHED else None
                if span is not None:
                    break
        return span_of(self.text, *span) if span is not None else span_of(self.text, token.idx, token.idx + len(token))

    def _quote(self, start: int, end: int, cue: Any, kind: str) -> dict[str, Any]:
        speaker, subject = self._speaker(cue) if cue is not None else (None, None)
        return quote_record(span_of(self.text, start, end), speaker, kind,
                            span_of(self.text, cue.idx, cue.idx + len(cue)) if cue is not None else None,
                            self._mention_span(subject) if speaker is not None else None)

    def _quotes(self) -> list[dict[str, Any]]:
        quotes: list[dict[str, Any]] = []
        quoted_sentences: set[int] = set()
        for m in QUOTE_RE.finditer(self.text):
            q = self._direct(m, quoted_sentences)
            if q is not None:
                quotes.append(q)
        for sent in self.doc.sents:
            if sent.start not in quoted_sentences:
                q = self._indirect(sent)
                if q is not None:
                    quotes.append(q)
        if self.lex.profile.clause_mixed:
            quotes = merge_same_cue(quotes)  # version 8: one mixed quote per cue
        if self.lex.profile.sentence_clauses:
            quotes.extend(sentence_clauses(self, quotes))  # version 8: every reported clause
        quotes.sort(key=lambda q: q["content"]["start"])
        if self.lex.profile.pronoun_speakers:
            pronoun_speakers(self, [q for q in quotes if q.get("cue")])  # version 8: "He said" goes on
        if self.lex.profile.quotes:
            continue_speakers(quotes)
        return numbered("q", quotes)

    def _direct(self, m: Any, quoted_sentences: set[int]) -> dict[str, Any] | None:
        text, doc = self.text, self.doc
        c_start, c_end = quoted_content(text, m)
        first = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if first is None:
            return None
        for sent in {sent_start(doc[first.start]), sent_start(doc[first.end - 1])}:
            quoted_sentences.add(sent)
        if self.lex.profile.quotes and (according := self._according_before(first.start)) is not None:
            return according(c_start, c_end)
        if self.lex.profile.naming_cues and len(text[c_start:c_end].split()) >= 3 and (
                naming := naming_cue(doc, first.start)) is not None:
            return self._quote(c_start, c_end, naming, "direct")  # version 6: called the plan “...”
        if self.lex.profile.clause_mixed and (mixed := clause_mixed(self, first)) is not None:
            return mixed  # version 8: a quoted fragment inside a reported clause
        cue = self._cue_after(first.end) or self._cue_before(first.start)
        if cue is None and self.lex.profile.far_cues:
            cue = self._cue_far_after(first)
        if cue is not None and self.lex.profile.quotes and cue.i < first.start and any(
                t.text in QUOTE_MARKS for t in doc[cue.i:first.start]):
            cue = None  # the cue of an earlier quote in the sentence: this one continues it (2.2)
        if cue is not None and cue.i < first.start - 1 and not (
            doc[first.start - 1].text in (":", ",") or doc[first.start - 1].lower_ == "that"
        ):
            # words between the cue and the mark ("said the plan was “a fragment”"): mixed speech
            start = self._content_start(cue)
            last = sent_end(doc[first.end - 1]) - 1
            end = doc[last].idx + len(doc[last])
            while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?;"):
                end -= 1
            return self._quote(start, end, cue, "mixed") if end - start > 2 else None
        if len(text[c_start:c_end].split()) < 3:
            return None  # a scare-quoted word or a title, not speech
        return self._quote(c_start, c_end, cue, "direct")

    def _according_before(self, i: int) -> Any:
        """Version 2: "According to X, “...”": a function making the direct quote of X, or None."""
        doc = self.doc
        # bounded: no real sentence has 400 tokens, and a text without sentence ends was read once per quote
        first = max(sent_start(doc[i]), i - SENTENCE_REACH_TOKENS)
        according = next((t for t in doc[first:i] if t.lower_ == "according"
                          and t.i + 1 < i and doc[t.i + 1].lower_ == "to"), None)
        if according is None:
            return None
        to = doc[according.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        r = self._actor_of(pobj) if pobj is not None else None
        if r is None or pobj.right_edge.i + 2 < i:
            return None

        def make(start: int, end: int) -> dict[str, Any]:
            return quote_record(span_of(self.text, start, end), r[0], "direct",
                                span_of(self.text, according.idx, to.idx + len(to)), self._mention_span(pobj))

        return make

    def _content_start(self, cue: Any) -> int:
        """Where reported content begins after a cue: its clausal complement, else the next word."""
        doc = self.doc
        comp = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        i = comp.left_edge.i if comp is not None and comp.i > cue.i else cue.i + 1
        while i < len(doc) - 1 and (doc[i].lower_ == "that" or doc[i].is_punct or doc[i].is_space):
            i += 1
        return doc[i].idx

    def _cue_after(self, i: int) -> Any:
        """A reporting verb within the next few tokens of the same sentence: ”, X said / ”, said X."""
        doc = self.doc
        if i >= len(doc):
            return None
        for t in doc[i:min(sent_end(doc[i]), i + 8)]:
            if self._is_cue(t):
                return t
            if t.text in QUOTE_MARKS and t.i > i:
                break
        return None

    def _cue_far_after(self, quote: Any) -> Any:
        """Version 4 (``far_cues``): a reporting verb further on in the sentence than :meth:`_cue_after`
        looks, after a long speaker (”, the group's managing director, X, said), where the parse makes
        it the head of the quote's clause; none past another quotation mark."""
        doc = self.doc
        if quote.end >= len(doc):
            return None
        heads = {t.head.i for t in quote if t.head.i >= quote.end}
        for t in doc[quote.end:min(sent_end(doc[quote.end]), quote.end + FAR_CUE_REACH)]:
            if t.text in QUOTE_MARKS:
                break
            if t.i in heads and self._is_cue(t):
                return t
        return None

    def _cue_before(self, i: int) -> Any:
        """A reporting verb earlier in the sentence: X said: “ / X said that “."""
        doc = self.doc
        if i == 0:
            return None
        # bounded as in _according_before: a text of thousands of quotes in one "sentence" was read once per quote
        for t in reversed(doc[max(sent_start(doc[i]), i - SENTENCE_REACH_TOKENS):i]):
            if self._is_cue(t):
                return t
        return None

    def _indirect(self, sent: Any) -> dict[str, Any] | None:
        """Reported speech without quotation marks: the ccomp of a reporting verb, or "according to X"."""
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and self.doc[t.i + 1].lower_ == "to":
                q = self._according_to(sent, t)
                if q is not None:
                    return q
            elif self._is_cue(t):
                comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
                if comp is None or self._speaker(t)[0] is None:
                    continue
                first, last = comp.left_edge.i, comp.right_edge.i
                while first <= last and (self.doc[first].lower_ == "that" or self.doc[first].is_punct):
                    first += 1
                while last >= first and self.doc[last].is_punct:
                    last -= 1
                if self.lex.profile.question_clauses and unasked_question(self.doc, first, t):
                    continue  # version 8: "would not say whether ..." reports no question
                if last - first < 2:
                    continue
                start, end = self.doc[first].idx, self.doc[last].idx + len(self.doc[last])
                return self._quote(start, end, t, "indirect")
        return None

    def _according_to(self, sent: Any, according: Any) -> dict[str, Any] | None:
        doc = self.doc
        to = doc[according.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        r = self._actor_of(pobj)
        if r is None:
            return None
        lo, hi = according.left_edge.i, max(according.right_edge.i, pobj.right_edge.i)
        if lo > sent.start:  # "CLAUSE, according to X"
            first, last = sent.start, lo - 1
        else:  # "According to X, CLAUSE."
            first, last = hi + 1, sent.end - 1
        while first <= last and doc[first].is_punct:
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        if last - first < 2:
            return None
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        return quote_record(span_of(self.text, start, end), r[0], "indirect",
                            span_of(self.text, according.idx, to.idx + len(to)), self._mention_span(pobj))
