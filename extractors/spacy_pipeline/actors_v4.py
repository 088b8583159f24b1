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
from extractors.spacy_pipeline.doc_index import conj_root

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
        root = conj_root(ent.root)  # indexed: climbing a list of thousands of names from each was quadratic
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
    for sent in _sentences_before(token, SUBJECT_REACH):
        # doc.text[sent.end_char:token.idx], from the tokens between: Doc.text joins every token of the
        # article anew on each access (quadratic, once per pronoun)
        doc = token.doc
        if "\n\n" in doc[sent.end - 1].whitespace_ + doc[sent.end:token.i].text_with_ws:
            return None
        r = sentence_subject(sent, ref)
        if r is not None:
            return r if genders.get(r[0]) == {gender} else None
    return None


def _sentences_before(token: Any, count: int) -> list[Any]:
    """The ``count`` sentences before the token's (nearest first), reached one by one from its own:
    a list of every sentence of the article, made for every pronoun, was quadratic."""
    out: list[Any] = []
    sent = token.sent
    while len(out) < count and sent.start > 0:
        sent = token.doc[sent.start - 1].sent
        out.append(sent)
    return out


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


# Pronouns of the first person plural: in a direct quote, the body its speaker speaks for (1.2).
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
# Prepositions that name the body of a role after its noun ("chairman of X", "director at X").
BODY_PREPS = frozenset({"of", "at", "for"})
# Dependencies that put a role noun beside a name ("the director, X", "coach X", "X, chairman of Y").
ROLE_LINKS = frozenset({"appos", "compound"})


def speaker_body(doc: Any, speaker: dict[str, Any], ref: list[Any]) -> Any:
    """The organisation or state a speaker speaks for, as a token reference, or None: the speaker
    itself when it is no person; else the body its role noun names beside one of its names ("the
    union's president, X", "X, chairman of Y", "Y coach X", "its director, X")."""
    if speaker["type"] != "PER":
        return next((r for t in doc if (r := ref[t.i]) is not None and r[0] == speaker["id"]), None)
    for m in speaker["mentions"]:
        if m["kind"] != "name":
            continue
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None:
            continue
        for role in _roles_beside(span):
            body = _body_of_role(role, ref, speaker["id"])
            if body is not None:
                return body
    return None


def _roles_beside(span: Any) -> list[Any]:
    """The common nouns in apposition or compound with a name ("director" in "the director, X")."""
    root = span.root
    near = [root.head] if root.dep_ in ROLE_LINKS else []
    near += [c for c in root.children if c.dep_ in ROLE_LINKS and not (span.start <= c.i < span.end)]
    if span.start > 0:
        near.append(span.doc[span.start - 1])  # "Y chairman X": the noun right before the name
    return [t for t in near if t.pos_ == "NOUN" and t.i != root.i]


def _body_of_role(role: Any, ref: list[Any], speaker_id: str) -> Any:
    """The non-person actor a role noun belongs to: its possessor ("the union's"), a name
    compounded with it ("Rovers coach") or the object of "of"/"at" after it."""
    candidates = [c for c in role.children if c.dep_ in ("poss", "compound")]
    candidates += [p for c in role.children if c.dep_ == "prep" and c.lower_ in BODY_PREPS
                   for p in c.children if p.dep_ == "pobj"]
    for c in candidates:
        r = ref[c.i]
        if r is not None and r[1] and not r[2] and r[0] != speaker_id:
            return r
    return None


def body_mentions(doc: Any, quotes: list[dict[str, Any]], ref: list[Any], actors: list[dict[str, Any]]) -> None:
    """Give "we", "us", "our" inside a direct or mixed quote to the body its speaker speaks for
    (:func:`speaker_body`; guidelines 1.2), as pronoun mentions, and mark their tokens."""
    by_id = {a["id"]: a for a in actors}
    bodies: dict[str, Any] = {}
    for q in quotes:
        speaker = by_id.get(q.get("speaker") or "")
        if q["kind"] not in ("direct", "mixed") or speaker is None:
            continue
        if speaker["id"] not in bodies:
            bodies[speaker["id"]] = speaker_body(doc, speaker, ref)
        body = bodies[speaker["id"]]
        span = doc.char_span(q["content"]["start"], q["content"]["end"], alignment_mode="expand")
        if body is None or span is None:
            continue
        for t in span:
            if t.lower_ in FIRST_PLURAL and t.pos_ == "PRON" and ref[t.i] is None:
                by_id[body[0]]["mentions"].append({"start": t.idx, "end": t.idx + len(t), "text": t.text,
                                                   "kind": "pronoun"})
                ref[t.i] = body
        by_id[body[0]]["mentions"].sort(key=lambda m: (m["start"], m["end"]))


