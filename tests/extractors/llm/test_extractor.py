"""The llm extractor against a real HTTP fake server: output, retries, repair, failures, cache, concurrency."""
from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from eval.exceptions import ExtractorUnavailableError, NewsbenchError
from eval.registry import Article, create, unavailable_reason
from eval.schema import Document
from extractors.llm import LLMExtractor
from tests.extractors.llm.fake_openai import (  # noqa: F401
    EMPTY_ANSWER,
    FakeOpenAI,
    article_of,
    error,
    fake_openai,
    malformed,
    ok,
    slow,
)

TEXT = "Senator Lena Brook met farmers in Dunmore on Friday. \u201cPrices are too low,\u201d Brook said. Later Brook flew home to Dunmore."
ANSWER = {
    "actors": [
        {"id": "a1", "name": "Lena Brook", "type": "PER", "mentions": ["Lena Brook", "Brook", "Brook"]},
        {"id": "a2", "name": "farmers", "type": "PER", "mentions": ["farmers"]},
    ],
    "locations": [{"id": "l1", "name": "Dunmore", "type": "GPE", "mentions": ["Dunmore", "Dunmore"]}],
    "quotes": [{"content": "\u201cPrices are too low,\u201d", "speaker": "a1", "kind": "direct", "cue": "said"}],
    "events": [
        {"type": "MEET", "trigger": "met", "participant": ["a1", "a2"], "place": ["l1"]},
        {"type": "STATEMENT", "trigger": "said", "agent": ["a1"]},
        {"type": "MOVE", "trigger": "flew", "agent": ["a1"], "destination": ["l1"]},
    ],
}


def _span(text: str, s: str, n: int = 0) -> dict:
    start = -1
    for _ in range(n + 1):
        start = text.index(s, start + 1)
    return {"start": start, "end": start + len(s), "text": s}


def expected_document() -> Document:
    t = TEXT

    def name(s: str, n: int = 0, kind: str = "name") -> dict:
        return {**_span(t, s, n), "kind": kind}

    return Document.model_validate(
        {
            "doc_id": "brook",
            "text": t,
            "actors": [
                {"id": "a1", "name": "Lena Brook", "type": "PER",
                 "mentions": [name("Lena Brook"), name("Brook", 1), name("Brook", 2)]},
                {"id": "a2", "name": "farmers", "type": "PER", "mentions": [name("farmers", kind="nominal")]},
            ],
            "locations": [{"id": "l1", "name": "Dunmore", "type": "GPE",
                           "mentions": [name("Dunmore"), name("Dunmore", 1)]}],
            "quotes": [{"id": "q1", "content": _span(t, "Prices are too low,"), "speaker": "a1", "kind": "direct",
                        "cue": _span(t, "said"), "speaker_mention": _span(t, "Brook", 1)}],
            "events": [
                {"id": "e1", "type": "MEET", "trigger": _span(t, "met"), "polarity": "positive", "modality": "asserted",
                 "arguments": [{"role": "participant", "ref": "a1"}, {"role": "participant", "ref": "a2"},
                               {"role": "place", "ref": "l1"}]},
                {"id": "e2", "type": "STATEMENT", "trigger": _span(t, "said"), "polarity": "positive",
                 "modality": "asserted", "arguments": [{"role": "agent", "ref": "a1"}]},
                {"id": "e3", "type": "MOVE", "trigger": _span(t, "flew"), "polarity": "positive", "modality": "asserted",
                 "arguments": [{"role": "agent", "ref": "a1"}, {"role": "destination", "ref": "l1"}]},
            ],
            "meta": {
                "extractor": "llm", "model": "fake", "chunks": 1, "cache_hits": 0, "status": "ok",
                "alignment": {"exact": 11, "normalised": 0, "fuzzy": 0}, "dropped_items": 0, "dropped_spans": 0,
                "dropped": [],
            },
        }
    )


def make(tmp_path: Path, **kw) -> LLMExtractor:
    options = {"model": "fake", "concurrency": 1, "cache_dir": tmp_path / "cache", "backoff_base": 0.01, **kw}
    return LLMExtractor(**options)


def articles(n: int) -> list[Article]:
    return [Article(f"d{i}", f"Report {i}: Mayor Ana Quill{i} opened the Harbour{i} bridge.") for i in range(n)]


