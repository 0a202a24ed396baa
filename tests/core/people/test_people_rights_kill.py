"""Erasures killed by SIGKILL at random moments (inside a transaction, between them, during the
WAL checkpoint) leave every employee either whole or gone, the workspace passes its integrity
check and the audit chain verifies. Real SQLCipher, a real child process."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from core.compliance.employee_erasure import person_cache_keys
from core.services.people import create_role
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE
from tests.core.compliance.test_erasure_kill import kill_child
from tests.core.people.test_people_rights import MODELS, ROLE, add_employee

pytestmark = pytest.mark.slow

PEOPLE = 10
CYCLES = 5
_CHILD = """
import os, sys
from core.services.people_rights import erase_person
from core.storage import Workspace
ws = Workspace.open(sys.argv[1], os.environ["VEIL_TEST_PASSPHRASE"])
print("open", flush=True)
for done, pid in enumerate(sys.argv[2:], start=1):
    erase_person(ws, int(pid), actor="kill-test")
    print(done, flush=True)
"""


def _build(path: Path) -> dict[int, list[str]]:
    """PEOPLE employees with documents, ratings and cache entries; person -> cache keys."""
    with Workspace.create(path, PASSPHRASE) as ws:
        role_id = create_role(ws, "Data analyst", ROLE).id
        people = [add_employee(ws, role_id, f"Zqkill{n:03d}", n) for n in range(PEOPLE)]
        return {
            pid: person_cache_keys(d.redacted_text for d in ws.people.documents(pid))
            for pid in people
        }


def _state(ws: Any, pid: int, keys: list[str]) -> str:
    counts = {
        table: ws._db.read(
            lambda conn, t=table, c=column: conn.execute(
                f"SELECT count(*) FROM {t} WHERE {c} = ?", (pid,)
            ).fetchone()[0]
        )
        for table, column in (
            ("people", "id"),
            ("person_documents", "person_id"),
            ("review_ratings", "person_id"),
        )
    }
    counts["cache"] = sum(len(ws.person_embeddings.get_many(m, keys)) for m in MODELS)
    counts["tombstones"] = sum(
        1 for e in ws.audit.list() if e.kind == "person.erased" and e.subject["person_id"] == pid
    )
    if counts == {
        "people": 1,
        "person_documents": 2,
        "review_ratings": 1,
        "cache": 4,
        "tombstones": 0,
    }:
        return "whole"
    if counts == {
        "people": 0,
        "person_documents": 0,
        "review_ratings": 0,
        "cache": 0,
        "tombstones": 1,
    }:
        return "gone"
    return f"half: {counts}"


def test_killed_erasures_never_leave_a_half_erased_employee(tmp_path: Path) -> None:
    template = tmp_path / "template.veil"
    keys = _build(template)
    people = sorted(keys)
    rng = random.Random(23)
    partial = 0
    for cycle in range(CYCLES):
        path = tmp_path / f"kill{cycle}.veil"
        shutil.copyfile(template, path)
        acked = kill_child(_CHILD, [str(path), *map(str, people)], rng.randint(0, PEOPLE - 2), rng)
        with Workspace.open(path, PASSPHRASE) as ws:
            assert ws.check_integrity() == []
            assert ws.audit.verify().ok
            states = [_state(ws, pid, keys[pid]) for pid in people]
            gone = states.count("gone")
            assert states == ["gone"] * gone + ["whole"] * (PEOPLE - gone), states
            assert gone >= acked
            partial += 0 < gone < PEOPLE
            assert ws.people.add(1, "").id > max(people[:gone], default=0)
    assert partial >= CYCLES // 2  # the kills did land mid-way