def person_words(doc: Any) -> dict[str, set[str]]:
    """Every word of the names of two or more words that spaCy labels a person ("Ana Ruiz": "Ana",
    "Ruiz"), with the names it is in: a place name among them is more likely that person's name."""
    out: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            name = ent.text.strip()  # once per name: a "name" of thousands of tokens was rebuilt per token
            for t in ent:
                out.setdefault(t.text, set()).add(name)
    return out


def in_other_name(surface: str, words: dict[str, set[str]]) -> bool:
    """Whether a word of a name is also a word of another person's name in the article."""
    return any(words.get(w, set()) - {surface} for w in surface.split())


def speaks_or_is_named(doc: Any, tokens: range, reporting: dict[str, str]) -> bool:
    """Whether a name stands where only a person or a body does: the subject of a reporting verb,
    before ", who", or in front of a capitalised word that continues the name."""
    root = doc[tokens.stop - 1]
    if root.dep_ == "compound" and root.head.i > root.i and root.head.is_title:
        return True  # "X Town drew": the place names a longer name (a team, a firm)
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in reporting:
        return True
    last = tokens.stop
    return last + 1 < len(doc) and doc[last].text == "," and doc[last + 1].lower_ == "who"


# Nouns of bodies that an apposition uses to say what a name is ("X, a software company,").
BODY_NOUNS = frozenset("""company firm operator group charity shelter organisation organization agency maker
    developer provider producer manufacturer insurer lender bank miner carrier airline retailer startup
    cooperative association union club team subsidiary venture consortium conglomerate broadcaster
    publisher network chain school university college hospital clinic institute foundation fund
    ministry department council board committee commission party movement alliance coalition""".split())


def org_by_cues(doc: Any, tokens: range) -> bool:
    """Whether a name spaCy labels a person stands where an organisation does: in apposition with a
    noun of a body ("X, a software company,", "the operator, X,"), or before ", which" (a person
    takes "who"); "X said it would" is left out, as "it" is as often something the person speaks of.

    General English only: the noun list is of kinds of bodies, not of any article's names."""
    root = doc[tokens.stop - 1]
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for n in nouns:  # "one of the largest shelters": the noun after "of"
        nouns += [p for c in n.children if n.lower_ == "one" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if any(n.pos_ == "NOUN" and n.lemma_.lower() in BODY_NOUNS and _comma_between(doc, n.i, root.i) for n in nouns):
        return True
    last = tokens.stop
    if last + 1 < len(doc) and doc[last].text == "," and doc[last + 1].lower_ == "which":
        return True
    return False


def _comma_between(doc: Any, i: int, j: int) -> bool:
    """Whether a comma stands between tokens ``i`` and ``j``: an apposition set off by commas ("the
    operator, X"), not a noun run on into a name ("the club X")."""
    lo, hi = min(i, j), max(i, j)
    return any(t.text == "," for t in doc[lo:hi])


# Plural nouns of an organisation's own people who speak or act for it (guidelines 5 l 1).
MEMBER_NOUNS = frozenset("members officials executives delegates representatives staff".split())
# Of them, those an employer acts upon as often (5 l: "laid off its staff"): members only as subjects.
ACTED_UPON = frozenset({"staff"})


def member_body(token: Any, ref: list[Any], bodies: dict[str, Any]) -> tuple[Any, bool]:
    """The organisation a plural noun of members belongs to, as a token reference, and whether the noun is
    its mention (True: "its members", "union officials", "the ministry's officials") or the organisation
    is named by an of-, from- or at-phrase that is the mention itself ("members of the union": False);
    (None, False) when no organisation or state is named beside it. ``bodies``: a common noun ->
    the organisation it was last a mention of ("union")."""
    if token.lower_ not in MEMBER_NOUNS or token.tag_ != "NNS" and token.lower_ != "staff":
        return None, False
    if token.lower_ in ACTED_UPON and token.dep_ not in ("nsubj", "nsubjpass"):
        return None, False
    for c in token.children:
        r = ref[c.i] if c.dep_ in ("poss", "compound") else None
        if r is None and c.dep_ == "compound" and c.pos_ == "NOUN":
            r = bodies.get(c.lower_)  # "union officials": the union the text has named before
        if r is not None and r[1] and not r[2]:
            return r, True
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "at"):
            for p in c.children:
                r = ref[p.i] if p.dep_ == "pobj" else None
                if r is not None and r[1] and not r[2]:
                    return r, False
    return None, False


