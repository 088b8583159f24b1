"""Quotes for the ``rules`` extractor, with their cues and speakers.

Direct quotes in curly or straight quotation marks (the marks may touch the next word: ``”said``),
with the cue and speaker next to them; mixed quotes, where words stand between the cue and the
marks; indirect quotes ("X said that ...", "..., X said", "according to X"), at most one a sentence.
A pronoun speaker is the person the grouping gave it, so the nearest preceding compatible person.
"""
from __future__ import annotations

import bisect
import re
from typing import Any, Iterator

from extractors.rules.args_v6 import object_not_speech
from extractors.rules.cues import RuleLexicons, is_cue
from extractors.rules.mentions import Ref
from extractors.rules.patterns import (
    ADVERBS_RE,
    AUXILIARIES,
    BARE_CLAUSE_RE,
    BARE_CLAUSE_V3_RE,
    BARE_THAT_RE,
    DATELINE_RE,
    OBJECT_THAT_RE,
    PUNCT_SPACE_RE,
    BARE_CLAUSE_V2_RE,
    THAT_CLAUSE_RE,
    THAT_CLAUSE_V2_RE,
    TITLE_PREFIX_RE,
    TITLE_SUFFIX_RE,
    WORD_RE,
)
from extractors.rules.quotes_v8 import QuoteRulesV8, adverbial_that
from extractors.rules.quotes_v4 import COORD_GAP_RE, coordinated_before, NAMING_RE, WRITE_WORDS
from extractors.rules.text import Sentences, drop_final_determiner
from extractors.shared.output import numbered, span
from extractors.shared.quotes import QUOTE_RE, continue_speakers, quote_record, quoted_content

# "According to X, " right before an opening quotation mark (version 2).
ACCORDING_BEFORE_RE = re.compile(r"\b([Aa]ccording to)[ \t]+[^,“”\"]{1,80},?[ \t]*$")


