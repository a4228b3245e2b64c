"""Settings from the environment: safe defaults, and a clean `check --deploy` in production shape."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
PROD = {
    "DEBUG": "0",
    "SECRET_KEY": "k3nErj4-pr0d-" + "s8Q2vX7mZ1pL9wR4tY6uI0oP3aS5dF" * 2,
    "ALLOWED_HOSTS": "kinerja.bkpsdm.example.go.id",
    "CSRF_TRUSTED_ORIGINS": "https://kinerja.bkpsdm.example.go.id",
}
OURS = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL", "REDIS_URL",
        "EMAIL_URL", "EMAIL_BACKEND", "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE", "TIME_ZONE",
        "DJANGO_ALLOW_ASYNC_UNSAFE", "HARI_KEBERATAN", "LOG_LEVEL", "SESSION_IDLE_MINUTES", "SESSION_MAX_HOURS"}


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in OURS}
    clean.update(DJANGO_SETTINGS_MODULE="kinerja.settings", **env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=clean,
                          capture_output=True, text=True, timeout=120, check=False)


def settings_value(expr, **env):
    code = f"import django; django.setup(); from django.conf import settings as s; print(({expr}))"
    clean = {k: v for k, v in os.environ.items() if k not in OURS}
    clean.update(DJANGO_SETTINGS_MODULE="kinerja.settings", **env)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean, capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_check_deploy_has_no_warnings_in_production_shape():
    done = manage("check", "--deploy", "--fail-level", "WARNING", **PROD)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_production_without_secret_key_refuses_to_start():
    env = {k: v for k, v in PROD.items() if k != "SECRET_KEY"}
    done = manage("check", **env)
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_defaults_work_without_any_environment():
    """A fresh clone runs with no environment at all: SQLite, eager tasks, console e-mail, no HTTPS."""
    exprs = [
        "s.DEBUG",
        "s.DATABASES['default']['ENGINE']",
        "s.CELERY_TASK_ALWAYS_EAGER",
        "s.EMAIL_BACKEND",
        "s.AUTH_USER_MODEL",
        "s.LANGUAGE_CODE",
        "s.TIME_ZONE",
        "s.SECURE_SSL_REDIRECT",
    ]
    values = settings_value("[" + ", ".join(exprs) + "]")
    assert values == repr(
        [
            True,
            "django.db.backends.sqlite3",
            True,
            "django.core.mail.backends.console.EmailBackend",
            "pegawai.User",
            "id",
            "Asia/Jakarta",
            False,
        ]
    )


@pytest.mark.parametrize(
    "env, expr, expected",
    [
        ({"DATABASE_URL": "postgres://u:p@db:5432/kinerja"}, "s.DATABASES['default']['NAME']", "kinerja"),
        (
            {"REDIS_URL": "redis://redis:6379/0"},
            "s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER",
            "('redis://redis:6379/0', False)",
        ),
        ({**PROD}, "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS", "(True, True, 31536000)"),
        ({**PROD, "SECURE_SSL_REDIRECT": "0"}, "s.SECURE_SSL_REDIRECT", "False"),
        (
            {"EMAIL_URL": "smtp://kinerja:rahasia@mail.example.go.id:587"},
            "s.EMAIL_HOST, s.EMAIL_PORT",
            "('mail.example.go.id', 587)",
        ),
        ({"HARI_KEBERATAN": "21"}, "s.KINERJA['HARI_KEBERATAN']", "21"),
    ],
    ids=["database", "redis", "produksi-aman", "ssl-di-proxy", "email", "hari-keberatan"],
)
def test_environment_variables_are_read(env, expr, expected):
    assert settings_value(expr, **env) == expected


def test_healthz_answers_when_the_database_does(client, db):
    assert client.get("/healthz/").json() == {"status": "ok"}


def test_interface_is_indonesian_even_when_the_browser_asks_for_english(client, db):
    html = client.get("/masuk/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Masuk ke Kinerja" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/masuk/"})
    assert "Log in to Kinerja" in client.get("/masuk/").content.decode()
