"""Job-ad checker and review-language rules against labelled texts (issue 20; issue 21 item 5).

Prints precision and recall on errors and per category, on

- the written set: ``tests/data/jobad/postings.json`` (fictitious postings written blind by
  another author, English and Chinese, every legal problem labelled) and
  ``tests/data/jobad/reviews.json`` (review passages; warnings, so per category only);
- the real set: public postings sampled and labelled by ``bench/data/fetch_jobads.py`` and
  ``bench/data/jobad_real_labels.json`` (texts in the git-ignored cache; run the fetch first).

    .venv/bin/python bench/eval_jobad.py [--misses]

Only the categories the sets were labelled for count (the legal ones for postings): style
advice (gendered wording, length, ...) is not labelled there.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import offline  # noqa: E402

offline.install()

from core.jobad import Report, check_posting, check_review  # noqa: E402
from core.jobad.evaluation import Result, evaluate, format_result, jurisdiction_of  # noqa: E402

WRITTEN = ROOT / "tests" / "data" / "jobad" / "postings.json"
REVIEWS = ROOT / "tests" / "data" / "jobad" / "reviews.json"
LEGAL = frozenset(
    {
        "cn_gender",
        "cn_marriage_childbearing",
        "cn_ethnicity_religion",
        "cn_hukou_region",
        "cn_hepatitis_b",
        "cn_age",
        "us_sex_preference",
        "us_age",
        "uk_gendered_title",
        "uk_age",
        "uk_physical",
        "pay_range_missing",
        "pay_history_question",
        "eu_age",
        "cn_disability",
    }
)
REVIEW = frozenset(
    {"personality_not_behaviour", "vague_praise", "age_remark", "family_remark", "health_remark"}
)


def check_item(item: Mapping[str, Any]) -> Report:
    return check_posting(
        str(item["text"]),
        jurisdiction=jurisdiction_of(item.get("jurisdiction")),
        language=item.get("language"),
    )


def written_postings() -> Result:
    items = json.loads(WRITTEN.read_text(encoding="utf-8"))["postings"]
    return evaluate(items, check_item, categories=LEGAL)


def written_reviews() -> Result:
    items = json.loads(REVIEWS.read_text(encoding="utf-8"))["reviews"]
    return evaluate(items, lambda item: check_review(str(item["text"])), categories=REVIEW)


def real_postings() -> Result | None:
    sys.path.insert(0, str(ROOT / "bench" / "data"))
    import fetch_jobads

    try:
        items = fetch_jobads.load()
    except FileNotFoundError:
        return None
    return evaluate(items, check_item, categories=LEGAL)


def _by_language(items_path: Path, language: str) -> Result:
    items = json.loads(items_path.read_text(encoding="utf-8"))["postings"]
    chosen = [i for i in items if i["language"] == language]
    return evaluate(chosen, check_item, categories=LEGAL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    results = [("written postings", written_postings())]
    results += [(f"  of which {lang}", _by_language(WRITTEN, lang)) for lang in ("en", "zh")]
    results.append(("written reviews", written_reviews()))
    real = real_postings()
    if real is None:
        print("real postings: not fetched (run bench/data/fetch_jobads.py first)")
    else:
        results.append(("real postings", real))
    for name, result in results:
        print(format_result(name, result))
        if args.misses:
            for tid, cat, where in result.misses:
                print(f"    missed {tid} {cat}: {where!r}")
            for tid, cat, quote in result.false_alarms:
                print(f"    false alarm {tid} {cat}: {quote!r}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
