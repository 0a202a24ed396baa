"""Redaction in a child process of its own, so an import uses both cores.

spaCy's NER, Presidio and our recognizers are Python and hold the interpreter lock most of the
time. In the importing process they take it from the encoder thread after each of its many
short torch operations, and both cores sit half idle (bench/pipeline.py: 4.4 resumes/s end to
end in threads, 5.9 with redaction here). The child is started like the intake workers
(``python -m core.services.redaction_process``, also in the frozen app), gets no secrets and
one BLAS thread, and answers JSON: it only ever sees extracted text, never the files.

``RedactionProcess`` has the ``Redactor``'s ``redact`` and ``redact_many``. If the child dies or
stops answering, the call in flight fails (that batch's files are reported as failed by the
import, nothing is stored for them) and the next call starts a fresh child.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import threading
import time
from collections.abc import Sequence
from typing import IO, Any

from core import child_process
from core.errors import RedactionError
from core.intake import protocol

log = logging.getLogger(__name__)

MODULE = "core.services.redaction_process"
#: Loading spaCy and the recognizers takes 2-3 s; a machine under load may need far longer.
START_TIMEOUT = 180.0
#: A batch may take this long, plus ``SECONDS_PER_TEXT`` for each text, before the child is
#: deemed hung and killed (redaction runs at ~70 ms per resume).
BASE_TIMEOUT = 60.0
SECONDS_PER_TEXT = 10.0
_MAX_REQUEST = 1 << 31


class RedactionProcess:
    """A ``Redactor`` that runs in a child process (started now, ready when first used)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._ready = False
        self._start()

    # --- the child's life ------------------------------------------------------------------------
    def _start(self) -> None:
        self._process = child_process.start(
            child_process.command(MODULE), child_process.environment("1")
        )
        self._ready = False

    def _stdout(self) -> IO[bytes]:
        assert self._process is not None
        assert self._process.stdout is not None
        return self._process.stdout

    def _wait_ready_locked(self) -> None:
        if self._process is None or self._process.poll() is not None:
            self._start()
        if self._ready:
            return
        try:
            reply = protocol.read_json_until(
                self._stdout().fileno(), time.monotonic() + START_TIMEOUT
            )
        except (protocol.ChannelClosed, protocol.ChannelTimeout, ValueError):
            self._kill()
            raise RedactionError(
                "The redaction engine could not start.", hint="See the log for details."
            ) from None
        if not reply.get("ready"):
            self._kill()
            raise RedactionError(
                str(reply.get("message") or "The redaction engine could not start."),
                hint="Reinstall Veil to restore its language model.",
            )
        self._ready = True

    def wait_ready(self) -> None:
        """Block until the child has loaded its models (raises if it cannot)."""
        with self._lock:
            self._wait_ready_locked()

    def _kill(self) -> None:
        process, self._process = self._process, None
        self._ready = False
        if process is not None:
            child_process.kill(process)

    def close(self) -> None:
        """Let the child end (it stops when its input closes), killing it if it lingers."""
        with self._lock:
            process, self._process = self._process, None
            self._ready = False
            if process is not None:
                child_process.close(process, grace=5)

    def __enter__(self) -> RedactionProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the Redactor's calls ---------------------------------------------------------------------
    def redact(self, text: str, language: str | None = None) -> Any:
        return self.redact_many([text], [language])[0]

    def redact_many(
        self, texts: Sequence[str], languages: Sequence[str | None] | None = None
    ) -> list[Any]:
        if languages is not None and len(languages) != len(texts):
            raise ValueError("languages must be as long as texts")
        if not texts:
            return []
        request = {"texts": list(texts), "languages": list(languages or [None] * len(texts))}
        with self._lock:
            self._wait_ready_locked()
            assert self._process is not None
            assert self._process.stdin is not None
            deadline = time.monotonic() + BASE_TIMEOUT + SECONDS_PER_TEXT * len(texts)
            try:
                protocol.write_json(self._process.stdin, request)
                reply = protocol.read_json_until(self._stdout().fileno(), deadline)
            except protocol.ChannelTimeout:
                self._kill()
                raise RedactionError(
                    "Redaction took too long on this file; it was stopped.",
                    hint="The file's text may be unusually long or malformed.",
                ) from None
            except (protocol.ChannelClosed, BrokenPipeError, OSError, ValueError):
                self._kill()
                raise RedactionError(
                    "The redaction engine stopped; the file was not stored."
                ) from None
        if "results" not in reply:
            # the child reports the type of an exception only: its message may quote the text
            raise RedactionError(
                "Redaction failed on this file (internal error).",
                hint=f"(redaction error: {reply.get('error', 'unknown')})",
            )
        results = [_result(value) for value in reply["results"]]
        if len(results) != len(texts):
            raise RedactionError("Redaction failed on this file (internal error).")
        return results


def _result(value: dict[str, Any]) -> Any:
    from anonymize.types import RedactionResult, Span

    spans = tuple(
        Span(str(t), int(start), int(end), float(score), str(recognizer))
        for t, start, end, score, recognizer in value["spans"]
    )
    mapping = {str(k): str(v) for k, v in value["mapping"].items()}
    return RedactionResult(str(value["text"]), spans, mapping, str(value["language"]))


def _encode(result: Any) -> dict[str, Any]:
    return {
        "text": result.text,
        "spans": [[s.type, s.start, s.end, s.score, s.recognizer] for s in result.spans],
        "mapping": result.mapping,
        "language": result.language,
    }


def main() -> None:
    """The child: load the redactor, say it is ready, then answer requests until stdin closes."""
    from core import hardening, offline

    hardening.harden()  # before the first text: a crash here must not dump a core
    offline.install()
    proto_in, proto_out = child_process.protocol_streams()
    try:
        from anonymize import Redactor

        redactor = Redactor()
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises RedactionError
        log.error("redaction engine failed to load: %s", type(exc).__name__)
        message = str(exc) if type(exc).__name__ == "ModelMissingError" else ""
        protocol.write_json(proto_out, {"ready": False, "message": message})
        return
    protocol.write_json(proto_out, {"ready": True, "pid": os.getpid()})
    while True:
        raw = protocol.read_frame_blocking(proto_in, _MAX_REQUEST)
        if raw is None:
            return
        request = json.loads(raw)
        try:
            found = redactor.redact_many(request["texts"], request["languages"])
            reply: dict[str, Any] = {"results": [_encode(result) for result in found]}
        except Exception as exc:  # noqa: BLE001 - the parent reports it for these files
            reply = {"error": type(exc).__name__}
        protocol.write_json(proto_out, reply)


if __name__ == "__main__":
    main()
