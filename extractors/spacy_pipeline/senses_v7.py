"""Version 7 of the ``spacy`` extractor's event types: senses the inventory's definitions decide from
the clause around a trigger (``schema/event_inventory.yaml``, guidelines 3.2.2 and 5 r, t).

* ``contact_verbs``: speaking, talking or writing WITH or TO a party is contact (MEET; ``phone_write``
  when written or by phone), not a statement: "The mayor spoke by phone with the union" and
  "The residents wrote to the council" are the inventory's own examples; "wrote that ..." and
  speaking to the press stay statements (3.2.2 "Contact").
* ``weak_verb_senses``: verbs the lexicon leaves out as too vague alone ("release", "free", "award",
  "grant", "fine", "charge", "sentence") typed by what they act on: a person released or freed is
  LEGAL ``release_parole`` (a document released is a STATEMENT, money a TRANSACTION, a patient
  leaving hospital a MOVE, 5 t); awarding or granting a contract or tender is AGREE (5 r); a party
  fined, charged with something or sentenced is LEGAL.
* ``contract_agreements``: a contract noun is an agreement (AGREE, 5 r), not a payment; a contract
  only examined by another act names a document and is no event (3.1 "Not events").

General English classes only.
"""
from __future__ import annotations

from functools import cache
from typing import Any

from extractors.shared.inflection import verb_forms
from extractors.shared.triggers_v2 import ELECTION_WORDS
from extractors.spacy_pipeline.doc_index import cached, sentence_words
from extractors.spacy_pipeline.roles_v4 import with_role

# Verbs of talking or writing that are contact when they have a party to talk with or write to.
CONTACT_LEMMAS = frozenset({"speak", "talk", "write", "chat", "converse"})
# Words of a medium at a distance (MEET ``phone_write``).
DISTANCE_WORDS = frozenset("phone telephone video videoconference email e-mail letter message text call".split())
# Audiences one speaks to publicly: speaking to them is a statement, not contact between parties.
AUDIENCES = frozenset("media press reporter journalist public audience crowd supporter viewer listener".split())
# Reciprocal objects ("spoke to each other").
RECIPROCAL = frozenset({"other", "another"})
# Entity labels of parties.
PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Verbs the lexicon leaves out as too vague alone, decided here by their objects.
RELEASE_LEMMAS = frozenset({"release", "free"})
AWARD_LEMMAS = frozenset({"award", "grant"})
# Nouns of a thing made public: releasing one is a statement.
DOCUMENT_NOUNS = frozenset("""statement report letter video footage figures figure data results findings details
    list document documents photo photos photograph photographs image images transcript recording recordings audio
    memo note notes text guidelines guidance name names evidence information update forecast estimate
    estimates survey poll result""".split())
# Nouns of money: releasing it is a payment.
MONEY_NOUNS = frozenset("funds fund money cash payment payments arrears salary salaries wages grant grants "
                        "budget allocation".split())
# Nouns of an agreement one awards or grants (5 r: "Awarding a contract or tender -> AGREE"); a licence or
# permit granted is an authorisation, OTHER (3.2.2), so it is not here.
AWARDED_DEALS = frozenset("contract contracts tender tenders deal deals".split())
# Nouns of custody and its end: the release they go with is a legal one.
CUSTODY_WORDS = frozenset("bail custody prison jail detention charge charges parole police questioning "
                          "cell cells".split())
# Nouns of a place of care one is released or discharged from (5 t: MOVE).
CARE_NOUNS = frozenset({"hospital", "clinic", "care", "ward"})
# Verbs that examine a contract as a document (3.1: the contract is no agreement reached).
EXAMINE_LEMMAS = frozenset("review audit check examine inspect scrutinise scrutinize study read publish leak "
                           "investigate probe".split())
# Pronouns and quantity words that stand for people as the subject of a release ("all three were freed").
PEOPLE_WORDS = frozenset("he she they we i you him her them all both each one two three four five six seven "
                         "eight nine ten".split())


