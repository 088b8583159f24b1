"""What the offline extractors (``rules`` and ``spacy``) share; nothing here imports an extractor.

Modules:

* ``lexicon``: reporting verbs, titles and honorifics, organisation shapes, pronouns;
* ``inflection``: the inflected forms of English verbs and nouns the lexicons list as lemmas;
* ``triggers``: the event-trigger lexicon;
* ``places``: the gazetteer and the demonyms (``data/demonyms.tsv``);
* ``wordnet``: WordNet 3.0's senses, lexicographer files and hypernyms of common nouns and verbs
  (``data/wordnet_*.tsv``, written by ``wordnet_build``);
* ``lookups``: those tables built once per extractor;
* ``grouping``: mentions grouped into actors (surnames, acronyms, pronouns);
* ``quotes``: the quotation pattern, what it quotes, quote records and the cue events;
* ``events``: argument roles, argument lists and event records;
* ``article``: the work on one article common to both extractors;
* ``output``: spans, ids, actor and location records, the Document;
* ``parallel``: ordered, bounded work in worker processes.
"""
