"""Version 4: one table of verb and noun classes for both extractors (guidelines 3.1, 3.2).

A content verb that no trigger table lists is still an event (3.1: "the main verb"), typed by its
semantic class when the inventory names one, else OTHER (3.2). This module says which verb lemmas
are never events alone (:data:`STOP_LEMMAS`), which belong to a type of the inventory
(:func:`verb_classes`), which nouns name an event of a class the lexicon lacks (:func:`noun_classes`)
and which light verbs name a movement with a particle (:data:`PHRASAL_SENSES`). Each extractor keeps
its own way of spotting a verb: ``rules`` by the words around it (:mod:`extractors.rules.fallback`),
``spacy`` by its part of speech (:mod:`extractors.spacy_pipeline.verb_classes`). General English only:
whole classes of verbs, never an article's word.
"""
from __future__ import annotations

from functools import lru_cache

# Verbs that are never events alone (guidelines 3.1 "Not events", 3.4, 5 g/q/w), by class. A lemma of
# a class of :data:`_CLASSES` as well is an event of that class (the class is the narrower knowledge).
_STOP_CLASSES: dict[str, str] = {
    "auxiliary and copula": "be have do get become seem appear remain stay look sound feel prove turn grow "
                            "will shall can may might must ought need dare used",
    "light and support": "make take give put set hold bring pose carry conduct deliver express "
                         "file receive enter raise issue play lead pay let keep place go come draw run launch try deal spend",
    "aspectual": "begin start continue resume proceed finish complete end stop cease extend schedule",
    "wish, plan and attempt": "want wish hope plan intend aim like love hate prefer try attempt manage fail tend "
                              "expect seek mean wait choose decide bother",
    "cognition and perception": "think believe know see hear notice understand consider suppose guess assume "
                                "realise realize remember forget recall wonder imagine doubt reckon care mind "
                                "worry fear suspect feel learn recognise recognize regard view judge watch "
                                "listen observe witness discover smell taste convince persuade respect",
    "evidence and measurement": "show indicate suggest reflect imply signal find reveal determine conclude "
                                "estimate calculate measure count weigh total number range rank rate exceed reach "
                                "average amount compare correspond",
    "state and relation": "include contain involve cost lack own belong depend rely exist consist comprise "
                          "represent concern relate refer describe equal feature face deserve require allow "
                          "enable permit entitle oblige compel help use mark matter differ resemble fit suit "
                          "last live sit stand lie hang happen occur follow precede accompany affect serve "
                          "cover cause link connect associate afford waste work operate function record "
                          "secure obtain authorise authorize base age edit miss leave",
    "change of amount": "fall rise drop decline decrease double soar plunge climb shrink slump fluctuate",
    "saying (cues and the lexicon find them)": "say tell ask add note explain call speak talk reply answer write read "
                                                "mention claim report name label term dub title",
    "nouns the verb index also lists": "people house power district still",
}
STOP_LEMMAS: frozenset[str] = frozenset(w for words in _STOP_CLASSES.values() for w in words.split())


def stop_class(name: str) -> frozenset[str]:
    """The lemmas of one class of verbs that are never events alone.

    >>> sorted(stop_class("aspectual"))[:3]
    ['begin', 'cease', 'complete']
    """
    if name not in _STOP_CLASSES:
        raise KeyError(f"no stop class {name!r}; the classes are: {', '.join(_STOP_CLASSES)}")
    return frozenset(_STOP_CLASSES[name].split())

