"""One real redaction engine for the whole test session (start-up is paid once)."""

from __future__ import annotations

import pytest

from anonymize import Redactor


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    return Redactor()
