"""Test settings: only things that make the suite faster or isolated from a dev worker."""
from .settings import *  # noqa: F401,F403
from .settings import DATABASES, LOGGING, REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Separate Redis databases so a developer's worker on /0 never runs test tasks (toolchain.md).
if REDIS_URL:
    _base = REDIS_URL.rsplit("/", 1)[0] if REDIS_URL.count("/") > 2 else REDIS_URL
    CELERY_BROKER_URL = f"{_base}/14"
    CELERY_RESULT_BACKEND = f"{_base}/15"
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
