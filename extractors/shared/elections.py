"""Version 5: one table of the words that make a vote, a result or a win an election to an office
(guidelines 3.2.2 "Elections and votes", 5 r), for both extractors.

Version 4 wrote this rule twice with different words: ``rules`` took a vote for an election when its
sentence named an election or an office without "ballot" or "referendum" (``_OFFICE_WORDS`` of
:mod:`extractors.rules.fallback`), spaCy when the sentence had any word of ``ELECTION_WORDS`` but a
vote's own forms, "ballot" and "referendum" included (a referendum is POLICY by the guidelines). Here:

* a vote on a motion, a bill, an offer or a referendum is POLICY ``legislate`` (5 r), whatever else
  the sentence says;
* otherwise a vote is PERSONNEL ``elect`` when its sentence names an election by another word
  (:data:`ELECTION_NAMES`: "election", "candidate", "elected", "runoff") or the article is about an
  election (:func:`election_article`: "after a split vote" in an article about a mayor's election);
* a result, a win or a defeat is PERSONNEL ``elect`` when its sentence names an election, or has a
  vote or a ballot, or the article is about one, unless the sentence is about a motion, a tender or a
  match ("won the contract", "had beaten three bidders": CONTEST, 5 r).

General English only; the spaCy helper may read the same table behind a switch of its own.
"""
from __future__ import annotations

import re

from extractors.shared.triggers_v2 import ELECTION_WORDS, RESULT_LEMMAS

# A vote's own forms: they say nothing about what the vote is for.
VOTE_FORMS: frozenset[str] = frozenset("vote votes voted voting ballot ballots".split())
# Words that name an election to an office by another word than a vote.
ELECTION_NAMES: frozenset[str] = (ELECTION_WORDS - VOTE_FORMS - {"referendum"}) | frozenset(
    """elect elects elected electing re-elect re-elected re-election reelected reelection electoral runoff run-off
    by-election candidates candidacy governorship mayoral presidential parliamentary""".split())
# What a vote on a rule or an offer decides (5 r): such a vote is POLICY even in an election article.
MOTION_WORDS: frozenset[str] = frozenset(
    """bill bills law laws motion motions budget budgets offer offers deal proposal proposals amendment amendments
    referendum resolution resolutions ordinance ordinances measure measures merger strike strikes contract
    contracts agreement reform reforms constitution decree""".split())
# Words of a tender or an auction: winning one is CONTEST ``result`` (5 r), even in an article about politics.
TENDER_WORDS: frozenset[str] = frozenset("tender tenders bid bids bidder bidders auction auctions".split())
# Words of sport: an article with more of them than of elections is about a contest.
SPORT_WORDS: frozenset[str] = frozenset("match matches game games league cup final tournament championship season "
                                        "club team goal goals race player players coach".split())
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of ``text``."""
    return frozenset(_WORD_RE.findall(text.lower()))


def election_article(text: str) -> bool:
    """Whether an article is about an election: at least three words naming one, and more than words of
    sport (counted with repeats).

    >>> election_article("The election was close. Both candidates voted early. The electoral board met.")
    True
    >>> election_article("The club won the league. The election of a new coach is next season's.")
    False
    """
    words = _WORD_RE.findall(text.lower())
    election = sum(w in ELECTION_NAMES for w in words)
    return election >= 3 and election > sum(w in SPORT_WORDS for w in words)


def vote_sense(sentence: str, about_election: bool) -> tuple[str, str]:
    """The (type, subtype) of a vote in ``sentence``.

    >>> vote_sense("Members voted to accept the offer.", True)
    ('POLICY', 'legislate')
    >>> vote_sense("The town needed unity after a split vote.", True)
    ('PERSONNEL', 'elect')
    >>> vote_sense("Voters cast ballots for three candidates.", False), vote_sense("They held a vote.", False)
    (('PERSONNEL', 'elect'), ('POLICY', 'legislate'))
    """
    words = words_of(sentence)
    if words & MOTION_WORDS:
        return "POLICY", "legislate"
    if words & ELECTION_NAMES or about_election:
        return "PERSONNEL", "elect"
    return "POLICY", "legislate"


def result_is_election(sentence: str, about_election: bool) -> bool:
    """Whether a result, win or defeat in ``sentence`` is an election's.

    >>> result_is_election("She told delegates after the result was announced.", True)
    True
    >>> result_is_election("The result was a draw.", False), result_is_election("It won the contract.", True)
    (False, False)
    """
    words = words_of(sentence)
    if words & ELECTION_NAMES:
        return True
    if words & (MOTION_WORDS | TENDER_WORDS | SPORT_WORDS):
        return False  # "won the contract", "had beaten three bidders", "the result of the ballot on the offer"
    return bool(words & VOTE_FORMS or about_election)


def election_sense(word: str, lemma: str, sense: tuple[str, str | None, bool], sentence: str,
                   about_election: bool) -> tuple[str, str | None, bool]:
    """A trigger's (type, subtype, is a noun), with votes and results typed by this module's table.

    >>> election_sense("result", "result", ("CONTEST", None, True), "The result was announced.", True)
    ('PERSONNEL', 'elect', True)
    >>> election_sense("voted", "vote", ("PERSONNEL", "elect", False), "They voted on the bill.", True)
    ('POLICY', 'legislate', False)
    """
    etype, _, is_noun = sense
    if (word in VOTE_FORMS or lemma == "vote") and etype in ("PERSONNEL", "POLICY"):
        return (*vote_sense(sentence, about_election), is_noun)
    if lemma in RESULT_LEMMAS and etype == "CONTEST" and result_is_election(sentence, about_election):
        return "PERSONNEL", "elect", is_noun
    return sense
