"""Skill-gap matrix quality: gap detection F1 and evidence hit, on two sets.

1. The written set, ``tests/data/people/set.json`` (fictitious employees, English and Chinese,
   labelled by a blind writer: per person and competency shown / not shown, with the sentence).
2. A real set: ``bench/data/people_real_labels.json`` (labels of real public documents, written
   blind; the documents' texts are read from the cache the fetch script fills, never committed).

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from core.people.evaluation import Figures, Judgement, figures, load_set, run_set  # noqa: E402

SET = ROOT / "tests" / "data" / "people" / "set.json"
REAL = ROOT / "bench" / "data" / "people_real_labels.json"
F1_FLOOR = 0.85
HIT_FLOOR = 0.80


def measure(path: Path) -> list[Judgement]:
    from core.services import Engines
    from core.storage import Workspace

    data = load_set(path)
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
    )


def report(title: str, judgements: Sequence[Judgement]) -> Figures:
    print(title)
    whole = figures(judgements)
    print(line("  all", whole))
    for language in sorted({j.language for j in judgements}):
        part = [j for j in judgements if j.language == language]
        print(line(f"  {language or '?'}", figures(part)))
    return whole


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=SET)
    parser.add_argument("--real", type=Path, default=REAL)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    written = report(f"Written set ({args.set.name})", measure(args.set))
    print(f"  floors: F1 >= {F1_FLOOR}, evidence hit >= {HIT_FLOOR}")
    if args.real.exists():
        report(f"Real set ({args.real.name})", measure(args.real))
    else:
        print(f"Real set: {args.real} is missing (see bench/data/ for its fetch script)")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0 if written.f1 >= F1_FLOOR and written.evidence_hit >= HIT_FLOOR else 1


if __name__ == "__main__":
    raise SystemExit(main())
