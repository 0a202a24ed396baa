"""The intake worker: a child process that reads files sent over its stdin pipe and answers on
its stdout pipe, under CPU-time and address-space limits set per file.

Run by ``core.intake.sandbox`` as ``python -m core.intake.worker``; never imported by the app
itself. A hostile file can at worst crash or exhaust this process; the parent then reports a
per-file error and starts a fresh worker.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


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
        if "bad_alloc" in str(exc):  # a C++ library (ONNX Runtime) hit the memory limit
            return {
                "ok": False,
                "kind": "ResourceLimitError",
                "message": "This file needed more memory than allowed; it was not read.",
                "hint": "",
                "fatal": True,
            }
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
    from core import hardening, offline

    hardening.harden()  # before the first file: a crash here must not dump a core
    offline.install()
    from core.child_process import protocol_streams

    proto_in, proto_out = protocol_streams()
    # Warm the common readers so the first file is fast; OCR loads lazily when needed.
    import core.intake.docx
    import core.intake.parse
    import core.intake.pdf
    import core.intake.text  # noqa: F401
    from core.intake import protocol, rlimits

    protocol.write_json(proto_out, {"ready": True, "pid": os.getpid()})
    while True:
        raw_header = protocol.read_frame_blocking(proto_in, 1 << 20)
        if raw_header is None:
            return
        data = protocol.read_frame_blocking(proto_in, 1 << 31)
        if data is None:
            return
        header = json.loads(raw_header)
        limits = header.get("limits") or {}
        rlimits.apply(int(limits.get("cpu_seconds", 30)), int(limits.get("memory_bytes", 1 << 30)))
        per_page = float(limits.get("ocr_seconds_per_page", 60.0))

        def grant(seconds: float = per_page) -> None:
            rlimits.grant_cpu(seconds)
            protocol.write_json(proto_out, {"extend": seconds})  # the parent's clock too

        rlimits.set_ocr_page_hook(grant)
        try:
            reply = _handle(header, data)
        finally:
            rlimits.clear_memory_limit()
        del data
        protocol.write_json(proto_out, reply)
        if reply.get("fatal"):
            sys.exit(3)


if __name__ == "__main__":
    main()
