"""Version 4: the type of a listed trigger chosen by its sentence where the guidelines decide between
two types by context (3.2.2: votes, contact against statements, help against money, protest against
meeting; 5 r: contracts)."""
from __future__ import annotations

import re

from extractors.rules.fallback import fallback_sense

# A number right before a noun: "312,408 votes", "118 of 164 votes".
_COUNT_BEFORE_RE = re.compile(r"\d[\d,.]*\s*$")
# Forms of a vote, a noun or a verb.
_VOTE_FORMS = frozenset("vote votes voted voting".split())
# Contact verbs whose event is a STATEMENT when what they say is reported (3.2.2 "Contact").
_CONTACT_LEMMAS = frozenset({"write", "speak", "talk"})
# What follows a contact verb when it is a contact, not a report: an addressee, a medium of contact.
_CONTACT_AFTER_RE = re.compile(r"\s*(?:\w+ly\s+)?(?:to|with|by phone|by telephone|by video)\b(?!\s+(?:the\s+)?"
                               r"(?:media|press|reporters|journalists|public)\b)", re.IGNORECASE)


# Objects of "cut" that make it job cuts (BUSINESS lay_off) or a cut in public money (POLICY).
_JOBS = frozenset("job jobs worker workers staff posts positions shifts workforce employees redundancies "
                  "roles".split())
_PUBLIC_MONEY = frozenset("spending budget budgets tax taxes tariff tariffs subsidy subsidies rates "
                          "allowance allowances benefits aid funding".split())
# Sites whose closing is BUSINESS close_facility (the inventory: "a plant, shop, office, mine or other site").
_SITES = frozenset("plant plants factory factories mill mills shop shops store stores branch branches office offices "
                   "mine mines school schools hospital hospitals clinic clinics site sites station stations church "
                   "churches parish parishes outlet outlets depot depots warehouse warehouses restaurant restaurants "
                   "hotel hotels bank banks port ports airport terminal refinery smelter shipyard brewery "
                   "unit units business businesses firm firms company companies".split())
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _cut_or_close(lemma: str, sense: tuple[str, str | None, bool], before: str,
                  after: str) -> tuple[str, str | None, bool]:
    """"cut" is BUSINESS lay_off only for jobs (POLICY for public money); "close", "shut" are BUSINESS
    close_facility only with a site named right after or before them; otherwise OTHER (3.4: ending).

    >>> _cut_or_close("cut", ("BUSINESS", "lay_off", False), "it will", " 800 jobs by June")
    ('BUSINESS', 'lay_off', False)
    >>> _cut_or_close("close", ("BUSINESS", "close_facility", False), "they tried to", " a valve on the pipe")
    ('OTHER', None, False)
    """
    ahead = _WORD_RE.findall(after.lower())[:6]
    behind = _WORD_RE.findall(before.lower())[-6:]
    if lemma == "cut":
        if _JOBS.intersection(ahead):
            return sense
        return ("POLICY", None, sense[2]) if _PUBLIC_MONEY.intersection(ahead) else ("OTHER", None, sense[2])
    if _SITES.intersection(ahead) or _SITES.intersection(behind):
        return sense
    return "OTHER", None, sense[2]


# Words of a sentence about help given without return (3.2.2 "Money"; 5 s: doses, equipment of a charity).
_AID_WORDS = frozenset("charity charities foundation donor donors aid relief humanitarian ngo dose doses "
                       "vaccine vaccines donation donations volunteers".split())
# Words of a sentence about a protest (a crowd gathering with banners is DEMONSTRATE, not MEET).
_PROTEST_WORDS = frozenset("protest protests protesting protested protesters banner banners placard placards "
                           "chanting chanted chants slogans demonstrators demonstration vigil sit-in".split())
# Words of a sentence about a court (a hearing elsewhere, a committee's or a public one, is MEET).
_COURT_WORDS = frozenset("court courts judge judges tribunal trial magistrate magistrates prosecutor prosecutors "
                         "jury lawyer lawyers defendant defendants bail appeal verdict".split())
