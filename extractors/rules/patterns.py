"""The regular expressions of the ``rules`` extractor, compiled once (character classes spelt out by
:func:`_class_body`), and the auxiliaries several of its steps skip."""
from __future__ import annotations

import re
import unicodedata

from extractors.shared.lexicon import ALL_TITLES


def _class_body(wanted: tuple[str, ...]) -> str:
    """A regular-expression character class body (no brackets) for the Basic Multilingual Plane code
    points whose Unicode category starts with one of ``wanted``; the standard ``re`` module has no
    ``\\p{..}`` classes, and it scans text several times faster than the ``regex`` module."""
    ranges: list[list[int]] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF or not unicodedata.category(chr(cp)).startswith(wanted):
            continue
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges
    )


_UP = _class_body(("Lu", "Lt"))  # capital letters
_LM = _class_body(("L", "M"))  # letters and combining marks
# al el ad as bin ibn abu van von de da di du le la del der den dos das mac o, as a tree: at most one of
# them can be followed by a hyphen or apostrophe, so their order does not matter, and the tree is tried faster.
_PARTICLE = r"(?:a(?:l|d|s|bu)|el|bin|ibn|v(?:an|on)|d(?:e(?:l|r|n)?|a|i|u|os|as)|l(?:e|a)|mac|o)"
_TOKEN = (
    r"(?:(?:[" + _UP + r"]\.){2,}"  # dotted acronym: U.N.
    r"|(?:" + _PARTICLE + r"[-’'])?[" + _UP + r"][" + _LM + r"]*(?:[-’'][" + _LM + r"]+)*\.?)"
)
_CONNECTOR = r"(?:of(?:[ \t]+the)?|for|de|da|del|van|von|bin|ibn|al|la|le|du|der|den|on|upon|and)"
NAME_RE = re.compile(
    r"(?=[" + _UP + r"abdeilmov])"  # a capital or a particle's first letter: cheap to rule out elsewhere
    r"(?<![" + _LM + r"\d])" + _TOKEN + r"(?:[ \t]+(?:" + _CONNECTOR + r"[ \t]+)?" + _TOKEN + r")*"
)
TOKEN_RE = re.compile(_TOKEN)
# "OSLO - ", "LIMA: ", "PARIS, France — ": a dateline opens the first sentence but is not reported speech.
DATELINE_RE = re.compile(r"[A-Z][A-Z .'-]+(?:,[ \t]*[A-Z][\w .]*)?[ \t]*(?:-|–|—|:)[ \t]+")
DETERMINER_END_RE = re.compile(r"(?:\b(?:the|a|an|The|A|An)\s+)$")
NEXT_WORD_RE = re.compile(r"[ \t]+([a-z]+)\b")
PREV_WORD_RE = re.compile(r"\b([a-z]+)[ \t]+$")
HEADLINE_CUE_RE = re.compile(r", ([A-Z][a-z]+)\b")
WORD_RE = re.compile(r"[" + _LM + r"]+(?:[-’'][" + _LM + r"]+)*")
# A sentence end: group 1 after . ! ? (closing marks and spaces, or nothing before a line break), or a run
# of line breaks. The pattern opens with the punctuation itself (outside the reported span) so that the
# engine only stops at those characters.
SENTENCE_END_RE = re.compile(r"[.!?\n](?:(?<=[.!?])([”\"’)]*(?:[ \t]+|(?=\n)))|(?<=\n)\n*)")
# The first letter comes first, so the engine jumps between candidate letters instead of trying a word
# boundary at every position; the lookbehind is the word boundary before it.
PRONOUN_RE = re.compile(r"[HhSs](?<!\w[HhSs])(?:e|im|is|imself|er|ers|erself|he)\b")
TITLE_PREFIX_RE = re.compile(
    r"(?:(?:" + "|".join(re.escape(t) for t in sorted(ALL_TITLES, key=len, reverse=True)) + r")[ \t]+)+"
)
TITLE_SUFFIX_RE = re.compile(r"(?:" + TITLE_PREFIX_RE.pattern + r")$")
INITIALS_RE = re.compile(r"(?:[" + _UP + r"]\.)+")
INITIAL_RE = re.compile(r"[" + _UP + r"]\.")
DOTTED_RE = re.compile(r"(?:[" + _UP + r"]\.){2,}")
BARE_THAT_RE = re.compile(r"[\s,:]*(?:that\s*)?")
OBJECT_THAT_RE = re.compile(r"\s+(?:[" + _LM + r"’']+\s+){0,3}?that\s+")
PUNCT_SPACE_RE = re.compile(r"[\s,:]+")
ADVERBS_RE = re.compile(r"\s*(?:(?:\w+ly|also|has|had|have)\s+)*")
# A finite clause after a cue: "(on Tuesday) (to reporters) that ..." or a clause opened by a subject word.
THAT_CLAUSE_RE = re.compile(
    r"[ \t]+(?:(?:on|last|this|in)[ \t]+[" + _LM + r"\d]+[ \t]+)?(?:(?:[" + _LM + r"’']+[ \t]+){0,2}?)that[ \t]+"
)
# Version 2: up to two adverbials between the cue and its clause ("said on Wednesday in a statement it
# would close"), then "that" or a word that opens a clause (a pronoun, a determiner, a name).
_ADVERBIAL = (r"(?:[ \t]+(?:(?:on|last|this|late|early)[ \t]+[" + _LM + r"]+|in[ \t]+an?[ \t]+(?:[" + _LM
              + r"-]+[ \t]+){0,2}?(?:statement|letter|interview|post|conference|briefing)|at[ \t]+an?[ \t]+(?:[" + _LM
              + r"]+[ \t]+)?(?:conference|briefing|meeting)|(?:to|told)[ \t]+reporters)){0,2}")
THAT_CLAUSE_V2_RE = re.compile(_ADVERBIAL + r"[ \t]+that[ \t]+")
BARE_CLAUSE_V2_RE = re.compile(_ADVERBIAL + r"[ \t]+(?=(?:he|she|it|they|we|I|there|the|a|an|his|her|its|their|"
                               r"this|some|most|all|no|[A-Z][" + _LM + r"]+)[ \t]+[" + _LM + r"’']+)")
BARE_CLAUSE_RE = re.compile(r"[ \t]+(?=(?:he|she|it|they|we|I|there|the|his|her|its|their)[ \t]+[" + _LM + r"’']+)")
# Version 3: a clause opened by any word that cannot start a phrase after the verb ("said volunteers
# would go", "said 246 cases had been recorded"): not a preposition, conjunction or time adverb.
_NOT_CLAUSE_START = ("in|on|at|by|for|with|without|to|from|after|before|during|about|of|as|and|or|but|so|when|"
                     "while|if|then|later|earlier|afterwards|yesterday|today|tomorrow|nothing|something|goodbye|"
                     "hello|yes|no|again|instead|too|also|repeatedly|publicly|privately|previously|recently")
BARE_CLAUSE_V3_RE = re.compile(_ADVERBIAL + r"[ \t]+(?=(?!(?:" + _NOT_CLAUSE_START + r")\b)[" + _LM
                               + r"\d][" + _LM + r"\d,.%-]*[ \t]+[" + _LM + r"’']+)")
# Auxiliaries and adverbs that may stand between a subject and its verb ("X has also said").
AUXILIARIES: frozenset[str] = frozenset(
    "has have had is was were are will would could should can may might must did does do also later then "
    "again already had not never".split()
)
