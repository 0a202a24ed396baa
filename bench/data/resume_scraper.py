"""Real-world ranking dev set: resumes from Sbhawal/resumeScraper, read and redacted by Veil.

The repository holds 2,484 real resume PDFs scraped from a public resume site, in
``data/<CATEGORY>/<ID>.pdf`` over 24 job categories (names and places already replaced by the
scraper). It has no licence file: it is used to measure, never committed or shipped. Everything
built here lives under ``bench/data/cache/resume_scraper/`` (git-ignored).

    # 1. bring the repository with the `fetch` tool (github:Sbhawal/resumeScraper), then
    .venv/bin/python bench/data/resume_scraper.py build [--mirror GIT_DIR] [--per-category 25]
    .venv/bin/python bench/data/resume_scraper.py manifest [--mirror GIT_DIR]  # rewrite checksums
    .venv/bin/python bench/data/resume_scraper.py intake [--mirror GIT_DIR]    # all 2,484 PDFs

``build`` checks every source PDF's SHA-256 against the committed manifest
(``bench/data/resume_scraper.sha256``; a mismatch stops the build), draws a stratified sample
(``--per-category`` resumes of each category, default 25, chosen with a fixed seed from the sorted
ids, so the sample is the same on every machine), reads each PDF through Veil's own sandboxed
intake (``core.intake.IntakePool``: a real-world intake test; failures are counted and listed by
id and error class), and redacts the text as import does (``redact_extractions`` with the real
Presidio ``Redactor``). The result is ``set.json``: per resume its category, extracted text and
redacted text, plus the intake report.

Relevance: a resume is relevant to a posting when its category is the posting's category. The
postings (``bench/data/resume_scraper/postings/<CATEGORY>.txt``, committed) were written by a
person who never saw the resumes. ``load`` returns the set as ``core.scoring.evaluation.RankingSet``
over redacted text (what the product scores), or the extracted text with ``raw=True``.

``ProfileCache`` keeps Veil's scoring profiles and whole-document embeddings of these resumes on
disk in the same git-ignored folder, so an evaluation encodes each resume once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.scoring.evaluation import RankingSet  # noqa: E402

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "resume_scraper.sha256"
POSTINGS = HERE / "resume_scraper" / "postings"
CACHE = HERE / "cache" / "resume_scraper"
SET_FILE = CACHE / "set.json"
DEFAULT_MIRROR = Path("/work/.mirror/Sbhawal+resumeScraper/repo")
SEED = 15  # the sample's seed (issue 15); change it and the sample changes
PER_CATEGORY = 25


def _git(mirror: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={mirror}", *args], check=True, capture_output=True
    ).stdout


def list_pdfs(mirror: Path) -> list[tuple[str, str]]:
    """(blob id, path) of every ``data/<CATEGORY>/<ID>.pdf`` at HEAD, sorted by path."""
    out = []
    for line in _git(mirror, "ls-tree", "-r", "HEAD", "data").decode().splitlines():
        meta, path = line.split("\t", 1)
        blob = meta.split()[2]
        if path.endswith(".pdf") and path.count("/") == 2:
            out.append((blob, path))
    return sorted(out, key=lambda item: item[1])


def read_blob(mirror: Path, blob: str) -> bytes:
    return _git(mirror, "cat-file", "blob", blob)


def read_manifest() -> dict[str, str]:
    table = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, path = line.split(maxsplit=1)
            table[path.strip()] = digest
    return table


def write_manifest(mirror: Path) -> None:
    lines = []
    for blob, path in list_pdfs(mirror):
        lines.append(f"{hashlib.sha256(read_blob(mirror, blob)).hexdigest()}  {path}")
    MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} checksums to {MANIFEST.relative_to(ROOT)}")


def sample(paths: Sequence[str], per_category: int, seed: int = SEED) -> list[str]:
    """``per_category`` paths of each category (all if fewer), drawn with a fixed seed."""
    by_category: dict[str, list[str]] = {}
    for path in sorted(paths):
        by_category.setdefault(path.split("/")[1], []).append(path)
    rng = random.Random(seed)
    chosen: list[str] = []
    for category in sorted(by_category):
        items = by_category[category]
        chosen += sorted(items if len(items) <= per_category else rng.sample(items, per_category))
    return chosen


def build(mirror: Path, per_category: int) -> int:
    from anonymize import Redactor
    from core.intake import IntakePool, Source
    from core.services.redacting import redact_extractions

    manifest = read_manifest()
    pdfs = list_pdfs(mirror)
    if len(pdfs) != len(manifest):
        print(f"the mirror holds {len(pdfs)} PDFs, the manifest {len(manifest)}: not the same set")
        return 1
    chosen = set(sample([p for _, p in pdfs], per_category))
    data: dict[str, bytes] = {}
    bad = 0
    for blob, path in pdfs:  # every file is checked, not only the sample
        raw = read_blob(mirror, blob)
        if hashlib.sha256(raw).hexdigest() != manifest.get(path):
            bad += 1
            print(f"checksum mismatch: {path}")
        elif path in chosen:
            data[path] = raw
    if bad:
        print(f"{bad} files fail their checksum: stopping")
        return 1
    print(f"{len(pdfs)} PDFs match the manifest; sample: {len(data)} ({per_category} a category)")
    started = time.perf_counter()
    extractions = {}
    failures: dict[str, str] = {}
    with IntakePool(size=2) as pool:
        sources = [Source(label=path, data=raw) for path, raw in data.items()]
        for source, result in pool.extract_many(sources):
            if isinstance(result, Exception):
                failures[source.label] = type(result).__name__
            else:
                extractions[source.label] = result
    took = time.perf_counter() - started
    pages = sum(e.pages for e in extractions.values())
    print(
        f"intake: {len(extractions)} read, {len(failures)} failed, {pages} pages "
        f"in {took:.0f} s ({pages / took:.1f} pages/s)"
    )
    for path, error in sorted(failures.items()):
        print(f"  failed: {path} ({error})")
    warnings = Counter(w for e in extractions.values() for w in e.warnings)
    for warning, count in warnings.most_common():
        print(f"  warning x{count}: {warning}")
    started = time.perf_counter()
    redacted: dict[str, str] = {}
    redaction_failures: dict[str, str] = {}
    with Redactor() as redactor:
        names = list(extractions)
        for at in range(0, len(names), 16):  # import's batch size
            batch = names[at : at + 16]
            results = redact_extractions(redactor, [extractions[n] for n in batch])
            for name, prepared in zip(batch, results, strict=True):
                if isinstance(prepared, Exception):
                    redaction_failures[name] = type(prepared).__name__
                else:
                    redacted[name] = prepared.redacted_text
    took = time.perf_counter() - started
    print(
        f"redaction: {len(redacted)} resumes in {took:.0f} s ({took / max(1, len(redacted)):.2f} "
        f"s a resume), {len(redaction_failures)} failed"
    )
    CACHE.mkdir(parents=True, exist_ok=True)
    resumes = {
        path.removeprefix("data/").removesuffix(".pdf"): {
            "category": path.split("/")[1],
            "text": extractions[path].text,
            "redacted": redacted[path],
        }
        for path in sorted(redacted)
    }
    payload = {
        "source": "github:Sbhawal/resumeScraper",
        "seed": SEED,
        "per_category": per_category,
        "intake_failures": failures,
        "redaction_failures": redaction_failures,
        "resumes": resumes,
    }
    tmp = SET_FILE.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload), encoding="utf-8")
    tmp.replace(SET_FILE)
    print(f"wrote {len(resumes)} resumes to {SET_FILE.relative_to(ROOT)}")
    return 0


def intake_all(mirror: Path) -> int:
    """Read every PDF (not only the sample) through Veil's sandboxed intake: failures by error
    class, pages, speed. Nothing is stored."""
    from core.intake import IntakePool, Source

    manifest = read_manifest()
    pdfs = list_pdfs(mirror)
    sources = []
    for blob, path in pdfs:
        raw = read_blob(mirror, blob)
        if hashlib.sha256(raw).hexdigest() != manifest.get(path):
            print(f"checksum mismatch: {path}")
            return 1
        sources.append(Source(label=path, data=raw))
    started = time.perf_counter()
    failures: Counter[str] = Counter()
    pages = empty = 0
    with IntakePool(size=2) as pool:
        for _, result in pool.extract_many(sources):
            if isinstance(result, Exception):
                failures[type(result).__name__] += 1
            else:
                pages += result.pages
                empty += not result.text.strip()
    took = time.perf_counter() - started
    print(
        f"intake of all {len(sources)} PDFs: {sum(failures.values())} failed "
        f"{dict(failures)}, {empty} without text, {pages} pages in {took:.0f} s "
        f"({pages / took:.1f} pages/s)"
    )
    return 0


def available() -> bool:
    return SET_FILE.exists() and any(POSTINGS.glob("*.txt"))


def load(*, raw: bool = False) -> RankingSet:
    """The built set as a ``RankingSet``: one job per posting, grade 1 = same category."""
    payload = json.loads(SET_FILE.read_text(encoding="utf-8"))
    items: Mapping[str, Mapping[str, str]] = payload["resumes"]
    jobs = {p.stem: p.read_text(encoding="utf-8") for p in sorted(POSTINGS.glob("*.txt"))}
    categories = {item["category"] for item in items.values()}
    jobs = {k: v for k, v in jobs.items() if k in categories}
    resumes = {name: item["text" if raw else "redacted"] for name, item in items.items()}
    qrels = {
        job: {name: int(item["category"] == job) for name, item in items.items()} for job in jobs
    }
    return RankingSet(jobs=jobs, resumes=resumes, qrels=qrels, evidence=())


class ProfileCache:
    """Veil's scoring profiles (the ``EmbeddingCache`` protocol) kept in an SQLite file in the
    git-ignored cache folder, so that evaluations do not encode the same resumes again."""

    def __init__(self, path: Path = CACHE / "profiles.sqlite") -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS profiles (model TEXT, key TEXT, blob BLOB, "
            "PRIMARY KEY (model, key))"
        )

    def get_many(self, model_hash: str, keys: Sequence[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for at in range(0, len(keys), 500):
            part = list(keys[at : at + 500])
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT key, blob FROM profiles WHERE model = ? AND key IN ({marks})",
                [model_hash, *part],
            )
            out.update((str(k), bytes(b)) for k, b in rows)
        return out

    def put_many(self, model_hash: str, items: Mapping[str, bytes]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO profiles VALUES (?, ?, ?)",
                [(model_hash, k, b) for k, b in items.items()],
            )

    def close(self) -> None:
        self._db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("build", "manifest", "intake"))
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    parser.add_argument("--per-category", type=int, default=PER_CATEGORY)
    args = parser.parse_args()
    if not (args.mirror / "HEAD").exists():
        print(f"no git directory at {args.mirror}: fetch github:Sbhawal/resumeScraper first")
        return 1
    if args.command == "manifest":
        write_manifest(args.mirror)
        return 0
    from core import offline

    offline.install()
    if args.command == "intake":
        return intake_all(args.mirror)
    return build(args.mirror, args.per_category)


if __name__ == "__main__":
    raise SystemExit(main())
