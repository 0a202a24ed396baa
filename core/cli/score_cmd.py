"""``veil score JOB_FILE RESUME_FILE [--json]``: score one resume against one job, store nothing.

Both files are read by the sandboxed intake (any format Veil reads), the resume is redacted
first (scoring only ever sees redacted text), the job's requirements are parsed, and the
breakdown is printed: the score, then each requirement with its status, satisfaction, semantic
similarity, matched terms and the evidence line. ``--json`` prints one object whose evidence
offsets point into ``redacted_text``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core.cli.common import print_json
from core.domain import Score
from core.errors import RedactionError, UserError

_STATUS_MARK = {"met": "+", "partly": "~", "missing": "-"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score one resume against one job and print the breakdown (stores nothing)",
        description="Redact a resume, score it against a job's requirements, print why.",
    )
    parser.add_argument("job", type=Path, metavar="JOB_FILE", help="the job posting")
    parser.add_argument("resume", type=Path, metavar="RESUME_FILE", help="the resume")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--device",
        choices=("auto", "cpu", "cuda"),
        default="auto",
        help="where the encoder runs (default: a CUDA GPU if present, else the CPU)",
    )
    parser.set_defaults(func=run_score)


def _read(path: Path, what: str) -> tuple[str, str]:
    """(text, language) of a file, through the sandboxed intake."""
    from core.intake import extract

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            f"Cannot read the {what} file.", hint=f"({exc.strerror or 'unreadable'})"
        ) from None
    extraction = extract(data, path.name)
    return extraction.text, extraction.language


def _redact(text: str, language: str) -> str:
    from anonymize import Redactor
    from anonymize.engine import ModelMissingError

    try:
        redactor = Redactor()
    except ModelMissingError as exc:
        raise RedactionError(
            "The redaction language model is not installed.",
            hint="Reinstall Veil (make install); Veil never downloads models.",
        ) from exc
    return str(redactor.redact(text, language or None).text)


def score_as_json(score: Score, redacted_text: str) -> dict[str, Any]:
    return {
        "score": score.score,
        "model_version": score.model_version,
        "notes": list(score.notes),
        "components": score.components,
        "must_met": score.must_met,
        "must_total": score.must_total,
        "requirements": [
            {
                "text": r.requirement.text,
                "must": r.requirement.must,
                "weight": r.requirement.weight,
                "status": r.status,
                "satisfaction": r.satisfaction,
                "similarity": r.similarity,
                "method": r.method,
                "matched": list(r.matched),
                "evidence": None
                if r.evidence is None
                else {
                    "start": r.evidence.start,
                    "end": r.evidence.end,
                    "text": r.evidence.text,
                    "similarity": r.evidence.similarity,
                },
            }
            for r in score.requirements
        ],
        "redacted_text": redacted_text,
    }


def print_breakdown(score: Score) -> None:
    print(f"Score: {score.score:.0f}/100   must-haves met: {score.must_met}/{score.must_total}")
    for note in score.notes:
        print(f"Note: {note}")
    print()
    for r in score.requirements:
        kind = "must" if r.requirement.must else "nice"
        print(
            f"[{_STATUS_MARK[r.status]}] {kind}  {r.satisfaction:4.2f}  {r.requirement.text}"
            f"  (similarity {r.similarity:.2f}, {r.method})"
        )
        if r.matched:
            print(f"      terms:    {', '.join(r.matched)}")
        if r.evidence is not None:
            print(f"      evidence: {r.evidence.text}")
    print(f"\n({score.model_version}; 70 and above: a good fit on any job)")


def run_score(args: argparse.Namespace) -> int:
    from core.scoring import Scorer, load_encoder, parse_requirements

    job_text, _ = _read(args.job, "job")
    requirements = parse_requirements(job_text)
    if not requirements:
        raise UserError(
            "No requirements were found in the job text.",
            hint="List them under a heading such as 'Requirements', one per line.",
        )
    resume_text, language = _read(args.resume, "resume")
    redacted = _redact(resume_text, language)
    scorer = Scorer(load_encoder(args.device))
    score = scorer.score(requirements, redacted)
    if args.json:
        print_json(score_as_json(score, redacted))
    else:
        print_breakdown(score)
    return 0
