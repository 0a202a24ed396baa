"""Cipher settings read back from the open connection, and the canary: no plaintext anywhere."""

from __future__ import annotations

import secrets
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from core import paths
from core.domain import Decision, DecisionKind, Evidence, Requirement, RequirementScore, Score
from core.logs import setup_logging
from core.storage import Workspace

from .conftest import PASSPHRASE, raw_connection


def test_kdf_and_cipher_settings_from_the_open_connection(ws: Workspace) -> None:
    got = ws.security_settings()
    assert got["cipher_version"].startswith("4.")
    assert int(got["kdf_iter"]) >= 256_000
    assert got["cipher_kdf_algorithm"] == "PBKDF2_HMAC_SHA512"
    assert got["cipher_hmac_algorithm"] == "HMAC_SHA512"
    assert got["cipher_use_hmac"] == "1"
    assert got["cipher_plaintext_header_size"] == "0"
    assert got["cipher_memory_security"] == "1"
    assert got["cipher_log_level"] == "NONE"
    assert got["temp_store"] == "2"  # MEMORY
    assert got["journal_mode"] == "wal"
    assert got["synchronous"] == "2"  # FULL
    assert got["foreign_keys"] == "1"


def test_file_has_no_plaintext_header(ws: Workspace) -> None:
    ws.jobs.add("x", "y", [])
    head = ws.path.read_bytes()[:100]
    assert not head.startswith(b"SQLite format 3")
    # a keyed raw connection reports the same settings the file was written with
    conn = raw_connection(ws.path)
    try:
        assert conn.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"
    finally:
        conn.close()


def _variants(marker: str) -> list[bytes]:
    out = []
    for text in (marker, marker.upper()):
        for codec in ("utf-8", "utf-16-le", "utf-16-be"):
            out.append(text.encode(codec))
    return out


def _files(folder: Path, since: float) -> Iterator[Path]:
    for path in folder.rglob("*"):
        try:
            st = path.lstat()
            small = st.st_size < 64 * 1024 * 1024
            if stat.S_ISREG(st.st_mode) and st.st_mtime >= since and small:
                yield path
        except OSError:
            continue


def _write_marker_everywhere(ws: Workspace, marker: str) -> None:
    up = marker.upper()
    both = f"{marker} {up}"
    req = Requirement(f"requirement {both}")
    job = ws.jobs.add(f"title {both}", f"job text {both}", [req])
    cand, _ = ws.candidates.add(
        sha256="ab" * 32,
        filename=f"{marker}.pdf",
        media_type="application/pdf",
        data=b"%PDF " + marker.encode("utf-16") + up.encode() + marker.encode("utf-16-be"),
        text=f"original {both}",
        metadata={f"key {marker}": f"value {both}"},
        redacted_text=f"redacted {both}",
        redaction_mapping={f"<PERSON_{marker}>": f"name {both}"},
        spans_json=f'[{{"text": "{both}"}}]',
        language="en",
        warnings=(f"warning {both}",),
    )
    ws.candidates.attach(job.id, cand.id)
    ev = Evidence(0, 5, f"evidence {both}", 0.5)
    rs = RequirementScore(req, 0.5, 0.5, ev, (f"term {both}",), "lexical")
    ws.scores.put(Score(50.0, (rs,), cand.id, job.id, f"model {both}", (f"note {both}",)))
    ws.decisions.add(Decision(job.id, cand.id, DecisionKind.HOLD, f"reason {both}", up))
    ws.settings.set(f"setting {marker}", f"value {both}")
    ws.embeddings.put_many(f"model {marker}", {f"chunk {both}": up.encode("utf-16")})
    ws.audit.append("candidate.viewed", up[:40], {"candidate": cand.id, "note": marker[:40]})


def test_canary_is_nowhere_in_plaintext(veil_home: Path, ws_path: Path) -> None:
    started = time.time() - 1
    setup_logging()
    marker = "veilcanary" + secrets.token_hex(6)
    ws_path.parent.mkdir()
    ws = Workspace.create(ws_path, PASSPHRASE)
    try:
        _write_marker_everywhere(ws, marker)
        # also while it is open (the -wal holds the fresh pages)
        ws_path_files = sorted(ws_path.parent.iterdir())
        assert any(p.name.endswith("-wal") for p in ws_path_files)
        assert not any(p.name.endswith("-shm") for p in ws_path_files)  # exclusive WAL
        assert all(v not in p.read_bytes() for p in ws_path_files for v in _variants(marker))
    finally:
        ws.close()
    with Workspace.open(ws_path, PASSPHRASE) as ws:  # it is really in there
        assert ws.candidates.mapping(1) == {f"<PERSON_{marker}>": f"name {marker} {marker.upper()}"}
    searched = [ws_path, *(ws_path.with_name(ws_path.name + s) for s in ("-wal", "-shm"))]
    folders = [Path(tempfile.gettempdir()), paths.log_dir(), paths.config_dir(), paths.cache_dir()]
    candidates = [p for p in searched if p.exists()]
    candidates += [f for folder in folders for f in _files(folder, started)]
    control = ws_path.parent / "control.txt"  # proves the scan would see a leak
    control.write_bytes(marker.upper().encode("utf-16-le"))
    assert _hits([control], marker) == [control]
    control.unlink()
    assert len(candidates) >= 1
    assert _hits(candidates, marker) == []


def _hits(files: list[Path], marker: str) -> list[Path]:
    found = []
    for path in files:
        try:
            content = path.read_bytes()
        except OSError:
            continue
        if any(variant in content for variant in _variants(marker)):
            found.append(path)
    return found