class QuoteFinder(QuoteRulesV8):
    """The quotes of one article (a part of :class:`extractors.rules.article.RulesArticle`, whose
    :class:`~extractors.rules.mentions.MentionFinder` part finds the speakers' mentions)."""

    text: str
    lex: RuleLexicons
    sentences: Sentences
    cues: list[tuple[int, int]]
    refs: list[Ref]
    ref_starts: list[int]

    def _quotes(self) -> list[dict[str, Any]]:
        """Direct, mixed and indirect quotes in text order, with ids."""
        quotes: list[dict[str, Any]] = []
        for m in QUOTE_RE.finditer(self.text):
            q = self._direct(m)
            if q is not None:
                quotes.append(q)
        quotes.extend(self._indirect())
        quotes.sort(key=lambda q: q["content"]["start"])
        if self.lex.profile.quotes:
            continue_speakers(quotes)
        return numbered("q", quotes)

    def _quote(self, start: int, end: int, cue: tuple[int, int] | None, ref: Ref | None, kind: str) -> dict[str, Any]:
        """The quote of ``start:end``, its cue's span, and ``ref``, the speaker's mention."""
        text = self.text
        return quote_record(span(text, start, end), ref.ref if ref else None, kind,
                            span(text, *cue) if cue else None, span(text, ref.start, ref.end) if ref else None)

    def _speaker_near_cue(self, cue_start: int, cue_end: int, *, after: bool) -> Ref | None:
        """The actor mention next to a cue: "X said" (before) or "said X" (after)."""
        text = self.text
        if after:
            window_end = min(len(text), cue_end + 60)
            s_end = self.sentences.of(cue_end)[1]
            return self._actor_ref_at(cue_end, min(window_end, s_end))
        s_start = self.sentences.of(cue_start)[0]
        if self.lex.profile.clause_speakers:  # "X, who asked not to be named, said": past the parenthesis
            subjects = self._subjects_v3(cue_start)  # type: ignore[attr-defined]
            if subjects and self.lex.profile.first_conjunct:  # "X and the head, Y, said": X, named first
                return min(subjects, key=lambda r: r.start)
            if subjects:
                return subjects[0]
        between = text[s_start:cue_start]
        words = WORD_RE.findall(between)
        # allow auxiliaries and adverbs between the subject and the verb: "X has also said"
        gap = 0
        for w in reversed(words):
            if w.lower() in AUXILIARIES or w.endswith("ly"):
                gap += 1
                continue
            break
        limit = cue_start
        if gap:
            tail = [m.start() for m in WORD_RE.finditer(between)][-gap:]
            limit = s_start + tail[0] if tail else cue_start
        return self._actor_ref_ending(max(s_start, limit - 80), limit)


    def _direct(self, m: re.Match[str]) -> dict[str, Any] | None:
        text = self.text
        c_start, c_end = quoted_content(text, m)
        q_open, q_close = m.start(), m.end()
        cue, ref = self._cue_after(q_close)
        if cue is None and self.lex.profile.quotes:
            cue, ref = self._according_before(q_open)
        if cue is None and self.lex.profile.quotes:
            cue, ref = self._cue_later(q_close)
        if cue is None:
            cue, ref, prefix = self._cue_before(q_open)
            if cue is not None and prefix:
                # words between the cue and the mark: indirect speech with a quoted fragment
                return self._quote(prefix, self._mixed_end(q_close), cue, ref, "mixed")
        if len(text[c_start:c_end].split()) < 3:
            return None  # a scare-quoted word or a title, not speech
        return self._quote(c_start, c_end, cue, ref, "direct")


    def _according_before(self, pos: int) -> tuple[tuple[int, int] | None, Ref | None]:
        """Version 2: "According to X, “...”": the cue "according to" and X, right before the marks."""
        s_start = self.sentences.of(pos)[0]
        m = ACCORDING_BEFORE_RE.search(self.text, s_start, pos)
        if m is None:
            return None, None
        ref = self._actor_ref_at(m.end(1), m.end())
        return ((m.start(1), m.end(1)), ref) if ref is not None else (None, None)

    def _cue_later(self, pos: int) -> tuple[tuple[int, int] | None, Ref | None]:
        """Version 2: ”, the group's director, Ana Ruiz, said.  The first cue later in the sentence, with
        no other quotation between, and the last actor named before it (or the first after it)."""
        text = self.text
        s_end = self.sentences.of(max(0, pos - 1))[1]
        i = bisect.bisect_left(self.cues, (pos, pos))
        if i == len(self.cues) or self.cues[i][0] >= min(s_end, pos + 160):
            return None, None
        cue = self.cues[i]
        if '"' in text[pos:cue[0]] or "“" in text[pos:cue[0]]:
            return None, None
        if self.lex.profile.coordinated_cues and COORD_GAP_RE.fullmatch(text, pos, cue[0]):
            return None, None  # ” and said the plan ...: the second verb reports a clause of its own
        ref = self._actor_ref_ending(pos, cue[0]) or self._speaker_near_cue(*cue, after=True)
        return (cue, ref) if ref is not None else (None, None)

    def _cue_after(self, pos: int) -> tuple[tuple[int, int] | None, Ref | None]:
        """ ”, said X  |  ”said X  |  ”, X said  |  ” he added """
        text = self.text
        words = [(w.start(), w.end()) for w in WORD_RE.finditer(text, pos, min(len(text), pos + 80))]
        if not words or text[pos:words[0][0]].strip(" \t,") not in ("",):
            return None, None
        s, e = words[0]
        if is_cue(self.lex, self.text, text[s:e]):
            return (s, e), self._speaker_near_cue(s, e, after=True)
        ref = self._actor_ref_at(s, s + 1)
        if ref is None:  # a title or honorific may stand before the name: ” Dr. Ana Ruiz said
            title = TITLE_PREFIX_RE.match(text, s)
            ref = self._actor_ref_at(title.end(), title.end() + 1) if title else None
        if ref is None:
            return None, None
        for ws, we in words:
            if ws < ref.end:
                continue
            w = text[ws:we]
            if is_cue(self.lex, self.text, w) or (self.lex.profile.weak_cues and w in WRITE_WORDS):
                return (ws, we), ref
            if w.lower() not in AUXILIARIES and not w.endswith("ly"):
                break
        return None, None

    def _cue_before(self, pos: int) -> tuple[tuple[int, int] | None, Ref | None, int | None]:
        """ X said: “   |   X said that “   |   X said the plan was “a fragment” (mixed) """
        text = self.text
        s_start = self.sentences.of(pos)[0]
        for w in reversed(list(WORD_RE.finditer(text, s_start, pos))):
            if self.lex.profile.weak_cues and NAMING_RE.match(text, w.start()) and w.end() == NAMING_RE.match(text, w.start()).end():
                # "called the decision “...”": the quoted words alone are the quote (guidelines 2, direct)
                return (w.start(), w.end()), self._speaker_near_cue(w.start(), w.end(), after=False), None
            if self._cue_word_at(w):
                ref = self._speaker_near_cue(w.start(), w.end(), after=False)
                if ref is None:
                    ref = self._speaker_near_cue(w.start(), w.end(), after=True)
                    if ref is not None and ref.end > pos:
                        ref = None
                rest = text[w.end():pos]
                prefix = self._content_start(w.end(), pos)
                if BARE_THAT_RE.fullmatch(rest) or (ref and ref.start >= w.end()):
                    return (w.start(), w.end()), ref, None
                return (w.start(), w.end()), ref, prefix
        return None, None, None

    def _cue_word_at(self, w: re.Match[str]) -> bool:
        """Whether the word ``w`` before a quotation is its cue. Version 4 (``weak_cues``): one of the
        article's cues, so also a writing verb before "that" ("wrote on social media that") and never a
        noun after an article ("the recount")."""
        if not self.lex.profile.weak_cues:
            return is_cue(self.lex, self.text, w.group())
        i = bisect.bisect_left(self.cues, w.span())
        return i < len(self.cues) and self.cues[i] == w.span()

    def _content_start(self, cue_end: int, limit: int) -> int:
        """Where reported content begins after a cue: after "that" or after the cue's object."""
        if self.lex.profile.adverbial_that and (found := adverbial_that(self.text, cue_end, limit)) is not None:
            return found  # v8: "said in an interview last month that “...”" (rules.quotes_v8)
        if self.lex.profile.mixed_object_that and _word_before(self.text, cue_end) in OBJECT_CUES:
            m = OBJECT_THAT_V4_RE.match(self.text, cue_end, limit)
            if m is not None:  # "told reporters in the capital that “...”": after the addressee's "that"
                return m.end()
        end = _end_of_first_match(self.text, (OBJECT_THAT_RE, PUNCT_SPACE_RE), cue_end, limit)
        return cue_end if end is None else end

    def _mixed_end(self, pos: int) -> int:
        """Version 4 (``coordinated_cues``): a mixed quote ends at its closing mark when a coordinated
        reporting verb follows ("said he was leaving “...” and insisted that ..."); else at the clause end."""
        if self.lex.profile.coordinated_cues:
            i = bisect.bisect_left(self.cues, (pos, pos))
            if i < len(self.cues) and COORD_GAP_RE.fullmatch(self.text, pos, self.cues[i][0]):
                return pos
        return self._clause_end(pos)

    def _clause_end(self, pos: int) -> int:
        """End of the clause that runs through ``pos``: the sentence end, without final punctuation."""
        s_end = self.sentences.of(max(0, pos - 1))[1]
        end = max(pos, s_end)
        while end > pos and (self.text[end - 1].isspace() or self.text[end - 1] in ".!?;"):
            end -= 1
        return end


    def _indirect(self) -> Iterator[dict[str, Any]]:
        """Reported speech without quotation marks, at most one per sentence."""
        text = self.text
        cues = self.cues
        cue_starts = [c[0] for c in cues]
        for s_start, s_end in self.sentences.spans:
            i = bisect.bisect_left(cue_starts, s_start)
            if i == len(cues) or cues[i][0] >= s_end:
                continue
            sentence = text[s_start:s_end]
            body_end = s_end
            while body_end > s_start and (text[body_end - 1].isspace() or text[body_end - 1] in ".!?;"):
                body_end -= 1
            joined = self._coordinated_cues(i, s_start, body_end) if self.lex.profile.coordinated_cues else []
            if "“" in sentence or '"' in sentence:
                # quotation marks: handled as direct or mixed quotes, but for a coordinated verb after them
                yield from self._coordinated_quotes(joined, i, s_start, body_end, after_marks=True)
                if self.lex.profile.after_mark_cues:  # v8: '"...," she said, adding that ...' (rules.quotes_v8)
                    yield from self._after_mark_quotes(i, s_start, body_end, joined)
                continue
            while i < len(cues) and cues[i][0] < body_end:
                first_end = next((c for c, _ in joined if c > cues[i][1]), body_end)
                cue_close, tail = self._after_inverted_cue(cues[i], first_end)
                q = self._indirect_at(cues[i][0], cues[i][1], s_start, cue_close)
                if q is not None and cue_close < first_end and q["content"]["end"] > cues[i][0]:
                    q = self._indirect_at(cues[i][0], cues[i][1], s_start, first_end)  # no inversion: as before
                    tail = None
                if q is not None and self.lex.profile.joined_clauses and self._clause_of_later_cue(q, i, body_end):
                    q = None  # v8: "X announced a fund, but Y say ...": the later cue's clause (rules.quotes_v8)
                if q is not None:
                    yield q
                    if tail is not None and q["speaker"] is not None:  # "A, she said, but B": B is hers too
                        ref = self._actor_ref_ending(max(s_start, cues[i][0] - 80), cues[i][0])
                        yield self._quote(tail, first_end, cues[i], ref, "indirect")
                    yield from self._coordinated_quotes(joined, i, s_start, body_end, after_marks=False)
                    break
                i += 1

    def _after_inverted_cue(self, cue: tuple[int, int], body_end: int) -> tuple[int, int | None]:
        """Version 4: where the words that may follow an inverted cue end, and where a second clause of
        the same speaker starts. "A, X told a news conference in Y": the addressee after "told" is part
        of the attribution (``told_after``); "A, she said, but B": B is reported too (``mid_cues``)."""
        text = self.text
        if self.lex.profile.told_after and _word_before(text, cue[1]) in OBJECT_CUES:
            rest = text[cue[1]:body_end]
            if rest.strip() and not re.search(r"[,;:“”\"]", rest) and len(rest.split()) <= 8:
                return cue[1], None
        if self.lex.profile.mid_cues:
            m = MID_CUE_TAIL_RE.match(text, cue[1], body_end)
            if m is not None and _has_finite_verb("x " + text[m.end():body_end]):
                return cue[1], m.end()
        return body_end, None

    def _indirect_at(self, cue_start: int, cue_end: int, s_start: int, body_end: int) -> dict[str, Any] | None:
        if self.text[cue_start:cue_end] == "according to":
            return self._according_to(cue_start, cue_end, s_start, body_end)
        q = self._inverted(cue_start, cue_end, s_start, body_end)
        if q is not None:
            return q
        ref = self._speaker_near_cue(cue_start, cue_end, after=False)
        start = self._that_clause(cue_end, body_end) if ref is not None else None
        if ref is not None and start is not None and start < body_end:
            if self.lex.profile.object_quotes and _bare_object(self.text, cue_end, start, body_end):
                return None  # v6: "reported the defect to the regulator": a thing reported, no speech
            return self._quote(start, body_end, (cue_start, cue_end), ref, "indirect")
        return None

    def _coordinated_cues(self, i: int, s_start: int, body_end: int) -> list[tuple[int, tuple[int, int]]]:
        """Version 4: (start of the coordinator, cue) of each cue in the sentence joined by "and" or "but"
        to a verb before it ("said A and insisted that B")."""
        joined = []
        for cue in self.cues[i:]:
            if cue[0] >= body_end:
                break
            c = coordinated_before(self.text, cue[0], max(s_start, cue[0] - 12))
            if c is not None and c > s_start:
                joined.append((c, cue))
        return joined

    def _coordinated_quotes(self, joined: list[tuple[int, tuple[int, int]]], i: int, s_start: int, body_end: int,
                            *, after_marks: bool) -> Iterator[dict[str, Any]]:
        """Version 4: the indirect quotes of coordinated cues, each up to the next coordinator, with the
        subject of the sentence's first cue (guidelines 2: coordinated verbs share the subject)."""
        if not joined:
            return
        text = self.text
        ref = self._speaker_near_cue(*self.cues[i], after=False)
        last_mark = max(text.rfind("”", s_start, body_end), text.rfind('"', s_start, body_end))
        for k, (_, cue) in enumerate(joined):
            if cue == self.cues[i] or (after_marks and cue[0] < last_mark):
                continue
            end = joined[k + 1][0] if k + 1 < len(joined) else body_end
            start = self._that_clause(cue[1], end)
            if ref is not None and start is not None and start < end:
                yield self._quote(start, end, cue, ref, "indirect")

    def _inverted(self, cue_start: int, cue_end: int, s_start: int, body_end: int) -> dict[str, Any] | None:
        """ "CLAUSE, X said." or "CLAUSE, said X." (also a headline's "..., Says X") """
        text = self.text
        ref = self._actor_ref_at(cue_end, body_end)
        # Only spaces may stand between the cue and the speaker: a title there would have to end in a space
        # to be removed by TITLE_PREFIX_RE, which a stripped string never does.
        if ref is not None and not text[cue_end:ref.start].strip() and \
                not text[ref.end:body_end].strip():
            head_end = cue_start
        else:
            ref = self._actor_ref_ending(max(s_start, cue_start - 80), cue_start)
            if ref is None or text[cue_end:body_end].strip() or not ADVERBS_RE.fullmatch(text[ref.end:cue_start]):
                return None
            head_end = ref.start
            title = TITLE_SUFFIX_RE.search(text[s_start:head_end])
            if title:
                head_end = s_start + title.start()
                if self.lex.profile.title_modifiers:  # "..., Transport Secretary X said": the title's own modifiers
                    head_end = s_start + len(_without_modifiers(text[s_start:head_end], True))
            elif self.lex.profile.reported_speech:  # "..., election officials said": the speaker's modifiers
                head_end = s_start + len(_without_modifiers(text[s_start:head_end], self.lex.profile.speaker_nouns))
        head = drop_final_determiner(text[s_start:head_end]).rstrip()
        if not head.endswith(",") or len(head.split()) < 3:
            return None
        dateline = DATELINE_RE.match(text, s_start)
        start = dateline.end() if dateline else s_start
        return self._quote(start, s_start + len(head) - 1, (cue_start, cue_end), ref, "indirect")

    def _that_clause(self, cue_end: int, body_end: int) -> int | None:
        """Start of a finite complement clause after a cue, or None for a noun phrase complement."""
        if self.lex.profile.adverbial_that and (found := adverbial_that(self.text, cue_end, body_end)) is not None:
            return found  # v8: "announced at a briefing in the capital that ..." (rules.quotes_v8)
        if self.lex.profile.object_that and self.lex.reporting.get(_word_before(self.text, cue_end)) in OBJECT_CUES:
            m = OBJECT_THAT_V4_RE.match(self.text, cue_end, body_end)
            if m is not None:  # "told reporters in Tolu that ...": the clause starts after "that"
                return m.end()
        if self.lex.profile.reported_speech:
            start = _end_of_first_match(self.text, (THAT_CLAUSE_V2_RE, THAT_CLAUSE_RE, BARE_CLAUSE_V2_RE), cue_end,
                                        body_end)
            if start is None:
                start = _end_of_first_match(self.text, (BARE_CLAUSE_V3_RE,), cue_end, body_end)
                if start is not None and not _has_finite_verb(self.text[start:body_end]):
                    return None
            return start
        if self.lex.profile.quotes:
            return _end_of_first_match(self.text, (THAT_CLAUSE_V2_RE, THAT_CLAUSE_RE, BARE_CLAUSE_V2_RE), cue_end, body_end)
        return _end_of_first_match(self.text, (THAT_CLAUSE_RE, BARE_CLAUSE_RE), cue_end, body_end)

    def _according_to(self, cue_start: int, cue_end: int, s_start: int, body_end: int) -> dict[str, Any] | None:
        text = self.text
        ref = self._actor_ref_at(cue_end, body_end)
        if ref is None:
            return None
        if text[s_start:cue_start].strip():
            # "CLAUSE, according to X": the clause runs back to the previous comma or the sentence start
            end = cue_start
            while end > s_start and text[end - 1] in " \t,":
                end -= 1
            start = text.rfind(",", s_start, end)
            start = s_start if start < 0 else start + 1
            while start < end and text[start].isspace():
                start += 1
        else:
            # "According to X, CLAUSE."
            comma = text.find(",", ref.end, body_end)
            if comma < 0:
                return None
            start, end = comma + 1, body_end
            while start < end and text[start].isspace():
                start += 1
        if end - start < 3:
            return None
        return self._quote(start, end, (cue_start, cue_end), ref, "indirect")

    # -- events ---------------------------------------------------------------------------------


