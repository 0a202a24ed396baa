"""``veil --self-test``: what IT runs after installing Veil on an offline workstation.

In a private temporary folder it creates a throwaway encrypted workspace (random passphrase,
never shown or stored) and runs the bundled fictitious sample through the real pipeline:
sandboxed intake of every sample file (PDF, DOCX, TXT), Presidio redaction, the BERT encoder
and scorer, a decision and the audit chain. Each step checks that its results are sane:

- the network guard refuses a look-up (nothing can be downloaded);
- the workspace file is encrypted, and no personal text reaches any file in the folder;
- every sample file is read, and so is a picture drawn on the spot (OCR); in the redacted
  text no e-mail address, phone number or the name at the top of the resume is left, and
  placeholders replace them;
- resumes that clearly fit the sample job (they name its title) all rank above resumes that
  clearly do not (they are about neither data nor engineering);
- the audit chain verifies; the workspace reopens with its passphrase, refuses a wrong one.

Exit code 0 when all checks pass; otherwise 1 with the failing check and the reason. Only
counts, scores and check names are printed: nothing personal (the sample is fictitious anyway).
The folder is deleted afterwards. Works the same in a source install and in the bundle.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from core import offline, sample
from core.errors import NetworkBlockedError, VeilError

log = logging.getLogger(__name__)

ACTOR = "self-test"
FIT_COUNT = 3  # clearly fitting and clearly unfitting resumes put to the ranking check
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b")
_PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")
_SQLITE_HEADER = b"SQLite format 3\x00"
SCAN_LABEL = "self-test-scan.png"
SCAN_WORDS = ("Python", "SQL", "Spark", "Airflow")


class SelfTestFailure(Exception):
    """One check failed; ``check`` names it, ``reason`` says why (no personal data)."""

    def __init__(self, check: str, reason: str) -> None:
        super().__init__(f"{check}: {reason}")
        self.check = check
        self.reason = reason


@dataclass(frozen=True)
class CheckResult:
    name: str
    detail: str
    seconds: float


@dataclass
class SelfTestReport:
    checks: list[CheckResult] = field(default_factory=list)
    failure: SelfTestFailure | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.failure is None


class _Run:
    """Runs the checks in order, timing each; the first failure stops the run."""

    def __init__(self, echo: Callable[[str], None]) -> None:
        self.report = SelfTestReport()
        self.echo = echo
        self.detail = ""

    @contextlib.contextmanager
    def check(self, name: str) -> Iterator[None]:
        self.detail = ""
        started = time.monotonic()
        try:
            yield
        except SelfTestFailure:
            raise
        except VeilError as exc:
            raise SelfTestFailure(name, str(exc)) from exc
        except Exception as exc:  # any error is a failed check
            # The self-test only handles the fictitious sample, so the message may be shown.
            log.exception("self-test: check %s failed", name)
            message = " ".join(str(exc).split())[:300]
            raise SelfTestFailure(name, f"unexpected {type(exc).__name__}: {message}") from exc
        result = CheckResult(name, self.detail, time.monotonic() - started)
        self.report.checks.append(result)
        self.echo(f"  ok    {name:<22} {result.seconds:5.1f} s  {result.detail}")


def _require(condition: bool, check: str, reason: str) -> None:
    if not condition:
        raise SelfTestFailure(check, reason)


def _name_words(text: str) -> list[str]:
    """The words of the first non-empty line (the sample resumes put the name there)."""
    for line in text.splitlines():
        if line.strip():
            return [w for w in re.findall(r"[^\W\d_]{2,}", line)]
    return []


def _mentions_word(text: str, word: str) -> bool:
    return (
        re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text, re.IGNORECASE) is not None
    )


def _check_network(run: _Run) -> None:
    with run.check("network guard"):
        offline.install()
        try:
            socket.getaddrinfo("example.org", 443)
        except NetworkBlockedError:
            run.detail = "look-ups and connections refused"
        else:
            raise SelfTestFailure("network guard", "a DNS look-up was not refused")


def _check_redaction(ws: Any, candidate_ids: list[int]) -> tuple[int, dict[int, str]]:
    """Every candidate's redacted text is free of its contacts and name; returns the number of
    placeholders and the original texts by candidate id (for the later checks)."""
    placeholders = 0
    originals: dict[int, str] = {}
    for cid in candidate_ids:
        redacted = ws.candidates.get(cid).redacted_text
        original = ws.candidates.document(cid).text
        originals[cid] = original
        name = f"candidate {cid}"
        _require(bool(redacted.strip()), "redaction", f"{name} has no redacted text")
        _require(_EMAIL.search(original) is not None, "redaction", f"{name}: sample lacks e-mail")
        _require(not _EMAIL.search(redacted), "redaction", f"{name}: an e-mail address is left")
        _require(not _PHONE.search(redacted), "redaction", f"{name}: a phone number is left")
        words = _name_words(original)
        _require(bool(words), "redaction", f"{name}: the sample has no name line")
        left = [w for w in words if _mentions_word(redacted, w)]
        _require(not left, "redaction", f"{name}: {len(left)} word(s) of the name are left")
        found = _PLACEHOLDER.findall(redacted)
        _require(bool(found), "redaction", f"{name}: no placeholders in the redacted text")
        placeholders += len(found)
    return placeholders, originals


def _fit_groups(originals: dict[int, str]) -> tuple[list[int], list[int]]:
    """Candidates that clearly fit the sample job (its title appears) and clearly do not
    (neither word of the title appears), by candidate id, at most ``FIT_COUNT`` each."""
    title = sample.JOB_TITLE
    words = title.split()
    fit = [cid for cid, text in sorted(originals.items()) if title.lower() in text.lower()]
    unfit = [
        cid
        for cid, text in sorted(originals.items())
        if not any(_mentions_word(text, w) for w in words)
    ]
    return fit[:FIT_COUNT], unfit[:FIT_COUNT]


def _scan_png() -> bytes:
    """A picture of a line of text, for the OCR check (drawn here: no file to ship)."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (900, 160), 255)
    font = ImageFont.load_default(size=40)
    ImageDraw.Draw(image).text((20, 50), " ".join(SCAN_WORDS), fill=0, font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _files_leak(folder: Path, secrets_: list[str]) -> int:
    """How many of ``secrets_`` appear in plain bytes in any file under ``folder``."""
    blobs = [p.read_bytes() for p in folder.rglob("*") if p.is_file()]
    needles = [s.encode("utf-8") for s in secrets_ if len(s) >= 4]
    return sum(1 for n in needles if any(n in b for b in blobs))


def _pipeline(run: _Run, folder: Path, engines_factory: Callable[[], Any] | None) -> None:
    from core.domain import DecisionKind
    from core.intake import Source, iter_sources
    from core.services import Engines, create_job, decide, import_sources, ranking
    from core.services.progress import run_to_end
    from core.storage import Workspace

    resumes = sample.resume_paths()
    path = folder / "self-test.veil"
    passphrase = secrets.token_urlsafe(24)
    with run.check("sample"):
        _require(len(resumes) >= 2 * FIT_COUNT, "sample", "the bundled sample is missing")
        kinds = sorted({p.suffix.lower() for p in resumes})
        run.detail = f"{len(resumes)} resumes ({', '.join(kinds)}) and a job"

    with (engines_factory or Engines)() as engines:
        with run.check("encrypted workspace"):
            ws = Workspace.create(path, passphrase, actor=ACTOR)
            header = path.read_bytes()[:16]
            _require(header != _SQLITE_HEADER, "encrypted workspace", "the file is not encrypted")
            run.detail = "SQLCipher, random passphrase"
        try:
            with run.check("models"):
                engines.load()
                run.detail = "intake workers, redactor, encoder"
            with run.check("intake + redaction"):
                job = create_job(ws, sample.JOB_TITLE, sample.job_text(), actor=ACTOR)
                sources = [*iter_sources(resumes), Source(SCAN_LABEL, _scan_png())]
                summary = run_to_end(
                    import_sources(ws, engines, sources, prepare=False, actor=ACTOR)
                )
                failed = [o for o in summary.outcomes if o.status != "imported"]
                _require(
                    not failed,
                    "intake + redaction",
                    f"{len(failed)} of {len(sources)} files were not imported"
                    + (f" ({failed[0].error})" if failed and failed[0].error else ""),
                )
                by_label = {o.label: int(o.candidate_id or 0) for o in summary.outcomes}
                scan_id = by_label.pop(SCAN_LABEL)
                ids = sorted(by_label.values())
                run.detail = f"{len(ids)} resumes and 1 picture read and stored"
            with run.check("ocr"):
                scan_text = ws.candidates.document(scan_id).text
                seen = [w for w in SCAN_WORDS if _mentions_word(scan_text, w)]
                _require(
                    len(seen) >= len(SCAN_WORDS) - 1,
                    "ocr",
                    f"OCR read {len(seen)} of {len(SCAN_WORDS)} words of a test picture",
                )
                run.detail = f"{len(seen)} of {len(SCAN_WORDS)} words read from a picture"
            with run.check("redaction"):
                placeholders, originals = _check_redaction(ws, ids)
                run.detail = f"contacts and names gone, {placeholders} placeholders"
            with run.check("scoring"):
                _check_scoring(run, ws, engines, job.id, originals)
            with run.check("decision + audit"):
                top = ranking(ws, job.id)[0]
                decide(ws, job.id, top.candidate_id, DecisionKind.SHORTLIST, reviewer=ACTOR)
                verification = ws.audit.verify()
                _require(verification.ok, "decision + audit", verification.reason or "broken")
                run.detail = f"audit chain verifies ({verification.checked} events)"
        finally:
            ws.close()

    _check_reopen(run, path, passphrase, len(ids) + 1)
    _check_plaintext(run, folder, originals)


def _check_scoring(
    run: _Run, ws: Any, engines: Any, job_id: int, originals: dict[int, str]
) -> None:
    """Clearly fitting resumes of the sample rank above clearly unfitting ones, with evidence."""
    from core.services import rank_job
    from core.services.progress import run_to_end

    fit, unfit = _fit_groups(originals)
    _require(
        len(fit) >= 2 and len(unfit) >= 2,
        "scoring",
        "the sample lacks clearly fitting or unfitting resumes",
    )
    for cid in fit + unfit:
        ws.candidates.attach(job_id, cid)
    scores = run_to_end(rank_job(ws, engines, job_id, actor=ACTOR))
    _require(len(scores) == len(fit) + len(unfit), "scoring", "not all were scored")
    by_id = {int(s.candidate_id or 0): s for s in scores}
    for s in scores:
        _require(0.0 <= s.score <= 100.0, "scoring", "a score is outside 0..100")
        _require(
            any(r.evidence is not None for r in s.requirements),
            "scoring",
            "a score carries no evidence",
        )
    worst_fit = min(by_id[c].score for c in fit)
    best_unfit = max(by_id[c].score for c in unfit)
    _require(
        worst_fit > best_unfit,
        "scoring",
        f"a clearly unfitting resume ({best_unfit:.1f}) ranks at or above a "
        f"clearly fitting one ({worst_fit:.1f})",
    )
    run.detail = (
        f"fitting {worst_fit:.1f}+ > unfitting <={best_unfit:.1f} ({len(fit)} vs {len(unfit)})"
    )


def _check_reopen(run: _Run, path: Path, passphrase: str, expected: int) -> None:
    """The workspace opens again with its passphrase, whole, and refuses a wrong one."""
    from core.errors import WorkspaceError
    from core.storage import Workspace

    with run.check("reopen"):
        with Workspace.open(path, passphrase) as again:
            _require(len(again.candidates.list()) == expected, "reopen", "data went missing")
            _require(again.audit.verify().ok, "reopen", "the audit chain broke on reopening")
        try:
            Workspace.open(path, passphrase + "-wrong").close()
        except WorkspaceError:
            pass
        else:
            raise SelfTestFailure("reopen", "a wrong passphrase opened the workspace")
        run.detail = "opens with the passphrase, refuses a wrong one"


def _check_plaintext(run: _Run, folder: Path, originals: dict[int, str]) -> None:
    """No e-mail address or name of the sample is found in plain bytes in any file."""
    with run.check("nothing in plaintext"):
        needles: list[str] = []
        for text in originals.values():
            needles.extend(_EMAIL.findall(text)[:1])
            needles.append(" ".join(_name_words(text)))
        leaks = _files_leak(folder, needles)
        _require(leaks == 0, "nothing in plaintext", f"{leaks} personal strings found on disk")
        names = sorted({p.name for p in folder.iterdir()})
        run.detail = f"{len(needles)} strings absent from {len(names)} file(s)"


def run_self_test(
    echo: Callable[[str], None] | None = None,
    *,
    engines_factory: Callable[[], Any] | None = None,
) -> SelfTestReport:
    """Run every check; never raises for a failed check (see ``report.failure``).
    ``engines_factory`` replaces ``core.services.Engines`` (tests inject faults with it)."""
    run = _Run(echo or (lambda _line: None))
    started = time.monotonic()
    try:
        _check_network(run)
        with tempfile.TemporaryDirectory(prefix="veil-selftest-") as tmp:
            _pipeline(run, Path(tmp), engines_factory)
    except SelfTestFailure as failure:
        run.report.failure = failure
    run.report.seconds = time.monotonic() - started
    return run.report


def main(stream: TextIO | None = None) -> int:
    """Print the checks as they pass; exit code 0 when all pass, 1 otherwise."""
    out = stream or sys.stdout

    def echo(line: str) -> None:
        print(line, file=out, flush=True)

    echo("Veil self-test: the bundled fictitious sample through the whole pipeline, offline.")
    report = run_self_test(echo)
    if report.failure is not None:
        echo(f"  FAIL  {report.failure.check:<22} {report.failure.reason}")
        echo(f"Veil self-test FAILED after {report.seconds:.1f} s: {report.failure}")
        return 1
    echo(f"Veil self-test passed: {len(report.checks)} checks in {report.seconds:.1f} s.")
    return 0
