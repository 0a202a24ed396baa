"""The embedding cache: segment embeddings of a text, kept so a new job needs no re-encoding.

The workspace implements :class:`EmbeddingCache` (``ws.embeddings``), inside the encrypted
database. Entries are namespaced by the model's hash and keyed by :func:`text_key`, a SHA-256 of
the masked text and the segmenter version, so the key reveals nothing and changes whenever the
embedding would. Values are produced by :func:`dump_profile` and read by :func:`load_profile`:
a small header, the unit offsets (int32) and flags, the vectors (float16; scores are always
computed from the float16-rounded vectors, cached or fresh, so a hit scores exactly like a miss),
and the term index (terms, where they occur, their specificity, date ranges, degree).
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from core.scoring.chunking import SEGMENTER_VERSION
from core.scoring.profile import Float32Array, Profile

_MAGIC = b"VEP3"  # VEP3 added the terms' specificity; older entries are rebuilt
# magic, units, dim, terms, postings, date spans, degree, stated years, chinese
_HEADER = struct.Struct("<4sIIIIIIfI")
_SEP = "\x1f"


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


def round_vectors(vectors: Float32Array) -> Float32Array:
    """``vectors`` rounded through float16, as stored."""
    out: Float32Array = vectors.astype(np.float16).astype(np.float32)
    return out


def dump_profile(profile: Profile) -> bytes:
    """Serialise a resume's profile (units, embeddings, term index) for the cache."""
    units, dim = profile.vectors.shape
    counts = np.diff(profile.bounds).astype("<i4")
    postings = profile.flat_postings.astype("<i4")
    strings = (_SEP.join(profile.terms) + "\x1e" + _SEP.join(profile.surfaces)).encode("utf-8")
    header = _HEADER.pack(
        _MAGIC,
        units,
        dim,
        len(profile.terms),
        len(postings),
        len(profile.date_spans),
        profile.degree,
        profile.stated_years,
        int(profile.chinese),
    )
    return b"".join(
        (
            header,
            np.ascontiguousarray(profile.offsets, dtype="<i4").tobytes(),
            np.ascontiguousarray(profile.flags, dtype=np.uint8).tobytes(),
            np.ascontiguousarray(profile.vectors, dtype="<f2").tobytes(),
            counts.tobytes(),
            np.ascontiguousarray(profile.specificity, dtype="<f4").tobytes(),
            postings.tobytes(),
            np.ascontiguousarray(profile.date_spans, dtype="<f4").tobytes(),
            strings,
        )
    )


def load_profile(blob: bytes) -> Profile | None:
    """The profile stored in ``blob``, or None if it is not a valid entry (then re-encode)."""
    if len(blob) < _HEADER.size:
        return None
    magic, units, dim, n_terms, n_postings, n_spans, degree, stated, chinese = _HEADER.unpack_from(
        blob
    )
    if magic != _MAGIC:
        return None
    sizes = (
        units * 8,
        units,
        units * dim * 2,
        n_terms * 4,
        n_terms * 4,
        n_postings * 4,
        n_spans * 8,
    )
    if len(blob) < _HEADER.size + sum(sizes):
        return None
    at = _HEADER.size

    def take(dtype: str, count: int, size: int) -> npt.NDArray[Any]:
        nonlocal at
        array = np.frombuffer(blob, dtype=dtype, count=count, offset=at)
        at += size
        return array

    offsets = take("<i4", units * 2, sizes[0]).reshape(units, 2).astype(np.int32)
    flags = take("u1", units, sizes[1]).astype(np.uint8)
    vectors = take("<f2", units * dim, sizes[2]).reshape(units, dim).astype(np.float32)
    counts = take("<i4", n_terms, sizes[3])
    specificity = take("<f4", n_terms, sizes[4]).astype(np.float32)
    flat = take("<i4", n_postings, sizes[5]).astype(np.int32)
    spans = take("<f4", n_spans * 2, sizes[6]).reshape(n_spans, 2).astype(np.float32)
    try:
        term_text, surface_text = blob[at:].decode("utf-8").split("\x1e")
    except (UnicodeDecodeError, ValueError):
        return None
    terms = term_text.split(_SEP) if n_terms else []
    surfaces = surface_text.split(_SEP) if n_terms else []
    if len(terms) != n_terms or len(surfaces) != n_terms or int(counts.sum()) != n_postings:
        return None
    bounds = np.concatenate(([0], np.cumsum(counts, dtype=np.int64)))
    return Profile(
        offsets=offsets,
        flags=flags,
        vectors=vectors,
        terms=terms,
        surfaces=surfaces,
        flat_postings=flat,
        bounds=bounds,
        date_spans=spans,
        stated_years=float(stated),
        degree=int(degree),
        chinese=bool(chinese),
        specificity=specificity,
    )