def contact_sense(t: Any, ref: list[Any]) -> tuple[str, str | None] | None:
    """MEET (``phone_write`` at a distance) for "spoke with X", "talked to X", "wrote to X", "spoke by phone
    with X" whose X is a party (an actor, a name, a personal pronoun, "each other"); a STATEMENT when X is
    an audience ("spoke to reporters"); None (the caller decides) otherwise or when content follows ("wrote that")."""
    lemma = t.lemma_.lower()
    if lemma not in CONTACT_LEMMAS or any(c.dep_ == "ccomp" for c in t.children):
        return None
    party = False
    for obj in _contact_objects(t):
        if obj.lemma_.lower() in AUDIENCES:
            return "STATEMENT", None
        party = party or _is_party_noun(obj, ref)
    if not party:
        return None
    distance = lemma == "write" or any(w.lower_ in DISTANCE_WORDS for c in t.children if c.dep_ == "prep"
                                       and c.lower_ in ("by", "over", "via", "on") for w in c.subtree)
    return "MEET", "phone_write" if distance else None


def _contact_objects(t: Any) -> list[Any]:
    """The objects of "to"/"with" after a verb, also where the parser hangs them on the medium ("spoke
    by phone with X")."""
    preps = [c for c in t.children if c.dep_ == "prep"]
    preps += [p for c in preps for o in c.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep"]
    return [o for p in preps if p.lower_ in ("to", "with") for o in p.children if o.dep_ == "pobj"]


def _is_party_noun(token: Any, ref: list[Any]) -> bool:
    """Whether the object of "with"/"to" is a party: an actor, a name of a person, group or state, a
    personal pronoun, "each other", or a noun whose possessor or modifier is one ("the firm's owners",
    "a UN envoy"); not an abstract noun ("spoke with emotion")."""
    if token.lower_ in RECIPROCAL or (token.pos_ == "PRON" and token.lower_ in PEOPLE_WORDS):
        return True
    words = [token, *(c for c in token.children if c.dep_ in ("poss", "compound"))]
    return any((ref[w.i] is not None and ref[w.i][1]) or w.ent_type_ in PARTY_LABELS for w in words)


@cache
def _weak_lemmas() -> dict[str, str]:
    """Each form of the vague verbs -> its lemma (by the form: the tagger's lemma of "fined" is "fin")."""
    lemmas = RELEASE_LEMMAS | AWARD_LEMMAS | {"fine", "charge", "sentence"}
    return {form: lemma for lemma in lemmas for form in verb_forms(lemma)}


def weak_verb_sense(t: Any, ref: list[Any]) -> tuple[str, str | None] | None:
    """The sense of a vague verb ("release", "award", "fine", ...) from what it acts on, or None."""
    lemma = _weak_lemmas().get(t.lower_)
    if t.pos_ != "VERB" or lemma is None:
        return None
    if lemma in RELEASE_LEMMAS:
        return _release_sense(t, ref)
    if lemma in AWARD_LEMMAS:
        things = _acted_on(t) + ([t.head] if t.dep_ == "acl" else [])  # "a contract awarded in May"
        return ("AGREE", None) if any(_word_in(w, AWARDED_DEALS) for w in things) else None
    passive = any(c.dep_ == "auxpass" for c in t.children)
    person = passive or any(_is_party(o, ref) for o in _acted_on(t))
    if lemma == "fine" and (person or any(c.dep_ in ("dobj", "dative") for c in t.children)):
        return "LEGAL", "fine"  # "fined a company 2 million": a sum fined is a penalty too
    if lemma == "charge" and person and _has_prep(t, ("with", "over")):
        return "LEGAL", "charge_indict"  # "charged with fraud" (not "charged a fee")
    if lemma == "sentence" and person:
        return "LEGAL", "sentence"
    return None


def _release_sense(t: Any, ref: list[Any]) -> tuple[str, str | None] | None:
    """A release by what is released: a document (STATEMENT), money (TRANSACTION), a patient from
    hospital (MOVE, 5 t), a person or one in custody (LEGAL ``release_parole``); None when unclear."""
    words = {w.lemma_.lower() for c in t.children if c.dep_ == "prep" for w in c.subtree}
    if not CARE_NOUNS.isdisjoint(words):
        return "MOVE", "transport"
    things = _acted_on(t) + ([t.head] if t.dep_ == "acl" else [])  # "a letter released by his office"
    if any(w.ent_type_ == "MONEY" or _word_in(w, MONEY_NOUNS) for w in things):
        return "TRANSACTION", "transfer_money"
    if any(_word_in(w, DOCUMENT_NOUNS) for w in things):
        return "STATEMENT", None
    if not CUSTODY_WORDS.isdisjoint(words) or any(_is_party(w, ref) for w in things):
        return "LEGAL", "release_parole"
    return None


def _acted_on(t: Any) -> list[Any]:
    """What a verb acts on: its object, its passive subject, or (a passive conjunct without a subject
    of its own) the subject of the verb it is coordinated with ("was detained and later released")."""
    own = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    if not own and t.dep_ == "conj" and any(c.dep_ == "auxpass" for c in t.children):
        own = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if own and own[0].dep_ == "nsubjpass" and own[0].lower_ in ("who", "that") and t.dep_ == "relcl":
        own = [t.head]
    return own


def _is_party(token: Any, ref: list[Any]) -> bool:
    """Whether a token stands for a person or group: an actor, a person's name, a personal pronoun,
    or a number or quantity of people ("the six were released")."""
    r = ref[token.i]
    return (r is not None and r[1]) or token.ent_type_ in ("PERSON", "NORP") or token.lower_ in PEOPLE_WORDS \
        or token.pos_ == "NUM"


def _word_in(token: Any, words: frozenset[str]) -> bool:
    """Whether a token's form or lemma is one of the words (the tagger's lemmas of plurals vary)."""
    return token.lower_ in words or token.lemma_.lower() in words


def _has_prep(t: Any, words: tuple[str, ...]) -> bool:
    """Whether a verb has a prepositional dependent of one of these words."""
    return any(c.dep_ == "prep" and c.lower_ in words for c in t.children)


def contract_sense(t: Any, sense: tuple[str, str | None]) -> tuple[str, str | None] | None:
    """AGREE for a contract noun the lexicon types as a payment (5 r); None (no event) for a contract
    that a verb of examining acts on (3.1: a document, not an agreement reached)."""
    if t.pos_ != "NOUN" or t.lemma_.lower() != "contract" or sense[0] != "TRANSACTION":
        return sense
    if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in EXAMINE_LEMMAS:
        return None
    return "AGREE", None


# Types a reporting verb has of its own, which it takes where no quote is its complement (guidelines 3.1:
# "Such a verb is ACCUSE or SUPPORT only where it is no cue").
OWN_TYPES = frozenset({"ACCUSE", "SUPPORT"})


def uncued_type(t: Any, verbs: dict[str, tuple[str, str]], subtypes: dict[str, str]) -> tuple[str, str | None] | None:
    """The lexicon's own ACCUSE or SUPPORT type of a reporting verb no quote hangs on ("accused each other
    of bad faith", "praised the rescuers"), or None (it stays a STATEMENT)."""
    hit = verbs.get(t.lower_)
    if hit is None or hit[1] not in OWN_TYPES:
        return None
    return hit[1], subtypes.get(t.lower_)


# Forms of "vote" (they say nothing about what the vote is for).
VOTE_FORMS = frozenset({"vote", "votes", "voted", "voting"})
# Things members vote on (5 r, 3.2.2: a vote on a law, budget, motion or offer is POLICY ``legislate``).
MOTION_WORDS = frozenset("""motion motions bill bills law laws budget proposal proposals plan plans offer offers
    merger deal agreement amendment amendments resolution measure measures reform reforms strike
    constitution charter referendum""".split())
# Words for a person voted for ("vote for someone else").
PERSON_WORDS = frozenset("someone somebody anyone anybody him her them candidate candidates".split())


def vote_office_sense(t: Any, election_article: bool, ref: list[Any]) -> tuple[str, str | None]:
    """A vote is an election (PERSONNEL ``elect``, guidelines 3.2.2 "its vote") when its sentence names an
    election, when it is for or against a person, or when the article is about an election and the sentence
    names nothing else voted on; else a vote on a motion (POLICY ``legislate``, 5 r)."""
    words = sentence_words(t) - VOTE_FORMS
    if not ELECTION_WORDS.isdisjoint(words) or _for_a_person(t, ref):
        return "PERSONNEL", "elect"
    if election_article and MOTION_WORDS.isdisjoint(words) and not any(c.dep_ == "xcomp" for c in t.children) \
            and _names_elections(t.doc):  # "voted to merge" is a vote on a proposal
        return "PERSONNEL", "elect"
    return "POLICY", "legislate"


def _names_elections(doc: Any) -> bool:
    """Whether an article names an election by at least three words other than "vote" ("ballot",
    "candidate", "recount", ...): the caller's count of election words counts "vote" itself, which an
    article about a vote on a motion repeats. Counted once per article (asked for each vote)."""
    return cached(doc, "newsbench.v7.names_elections",
                  lambda d: sum(w.lower_ in ELECTION_WORDS and w.lower_ not in VOTE_FORMS for w in d) >= 3)


def _for_a_person(t: Any, ref: list[Any]) -> bool:
    """Whether a vote is for or against a person ("will vote for someone else", "voted against the mayor")."""
    preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "against")]
    objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return any(o.lower_ in PERSON_WORDS or o.ent_type_ == "PERSON" for o in objects)


