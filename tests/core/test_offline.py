"""The network guard: non-loopback connections and look-ups fail; loopback still works."""

from __future__ import annotations

import os
import socket
import threading

import pytest

from core import offline
from core.errors import NetworkBlockedError


def test_guard_is_installed_by_the_suite() -> None:
    assert offline.is_installed()
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert os.environ["ORT_DISABLE_TELEMETRY"] == "1"


@pytest.mark.parametrize("address", [("93.184.216.34", 80), ("10.0.0.1", 443), ("8.8.8.8", 53)])
def test_connect_to_public_or_private_address_is_refused(address: tuple[str, int]) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1)
        with pytest.raises(NetworkBlockedError, match="offline"):
            sock.connect(address)


def test_ipv6_connect_is_refused() -> None:
    with (
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock,
        pytest.raises(NetworkBlockedError),
    ):
        sock.connect(("2606:2800:220:1:248:1893:25c8:1946", 443))


def test_udp_sendto_is_refused() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock,
        pytest.raises(NetworkBlockedError),
    ):
        sock.sendto(b"x", ("1.1.1.1", 53))


@pytest.mark.parametrize("host", ["huggingface.co", "example.org", "publicsuffix.org"])
def test_dns_lookup_is_refused(host: str) -> None:
    with pytest.raises(NetworkBlockedError):
        socket.getaddrinfo(host, 443)
    with pytest.raises(NetworkBlockedError):
        socket.gethostbyname(host)


def test_loopback_still_works() -> None:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    received: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            received.append(conn.recv(16))

    thread = threading.Thread(target=serve)
    thread.start()
    with socket.create_connection(("localhost", port), timeout=5) as client:
        client.sendall(b"ping")
    thread.join(5)
    server.close()
    assert received == [b"ping"]


def test_urllib_cannot_fetch() -> None:
    import urllib.request

    with pytest.raises((NetworkBlockedError, OSError)) as info:
        urllib.request.urlopen("https://huggingface.co/api/models", timeout=2)
    # urllib may wrap the error; the guard's message must be in the chain.
    assert "offline" in str(info.value) or isinstance(info.value.__context__, NetworkBlockedError)


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("localhost", True),
        ("127.8.9.1", True),
        ("10.1.2.3", False),
        ("example.com", False),
        ("192.168.1.1", False),
    ],
)
def test_is_local_host(host: str, local: bool) -> None:
    assert offline.is_local_host(host) is local
