"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks, with scripted replies.

Each POST to ``/v1/chat/completions`` takes the next :class:`Step` of ``script`` (FIFO), or, when
the script is empty, asks ``responder(body)`` for the content. Every request body is kept in
``requests``; ``max_in_flight`` records the most requests served at the same time.

    with FakeOpenAI(latency=0.1) as server:
        server.push(error(500), ok('{"actors": [], ...}'))
        ... OPENAI_BASE_URL=server.base_url ...
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterator

import pytest

EMPTY_ANSWER = {"actors": [], "locations": [], "quotes": [], "events": []}


@dataclass(frozen=True)
class Step:
    """One scripted reply: an HTTP status, a message content or a raw body, a delay, headers."""

    status: int = 200
    content: str | None = None
    body: dict[str, Any] | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    prompt_tokens: int = 100
    completion_tokens: int = 20
    finish_reason: str = "stop"
    dribble: float = 0.0  # > 0: send the body one byte at a time, this many seconds apart


def _content(answer: str | dict[str, Any]) -> str:
    return answer if isinstance(answer, str) else json.dumps(answer)


def ok(answer: str | dict[str, Any] = EMPTY_ANSWER, **kw: Any) -> Step:
    return Step(content=_content(answer), **kw)


def malformed(text: str = '{"actors": [ this is not JSON') -> Step:
    return Step(content=text)


def error(status: int, message: str = "scripted error", headers: dict[str, str] | None = None) -> Step:
    return Step(status=status, body={"error": {"message": message, "type": "fake", "code": status}}, headers=headers or {})


def slow(seconds: float, answer: str | dict[str, Any] = EMPTY_ANSWER) -> Step:
    return Step(content=_content(answer), delay=seconds)


def cut_off(answer: str | dict[str, Any]) -> Step:
    """An answer the server stopped at its token limit (``finish_reason: "length"``)."""
    return Step(content=_content(answer), finish_reason="length")


def dribbling(seconds_per_byte: float, answer: str | dict[str, Any] = EMPTY_ANSWER) -> Step:
    """Headers at once, then the body one byte every ``seconds_per_byte``: never idle long, never done."""
    return Step(content=_content(answer), dribble=seconds_per_byte)


def article_of(body: dict[str, Any]) -> str:
    """The article text of a request built by extractors.llm.prompt (the last user message)."""
    users = [m["content"] for m in body["messages"] if m["role"] == "user"]
    for content in reversed(users):  # a repair request ends with a user turn that is not an article
        match = re.search(r"<<<\n(.*)\n>>>", content, re.DOTALL)
        if match:
            return match.group(1)
    return users[-1]


def capitalised_responder(body: dict[str, Any]) -> str:
    """A deterministic stand-in for a model: every capitalised word is a PER actor with one mention
    per occurrence; every text in double quotation marks is a direct quote."""
    text = article_of(body)
    words = re.findall(r"\b[A-Z][a-z]{2,}\b", text)
    actors = [
        {"id": f"a{n}", "name": w, "type": "PER", "mentions": [w] * words.count(w)}
        for n, w in enumerate(dict.fromkeys(words), 1)
    ]
    quotes = [
        {"content": q, "speaker": None, "kind": "direct", "cue": None}
        for q in re.findall(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]", text)
    ]
    return json.dumps({**EMPTY_ANSWER, "actors": actors, "quotes": quotes})


_WORD = re.compile(r"\w")
MAX_CONTEXT_WORDS = 8


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Exact occurrences of ``needle`` that start and end on word boundaries (all of them if none does)."""
    spans, i = [], text.find(needle)
    while needle and i != -1:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + 1)

    def bounded(s: int, e: int) -> bool:
        left = s == 0 or not (_WORD.match(text[s - 1]) and _WORD.match(needle[0]))
        right = e == len(text) or not (_WORD.match(text[e]) and _WORD.match(needle[-1]))
        return left and right

    return [x for x in spans if bounded(*x)] or spans


def with_context(text: str, span: tuple[int, int]) -> str:
    """The words around ``span`` (at most 8) with the span in [brackets], widened until unique in ``text``."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    first = next(i for i, (s, e) in enumerate(words) if e > span[0])
    last = next(i for i, (s, e) in reversed(list(enumerate(words))) if s < span[1])
    lo, hi = first, last
    while True:
        start, end = min(words[lo][0], span[0]), max(words[hi][1], span[1])
        plain = text[start:end]
        if text.count(plain) == 1 or hi - lo + 1 >= MAX_CONTEXT_WORDS or (lo == 0 and hi == len(words) - 1):
            return f"{text[start:span[0]]}[{text[span[0]:span[1]]}]{text[span[1]:end]}"
        if hi + 1 < len(words) and (hi - last <= first - lo or lo == 0):
            hi += 1
        else:
            lo -= 1


