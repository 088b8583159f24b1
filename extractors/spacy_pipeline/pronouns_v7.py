"""Version 7 of the ``spacy`` extractor's pronouns (profile switch ``pronoun_links``, guidelines 1:
pronouns are mentions): "they", "them", "their" and "it", "its" linked by the parse to the actor they
continue, so that an event whose argument is a pronoun has that actor as its argument.

English third-person pronouns refer back to the nearest noun phrase of their number, with a subject
preferred (subject continuity), and never to a co-argument of their own clause ("police dispersed
them": not the police). So a pronoun joins the actor of the nearest earlier noun of its number in its
sentence or the one before (same paragraph) when that noun is an actor's mention:

* plural ("they", "them", "their", "themselves"): the nearest plural noun (tagged NNS/NNPS) or an
  earlier plural pronoun already linked;
* singular neuter ("it", "its", "itself"): the nearest singular subject noun (people are "he" or
  "she", so a person's mention is no antecedent), when it is an organisation or a state.

Nothing is linked when that nearest noun is no actor (a thing: "the leak ... it"), is a coordination
("X and Y ... they": :mod:`.arguments` reads those), or when "it" is an empty subject ("it is
unclear whether"). A possessive pronoun is never the referent of the noun it possesses ("closed their
plants" is not done to them; "its chief executive said": the executive speaks, guidelines 5, not "it"),
so :meth:`extractors.spacy_pipeline.article.SpacyArticle._ref_of` skips it in version 7.
General English and the parse only, no article's word.
"""
from __future__ import annotations

from typing import Any

from extractors.spacy_pipeline.doc_index import cached, sentence_starts

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves", "theirs"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
# How far back (tokens) a pronoun looks for its antecedent at most: two sentences of the longest kind.
REACH_TOKENS = 400
# Verbs after which "it" is mostly an empty subject ("it seems", "it is unclear", "it takes time").
EMPTY_IT_HEADS = frozenset({"be", "seem", "appear", "happen", "take", "remain", "become", "matter", "mean", "rain",
                            "cost", "look", "feel", "sound", "make"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependency labels of a clause that takes its subject from the verb it hangs on ("used gas to disperse them").
CONTROLLED = frozenset({"xcomp", "advcl", "conj"})


def link_pronouns(doc: Any, ref: list[Any], mention_of: dict[int, tuple[int, int]],
                  actors: list[dict[str, Any]]) -> None:
    """Give every unlinked third-person pronoun whose antecedent is an actor to that actor: a pronoun
    mention on the actor, and its token marked with the actor's reference."""
    by_id = {a["id"]: a for a in actors}
    starts = cached(doc, "newsbench.sentence_starts", sentence_starts)
    for token in doc:
        word = token.lower_
        if token.pos_ != "PRON" or ref[token.i] is not None:
            continue
        if word in PLURAL_PRONOUNS:
            found = _antecedent(doc, token, ref, starts, plural=True)
        elif word in NEUTER_PRONOUNS and not _empty_it(token):
            found = _antecedent(doc, token, ref, starts, plural=False)
        else:
            continue
        if found is None or found[0] not in by_id:
            continue
        actor = by_id[found[0]]
        if word in NEUTER_PRONOUNS and found[2]:
            continue  # "it" never stands for a person
        actor["mentions"].append({"start": token.idx, "end": token.idx + len(token), "text": token.text,
                                  "kind": "pronoun"})
        actor["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        ref[token.i] = found
        mention_of[token.i] = (token.idx, token.idx + len(token))


def _empty_it(token: Any) -> bool:
    """Whether "it" is an empty subject or object: an expletive, the subject of a copula or a verb of
    seeming, or an object ("believe it"), which mostly stands for a thing or a clause."""
    if token.lower_ == "its":
        return False  # a possessive always stands for something
    if token.dep_ not in SUBJECT_DEPS:  # also an expletive ("expl")
        return True
    return token.head.lemma_.lower() in EMPTY_IT_HEADS


def _antecedent(doc: Any, pronoun: Any, ref: list[Any], starts: list[int], plural: bool) -> Any:
    """The reference of the nearest earlier noun of the pronoun's number in its sentence or the one
    before, or None when that noun is no actor, is coordinated, or is the pronoun's co-argument."""
    sent_start = starts[pronoun.i]
    start = starts[sent_start - 1] if sent_start > 0 else sent_start
    # two real sentences hold far fewer tokens; a text the parser leaves as one "sentence" would be read
    # back to its start for every pronoun (quadratic)
    start = max(start, pronoun.i - REACH_TOKENS)
    blocked = _co_arguments(pronoun)
    for t in reversed(doc[start:pronoun.i]):
        if t.is_space and "\n\n" in t.text:
            return None  # a paragraph break: a new topic
        if _coordinated(t, ref):
            return None  # "X and Y said they": the pair, which is no one actor
        if not plural and t.i >= sent_start and _thing_object(t, ref):
            return None  # "extend the scheme ... if it succeeds": a thing may be meant
        if not _fits(t, plural):
            continue
        if t.i in blocked or t.dep_ == "conj":
            return None
        r = ref[t.i]
        return r if r is not None and r[1] else None
    return None


def _fits(t: Any, plural: bool) -> bool:
    """Whether a token is a noun or a pronoun of the wanted number that could be an antecedent: for "it",
    only a singular subject, since objects and modifiers are mostly things. An earlier pronoun of the
    same number counts even when unlinked: then the topic is no actor ("extend it ... if it succeeds")."""
    if t.pos_ == "PRON":
        return t.lower_ in (PLURAL_PRONOUNS if plural else NEUTER_PRONOUNS)
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound":
        return False
    if plural:
        return t.tag_ in ("NNS", "NNPS")
    return t.tag_ in ("NN", "NNP") and t.dep_ in SUBJECT_DEPS


def _thing_object(t: Any, ref: list[Any]) -> bool:
    """Whether a token is a singular common noun, the object of a verb, that is no actor: "it" later in
    the same sentence may stand for that thing rather than for the subject before (across a sentence
    end the subject goes on: "X sold the unit. It will ...")."""
    return t.tag_ == "NN" and t.dep_ == "dobj" and ref[t.i] is None


def _coordinated(t: Any, ref: list[Any]) -> bool:
    """Whether a token heads a coordination of actors or pronouns ("she and the chairman")."""
    if t.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    conjuncts = [c for c in t.children if c.dep_ == "conj"]
    return bool(conjuncts) and any(ref[c.i] is not None or c.pos_ == "PRON" for c in [t, *conjuncts])


def _co_arguments(pronoun: Any) -> set[int]:
    """Token indices of the subjects of the pronoun's own clause (and of the clause that controls it):
    an object pronoun never refers to them ("police used gas to disperse them")."""
    if pronoun.dep_ in SUBJECT_DEPS or pronoun.dep_ == "poss":
        return set()
    verb = pronoun.head
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    out: set[int] = set()
    for _ in range(3):
        out.update(c.i for c in verb.children if c.dep_ in SUBJECT_DEPS)
        if verb.dep_ not in CONTROLLED or verb.head.i == verb.i:
            break
        verb = verb.head
    return out
