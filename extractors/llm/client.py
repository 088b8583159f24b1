"""One chat completion request, made robust: timeouts, retries with backoff and jitter, format fallback.

Retried: 429 (waiting what ``retry-after-ms`` / ``retry-after`` asks, when given), 408, 409, 5xx,
connection errors and timeouts, with exponential backoff and jitter in between.
Fatal for the whole run (:class:`ServerRejected`): 401, 403, 404, a wrong key, URL or model name,
which no retry or other document would fix. Anything else fails the one request (:class:`RequestFailed`).
The openai client's own retries are switched off so that every HTTP request is counted here.
"""
from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass
from typing import Any, Callable

from extractors.llm.response import response_format
from extractors.llm.usage import Usage

RETRY_STATUS = frozenset({408, 409, 429})
FATAL_STATUS = frozenset({401, 403, 404})


class RequestFailed(Exception):
    """The request failed for good (retries exhausted or a non-retryable error); the message says why."""


class ServerRejected(Exception):
    """The server refuses this configuration (key, URL or model); no document can succeed."""


@dataclass(frozen=True)
class Reply:
    content: str | None
    prompt_tokens: int
    completion_tokens: int


def retry_after_s(headers: Any) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date).

    >>> retry_after_s({"retry-after": "2"})
    2.0
    >>> retry_after_s({"retry-after-ms": "150"})
    0.15
    >>> retry_after_s({}) is None
    True
    """
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms is not None:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def backoff_s(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with equal jitter: uniform in [d/2, d] with d = min(cap, base * 2**attempt).

    >>> 0.5 <= backoff_s(0, 1.0, 30.0) <= 1.0
    True
    >>> 15.0 <= backoff_s(10, 1.0, 30.0) <= 30.0
    True
    """
    delay = min(cap, base * 2**attempt)
    return (rng or random).uniform(delay / 2, delay)


class ChatClient:
    """A thread-safe chat client for an OpenAI-compatible ``/v1/chat/completions`` endpoint."""

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | None,
        timeout: float,
        max_retries: int,
        usage: Usage,
        format_mode: str = "json_schema",
        backoff_base: float = 0.5,
        backoff_max: float = 30.0,
        max_retry_after: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
    ):
        import openai  # lazy: `newsbench list` must not pay for importing openai

        self._openai = openai
        # Local servers (vLLM, Ollama, llama.cpp) accept any key; the openai client insists on one.
        self._client = openai.OpenAI(base_url=base_url, api_key=api_key or "unused", timeout=timeout, max_retries=0)
        self.max_retries = max_retries
        self.usage = usage
        self.format_mode = format_mode
        self.backoff_base = backoff_base
        self.backoff_max = backoff_max
        self.max_retry_after = max_retry_after
        self._sleep = sleep
        usage.response_format = format_mode

    def complete(self, *, model: str, messages: list[dict[str, str]], **params: Any) -> Reply:
        """Send one chat completion, retrying as the module docstring says.

        Raises:
            ServerRejected: 401, 403 or 404.
            RequestFailed: retries exhausted, or another client error.
        """
        attempt = 0
        while True:
            mode = self.format_mode
            try:
                self.usage.add(requests=1)
                completion = self._client.chat.completions.create(
                    model=model, messages=messages, response_format=response_format(mode), **params
                )
            except self._openai.APIStatusError as exc:
                status = exc.status_code
                if status in FATAL_STATUS:
                    raise ServerRejected(f"the server answered {status}: {_message(exc)}") from None
                if status in (400, 422) and mode == "json_schema":
                    # The server does not do structured output: plain JSON mode from now on.
                    self.format_mode = self.usage.response_format = "json_object"
                    continue
                if status not in RETRY_STATUS and status < 500:
                    raise RequestFailed(f"the server answered {status}: {_message(exc)}") from None
                wait = retry_after_s(exc.response.headers) if status == 429 else None
                reason = f"{status}: {_message(exc)}"
            except self._openai.APIConnectionError as exc:  # includes timeouts
                wait, reason = None, f"{type(exc).__name__}: {exc}"
            else:
                return _reply(completion)
            if attempt >= self.max_retries:
                raise RequestFailed(f"gave up after {attempt + 1} attempt(s); last error {reason}")
            if wait is None:
                wait = backoff_s(attempt, self.backoff_base, self.backoff_max)
            attempt += 1
            self.usage.add(retries=1)
            self._sleep(min(wait, self.max_retry_after))


def _message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and error.get("message"):
            return str(error["message"])
    return str(getattr(exc, "message", exc))


def _reply(completion: Any) -> Reply:
    choices = getattr(completion, "choices", None) or []
    content = choices[0].message.content if choices else None
    usage = getattr(completion, "usage", None)
    return Reply(
        content,
        int(getattr(usage, "prompt_tokens", 0) or 0),
        int(getattr(usage, "completion_tokens", 0) or 0),
    )
