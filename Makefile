# stemcpd: every command installs what it needs into .venv first (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.stemcpd-installed
PORT   ?= 8000

.PHONY: site build serve lab test chromium npm benchmarks clean

## site: install, build the CPD site and open it in a browser (serves on localhost:$(PORT))
site: $(STAMP) npm
	$(BIN)/stemcpd serve --build --open --port $(PORT)

## build: install and build the CPD site into _build/html
build: $(STAMP) npm
	$(BIN)/stemcpd build

## lab: install and open the workbooks in JupyterLab
lab: $(STAMP)
	$(BIN)/stemcpd lab

## test: install everything the tests need (Python deps, Debian chromium) and run every test
test: $(STAMP) chromium npm
	$(BIN)/python -m pytest -n 2 --dist loadscope --durations=40 --nbval-lax -p no:cacheprovider tests workbooks book

## benchmarks: print slider-update, import-time, book-build and site player data medians, and every site page's weight and first-figure time
benchmarks: $(STAMP) chromium npm
	$(BIN)/python benchmarks/bench_slider_update.py
	$(BIN)/python benchmarks/bench_gas.py
	$(BIN)/python benchmarks/bench_rates.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_book.py
	$(BIN)/python benchmarks/bench_site.py
	$(BIN)/python benchmarks/bench_player.py --processes 2
	$(BIN)/python benchmarks/bench_programme.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

# Browser tests drive Debian's chromium (playwright cannot download its own browser here).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

# The site serves its browser libraries (from the npm registry) itself: the build needs npm.
npm:
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "Installing Node.js and npm to fetch the site's browser libraries…"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; \
	fi

clean:
	rm -rf _build .pytest_cache