# Objects of "withdraw" that make it a strike ("withdrew their labour").
LABOUR_NOUNS = frozenset({"labour", "labor", "service"})  # matched by form or lemma, as the next
# Nouns of people a body pulls back ("withdrew its soldiers"): a movement.
FORCE_NOUNS = frozenset("""troop force soldier army staff personnel diplomat ambassador envoy police officer unit
    peacekeeper worker employee team observer monitor delegation""".split())
# Nouns of a race or candidacy one withdraws from (PERSONNEL: the candidate leaves the contest for a post).
RACE_NOUNS = frozenset("race contest election candidacy candidature nomination running ballot poll".split())


def withdraw_sense(t: Any, sense: tuple[str, str | None], ref: list[Any],
                   actors: dict[str, dict[str, Any]]) -> tuple[str, str | None]:
    """The sense of "withdraw" (MOVE ``withdraw`` in the lexicon) by what is withdrawn: labour or a service
    (DEMONSTRATE ``strike``), a thing that is no party ("withdrew its support", "withdrew the bill": OTHER,
    nothing moves), a person alone withdrawing or leaving a race (PERSONNEL: a candidate's post, 3.3
    "also when he or she acts alone"); forces or staff pulled back, or leaving a place, stay a movement."""
    if sense[0] != "MOVE" or t.pos_ != "VERB" or t.lemma_.lower() != "withdraw":
        return sense
    objects = [c for c in t.children if c.dep_ == "dobj"]
    if any(_word_in(o, LABOUR_NOUNS) for o in objects):
        return "DEMONSTRATE", "strike"
    if objects:
        return sense if any(_is_party(o, ref) or _word_in(o, FORCE_NOUNS) for o in objects) else ("OTHER", None)
    left = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children if o.dep_ == "pobj"]
    if any(_word_in(o, RACE_NOUNS) for o in left):
        return "PERSONNEL", None
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    if not left and any(_is_person(s, ref, actors) or s.lemma_.lower() == "candidate" for s in subjects):
        return "PERSONNEL", None
    return sense


