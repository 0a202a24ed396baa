"""Text from users and documents reaches the terminal as text, never as terminal commands.

A file name, a reviewer name or a document's text may carry ESC sequences (clear the screen,
retitle the window, hide or fake what follows), other control characters, or bidirectional
overrides that reorder what is shown (issue 17). Two layers:

- :func:`safe` escapes every such character in one field (new lines too, so a file name cannot
  fake a line of output); the CLI applies it to each user- or document-supplied field it prints;
- :func:`escaped_output` wraps ``stdout`` and ``stderr`` for the whole command, escaping terminal
  controls in everything written (new lines, tabs and the progress bar's carriage returns
  pass), as a net for any field a future command forgets.

Escapes are written ``\\u001b``: visible on a terminal and valid inside JSON strings.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

# C0 controls, DEL, C1 controls, and the bidirectional embedding/override/isolate controls.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_FIELD = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_STREAM = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe(text: object) -> str:
    """``text`` with every control and bidi character escaped (one line, shown as written)."""
    return _FIELD.sub(_escape, str(text))


def has_controls(text: str) -> bool:
    return _FIELD.search(text) is not None


class _EscapingStream:
    """A text stream that escapes terminal controls in what is written to it."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(_STREAM.sub(_escape, text))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Escape terminal controls in everything written to stdout and stderr meanwhile."""
    saved = sys.stdout, sys.stderr
    sys.stdout = _EscapingStream(saved[0])
    sys.stderr = _EscapingStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
