"""The ``llm`` extractor for any OpenAI-compatible chat server (see README.md in this folder)."""
from extractors.llm.extractor import LLMExtractor

__all__ = ["LLMExtractor"]
