"""Scoring: a local sentence encoder, requirement parsing, and explained requirement-level scores.

    encoder = load_encoder()                       # verifies the weights' SHA-256
    scorer = Scorer(encoder, cache=ws.embeddings)  # the cache is optional
    score = scorer.score(parse_requirements(job_text), redacted_text)

Heavy libraries (torch, transformers) are imported only when an encoder is loaded.
"""

from __future__ import annotations

from core.scoring.cache import EmbeddingCache, MemoryCache, dump_profile, load_profile, text_key
from core.scoring.encoder import (
    MINILM_SHA256,
    Chunks,
    Encoder,
    default_model_dir,
    load_encoder,
    read_verified_weights,
)
from core.scoring.profile import Profile
from core.scoring.requirements import parse_requirements
from core.scoring.scorer import Scorer, ScoringOptions

__all__ = [
    "MINILM_SHA256",
    "Chunks",
    "EmbeddingCache",
    "Encoder",
    "MemoryCache",
    "Profile",
    "Scorer",
    "ScoringOptions",
    "default_model_dir",
    "dump_profile",
    "load_encoder",
    "load_profile",
    "parse_requirements",
    "read_verified_weights",
    "text_key",
]
