"""Check the blind job-ad and review test sets (postings.json, reviews.json) for consistency.

Run: .venv/bin/python tests/data/jobad/validate.py [FILE ...]
     (default: postings.json and reviews.json next to this script, and
      bench/data/jobad_real_labels.json, whose postings carry no text: their quotes are checked
      against bench/data/cache/jobads/sample.json when bench/data/fetch_jobads.py has built it)

Checks: ids unique; language and jurisdiction from the allowed lists; every category and severity
from the lists below, each category with its one severity; every quote an exact substring of the
text with at least ``occurrence + 1`` occurrences; posting lengths (English 150-600 words,
Chinese 300-1,200 characters). Exits 1 and lists the problems when any check fails.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

POSTING_CATEGORIES = {
    "cn_gender": "error",
    "cn_marriage_childbearing": "error",
    "cn_ethnicity_religion": "error",
    "cn_hukou_region": "error",
    "cn_hepatitis_b": "error",
    "us_sex_preference": "error",
    "uk_gendered_title": "error",
    "pay_range_missing": "error",
    "pay_history_question": "error",
    "cn_age": "warning",
    "us_age": "warning",
    "uk_age": "warning",
    "uk_physical": "warning",
}
REVIEW_CATEGORIES = {
    "personality_not_behaviour": "warning",
    "vague_praise": "warning",
    "age_remark": "warning",
    "family_remark": "warning",
    "health_remark": "warning",
}
SEVERITIES = {"error", "warning", "advice"}
LANGUAGES = {"en", "zh"}
JURISDICTIONS = {"CN", "US", "US-NY", "US-CO", "US-CA", "US-WA", "UK", "EU"}
PAY_JURISDICTIONS = {"EU", "US-NY", "US-CO", "US-CA", "US-WA"}
# Which jurisdictions each category may appear in (pay categories only where the law applies).
CATEGORY_JURISDICTIONS = {
    "pay_range_missing": PAY_JURISDICTIONS,
    "pay_history_question": PAY_JURISDICTIONS,
    "us_sex_preference": {"US", "US-NY", "US-CO", "US-CA", "US-WA"},
    "us_age": {"US", "US-NY", "US-CO", "US-CA", "US-WA"},
    "uk_gendered_title": {"UK"},
    "uk_age": {"UK"},
    "uk_physical": {"UK"},
}
HEX64 = re.compile(r"^[0-9a-f]{64}$")
SAMPLE = ROOT / "bench" / "data" / "cache" / "jobads" / "sample.json"


def _count(text: str, quote: str) -> int:
    n, start = 0, text.find(quote)
    while start >= 0:
        n += 1
        start = text.find(quote, start + 1)
    return n


def _check_finding(
    where: str, item: dict[str, Any], f: dict[str, Any], categories: dict[str, str]
) -> list[str]:
    errs: list[str] = []
    cat, sev, quote = f.get("category"), f.get("severity"), f.get("quote")
    if cat not in categories and sev != "advice":
        errs.append(f"{where}: unknown category {cat!r}")
    if sev not in SEVERITIES:
        errs.append(f"{where}: unknown severity {sev!r}")
    elif cat in categories and sev != categories[cat]:
        errs.append(f"{where}: {cat} must be {categories[cat]}, not {sev}")
    allowed = CATEGORY_JURISDICTIONS.get(str(cat))
    if allowed is not None and item.get("jurisdiction") not in allowed:
        errs.append(f"{where}: {cat} in jurisdiction {item.get('jurisdiction')}")
    if str(cat).startswith("cn_") and item.get("jurisdiction") != "CN":
        errs.append(f"{where}: {cat} outside CN")
    if not isinstance(quote, str) or not quote:
        errs.append(f"{where}: empty quote")
        return errs
    occ = f.get("occurrence", 0)
    if not isinstance(occ, int) or occ < 0:
        errs.append(f"{where}: bad occurrence {occ!r}")
    elif "text" in item and _count(item["text"], quote) <= occ:
        errs.append(f"{where}: quote {quote!r} occurrence {occ} not in text")
    return errs


def _check_item(item: dict[str, Any], categories: dict[str, str], postings: bool) -> list[str]:
    iid = item.get("id", "?")
    errs: list[str] = []
    lang = item.get("language")
    if lang not in LANGUAGES:
        errs.append(f"{iid}: bad language {lang!r}")
    if postings and item.get("jurisdiction") not in JURISDICTIONS:
        errs.append(f"{iid}: bad jurisdiction {item.get('jurisdiction')!r}")
    if "text" in item and "sha256" not in item:  # length limits: the written set only
        text = item["text"]
        if postings and lang == "en" and not 150 <= len(text.split()) <= 600:
            errs.append(f"{iid}: {len(text.split())} words (150-600)")
        if postings and lang == "zh" and not 300 <= len(text) <= 1200:
            errs.append(f"{iid}: {len(text)} characters (300-1200)")
    if "text" not in item and not HEX64.match(str(item.get("sha256", ""))):
        errs.append(f"{iid}: neither text nor a sha256")
    seen: set[tuple[str, int]] = set()
    for i, f in enumerate(item.get("findings", [])):
        errs += _check_finding(f"{iid} finding {i}", item, f, categories)
        key = (str(f.get("quote")), int(f.get("occurrence", 0)))
        if key in seen and postings:
            errs.append(f"{iid} finding {i}: same span labelled twice")
        seen.add(key)
    return errs


def _cached_texts() -> dict[str, dict[str, Any]]:
    """Texts of the real sample, when bench/data/fetch_jobads.py has built it (git-ignored)."""
    if not SAMPLE.exists():
        return {}
    return {p["id"]: p for p in json.loads(SAMPLE.read_text(encoding="utf-8"))["postings"]}


def validate(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    key = "reviews" if "reviews" in data else "postings"
    categories = REVIEW_CATEGORIES if key == "reviews" else POSTING_CATEGORIES
    items = data[key]
    errs: list[str] = []
    cached = _cached_texts() if any("text" not in it for it in items) else {}
    for item in items:  # real labels carry no text: check their quotes against the cache
        real = cached.get(item.get("id", ""))
        if "text" in item or real is None:
            continue
        if real["sha256"] != item.get("sha256"):
            errs.append(f"{item['id']}: cached text is not the one labelled (sha256)")
        else:
            item["text"] = real["text"]
    ids = [it.get("id") for it in items]
    errs += [f"duplicate id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for item in items:
        errs += _check_item(item, categories, postings=key == "postings")
    return errs


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [
        HERE / "postings.json",
        HERE / "reviews.json",
        ROOT / "bench" / "data" / "jobad_real_labels.json",
    ]
    bad = 0
    for path in paths:
        if not path.exists():
            print(f"{path}: missing (skipped)")
            continue
        errs = validate(path)
        bad += len(errs)
        for e in errs:
            print(f"{path.name}: {e}")
        print(f"{path.name}: {'OK' if not errs else f'{len(errs)} problem(s)'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