# (type, subtype or "", verb lemmas): whole semantic classes of the inventory's types that the trigger
# tables leave out (3.2); a lemma listed twice keeps its first sense.
_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("MEET", "meet", "attend participate interview brief receive host"),
    ("MEET", "phone_write", "phone text message contact"),
    ("MOVE", "transport", "move tow ship haul drag land ride shuttle transfer convey drive sail row board "
     "arrive enter exit depart"),
    ("STATEMENT", "request", "order instruct command direct invite beg implore plead"),
    ("STATEMENT", "reject", "dispute contest oppose object refute reject decline"),
    ("STATEMENT", "", "name attribute accord present read recite propose recommend advise remind proclaim confirm "
     "acknowledge regret apologise apologize react reiterate stress insist"),
    ("LEGAL", "investigate", "inspect audit review examine question interrogate scrutinise scrutinize "
     "investigate probe raid search"),
    ("LEGAL", "arrest_jail", "apprehend handcuff incarcerate"),
    ("POLICY", "legislate", "revoke rescind abolish repeal"),
    ("POLICY", "", "raise increase hike reduce lower regulate tax"),
    ("SUPPORT", "aid", "house shelter treat feed rescue save evacuate donate hand issue distribute"),
    ("SUPPORT", "cooperate", "share cooperate collaborate unite"),
    ("SUPPORT", "endorse", "back champion welcome respect honour honor applaud commend hail"),
    ("DEMONSTRATE", "rally", "block"),
    ("PERSONNEL", "start_position", "install instal reinstate succeed promote"),
    ("PERSONNEL", "nominate", "vet shortlist"),
    ("TRANSACTION", "transfer_money", "contribute charter rent lease reimburse refund compensate subsidise "
     "subsidize"),
    ("DISASTER", "accident", "burst rupture sink capsize overturn topple"),
    ("DISASTER", "", "spread burn flood"),
    ("LIFE", "die", "drown perish starve suffocate succumb"),
    ("LIFE", "injure", "fracture maim"),
    ("ATTACK", "", "punch kick torch loot vandalise vandalize lynch behead"),
    # OTHER by class (the inventory's OTHER: "preventing, averting, building, recruiting, ... gestures")
    ("OTHER", "", "wave greet nod bow hug kiss salute kneel embrace"),
    ("OTHER", "", "build construct erect rebuild repair renovate restore upgrade demolish destroy damage dismantle"),
    ("OTHER", "", "delete download upload hack leak encrypt expose"),
    ("OTHER", "", "train equip enrol enroll register recruit"),
    ("OTHER", "", "punish discipline reprimand interrupt disrupt delay"),
)

# Light verbs that name a movement or an accident with a particle after them ("were taken to hospital",
# guidelines 5 t): "<lemma> <particle>" -> (type, subtype).
PHRASAL_SENSES: dict[str, tuple[str, str | None]] = {
    "take to": ("MOVE", "transport"), "take off": ("MOVE", "transport"), "take away": ("MOVE", "transport"),
    "send back": ("MOVE", "transport"), "bring back": ("MOVE", "transport"),
    "run aground": ("DISASTER", "accident"),
}

# (type, subtype or "", noun lemmas): event nouns of the inventory's classes that the lexicon leaves out,
# each a noun that names an occurrence (never a general noun such as "case" or "service").
_NOUN_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("LEGAL", "investigate", "audit inspection examination scrutiny"),
    ("MEET", "meet", "ceremony congress convention forum seminar workshop reunion"),
    ("DISASTER", "accident", "leak rupture blaze outage blackout"),
    ("POLICY", "", "hike devaluation"),
    ("AGREE", "", "signing"),
    ("OTHER", "", "fraud breach irregularity wrongdoing mistake error lapse misconduct"),
    ("CAMPAIGN", "public_programme", "scheme"),
)


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, tuple[str, str | None]]:
    """Lemma -> (type, subtype) of the verbs of :data:`_CLASSES` (a lemma's first class wins).

    >>> verb_classes()["attend"], verb_classes()["order"], verb_classes()["wave"]
    (('MEET', 'meet'), ('STATEMENT', 'request'), ('OTHER', None))
    """
    out: dict[str, tuple[str, str | None]] = {}
    for etype, subtype, lemmas in _CLASSES:
        for lemma in lemmas.split():
            out.setdefault(lemma, (etype, subtype or None))
    return out


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, tuple[str, str | None]]:
    """Noun lemma -> (type, subtype) of the nouns of :data:`_NOUN_CLASSES`.

    >>> noun_classes()["audit"]
    ('LEGAL', 'investigate')
    """
    return {noun: (etype, subtype or None) for etype, subtype, nouns in _NOUN_CLASSES for noun in nouns.split()}


def stopped(lemma: str) -> bool:
    """Whether a verb lemma is no event alone: a stop lemma that no class claims.

    >>> stopped("think"), stopped("audit"), stopped("house")
    (True, False, False)
    """
    return lemma in STOP_LEMMAS and lemma not in verb_classes()