def member_mentions(doc: Any, ref: list[Any], mention_of: dict[int, Any], actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Version 4 (``member_nouns``): members, officials and delegates of a named organisation are its
    mentions (guidelines 5 l 1), taken from the group of people they were given alone; the actors
    left without a mention are dropped. Returns the actors."""
    by_id = {a["id"]: a for a in actors}
    bodies: dict[str, Any] = {}
    for t in doc:
        r = ref[t.i]
        if r is not None and r[1] and not r[2] and t.dep_ != "compound":
            bodies[t.lower_] = r  # "the union", or the head of a name ("... Workers Union")
        body, is_mention = member_body(t, ref, bodies)
        if body is None or ref[t.i] == body:
            continue
        old = by_id.get(ref[t.i][0]) if ref[t.i] is not None else None
        if old is not None:
            old["mentions"] = [m for m in old["mentions"] if m["start"] != t.idx]
        ref[t.i] = body  # the speaker or agent it stands for, mention or not
        if is_mention:
            new = by_id[body[0]]
            new["mentions"] = sorted([*new["mentions"], {"start": t.idx, "end": t.idx + len(t), "text": t.text,
                                                         "kind": "nominal"}], key=lambda m: (m["start"], m["end"]))
            mention_of[t.i] = (t.idx, t.idx + len(t))
        else:  # "officials of the union said": the speaker's mention is "union"
            mention_of[t.i] = next((mention_of[p.i] for c in t.children if c.dep_ == "prep"
                                    for p in c.children if p.i in mention_of and ref[p.i] == body), (t.idx, t.idx + len(t)))
    return [a for a in actors if a["mentions"]]


# Lower-case nouns of sites a name can stand before ("the X mine"): the name is the site's, no actor's.
FACILITY_NOUNS = frozenset("""mine plant factory mill pipeline dam refinery smelter quarry terminal airport
    stadium bridge warehouse depot shipyard reactor field""".split())


def facility_names(doc: Any) -> dict[str, tuple[int, str]]:
    """Version 4 (``facility_names``): the names spaCy labels a person, an organisation or a nationality
    that stand between "the" and a lower-case noun of a site ("the X copper mine"): surface -> (the
    index of the site noun, the site's name "X mine"). Names with an organisation's head are left alone."""
    out: dict[str, tuple[int, str]] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS or is_org_name(ent.text.split()) or ent.start == 0:
            continue
        if doc[ent.start - 1].lower_ != "the" or ent[-1].dep_ != "compound":
            continue
        head = ent[-1].head
        if head.i > ent[-1].i and head.pos_ == "NOUN" and head.lower_ in FACILITY_NOUNS \
                and all(t.pos_ in ("NOUN", "ADJ") for t in doc[ent.end:head.i]):
            out.setdefault(ent.text, (head.i, f"{ent.text} {head.text}"))
    return out


# Words that open the name of a river, a lake or a mountain in English and the Romance languages.
LEADING_GEO_HEADS = frozenset("Rio Río Lake Lago Lac Mount Monte Mont".split())


def geographic_name(words: list[str]) -> bool:
    """Version 4 (``geo_heads``): whether a name of two words or more opens with a geographic head
    ("Rio X", "Lake X", "Mount X") and is no organisation's name ("Mount X College").

    >>> geographic_name(["Rio", "Verde"]), geographic_name(["Lake", "View", "College"]), geographic_name(["Rio"])
    (True, False, False)
    """
    return len(words) >= 2 and words[0] in LEADING_GEO_HEADS and not is_org_name(words)
