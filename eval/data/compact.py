"""Fewer bytes for a freshly validated Document that nobody else holds yet (an extractor's output).

A pydantic model instance keeps its own set of the fields given (``__pydantic_fields_set__``, 216 bytes for up
to four names, 728 for up to 18), which is most of what a span costs; in an extractor's output every span of a
kind was built from the same fields. :func:`compact` lets the instances built with the same fields share one
such set, and lets equal event arguments (a handful of role and ref pairs, repeated thousands of times) be one
instance. Both are safe because the models are frozen: pydantic copies the set before it changes it
(``model_copy``), and a frozen instance never changes. Values, equality, ``model_dump`` and
``model_dump_json`` stay as they were (``bench/memory.py`` measures what it saves).

Where the interpreter allows it (CPython 3.11: see ``_lay_out_attributes`` in :mod:`eval.data.models`), each
instance is also rebuilt with its attributes set one by one, which stores them in a values array beside the
class's shared table of names instead of a dict of its own: about 140 bytes an instance instead of 290
(serializing it later makes a dict that refers to that array: 64 bytes more). Where the interpreter keeps
no such layout, a rebuilt instance gets a dict like the original: no gain, no loss.
"""
from __future__ import annotations

import functools
from typing import TypeVar

from pydantic import BaseModel

from eval.data.models import Actor, Argument, Event, Location, Mention, Quote, Span

M = TypeVar("M", bound=BaseModel)

_set = object.__setattr__


def _rebuilt(model: M, fields: set[str]) -> M:
    """A copy of ``model`` whose attributes are set one by one (so kept in the class's shared layout)."""
    cls = type(model)
    new = cls.__new__(cls)
    for name, value in model.__dict__.items():
        _set(new, name, value)
    _set(new, "__pydantic_fields_set__", fields)
    _set(new, "__pydantic_extra__", model.__pydantic_extra__)
    _set(new, "__pydantic_private__", model.__pydantic_private__)
    return new


def _rebuilds_faithfully(cls: type[BaseModel]) -> bool:
    """Whether a rebuilt instance of ``cls`` has the same attributes in the same order (a rebuilt instance
    never costs more than the original: without the shared layout it gets a dict like it)."""
    probe = cls.model_construct(**dict.fromkeys(cls.model_fields))
    return list(_rebuilt(probe, probe.__pydantic_fields_set__).__dict__.items()) == list(probe.__dict__.items())


# The classes whose instances are rebuilt; Document is one per article and not worth it.
_REBUILT = frozenset(cls for cls in (Span, Mention, Actor, Location, Quote, Argument, Event)
                     if _rebuilds_faithfully(cls))


@functools.cache
def _field_names(cls: type[BaseModel]) -> tuple[str, ...]:
    return tuple(cls.model_fields)


def detached(model: M, empty: tuple[str, ...] = ()) -> M:
    """A copy of ``model`` (and of its nested models) whose attributes are in a dict of its own, for serializing.

    pydantic serializes a model from its ``__dict__``; asked for it, a rebuilt instance makes a dict that it then
    keeps (64 bytes), so that writing a whole document would add that to every model it holds. The copy's
    dicts go when it does. Values are read by attribute, which makes no dict. The fields named in ``empty`` are
    given as empty tuples (a shell to write the items of those fields into).
    """
    cls = type(model)
    values = {}
    for name in _field_names(cls):
        value = () if name in empty else getattr(model, name)
        if isinstance(value, BaseModel):
            value = detached(value)
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            value = tuple(detached(item) for item in value)
        values[name] = value
    copy = cls.__new__(cls)
    _set(copy, "__dict__", values)
    _set(copy, "__pydantic_fields_set__", model.__pydantic_fields_set__)
    _set(copy, "__pydantic_extra__", model.__pydantic_extra__)
    _set(copy, "__pydantic_private__", model.__pydantic_private__)
    return copy


class Compactor:
    """Shares field sets and equal arguments across the models it is given (keep one per document).

    >>> from eval.data.models import Span
    >>> a, b = Span(start=0, end=1, text="a"), Span(start=1, end=2, text="b")
    >>> c = Compactor(); a, b = c.compact(a), c.compact(b)
    >>> a.model_fields_set is b.model_fields_set, a.model_dump()
    (True, {'start': 0, 'end': 1, 'text': 'a'})
    """

    def __init__(self, rebuild: bool = True) -> None:
        """``rebuild``: rebuild the instances into their class's shared layout (about a tenth of an extractor's
        time on a short article, where the bytes saved do not matter)."""
        self.rebuild = rebuild
        self._sets: dict[frozenset[str], set[str]] = {}
        self._arguments: dict[tuple[str, str], Argument] = {}
        self._tuples: dict[tuple[Argument, ...], tuple[Argument, ...]] = {}

    def compact(self, model: M) -> M:
        """``model`` compacted (its nested models too); it must be fresh from validation, and the caller
        keeps the model returned, which may be a new instance equal to it."""
        values = model.__dict__
        for name, value in values.items():
            if isinstance(value, BaseModel):
                values[name] = self.compact(value)
            elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
                values[name] = self._shared_tuple(tuple(self._shared(self.compact(item)) for item in value))
        fields = model.__pydantic_fields_set__
        fields = self._sets.setdefault(frozenset(fields), fields)
        if self.rebuild and type(model) in _REBUILT:
            return _rebuilt(model, fields)
        _set(model, "__pydantic_fields_set__", fields)
        return model

    def _shared_tuple(self, models: tuple[M, ...]) -> tuple[M, ...]:
        """``models``, or the equal tuple of arguments already kept (an event's arguments repeat: the same roles
        and refs, thousands of times in a long article), when the models are rebuilt."""
        if self.rebuild and type(models[0]) is Argument:
            return self._tuples.setdefault(models, models)  # type: ignore[arg-type, return-value]
        return models

    def _shared(self, model: M) -> M:
        if type(model) is Argument:
            return self._arguments.setdefault((model.role, model.ref), model)  # type: ignore[return-value]
        return model
