from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.intake import IntakePool, Limits


@pytest.fixture(scope="session")
def pool() -> Iterator[IntakePool]:
    """Two pooled sandboxed workers shared by the intake tests (the OCR engine loads once per
    worker, on first use)."""
    with IntakePool(size=2, limits=Limits(wall_seconds=90)) as shared:
        yield shared
