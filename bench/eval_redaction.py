"""Redaction quality: per-entity precision, recall and F2 (token level), Veil beside stock Presidio.

    .venv/bin/python bench/eval_redaction.py [--synth-limit N] [--no-stock]

Data: tests/data/redaction/ (our labelled English and Chinese resumes, hand-written tricky cases,
and presidio-research's synthetic set, MIT). Stock Presidio = AnalyzerEngine with its default
recognizers over the same spaCy model (all components); Chinese text goes to it as "en".
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from anonymize import Redactor  # noqa: E402
from anonymize.evaluation import (  # noqa: E402
    LabelledDoc,
    Predicted,
    Tally,
    entity_rows,
    load_jsonl,
    load_marked,
    load_presidio_synth,
    ours,
    score,
    stock_presidio,
)

DATA = ROOT / "tests" / "data" / "redaction"


def datasets(synth_limit: int | None) -> dict[str, list[LabelledDoc]]:
    return {
        "resumes-en": load_jsonl(DATA / "en.jsonl") + load_marked(DATA / "tricky_en.txt", "en"),
        "resumes-zh": load_jsonl(DATA / "zh.jsonl") + load_marked(DATA / "tricky_zh.txt", "zh"),
        "presidio-synth": load_presidio_synth(DATA / "presidio_synth_dataset_v2.json", synth_limit),
    }


def fmt(value: float) -> str:
    return "  -  " if value != value else f"{value:5.3f}"


def table(name: str, n_docs: int, results: dict[str, Tally]) -> None:
    systems = list(results)
    print(f"\n== {name} ({n_docs} documents; token level) ==")
    header = f"{'entity':<22}{'tokens':>7}"
    for system in systems:
        header += f" | {system + ' P':>9} {'R':>5} {'F2':>5}"
    print(header)
    for kind in entity_rows(results.values()):
        gold = max(t.gold[kind] for t in results.values())
        row = f"{kind:<22}{gold:>7}"
        for system in systems:
            t = results[system]
            row += f" | {fmt(t.precision(kind)):>9} {fmt(t.recall(kind))} {fmt(t.f_beta(kind))}"
        print(row)
    for system in systems:
        t = results[system]
        if t.skills_total:
            print(
                f"skills wrongly redacted ({system}): {t.skills_redacted}/{t.skills_total}"
                f" = {100 * t.skill_error_rate:.1f}%"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--synth-limit", type=int, default=None)
    parser.add_argument("--no-stock", action="store_true")
    args = parser.parse_args(argv)
    systems: dict[str, Callable[[Sequence[LabelledDoc]], list[Predicted]]] = {}
    started = time.perf_counter()
    systems["veil"] = ours(Redactor())
    print(f"veil engine start-up: {time.perf_counter() - started:.2f} s")
    if not args.no_stock:
        started = time.perf_counter()
        systems["stock"] = stock_presidio()
        print(f"stock presidio start-up: {time.perf_counter() - started:.2f} s")
    for name, docs in datasets(args.synth_limit).items():
        results = {}
        for system, run in systems.items():
            started = time.perf_counter()
            results[system] = score(docs, run(docs))
            print(f"{name}: {system} ran in {time.perf_counter() - started:.1f} s")
        table(name, len(docs), results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