class Oracle:
    """A perfect model: answers each request with the gold annotation of the piece of text in it.

    The piece is found in one of the gold documents; the answer holds every actor and location
    with a mention in it (and those a quote or event of the piece refers to), every quote and event
    (with its subtype) inside it, in the answer format the extractor asks for. Like a careful model
    following the prompt, it adds context to a mention whose words also occur in the piece for something
    else, and to a trigger or cue that reading order or nearness alone would place wrongly. A quote cut
    by the piece's edge is answered as a model reading the piece would: the part of its content in the
    piece (without the spaces at the cut), its speaker only when the speaker's mention is in the piece
    and its cue only when the cue is; nested quotes cut at the same place leave one part. Mentions,
    triggers and cues are given whole or not at all: they are short, and in the shipped gold and
    gold/dev/dev each lies whole in some piece at 500, 1,000 and 4,000 characters (pieces overlap
    and end between words).
    ``answers`` keeps (piece length, answer length) per request.
    """

    def __init__(self, golds: list[Any]):
        self.golds = golds
        self.answers: list[tuple[int, int]] = []
        self._lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> str:
        piece = article_of(body)
        for doc in self.golds:
            offset = doc.text.find(piece)
            if offset != -1:
                break
        else:
            raise ValueError("the oracle has no gold document containing this piece")
        # Compact JSON, as in the prompt's own examples.
        content = json.dumps(self.answer(doc, piece, offset), ensure_ascii=False, separators=(",", ":"))
        with self._lock:
            self.answers.append((len(piece), len(content)))
        return content

    def answer(self, doc: Any, piece: str, offset: int) -> dict[str, Any]:
        end = offset + len(piece)

        def inside(span: Any) -> bool:
            return offset <= span.start and span.end <= end

        def local(span: Any) -> tuple[int, int]:
            return span.start - offset, span.end - offset

        seen = sorted(filter(None, (self._seen(doc, q, offset, end) for q in doc.quotes)), key=lambda s: (s[0][0], -s[0][1]))
        # Nested quotes cut at the same place leave the same words in the piece: a model sees one quote there.
        quotes = [s for n, s in enumerate(seen) if s[0] == (s[3].content.start, s[3].content.end) or all(
            t[0] != s[0] for t in seen[:n])]
        events = sorted((e for e in doc.events if inside(e.trigger)), key=lambda e: e.trigger.start)
        wanted = {speaker for _, speaker, _, _ in quotes if speaker} | {a.ref for e in events for a in e.arguments}
        entities = {"actors": [], "locations": []}
        for key in entities:
            for ent in getattr(doc, key):
                mentions = [m for m in ent.mentions if inside(m)]
                if not mentions and ent.id not in wanted:
                    continue
                own = {local(m) for m in mentions}
                entities[key].append({"id": ent.id, "name": ent.name, "type": ent.type, "mentions": [
                    m.text if set(_occurrences(piece, m.text)) <= own else with_context(piece, local(m)) for m in mentions
                ]})
        return {
            **entities,
            "quotes": [self._quote(piece, offset, *item) for item in quotes],
            "events": self._events(piece, events, local),
        }

    @staticmethod
    def _seen(doc: Any, q: Any, start: int, end: int) -> tuple[tuple[int, int], str | None, Any, Any] | None:
        """What of quote ``q`` a model reading ``doc.text[start:end]`` sees: (content span, speaker,
        cue, quote); None when no letter or digit of its content is in the piece."""
        if start <= q.content.start and q.content.end <= end:  # whole: as annotated
            return (q.content.start, q.content.end), q.speaker, q.cue, q
        lo, hi = max(q.content.start, start), min(q.content.end, end)
        part = doc.text[lo:hi] if lo < hi else ""
        if not any(ch.isalnum() for ch in part):
            return None
        lo, hi = lo + len(part) - len(part.lstrip()), hi - len(part) + len(part.rstrip())

        def visible(span: Any) -> bool:
            return span is not None and start <= span.start and span.end <= end

        mentions = [q.speaker_mention] if q.speaker_mention is not None else [
            m for a in doc.actors if a.id == q.speaker for m in a.mentions]
        speaker = q.speaker if any(visible(m) for m in mentions) else None
        return (lo, hi), speaker, q.cue if visible(q.cue) else None, q

    @staticmethod
    def _quote(piece: str, offset: int, span: tuple[int, int], speaker: str | None, cue_span: Any, q: Any) -> dict[str, Any]:
        content = span[0] - offset, span[1] - offset
        out = {"content": piece[content[0]:content[1]], "speaker": speaker, "kind": q.kind, "cue": None}
        cue = None if cue_span is None else (cue_span.start - offset, cue_span.end - offset)
        if cue is not None and not (0 <= cue[0] and cue[1] <= len(piece)):
            cue = None  # the cue lies in another piece: a model sees only this one, and cues are not scored
        if cue is not None:
            spans = [s for s in _occurrences(piece, cue_span.text) if s[1] <= content[0] or s[0] >= content[1]]

            def distance(s: tuple[int, int]) -> tuple[int, bool]:
                gap = content[0] - s[1] if s[1] <= content[0] else s[0] - content[1]
                return gap, (s[0] >= content[1]) != (q.kind == "direct")

            nearest = min(spans, key=distance, default=None)
            out["cue"] = cue_span.text if nearest == cue else with_context(piece, cue)
        return out

    @staticmethod
    def _events(piece: str, events: list[Any], local: Callable) -> list[dict[str, Any]]:
        out, cursor, used = [], 0, set()
        for e in events:
            span = local(e.trigger)
            free = [s for s in _occurrences(piece, e.trigger.text) if s not in used]
            placed = next((s for s in free if s[0] >= cursor), free[0] if free else None)
            item: dict[str, Any] = {"type": e.type}
            if e.subtype is not None:
                item["subtype"] = e.subtype
            item["trigger"] = e.trigger.text if placed == span else with_context(piece, span)
            for a in e.arguments:
                item.setdefault(a.role, []).append(a.ref)
            if e.polarity not in (None, "positive"):
                item["polarity"] = e.polarity
            if e.modality not in (None, "asserted"):
                item["modality"] = e.modality
            out.append(item)
            used.add(span)
            cursor = span[0]
        return out


