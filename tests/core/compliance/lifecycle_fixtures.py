"""Fictitious candidates with everything Veil can hold about a person, in a real workspace, and
the ways to look for a canary string afterwards: the decrypted dump, every page of the database
file and its WAL decrypted by hand (free pages and deleted cells included), the raw files, Veil's
own folders, the temp folder and the logs."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3.dump
import tempfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from sqlcipher3 import dbapi2 as sqlcipher

from core import paths
from core.compliance.erasure import cache_keys
from core.domain import Decision, DecisionKind, Evidence, Requirement, RequirementScore, Score
from core.services import decide, reveal_identity, view_candidate

_iterdump = sqlite3.dump._iterdump  # type: ignore[attr-defined]
PASSPHRASE = "correct horse battery staple 42"
REQUIREMENTS = (Requirement("Python"), Requirement("SQL"), Requirement("Kafka", must=False))
PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page


def resume(canary: str, n: int) -> str:
    return (
        f"{canary} Applicant Number {n}\n{canary.lower()}@example.invalid\n"
        f"Data engineer. Python and SQL for {n + 2} years; Kafka streams at Acme {canary}.\n"
        + "Built pipelines and dashboards. "
        * 40
    )


def add_person(ws: Any, job_id: int, canary: str, n: int, *, reviewer: str = "rev") -> int:
    """A candidate with a document, redaction, score, decision, self-identification, cached
    embeddings (two model namespaces) and a view and a reveal in the audit log."""
    text = resume(canary, n)
    redacted = text.replace(canary.lower() + "@example.invalid", "<EMAIL_1>")
    redacted = redacted.replace(f"{canary} Applicant", "<PERSON_1> Applicant")
    candidate, _ = ws.candidates.add(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        filename=f"{canary}-cv.txt",
        media_type="text/plain",
        data=text.encode(),
        text=text,
        metadata={"author": canary},
        redacted_text=redacted,
        redaction_mapping={"<PERSON_1>": canary, "<EMAIL_1>": f"{canary.lower()}@example.invalid"},
        spans_json=f'[{{"text": "{canary}"}}]',
        language="en",
        warnings=(),
    )
    cid = int(candidate.id)
    ws.candidates.attach(job_id, cid)
    start = redacted.index("Kafka")
    evidence = Evidence(start, start + 40, redacted[start : start + 40], 0.8)
    ws.scores.put(
        Score(
            score=60.0 + n,
            requirements=tuple(
                RequirementScore(r, 0.9, 0.8, evidence, ("kafka",)) for r in REQUIREMENTS
            ),
            candidate_id=cid,
            job_id=job_id,
            model_version="test-model@1",
            notes=(f"note {canary}",),
        )
    )
    decide(ws, job_id, cid, DecisionKind.HOLD, reason=f"reason {canary}", reviewer=reviewer)
    view_candidate(ws, cid, reviewer=reviewer)
    reveal_identity(ws, cid, reviewer=reviewer, job_id=job_id)
    ws.selfid.put_many({cid: {"sex": f"answer {canary}"}})
    key = cache_keys(redacted)[0]
    blob = f"profile {canary}".encode()
    ws.embeddings.put_many("model-a", {key: blob})
    ws.embeddings.put_many("model-a/document", {key: blob})
    return cid


def new_job(ws: Any) -> int:
    return int(ws.jobs.add("Data Engineer", "Python, SQL; Kafka a plus.", REQUIREMENTS).id)


def raw_connection(path: Path, passphrase: str = PASSPHRASE) -> Any:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    return conn


def decrypted_dump(path: Path, passphrase: str = PASSPHRASE) -> str:
    conn = raw_connection(path, passphrase)
    try:
        return "\n".join(_iterdump(conn))  # sqlite3's own dump, over the SQLCipher connection
    finally:
        conn.close()


def _page_key(path: Path, passphrase: str) -> bytes:
    salt = path.read_bytes()[:16]
    kdf = PBKDF2HMAC(algorithm=hashes.SHA512(), length=32, salt=salt, iterations=256_000)
    return kdf.derive(passphrase.encode())


def _decrypt(key: bytes, page: bytes, first: bool) -> bytes:
    body = page[16 : PAGE - RESERVE] if first else page[: PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def decrypted_pages(path: Path, passphrase: str = PASSPHRASE) -> bytes:
    """Every page of the database file and of its WAL (if any), decrypted: live rows, free
    pages and the unused parts of pages alike, so deleted data that was not wiped shows up."""
    key = _page_key(path, passphrase)
    data = path.read_bytes()
    pages = [_decrypt(key, data[i : i + PAGE], i == 0) for i in range(0, len(data), PAGE)]
    if int.from_bytes(pages[0][:2], "big") != PAGE:  # bytes 16-17 of the header: page size
        raise AssertionError("page 1 did not decrypt: key derivation or layout is wrong")
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        raw = wal.read_bytes()
        for at in range(32, len(raw) - 24 - PAGE + 1, 24 + PAGE):
            number = int.from_bytes(raw[at : at + 4], "big")
            pages.append(_decrypt(key, raw[at + 24 : at + 24 + PAGE], number == 1))
    return b"".join(pages)


def files_holding(needle: str, *folders: Path, since: float = 0.0) -> list[str]:
    """Files under ``folders`` (changed since ``since``) whose bytes contain ``needle``."""
    raw = needle.encode()
    found = []
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                file = Path(root) / name
                try:
                    st = file.stat()
                    if st.st_mtime < since or st.st_size > 64_000_000 or not file.is_file():
                        continue
                    if raw in file.read_bytes():
                        found.append(str(file))
                except OSError:
                    continue
    return found


def app_folders() -> list[Path]:
    """Where Veil writes outside the workspace: its data, cache and log folders and temp."""
    logs = [
        Path(h.baseFilename).parent
        for h in logging.getLogger().handlers
        if isinstance(h, logging.FileHandler)
    ]
    return [
        paths.data_dir(),
        paths.cache_dir(),
        paths.log_dir(),
        *logs,
        Path(tempfile.gettempdir()),
    ]


def assert_no_trace(path: Path, gone: str, kept: str, *, since: float) -> None:
    """After an erasure (workspace closed): ``gone`` is nowhere in the decrypted database, its
    pages, the WAL, the workspace's folder or Veil's own folders; ``kept`` still is."""
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    dump = decrypted_dump(path)
    assert gone not in dump
    assert gone.lower() not in dump
    assert gone.encode().hex().upper() not in dump  # the original file, as a BLOB
    assert kept in dump
    pages = decrypted_pages(path)
    assert gone.encode() not in pages
    assert gone.lower().encode() not in pages
    assert kept.encode() in pages
    assert files_holding(gone, path.parent) == []
    assert files_holding(gone, *app_folders(), since=since) == []


def decision_of(ws: Any, job_id: int, cid: int) -> Decision | None:
    result: Decision | None = ws.decisions.latest(job_id, cid)
    return result