# What is received when "receive" is no transfer: a message ("received a complaint", "no reply").
_RECEIVED_MESSAGE_RE = re.compile(r"\s+(?:a|an|any|no|the|several|many|\d+)\s+(?:\w+\s+)?(?:complaint|complaints|"
                                  r"notice|reply|replies|response|request|requests|letter|letters|call|calls|message|"
                                  r"messages|report|reports|information|warning|warnings|invitation)\b")
# Places visited: visiting one is a movement (MOVE), visiting people a meeting (MEET).
_VISITED_PLACE_RE = re.compile(r"\s+the\s+(?:\w+\s+)?(?:site|scene|area|region|town|village|city|country|plant|"
                               r"factory|mine|port|border|camp|camps|island|district|province)\b")


def _by_sentence(lemma: str, sense: tuple[str, str | None, bool], words: frozenset[str],
                 after: str) -> tuple[str, str | None, bool] | None:
    """The type the sentence's words give a trigger of two possible types, or None when it is no event.

    >>> _by_sentence("lend", ("TRANSACTION", "transfer_money", False), frozenset({"charity"}), " the clinic")
    ('SUPPORT', 'aid', False)
    >>> _by_sentence("receive", ("TRANSACTION", "transfer_money", False), frozenset(), " a complaint")
    """
    etype, _, is_noun = sense
    if lemma == "receive" and _RECEIVED_MESSAGE_RE.match(after):
        return None
    if etype == "TRANSACTION" and lemma in ("contract", "contracts"):
        return "AGREE", None, is_noun  # a contract is a deal (5 r: awarding one is AGREE)
    if etype == "TRANSACTION" and words & _AID_WORDS:
        return "SUPPORT", "aid", is_noun
    if etype == "MEET" and lemma in ("gather", "gathering") and words & _PROTEST_WORDS:
        return "DEMONSTRATE", "rally", is_noun
    if etype == "LEGAL" and lemma in ("hearing", "hearings") and not words & _COURT_WORDS:
        return "MEET", "meet", is_noun
    if etype == "MEET" and lemma == "visit" and not is_noun and _VISITED_PLACE_RE.match(after):
        return "MOVE", "transport", is_noun
    return sense


def retyped(word: str, lemma: str, sense: tuple[str, str | None, bool], sentence: str,
            after: str, before: str = "") -> tuple[str, str | None, bool] | None:
    """The (type, subtype, is a noun) of a trigger from the table, corrected by its sentence: a vote is
    POLICY ``legislate`` unless the sentence is about an election to an office; "wrote", "spoke" are a
    STATEMENT unless an addressee or a medium of contact follows ("spoke by phone with X"); "cut",
    "close", "shut" by what they act on (:func:`_cut_or_close`); the others by :func:`_by_sentence`.
    None when the trigger is no event here ("received a complaint").

    >>> retyped("vote", "vote", ("PERSONNEL", "elect", True), "Workers backed the deal in a vote.", "")
    ('POLICY', 'legislate', True)
    >>> retyped("wrote", "write", ("MEET", "phone_write", False), "She wrote on social media that", " on social")
    ('STATEMENT', None, False)
    >>> retyped("wrote", "write", ("MEET", "phone_write", False), "She wrote to the mayor.", " to the mayor.")
    ('MEET', 'phone_write', False)
    """
    etype, subtype, is_noun = sense
    if word in ("votes", "ballots") and _COUNT_BEFORE_RE.search(before):
        return None  # "won 312 votes", "by 41 votes to 12": a count, not a vote
    if word in _VOTE_FORMS and etype == "PERSONNEL":
        return (*fallback_sense("vote", sentence), is_noun)
    if lemma in _CONTACT_LEMMAS and etype == "MEET" and not is_noun and not _CONTACT_AFTER_RE.match(after):
        return "STATEMENT", None, is_noun
    if lemma in ("cut", "close", "shut") and etype == "BUSINESS" and not is_noun:
        return _cut_or_close(lemma, sense, before, after)
    return _by_sentence(lemma, sense, frozenset(_WORD_RE.findall(sentence.lower())), after)
