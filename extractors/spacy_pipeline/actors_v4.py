"""Version 4 of the ``spacy`` extractor's actors, read from the parse (guidelines 1.1-1.3).

* ``place_names``: a name spaCy labels a person, an organisation or a nationality is a place where
  the parse puts it after a preposition of place ("offices in X and Y", "south of X", "the town of
  X"): a person or a body is hardly ever "in" someone. Every mention of the same surface follows.
* ``subject_pronouns``: "He said" at the start of a sentence refers to the person who was the subject
  of an earlier sentence, not to whoever was named last (an object, an apposition, a spokesman
  named at the end of the sentence before), when its gender allows it.
* ``agent_nouns``: a plural noun that names people by what they do ("smugglers", "growers",
  "holders", "industrialists") heads a description of a group of people (guidelines 1.2 "other
  collectives"): an agent noun of an English verb in "-er", or a noun in "-ist" or "-ian", where it is
  the subject of a verb or the agent of a passive.
* ``person_cues``: a name of two or three words that spaCy labels an organisation or a nationality is a
  person where it stands in apposition to a noun of a person's role ("the group's coordinator, X,")
  or before ", who" (a relative pronoun of people).
* ``first_person``: "I", "me", "my" inside a direct quote are mentions of its speaker (guidelines 1:
  "'I' in a quote is the speaker").

General English and the parse only, no article's word.
"""
from __future__ import annotations

from typing import Any

from extractors.shared.orgs import is_org_name
from extractors.shared.roles import PERSON_ROLES
from extractors.shared.verbs import verb_lemma

# Prepositions after which a name is a place ("in", "near"), not an actor.
PLACE_PREPS = frozenset("in at near inside outside across throughout around off".split())
# Nouns before "of X" that make X a place ("the town of X", "south of X").
PLACE_OF_HEADS = frozenset("""town city village capital province state region district county municipality
    suburb outskirts centre center north south east west northeast northwest southeast southwest
    north-east north-west south-east south-west""".split())
# Entity labels of actors that may be places in disguise.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Pronouns of a person that may open a sentence as its subject, with their gender.
SUBJECT_PRONOUNS = {"he": "male", "she": "female"}
# Pronouns whose gender an actor's other pronoun mentions reveal.
GENDER_OF = {"he": "male", "him": "male", "his": "male", "himself": "male",
             "she": "female", "her": "female", "hers": "female", "herself": "female"}
# How many sentences back "He said" looks for the subject it continues.
SUBJECT_REACH = 3