def _is_person(token: Any, ref: list[Any], actors: dict[str, dict[str, Any]]) -> bool:
    """Whether a token names one person: a PER actor that is no group (whatever spaCy's label of the name:
    "the strikers withdrew" is a group leaving), or a PERSON name."""
    r = ref[token.i]
    actor = actors.get(r[0], {}) if r is not None and r[1] else {}
    return (actor.get("type") == "PER" and actor.get("subtype") != "group") or token.ent_type_ == "PERSON"


def withdraw_roles(t: Any, etype: str, arguments: list[dict[str, str]]) -> list[dict[str, str]]:
    """A candidate who withdraws is the ``target`` of the PERSONNEL event (3.3: the person whose post
    changes, also when he or she acts alone), not its agent."""
    if etype != "PERSONNEL" or t.lemma_.lower() != "withdraw":
        return arguments
    return with_role(arguments, "agent", "target")


# Verbs of putting a document out or before a body (guidelines 3.2.2: a post, notice or message put out to
# the public whose content the text reports, even only by a noun, is a STATEMENT).
PUBLISH_LEMMAS = frozenset({"post", "publish", "submit", "table", "circulate"})
# Nouns of a public page a text is put on ("posted on its website").
PAGE_NOUNS = frozenset("website site page account board noticeboard feed channel".split())


def document_sense(t: Any) -> tuple[str, str | None] | None:
    """STATEMENT for a document posted, published, submitted or tabled ("a report submitted to the board",
    "asked that the report be tabled", "the change was posted on its website"), else None."""
    if t.pos_ != "VERB" or t.lemma_.lower() not in PUBLISH_LEMMAS:
        return None
    things = _acted_on(t) + ([t.head] if t.dep_ == "acl" else [])
    pages = [o for p in t.children if p.dep_ == "prep" and p.lower_ in ("on", "to") for o in p.children
             if o.dep_ == "pobj" and _word_in(o, PAGE_NOUNS)]
    return ("STATEMENT", None) if pages or any(_word_in(w, DOCUMENT_NOUNS) for w in things) else None
