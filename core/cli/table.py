"""Plain-text rendering of a ranking and of a candidate's evidence (no personal data: the
candidates are numbers and the text is redacted)."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from typing import Any

from core.domain import Score
from core.services import RankedRow


def score_json(score: Score) -> dict[str, Any]:
    """The CLI's stable JSON shape of one ranked candidate."""
    return {
        "candidate_id": score.candidate_id,
        "score": round(float(score.score), 2),
        "requirements": [
            {
                "text": r.requirement.text,
                "must": r.requirement.must,
                "satisfaction": round(float(r.satisfaction), 4),
                "evidence": r.evidence.text if r.evidence is not None else None,
                "matched": list(r.matched),
            }
            for r in score.requirements
        ],
    }


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def ranking_table(rows: Sequence[RankedRow]) -> str:
    width = max(80, min(140, shutil.get_terminal_size((100, 20)).columns))
    head = f"{'#':>3}  {'Candidate':<14} {'Score':>5}  {'Must':>5}  {'Decision':<9}  Evidence"
    lines = [head, "-" * min(width, len(head) + 30)]
    rest = width - 48
    for row in rows:
        s = row.score
        terms = list(dict.fromkeys(t for r in s.requirements for t in r.matched))
        best = max(s.requirements, key=lambda r: r.satisfaction, default=None)
        if terms:
            why = "matches " + ", ".join(terms)
        elif best is not None and best.evidence is not None:
            why = f'"{best.evidence.text}"'
        else:
            why = ""
        decision = row.decision.kind.value if row.decision is not None else ""
        lines.append(
            f"{row.rank:>3}  {'Candidate ' + str(row.candidate_id):<14} {s.score:>5.1f}  "
            f"{s.must_met:>2}/{s.must_total:<2}  {decision:<9}  {_cut(why, rest)}"
        )
    if not rows:
        lines.append("  (no candidates scored)")
    return "\n".join(lines)


def checklist(score: Score) -> str:
    marks = {"met": "[x]", "partly": "[~]", "missing": "[ ]"}
    lines = [f"Score {score.score:.1f} / 100  (model {score.model_version})"]
    for r in score.requirements:
        kind = "must" if r.requirement.must else "nice"
        lines.append(f"  {marks[r.status]} [{kind}] {r.requirement.text}  ({r.satisfaction:.2f})")
        if r.evidence is not None:
            lines.append(f'        evidence: "{_cut(r.evidence.text, 100)}"')
        if r.matched:
            lines.append(f"        matched: {', '.join(r.matched)}")
    return "\n".join(lines)


def mark_evidence(text: str, score: Score) -> str:
    """The redacted text with each piece of evidence between »« marks."""
    spans = sorted(
        {(r.evidence.start, r.evidence.end) for r in score.requirements if r.evidence is not None}
    )
    out, pos = [], 0
    for start, end in spans:
        if start < pos or end > len(text):
            continue
        out += [text[pos:start], "»", text[start:end], "«"]
        pos = end
    out.append(text[pos:])
    return "".join(out)
