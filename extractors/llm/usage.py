"""What a run cost: requests, cache hits, tokens, failures, dropped spans and, given prices, money.

Prices are never built in (they change and differ per provider): the user gives a table as a dict,
a JSON file, or the ``NEWSBENCH_LLM_PRICES`` environment variable (a path or inline JSON)::

    {"currency": "USD", "models": {"gpt-4o-mini": {"input_per_1m": 0.15, "output_per_1m": 0.60}}}

A table for one model may also be flat: ``{"input_per_1m": 0.15, "output_per_1m": 0.60}``.
"""
from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.api import InvalidInputError, Problem

PRICES_ENV = "NEWSBENCH_LLM_PRICES"
_RATES = ("input_per_1m", "output_per_1m")


@dataclass(frozen=True)
class Price:
    """Price per million prompt (input) and completion (output) tokens."""

    input_per_1m: float
    output_per_1m: float
    currency: str = "USD"

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        """
        >>> Price(0.15, 0.60).cost(1_000_000, 500_000)
        0.45
        """
        return round((prompt_tokens * self.input_per_1m + completion_tokens * self.output_per_1m) / 1e6, 6)


def load_price(prices: str | Path | dict[str, Any] | None, model: str) -> Price | None:
    """The price of ``model`` from ``prices`` (dict, path, inline JSON) or ``$NEWSBENCH_LLM_PRICES``;
    None when no table is given.

    Raises:
        InvalidInputError: the table cannot be read, or lacks this model, or a rate is not a number.
    """
    source = "prices"
    if prices is None:
        prices = os.environ.get(PRICES_ENV) or None
        source = f"${PRICES_ENV}"
        if prices is None:
            return None
    if isinstance(prices, (str, Path)):
        prices, source = _read_table(prices, source)
    if not isinstance(prices, dict):
        raise InvalidInputError(Problem(source, "", f"a price table must be a JSON object, got {type(prices).__name__}"))
    currency = prices.get("currency", "USD")
    path = ""
    if "models" in prices:
        models = prices["models"]
        if not isinstance(models, dict) or model not in models:
            known = ", ".join(sorted(models)) if isinstance(models, dict) else "none"
            raise InvalidInputError(Problem(source, "models", f"no price for model {model!r}. Priced: {known}"))
        prices, path = models[model], f"models.{model}."
    if not isinstance(prices, dict):
        raise InvalidInputError(Problem(source, path.rstrip("."), "must be an object with input_per_1m and output_per_1m"))
    rates = []
    for key in _RATES:
        value = prices.get(key)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise InvalidInputError(
                Problem(source, path + key, f"must be a non-negative number (price per million tokens), got {value!r}")
            )
        rates.append(float(value))
    return Price(rates[0], rates[1], str(currency))


def _read_table(value: str | Path, source: str) -> tuple[Any, str]:
    text = str(value)
    if text.lstrip().startswith("{"):
        where = source
    else:
        where = text
        try:
            text = Path(text).read_text(encoding="utf-8")
        except OSError as exc:
            raise InvalidInputError(Problem(where, "", f"cannot read the price table: {exc.strerror}")) from None
    try:
        return json.loads(text), where
    except json.JSONDecodeError as exc:
        raise InvalidInputError(Problem(where, "", f"invalid JSON: {exc.msg} at line {exc.lineno}")) from None


class Usage:
    """Thread-safe counters of one extractor's run; :meth:`as_dict` is what the results object stores.

    ``requests`` counts every HTTP attempt (retries and repairs included); tokens are this run's,
    kept whether documents succeed or fail. ``failures`` / ``failed_docs``: documents yielded with
    ``meta.status == "failed"``. ``dropped_items``: answer items invalid against the schema;
    ``dropped_spans``: strings that could not be placed in the text; ``dropped_entities``: entities
    with no placed name or description; ``unresolved_refs``: speakers and arguments that named no
    kept entity; ``length_splits`` / ``context_splits``: pieces split again after a cut-off answer
    (``finish_reason: "length"``) or a context-length error; ``answers_json_schema`` /
    ``answers_json_object``: answers received (or read from the cache) in each response format;
    ``response_format``: the mode in effect at the end; ``format_fallback``: why it changed, if it did.
    """

    FIELDS = (
        "requests", "retries", "repairs", "cache_hits", "prompt_tokens", "completion_tokens",
        "failures", "dropped_items", "dropped_spans", "dropped_entities", "unresolved_refs",
        "length_splits", "context_splits", "answers_json_schema", "answers_json_object",
    )

    def __init__(self, price: Price | None = None):
        self._lock = threading.Lock()
        self._counts = dict.fromkeys(self.FIELDS, 0)
        self._failed: list[str] = []
        self._notes: dict[str, str] = {}
        self.price = price
        self.response_format: str | None = None

    def add(self, **counts: int) -> None:
        with self._lock:
            for key, n in counts.items():
                self._counts[key] += n

    def fail(self, doc_id: str) -> None:
        """Count one failed document."""
        with self._lock:
            self._counts["failures"] += 1
            self._failed.append(doc_id)

    def note(self, key: str, text: str) -> None:
        """Keep the first explanation of an event of the run (e.g. why the format fell back)."""
        with self._lock:
            self._notes.setdefault(key, text)

    def __getitem__(self, key: str) -> int:
        return self._counts[key]

    def as_dict(self) -> dict[str, Any]:
        with self._lock:
            out: dict[str, Any] = dict(self._counts)
            out["failed_docs"] = list(self._failed)
            out.update(self._notes)
        if self.response_format:
            out["response_format"] = self.response_format
        if self.price is not None:
            out["cost"] = self.price.cost(out["prompt_tokens"], out["completion_tokens"])
            out["currency"] = self.price.currency
            out["price_per_1m"] = {"input": self.price.input_per_1m, "output": self.price.output_per_1m}
        return out
