"""Translations: every visible string goes through Qt's translation system.

English is the source language. ``desktop/translations/veil_<lang>.ts`` are the Qt Linguist
sources and the compiled ``.qm`` files next to them are what the app loads; Qt's own strings
(standard buttons, dialogs) come from Qt's ``qtbase_<lang>.qm``. To refresh after changing strings::

    .venv/bin/pyside6-lupdate desktop/*.py -ts desktop/translations/veil_zh_CN.ts \
        desktop/translations/veil_en.ts
    # translate in pyside6-linguist, then
    .venv/bin/pyside6-lrelease desktop/translations/veil_zh_CN.ts desktop/translations/veil_en.ts

The language is, in order: ``VEIL_LANG`` (``en`` / ``zh_CN``), the preference, the system locale.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []


def choose_language(preference: str = "") -> str:
    """``en`` or ``zh_CN``: the environment, then the preference, then the system locale."""
    for value in (os.environ.get("VEIL_LANG", ""), preference):
        value = value.strip().replace("-", "_")
        if value in LANGUAGES:
            return value
        if value.lower().startswith("zh"):
            return "zh_CN"
        if value.lower().startswith("en"):
            return "en"
    system = QLocale.system()
    if system.language() == QLocale.Language.Chinese:
        return "zh_CN"
    return "en"


def install_translations(app: QCoreApplication, language: str) -> str:
    """Load Veil's and Qt's translations for ``language``; returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = "en"
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS_DIR / f"veil_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    elif language != "en":
        log.warning("translation for %s not found; using English", language)
        language = "en"
    if language != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir) or qt.load(f"qt_{language}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    QLocale.setDefault(QLocale(language))
    return language