# Version 4: cues whose addressee stands before "that" ("told reporters in Tolu that", "warned
# the council on Monday that"), and that object with its adverbials: up to six words without punctuation.
OBJECT_CUES = frozenset({"tell", "told", "inform", "assure", "remind", "warn", "notify", "caution", "advise", "brief"})
OBJECT_THAT_V4_RE = re.compile(r"[ \t]+(?:[^\s,.;:\"“”]+[ \t]+){1,6}?that[ \t]+")


# Version 4 (``mid_cues``): ", but" after an inverted cue and its speaker opens a second reported clause.
MID_CUE_TAIL_RE = re.compile(r",[ \t]+(?:but|and|while|although|though)[ \t]+")


def _word_before(text: str, end: int) -> str:
    """The lower-case word that ends at ``end``.

    >>> _word_before("She told", 8)
    'told'
    """
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower()


# Lower-case words before a speaker that modify it ("election officials", "district health officers").
_MODIFIERS_RE = re.compile(r"(?:[ \t]+[a-z][a-z-]*){1,3}[ \t]*$")
# Version 4 (``speaker_nouns``): possessive and capitalised modifiers too ("the state prosecutor's
# office said", "a Brennish government official said").
_MODIFIERS_V4_RE = re.compile(r"(?:[ \t]+[A-Za-z][a-z-]*(?:[’']s)?){1,4}[ \t]*$")


