"""Version 5 (``wire_lines``): the dateline and source lines of wire copy (guidelines 0.4, 1.3: a
dateline's place is a location; bylines and agency slugs are boilerplate, never annotated).

Version 4 found the agency slug only after a dateline with a comma ("LIMA, Peru, May 1 (Pelo Wire) -";
:func:`extractors.shared.context.boilerplate_spans`), read the month after a dateline's country as a
verb ("Peru, March 4": "march", so Peru was a state acting), and took a byline outside brackets
("Additional reporting by X in Y", "Editing by X") for content. Here:

* a country named in a dateline ("CITY, Country, Month Day (Agency) -") is a place, never the state
  acting, and so is one followed by a month's name anywhere;
* the slug of a dateline with no comma ("TOLU (Pelo Wire) —") is boilerplate;
* a line that is only a byline ("Reporting by ...", "Additional reporting by ...", "Editing by ...",
  "Writing by ...", "Compiled by ...") is boilerplate.
"""
from __future__ import annotations

import re

from extractors.shared.places_v5 import in_dateline

# A month's name (or its abbreviation) right after a country: a date, not a verb ("Peru, March 4").
_MONTH_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*(?:January|February|March|April|May|June|July|August|September|October|"
                             r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?[ \t]+\d")
# A dateline in capitals with no comma before its agency's slug: "TOLU (Pelo Wire) —".
_SLUG_NO_COMMA_RE = re.compile(r"^[A-Z][A-Z .'’-]+[ \t]+\((?P<slug>[^)\n]{2,60})\)[ \t]*[-–—]", re.M)
# A line that is only a byline, without the brackets wire copy often has.
_BYLINE_LINE_RE = re.compile(r"^[ \t]*(?:Additional[ \t]+)?(?:[Rr]eporting|Editing|Writing|Compiled|Edited|Written)"
                             r"[ \t]+by[ \t]+[^\n]{2,200}$", re.M)


def country_in_dateline(text: str, start: int, end: int) -> bool:
    """Whether a country's name at ``start:end`` is a dateline's place or followed by a date.

    >>> text = "RUVO, Peru, Nov 4 (Pelo Wire) - Rain fell. Chile said on May 3 it would help."
    >>> country_in_dateline(text, 6, 10), country_in_dateline(text, 43, 48)
    (True, False)
    >>> country_in_dateline("Talks in Kenya, March 4, ended.", 9, 14)
    True
    """
    return in_dateline(text, start) or bool(_MONTH_AFTER_RE.match(text, end))


def wire_boilerplate(text: str) -> list[tuple[int, int]]:
    """Spans of the source lines :func:`extractors.shared.context.boilerplate_spans` leaves: the slug of
    a dateline with no comma, and byline lines outside brackets.

    >>> text = "TOLU (Pelo Wire) — Rain fell.\\nAdditional reporting by Jo Ode in Tolu"
    >>> [text[s:e] for s, e in wire_boilerplate(text)]
    ['Pelo Wire', 'Additional reporting by Jo Ode in Tolu']
    """
    spans = [(m.start("slug"), m.end("slug")) for m in _SLUG_NO_COMMA_RE.finditer(text)]
    return spans + [(m.start(), m.end()) for m in _BYLINE_LINE_RE.finditer(text)]
