"""Built-in newsbench extractors. Each registers its class with ``eval.api.register``.

* ``rules``: pure-Python rules over capitalised names, the gazetteer and cue words;
* ``spacy_pipeline``: spaCy's entities and dependency parse (the ``spacy`` extractor);
* ``llm``: any OpenAI-compatible chat-completions server;
* ``shared``: what ``rules`` and ``spacy`` share (lexicons, places, grouping, quotes, events, output,
  worker processes).

No extractor imports another; from ``eval`` they import only ``eval.api``, and ``eval`` never imports
from here except through the registry's lazy ``BUILTIN`` table.
"""
