"""Safety limits for reading one file and for opening archives. Every limit is a clear per-file
error; a batch always continues with the next file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MB = 1_000_000
GIB = 1 << 30


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * MB  # size of one file (also of one ZIP entry)
    max_pages: int = 50
    # characters of text one file may yield: 50 dense pages; a 19 MB one-line TXT is refused here,
    # before clean-up and redaction, instead of costing a minute and a gigabyte downstream
    max_text_chars: int = 400_000
    cpu_seconds: int = 30  # CPU time of the child process, per file (RLIMIT_CPU)
    memory_bytes: int = 1 * GIB  # address space a file may add to the worker (RLIMIT_AS)
    wall_seconds: float = 60.0  # wall-clock time per file, then the child is killed
    ocr: bool = True  # OCR images and pages without a text layer
    max_ocr_pages: int = 10
    ocr_seconds_per_page: float = 60.0  # CPU and wall-clock time added for each OCR page
    zip_max_entries: int = 1000
    zip_max_total_bytes: int = 200 * MB  # declared uncompressed size of all entries
    zip_max_ratio: float = 100.0  # uncompressed / compressed, per entry

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Limits:
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**known)


DEFAULT_LIMITS = Limits()
