"""Length-prefixed frames over the pipes between Veil and its intake workers.

Requests are a JSON header frame and a raw-bytes frame; replies are one JSON frame. JSON, never
pickle, travels back: a parser subverted by a hostile file cannot run code in the parent.
"""

from __future__ import annotations

import json
import os
import selectors
import struct
import time
from typing import IO, Any

_LENGTH = struct.Struct(">Q")
MAX_REPLY_BYTES = 64 * 1024 * 1024


class ChannelClosed(Exception):
    """The other side closed the pipe (or died)."""


class ChannelTimeout(Exception):
    """No complete frame arrived before the deadline."""


def write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(_LENGTH.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def write_json(stream: IO[bytes], value: dict[str, Any]) -> None:
    write_frame(stream, json.dumps(value, ensure_ascii=False).encode("utf-8"))


def read_frame_blocking(stream: IO[bytes], max_bytes: int) -> bytes | None:
    """One frame from a blocking stream; None at a clean end of stream."""
    head = _read_all(stream, _LENGTH.size)
    if head is None:
        return None
    (length,) = _LENGTH.unpack(head)
    if length > max_bytes:
        raise ChannelClosed("frame too large")
    body = _read_all(stream, length)
    if body is None:
        raise ChannelClosed("truncated frame")
    return body


def _read_all(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            if remaining == size:
                return None
            raise ChannelClosed("truncated frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_json_until(fd: int, deadline: float) -> dict[str, Any]:
    """One JSON frame from a pipe file descriptor, waiting at most until ``deadline``."""
    head = _read_fd(fd, _LENGTH.size, deadline)
    (length,) = _LENGTH.unpack(head)
    if length > MAX_REPLY_BYTES:
        raise ChannelClosed("reply too large")
    value = json.loads(_read_fd(fd, length, deadline).decode("utf-8"))
    if not isinstance(value, dict):
        raise ChannelClosed("malformed reply")
    return value


def _read_fd(fd: int, size: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while remaining:
            timeout = deadline - time.monotonic()
            if timeout <= 0 or not selector.select(timeout):
                raise ChannelTimeout()
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                raise ChannelClosed("end of stream")
            chunks.append(chunk)
            remaining -= len(chunk)
    return b"".join(chunks)
