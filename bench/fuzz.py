"""Coverage-guided fuzzing (atheris, libFuzzer) of every parser that reads untrusted input.

    .venv/bin/pip install -c requirements.lock '.[fuzz]'    # atheris, only for this script
    .venv/bin/python bench/fuzz.py [--seconds 600] [--targets pdf,docx,...] [--out DIR]

Targets: pdf, docx, odt, rtf, text (decoding and clean-up), zip (listing and reading entries),
redactor (random text through the real Presidio engine), requirements (the job parser). Each
runs in its own process for ``--seconds`` under the same CPU and memory limits as the intake
worker gives one file; libFuzzer's ``-timeout`` flags an input that hangs. The parsers run
in-process, instrumented, so that coverage guides the search; what the product does with an
input (the sandboxed worker) is checked afterwards by replaying every finding through
``IntakePool.extract``, which must answer with a clear per-file error.

A finding is an exception other than Veil's own ``IntakeError`` (the worker turns those into a
generic "damaged file" message, so each is a place where a reader should say more precisely
what is wrong), a native crash, a timeout or an out-of-memory. Prints per target: executions,
unique findings (by exception type and the innermost frame of ours), and where the inputs were
saved (``--out``, git-ignored, default bench/data/cache/fuzz/).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = ("pdf", "docx", "odt", "rtf", "text", "zip", "redactor", "requirements")
_FINDINGS_ENV = "VEIL_FUZZ_FINDINGS"
_DONE = re.compile(r"Done (\d+) runs in (\d+) second")
_STAT = re.compile(r"#(\d+)\s+(?:pulse|NEW|REDUCE|DONE|INITED)")


def _seeds(target: str) -> list[bytes]:
    """Valid documents of the target's kind (generated fixtures and the bundled sample)."""
    from tests.core.intake import fixtures as fx

    sample = ROOT / "core" / "sample" / "resumes"
    by_suffix = {
        s: [p.read_bytes() for p in sorted(sample.glob(f"*{s}"))] for s in (".pdf", ".txt")
    }
    if target == "pdf":
        return [fx.two_column_pdf(), fx.designer_pdf(), fx.multipage_pdf(), *by_suffix[".pdf"]]
    if target == "docx":
        return [fx.docx_bytes(), *(p.read_bytes() for p in sorted(sample.glob("*.docx")))]
    if target == "odt":
        return [fx.odt_bytes()]
    if target == "rtf":
        return [fx.rtf_bytes()]
    if target == "zip":
        return [fx.zip_of_all()]
    if target == "requirements":
        return [(ROOT / "core" / "sample" / "job.txt").read_bytes()]
    return by_suffix[".txt"]


def _child(target: str, seconds: int, corpus: Path, artifacts: Path) -> None:
    import atheris

    from core import hardening, offline

    hardening.harden()
    offline.install()
    with atheris.instrument_imports():
        from core.errors import IntakeError
        from core.intake import rlimits
        from core.intake.limits import Limits
        from core.intake.parse import parse
        from core.intake.sources import iter_sources
        from core.scoring.requirements import parse_requirements
    limits = Limits()
    seen: set[str] = set()
    findings = open(os.environ[_FINDINGS_ENV], "a", encoding="utf-8")  # noqa: SIM115
    scratch = Path(tempfile.mkdtemp(prefix="veil-fuzz-", dir="/dev/shm"))
    redactor = None
    if target == "redactor":
        from anonymize import Redactor

        redactor = Redactor()
    names = {"pdf": "f.pdf", "docx": "f.docx", "odt": "f.odt", "rtf": "f.rtf", "text": "f.txt"}

    def one(data: bytes) -> None:
        try:
            if target in names:
                parse(data, names[target], limits)
            elif target == "zip":
                path = scratch / "f.zip"
                path.write_bytes(data)
                for source in iter_sources([path], limits):
                    if source.error is None and source.data:
                        parse(source.data, source.label, limits)
            elif target == "requirements":
                parse_requirements(data.decode("utf-8", "replace"))
            elif redactor is not None:
                redactor.redact(data.decode("utf-8", "replace"))
        except IntakeError:
            return
        except Exception as exc:  # noqa: BLE001 - every other exception is a finding
            frames = _frames(exc)
            ours = [f for f in frames if f.startswith(("core/", "anonymize/"))]
            where = ours[-1] if ours else (frames[-1] if frames else "?")
            key = f"{type(exc).__name__} at {where} (last: {frames[-1] if frames else '?'})"
            if key not in seen:
                seen.add(key)
                saved = artifacts / f"finding-{len(seen)}"
                saved.write_bytes(data)
                findings.write(json.dumps({"key": key, "input": str(saved)}) + "\n")
                findings.flush()

    rlimits.apply(seconds * 2 + 60, 2 << 30)
    atheris.Setup(
        [
            "fuzz",
            str(corpus),
            f"-max_total_time={seconds}",
            "-timeout=20",
            "-rss_limit_mb=3000",
            f"-artifact_prefix={artifacts}/",
            "-print_final_stats=1",
        ],
        one,
    )
    atheris.Fuzz()


