"""Version 8 (``abbreviation_periods``): periods of abbreviations that end no sentence in news copy
(guidelines 0: the sentence is the unit of arguments, 3.3, and of indirect quotes, 2).

Version 1 kept an honorific, an initial or a dotted acronym from ending a sentence. News of any topic
writes more abbreviations with a period: the months of wire style before a day ("since Sept. 12",
"on Aug. 1"), a number sign ("No. 3"), a saint's name ("St. Olaf") and a company's suffix before its
verb ("Tolva Corp. said"). An English sentence never opens with a lower-case word, so a period before
one ends none; a month's abbreviation before a digit, "No." before a digit and "St." before a
capitalised name end none either.
"""
from __future__ import annotations

# Abbreviations of months in wire style (AP: Jan., Feb., Aug., Sept., Oct., Nov., Dec.; others write
# Mar., Apr., Jun., Jul., Sep.): a day's number follows them.
_MONTHS = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_NUMBER_SIGNS = frozenset({"No", "Nos", "no", "nos"})


def abbreviation_period(text: str, period_end: int, next_start: int) -> bool:
    """Whether the period ending at ``period_end`` (the next sentence would open at ``next_start``)
    closes an abbreviation rather than a sentence.

    >>> text = "since Sept. 12 and at St. Olaf; Tolva Corp. said so. Then it ended."
    >>> [abbreviation_period(text, text.index(w) + len(w), text.index(w) + len(w) + 1)
    ...  for w in ("Sept.", "St.", "Corp.", "so.")]
    [True, True, True, False]
    """
    following = text[next_start:next_start + 1]
    if not following:
        return False
    if following.islower():
        return True  # "Tolva Corp. said": no sentence opens with a lower-case word
    words = text[max(0, period_end - 8):period_end - 1].split()
    word = words[-1] if words else ""
    if following.isdigit():
        return word in _MONTHS or word in _NUMBER_SIGNS
    return word == "St" and following.isupper()