def _without_modifiers(head: str, v4: bool = False) -> str:
    """``head`` without the lower-case modifiers of the speaker after its last comma, when a comma then
    ends it.

    >>> _without_modifiers("Turnout was high, election"), _without_modifiers("Turnout was high and election")
    ('Turnout was high,', 'Turnout was high and election')
    >>> _without_modifiers("It rained, the state prosecutor's", v4=True)
    'It rained,'
    """
    m = (_MODIFIERS_V4_RE if v4 else _MODIFIERS_RE).search(head)
    if m and head[:m.start()].endswith(","):
        return head[:m.start()]
    return head


# Words that show a finite verb near the start of a reported clause.
_FINITE = frozenset("would will had has have was were is are could can may might must should did does do "
                    "shall".split())
# How many words into a bare clause its finite verb must show.
FINITE_REACH = 6


def _has_finite_verb(clause: str) -> bool:
    """Whether one of the first words of a clause is an auxiliary or a past form: the mark of a clause
    ("volunteers would go", "turnout reached 81 percent") rather than a noun phrase ("said goodbye").

    >>> _has_finite_verb("volunteers would go from house to house"), _has_finite_verb("goodbye to the fans")
    (True, False)
    """
    words = WORD_RE.findall(clause)[1:FINITE_REACH + 1]
    return any(w.lower() in _FINITE or (w.islower() and w.endswith("ed")) for w in words)


def _end_of_first_match(text: str, patterns: tuple[re.Pattern[str], ...], start: int, end: int) -> int | None:
    """Where the first of ``patterns`` that matches ``text[start:end]`` at ``start`` ends, or None."""
    for pattern in patterns:
        m = pattern.match(text, start, end)
        if m:
            return m.end()
    return None


def _bare_object(text: str, cue_end: int, start: int, body_end: int) -> bool:
    """Version 6 (``object_quotes``): whether the content from ``start`` follows its cue with no "that"
    and is a noun phrase with a preposition and no verb (:func:`extractors.rules.args_v6.object_not_speech`)."""
    return "that" not in text[cue_end:start].split() and object_not_speech(text[start:body_end])
