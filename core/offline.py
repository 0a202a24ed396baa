"""Make this process unable to reach the network.

``install()`` is called first thing by the CLI, the GUI and the test suite, before torch,
transformers, spaCy or Presidio are imported:

- it sets the offline and no-telemetry switches that Hugging Face, transformers, tokenizers and
  spaCy-related tools read at import time;
- it adds a ``sys.addaudithook`` that refuses ``socket.connect``, ``socket.sendto`` and DNS look-ups
  for anything but loopback and local (Unix) sockets, raising ``NetworkBlockedError``.

An audit hook cannot be removed, so once installed the guard holds for the life of the process.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import Any

from core.errors import NetworkBlockedError

OFFLINE_ENV: dict[str, str] = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "HF_HUB_DISABLE_UPDATE_CHECK": "1",
    "DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
    # ONNX Runtime (OCR) starts telemetry on import: a temp-folder session file and an uploader
    # that works below Python's socket layer, out of the audit hook's sight.
    "ORT_DISABLE_TELEMETRY": "1",
    "SPACY_WARNING_IGNORE": "W095",
}

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
_installed = False
_LOOKUP_EVENTS = frozenset(
    {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyname_ex",
        "socket.gethostbyaddr",
    }
)


def set_offline_env() -> None:
    """Set the offline switches (without overriding a stricter value the user already set)."""
    for key, value in OFFLINE_ENV.items():
        os.environ[key] = value


def is_local_host(host: object) -> bool:
    """True for loopback addresses, ``localhost``, the empty host and Unix socket paths."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip().strip("[]").lower()
    if name in ("", *_LOCAL_NAMES):
        return True
    try:
        address = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _address_is_local(address: object) -> bool:
    # AF_UNIX addresses are paths (str or bytes); AF_INET/AF_INET6 are tuples (host, port, ...).
    if isinstance(address, tuple) and address:
        return is_local_host(address[0])
    return isinstance(address, (str, bytes))


def _describe(address: object) -> str:
    if isinstance(address, tuple) and address:
        return f"{address[0]}:{address[1]}" if len(address) > 1 else str(address[0])
    return str(address)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
        if address is not None and not _address_is_local(address):
            raise NetworkBlockedError(_describe(address))
    elif event in _LOOKUP_EVENTS:
        host = args[0] if args else None
        if not is_local_host(host):
            raise NetworkBlockedError(str(host))


def install() -> None:
    """Set the offline environment and install the network guard (idempotent)."""
    global _installed
    set_offline_env()
    if _installed:
        return
    sys.addaudithook(_audit)
    _installed = True


def is_installed() -> bool:
    return _installed
