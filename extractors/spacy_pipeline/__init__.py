"""The ``spacy`` extractor: spaCy's named entities and dependency parse, plus the shared lexicons.

What it finds, in one linear pass per parsed article:

* **actors** (:mod:`.entities`) from PERSON, ORG and NORP entities and personal pronouns, grouped by
  :mod:`extractors.shared.grouping`; a GPE entity is a state acting (GPE actor) when it is the subject
  of a verb, owns something or speaks, a place otherwise; a demonym adjective is a mention of the
  state, a plural demonym a NORP actor.
* **locations** (:mod:`.entities`) from GPE, LOC and FAC entities, with the country code and GeoNames
  id from the gazetteer of :mod:`extractors.shared.places` when the name is in it.
* **quotes** (:mod:`.quotes`) in quotation marks, attributed through the parse; indirect speech is the
  clausal complement of a reporting verb; "according to X" makes X the speaker.
* **events** (:mod:`.events`) from the event lexicon, every quote cue a STATEMENT, with arguments
  and time from the parse.

Modules: ``extractor`` the class; ``pipeline`` which spaCy package is loaded and how (nothing is
downloaded); ``article`` the steps on one parsed article, in order; ``entities``, ``quotes``,
``events`` the steps.

Nine versions share this code: ``spacy.v1`` to ``spacy.v8`` (frozen) and ``spacy.v9`` (the current one,
``spacy``), which differ by the switches of :mod:`extractors.shared.profile`; what each adds is listed there.

Nothing here names a particular person, place or phrase (rule 2).
"""
from extractors.spacy_pipeline.extractor import (SpacyExtractor, SpacyExtractorV1, SpacyExtractorV2, SpacyExtractorV3,
                                                SpacyExtractorV4, SpacyExtractorV5, SpacyExtractorV6, SpacyExtractorV7, SpacyExtractorV8)

__all__ = ["SpacyExtractor", "SpacyExtractorV1", "SpacyExtractorV2", "SpacyExtractorV3", "SpacyExtractorV4", "SpacyExtractorV5", "SpacyExtractorV6", "SpacyExtractorV7", "SpacyExtractorV8"]
