"""Version 6 (round 2) argument rules of :class:`extractors.rules.events.EventFinder`, as a mixin whose
methods the finder calls behind its switches (the tests of each rule are in :mod:`extractors.rules.args_v6`)."""
from __future__ import annotations

import bisect

from extractors.rules.args_v6 import (
    RECEIVER_ROLE,
    by_gap,
    giver_gap,
    noun_by_gap,
    participle,
    receiving_verb,
    receiving_verb_before,
    setting_gap,
)
from extractors.rules.mentions import Ref
from extractors.shared.events import Arguments


class EventRulesV6:
    """Argument rules for news of any topic: settings' places, receivers and givers, "by" agents."""

    text: str
    triggers: list[tuple[int, int, tuple[str, str]]]
    cues: list[tuple[int, int]]

    def _trigger_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every trigger and cue word, sorted (indexed once)."""
        if getattr(self, "_spans_v6", None) is None:
            self._spans_v6 = sorted({(s, e) for s, e, _ in self.triggers} | set(self.cues))
        return self._spans_v6

    def _setting_between(self, end: int, place_start: int) -> bool:
        """``place_settings``: whether the triggers between an act ending at ``end`` and a place are one
        event noun that is the act's setting ("told a news conference in X", "signed it at a ceremony
        held in X"), so that the place is the act's too."""
        spans = self._trigger_spans()
        i = bisect.bisect_left(spans, (end, end))
        inside = [(s, e) for s, e in spans[i:i + 3] if s < place_start]
        nouns = [(s, e) for s, e in inside if self.text[s:e].islower()]
        if not inside or len(nouns) != len(inside):
            return False
        return setting_gap(self.text[end:nouns[0][0]], self.text[nouns[-1][1]:place_start])

    def _receiving_verb(self, start: int, end: int, etype: str, is_passive: bool) -> bool:
        """``receiver_roles``: whether the verb trigger at ``start`` receives money or help."""
        return (self.lex.profile.receiver_roles and etype in RECEIVER_ROLE and not is_passive  # type: ignore[attr-defined]
                and receiving_verb(self.text[start:end]))

    def _receipt_noun_after(self, start: int, end: int, etype: str, s_end: int) -> bool:
        """Whether a receiving verb's object is a noun trigger naming the act of giving ("received a loan",
        "secured a grant"): then that noun is the trigger (guidelines 5 q), not the verb."""
        if not receiving_verb(self.text[start:end]):
            return False
        for s, e, (_, noun_type) in self.triggers:
            if end < s < min(s_end, end + 60) and noun_type in RECEIVER_ROLE \
                    and receiving_verb_before(self.text, start, s) == start:
                return True
        return False

    def _giver(self, end: int, after: list[Ref], args: Arguments) -> None:
        """The first actor after "from" behind a received thing is its giver, the agent."""
        r = next((r for r in after if r.is_actor), None)
        if r is not None and giver_gap(self.text[end:r.start]):
            args.add("agent", r.ref)

    def _receiver_arguments(self, start: int, end: int, etype: str, after: list[Ref], args: Arguments) -> bool:
        """``receiver_roles``: the arguments of a noun naming money or help that a verb of receiving
        governs ("the cooperative secured a loan from the bank"): the verb's subjects receive, the actor
        after "from" gives. False when no such verb governs the noun."""
        if etype not in RECEIVER_ROLE:
            return False
        s_start = self.sentences.of(start)[0]  # type: ignore[attr-defined]
        verb = receiving_verb_before(self.text, s_start, start)
        if verb is None:
            return False
        for r in self._subjects_v3(verb):  # type: ignore[attr-defined]
            args.add(RECEIVER_ROLE[etype], r.ref)
        self._giver(end, after, args)
        return True

    def _by_agent(self, start: int, end: int, is_passive: bool, after: list[Ref], args: Arguments) -> None:
        """``by_agents``: the actor of a "by" phrase a few words after a participle is its agent ("founded
        in 2019 by a group", "built for the ministry by a private firm"); a subject taken for the agent of
        a participle is then its target (a passive without "be": "the firm, founded by ...")."""
        if not (is_passive or participle(self.text[start:end])):
            return
        if any(a["role"] == "agent" and self._ref_after(a["ref"], end) for a in args.items):
            return
        r = next((r for r in after if r.is_actor and by_gap(self.text[end:r.start])), None)
        if r is None or not (is_passive or self.text[end:r.start].lstrip().startswith("by")
                             or not any(a["role"] == "agent" for a in args.items)):
            return
        args.add("agent", r.ref)

    def _ref_after(self, ref: str, end: int) -> bool:
        """Whether an argument's actor has a mention after ``end`` in the trigger's sentence."""
        s_end = self.sentences.of(end)[1]  # type: ignore[attr-defined]
        i = bisect.bisect_left(self.ref_starts, end)  # type: ignore[attr-defined]
        return any(r.ref == ref for r in self.refs[i:] if r.start < s_end)  # type: ignore[attr-defined]

    def _noun_by_agent(self, end: int, after: list[Ref], args: Arguments) -> None:
        """``by_agents``: "complaints filed by his camp": the actor of the participle's "by" phrase."""
        r = next((r for r in after[:3] if r.is_actor and noun_by_gap(self.text[end:r.start])), None)
        if r is not None and not any(a["role"] == "agent" for a in args.items):
            args.add("agent", r.ref)
