"""Version 5 (``portfolio_titles``): the portfolio of an office before its title is part of the title,
not a name (guidelines 1: a title is no part of a person's mention).

News names ministers and secretaries by their portfolio in capitals: "Fisheries Minister X", "Deputy
Housing Minister X", "Regional Transport Secretary X", "the Water Resources Cabinet Secretary, X". Version 4
read the capitalised portfolio before the title as a name of its own (a person "Housing", an
organisation "Fisheries"), and a portfolio and its title with no name after them ("the province's
Mining Minister, X, said") as a person. A portfolio is a run of ordinary English words (each
frequent in lower case: "fisheries", "housing", "transport"); a name ("Ruiz"), a known place or an acronym
("UN", "EU") is not one, so "UN Secretary-General X" keeps its organisation.
"""
from __future__ import annotations

from typing import Container

# A portfolio's words are ordinary English words: at least this frequent in lower case (wordfreq's Zipf
# scale; 3.5 keeps "fisheries" and "mining", leaves out most surnames and given names).
PORTFOLIO_ZIPF = 3.5

# Heads of offices that take a portfolio before them ("Finance Minister", "Home Secretary",
# "Trade Commissioner"); heads that follow an organisation's name as often ("Apple Chief Executive")
# are left out.
OFFICE_HEADS: frozenset[str] = frozenset(
    "Minister Secretary Commissioner Secretary-General Minister-designate Undersecretary".split())


def is_portfolio(words: list[str], places: Container[str] = ()) -> bool:
    """Whether capitalised ``words`` before an office's title are its portfolio: each an ordinary
    English word in title case (not an acronym, a name, a number or one of ``places``: "Kenya Trade
    Minister" keeps its state).

    >>> is_portfolio(["Fisheries"]), is_portfolio(["Ruiz"]), is_portfolio(["UN"]), is_portfolio(["Ghent"], {"Ghent"})
    (True, False, False, False)
    """
    from wordfreq import zipf_frequency

    return bool(words) and all(w.isalpha() and w.istitle() and w not in places
                               and zipf_frequency(w.lower(), "en") >= PORTFOLIO_ZIPF for w in words)


def portfolio_title(words: list[str], places: Container[str] = ()) -> bool:
    """Whether a run of capitalised ``words`` is a portfolio and the head of an office, with no name
    after it ("Mining Minister", "Water Resources Cabinet Secretary").

    >>> portfolio_title(["Infrastructure", "Minister"]), portfolio_title(["Minister"])
    (True, False)
    >>> portfolio_title(["Ana", "Ruiz"])
    False
    """
    return len(words) >= 2 and words[-1] in OFFICE_HEADS and is_portfolio(words[:-1], places)


def before_office(words: list[str], title: str, places: Container[str] = ()) -> bool:
    """Whether ``words`` are the portfolio of the title that follows them ("Energy" before "Minister X").

    >>> before_office(["Energy"], "Minister"), before_office(["Energy"], "Mayor")
    (True, False)
    """
    return title.split()[-1] in OFFICE_HEADS and is_portfolio(words, places)
