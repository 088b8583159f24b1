"""The fingerprint (SHA-256) of a set of documents, independent of their order.
"""
from __future__ import annotations

import array
import hashlib
import json
import tempfile
from typing import Iterable

from eval.data.models import Document
from eval.data.parsing import document_json
from eval.exceptions import InvalidInputError, Problem


def document_sha256(docs: Iterable[Document]) -> str:
    """A fingerprint of a set of documents, independent of their order."""
    fingerprint = Fingerprint()
    for doc in docs:
        fingerprint.add(doc)
    return fingerprint.hexdigest()


class Fingerprint:
    """:func:`document_sha256` built one document at a time, without holding the documents.

    The digest is the SHA-256 of the documents' JSON lines in sorted order. Each line goes to a
    temporary file; only its offset, length and key length stay in memory, in a flat array (no
    Python object per document, which would pin the allocator's memory of the whole stream). The
    key of a line is the line up to the end of its ``doc_id`` value (the first ``"doc_id":`` of a
    compact line is the top-level key: it comes before any nested object, and a quote inside a
    string is escaped). Two lines that agree up to there have the same ``doc_id``, and ``doc_id``
    values are unique in a set, so the keys order the lines exactly as the whole lines do; a line
    without the key is keyed by all of it. UTF-8 bytes sort as the
    code points they encode, so keys are compared as bytes.
    """

    _KEY = '"doc_id":'

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()
        self._entries = array.array("q")  # offset, length, key length of each line
        self._offset = 0
        self._decoder = json.JSONDecoder()

    def add(self, doc: Document) -> None:
        line = document_json(doc)
        data = line.encode("utf-8") + b"\n"
        key_length = len(data) - 1
        at = line.find(self._KEY)
        if at >= 0:
            _, end = self._decoder.raw_decode(line, at + len(self._KEY))
            key_length = len(line[:end].encode("utf-8"))
        try:
            self._file.write(data)
        except OSError as exc:
            raise _temporary_file_error(exc) from None
        self._entries.extend((self._offset, len(data), key_length))
        self._offset += len(data)

    def hexdigest(self) -> str:
        digest = hashlib.sha256()
        try:
            self._file.flush()
        except OSError as exc:
            raise _temporary_file_error(exc) from None
        keys = []
        for k in range(0, len(self._entries), 3):
            self._file.seek(self._entries[k])
            keys.append((self._file.read(self._entries[k + 2]), k))
        keys.sort()
        for _key, k in keys:
            self._file.seek(self._entries[k])
            digest.update(self._file.read(self._entries[k + 1]))
        self._file.close()
        return digest.hexdigest()


def _temporary_file_error(exc: OSError) -> InvalidInputError:
    folder = tempfile.gettempdir()
    return InvalidInputError(Problem(folder, "", f"cannot write the temporary file of the gold fingerprint: {exc.strerror}; "
                                                 "free space there or point TMPDIR at another folder"))
