"""Check the graded ranking set in this folder for consistency.

Run with: python tests/data/ranking/validate.py
Exits with status 1 and prints every problem found; prints a summary otherwise.
Imports nothing from Veil on purpose: the data must stand on its own.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CJK = re.compile(r"[\u4e00-\u9fff]")
PLACEHOLDER = re.compile(r"<(PERSON|EMAIL|PHONE|ADDRESS|URL)_\d+>")
# Traces of personal data that must have been replaced by placeholders.
EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE_LIKE = re.compile(r"(?:\+?\d[\d ()-]{8,}\d)")
URL_LIKE = re.compile(r"(?:https?://|www\.)\S+")

# Length limits: English in words, Chinese in CJK characters.
JOB_WORDS = (150, 350)
JOB_CJK_CHARS = (200, 700)
RESUME_WORDS = (200, 600)
RESUME_CJK_CHARS = (300, 1200)
MIN_GRADE_2 = 3
MIN_GRADE_1 = 3
MIN_EVIDENCE = 40


def is_chinese(text: str) -> bool:
    return len(CJK.findall(text)) > 50


def length_problem(
    name: str, text: str, words: tuple[int, int], chars: tuple[int, int]
) -> str | None:
    if is_chinese(text):
        n, (lo, hi), unit = len(CJK.findall(text)), chars, "CJK characters"
    else:
        n, (lo, hi), unit = len(text.split()), words, "words"
    if not lo <= n <= hi:
        return f"{name}: {n} {unit}, expected {lo}-{hi}"
    return None


def load_texts(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def check() -> list[str]:
    problems: list[str] = []
    jobs = load_texts(HERE / "jobs")
    resumes = load_texts(HERE / "resumes")
    qrels: dict[str, dict[str, int]] = json.loads((HERE / "qrels.json").read_text(encoding="utf-8"))
    evidence: list[dict[str, str]] = json.loads(
        (HERE / "evidence.json").read_text(encoding="utf-8")
    )

    for stem, text in jobs.items():
        if msg := length_problem(f"jobs/{stem}", text, JOB_WORDS, JOB_CJK_CHARS):
            problems.append(msg)
    for stem, text in resumes.items():
        if msg := length_problem(f"resumes/{stem}", text, RESUME_WORDS, RESUME_CJK_CHARS):
            problems.append(msg)
        if not PLACEHOLDER.search(text):
            problems.append(f"resumes/{stem}: no redaction placeholder")
        traces = [m.group() for m in EMAIL_LIKE.finditer(text)] + [
            m.group() for m in URL_LIKE.finditer(text)
        ]
        # A phone number has at least 9 digits; year ranges such as "2018 - 2021" have 8.
        traces += [
            m.group() for m in PHONE_LIKE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 9
        ]
        for trace in traces:
            problems.append(f"resumes/{stem}: looks like unredacted personal data: {trace!r}")

    if set(qrels) != set(jobs):
        problems.append(
            f"qrels jobs differ from jobs/: missing {set(jobs) - set(qrels)}, "
            f"unknown {set(qrels) - set(jobs)}"
        )
    for job, grades in qrels.items():
        unknown = set(grades) - set(resumes)
        missing = set(resumes) - set(grades)
        if unknown:
            problems.append(f"qrels[{job}]: unknown resumes {sorted(unknown)}")
        if missing:
            problems.append(f"qrels[{job}]: ungraded resumes {sorted(missing)}")
        bad = {r: g for r, g in grades.items() if g not in (0, 1, 2)}
        if bad:
            problems.append(f"qrels[{job}]: grades outside 0-2: {bad}")
        counts = Counter(grades.values())
        if counts[2] < MIN_GRADE_2 or counts[1] < MIN_GRADE_1:
            problems.append(
                f"qrels[{job}]: {counts[2]} grade-2 and {counts[1]} grade-1 resumes, "
                f"need >= {MIN_GRADE_2} and >= {MIN_GRADE_1}"
            )

    if len(evidence) < MIN_EVIDENCE:
        problems.append(f"evidence.json: {len(evidence)} items, need >= {MIN_EVIDENCE}")
    seen: set[tuple[str, str, str]] = set()
    for i, item in enumerate(evidence):
        job, resume = item.get("job", ""), item.get("resume", "")
        requirement, sentence = item.get("requirement", ""), item.get("sentence", "")
        where = f"evidence[{i}] ({job}, {resume})"
        if job not in jobs or resume not in resumes:
            problems.append(f"{where}: unknown job or resume")
            continue
        if not requirement.strip() or requirement not in jobs[job]:
            problems.append(f"{where}: requirement is not a substring of the job: {requirement!r}")
        if not sentence.strip() or sentence not in resumes[resume]:
            problems.append(
                f"{where}: sentence is not a verbatim substring of the resume: {sentence!r}"
            )
        if qrels.get(job, {}).get(resume, 0) == 0:
            problems.append(f"{where}: evidence for a pair graded 0")
        key = (job, resume, requirement)
        if key in seen:
            problems.append(f"{where}: duplicate (job, resume, requirement)")
        seen.add(key)
    return problems


def summary() -> str:
    jobs = load_texts(HERE / "jobs")
    resumes = load_texts(HERE / "resumes")
    qrels: dict[str, dict[str, int]] = json.loads((HERE / "qrels.json").read_text(encoding="utf-8"))
    evidence = json.loads((HERE / "evidence.json").read_text(encoding="utf-8"))
    zh_jobs = sum(is_chinese(t) for t in jobs.values())
    zh_resumes = sum(is_chinese(t) for t in resumes.values())
    lines = [
        f"jobs: {len(jobs)} ({zh_jobs} Chinese), resumes: {len(resumes)} ({zh_resumes} Chinese), "
        f"evidence items: {len(evidence)}",
        "job                        grade2 grade1 grade0",
    ]
    total: Counter[int] = Counter()
    for job in sorted(qrels):
        counts = Counter(qrels[job].values())
        total.update(counts)
        lines.append(f"{job:<26} {counts[2]:>6} {counts[1]:>6} {counts[0]:>6}")
    lines.append(f"{'all pairs':<26} {total[2]:>6} {total[1]:>6} {total[0]:>6}")
    return "\n".join(lines)


def main() -> int:
    problems = check()
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    print(summary())
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
