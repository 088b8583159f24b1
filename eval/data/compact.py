"""Fewer bytes for a freshly validated Document that nobody else holds yet (an extractor's output).

A pydantic model instance keeps its own set of the fields given (``__pydantic_fields_set__``, 216 bytes for up
to four names, 728 for up to 18), which is most of what a span costs; in an extractor's output every span of a
kind was built from the same fields. :func:`compact` lets the instances built with the same fields share one
such set, and lets equal event arguments (a handful of role and ref pairs, repeated thousands of times) be one
instance. Both are safe because the models are frozen: pydantic copies the set before it changes it
(``model_copy``), and a frozen instance never changes. Values, equality, ``model_dump`` and
``model_dump_json`` stay as they were (``bench/memory.py`` measures what it saves).
"""
from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from eval.data.models import Argument

M = TypeVar("M", bound=BaseModel)

_set = object.__setattr__


class Compactor:
    """Shares field sets and equal arguments across the models it is given (keep one per document).

    >>> from eval.data.models import Span
    >>> a, b = Span(start=0, end=1, text="a"), Span(start=1, end=2, text="b")
    >>> c = Compactor(); _ = c.compact(a), c.compact(b)
    >>> a.model_fields_set is b.model_fields_set, a.model_dump()
    (True, {'start': 0, 'end': 1, 'text': 'a'})
    """

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], set[str]] = {}
        self._arguments: dict[tuple[str, str], Argument] = {}

    def compact(self, model: M) -> M:
        """``model`` with its nested models compacted in place; it must be fresh from validation."""
        fields = model.__pydantic_fields_set__
        _set(model, "__pydantic_fields_set__", self._sets.setdefault(frozenset(fields), fields))
        values = model.__dict__
        for name, value in values.items():
            if isinstance(value, BaseModel):
                self.compact(value)
            elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
                values[name] = tuple(self._shared(self.compact(item)) for item in value)
        return model

    def _shared(self, model: M) -> M:
        if type(model) is Argument:
            return self._arguments.setdefault((model.role, model.ref), model)  # type: ignore[return-value]
        return model
