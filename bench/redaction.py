"""Redaction speed: Veil's engine beside stock Presidio, same spaCy model, same data, same run.

    .venv/bin/python bench/redaction.py [--docs 200] [--processes 2] [--no-stock] [--split]
        [--chinese 200]

Prints engine start-up (wall and CPU seconds, measured from before the first import), batch
throughput in resumes per second for resumes of about 400 words, and peak resident memory.
``--split`` also prints CPU milliseconds per resume by part: the NER view, spaCy's NER (batched
as in ``redact_many``), each recognizer, and our span resolution and placeholders.
``--chinese N`` also prints CPU milliseconds per Chinese resume (N fictitious ones, ~370 characters;
their person, place and organisation names come from the LAC model, loaded on the first one).
The documents are fictitious resumes from tests/data/redaction/make_resumes.py.
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()
_C0 = time.process_time()

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _generator() -> Any:
    path = ROOT / "tests" / "data" / "redaction" / "make_resumes.py"
    spec = importlib.util.spec_from_file_location("make_resumes", path)
    if spec is None or spec.loader is None:
        raise RuntimeError("cannot load the resume generator")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resumes(count: int) -> list[str]:
    rng = random.Random(7)
    return [_generator().english_resume(i, rng, jobs=12).text() for i in range(count)]


def chinese(redactor: Any, count: int) -> None:
    rng = random.Random(7)
    module = _generator()
    texts = [module.chinese_resume(i, rng).text() for i in range(count)]
    chars = sum(len(t) for t in texts) / len(texts)
    started = time.process_time()
    redactor.redact_many(texts[:8], ["zh"] * 8)  # loads jieba and the LAC model
    print(
        f"zh    first batch of 8 (loads jieba and LAC): {time.process_time() - started:.2f} s CPU"
    )
    cpu = time.process_time()
    redactor.redact_many(texts, ["zh"] * len(texts))
    cpu = time.process_time() - cpu
    print(
        f"zh    batch, 1 process: {1000 * cpu / len(texts):5.1f} CPU ms per resume "
        f"({len(texts)} resumes, {chars:.0f} characters on average); "
        f"peak memory {peak_mib():.0f} MiB"
    )


def split(redactor: object, texts: Sequence[str]) -> None:
    """CPU milliseconds per resume by part of ``Redactor.redact_many`` (English texts)."""
    from anonymize import greedy_ner, ner_view, placeholders
    from anonymize.redactor import _NER_LABELS
    from anonymize.spans import resolve

    r: Any = redactor
    n = len(texts)
    parts: dict[str, float] = {}

    def timed(label: str, start: float) -> None:
        parts[label] = parts.get(label, 0.0) + time.process_time() - start

    c = time.process_time()
    views = [ner_view.make_view(t, r.allowlist) for t in texts]
    timed("NER view (lines worth NER)", c)
    c = time.process_time()
    docs = list(greedy_ner.entity_docs(r._nlp, (v.text for v in views), r.options.batch_size))
    timed("spaCy NER (tokenizer, tok2vec, parser)", c)
    c = time.process_time()
    arts = [ner_view.artifacts(d, v, _NER_LABELS) for d, v in zip(docs, views, strict=True)]
    timed("NER view (entities back to offsets)", c)
    recognizers = [x for x in r._analyzer.registry.recognizers if x.supported_language == "en"]
    for text, art in zip(texts, arts, strict=True):
        found = []
        for rec in recognizers:
            c = time.process_time()
            found += rec.analyze(text, [], art)
            timed(f"recognizer {rec.name}", c)
        c = time.process_time()
        spans = resolve(text, found, r._wanted, r.allowlist)
        placeholders.apply(text, spans)
        timed("ours: span resolution and placeholders", c)
    c = time.process_time()
    for text, art in zip(texts, arts, strict=True):
        r._finish(text, "en", art)
    parts["(Presidio's analyze + ours, as run: all recognizers)"] = time.process_time() - c
    print("CPU ms per resume by part (recognizers timed one by one, outside Presidio):")
    for label, cpu in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"  {label:<58} {1000 * cpu / n:6.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--no-stock", action="store_true")
    parser.add_argument("--split", action="store_true", help="CPU time by part, per resume")
    parser.add_argument("--chinese", type=int, default=0, help="also N Chinese resumes")
    args = parser.parse_args(argv)

    from anonymize import RedactionOptions, Redactor

    redactor = Redactor()
    start_wall, start_cpu = time.perf_counter() - _T0, time.process_time() - _C0
    start_mem = peak_mib()
    texts = resumes(args.docs)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"documents: {len(texts)} resumes, {words:.0f} words on average")
    print(
        f"veil  start-up: {start_wall:.2f} s wall, {start_cpu:.2f} s CPU "
        f"(imports + spaCy + recognizers); peak memory {start_mem:.0f} MiB"
    )
    redactor.redact_many(texts[:8])  # warm caches (jieba stays lazy: English only here)
    started, cpu = time.perf_counter(), time.process_time()
    redactor.redact_many(texts)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"veil  batch, 1 process:   {len(texts) / elapsed:6.1f} resumes/s wall ({elapsed:.1f} s), "
        f"{len(texts) / cpu:6.1f} resumes per CPU-second; peak memory {peak_mib():.0f} MiB"
    )
    if args.split:
        split(redactor, texts)
    if args.chinese:
        chinese(redactor, args.chinese)
    if args.processes > 1:
        pooled = Redactor(
            RedactionOptions(processes=args.processes, worker_init="core.offline:install")
        )
        started = time.perf_counter()
        pooled.redact_many(texts[: max(48, len(texts) // 4)])
        print(f"veil  worker pool start-up + first chunk: {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        pooled.redact_many(texts)
        elapsed = time.perf_counter() - started
        print(
            f"veil  batch, {args.processes} processes: {len(texts) / elapsed:6.1f} resumes/s wall "
            f"({elapsed:.1f} s)"
        )
        pooled.close()
    if not args.no_stock:
        from anonymize.evaluation import LabelledDoc, stock_presidio

        started = time.perf_counter()
        stock = stock_presidio()
        print(f"stock start-up (after Veil's imports): {time.perf_counter() - started:.2f} s")
        docs = [LabelledDoc(str(i), "en", t, ()) for i, t in enumerate(texts)]
        stock(docs[:8])
        started, cpu = time.perf_counter(), time.process_time()
        stock(docs)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"stock batch, 1 process:   {len(texts) / elapsed:6.1f} resumes/s wall "
            f"({elapsed:.1f} s), "
            f"{len(texts) / cpu:6.1f} resumes per CPU-second; peak memory {peak_mib():.0f} MiB "
            "(both engines loaded)"
        )
    print(f"load average at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
