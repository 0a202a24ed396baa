"""Fetch the public data that measures redaction into bench/data/cache/ (git-ignored), checksummed.

    .venv/bin/python bench/data/fetch_redaction_data.py [--mirror-root DIR]

- jiesutd/LatticeLSTM ``ResumeNER/{train,dev}.char.bmes``: real Chinese executive bios with
  character-level NAME, CONT (nationality), RACE (ethnicity), TITLE, ORG, EDU, PRO, LOC labels.
  No licence: measure only, never commit or ship. Develop on train, report on dev; the test split
  is not fetched.
- sigpwned/popular-names-by-country-dataset (CC0): common forenames and surnames by country, for
  generated English header lines across regions.

Each file is read from a local bare mirror of the repository at the pinned commit
(``<mirror-root>/<owner>+<name>/repo``, as the ``fetch`` tool leaves it) or, when there is none,
downloaded from raw.githubusercontent.com at that commit; either way its SHA-256 must match.
Faker's name lists (MIT) come from the pinned ``faker`` package of the dev extra, and the Presidio
synthetic set is already in tests/data/redaction/.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "cache"


@dataclass(frozen=True)
class Source:
    repo: str
    commit: str
    path: str
    sha256: str

    @property
    def target(self) -> Path:
        return CACHE / self.repo.replace("/", "+") / self.path


LATTICE = "jiesutd/LatticeLSTM"
LATTICE_COMMIT = "24d17f4270f11d2f75046789d8b67eaa2b907dce"
NAMES = "sigpwned/popular-names-by-country-dataset"
NAMES_COMMIT = "eb62e13d4d62dd96cdfae79d293a02066352205f"
SOURCES = (
    Source(
        LATTICE,
        LATTICE_COMMIT,
        "ResumeNER/train.char.bmes",
        "93b9bb0be5dd4730121587f9dc1378de3fbbe55cba1c575edec271f822c27be7",
    ),
    Source(
        LATTICE,
        LATTICE_COMMIT,
        "ResumeNER/dev.char.bmes",
        "1b0d67153e6e8543e9444936ed1b107bd843078c282533898085e1a9aa293952",
    ),
    Source(
        NAMES,
        NAMES_COMMIT,
        "common-forenames-by-country.csv",
        "b55fbdd0cbc8ddfa7345322e9ebd479cc52fa1f90a5ee7e382a68b5487b01292",
    ),
    Source(
        NAMES,
        NAMES_COMMIT,
        "common-surnames-by-country.csv",
        "32cb28bea558a9d353feeef097da03c6488a4e7ba9398e5983cee2f0b9caa91c",
    ),
    Source(
        NAMES,
        NAMES_COMMIT,
        "LICENSE",
        "a2010f343487d3f7618affe54f789f5487602331c0a8d03f49e9a7c547cf0499",
    ),
)


def _from_mirror(source: Source, mirror_root: Path) -> bytes | None:
    git_dir = mirror_root / source.repo.replace("/", "+") / "repo"
    if not git_dir.is_dir():
        return None
    done = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{source.commit}:{source.path}"],
        capture_output=True,
        check=False,
    )
    return done.stdout if done.returncode == 0 else None


def _download(source: Source) -> bytes:
    url = f"https://raw.githubusercontent.com/{source.repo}/{source.commit}/{source.path}"
    with urllib.request.urlopen(url, timeout=60) as response:
        data: bytes = response.read()
    return data


def fetch(source: Source, mirror_root: Path) -> str:
    """Write ``source`` into the cache once its checksum matches; say where it came from."""
    target = source.target
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == source.sha256:
        return "cached"
    data = _from_mirror(source, mirror_root)
    origin = "mirror"
    if data is None:
        data, origin = _download(source), "download"
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.sha256:
        raise SystemExit(f"{source.repo}:{source.path}: SHA-256 {digest} != {source.sha256}")
    source.target.parent.mkdir(parents=True, exist_ok=True)
    source.target.write_bytes(data)
    return origin


def resumener(split: str) -> Path:
    """The cached ResumeNER split ("train" or "dev")."""
    return Source(LATTICE, LATTICE_COMMIT, f"ResumeNER/{split}.char.bmes", "").target


def names_csv(kind: str) -> Path:
    """The cached popular-names CSV ("forenames" or "surnames")."""
    return Source(NAMES, NAMES_COMMIT, f"common-{kind}-by-country.csv", "").target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mirror-root", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args(argv)
    for source in SOURCES:
        origin = fetch(source, args.mirror_root)
        print(f"{origin:>8}  {source.repo}:{source.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
