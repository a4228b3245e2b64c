"""Test settings: only things that make the suite faster or isolated from a dev worker."""
import os

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F401,F403
from .settings import DATABASES, LOGGING, REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Separate Redis databases so a developer's worker on /0 never runs test tasks (toolchain.md), and under
# pytest-xdist (make test) two of their own per worker process, counted down from 15: gw0 (or a run in one
# process) 15 and 14, gw1 13 and 12, … A worker's test database is its own too (pytest-django), so a session
# worker must never take another process's tasks.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_DB_TEST = 15 - 2 * _WORKER  # the broker and results of the suite's session worker (conftest)
REDIS_DB_TEST_LEPAS = 14 - 2 * _WORKER  # where no worker of the suite listens: the routing and killed-worker tests
if REDIS_URL:
    if REDIS_DB_TEST_LEPAS < 0:
        raise ImproperlyConfigured("With REDIS_URL the suite runs on at most 8 pytest-xdist workers (16 Redis DBs)")
    _base = REDIS_URL.rsplit("/", 1)[0] if REDIS_URL.count("/") > 2 else REDIS_URL
    CELERY_BROKER_URL = CELERY_RESULT_BACKEND = f"{_base}/{REDIS_DB_TEST}"
CELERY_TASK_ALWAYS_EAGER = True
# Bulk print inside the on_commit callback: no thread outlives a test (tests of the thread turn it on).
CETAK_MASSAL_THREAD = False
CELERY_BEAT_SCHEDULE = {}
# No read replica in tests, even when DATABASE_REPLICA_URL is exported (test_db_router.py sets its own).
DATABASES.pop("replica", None)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WHITENOISE_AUTOREFRESH = True
# django-axes logs every login at INFO; keep test output readable.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "axes": {"level": "WARNING"}}}
