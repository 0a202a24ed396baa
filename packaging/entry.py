"""Entry script of the bundled app: PyInstaller needs a file; the launcher is ``veil.main``.

The bundle's ``veil`` and pip's console script are one function (``veil.py`` at the top of the
repository, found through the spec's ``pathex``).
"""

from __future__ import annotations

from veil import main

if __name__ == "__main__":
    raise SystemExit(main())
