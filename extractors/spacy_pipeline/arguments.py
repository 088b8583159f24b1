"""Version 3 of the ``spacy`` extractor's event arguments (profile switch ``arguments``, guidelines
3.3): the participants the parse states around a trigger beyond its own subject and object.

* the subject a verb trigger shares or inherits: a relative clause's antecedent ("X, who had asked"),
  the noun a participle modifies ("supporters gathered"), the subject of the verb it is coordinated
  with or controlled by ("agreed to meet", "travel to X to meet"), followed up the clause;
* a subject's appositive name before its possessor ("the group's director, Ana Ruiz, said" -> Ruiz),
  each conjunct of a coordinated subject, and a plural pronoun standing for the coordinated actors
  named just before it ("Ruiz and Lee ... They said");
* for event nouns: "by X", a light verb's subject ("held talks", "said in a statement"), the
  possessor of a change of post ("her nomination" -> target), "of X" as the noun's object;
* the sides of a meeting, deal or match after "with", "between" or "against";
* places after "in/at/outside/near" inside the trigger's objects and places, and place names that
  modify the trigger or its object ("the Tolu plant").
"""
from __future__ import annotations

from typing import Any, Iterator

from extractors.shared.events import Arguments
from extractors.shared.events_v2 import object_role, subject_role
from extractors.shared.lookups import Lexicons
from extractors.spacy_pipeline.entities import TokenRef
from extractors.spacy_pipeline.roles_v4 import object_role_v4, subject_role_v4
from extractors.spacy_pipeline.roles_v5 import object_places
from extractors.spacy_pipeline.arguments_v7 import government_state

# Pronouns that open a relative clause: the clause's subject is the noun the clause modifies.
RELATIVE = frozenset({"who", "which", "that", "whom"})
# Plural personal pronouns that may stand for coordinated actors named before them.
PLURAL = frozenset({"they", "them", "their"})
# Dependency labels of a verb that take their subject from the verb they hang on.
INHERITS = frozenset({"xcomp", "advcl", "conj"})
# Verbs whose object noun is the event they stand for, done by their subject ("held talks").
LIGHT_VERBS = frozenset("hold held holds holding give gave given gives issue issued issues make made makes launch "
                        "launched stage staged begin began start started lead led conduct conducted announce "
                        "announced end ended call called".split())
# Prepositions before a place where an event happens (those of version 2 and a few more).
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "within", "throughout", "on"})
# Dependency labels of a word that stands as a noun, whatever its tag ("reached the final").
NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# Event types whose sides are each a participant ("talks with X", "a match between X and Y").
SIDES = frozenset({"MEET", "AGREE"})
# Version 4: the roles of the giver and the receiver of a noun of help or money (guidelines 3.3).
GIVING: dict[tuple[str, str], str] = {("SUPPORT", "from"): "agent", ("TRANSACTION", "from"): "agent",
                                      ("SUPPORT", "to"): "target", ("TRANSACTION", "to"): "participant"}
# Words for a quantity or a part of a group that acts for the group ("hundreds of workers").
QUANTITIES = frozenset("hundreds thousands dozens millions scores some many most all several few both each half "
                       "majority minority part rest none one two three".split())
# How far back (tokens) a plural pronoun looks for its coordinated antecedents: the two sentences it
# reads hold at most ~170 tokens in the gold and development texts (the longest sentence, 419 characters).
THEY_REACH_TOKENS = 400


# A token not looked up yet by _actor_ref (None is a result: no actor).
_UNSEEN = object()


