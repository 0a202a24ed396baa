"""Keep a Veil process's memory out of core dumps and out of other processes' reach.

Every Veil process holds plaintext resumes in memory at some point: the app and CLI (the
documents they store and reveal), the intake workers (the file being read) and the redaction
process (the text before redaction). A crash of any of them must not write that memory to disk,
whatever the user's shell allows (``ulimit -c unlimited``) and whatever collects cores
(``core`` files, systemd-coredump, apport): a SIGSEGV in a parser, a decompression bomb, or
Veil's own CPU limit (SIGXCPU, whose default action dumps core) would otherwise leave other
candidates' text in a file beside the user's work (issue 17).

``harden()`` is called first thing by every entry point (CLI, GUI, self-test, each child), before
any personal data is read:

- umask 077, so that every file and folder Veil creates (log, models, exports, the workspace's
  side files) is readable by the user alone;

- Linux and macOS: ``RLIMIT_CORE`` 0 (the soft limit, which the kernel applies; a child inherits
  it, and sets it again itself);
- Linux: ``prctl(PR_SET_DUMPABLE, 0)``, so the kernel writes no core at all (not even through a
  ``core_pattern`` pipe such as systemd-coredump) and other processes of the same user cannot
  attach with ptrace or read ``/proc/PID/mem``; exec resets this, hence the call in each child;
- Windows: ``SetErrorMode`` without the fault dialog and ``WerAddExcludedApplication`` for the
  executable, so Windows Error Reporting neither shows nor collects a dump of it. (The Windows
  build is not tested here; the packaging notes say how to check it.)
- macOS builds are signed with the hardened runtime and without the ``get-task-allow``
  entitlement, which is what keeps other processes from attaching there.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
_SEM_FAILCRITICALERRORS = 0x0001
_SEM_NOGPFAULTERRORBOX = 0x0002


def harden() -> None:
    """No core dumps and no same-user debugging for this process (and its children's start);
    every file it creates is private to the user (umask 077: files 0600, folders 0700)."""
    os.umask(0o077)
    _no_core_limit()
    if sys.platform.startswith("linux"):
        _not_dumpable()
    elif sys.platform == "win32":
        _no_error_reporting()


def _no_core_limit() -> None:
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        # The soft limit is the one the kernel applies. The hard limit is left alone: lowering
        # it could never be undone in this process (tests run the CLI in-process), and on Linux
        # the process is also made non-dumpable, which no limit can override.
        _, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (0, hard))


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def _not_dumpable() -> None:
    libc = _libc()
    if libc is not None:
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def dumpable() -> bool | None:
    """Whether the kernel would dump this process's core (None where it cannot be asked)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    return None if libc is None else bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def _no_error_reporting() -> None:  # pragma: no cover - Windows only
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return
    with contextlib.suppress(OSError, AttributeError):
        kernel32 = windll.kernel32
        kernel32.SetErrorMode(
            kernel32.GetErrorMode() | _SEM_FAILCRITICALERRORS | _SEM_NOGPFAULTERRORBOX
        )
    with contextlib.suppress(OSError, AttributeError):
        windll.wer.WerAddExcludedApplication(ctypes.c_wchar_p(os.path.abspath(sys.executable)), 0)