class FakeOpenAI:
    """The server; a context manager that starts it on a free port and stops it."""

    def __init__(
        self,
        responder: Callable[[dict[str, Any]], str] = capitalised_responder,
        latency: float = 0.0,
        delay_for: Callable[[dict[str, Any]], float] | None = None,
    ):
        self.responder = responder
        self.latency = latency
        self.delay_for = delay_for
        self.script: deque[Step] = deque()
        self.requests: list[dict[str, Any]] = []
        self.reject_json_schema = False
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def push(self, *steps: Step) -> None:
        self.script.extend(steps)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self, body: dict[str, Any]) -> Step:
        with self._lock:
            self.requests.append(body)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            step = self.script.popleft() if self.script else None
        if self.reject_json_schema and (body.get("response_format") or {}).get("type") == "json_schema":
            return error(400, "response_format json_schema is not supported")
        return step or Step(content=self.responder(body))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                step = fake._next(body)
                try:
                    time.sleep(fake.latency + step.delay + (fake.delay_for(body) if fake.delay_for else 0.0))
                    self._send(step, body)
                except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
                    pass
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

            def _send(self, step: Step, body: dict[str, Any]) -> None:
                if step.body is not None:
                    payload = step.body
                else:
                    payload = {
                        "id": f"chatcmpl-fake-{len(fake.requests)}",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": body.get("model", "fake"),
                        "choices": [
                            {"index": 0, "message": {"role": "assistant", "content": step.content},
                             "finish_reason": step.finish_reason}
                        ],
                        "usage": {
                            "prompt_tokens": step.prompt_tokens,
                            "completion_tokens": step.completion_tokens,
                            "total_tokens": step.prompt_tokens + step.completion_tokens,
                        },
                    }
                data = json.dumps(payload).encode("utf-8")
                self.send_response(step.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for key, value in step.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if not step.dribble:
                    self.wfile.write(data)
                    return
                for i in range(len(data)):
                    self.wfile.write(data[i : i + 1])
                    self.wfile.flush()
                    time.sleep(step.dribble)

        return Handler


@pytest.fixture
def fake_openai(monkeypatch: pytest.MonkeyPatch, tmp_path) -> Iterator[FakeOpenAI]:
    """A fake server, with OPENAI_BASE_URL pointing at it and the response cache in tmp_path."""
    with FakeOpenAI() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-secret")
        monkeypatch.setenv("NEWSBENCH_CACHE_DIR", str(tmp_path / "cache"))
        yield server
