"""Resume profiles from the embedding cache, or encoded and indexed when missing.

Encoding is the one expensive step of scoring: texts missing from the cache are encoded in one
length-sorted run (``Encoder.encode_chunks``), split into evidence units, indexed
(``profile.build_profile``) and cached under the model's hash and the masked text's key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from core.scoring.cache import EmbeddingCache, dump_profile, load_profile, round_vectors, text_key
from core.scoring.chunking import is_chinese, mask_placeholders
from core.scoring.profile import Profile, build_profile, units_of

if TYPE_CHECKING:
    from core.scoring.encoder import Encoder

FloatArray = npt.NDArray[np.float32]


def encode_profiles(encoder: Encoder, masked_texts: Sequence[str]) -> list[Profile]:
    """Encode and index texts that are not in the cache (one length-sorted encoding run)."""
    units = [units_of(t) for t in masked_texts]
    english = [not is_chinese(t) for t in masked_texts]
    flat = [u for (_, _, texts), en in zip(units, english, strict=True) if en for u in texts]
    encoded = iter(encoder.encode_chunks(flat) if flat else [])
    profiles: list[Profile] = []
    for text, (offsets, flags, _), en in zip(masked_texts, units, english, strict=True):
        rows: list[tuple[int, int]] = []
        row_flags: list[int] = []
        vectors: list[FloatArray] = []
        for (start, _), flag in zip(offsets, flags, strict=True):
            if en:
                chunks = next(encoded)
                rows.extend((start + int(a), start + int(b)) for a, b in chunks.offsets)
                row_flags.extend([flag] * len(chunks.offsets))
                vectors.append(chunks.vectors)
        if not en:
            rows, row_flags = list(offsets), list(flags)
        dim = encoder.dim if en else 0
        matrix = np.concatenate(vectors) if vectors else np.zeros((len(rows), dim), np.float32)
        profiles.append(
            build_profile(
                text,
                np.array(rows, np.int32).reshape(-1, 2),
                np.array(row_flags, np.uint8),
                round_vectors(matrix),
            )
        )
    return profiles


def profiles(
    encoder: Encoder, cache: EmbeddingCache | None, redacted_texts: Sequence[str]
) -> list[Profile]:
    """Profiles from the cache where present; the rest are built and cached."""
    masked = [mask_placeholders(t) for t in redacted_texts]
    keys = [text_key(t) for t in masked]
    found: dict[str, Profile] = {}
    if cache is not None and keys:
        for key, blob in cache.get_many(encoder.model_hash, keys).items():
            profile = load_profile(blob)
            if profile is not None and profile.vectors.shape[1] in (0, encoder.dim):
                found[key] = profile
    todo = {k: t for k, t in zip(keys, masked, strict=True) if k not in found}
    if todo:
        fresh = dict(zip(todo, encode_profiles(encoder, list(todo.values())), strict=True))
        found.update(fresh)
        if cache is not None:
            cache.put_many(encoder.model_hash, {k: dump_profile(p) for k, p in fresh.items()})
    return [found[k] for k in keys]
