"""Tamper: single bytes flipped at random offsets of a small workspace are all detected.

Each trial flips one byte (XOR with a random non-zero value) of a clean copy and opens it: the
flip must be caught by the open (wrong-key/corrupt error, file left byte-identical) or by the
integrity checks; a workspace that opens and reads back data different from what was written
without any check failing would be a silent corruption, and fails the test.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from pathlib import Path
from typing import Any

from core.domain import Decision, DecisionKind, Requirement
from core.errors import WorkspaceError
from core.storage import Workspace

from .conftest import PASSPHRASE

FLIPS = 100  # 96 random offsets + the 4 fixed ones below


def _fill(ws: Workspace) -> None:
    job = ws.jobs.add("Platform engineer", "Kubernetes, Go, on-call.", [Requirement("Go")])
    cand, _ = ws.candidates.add(
        sha256="cd" * 32,
        filename="resume.pdf",
        media_type="application/pdf",
        data=random.Random(7).randbytes(6000),  # spills into overflow pages
        text="Original text",
        metadata={"producer": "x"},
        redacted_text="<PERSON_1> ran Go services",
        redaction_mapping={"<PERSON_1>": "Sam Example"},
        spans_json="[]",
        language="en",
        warnings=(),
    )
    ws.candidates.attach(job.id, cand.id)
    ws.decisions.add(Decision(job.id, cand.id, DecisionKind.SHORTLIST, "strong Go", "rev"))
    ws.settings.set("k", "v")
    ws.audit.append("decision.recorded", "rev", {"candidate": cand.id, "job": job.id})


def _snapshot(ws: Workspace) -> dict[str, Any]:
    return {
        "jobs": ws.jobs.list(),
        "candidates": ws.candidates.list(),
        "document": ws.candidates.document(1),
        "mapping": ws.candidates.mapping(1),
        "decisions": ws.decisions.for_job(1),
        "settings": ws.settings.all(),
        "audit": ws.audit.list(),
        "audit_ok": ws.audit.verify().ok,
    }


def _trial(path: Path, data: bytes, expected: dict[str, Any]) -> str:
    path.write_bytes(data)
    try:
        ws = Workspace.open(path, PASSPHRASE)
    except WorkspaceError as exc:
        assert path.read_bytes() == data, "a failed open changed the file"
        assert not any(path.parent.glob("*-wal")), "a failed open left files behind"
        return f"open: {type(exc).__name__}"
    with ws:
        problems = ws.check_integrity()
        try:
            snapshot: dict[str, Any] | None = _snapshot(ws)
        except WorkspaceError:
            snapshot = None
    if problems:
        return "integrity check"
    if snapshot is None:
        return "read error"
    return "undetected, data intact" if snapshot == expected else "SILENT CORRUPTION"


def test_single_byte_flips_are_all_detected(tmp_path: Path) -> None:
    clean = tmp_path / "clean.veil"
    with Workspace.create(clean, PASSPHRASE) as ws:
        _fill(ws)
    with Workspace.open(clean, PASSPHRASE) as ws:
        expected = _snapshot(ws)
    original = clean.read_bytes()
    size = len(original)
    assert size <= 40 * 4096  # small on purpose: one open per flip (35 pages at schema 6)
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    offsets = [0, 20, 4096 - 1, size - 1] + [rng.randrange(size) for _ in range(FLIPS - 4)]
    target = tmp_path / "flipped.veil"
    outcomes: Counter[str] = Counter()
    for offset in offsets:
        data = bytearray(original)
        data[offset] ^= rng.randrange(1, 256)
        outcome = _trial(target, bytes(data), expected)
        outcomes[outcome] += 1
        assert outcome not in ("SILENT CORRUPTION", "undetected, data intact"), (
            f"flip at offset {offset} (seed {seed}): {outcome}"
        )
    print(
        f"\ntamper: {sum(outcomes.values())} flips over {size} bytes, seed {seed}: {dict(outcomes)}"
    )
    assert sum(outcomes.values()) == FLIPS >= 100
