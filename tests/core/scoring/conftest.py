"""The real encoder, loaded once per test session (the tests that use it are marked slow)."""

from __future__ import annotations

import pytest

from core.scoring import Encoder, load_encoder


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    return load_encoder("cpu")
