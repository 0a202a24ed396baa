"""An employee's erasure and export with the real parts: sandboxed intake, Presidio redaction, the
MiniLM encoder and an encrypted workspace. The embedding-cache keys erasure derives are the keys
the import and the gap matrix really wrote (a self-review's wishes are blanked before encoding, so
the plain redacted text's key is not among them), and after the erasure none of them is left;
the export carries the person's gap-matrix row computed now."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.compliance.employee_erasure import person_cache_keys
from core.compliance.erasure import cache_keys
from core.intake.model import Source
from core.services import Engines, run_to_end
from core.services.people import create_role, gap_matrix, import_people
from core.services.people_rights import current_gaps, erase_person, export_person
from core.storage import Workspace
from tests.core.compliance.lifecycle_fixtures import PASSPHRASE, decrypted_pages

pytestmark = pytest.mark.slow

ROLE = """Platform engineer

Requirements
- Designing REST APIs
- Docker and Kubernetes
"""
MARKER = "zqorbitalfalcon"  # a project only the erased person's documents name
ERASED = {
    "Ilse_Marrowby_self_review.txt": f"Self-review\n\nThis year I designed the REST API of the "
    f"{MARKER} billing service, with versioning and clear error codes.\n"
    "I would like to learn Kubernetes properly next year.\n",
    "Ilse_Marrowby_manager_review.txt": f"Manager review\n\nIlse Marrowby shipped {MARKER} on "
    "time and packaged its services as Docker images.\n",
}
KEPT = {
    "Tomas_Pelloquin_self_review.txt": "Self-review\n\nI moved our batch jobs to Kubernetes and "
    "wrote Helm charts for the three services.\n",
}


def _cache_rows(ws: Workspace) -> set[tuple[str, str]]:
    return set(
        ws._db.read(
            lambda conn: conn.execute("SELECT model_hash, key FROM person_embeddings").fetchall()
        )
    )


@pytest.fixture(scope="module")
def engines() -> Iterator[Engines]:
    with Engines() as loaded:
        yield loaded


def _import(ws: Workspace, engines: Engines, role_id: int, files: dict[str, str]) -> int:
    sources = [Source(name, text.encode()) for name, text in files.items()]
    summary = run_to_end(
        import_people(ws, engines, role_id=role_id, person=next(iter(files))[:4], sources=sources)
    )
    assert summary.imported == len(files)
    (pid,) = {o.candidate_id for o in summary.outcomes}
    return int(pid or 0)


def test_erasure_drops_the_cache_rows_the_import_and_matrix_wrote(
    tmp_path: Path, engines: Engines
) -> None:
    path = tmp_path / "real.veil"
    with Workspace.create(path, PASSPHRASE) as ws:
        role = create_role(ws, "Platform engineer", ROLE)
        victim = _import(ws, engines, role.id, ERASED)
        other = _import(ws, engines, role.id, KEPT)
        gap_matrix(ws, engines, role.id)  # scores every document: reads (or fills) the cache
        texts = [d.redacted_text for d in ws.people.documents(victim)]
        assert MARKER in texts[0]  # the marker is in what was encoded, not only in the original
        keys = set(person_cache_keys(texts))
        other_keys = set(person_cache_keys(d.redacted_text for d in ws.people.documents(other)))
        before = _cache_rows(ws)
        assert len(keys) == 2
        assert keys <= {k for _, k in before}  # the derived keys are the ones really written
        assert cache_keys(texts[0])[0] not in {k for _, k in before}  # the wish was blanked first
        blobs = ws._db.read(
            lambda conn: [bytes(r[0]) for r in conn.execute("SELECT vector FROM person_embeddings")]
        )
        assert any(MARKER.encode() in b for b in blobs)  # a leftover entry would show in the pages

        out = tmp_path / "export"
        row = current_gaps(ws, engines, victim)
        written = export_person(ws, victim, out, actor="dpo", gaps=row)
        record = json.loads((out / f"person-{victim}.json").read_text(encoding="utf-8"))
        cells = record["data"]["competency_evidence"]
        assert [c["competency"] for c in cells] == ["Designing REST APIs", "Docker and Kubernetes"]
        for cell, computed in zip(cells, row.cells, strict=True):
            assert cell["satisfaction"] == round(computed.satisfaction, 3)
            assert cell["gap"] is computed.gap
            assert cell["document_id"] == computed.document_id
        api = cells[0]
        assert "REST API" in api["evidence"], api
        assert api["document_id"] in {d["document_id"] for d in record["data"]["documents"]}
        assert len(written) == 2 + len(ERASED)

        erased = erase_person(ws, victim, actor="dpo")

        after = _cache_rows(ws)
        assert {k for _, k in after} & keys == set()
        assert after == {row for row in before if row[1] not in keys}
        assert erased.embeddings == len(before) - len(after) >= 2
        assert other_keys <= {k for _, k in after}
        assert gap_matrix(ws, engines, role.id).people[0].person_id == other
    assert MARKER.encode() not in decrypted_pages(path)
    assert b"Marrowby" not in decrypted_pages(path)
