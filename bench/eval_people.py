"""Skill-gap matrix quality: gap detection F1 and evidence hit, on two sets.

1. The written set, ``tests/data/people/set.json`` (fictitious employees, English and Chinese,
   labelled by a blind writer: per person and competency shown / not shown, with the sentence).
2. A real set: ``bench/data/people_real_labels.json`` (18 real resumes of the resume_scraper set,
   accountants and sales people, labelled blind against two of the written roles; offsets and
   hashes only: the texts come from the git-ignored cache that bench/data/resume_scraper.py
   fills, never committed). One document per person, a CV: no reviews.

Each set is imported through the real intake and Presidio redaction into a throwaway encrypted
workspace and scored by the real encoder, exactly as ``veil people import`` and ``veil people
gaps`` do. Nothing is fitted on either set: a gap is what the scorer does not call "met" (0.7).

    .venv/bin/python bench/eval_people.py [--set PATH] [--real PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from core.people.evaluation import (  # noqa: E402
    Figures,
    Judgement,
    figures,
    load_set,
    real_set,
    run_set,
)

SET = ROOT / "tests" / "data" / "people" / "set.json"
REAL = ROOT / "bench" / "data" / "people_real_labels.json"
REAL_CACHE = ROOT / "bench" / "data" / "cache" / "resume_scraper" / "set.json"
# The people whose errors were read while the non-claim cues (core/people/statements.py) were
# written; the figures for the others are the cleaner ones.
LOOKED_AT = {f"p-en-{i:02d}" for i in range(1, 16)} | {f"p-zh-{i:02d}" for i in range(1, 6)}
F1_FLOOR = 0.85
HIT_FLOOR = 0.80


def measure(data: dict[str, Any]) -> list[Judgement]:
    from core.services import Engines
    from core.storage import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.create(Path(tmp) / "people.veil", "bench passphrase, not a secret")
        try:
            with Engines() as engines:
                return run_set(ws, engines, data)
        finally:
            ws.close()


def line(name: str, f: Figures) -> str:
    return (
        f"{name:<18} labels {f.labels:>4}  gap F1 {f.f1:.3f} (P {f.precision:.3f}"
        f" R {f.recall:.3f})  evidence hit {f.evidence_hit:.3f} of {f.evidence_labels}"
        f"  agreement {f.agreement:.3f}  shown-precision {f.shown_precision:.3f}"
    )


def report(title: str, judgements: Sequence[Judgement]) -> Figures:
    print(title)
    whole = figures(judgements)
    print(line("  all", whole))
    for language in sorted({j.language for j in judgements}):
        part = [j for j in judgements if j.language == language]
        print(line(f"  {language or '?'}", figures(part)))
    return whole


def report_split(judgements: Sequence[Judgement]) -> None:
    seen = [j for j in judgements if j.person in LOOKED_AT]
    unseen = [j for j in judgements if j.person not in LOOKED_AT]
    print(line("  cues read on", figures(seen)))
    print(line("  cues unseen", figures(unseen)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--real", type=Path, default=REAL)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    judged = measure(load_set(args.set))
    written = report(f"Written set ({args.set.name})", judged)
    report_split(judged)
    print(f"  issue 21 floors: F1 >= {F1_FLOOR}, evidence hit >= {HIT_FLOOR}")
    if args.real.exists() and REAL_CACHE.exists():
        data = real_set(load_set(args.real), load_set(REAL_CACHE), load_set(args.set))
        report(f"Real set ({args.real.name}: {len(data['people'])} resumes)", measure(data))
    else:
        print(
            "Real set: its labels or the resume cache are missing "
            "(build the cache: .venv/bin/python bench/data/resume_scraper.py)"
        )
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0 if written.f1 >= F1_FLOOR and written.evidence_hit >= HIT_FLOOR else 1


if __name__ == "__main__":
    raise SystemExit(main())