def test_output_is_grounded_and_resolved(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(ok(ANSWER))
    extractor = make(tmp_path)
    assert list(extractor.extract([Article("brook", TEXT)])) == [expected_document()]


def test_request_carries_model_schema_and_parameters(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    list(make(tmp_path, temperature=0.3, max_tokens=512).extract([Article("brook", TEXT)]))
    body = fake_openai.requests[0]
    assert (body["model"], body["temperature"], body["max_tokens"], body["response_format"]["type"],
            "events" in body["response_format"]["json_schema"]["schema"]["properties"], article_of(body)) == (
        "fake", 0.3, 512, "json_schema", True, TEXT)


def test_usage_counts_tokens_and_cost(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(ok(ANSWER, prompt_tokens=1000, completion_tokens=200))
    extractor = make(tmp_path, prices={"models": {"fake": {"input_per_1m": 1.0, "output_per_1m": 5.0}}})
    list(extractor.extract([Article("brook", TEXT)]))
    assert extractor.usage == {
        "requests": 1, "retries": 0, "repairs": 0, "cache_hits": 0, "prompt_tokens": 1000, "completion_tokens": 200,
        "failures": 0, "failed_docs": [], "dropped_items": 0, "dropped_spans": 0, "dropped_entities": 0,
        "unresolved_refs": 0, "length_splits": 0, "context_splits": 0, "answers_json_schema": 1,
        "answers_json_object": 0, "response_format": "json_schema", "cost": 0.002, "currency": "USD",
        "price_per_1m": {"input": 1.0, "output": 5.0},
    }


@pytest.mark.parametrize(
    ("steps", "counts"),
    [
        pytest.param([error(500), ok()], {"requests": 2, "retries": 1, "repairs": 0}, id="500-then-success"),
        pytest.param([error(503), error(502), ok()], {"requests": 3, "retries": 2, "repairs": 0}, id="5xx-twice"),
        pytest.param([slow(1.5), ok()], {"requests": 2, "retries": 1, "repairs": 0}, id="timeout-then-success"),
        pytest.param([malformed(), ok()], {"requests": 2, "retries": 0, "repairs": 1}, id="malformed-then-repaired"),
        pytest.param(
            [ok({**EMPTY_ANSWER, "events": [{"type": "PARTY", "trigger": "x"}]})],
            {"requests": 1, "retries": 0, "repairs": 0, "dropped_items": 1},
            id="invalid-item-dropped-without-repair",
        ),
    ],
)
def test_recoverable_errors(fake_openai: FakeOpenAI, tmp_path: Path, steps, counts) -> None:
    fake_openai.push(*steps)
    extractor = make(tmp_path, timeout=0.5)
    [doc] = extractor.extract([Article("d", "Some text.")])
    usage = extractor.usage
    assert ({k: usage[k] for k in counts}, usage["failures"], doc.meta["status"]) == (counts, 0, "ok")


def test_repair_request_sends_back_the_bad_reply_and_the_reason(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(malformed("{oops"), ok())
    list(make(tmp_path).extract([Article("d", "Some text.")]))
    repair = fake_openai.requests[1]["messages"]
    assert (repair[-2], "not valid JSON" in repair[-1]["content"]) == ({"role": "assistant", "content": "{oops"}, True)


def test_429_honours_retry_after(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(error(429, "slow down", {"retry-after": "1"}), ok())
    extractor = make(tmp_path)
    start = time.perf_counter()
    [doc] = extractor.extract([Article("d", "Some text.")])
    elapsed = time.perf_counter() - start
    assert (elapsed >= 1.0, extractor.usage["retries"], doc.meta["status"]) == (True, 1, "ok")


def test_a_failing_document_does_not_stop_the_run(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(ok(), malformed(), malformed(), ok())
    extractor = make(tmp_path)
    docs = list(extractor.extract(articles(3)))
    assert (
        [d.doc_id for d in docs],
        [d.meta["status"] for d in docs],
        docs[1].actors,
        docs[1].meta["error"].startswith("invalid answer after one repair request: the reply is not valid JSON"),
        extractor.usage["failures"],
    ) == (["d0", "d1", "d2"], ["ok", "failed", "ok"], (), True, 1)


def test_retries_are_bounded(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(error(500), error(500), error(500), ok())
    extractor = make(tmp_path, max_retries=2)
    docs = list(extractor.extract(articles(2)))
    assert ([d.meta["status"] for d in docs], docs[0].meta["error"], extractor.usage["requests"]) == (
        ["failed", "ok"], "gave up after 3 attempt(s); last error 500: scripted error", 4)


def test_fallback_to_json_mode_when_json_schema_is_refused(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.reject_json_schema = True
    extractor = make(tmp_path)
    docs = list(extractor.extract(articles(2)))
    assert (
        [r["response_format"]["type"] for r in fake_openai.requests],
        [d.meta["status"] for d in docs],
        extractor.usage["response_format"],
    ) == (["json_schema", "json_object", "json_object"], ["ok", "ok"], "json_object")


@pytest.mark.parametrize("status", [401, 403, 404])
def test_a_refused_configuration_stops_with_a_reason(fake_openai: FakeOpenAI, tmp_path: Path, status: int) -> None:
    fake_openai.push(error(status, "model 'fake' does not exist"))
    with pytest.raises(ExtractorUnavailableError, match=f"answered {status}: model 'fake' does not exist"):
        list(make(tmp_path).extract(articles(3)))


def test_a_dead_server_is_not_a_row_of_zeros(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    extractor = make(tmp_path, base_url=f"http://127.0.0.1:{port}/v1", max_retries=1)
    with pytest.raises(ExtractorUnavailableError, match="failed on every one of the 2 document") as caught:
        list(extractor.extract(articles(2)))
    usage = extractor.usage
    assert (f"cannot reach the server at http://127.0.0.1:{port}/v1" in str(caught.value),
            usage["failures"], usage["failed_docs"], usage["requests"]) == (True, 2, ["d0", "d1"], 4)


def test_second_run_makes_zero_requests(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    first = list(make(tmp_path, concurrency=4).extract(articles(6)))
    n_first = len(fake_openai.requests)
    again = make(tmp_path, concurrency=4)
    second = list(again.extract(articles(6)))
    assert (n_first, len(fake_openai.requests), again.usage["cache_hits"], again.usage["requests"]) == (6, 6, 6, 0)
    assert [d.model_copy(update={"meta": None}) for d in second] == [d.model_copy(update={"meta": None}) for d in first]


def test_a_crashed_run_resumes_where_it_stopped(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.push(ok(), ok(), error(500))  # the third document fails: nothing is cached for it
    list(make(tmp_path, max_retries=0).extract(articles(4)))
    before = len(fake_openai.requests)
    resumed = make(tmp_path)
    docs = list(resumed.extract(articles(4)))
    assert (before, len(fake_openai.requests) - before, resumed.usage["cache_hits"], [d.meta["status"] for d in docs]) == (
        4, 1, 3, ["ok"] * 4)


@pytest.mark.parametrize("change", [{"model": "other"}, {"temperature": 0.7}, {"response_format": "json_object"}])
def test_cache_key_covers_model_and_parameters(fake_openai: FakeOpenAI, tmp_path: Path, change: dict) -> None:
    list(make(tmp_path).extract(articles(1)))
    list(make(tmp_path, **change).extract(articles(1)))
    assert len(fake_openai.requests) == 2


def test_damaged_cache_entry_is_a_miss(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    list(make(tmp_path).extract(articles(1)))
    [entry] = (tmp_path / "cache" / "llm").rglob("*.json")
    entry.write_text("{half-writ")
    docs = list(make(tmp_path).extract(articles(1)))
    assert (len(fake_openai.requests), docs[0].meta["status"], json.loads(entry.read_text())["model"]) == (2, "ok", "fake")


def test_cache_files_are_written_atomically(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    list(make(tmp_path, concurrency=3).extract(articles(5)))
    files = sorted(p.name for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert (len(files), [f for f in files if not f.endswith(".json")]) == (5, [])


def test_concurrency_keeps_n_requests_in_flight_and_input_order(tmp_path: Path, monkeypatch) -> None:
    # Early articles answer slowest, so a pool that yielded in completion order would reorder them.
    delays = {f"Report {i}:": 0.05 * (8 - i) for i in range(8)}

    def delay_for(body: dict) -> float:
        text = article_of(body)
        return next(d for prefix, d in delays.items() if text.startswith(prefix))

    with FakeOpenAI(delay_for=delay_for) as server:
        extractor = make(tmp_path, base_url=server.base_url, concurrency=4)
        docs = list(extractor.extract(articles(8)))
    assert ([d.doc_id for d in docs], server.max_in_flight) == ([f"d{i}" for i in range(8)], 4)


def test_long_article_is_chunked_and_merged(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    text = " ".join(f"Paragraph {i} says that Quill visited Harbourton again." for i in range(40))
    [doc] = make(tmp_path, max_chars=400, overlap=120).extract([Article("long", text)])
    quill = next(a for a in doc.actors if a.name == "Quill")
    starts = [m.start for m in quill.mentions]
    assert (doc.meta["chunks"] > 5, starts, len(fake_openai.requests)) == (
        True, [i for i in range(len(text)) if text.startswith("Quill", i)], doc.meta["chunks"])


def test_config_records_the_run_without_secrets(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    config = make(tmp_path).config()
    assert (config["model"], config["base_url_host"], "sk-test" in json.dumps(config), len(config["prompt_sha256"])) == (
        "fake", fake_openai.base_url.split("/")[2], False, 64)


def test_unavailable_reasons_without_server_or_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    assert (
        LLMExtractor.unavailable_reason(model="m"),
        LLMExtractor.unavailable_reason(model=None, base_url="http://x/v1"),
        unavailable_reason("llm"),
    ) == (
        "OPENAI_BASE_URL is not set; point it at an OpenAI-compatible server (e.g. http://localhost:8000/v1)",
        "no model: pass --model NAME",
        "OPENAI_BASE_URL is not set; point it at an OpenAI-compatible server (e.g. http://localhost:8000/v1); "
        "no model: pass --model NAME",
    )


def test_registry_creates_it_with_cli_options(fake_openai: FakeOpenAI) -> None:
    extractor = create("llm", model="fake", concurrency=3, workers=2)
    assert (type(extractor), extractor.concurrency) == (LLMExtractor, 3)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"concurrency": 0}, "concurrency must be a number >= 1, got 0"),
        ({"response_format": "xml"}, "Unknown response_format 'xml'. Available: json_schema, json_object"),
        ({"max_chars": 10}, "max_chars must be a number >= 200, got 10"),
    ],
)
def test_bad_options_are_named(fake_openai: FakeOpenAI, tmp_path: Path, options: dict, message: str) -> None:
    with pytest.raises(NewsbenchError, match=message):
        make(tmp_path, **options)