def place_surfaces(doc: Any) -> set[str]:
    """The surfaces of PERSON, ORG and NORP entities that the parse puts where a place stands: the
    object of a preposition of place, or of "of" after a noun of a place ("the town of X"), alone or
    coordinated ("in X and Y"); names with an organisation's head are left alone."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS or is_org_name(ent.text.split()):
            continue
        root = ent.root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        if root.dep_ != "pobj":
            continue
        prep = root.head
        if prep.lower_ in PLACE_PREPS or (prep.lower_ == "of" and prep.head.lower_ in PLACE_OF_HEADS):
            out.add(ent.text.strip())
    return out


def actor_genders(actors: list[dict[str, Any]], leave_out: int) -> dict[str, set[str]]:
    """Actor id -> the genders its pronoun mentions show (empty: unknown), without the mention that
    starts at ``leave_out`` (the pronoun being resolved)."""
    return {a["id"]: {GENDER_OF[m["text"].lower()] for m in a["mentions"]
                      if m["text"].lower() in GENDER_OF and m["start"] != leave_out} for a in actors}


def sentence_subject(sent: Any, ref: list[Any]) -> Any:
    """The person actor (a token reference) that is the subject of a sentence's main verb, or of a
    verb coordinated with it, or None; never the subject of a reported clause ("X won, Y said": Y)."""
    root = sent.root
    heads = [root, *(t for t in root.children if t.dep_ == "conj")]
    for head in heads:
        for t in head.children:
            r = ref[t.i] if t.dep_ in ("nsubj", "nsubjpass") else None
            if r is not None and r[1] and r[2]:
                return r
    return None


def opening_pronouns(doc: Any) -> list[Any]:
    """The "he"/"she" tokens that open a sentence as the subject of its main verb."""
    out = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_punct and not t.is_space), None)
        if first is not None and first.lower_ in SUBJECT_PRONOUNS and first.dep_ == "nsubj":
            out.append(first)
    return out


def continued_subject(token: Any, ref: list[Any], genders: dict[str, set[str]]) -> Any:
    """The person an opening "He"/"She" continues: the subject of the nearest sentence before it
    (within :data:`SUBJECT_REACH` sentences of the same paragraph) whose subject is a person of a
    gender that fits; None when there is none."""
    gender = SUBJECT_PRONOUNS[token.lower_]
    sents = list(token.doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start <= token.i < s.end)
    for sent in reversed(sents[max(0, k - SUBJECT_REACH):k]):
        if "\n\n" in token.doc.text[sent.end_char:token.idx]:
            return None
        r = sentence_subject(sent, ref)
        if r is not None:
            return r if genders.get(r[0]) == {gender} else None
    return None


def resolve_opening_pronouns(doc: Any, ref: list[Any], actors: list[dict[str, Any]]) -> None:
    """Move each opening "He"/"She" to the person whose subject it continues (:func:`continued_subject`)
    when the person it was given to has no sign of that gender and the subject has no other."""
    by_id = {a["id"]: a for a in actors}
    for token in opening_pronouns(doc):
        current = ref[token.i]
        if current is None or not current[1]:
            continue
        genders = actor_genders(actors, token.idx)
        new = continued_subject(token, ref, genders)
        if new is None or new[0] == current[0]:
            continue
        gender = SUBJECT_PRONOUNS[token.lower_]
        # "He said he accepted": the same person's pronouns later in the sentence follow the first
        for t in [token, *(t for t in token.sent if t.i > token.i and GENDER_OF.get(t.lower_) == gender
                            and ref[t.i] == current)]:
            _move(by_id[current[0]], by_id[new[0]], t.idx)
            ref[t.i] = new


def _move(old: dict[str, Any], new: dict[str, Any], start: int) -> None:
    """Move the mention that starts at ``start`` from actor ``old`` to actor ``new``."""
    mention = next(m for m in old["mentions"] if m["start"] == start)
    old["mentions"].remove(mention)
    new["mentions"].append(mention)
    new["mentions"].sort(key=lambda m: (m["start"], m["end"]))


# Pronouns of the first person singular: in a direct quote, its speaker (guidelines 1).
FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})


def first_person_mentions(doc: Any, quotes: list[dict[str, Any]], ref: list[Any],
                          actors: list[dict[str, Any]]) -> None:
    """Give "I", "me", "my" inside a direct quote with a person speaker to that speaker, as pronoun
    mentions, and mark their tokens (so that "I attended" has the speaker as agent)."""
    by_id = {a["id"]: a for a in actors}
    for q in quotes:
        speaker = by_id.get(q.get("speaker") or "")
        if q["kind"] != "direct" or speaker is None or speaker["type"] != "PER":
            continue
        span = doc.char_span(q["content"]["start"], q["content"]["end"], alignment_mode="expand")
        for t in span if span is not None else ():
            if t.lower_ in FIRST_PERSON and t.pos_ == "PRON" and ref[t.i] is None:
                speaker["mentions"].append({"start": t.idx, "end": t.idx + len(t), "text": t.text, "kind": "pronoun"})
                ref[t.i] = (speaker["id"], True, True)
        speaker["mentions"].sort(key=lambda m: (m["start"], m["end"]))


# Suffixes of nouns of people by their trade or creed ("activist", "technician").
PERSON_SUFFIXES = ("ist", "ian")


def agent_noun(lemma: str) -> bool:
    """Whether a noun lemma names a person by what they do: "-er" after an English verb
    ("grower", "smuggler"), or "-ist"/"-ian" ("activist", "technician").

    >>> agent_noun("smuggler"), agent_noun("sensor"), agent_noun("activist"), agent_noun("weather")
    (True, False, True, False)
    """
    if len(lemma) <= 5 or not lemma.isalpha():
        return False
    if lemma.endswith(PERSON_SUFFIXES):
        return True
    if not lemma.endswith("er"):  # "-or" names tools as often as people ("sensor", "generator")
        return False
    stem = lemma[:-2]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None
    return any(c is not None and verb_lemma(c) == c for c in (stem, stem + "e", doubled))


def group_of_agents(token: Any) -> bool:
    """Whether a plural common noun heads a description of a group of people by what they do."""
    return token.tag_ == "NNS" and token.pos_ == "NOUN" and agent_noun(token.lemma_.lower())


def person_by_cues(doc: Any, tokens: range, role_nouns: frozenset[str]) -> range | None:
    """The tokens of a name that stands where a person does, or None: in apposition after a noun of
    a person's role ("its chief technology officer, X,"), or before ", who". A given name spaCy left
    outside the entity ("Ana [Ruiz]") is taken in."""
    first, last = tokens.start, tokens.stop
    while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound" \
            and doc[first - 1].is_title and last - first < 3:
        first -= 1
    if last - first > 3 or (last - first < 2 and tokens.start == first):
        return None
    after_role = first >= 2 and doc[first - 1].text == "," and _role_noun(doc[first - 2], role_nouns)
    before_who = last + 1 < len(doc) and doc[last].text == "," and doc[last + 1].lower_ == "who"
    return range(first, last) if after_role or before_who else None


def _role_noun(token: Any, role_nouns: frozenset[str]) -> bool:
    """Whether a token is a singular noun of a person's role ("coordinator", "director")."""
    word = token.lower_
    return token.tag_ == "NN" and (word in role_nouns or word in PERSON_ROLES or agent_noun(word))
