# Kinerja: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.requirements-installed
DEV_STAMP := $(VENV)/.requirements-dev-installed
HOST   ?= 127.0.0.1:8000
BENCH_PEGAWAI ?= 50000

.PHONY: run test test-fast bench deps dev-deps sysdeps-run sysdeps-test lint messages clean

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
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: dev-deps
	$(BIN)/python -m pytest -m "not e2e" $(PYTEST_ARGS)

BENCH_WORKER_PID := /tmp/kinerja-bench-worker.pid

bench: deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bench --pegawai $(BENCH_PEGAWAI)
	$(BIN)/python manage.py seed_demo >/dev/null
	@# PDF timings: one Dokumen Evaluasi, then 200 through a real Celery worker when REDIS_URL is set.
	@if [ -n "$$REDIS_URL" ]; then \
	  $(BIN)/celery -A kinerja worker -l WARNING --concurrency 2 --pidfile=$(BENCH_WORKER_PID) \
	    --include notifikasi.bench --logfile=/tmp/kinerja-bench-worker.log --detach && sleep 3; fi
	$(BIN)/python manage.py bench_pdf --jumlah 200; status=$$?; \
	  if [ -f $(BENCH_WORKER_PID) ]; then kill -TERM $$(cat $(BENCH_WORKER_PID)); fi; exit $$status

lint: dev-deps
	$(BIN)/ruff check .

messages: deps
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
