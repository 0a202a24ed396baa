"""The learning tests share the scoring tests' session encoder (see ``shared``)."""

from __future__ import annotations

import pytest

from core.scoring import Encoder
from tests.core.scoring.training import shared


@pytest.fixture(scope="session", autouse=True)
def _shared_encoder(encoder: Encoder) -> None:
    shared.set_encoder(encoder)
