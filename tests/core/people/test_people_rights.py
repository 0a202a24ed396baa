"""An employee's erasure and access export in a real SQLCipher workspace (fictitious people, no
models): afterwards a canary from the erased person's documents is found nowhere (decrypted dump,
every decrypted page of the file and its WAL, the raw files, Veil's folders, temp, logs), everyone
else is untouched, numbers are not reused, a failed erasure leaves the person whole; the export
holds everything with every Art. 15 item, and its HTML escapes hostile document text."""

from __future__ import annotations

import hashlib
import json
import re
import stat
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.compliance.employee_erasure import person_cache_keys
from core.compliance.export import ARTICLE_15_ITEMS
from core.errors import NotFoundError, UserError
from core.people.model import Rating
from core.services.people import create_role, person_document
from core.services.people_rights import erase_person, erasure_preview, export_person
from core.storage import Workspace
from core.storage.people import NewDocument, person_tables
from tests.core.compliance.lifecycle_fixtures import (
    PASSPHRASE,
    assert_no_trace,
    decrypted_dump,
    decrypted_pages,
)

ROLE = "Data analyst\n\nRequirements\n- SQL for data extraction\n- Python for analysis\n"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
MODELS = ("model-a", "model-a/document")


def canary() -> str:
    return "Zq" + uuid.uuid4().hex[:12]


def _document(canary: str, n: int, kind: str) -> NewDocument:
    text = (
        f"{kind.replace('_', ' ').title()} of {canary} Employee {n}\n"
        f"{canary.lower()}@example.invalid\n"
        f"This year I wrote the SQL extraction queries for report {n}; {canary} led it.\n"
        + "Kept the weekly dashboards running. "
        * 30
    )
    redacted = text.replace(f"{canary.lower()}@example.invalid", "<EMAIL_1>").replace(
        canary, "<PERSON_1>"
    )
    return NewDocument(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        kind=kind,
        name=f"{kind}.txt",
        language="en",
        redacted_text=redacted,
        redaction_mapping={"<PERSON_1>": canary, "<EMAIL_1>": f"{canary.lower()}@example.invalid"},
        spans_json=f'[{{"text": "{canary}"}}]',
        warnings=(),
        filename=f"{canary}-{kind}.txt",
        media_type="text/plain",
        data=text.encode(),
        text=text,
        metadata={"author": canary},
    )


def add_employee(ws: Any, role_id: int, canary: str, n: int) -> int:
    """A person with two documents, a rating, a view in the audit log and cache entries made
    from each document (two model namespaces), as the import and the gap matrix leave them."""
    person = ws.people.add(role_id, f"{canary} Employee")
    ws.audit.append("person.created", "t", {"person_id": person.id, "role_id": role_id})
    docs = [
        ws.people.add_document(person.id, _document(canary, n, kind))
        for kind in ("self_review", "manager_review")
    ]
    ws.ratings.put([Rating("2026", person.id, "", 3.0 + n, f"manager {canary}")])
    person_document(ws, docs[0].id, reviewer="rev")
    for key in person_cache_keys(d.redacted_text for d in docs):
        for model in MODELS:
            ws.person_embeddings.put_many(model, {key: f"profile {canary}".encode()})
    return int(person.id)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "people.veil"


@pytest.fixture
def ws(path: Path) -> Iterator[Any]:
    with Workspace.create(path, PASSPHRASE) as workspace:
        yield workspace


@pytest.fixture
def role_id(ws: Any) -> int:
    return int(create_role(ws, "Data analyst", ROLE).id)


def _state(ws: Any, pid: int) -> dict[str, Any]:
    """Everything held about one person, to compare before and after."""
    texts = [d.redacted_text for d in ws.people.documents(pid)]
    keys = person_cache_keys(texts)
    return {
        "rows": ws.people.held_rows(pid),
        "originals": [ws.people.original(d.id) for d in ws.people.documents(pid)],
        "cache": {m: ws.person_embeddings.get_many(m, keys) for m in MODELS},
    }


