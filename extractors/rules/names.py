"""Names for the ``rules`` extractor: capitalised sequences split at titles, demonyms and words that
are not names, each part typed as a person, organisation, state, nationality or gazetteer place.

A title or honorific before a name makes a person ("Minister Ana Ruiz" -> "Ana Ruiz"); organisation
suffixes ("... Party"), heads with "of" ("Ministry of ...") and acronym shapes make organisations; a
demonym adjective ("Kenyan President") is a mention of the state (GPE), a plural demonym ("Kenyans")
a NORP actor; two to four capitalised words are a person; a single word is a candidate person only
(kept if it shortens a person already named or stands next to a reporting verb).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

from extractors.rules.cues import RuleLexicons
from extractors.rules.datelines import wire_boilerplate
from extractors.rules.org_context import org_by_context
from extractors.rules.patterns import INITIALS_RE, NAME_RE, TOKEN_RE
from extractors.rules.text import title_case_lines
from extractors.rules.titles_v5 import before_office, portfolio_title
from extractors.shared.grouping import is_acronym
from extractors.shared.lexicon import ALL_TITLES, HONORIFICS, NOT_ACRONYMS, ORG_HEADS, ORG_SUFFIXES, TITLE_WORDS_MAX
from extractors.shared.orgs import OCCASION_HEADS, ends_as_org, is_org_name, org_subtype
from extractors.shared.context import boilerplate_spans, cue_places, inside
from extractors.shared.places_v7b import name_cue_finder
from extractors.shared.places_v8c import placed_persons
from extractors.shared.places import Place, is_common_word, is_plural_demonym
from extractors.shared.textscan import Overlaps

# Capitalised words that open sentences or headlines but are not names (general English).
NOT_NAMES: frozenset[str] = frozenset(
    """The A An This That These Those But And Or Nor In On At For From To With By As After Before During While When
    Where Whereas If Although Though However Meanwhile Also It Its He She They We I You His Her Their Our Your My
    There Here Some Many Most All Both Each Every Other Another Such Last Next Earlier Later Today Yesterday
    Tomorrow Tonight According Since Despite Under Over Amid Against Among Between Without Within Through Throughout
    Following Several One Two Three Four Five Six Seven Eight Nine Ten First Second Third What Why How Who Whom
    Which Whose No Yes Not Now Then So Yet Still Even Just Only Once Unlike Like Instead Thus Therefore Moreover
    Furthermore Indeed Still Again Read More Photo Image Images Share Copyright Advertisement Breaking Updated
    Published Source Sources Reporting Editing Video Watch Subscribe Sign Click Live News Opinion Analysis Comment
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
    Dec Please Do Does Did Is Are Was Were Be Been Has Have Had Will Would Could Should Can May Might Must Let
    Asked Speaking Addressing Describing Calling Responding""".split()
)
# Connectors that join two names ("X of Y", "X and Y") rather than make one.
_SPLIT_WORDS = frozenset({"of", "for", "and", "on", "upon"})
# First words of titles: most capitalised words are not one, and are passed over with one lookup.
_TITLE_FIRST_WORDS = frozenset(t.split()[0] for t in ALL_TITLES)


@dataclass(slots=True)
class Candidate:
    """A typed name or place found in the text, before grouping."""

    start: int
    end: int
    text: str
    type: str  # PER ORG GPE NORP LOC (place)
    title: str | None = None
    place: Place | None = None
    country: str | None = None  # GPE/NORP actors: ISO code
    single: bool = False  # a lone capitalised word: kept only if it shortens a known person
    cue: bool = False  # a place found by its context (version 2)



class NameFinder:
    """The name candidates of one article (a part of :class:`extractors.rules.article.RulesArticle`)."""

    text: str
    lex: RuleLexicons

    def _candidates(self) -> list[Candidate]:
        """Every name candidate, in text order."""
        headline_lines = title_case_lines(self.text)
        if self.lex.profile.places:
            return self._candidates_v2(headline_lines)
        return self._typed(NAME_RE.finditer(self.text), headline_lines)

    def _candidates_v2(self, headline_lines: list[tuple[int, int]]) -> list[Candidate]:
        """Version 2: boilerplate left out, places named by their context first (a name sequence is cut
        around them: "Tolu City Ana Ruiz", "Lagos-based"), then the names as in version 1."""
        text, lex = self.text, self.lex
        boiler = boilerplate_spans(text)
        if lex.profile.wire_lines:  # v5: "TOLU (Agency) —", "Additional reporting by X"
            boiler += wire_boilerplate(text)
        cues = [c for c in cue_places(text, lex.countries, lex.profile.place_heads,
                                      lex.demonyms if lex.profile.demonym_places else None,
                                      extra=name_cue_finder(lex))  # version 7 name cues (None before)
                if not inside(boiler, c.start, c.end)]
        out: list[Candidate] = []
        # the cue places by start, and the longest one: those that overlap a name start within that reach
        # before it, found by binary search instead of a scan of every cue for every name (quadratic)
        by_start = sorted((c.start, c.end) for c in cues)
        starts = [s for s, _ in by_start]
        reach = max((e - s for s, e in by_start), default=0)
        in_boiler = Overlaps(boiler)
        for m in NAME_RE.finditer(text):
            if in_boiler.covers(m.start(), m.end()):
                continue
            near = by_start[bisect.bisect_left(starts, m.start() - reach):bisect.bisect_left(starts, m.end())]
            cuts = sorted([(s, e) for s, e in near if m.start() < e]
                          + [b.span() for b in SENTENCE_BREAK_RE.finditer(text, m.start(), m.end())
                             if text[max(0, b.start() - 6):b.end()].split()[-1] not in HONORIFICS])
            pos = m.start()
            for cut_start, cut_end in cuts:
                if pos < cut_start:
                    out.extend(self._typed(NAME_RE.finditer(text, pos, cut_start), headline_lines))
                pos = max(pos, cut_end)
            if pos < m.end():
                out.extend(self._typed(NAME_RE.finditer(text, pos, m.end()), headline_lines))
        for cue in cues:
            name = cue.canonical or " ".join(text[cue.start:cue.end].split())
            known = lex.gazetteer.get(name) or (lex.gazetteer.get(name.title()) if name.isupper() else None)
            out.append(Candidate(cue.start, cue.end, name, "LOC", place=cue.place(text, known), cue=True))
        out.sort(key=lambda c: c.start)
        out = retype_by_context(text, out, lex.min_population)
        if lex.profile.org_context:
            out = org_by_context(text, out)
        if lex.profile.placed_persons:  # version 8: "nurses in Osse" is a place, never a person (1.3)
            out = placed_persons(text, out)
        return out

    def _typed(self, matches: Iterable[re.Match[str]], headline_lines: list[tuple[int, int]]) -> list[Candidate]:
        """The candidates of capitalised name sequences."""
        text = self.text
        out: list[Candidate] = []
        breaks, breaks_strict = self.lex.reporting, self.lex.headline_breaks
        for match in matches:
            name = match.group()
            if name in NOT_NAMES:  # fast path: a sentence-opening "The", "But", "In"
                continue
            if headline_lines:
                at = match.start()
                # the lines are sorted and never overlap: the one that may hold ``at`` by binary search
                # (a scan of every headline for every name was quadratic on a long article)
                if getattr(self, "_headline_starts", (None,))[0] is not headline_lines:
                    self._headline_starts = (headline_lines, [s for s, _ in headline_lines])
                i = bisect.bisect_right(self._headline_starts[1], at) - 1
                strict = i >= 0 and at < headline_lines[i][1]
            else:
                strict = False
            if " " in name or "\t" in name:
                tokens = [t.span() for t in TOKEN_RE.finditer(text, match.start(), match.end())]
                out.extend(self._classify_sequence(tokens, strict))
            else:
                # Most sequences are one word, which _classify_sequence would type as it stands unless
                # it ends a name (a title needs a name after it; a demonym is typed by _type_part too).
                bare = name.rstrip(".")
                if not (bare in NOT_NAMES or bare.lower() in (breaks_strict if strict else breaks)):
                    out.extend(self._type_part([match.span()], None, strict))
        return out

    def _classify_sequence(self, tokens: list[tuple[int, int]], strict: bool) -> list[Candidate]:
        """Split a capitalised sequence at titles, demonyms and non-names, and type each part."""
        text = self.text
        breaks = self.lex.headline_breaks if strict else self.lex.reporting
        if not strict and self.lex.profile.actor_cues:
            breaks = frozenset()  # v2: "Tolu State College" is one name; only a headline's "Says" ends one
        demonyms = self.lex.demonyms
        out: list[Candidate] = []
        part: list[tuple[int, int]] = []
        title: str | None = None
        i = 0
        n = len(tokens)
        while i < n:
            s, e = tokens[i]
            word = text[s:e]
            if word in _TITLE_FIRST_WORDS:
                title_len = _title_at(text, tokens, i)
                if title_len:
                    if part and self.lex.profile.portfolio_titles and before_office(
                            [text[a:b] for a, b in part], text[s:tokens[i + title_len - 1][1]], self.lex.gazetteer):
                        part = []  # v5: "Fisheries Minister X": the portfolio belongs to the title
                    if part:
                        out.extend(self._type_part(part, title, strict))
                        part = []
                    title = text[s:tokens[i + title_len - 1][1]]
                    i += title_len
                    continue
            bare = word.rstrip(".")
            if bare in NOT_NAMES or word in NOT_NAMES or bare.lower() in breaks:
                # in headlines, verbs end a name too ("Warns", "Says")
                if part:
                    out.extend(self._type_part(part, title, strict))
                    part = []
                title = None
                i += 1
                continue
            if bare in demonyms and i + 1 < n and not part:
                out.append(self._demonym(s, s + len(bare), bare))
                i += 1
                continue
            part.append((s, e))
            if word.endswith(("’s", "'s")):  # a possessive ends the name
                out.extend(self._type_part(part, title, strict))
                part, title = [], None
            i += 1
        if part:
            out.extend(self._type_part(part, title, strict))
        return out

    def _demonym(self, start: int, end: int, word: str) -> Candidate:
        iso = self.lex.demonyms[word]
        plural = is_plural_demonym(word, self.lex.demonyms)
        return Candidate(start, end, word, "NORP" if plural else "GPE", country=iso)

    def _type_part(self, part: list[tuple[int, int]], title: str | None, strict: bool) -> list[Candidate]:
        """The candidates a run of capitalised tokens makes: one typed name, the names on either side
        of a connector, or none."""
        if not part:
            return []
        start = part[0][0]
        end = self._name_end(part)
        span = self.text[start:end]
        if not span:
            return []
        if span in self.lex.demonyms and not (self.lex.profile.places and span in self.lex.countries):
            return [self._demonym(start, end, span)]
        # a dateline or headline in capitals ("LIMA -") names a place in its usual spelling
        place = self.lex.gazetteer.get(span) or (self.lex.gazetteer.get(span.title()) if span.isupper() else None)
        if place is not None:
            return [Candidate(start, end, span, "LOC", place=place)]
        words = span.split()
        if self.lex.profile.portfolio_titles and portfolio_title(words, self.lex.gazetteer):
            return []  # v5: "the province's Mining Minister, X": a title, no name
        if len(words) == 1 and is_acronym(span):
            if span in NOT_ACRONYMS or len(span.replace(".", "")) > 6:
                return []
            return [Candidate(start, end, span, "ORG")]
        if self.lex.profile.possessive_orgs and (head := _POSSESSIVE_HEAD_RE.match(self.text, end)) is not None \
                and ends_as_org([span, head.group(1)]):
            # "the Garment Workers' Union": the run before a plural possessive and an organisation's head
            return [Candidate(start, head.end(1), self.text[start:head.end(1)], "ORG")]
        if self.lex.profile.nominal_actors and (split := self._close_apposition(part)) is not None:
            org_end = split[0][-1][1]
            org = Candidate(start, org_end, self.text[start:org_end], "ORG")
            if len(split[0]) == 1 and self.lex.profile.possessive_orgs:
                return self._type_part(split[1], None, strict)  # "Union" alone is only the end of a name
            return [org, *self._type_part(split[1], None, strict)]
        if self.lex.profile.actor_cues and "and" in words and words[0] != "and":
            return self._split_connectors(part, title, strict)  # "Tolu Stars and Ruvo Town": two clubs
        if (len(words) > 1 and words[-1].rstrip(".") in ORG_SUFFIXES) or (
            words[0] in ORG_HEADS and len(words) > 2 and words[1] == "of"
        ) or (self.lex.profile.actor_cues and is_org_name(words)):
            return [Candidate(start, end, span, "ORG")]
        if not _SPLIT_WORDS.isdisjoint(words):
            # Not an organisation: "X of Y" and "X and Y" are two names; type each side.
            return self._split_connectors(part, title, strict)
        if len(words) > 1 and all(w.isupper() for w in words):
            return []  # an all-capitals run is a headline or a shout, not a name
        if title is not None:
            return [Candidate(start, end, span, "PER", title=title)]
        if strict:
            return [Candidate(start, end, span, "PER", single=True)] if len(words) == 1 else []
        if 2 <= len(words) <= 4:
            return [Candidate(start, end, span, "PER")]
        if len(words) == 1:
            return [Candidate(start, end, span, "PER", single=True)]
        return []

    def _close_apposition(self, part: list[tuple[int, int]]
                          ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
        """Version 3: an organisation's name followed by a person's name with no comma between ("the
        Tolu Workers' Union Ana Dede said"; guidelines 1.4, close apposition): the two parts, or None.

        The organisation part must end in a word that makes an organisation; the person part is two
        or three capitalised words that make none and are no place."""
        words = [self.text[s:e] for s, e in part]
        # version 4 (``possessive_orgs``): the name may start after a plural possessive that belongs to
        # it ("the Garment Workers' Union Ana Dede said": the run of tokens starts at "Union")
        lowest = 0 if self.lex.profile.possessive_orgs and self.text[max(0, part[0][0] - 3):part[0][0]] in (
            "s' ", "s’ ") else 1
        for k in range(len(words) - 3, lowest - 1, -1):
            person = words[k + 1:]
            if not (2 <= len(person) <= 3) or not all(w[:1].isupper() and w.isalpha() for w in person):
                continue
            if any(self.text[a[1]:b[0]].strip() for a, b in zip(part[k:], part[k + 1:])):
                continue  # a connector ("of", "and") between: one name ("College of Health Sciences")
            before = self.text[max(0, part[0][0] - 40):part[0][0]].split()[-1:] if k == 0 else []
            if ends_as_org(before + words[:k + 1]) and not is_org_name(person) and not any(
                    w.rstrip(".") in ORG_SUFFIXES for w in person) and " ".join(person) not in self.lex.gazetteer:
                return part[:k + 1], part[k + 1:]
        return None

    def _name_end(self, part: list[tuple[int, int]]) -> int:
        """Where the name of a run of tokens ends: before a sentence's final period (an initial's or an
        honorific's is kept) and before a possessive ending or a final apostrophe."""
        text = self.text
        end = part[-1][1]
        # A trailing period belongs to the sentence unless the last word is an initial or an honorific.
        if text[end - 1] == ".":
            last = text[part[-1][0]:end]
            if not (last in HONORIFICS or INITIALS_RE.fullmatch(last)):
                end -= 1
        if text.endswith(("’s", "'s"), part[0][0], end):
            return end - 2
        if text.endswith(("’", "'"), part[0][0], end):
            return end - 1
        return end

    def _split_connectors(self, part: list[tuple[int, int]], title: str | None, strict: bool) -> list[Candidate]:
        """Type each run of capitalised words between connectors ("of", "and") on its own."""
        out: list[Candidate] = []
        run: list[tuple[int, int]] = [part[0]]
        for prev, cur in zip(part, part[1:]):
            if self.text[prev[1]:cur[0]].strip():  # a connector word lies between the two tokens
                out.extend(self._type_part(run, title, strict))
                run, title = [], None
            run.append(cur)
        if len(run) == len(part):
            return []  # no connector between tokens: nothing to split, and not a name we can type
        out.extend(self._type_part(run, title, strict))
        return out



# Version 4 (``possessive_orgs``): a plural possessive and the head word of an organisation after it.
_POSSESSIVE_HEAD_RE = re.compile(r"(?<=s)['’][ \t]+([A-Z][a-z]+)\b")


def _title_at(text: str, tokens: list[tuple[int, int]], i: int) -> int:
    """How many tokens from ``i`` form a title or honorific followed by a name (0 if none)."""
    s, e = tokens[i]
    if text[s:e] not in _TITLE_FIRST_WORDS:
        return 0
    for n in range(min(TITLE_WORDS_MAX, len(tokens) - i - 1), 0, -1):
        phrase = " ".join(text[s:e] for s, e in tokens[i:i + n])
        if phrase in ALL_TITLES:
            return n
    return 0



# A sentence end inside a capitalised sequence ("... Okoro. Dede was ..."): not one name.
SENTENCE_BREAK_RE = re.compile(r"(?<=[a-z]{2})\.(?=[ \t]+[A-Z])")
# Words before a lone unknown name that make it a place ("in Ruvo", "near Tolu").
PLACE_CUE_WORDS = frozenset({"in", "near", "at", "outside", "from", "to", "into", "around", "towards", "toward"})


def retype_by_context(text: str, candidates: list[Candidate], min_population: int) -> list[Candidate]:
    """Version 2: a lone unknown name after "in", "near", "at" ... is a place unless it names a person
    of the article ("in Ruvo"); a small gazetteer town that is a person's name in the article is that
    person ("Marlow" the mayor, not a town of that name)."""
    candidates = [c for c in candidates if not (c.type in ("PER", "ORG") and c.text.split()[-1] in OCCASION_HEADS)]
    people = {w for c in candidates if c.type == "PER" and not c.single for w in c.text.split()}
    for c in candidates:
        if c.type == "PER" and c.single and org_subtype(c.text) is not None and c.text.istitle():
            c.type, c.single = "ORG", False  # "Police said", "Customs officials"
        elif c.type == "PER" and c.single and c.text not in people and " " not in c.text:
            before = text[max(0, c.start - 12):c.start].split()[-1:]
            if before and before[0] in PLACE_CUE_WORDS and not is_common_word(c.text) and not c.text.isupper():
                c.type, c.place = "LOC", Place(c.text, "GPE", "city", None, None, 0)
        elif (c.type == "LOC" and not c.cue and c.text in people and c.place is not None
              and c.place.subtype != "country" and c.place.population < min_population):
            c.type, c.place, c.single = "PER", None, True
    return candidates
