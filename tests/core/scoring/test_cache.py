from __future__ import annotations

import numpy as np

from core.scoring.cache import MemoryCache, dump_profile, load_profile, text_key
from core.scoring.chunking import mask_placeholders
from core.scoring.profile import Profile, build_profile, units_of


def _profile(text: str, dim: int = 4) -> Profile:
    masked = mask_placeholders(text)
    offsets, flags, _ = units_of(masked)
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((len(offsets), dim)).astype(np.float16).astype(np.float32)
    return build_profile(
        masked, np.array(offsets, np.int32).reshape(-1, 2), np.array(flags, np.uint8), vectors
    )


def test_profile_round_trip() -> None:
    text = (
        "<PERSON_1>\nExperience\n- Built Kafka pipelines, 2018 - present\n"
        "Skills\nPython, SQL, Go, Rust\n"
    )
    profile = _profile(text)
    loaded = load_profile(dump_profile(profile))
    assert loaded is not None
    assert np.array_equal(loaded.offsets, profile.offsets)
    assert np.array_equal(loaded.flags, profile.flags)
    assert np.array_equal(loaded.vectors, profile.vectors)
    assert loaded.terms == profile.terms
    assert loaded.surfaces == profile.surfaces
    assert all(np.array_equal(a, b) for a, b in zip(loaded.postings, profile.postings, strict=True))
    assert loaded.years(2024) == profile.years(2024) == 6.5
    assert loaded.term_index("kafka") >= 0
    assert np.array_equal(loaded.specificity, profile.specificity)
    weight = dict(zip(profile.terms, profile.specificity.tolist(), strict=True))
    assert weight["kafka"] > weight["sql"] > 0.0  # a rare tool weighs more than a common one
    assert weight["experience"] == 0.0  # a stopword is not a content term


def test_damaged_entries_are_ignored() -> None:
    blob = dump_profile(_profile("Experience\n- Python\n"))
    assert load_profile(b"") is None
    assert load_profile(b"XXXX" + blob[4:]) is None
    assert load_profile(b"VEP2" + blob[4:]) is None  # an older format is rebuilt, not misread
    assert load_profile(blob[:-40]) is None


def test_keys_hide_the_text_and_ignore_nothing_but_placeholders() -> None:
    a = text_key(mask_placeholders("Name: <PERSON_1>\nPython"))
    b = text_key(mask_placeholders("Name: <PERSON_2>\nPython"))
    c = text_key(mask_placeholders("Name: <PERSON_1>\nJava"))
    assert a == b != c
    assert len(a) == 64
    assert "Python" not in a


def test_memory_cache_is_namespaced_by_model() -> None:
    cache = MemoryCache()
    cache.put_many("m1", {"k": b"x"})
    assert cache.get_many("m1", ["k", "z"]) == {"k": b"x"}
    assert cache.get_many("m2", ["k"]) == {}