def test_erase_leaves_no_trace_and_keeps_everyone_else(ws: Any, path: Path, role_id: int) -> None:
    started = time.time() - 1
    gone, kept = canary(), canary()
    victim = add_employee(ws, role_id, gone, 1)
    other = add_employee(ws, role_id, kept, 2)
    victim_keys = person_cache_keys(d.redacted_text for d in ws.people.documents(victim))
    hashes = [
        row["sha256"] for row in ws.people.held_rows(victim)["person_documents"]
    ]  # the tombstone's
    ws.close()
    # positive controls: the scanners do see the canary while it is there
    assert gone in decrypted_dump(path)
    assert gone.encode() in decrypted_pages(path)
    ws = Workspace.open(path, PASSPHRASE)
    before = _state(ws, other)
    events_before = len(ws.audit.list())
    assert erasure_preview(ws, victim) == {
        "person_documents": 2,
        "review_ratings": 1,
        "people": 1,
    } | {
        t: 0 for t in ws._db.read(person_tables) if t not in ("person_documents", "review_ratings")
    }

    erased = erase_person(ws, victim, actor="dpo")

    assert erased.person_id == victim
    assert erased.rows["person_documents"] == 2
    assert erased.rows["review_ratings"] == 1
    assert erased.rows["people"] == 1
    assert erased.embeddings == len(victim_keys) * len(MODELS) == 4
    with pytest.raises(NotFoundError):
        ws.people.get(victim)
    assert [p.id for p in ws.people.list(role_id)] == [other]
    assert _state(ws, other) == before
    for model in MODELS:  # the cache rows made from the person's documents are gone
        assert ws.person_embeddings.get_many(model, victim_keys) == {}
        assert ws.person_embeddings.count(model) == 2  # the other person's
    verification = ws.audit.verify()
    assert verification.ok
    assert verification.checked == events_before + 1
    tombstone = ws.audit.list()[-1]
    assert (tombstone.kind, tombstone.actor) == ("person.erased", "dpo")
    assert tombstone.subject == {
        "person_id": victim,
        "documents": 2,
        "reason": "request",
        "sha256_1": hashes[0],
        "sha256_2": hashes[1],
    }
    assert gone not in json.dumps([e.subject for e in ws.audit.list()])
    ws.close()
    assert_no_trace(path, gone, kept, since=started)


def test_an_erased_number_is_never_given_again(ws: Any, role_id: int) -> None:
    first = add_employee(ws, role_id, canary(), 1)
    last = add_employee(ws, role_id, canary(), 2)
    erase_person(ws, last, actor="dpo", reason="left")
    newcomer = ws.people.add(role_id, "")
    assert newcomer.id > last > first
    erase_person(ws, first, actor="dpo")  # a lower number does not lower the mark
    assert ws.people.add(role_id, "").id == newcomer.id + 1
    erased = [e.subject for e in ws.audit.list() if e.kind == "person.erased"]
    assert [(s["person_id"], s["reason"]) for s in erased] == [(last, "left"), (first, "request")]


def test_erasing_someone_unknown_or_for_no_known_reason_changes_nothing(
    ws: Any, role_id: int
) -> None:
    pid = add_employee(ws, role_id, canary(), 1)
    events = len(ws.audit.list())
    with pytest.raises(NotFoundError):
        erase_person(ws, 999, actor="dpo")
    with pytest.raises(NotFoundError):
        erasure_preview(ws, 999)
    with pytest.raises(UserError):
        erase_person(ws, pid, actor="dpo", reason="because")
    assert len(ws.audit.list()) == events
    assert ws.people.get(pid).documents == 2


