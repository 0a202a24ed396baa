"""The intake worker: a child process that reads files sent over its stdin pipe and answers on
its stdout pipe, under CPU-time and address-space limits set per file.

Run by ``core.intake.sandbox`` as ``python -m core.intake.worker``; never imported by the app
itself. A hostile file can at worst crash or exhaust this process; the parent then reports a
per-file error and starts a fresh worker.
"""

from __future__ import annotations

import os
import resource
import sys
from typing import IO, Any


def _vm_size() -> int:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _set_limits(cpu_seconds: int, memory_bytes: int, baseline: int) -> None:
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    cpu_soft = int(_cpu_used()) + cpu_seconds + 1
    if cpu_hard != resource.RLIM_INFINITY:
        cpu_soft = min(cpu_soft, cpu_hard)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_soft, cpu_hard))
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    as_soft = baseline + memory_bytes
    if as_hard != resource.RLIM_INFINITY:
        as_soft = min(as_soft, as_hard)
    resource.setrlimit(resource.RLIMIT_AS, (as_soft, as_hard))


def _clear_memory_limit() -> None:
    _, as_hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (as_hard, as_hard))


def _protocol_streams() -> tuple[IO[bytes], IO[bytes]]:
    """Private copies of stdin/stdout for the protocol; fd 0/1 then point at /dev/null so that
    nothing a library prints can corrupt the frames."""
    proto_in = os.fdopen(os.dup(0), "rb", buffering=0)
    proto_out = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)
    return proto_in, proto_out


def _handle(header: dict[str, Any], data: bytes) -> dict[str, Any]:
    from core.errors import IntakeError
    from core.intake.errors import ResourceLimitError
    from core.intake.limits import Limits
    from core.intake.parse import language_of, parse

    limits = Limits.from_dict(header.get("limits") or {})
    filename = str(header.get("filename") or "")
    try:
        media_type, parsed = parse(data, filename, limits)
    except IntakeError as exc:
        return {"ok": False, "kind": type(exc).__name__, "message": exc.message, "hint": exc.hint}
    except MemoryError:
        error = ResourceLimitError("This file needed more memory than allowed; it was not read.")
        return {
            "ok": False,
            "kind": "ResourceLimitError",
            "message": error.message,
            "hint": "",
            "fatal": True,
        }
    except RecursionError:
        return {
            "ok": False,
            "kind": "CorruptFileError",
            "message": "This file is nested too deeply to be read; it may be damaged or hostile.",
            "hint": "",
        }
    except Exception as exc:  # noqa: BLE001 - any parser failure on a bad file is a per-file error
        return {
            "ok": False,
            "kind": "CorruptFileError",
            "message": "This file is damaged or not what its name says; it cannot be read.",
            "hint": f"(reader error: {type(exc).__name__})",
        }
    return {
        "ok": True,
        "media_type": media_type,
        "text": parsed.text,
        "pages": parsed.pages,
        "warnings": list(parsed.warnings),
        "metadata": dict(parsed.metadata),
        "language": language_of(parsed.text),
    }


def main() -> None:
    from core import offline

    offline.install()
    proto_in, proto_out = _protocol_streams()
    # Warm the common readers so the first file is fast; OCR loads lazily when needed.
    import core.intake.docx
    import core.intake.parse
    import core.intake.pdf
    import core.intake.text  # noqa: F401
    from core.intake import protocol

    baseline = _vm_size()
    protocol.write_json(proto_out, {"ready": True, "pid": os.getpid()})
    while True:
        raw_header = protocol.read_frame_blocking(proto_in, 1 << 20)
        if raw_header is None:
            return
        data = protocol.read_frame_blocking(proto_in, 1 << 31)
        if data is None:
            return
        import json

        header = json.loads(raw_header)
        limits = header.get("limits") or {}
        _set_limits(
            int(limits.get("cpu_seconds", 30)),
            int(limits.get("memory_bytes", 1 << 30)),
            max(baseline, _vm_size()),
        )
        try:
            reply = _handle(header, data)
        finally:
            _clear_memory_limit()
        del data
        protocol.write_json(proto_out, reply)
        if reply.get("fatal"):
            sys.exit(3)


if __name__ == "__main__":
    main()
