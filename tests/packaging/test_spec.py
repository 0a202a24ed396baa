"""The bundle's spec cannot silently rot: everything packaging/bundle.toml names must exist in
the installed environment, the excludes must not hit what Veil imports, and the drop patterns
must not hit the files the app needs. Fast: no build, no heavy imports."""

from __future__ import annotations

import ast
import configparser
import fnmatch
import importlib.machinery
import importlib.metadata
import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
CONFIG = tomllib.loads((PACKAGING / "bundle.toml").read_text(encoding="utf-8"))
OUR_PACKAGES = ("core", "anonymize", "desktop")


def _top_dir(name: str) -> Path | None:
    """The folder of an importable top-level package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _package_dir(dotted: str) -> Path | None:
    top, *rest = dotted.split(".")
    folder = _top_dir(top)
    if folder is None:
        return None
    folder = folder.joinpath(*rest)
    return folder if folder.is_dir() else None


def _module_exists(dotted: str) -> bool:
    """Whether ``dotted`` resolves to a module or package file, without importing anything
    (importing presidio or spaCy to find a submodule would take seconds)."""
    top, *rest = dotted.split(".")
    if not rest:
        return importlib.util.find_spec(top) is not None
    parent = _package_dir(".".join([top, *rest[:-1]]))
    if parent is None:
        return False
    leaf = rest[-1]
    if (parent / leaf).is_dir():
        return True
    return any((parent / (leaf + s)).is_file() for s in importlib.machinery.all_suffixes())


def _bundle_path(package: str, path: str) -> str:
    return f"{package.replace('.', '/')}/{path}"


def _drop_patterns() -> list[str]:
    return [p for group in ("torch", "qt", "data") for p in CONFIG["drop"][group]]


def _dropped(dest: str) -> bool:
    return any(fnmatch.fnmatch(dest, pattern) for pattern in _drop_patterns())


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_spec_reads_the_manifest_and_every_drop_group() -> None:
    spec = (PACKAGING / "veil.spec").read_text(encoding="utf-8")
    assert '"bundle.toml"' in spec
    groups = {
        k for k, v in CONFIG["drop"].items() if k not in ("must_keep", "qt_translations_keep")
    }
    assert groups == {"torch", "qt", "data"}
    assert '("torch", "qt", "data")' in spec
    for key in ("data_packages", "metadata", "hidden", "submodules_of", "excludes"):
        assert f'["{key}"]' in spec, key


def test_app_files_exist() -> None:
    app = CONFIG["app"]
    for key in ("entry", "icon_png", "icon_svg", "icon_ico"):
        assert (ROOT / app[key]).is_file(), app[key]
    assert app["name"] == "veil"
    png = (ROOT / app["icon_png"]).read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("package", CONFIG["collect"]["data_packages"])
def test_data_package_exists_and_has_data_files(package: str) -> None:
    folder = _package_dir(package)
    assert folder is not None, f"{package} is not installed"
    data = [
        p
        for p in folder.rglob("*")
        if p.is_file()
        and "__pycache__" not in p.parts
        and p.suffix not in (".py", ".pyc")
        and not p.name.endswith(".so")
    ]
    assert data, f"{package} has no data files: drop it from data_packages"


@pytest.mark.parametrize("dist", CONFIG["collect"]["metadata"])
def test_metadata_distribution_is_installed(dist: str) -> None:
    assert importlib.metadata.distribution(dist).version


@pytest.mark.parametrize(
    "required", CONFIG["required"], ids=lambda r: _bundle_path(r["package"], r["path"])
)
def test_required_file_exists_and_is_not_dropped(required: dict[str, str]) -> None:
    folder = _package_dir(required["package"])
    assert folder is not None, required["package"]
    path = folder / required["path"]
    assert path.is_file(), path
    assert path.stat().st_size > 0, path
    assert required["package"] in CONFIG["collect"]["data_packages"]
    assert not _dropped(_bundle_path(required["package"], required["path"]))


@pytest.mark.parametrize("module", CONFIG["imports"]["hidden"])
def test_hidden_import_resolves(module: str) -> None:
    assert _module_exists(module), f"hidden import {module} does not exist"


@pytest.mark.parametrize("package", CONFIG["imports"]["submodules_of"])
def test_submodule_package_exists(package: str) -> None:
    assert _package_dir(package) is not None, package


def test_must_keep_files_exist_in_the_environment_and_are_not_dropped() -> None:
    site = {p.split("/", 1)[0] for p in CONFIG["drop"]["must_keep"]}
    roots = {name: _top_dir(name) for name in site}
    for dest in CONFIG["drop"]["must_keep"]:
        assert not _dropped(dest), f"a drop pattern removes {dest}"
        top, rest = dest.split("/", 1)
        root = roots[top]
        assert root is not None, dest
        assert (root / rest).exists(), dest


def test_qt_translations_kept_exist() -> None:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for name in CONFIG["drop"]["qt_translations_keep"]:
        if name.endswith("_en.qm"):
            continue  # Qt ships no English catalogue for some modules; English is the source
        assert (folder / name).is_file(), name


def test_excludes_are_not_imported_by_our_code() -> None:
    excludes = CONFIG["imports"]["excludes"]
    offenders = []
    for package in (*OUR_PACKAGES, "packaging"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for name in _imports_of(path):
                offenders += [
                    f"{path.relative_to(ROOT)}: {name}" for ex in excludes if _is_under(name, ex)
                ]
    assert offenders == []


def test_our_packages_are_not_excluded_and_qt_core_modules_kept() -> None:
    excludes = CONFIG["imports"]["excludes"]
    for kept in (*OUR_PACKAGES, "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "torch"):
        assert not any(_is_under(kept, ex) for ex in excludes), kept


def test_desktop_entry_is_valid() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "linux" / "veil.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == CONFIG["app"]["name"]
    assert entry["Icon"] == "veil"
    assert entry["Categories"].endswith(";")


def test_entry_refuses_other_modules() -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "entry.py"), "-m", "os"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "not a runnable module" in result.stderr


@pytest.mark.parametrize("module", ["core.intake.worker", "core.services.redaction_process"])
def test_entry_runs_the_child_processes(module: str) -> None:
    """The frozen app runs its intake workers and its redaction process as ``veil -m MODULE``:
    the child starts, says it is ready on its pipe, and ends when the pipe closes."""
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "entry.py"), "-m", module],
        input=b"",
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert b'"ready": true' in result.stdout or b'"ready":true' in result.stdout
