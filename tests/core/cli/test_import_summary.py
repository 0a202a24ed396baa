"""What ``veil import`` and ``veil people import`` say at the end."""

from __future__ import annotations

import io

from core.cli.import_cmd import print_summary
from core.services import FileOutcome, ImportSummary


def test_an_import_of_nothing_says_so() -> None:
    out = io.StringIO()
    print_summary(ImportSummary(outcomes=()), out)
    assert out.getvalue().startswith("No files found")


def test_counts_and_failures_are_listed() -> None:
    out = io.StringIO()
    outcomes = (
        FileOutcome("a.pdf", 1, "imported"),
        FileOutcome("b.pdf", None, "failed", "This PDF is damaged."),
    )
    print_summary(ImportSummary(outcomes=outcomes), out)
    text = out.getvalue()
    assert text.startswith("Imported 1, duplicates 0, failed 1.")
    assert "failed: b.pdf: This PDF is damaged." in text
