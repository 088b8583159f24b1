"""Version 8 of the ``spacy`` extractor's quotes (guidelines 2: spans, kinds, speakers; general English
syntax of reported speech).

``clause_mixed``: a quoted fragment that the parse puts inside the clausal complement of a reporting
verb standing before it ("the minister said he was stepping down “to allow investigators to work” and
insisted ...", "wrote on social media that the mayor “should resign”") is a mixed quote of that verb:
its content is the reported clause, from after "that" to the closing mark (2, mixed). Version 7 took the
nearest reporting verb after the closing mark as the cue ("... and insisted") and made the fragment a
direct quote.

``sentence_clauses``: every reporting verb with a clausal complement makes an indirect quote, not only
the first of a sentence and not only in sentences without quotation marks ("said X but confirmed that
Y", "called the plan “...” and said Y", "..., adding that Y"); a participle cue ("saying", "adding")
has the subject of the verb it depends on as its speaker (2: coordinated verbs share the subject). A
clause opened by a question word makes a quote only after a verb of asking (2, indirect questions:
"declined to say whether ..." is none).

``wordnet_cues``: for the two steps above, a verb with a clausal complement is a reporting verb also when
WordNet puts it among the verbs of communication (lexicographer file ``verb.communication``): its most
frequent sense, or its second when the first is no sense of thinking or feeling ("wrote that", "noted
that", "agreed that", "demanded that", "complained that"). Verbs of cognition ("estimate", "believe",
"find", "expect") and evidence ("show") stay no cue (2, not quotes); the speaker must still be an actor,
so "data indicate that" makes no quote.

``pronoun_speakers``: see :func:`pronoun_speakers`.
"""
from __future__ import annotations

import bisect
from typing import Any

from extractors.shared.lexicon import compatible, pronoun_info

from extractors.shared.output import span as span_of
from extractors.shared.quotes import QUOTE_MARKS
from extractors.shared.wordnet import ancestors, is_kind, lexname, senses
from extractors.spacy_pipeline.entities import SUBJECTS

# Words that open only an embedded question after "say" (guidelines 2, indirect questions): "what",
# "who", "where" and "when" also open a free relative ("says what worries her is ..."), "if" a condition
# ("said if the rains fail, ..."), both reported speech.
QUESTION_WORDS = frozenset({"whether", "how", "why"})
# Pronouns that stand as a cue's subject; a possessive ("Its director said") names another speaker.
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})
# WordNet synsets of asking: a verb with one of them among its first two senses may report a question.
ASKING_ROOTS = frozenset({"ask.v.01", "ask.v.05", "question.v.03"})
# WordNet synsets of hope and fear: a verb whose first sense lies below one reports a stance (2).
STANCE_ROOTS = frozenset({"desire.v.01", "worry.v.01", "fear.v.01"})
# A sense of communication below thinking ("suspect", "speculate", "guess") is a belief put into words:
# a verb of cognition, no cue (guidelines 2).
THINKING_ROOTS = frozenset({"think.v.03"})
# Lexicographer files of a first sense that keeps a verb's second sense of communication from counting.
MENTAL_FILES = frozenset({"verb.cognition", "verb.emotion", "verb.perception"})


def clause_of(finder: Any, cue: Any) -> Any:
    """The clausal complement of a reporting verb that follows it, or None; with ``statement_clauses``
    also the that-clause the parser hangs on the noun of "said in a statement that ..." (see
    :func:`statement_clause`)."""
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if comp is None and finder.lex.profile.statement_clauses:
        return statement_clause(cue)
    return comp


