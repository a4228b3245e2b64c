# Kinerja: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-installed
DEV_STAMP := $(VENV)/.requirements-dev-installed
HOST   ?= 127.0.0.1:8000
BENCH_PEGAWAI ?= 50000
# pytest-xdist workers for make test / test-fast: one per core (auto); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto
PYTEST_XDIST := -n $(PYTEST_WORKERS)

.PHONY: run test test-fast bench bench-smoke deps dev-deps sysdeps-run sysdeps-test lint messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $(STAMP)

$(DEV_STAMP): requirements-dev.txt $(STAMP)
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $(DEV_STAMP)

deps: $(STAMP)

dev-deps: $(DEV_STAMP)

sysdeps-run:
	@bash scripts/sysdeps.sh run

sysdeps-test:
	@bash scripts/sysdeps.sh test

run: deps sysdeps-run
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST)

test: dev-deps sysdeps-test
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run >/dev/null || \
	  (echo "Models and migrations differ: run manage.py makemigrations" && exit 1)
	$(BIN)/python -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

test-fast: dev-deps
	$(BIN)/python -m pytest -m "not e2e" $(PYTEST_XDIST) $(PYTEST_ARGS)

# The bench (kinerja/bench/): seed BENCH_PEGAWAI pegawai with a year of data, time every page of every role,
# load-test the writes through gunicorn with locust, time the PDFs (bulk print through Celery when REDIS_URL
# is set). Use a database of its own. BENCH_ARGS passes more options (manage.py bench --help).
bench: dev-deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bench --pegawai $(BENCH_PEGAWAI) $(BENCH_ARGS)

# A smoke run of the same machinery in a few minutes.
bench-smoke: dev-deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bench --pegawai 2000 --putaran 2 --pengguna 10 --detik 20 --cetak 100 $(BENCH_ARGS)

lint: dev-deps
	$(BIN)/ruff check .

messages: deps
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
