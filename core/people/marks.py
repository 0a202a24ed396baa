"""A reviewer's word on a cell of the gap matrix, and what Veil learns from those words.

Veil's call on a cell (shown or a gap) is advice; a reviewer who has read the documents may mark
the cell "shown" or "not shown", with a reason, and that mark is what the matrix, the team
figures and the training plan then use (EU AI Act Art. 14: a person can override the system).

The marks are also the only labels Veil ever gets about its own accuracy on this company's
documents. On the cells a reviewer checked, :func:`agreement` counts how often Veil's own call
was the same; it is shown beside the matrix, so that a user knows how far to trust the cells no
one has checked. (A gap threshold fitted on the marks was tried and left out: on the written set,
fitted on two people per role and measured on the others, it agreed no more often than the
default cut and found fewer of the gaps.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from core.people.model import Mark, PersonGaps


@dataclass(frozen=True)
class Agreement:
    """How often Veil's own calls matched the reviewers' marks on one role."""

    checked: int  # marked cells that are in the matrix
    agreed: int  # of those, where Veil's call was the reviewer's
    shown_called: int  # cells Veil called shown that a reviewer checked
    shown_right: int  # of those, the reviewer agreed

    @property
    def share(self) -> float | None:
        return self.agreed / self.checked if self.checked else None

    def summary(self) -> str:
        if not self.checked:
            return "No cell of this role has been checked by a reviewer yet."
        text = (
            f"On the {self.checked} cells a reviewer checked, Veil's call was the same in "
            f"{self.agreed} ({self.agreed / self.checked:.0%})."
        )
        if self.shown_called:
            text += (
                f" Where Veil found evidence, the reviewer agreed {self.shown_right} of "
                f"{self.shown_called} times."
            )
        return text


def agreement(calls: Sequence[tuple[bool, Mark]]) -> Agreement:
    """``calls``: (Veil's own gap call, the reviewer's mark) for each checked cell."""
    agreed = sum(1 for gap, m in calls if gap != m.shown)
    shown_called = [m for gap, m in calls if not gap]
    return Agreement(len(calls), agreed, len(shown_called), sum(1 for m in shown_called if m.shown))


def apply_marks(row: PersonGaps, marks: Mapping[str, Mark]) -> PersonGaps:
    """``row`` with each marked cell's gap set by the reviewer's mark (keyed by competency
    text); Veil's own call stays in ``veil_gap``."""
    cells = tuple(
        replace(c, gap=not m.shown, mark=m, veil_gap=c.gap)
        if (m := marks.get(c.competency.text)) is not None
        else c
        for c in row.cells
    )
    return replace(row, cells=cells)


def checked(rows: Sequence[PersonGaps]) -> Agreement:
    """Agreement over every marked cell of ``rows`` (rows with marks applied)."""
    return agreement([(c.own_gap, c.mark) for r in rows for c in r.cells if c.mark is not None])
