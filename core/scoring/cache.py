"""The embedding cache: segment embeddings of a text, kept so a new job needs no re-encoding.

The workspace implements :class:`EmbeddingCache` (``ws.embeddings``), inside the encrypted
database. Entries are namespaced by the model's hash and keyed by :func:`text_key`, a SHA-256 of
the masked text and the segmenter version, so the key reveals nothing and changes whenever the
embedding would. Values are produced by :func:`dump_chunks` and read by :func:`load_chunks`:
a small header, the segment offsets (int32) and the vectors (float16; scores are always computed
from the float16-rounded vectors, cached or fresh, so a cache hit scores exactly like a miss).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from core.scoring.chunking import SEGMENTER_VERSION
from core.scoring.encoder import Chunks

_MAGIC = b"VEM1"
_HEADER = struct.Struct("<4sII")  # magic, rows, dim


class EmbeddingCache(Protocol):
    """Where segment embeddings are kept (the workspace's ``embeddings``, or a dict in tests)."""

    def get_many(self, model_hash: str, keys: Sequence[str]) -> dict[str, bytes]: ...

    def put_many(self, model_hash: str, items: Mapping[str, bytes]) -> None: ...


class MemoryCache:
    """An in-memory :class:`EmbeddingCache` (tests, one-off CLI scoring)."""

    def __init__(self) -> None:
        self.data: dict[tuple[str, str], bytes] = {}
        self.gets = 0
        self.puts = 0

    def get_many(self, model_hash: str, keys: Sequence[str]) -> dict[str, bytes]:
        self.gets += len(keys)
        return {k: self.data[(model_hash, k)] for k in keys if (model_hash, k) in self.data}

    def put_many(self, model_hash: str, items: Mapping[str, bytes]) -> None:
        self.puts += len(items)
        for key, value in items.items():
            self.data[(model_hash, key)] = value


def text_key(masked_text: str) -> str:
    """The cache key of a (placeholder-masked) text."""
    digest = hashlib.sha256()
    digest.update(SEGMENTER_VERSION.encode())
    digest.update(b"\0")
    digest.update(masked_text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def round_vectors(chunks: Chunks) -> Chunks:
    """The same chunks with vectors rounded through float16, as stored."""
    vectors = chunks.vectors.astype(np.float16).astype(np.float32)
    return Chunks(offsets=chunks.offsets, vectors=vectors)


def dump_chunks(chunks: Chunks) -> bytes:
    rows, dim = chunks.vectors.shape if chunks.vectors.ndim == 2 else (0, 0)
    return b"".join(
        (
            _HEADER.pack(_MAGIC, rows, dim),
            np.ascontiguousarray(chunks.offsets, dtype="<i4").tobytes(),
            np.ascontiguousarray(chunks.vectors, dtype="<f2").tobytes(),
        )
    )


def load_chunks(blob: bytes) -> Chunks | None:
    """The chunks stored in ``blob``, or None if it is not a valid entry (then re-encode)."""
    if len(blob) < _HEADER.size:
        return None
    magic, rows, dim = _HEADER.unpack_from(blob)
    offsets_size = rows * 2 * 4
    if magic != _MAGIC or len(blob) != _HEADER.size + offsets_size + rows * dim * 2:
        return None
    offsets = np.frombuffer(blob, dtype="<i4", count=rows * 2, offset=_HEADER.size)
    vectors = np.frombuffer(blob, dtype="<f2", count=rows * dim, offset=_HEADER.size + offsets_size)
    return Chunks(
        offsets=offsets.reshape(rows, 2).astype(np.int32),
        vectors=vectors.reshape(rows, dim).astype(np.float32),
    )
