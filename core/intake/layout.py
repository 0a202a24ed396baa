"""Reading order of positioned text (PDF text runs, OCR boxes).

Multi-column pages are the classic failure of resume parsers: a text layer written line by line
across both columns reads as interleaved nonsense. Veil finds vertical gutters that no text crosses
(except a few full-width lines such as a name header), reads each column top to bottom, and keeps
full-width lines where they are; columns inside columns are handled by recursion.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median


@dataclass(frozen=True)
class Segment:
    """A run of text on one line, in top-down page coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def reading_order(segments: Sequence[Segment]) -> str:
    """The text of ``segments`` in reading order, lines separated by newlines."""
    return "\n".join(_order([s for s in segments if s.text.strip()], depth=0))


def _order(segments: list[Segment], depth: int) -> list[str]:
    if len(segments) < 4 or depth > 3:
        return _lines(segments)
    gutter = _find_gutter(segments)
    if gutter is None:
        return _lines(segments)
    left_edge, right_edge = gutter
    spanning = [s for s in segments if s.x0 < left_edge and s.x1 > right_edge]
    spanning.sort(key=lambda s: s.middle)
    cuts = [s.middle for s in spanning]
    zones: list[tuple[list[Segment], list[Segment]]] = [([], []) for _ in range(len(cuts) + 1)]
    for segment in segments:
        if segment.x0 < left_edge and segment.x1 > right_edge:
            continue
        zone = sum(1 for cut in cuts if cut < segment.middle)
        side = 0 if segment.x1 <= right_edge else 1
        zones[zone][side].append(segment)
    out: list[str] = []
    for index, (left, right) in enumerate(zones):
        left, right, tail = _split_tail(left, right)
        for column in (left, right, tail):
            lines = _order(column, depth + 1)
            if lines:
                if out and out[-1] != "":
                    out.append("")
                out.extend(lines)
        if index < len(spanning):
            group = [spanning[index]]
            out_line = _lines(group)
            if out and out[-1] != "" and (left or right):
                out.append("")
            out.extend(out_line)
    return _merge_spanning_lines(out)


def _split_tail(
    left: list[Segment], right: list[Segment]
) -> tuple[list[Segment], list[Segment], list[Segment]]:
    """Lines far below both columns (a footer line, a closing note) come after both columns."""
    if not left or not right:
        return left, right, []
    tail: list[Segment] = []
    sides = [sorted(left, key=lambda s: s.top), sorted(right, key=lambda s: s.top)]
    for side, other in ((0, 1), (1, 0)):
        other_bottom = max(s.bottom for s in sides[other])
        column = sides[side]
        for i in range(1, len(column)):
            gap = column[i].top - column[i - 1].bottom
            if column[i].top > other_bottom and gap > 3 * column[i].height:
                tail.extend(column[i:])
                sides[side] = column[:i]
                break
    return sides[0], sides[1], tail


def _merge_spanning_lines(lines: list[str]) -> list[str]:
    result: list[str] = []
    for line in lines:
        if line == "" and (not result or result[-1] == ""):
            continue
        result.append(line)
    return result


def _find_gutter(segments: list[Segment]) -> tuple[float, float] | None:
    """The widest vertical band, away from the page edges, crossed by few segments."""
    x_min = min(s.x0 for s in segments)
    x_max = max(s.x1 for s in segments)
    width = x_max - x_min
    if width <= 0:
        return None
    height = median(s.height for s in segments)
    min_gap = max(1.0 * height, 0.02 * width)
    allowed = max(1, int(0.2 * len(segments)))
    # Sweep the x axis: coverage count changes at each segment's edges.
    events = sorted({s.x0 for s in segments} | {s.x1 for s in segments})
    best: tuple[float, float] | None = None
    best_score = 0.0
    for a, b in itertools.pairwise(events):
        if b - a < min_gap:
            continue
        mid = (a + b) / 2
        if not x_min + 0.15 * width <= mid <= x_max - 0.15 * width:
            continue
        crossing = [s for s in segments if s.x0 < a + 0.01 and s.x1 > b - 0.01]
        if len(crossing) > allowed:
            continue
        left = [s for s in segments if s.x1 <= a + 0.01]
        right = [s for s in segments if s.x0 >= b - 0.01]
        if len(left) < 2 or len(right) < 2 or not _side_by_side(left, right):
            continue
        score = (b - a) * min(len(left), len(right)) / (1 + len(crossing))
        if score > best_score:
            best, best_score = (a, b), score
    return best


def _side_by_side(left: list[Segment], right: list[Segment]) -> bool:
    """Both sides share a good part of their vertical extent (columns, not stacked blocks)."""
    top = max(min(s.top for s in left), min(s.top for s in right))
    bottom = min(max(s.bottom for s in left), max(s.bottom for s in right))
    if bottom <= top:
        return False
    rows = sum(1 for s in right if top <= s.middle <= bottom)
    return rows >= 2


def _lines(segments: list[Segment]) -> list[str]:
    """Group segments into lines (top to bottom, left to right), blank line at big gaps."""
    if not segments:
        return []
    ordered = sorted(segments, key=lambda s: (s.top, s.x0))
    rows: list[list[Segment]] = []
    for segment in ordered:
        if rows:
            row = rows[-1]
            top = min(s.top for s in row)
            bottom = max(s.bottom for s in row)
            overlap = min(bottom, segment.bottom) - max(top, segment.top)
            if overlap >= 0.5 * min(segment.height, bottom - top):
                row.append(segment)
                continue
        rows.append([segment])
    lines: list[str] = []
    previous_bottom: float | None = None
    for row in rows:
        row.sort(key=lambda s: s.x0)
        top = min(s.top for s in row)
        line_height = median(s.height for s in row)
        if previous_bottom is not None and top - previous_bottom > 1.0 * line_height:
            lines.append("")
        lines.append(" ".join(s.text.strip() for s in row))
        previous_bottom = max(s.bottom for s in row)
    return lines