def test_a_failed_erasure_leaves_the_person_whole(
    ws: Any, role_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tombstone is the transaction's last write: when it fails, every delete before it
    (documents, ratings, cache entries, the person) is rolled back."""
    import core.storage.people as storage

    pid = add_employee(ws, role_id, canary(), 1)
    before = _state(ws, pid)
    events = len(ws.audit.list())

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("disk full")

    monkeypatch.setattr(storage, "append_event", broken)
    with pytest.raises(OSError, match="disk full"):
        erase_person(ws, pid, actor="dpo")
    monkeypatch.undo()
    assert _state(ws, pid) == before
    assert all(before["cache"][m] for m in MODELS)
    assert len(ws.audit.list()) == events
    assert ws.audit.verify().ok
    assert ws.check_integrity() == []
    erase_person(ws, pid, actor="dpo")  # and the next try erases them
    assert ws.people.list(role_id) == []


# --- access export -----------------------------------------------------------------------------


def test_export_holds_everything_and_every_article_15_item(
    ws: Any, tmp_path: Path, role_id: int
) -> None:
    pid = add_employee(ws, role_id, "ZqExport" + HOSTILE, 1)
    add_employee(ws, role_id, "ZqSomeoneElse", 2)
    out = tmp_path / "out"
    written = export_person(ws, pid, out, actor="dpo")
    docs = ws.people.documents(pid)
    names = sorted(p.name for p in written)
    assert names == sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [f"person-{pid}.json", f"person-{pid}.html"]
        + [f"person-{pid}-document-{d.id}.txt" for d in docs]
    )
    for file in written:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    record = json.loads((out / f"person-{pid}.json").read_text(encoding="utf-8"))
    assert record["person_id"] == pid
    art = record["article_15"]
    for key in ARTICLE_15_ITEMS:
        assert art[key], key
    assert "development" in art["a_purposes"]
    assert art["h_automated_decision"]["solely_automated"] is False
    assert "No rating is produced by the tool" in art["h_automated_decision"]["consequences"]
    assert art["transfers"]

    data = record["data"]
    assert data["person"]["grouping_name"].startswith("ZqExport")
    assert data["person"]["role_id"] == role_id
    for doc, entry in zip(docs, data["documents"], strict=True):
        filename, original, text, mapping = ws.people.original(doc.id)
        assert entry["document_id"] == doc.id
        assert (entry["filename"], entry["text"]) == (filename, text)
        assert entry["redacted_text"] == doc.redacted_text
        assert entry["redaction_placeholders"] == mapping
        assert (out / entry["file"]).read_bytes() == original
        assert entry["sha256"] == hashlib.sha256(original).hexdigest()
    assert data["competency_evidence"].startswith("Not computed")
    (rating,) = data["review_ratings"]
    assert rating["rating"] == 4.0
    kinds = {e["kind"] for e in data["audit_events"]}
    assert {"person.created", "person.document_viewed"} <= kinds
    assert all(e["subject"]["person_id"] == pid for e in data["audit_events"])
    assert "ZqSomeoneElse" not in json.dumps(record)
    assert ws.audit.list()[-1].kind == "person.exported"
    assert ws.audit.list()[-1].subject == {"person_id": pid}

    page = (out / f"person-{pid}.html").read_text(encoding="utf-8")
    for key in ARTICLE_15_ITEMS:
        assert f'id="{key}"' in page
    assert "ZqExport" in page
    assert "&lt;script&gt;" in page
    assert re.search(r"<\s*script", page, re.IGNORECASE) is None
    assert "<img" not in page.lower()


def test_export_refuses_a_folder_it_cannot_write(ws: Any, tmp_path: Path, role_id: int) -> None:
    pid = add_employee(ws, role_id, canary(), 1)
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    with pytest.raises(UserError, match="export folder could not be created"):
        export_person(ws, pid, blocked, actor="dpo")
    taken = tmp_path / "taken"  # a folder stands where the JSON file would go (root-proof)
    (taken / f"person-{pid}.json" / "inside").mkdir(parents=True)
    with pytest.raises(UserError, match="could not be written"):
        export_person(ws, pid, taken, actor="dpo")
    assert sorted(p.name for p in taken.iterdir()) == [f"person-{pid}.json"]  # no temp file
    assert "person.exported" not in [e.kind for e in ws.audit.list()]
    with pytest.raises(NotFoundError):
        export_person(ws, 999, tmp_path / "x", actor="dpo")
