"""The bundled fictitious sample: one job posting and 24 resumes (PDF, DOCX, TXT).

Every person in it is invented (made by ``bench/make_sample.py``); ``veil demo`` imports and ranks
it in a throwaway workspace.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

JOB_TITLE = "Data Engineer"


def sample_dir() -> Path:
    return Path(str(resources.files(__name__)))


def job_text() -> str:
    return (sample_dir() / "job.txt").read_text(encoding="utf-8")


def resume_paths() -> list[Path]:
    """The sample resumes, sorted by name."""
    return sorted(p for p in (sample_dir() / "resumes").iterdir() if p.is_file())