class ArgumentFinder:
    """Version 3 arguments of one parsed article (a part of
    :class:`extractors.spacy_pipeline.article.SpacyArticle`)."""

    doc: Any
    _actor_refs: dict[int, str | None]  # token index -> the actor _actor_ref found (set by the article)
    lex: Lexicons
    ref: list[TokenRef | None]
    actors: list[dict[str, Any]]

    def _is_noun(self, t: Any) -> bool:
        """Whether a trigger is a noun: tagged one, or (version 4) an adjective standing as a noun."""
        return t.pos_ == "NOUN" or (self.lex.profile.parse_triggers and t.pos_ == "ADJ" and t.dep_ in NOUN_DEPS)

    def _subject_role(self, etype: str, lemma: str, passive: bool, subtype: str | None) -> str | None:
        """The role of a subject: version 2's table, or version 4's (``parse_roles``)."""
        if self.lex.profile.parse_roles:
            return subject_role_v4(etype, lemma, passive, subtype)
        return subject_role(etype, lemma, passive, subtype)

    def _object_role(self, etype: str, subtype: str | None) -> str | None:
        """The role of an object actor: version 2's table, or version 4's (``parse_roles``)."""
        if self.lex.profile.parse_roles:
            return object_role_v4(etype, subtype)
        return object_role(etype, subtype)

    def _v3_arguments(self, t: Any, etype: str, lemma: str, subtype: str | None, args: Arguments) -> None:
        """Add the version 3 arguments of the trigger ``t`` to ``args``."""
        if self._is_noun(t):
            self._noun_arguments(t, etype, lemma, subtype, args)
        else:
            for subject, passive in self._subjects(t):
                role = self._subject_role(etype, lemma, passive, subtype)
                for ref in self._subject_refs(subject) if role is not None else []:
                    args.add(role, ref)
        sides = etype in SIDES or (etype == "CONTEST" and subtype == "compete")
        for prep in (c for c in t.children if c.dep_ == "prep"):
            word = prep.lower_
            if sides and word in ("with", "between", "against"):
                for obj in _objects(prep):
                    if (r := self._actor_ref(obj)) is not None:
                        args.add("participant", r)
        for place in self._places(t):
            args.add("place", place)
        if self.lex.profile.object_places and not any(a["role"] == "place" for a in args.items):
            for place in object_places(t, self._is_noun(t), self._place_ref):  # version 5: deeper places
                args.add("place", place)

    def _place_ref(self, token: Any) -> str | None:
        """Version 5: the location a token itself refers to, or None."""
        r = self.ref[token.i]
        return r[0] if r is not None and not r[1] else None

    def _cue_agents(self, cue: Any, event: dict[str, Any]) -> None:
        """The agents of a quote's cue whose quote has no speaker, from the cue's subject."""
        args = Arguments()
        for subject, _ in self._subjects(cue):
            for ref in self._subject_refs(subject):
                args.add("agent", ref)
        event["arguments"] = args.items

    def _subjects(self, t: Any, depth: int = 0) -> list[tuple[Any, bool]]:
        """The subject tokens of a verb trigger and whether the verb is passive, following relative
        clauses, participles, coordination and control up to three verbs away."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)
        own = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if own:
            if own[0].lower_ in RELATIVE and t.dep_ == "relcl":
                return [(t.head, passive)]
            return [(own[0], passive)]
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [(t.head, passive or (t.dep_ == "acl" and t.tag_ == "VBN"))]
        if t.dep_ == "xcomp" and (obj := next((c for c in t.head.children if c.dep_ == "dobj"), None)) is not None:
            return [(obj, passive)]  # object control: "asked X to explain"
        if t.dep_ in INHERITS and depth < 3 and t.head.pos_ in ("VERB", "AUX"):
            return [(s, passive) for s, _ in self._subjects(t.head, depth + 1)]
        return []

    def _subject_refs(self, subject: Any) -> list[str]:
        """The actors a subject token names: itself or its appositive name, then its compounds, then its
        possessor; each conjunct of a coordination; a plural pronoun's coordinated antecedents."""
        out = []
        if self.lex.profile.parse_roles:
            subject = self._group_of(subject)
        for token in [subject, *(c for c in subject.children if c.dep_ == "conj")]:
            ref = self._actor_ref(token)
            if ref is not None:
                out.append(ref)
            elif token.lower_ in PLURAL:
                out.extend(self._coordinated_before(token))
        return out

    def _group_of(self, token: Any) -> Any:
        """Version 4: the group a quantity or part of it stands for ("hundreds of workers", "some
        of the nurses" -> the workers, the nurses; guidelines 1.2), else the token itself."""
        if self.ref[token.i] is not None or not (token.pos_ == "NUM" or token.lower_ in QUANTITIES):
            return token
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        return obj if obj is not None else token

    def _actor_ref(self, token: Any) -> str | None:
        """The actor a token names: itself, else its appositive name or a name compounded with it (not
        its possessor: "the group's director" is not the group).

        Kept per token in ``_actor_refs`` (every token's reference is final once events are read): walking
        a token's children costs the width of its subtree, which in a text the parser leaves as one
        sentence is the whole text, read again for every pronoun looking back (quadratic)."""
        if (found := self._actor_refs.get(token.i, _UNSEEN)) is not _UNSEEN:
            return found
        r = self.ref[token.i]
        if r is None:
            for dep in ("appos", "compound", "nmod"):
                r = next((self.ref[c.i] for c in token.children if c.dep_ == dep and self.ref[c.i] is not None), None)
                if r is not None:
                    break
        if r is None and self.lex.profile.state_governments:  # version 7: "the Kenyan government"
            r = government_state(token, self.ref, self._actor_types())
        found = r[0] if r is not None and r[1] else None
        self._actor_refs[token.i] = found
        return found

    def _actor_types(self) -> dict[str, str]:
        """Version 7: each actor's type by id (the actors are final when arguments are read)."""
        if getattr(self, "_types", None) is None:
            self._types = {a["id"]: a["type"] for a in self.actors}
        return self._types

    def _coordinated_before(self, pronoun: Any) -> list[str]:
        """The actors of the last coordination of two or more actors ("X and Y") in the pronoun's
        sentence before it or in the sentence before that; none when there is no such pair."""
        sent = pronoun.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        # two real sentences hold far fewer tokens than this; a text without sentence ends (which the parser
        # may leave as one "sentence") would be read back to its start for every pronoun (quadratic)
        start = max(start, pronoun.i - THEY_REACH_TOKENS)
        for token in reversed(self.doc[start:pronoun.i]):
            if token.dep_ == "conj" or (first := self._actor_ref(token)) is None:
                continue
            refs = [first] + [r for c in token.children if c.dep_ == "conj" and (r := self._actor_ref(c)) is not None]
            if len(set(refs)) >= 2:
                return list(dict.fromkeys(refs))
        return []

    def _noun_arguments(self, t: Any, etype: str, lemma: str, subtype: str | None, args: Arguments) -> None:
        """An event noun's agent after "by" or as a light verb's subject, its possessor's role, and
        its object after "of"."""
        for c in t.children:
            if c.dep_ == "poss" and etype == "PERSONNEL" and (r := self._actor_ref(c)) is not None:
                args.add("target", r)
            elif c.dep_ == "prep" and c.lower_ == "by":
                role = self._subject_role(etype, lemma, False, subtype)
                for r in (self._actor_ref(o) for o in _objects(c)):
                    if r is not None and role is not None:
                        args.add(role, r)
            elif c.dep_ == "prep" and self.lex.profile.parse_roles and (role := GIVING.get((etype, c.lower_))):
                for r in (self._actor_ref(o) for o in _objects(c)):
                    if r is not None:
                        args.add(role, r)  # "a grant from X", "aid to Y"
            elif c.dep_ == "prep" and c.lower_ == "of" and (role := self._object_role(etype, subtype)) is not None:
                for r in (self._actor_ref(o) for o in _objects(c)):
                    if r is not None:
                        args.add(role, r)
        if any(c.dep_ == "poss" for c in t.children):
            return
        head = t.head
        if t.dep_ == "pobj" and head.lower_ == "in" and etype == "STATEMENT":
            head = head.head  # "said in a statement"
        elif not (t.dep_ == "dobj" and head.lower_ in LIGHT_VERBS):
            return
        if head.pos_ in ("VERB", "AUX") and (role := self._subject_role(etype, lemma, False, subtype)) is not None:
            for subject, _ in self._subjects(head):
                for ref in self._subject_refs(subject):
                    args.add(role, ref)

    def _places(self, t: Any) -> Iterator[str]:
        """Places after a place preposition inside the trigger's objects and places ("outside the
        office in X"), and place names modifying the trigger or its object."""
        heads = [t] + [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        if self.lex.profile.parse_roles and t.pos_ == "NOUN":  # version 4: "a meeting held in X"
            heads += [c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        seen: set[int] = set()
        while heads:
            head = heads.pop()
            if head.i in seen:
                continue
            seen.add(head.i)
            for c in head.children:
                if c.dep_ == "compound" and head is not t or (c.dep_ == "compound" and t.pos_ == "NOUN"):
                    r = self.ref[c.i]
                    if r is not None and not r[1]:
                        yield r[0]
                elif c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for obj in _objects(c):
                        r = self._ref_of(obj)
                        if r is not None and not r[1] and head is not t:
                            yield r[0]
                        heads.append(obj)


def _objects(prep: Any) -> list[Any]:
    """A preposition's objects with their conjuncts ("between X and Y")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return objects + [c for o in objects for c in o.conjuncts]
