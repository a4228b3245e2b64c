"""docker-compose.yml describes the production shape: postgres, redis, web (gunicorn), worker, beat."""
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def command(service) -> str:
    cmd = service.get("command", "")
    return " ".join(cmd) if isinstance(cmd, list) else cmd


def test_the_five_services_exist(compose):
    assert set(compose["services"]) == {"postgres", "redis", "web", "worker", "beat"}


def test_every_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        test = service.get("healthcheck", {}).get("test")
        assert test and test != ["NONE"], name


def test_application_services_run_the_right_processes(compose):
    s = compose["services"]
    assert "gunicorn kinerja.wsgi" in command(s["web"]) and "migrate" in command(s["web"])
    assert "celery -A kinerja worker" in command(s["worker"])
    assert "celery -A kinerja beat" in command(s["beat"])
    assert s["postgres"]["image"].startswith("postgres:") and s["redis"]["image"].startswith("redis:")


def test_data_lives_in_named_volumes(compose):
    s, volumes = compose["services"], set(compose["volumes"])
    mounts = {name: [v.split(":")[0] for v in service.get("volumes", [])] for name, service in s.items()}
    assert "pgdata" in mounts["postgres"] and "redisdata" in mounts["redis"]
    assert "media" in mounts["web"] and "media" in mounts["worker"]
    assert {m for ms in mounts.values() for m in ms} <= volumes


def test_start_order_waits_for_healthy_dependencies(compose):
    s = compose["services"]
    assert s["web"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert s["web"]["depends_on"]["redis"]["condition"] == "service_healthy"
    for name in ("worker", "beat"):  # after web has run the migrations
        assert s[name]["depends_on"]["web"]["condition"] == "service_healthy"


def test_app_services_run_in_production_mode_against_postgres_and_redis(compose):
    for name in ("web", "worker", "beat"):
        env = compose["services"][name]["environment"]
        assert env["DEBUG"] == "0"
        assert env["DATABASE_URL"].startswith("postgres://") and "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"] == "redis://redis:6379/0"
        assert env["SECRET_KEY"].startswith("${SECRET_KEY:?"), "no built-in secret key"


def test_dockerfile_builds_the_served_image():
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("# ") and "FROM python:3.11-slim" in text
    assert "libharfbuzz-subset0" in text and "collectstatic --noinput" in text and "gunicorn" in text