def statement_clause(cue: Any) -> Any:
    """``statement_clauses``: in "said in a statement that X", "wrote in a letter to staff that X" the
    parser makes "that X" a clause of the noun; a clause opened by "that" with a subject of its own,
    attached to the object of a preposition of the reporting verb, is what the verb reports."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.i > cue.i):
        for noun in (c for c in prep.subtree if c.dep_ == "pobj"):
            for clause in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i):
                marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
                if marks and any(c.dep_ in SUBJECTS for c in clause.children):
                    return clause
    return None


def clause_bounds(doc: Any, comp: Any) -> tuple[int, int] | None:
    """Token bounds (first, last) of a reported clause without "that" and edge punctuation; a closing
    quotation mark at its end stays (2: "a mixed quote whose clause ends with a quoted fragment includes
    the closing mark")."""
    first, last = comp.left_edge.i, comp.right_edge.i
    while first <= last and (doc[first].lower_ == "that" or (doc[first].is_punct and doc[first].text not in QUOTE_MARKS)):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in QUOTE_MARKS:
        last -= 1
    if last - first < 2:
        return None
    return first, last



def _char_end(doc: Any, last: int) -> int:
    """Where content ending at token ``last`` ends."""
    return doc[last].idx + len(doc[last])


def is_cue(finder: Any, token: Any) -> bool:
    """Whether a token is a reporting verb for the version 8 steps: version 7's cue test, or
    (``wordnet_cues``) a verb of communication by WordNet with a clausal complement."""
    if finder._is_cue(token):
        return True
    if token.pos_ != "VERB" or clause_of(finder, token) is None:
        return False
    profile = finder.lex.profile
    return bool((profile.wordnet_cues and communication_verb(token.lower_))
                or (profile.stance_cues and stance_verb(token.lower_)))


def stance_verb(word: str) -> bool:
    """``stance_cues``: whether WordNet's most frequent sense of a verb is a feeling of hope or fear
    ("hoped that", "fear that", "worry that"): stance verbs with a clause are reporting cues
    (guidelines 2, "hoped").

    >>> stance_verb("hoped"), stance_verb("fear"), stance_verb("regret"), stance_verb("believe")
    (True, True, False, False)
    """
    first = senses(word, "v")[:1]
    return bool(first) and lexname(first[0]) == "verb.emotion" and bool(ancestors(first[0]) & STANCE_ROOTS)


def communication_verb(lemma: str) -> bool:
    """Whether WordNet's most frequent sense of a verb is one of communication, or its second is and the
    first is no sense of thinking, feeling or perceiving; neither below thinking ("suspect").

    >>> communication_verb("write"), communication_verb("complain"), communication_verb("estimate")
    (True, True, False)
    >>> communication_verb("expect"), communication_verb("show"), communication_verb("suspect")
    (False, False, False)
    """
    first = senses(lemma, "v")[:2]
    if not first:
        return False
    if lexname(first[0]) == "verb.communication":
        return not ancestors(first[0]) & THINKING_ROOTS
    return (len(first) > 1 and lexname(first[0]) not in MENTAL_FILES and lexname(first[1]) == "verb.communication"
            and not ancestors(first[1]) & THINKING_ROOTS)


def unasked_question(doc: Any, first: int, cue: Any) -> bool:
    """Whether reported content opening at token ``first`` is a question after a verb that is no asking
    ("would not say whether ...", "did not explain how ..."): no quote (guidelines 2, indirect questions;
    also ``question_clauses`` for version 7's first clause of a sentence)."""
    return doc[first].lower_ in QUESTION_WORDS and not asking_verb(cue.lower_)


def asking_verb(lemma: str) -> bool:
    """Whether one of a verb's first two senses is asking ("ask", "inquire", "wonder", "query")."""
    return is_kind(lemma, "v", ASKING_ROOTS, first=2)


def embedding_cue(finder: Any, quote: Any) -> Any:
    """The reporting verb before a quotation whose clausal complement holds the quotation's first word
    with words of the clause before the opening mark, or None."""
    doc = finder.doc
    inner = quote.start + 1 if quote.start + 1 < quote.end else quote.start
    node = doc[inner]
    while node.head.i != node.i:
        head = node.head
        if node.dep_ == "ccomp" and head.i < quote.start and is_cue(finder, head):
            bounds = clause_bounds(doc, node)
            if bounds is not None and bounds[0] < quote.start:
                return head
            return None
        node = head
    return None


def clause_mixed(finder: Any, quote: Any) -> dict[str, Any] | None:
    """``clause_mixed``: the mixed quote of a quotation set inside a reported clause, or None. The
    clause ends before a coordinated reporting verb of the same subject ("said X “...” and insisted
    that Y": Y is a quote of its own)."""
    cue = embedding_cue(finder, quote)
    if cue is None:
        return None
    doc = finder.doc
    first, last = clause_bounds(finder.doc, clause_of(finder, cue))
    last = _before_next_cue(finder, first, last, quote.end)
    end = max(_char_end(doc, last), quote_end(doc, quote))
    start = doc[first].idx
    return finder._quote(start, end, cue, "mixed")


def _before_next_cue(finder: Any, first: int, last: int, after: int) -> int:
    """The last token of a clause that stops before a coordinated reporting verb without a subject of its
    own standing after token ``after`` (with its "and"/"but" and commas)."""
    doc = finder.doc
    for t in doc[after:last + 1]:
        if t.dep_ == "conj" and is_cue(finder, t) and not any(c.dep_ in SUBJECTS for c in t.children):
            end = t.i - 1
            while end > first and (doc[end].dep_ == "cc" or doc[end].is_punct) and doc[end].text not in QUOTE_MARKS:
                end -= 1
            return end
    return last


def merge_same_cue(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``clause_mixed``: one mixed quote per cue: two quoted fragments in one reported clause make the
    same quote twice; the one reaching further (up to the later closing mark) stays."""
    best: dict[tuple[int, str], dict[str, Any]] = {}
    kept: list[dict[str, Any]] = []
    for q in quotes:
        if q["kind"] != "mixed" or not q.get("cue"):
            kept.append(q)
            continue
        key = (q["cue"]["start"], q["kind"])
        if key not in best or q["content"]["end"] > best[key]["content"]["end"]:
            best[key] = q
    return kept + list(best.values())


def quote_end(doc: Any, quote: Any) -> int:
    """The end offset of a quotation span, its closing mark included."""
    last = doc[quote.end - 1]
    return last.idx + len(last)


def participle_speaker(cue: Any) -> Any:
    """The subject token of the verb a participle cue depends on ("said ..., adding that"), or None."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    return next((c for c in cue.head.children if c.dep_ in SUBJECTS), None)


def sentence_clauses(finder: Any, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``sentence_clauses``: the indirect (or mixed) quotes of every reporting verb with a clausal
    complement that no quote found yet covers: its cue is no cue yet and its content overlaps none."""
    doc, text = finder.doc, finder.text
    cues = {q["cue"]["start"] for q in quotes if q.get("cue")}
    spans = [(q["content"]["start"], q["content"]["end"]) for q in quotes]
    found: list[dict[str, Any]] = []
    for t in doc:
        if t.idx in cues or not is_cue(finder, t):
            continue
        comp = clause_of(finder, t)
        bounds = clause_bounds(doc, comp) if comp is not None else None
        if bounds is None:
            continue
        if unasked_question(doc, bounds[0], t):
            continue  # "declined to say whether": no question is reported (2)
        start, end = doc[bounds[0]].idx, _char_end(doc, bounds[1])
        cut = split_before(finder, quotes, t) if finder.lex.profile.split_cues else None
        others = spans if cut is None else [(c["content"]["start"], c["content"]["end"])
                                            for c in quotes + found if c is not cut[0]]
        if any(s < end and start < e for s, e in others):
            continue
        q = finder._quote(start, end, t, "mixed" if any(ch in text[start:end] for ch in QUOTE_MARKS[:3]) else "indirect")
        if cut is not None:  # the verb shares the subject of the cue whose clause held it
            cut[0]["content"] = cut[1]
            q["speaker"], q["speaker_mention"] = cut[0]["speaker"], cut[0]["speaker_mention"]
        if q["speaker"] is None:
            continue
        found.append(q)
        spans = [(c["content"]["start"], c["content"]["end"]) for c in quotes + found]
    return found


def split_before(finder: Any, quotes: list[dict[str, Any]], cue: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """``split_cues``: "said the bridge would reopen but admitted that the repairs had cost more": when the
    parser puts a coordinated reporting verb without a subject of its own inside the clause an earlier
    cue reports, the earlier quote's content ends before it (with its "and"/"but"), and the verb's own
    clause is a quote of the same speaker (guidelines 2: coordinated verbs share the subject). The earlier
    quote and its cut content, or None."""
    if cue.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in cue.children):
        return None
    doc = finder.doc
    for q in quotes:
        if q.get("cue") and q["cue"]["end"] <= cue.idx and q["content"]["start"] < cue.idx < q["content"]["end"]:
            first = doc.char_span(q["content"]["start"], q["content"]["start"] + 1, alignment_mode="expand").start
            end = cue.i - 1
            while end > first and (doc[end].dep_ == "cc" or doc[end].is_punct) and doc[end].text not in QUOTE_MARKS:
                end -= 1
            if end - first < 2:
                return None
            return q, span_of(finder.text, q["content"]["start"], _char_end(doc, end))
    return None


def pronoun_speakers(finder: Any, quotes: list[dict[str, Any]]) -> None:
    """``pronoun_speakers``: a pronoun that is the subject of a quote's cue ("He said", "It added")
    continues the speaker of the quote just before it, when that quote's cue stands in the same or the
    previous sentence and its speaker fits the pronoun (a person of a fitting gender for "he"/"she", an
    organisation for "it", a group or organisation for "they"): a reporter's next sentence about what
    someone said goes on with the same voice, where the nearest earlier noun of the pronoun's number,
    which version 7 took, is often one from the reported content. ``quotes`` are in text order."""
    actors = {a["id"]: a for a in finder.actors}
    genders = {finder._group_id(g): g.gender for g in finder.groups}
    for before, quote in zip(quotes, quotes[1:]):
        mention, speaker = quote.get("speaker_mention"), before.get("speaker")
        info = pronoun_info(mention["text"]) if mention and mention["text"].lower() in SUBJECT_PRONOUNS else None
        if info is None or speaker is None or speaker == quote["speaker"] or not before.get("cue"):
            continue
        if _fits(info, actors.get(speaker), genders.get(speaker, "unknown")) and _near(finder, before, quote):
            quote["speaker"] = speaker


def _fits(info: Any, actor: dict[str, Any] | None, gender: str) -> bool:
    """Whether a pronoun can stand for an actor: by person, number and gender."""
    if actor is None:
        return False
    if info.person and info.number == "singular":
        return actor["type"] == "PER" and actor.get("subtype") != "group" and compatible(info.gender, gender)
    if info.number == "plural":
        return actor["type"] == "ORG" or actor.get("subtype") == "group"
    return actor["type"] == "ORG"


def _near(finder: Any, before: dict[str, Any], quote: dict[str, Any]) -> bool:
    """Whether the earlier quote's cue stands in the same sentence as the later one's or the one before."""
    doc = finder.doc
    sents = [s.start for s in doc.sents] if not hasattr(finder, "_sent_starts") else finder._sent_starts
    finder._sent_starts = sents

    def index(offset: int) -> int:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        token = span.start if span is not None else 0
        return bisect.bisect_right(sents, token) - 1

    return 0 <= index(quote["cue"]["start"]) - index(before["cue"]["start"]) <= 1
