"""Real-world job postings for the job-ad checker (issue 20), English and Chinese.

Sources (public GitHub repositories, brought here with the `fetch` tool; nothing is committed):

- English: ``m5991/linkedin-jobs-scraper-analysis`` (MIT licence), ``data/linkedin_jobs.csv``:
  719 LinkedIn postings (710 of 100 words or more) scraped in 2025, all located in Virginia
  (so jurisdiction ``US``: no pay-transparency statute applies), mostly teaching, childcare and
  health-care roles.
- Chinese: ``CarryChang/zhilian-51job-analysis`` (Apache-2.0), ``split_data/*.txt``: one posting
  text per line (duties and requirements) scraped from Zhilian and 51job up to December 2018,
  technical roles (algorithms, hardware, programming, software); 2,809 distinct texts of
  100 characters or more.

    # 1. bring both repositories with the `fetch` tool, then
    .venv/bin/python bench/data/fetch_jobads.py [--en-mirror GIT_DIR] [--zh-mirror GIT_DIR]

Each source file is read from its pinned commit (``git show COMMIT:PATH``), checked against its
pinned SHA-256 (a mismatch stops the script) and copied to ``bench/data/cache/jobads/raw/``.
The script then draws a fixed sample per language with a seeded generator over the sorted ids:
half at random from every posting, half at random from the postings whose text mentions a
protected topic at all (sex, age, household registration, marriage, hepatitis B, ethnicity...;
see ``TOPIC_EN``/``TOPIC_ZH``), because discriminatory wording is rare in a plain random draw and
a recall figure needs positives. The topic stratum also holds the tricky negatives ("男女不限",
"婚假", a contact "付女士"). Output: ``bench/data/cache/jobads/sample.json`` with per posting its
stable id, language, jurisdiction, stratum, text and the text's SHA-256.

The committed labels, ``bench/data/jobad_real_labels.json``, were written by a person reading
each sampled posting (the first ones of each stratum, in sample order), without seeing the rule
engine; they carry the text's SHA-256 and never the text. ``load()`` joins labels and texts and
refuses a posting whose text no longer matches its checksum.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache" / "jobads"
SAMPLE_FILE = CACHE / "sample.json"
LABELS = HERE / "jobad_real_labels.json"
MIRRORS = Path("/work/.mirror")
SEED = 20  # issue 20; change it and the sample changes
PER_STRATUM = 30  # per language: 30 random + 30 from the topic stratum

EN_REPO = "m5991/linkedin-jobs-scraper-analysis"
EN_COMMIT = "01c590af3a2b793f4459eabd450034bb49652776"
EN_FILES = {
    "data/linkedin_jobs.csv": "d02c227bf99e794db4e2fc7fb835b3f4738c0eb9f39895302e416cca9df459f3",
}
ZH_REPO = "CarryChang/zhilian-51job-analysis"
ZH_COMMIT = "de286d2ea6dc7565cbb59511d2dc28f94ad783f8"
ZH_FILES = {
    "split_data/algorithm.txt": "f36277eb4564f48a8d6b0bfa9326c78b3a923ec36f6e805b9872c25c3c55aab0",
    "split_data/hardware.txt": "03d64378f608c7edea1a4b3da0c88c776dc6ca5b5291c9d567498e694bdcb5b7",
    "split_data/program.txt": "5be7e88509675be08cf93ec54f746a9af0a1ad4643fee338b1b7b4ebfd5e50d4",
    "split_data/software.txt": "1f2a64fdf9228278e81bd1e20e0f6de852ff1974d751a2ab3e5340605f9af499",
}
# A posting "mentions a protected topic" when one of these matches (broad on purpose).
TOPIC_EN = re.compile(
    r"\b(young|youthful|energetic|recent (college )?grad\w*|new grad\w*|digital native|"
    r"salary history|current salary|pay history|he|she|his|her|him|female|male|man|men|"
    r"woman|women|gentleman|lady|ladies|girls?|boys?|physically|able-bodied|age|aged)\b",
    re.IGNORECASE,
)
TOPIC_ZH = re.compile(r"男|女|岁|户口|户籍|婚|生育|孕|乙肝|民族|宗教|生源|籍贯|本地人")
US_STATES = {"NY": "US-NY", "CA": "US-CA", "CO": "US-CO", "WA": "US-WA"}


def _mirror(repo: str) -> Path:
    return MIRRORS / repo.replace("/", "+") / "repo"


def _show(mirror: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={mirror}", "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def copy_checked(mirror: Path, commit: str, files: dict[str, str], dest: Path) -> dict[str, bytes]:
    """Read each pinned file from the mirror, check its SHA-256 and copy it under ``dest``."""
    out: dict[str, bytes] = {}
    for path, digest in files.items():
        raw = _show(mirror, commit, path)
        got = hashlib.sha256(raw).hexdigest()
        if got != digest:
            raise SystemExit(f"checksum mismatch: {mirror.parent.name}:{path} is {got}")
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        out[path] = raw
    return out


def english_postings(raw: bytes) -> list[dict[str, Any]]:
    postings = []
    for row in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        text = f"{row['title'].strip()}\n\n{row['description'].strip()}"
        if len(text.split()) < 100:
            continue
        state = row["location"].rsplit(",", 1)[-1].strip()
        postings.append(
            {
                "id": f"li-{row['job_id']}",
                "language": "en",
                "jurisdiction": US_STATES.get(state, "US"),
                "text": text,
            }
        )
    return postings


def chinese_postings(files: dict[str, bytes]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    postings = []
    for path in sorted(files):
        stem = Path(path).stem
        for n, line in enumerate(files[path].decode("utf-8", errors="replace").splitlines(), 1):
            text = line.strip()
            if len(text) < 100 or text in seen:
                continue
            seen.add(text)
            postings.append(
                {"id": f"zl-{stem}-{n:04d}", "language": "zh", "jurisdiction": "CN", "text": text}
            )
    return postings


def draw(postings: list[dict[str, Any]], topic: re.Pattern[str], seed: int) -> list[dict[str, Any]]:
    """PER_STRATUM postings at random, then PER_STRATUM of the rest that mention a topic."""
    rng = random.Random(seed)
    ordered = sorted(postings, key=lambda p: p["id"])
    chosen = rng.sample(ordered, PER_STRATUM)
    taken = {p["id"] for p in chosen}
    topical = [p for p in ordered if p["id"] not in taken and topic.search(p["text"])]
    chosen_topic = rng.sample(topical, PER_STRATUM)
    out = [dict(p, stratum="random") for p in chosen]
    out += [dict(p, stratum="topic") for p in chosen_topic]
    for p in out:
        p["sha256"] = sha256(p["text"])
    return out


def build(en_mirror: Path, zh_mirror: Path) -> int:
    raw_dir = CACHE / "raw"
    en = copy_checked(en_mirror, EN_COMMIT, EN_FILES, raw_dir / "en")
    zh = copy_checked(zh_mirror, ZH_COMMIT, ZH_FILES, raw_dir / "zh")
    en_all = english_postings(en["data/linkedin_jobs.csv"])
    zh_all = chinese_postings(zh)
    sample = draw(en_all, TOPIC_EN, SEED) + draw(zh_all, TOPIC_ZH, SEED)
    doc = {
        "sources": {
            "en": {"repo": EN_REPO, "commit": EN_COMMIT, "licence": "MIT", "postings": len(en_all)},
            "zh": {
                "repo": ZH_REPO,
                "commit": ZH_COMMIT,
                "licence": "Apache-2.0",
                "postings": len(zh_all),
            },
        },
        "seed": SEED,
        "postings": sample,
    }
    SAMPLE_FILE.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"checksums OK; {len(en_all)} English and {len(zh_all)} Chinese postings; "
        f"sample of {len(sample)} written to {SAMPLE_FILE.relative_to(ROOT)}"
    )
    return 0


def load() -> list[dict[str, Any]]:
    """The labelled real postings: each with its text (from the cache) and its findings.

    Raises ``FileNotFoundError`` when the sample has not been built, ``ValueError`` when a cached
    text does not match the checksum its labels were written for.
    """
    sample = {p["id"]: p for p in json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))["postings"]}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["postings"]
    out = []
    for lab in labels:
        posting = sample.get(lab["id"])
        if posting is None or posting["sha256"] != lab["sha256"]:
            raise ValueError(f"{lab['id']}: cached text missing or not the labelled one")
        out.append(dict(posting, findings=lab["findings"]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--en-mirror", type=Path, default=_mirror(EN_REPO))
    parser.add_argument("--zh-mirror", type=Path, default=_mirror(ZH_REPO))
    args = parser.parse_args(argv)
    return build(args.en_mirror, args.zh_mirror)


if __name__ == "__main__":
    sys.exit(main())