def _frames(exc: BaseException) -> list[str]:
    import traceback

    frames = []
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        shown = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        frames.append(f"{shown}:{frame.lineno}")
    return frames


def _replay(inputs: list[Path]) -> list[str]:
    """Each finding through the real sandboxed intake: it must be a clear per-file answer."""
    from core.errors import IntakeError
    from core.intake import IntakePool

    problems = []
    with IntakePool(size=1) as pool:
        for path in inputs:
            try:
                pool.extract(path.read_bytes(), path.name + ".bin")
            except IntakeError as exc:
                if not exc.message:
                    problems.append(f"{path.name}: empty message")
            except Exception as exc:  # noqa: BLE001 - the sandbox must never raise anything else
                problems.append(f"{path.name}: {type(exc).__name__}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=600, help="per target")
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "data" / "cache" / "fuzz")
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.seconds, args.out / args.child / "corpus", args.out / args.child)
        return 0
    rows = []
    for target in args.targets.split(","):
        folder = args.out / target
        corpus = folder / "corpus"
        corpus.mkdir(parents=True, exist_ok=True)
        for i, seed in enumerate(_seeds(target)):
            (corpus / f"seed-{i}").write_bytes(seed)
        findings_file = folder / "findings.jsonl"
        findings_file.unlink(missing_ok=True)
        started = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                target,
                "--seconds",
                str(args.seconds),
                "--out",
                str(args.out),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, _FINDINGS_ENV: str(findings_file)},
            check=False,
        )
        log = proc.stderr
        (folder / "libfuzzer.log").write_text(log, encoding="utf-8")
        done = _DONE.search(log)
        stats = [int(m.group(1)) for m in _STAT.finditer(log)]
        runs = int(done.group(1)) if done else max(stats, default=0)
        keys = []
        if findings_file.exists():
            keys = [json.loads(line) for line in findings_file.read_text().splitlines()]
        native = sorted(
            p for p in folder.glob("*") if p.name.split("-")[0] in ("crash", "timeout", "oom")
        )
        replay = _replay([Path(k["input"]) for k in keys] + native) if keys or native else []
        rows.append((target, runs, time.perf_counter() - started, keys, native, replay))
        print(
            f"{target:13s} {runs:>9,d} executions  {len(keys)} unique exceptions"
            f"  {len(native)} native crash/timeout/oom  replay problems: {len(replay)}",
            flush=True,
        )
        for key in keys:
            print(f"    {key['key']}")
        for path in native:
            print(f"    {path.name}")
    total = sum(r[1] for r in rows)
    print(f"\n{total:,d} executions in all; inputs and logs under {args.out}")
    return 1 if any(r[5] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
