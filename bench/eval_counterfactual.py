"""Counterfactual self-check: swap names, pronouns and gender markers, redact, score; how far
does any score move?

    .venv/bin/python bench/eval_counterfactual.py [--per-category N] [--skip-real]

1. **Sample** (the bundled fictitious sample, ``core/sample``: 24 resumes in PDF, DOCX and TXT
   written by ``bench/make_sample.py``): imported through the real pipeline into a throwaway
   encrypted workspace, ranked, then ``veil report counterfactual``'s own service
   (``core.services.compliance.counterfactual_check``) with the real engines.
2. **Real-world set** (``bench/data/resume_scraper.py``: real resume PDFs read by Veil's intake;
   the scraper had already replaced names, so the swap mostly exercises pronouns, titles and
   gendered words): each resume's extracted text and its swapped twin redacted by the real
   Presidio ``Redactor`` and ranked per category against that category's posting by the real
   ``Scorer`` (profiles cached in the git-ignored ``ProfileCache``), one person at a time: the
   swapped resume takes its original's place in the otherwise unchanged pool.

For each it prints the candidates, the words swapped, how many redacted texts differ between the
two versions, the largest score change and how many candidates moved (0 when redaction works).
Only counts and numbers are printed: nothing of a resume.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

TOLERANCE = 1e-6
_NUMBERED = re.compile(r"<([A-Z_]+)_\d+>")


def _unnumbered(text: str) -> str:
    return _NUMBERED.sub(r"<\1>", text)


def _line(name: str, n: int, swaps: int, changed: int, max_change: float, moved: int) -> None:
    print(
        f"  {name}: {n} candidates, {swaps} words swapped, {changed} redacted text(s) changed, "
        f"largest score change {max_change:.6f}, {moved} candidate(s) moved"
    )


def sample_run() -> None:
    from core import sample
    from core.services import Engines, compliance, create_job, import_paths, rank_job, run_to_end
    from core.storage import Workspace

    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory() as folder,
        Engines() as engines,
        Workspace.create(Path(folder) / "cf.veil", "counterfactual bench 2026") as ws,
    ):
        job = create_job(ws, sample.JOB_TITLE, sample.job_text(), actor="bench")
        run_to_end(import_paths(ws, engines, sample.resume_paths(), job_id=job.id))
        run_to_end(rank_job(ws, engines, job.id))
        result = run_to_end(compliance.counterfactual_check(ws, engines, job.id))
    _line(
        "sample (core/sample, fictitious)",
        len(result.rows),
        sum(r.swaps for r in result.rows),
        result.texts_changed,
        result.max_change,
        len(result.moved),
    )
    print(f"    ({time.perf_counter() - started:.0f} s)")


def _pick(items: dict[str, dict[str, str]], per_category: int) -> dict[str, list[str]]:
    by: dict[str, list[str]] = defaultdict(list)
    for name in sorted(items):
        if len(by[items[name]["category"]]) < per_category:
            by[items[name]["category"]].append(name)
    return by


def real_run(per_category: int) -> None:
    import json

    from anonymize import Redactor
    from bench.data import resume_scraper
    from core.compliance.counterfactual import KINDS, person_spans, swap_gender, swap_one_kind
    from core.scoring import Scorer, load_encoder, parse_requirements

    if not resume_scraper.available():
        print("  real-world set not built: bench/data/resume_scraper.py build")
        return
    started = time.perf_counter()
    items = json.loads(resume_scraper.SET_FILE.read_text(encoding="utf-8"))["resumes"]
    postings = {
        p.stem: p.read_text(encoding="utf-8") for p in resume_scraper.POSTINGS.glob("*.txt")
    }
    redactor = Redactor()
    scorer = Scorer(load_encoder("cpu"), resume_scraper.ProfileCache())
    n = swaps = changed = renumbered = moved = 0
    by_kind: Counter[str] = Counter()
    max_change = 0.0
    for category, names in sorted(_pick(items, per_category).items()):
        if category not in postings:
            continue
        before: dict[int, str] = {}
        after: dict[int, str] = {}
        for i, name in enumerate(names):
            text = items[name]["text"]
            first = redactor.redact(text)
            swapped = swap_gender(text, person_spans(first.spans))
            before[i], after[i] = first.text, redactor.redact(swapped.text).text
            swaps += swapped.swaps
            changed += before[i] != after[i]
            renumbered += before[i] != after[i] and _unnumbered(before[i]) == _unnumbered(after[i])
            if before[i] != after[i]:  # which kind of cue alone changes the redacted text
                spans = person_spans(first.spans)
                by_kind.update(
                    k
                    for k in KINDS
                    if redactor.redact(swap_one_kind(text, k, spans)).text != first.text
                )
        reqs = parse_requirements(postings[category])
        a = dict(scorer.rank(reqs, before, job_text=postings[category]))
        deltas = [0.0] * len(a)  # an unchanged text in an unchanged pool cannot move
        for i in (i for i in before if before[i] != after[i]):  # one person at a time
            b = dict(scorer.rank(reqs, {**before, i: after[i]}, job_text=postings[category]))
            deltas[i] = abs(a[i].score - b[i].score)
        n += len(deltas)
        moved += sum(d > TOLERANCE for d in deltas)
        max_change = max([max_change, *deltas])
    _line("real-world set (resume_scraper)", n, swaps, changed, max_change, moved)
    print(f"    of the changed texts, {renumbered} differ only in placeholder numbers")
    print("    changed by one kind of cue alone: " + ", ".join(f"{k} {by_kind[k]}" for k in KINDS))
    print(f"    ({time.perf_counter() - started:.0f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--per-category", type=int, default=25, help="real-world resumes per category"
    )
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-sample", action="store_true")
    args = parser.parse_args()
    print("Counterfactual self-check (names, pronouns and gender markers swapped):")
    if not args.skip_sample:
        sample_run()
    if not args.skip_real:
        real_run(args.per_category)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
