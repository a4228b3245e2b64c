"""docker-compose.yml describes the production shape, scaled out (README "Skala"): proxy → web replicas →
pgbouncer → postgres, redis, one Celery worker per queue, beat once, an optional read replica."""
import re
from pathlib import Path

import pytest
import yaml

from kinerja.celery import ANTRIAN

ROOT = Path(__file__).resolve().parent.parent
WORKERS = {"worker-email", "worker-pdf", "worker-reports", "worker-default"}
APP = {"migrate", "web", "beat", *WORKERS}


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def nginx():
    return (ROOT / "deploy" / "nginx.conf").read_text()


def command(service) -> str:
    cmd = service.get("command", "")
    return " ".join(cmd) if isinstance(cmd, list) else cmd


def test_the_services_exist(compose):
    assert set(compose["services"]) == {"postgres", "postgres-replica", "pgbouncer", "redis", "proxy", *APP}
    assert {name for name, s in compose["services"].items() if s.get("image") == "kinerja:latest"} == APP


def test_every_long_running_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if name == "migrate":  # one-shot: the others wait for it to complete
            assert service["restart"] == "no" and "healthcheck" not in service
            continue
        test = service.get("healthcheck", {}).get("test")
        assert test and test != ["NONE"], name


def test_application_services_run_the_right_processes(compose):
    s = compose["services"]
    assert command(s["migrate"]) == "python manage.py migrate --noinput"
    assert command(s["web"]).startswith("gunicorn kinerja.wsgi") and "migrate" not in command(s["web"])
    for name in WORKERS:
        assert command(s[name]).startswith("celery -A kinerja worker -Q "), name
        assert re.search(r"--concurrency \d+", command(s[name])), name
    assert s["postgres"]["image"].startswith("postgres:") and s["redis"]["image"].startswith("redis:")
    assert s["pgbouncer"]["image"].startswith("edoburu/pgbouncer:") and s["proxy"]["image"].startswith("nginx:")


def test_beat_runs_exactly_once(compose):
    beats = [name for name, s in compose["services"].items() if "celery -A kinerja beat" in command(s)]
    assert beats == ["beat"]
    assert compose["services"]["beat"].get("deploy", {}).get("replicas", 1) == 1


def test_every_queue_has_a_worker_consuming_it(compose):
    consumed: dict[str, list[str]] = {}
    for name in WORKERS:
        queues = re.search(r"-Q (\S+)", command(compose["services"][name])).group(1).split(",")
        for q in queues:
            consumed.setdefault(q, []).append(name)
    assert set(consumed) == set(ANTRIAN)  # no queue without a worker, no worker on an unknown queue
    assert all(len(names) == 1 for names in consumed.values()), consumed


def test_the_proxy_is_the_only_way_in_and_sends_to_the_web_replicas(compose, nginx):
    s = compose["services"]
    published = {name for name, service in s.items() if service.get("ports")}
    assert published == {"proxy"}
    assert {p.split(":")[-1] for p in s["proxy"]["ports"]} == {"80", "443"}
    assert s["proxy"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in s["proxy"]["volumes"]
    assert re.search(r"upstream kinerja_web \{[^}]*server web:8000 resolve;", nginx)
    assert "proxy_pass http://kinerja_web;" in nginx and s["web"]["expose"] == ["8000"]
    # The address the login throttle counts is set by the proxy, never passed on from the client.
    assert "proxy_set_header X-Real-IP $remote_addr;" in nginx
    assert s["web"]["environment"]["LOGIN_IP_HEADER"] == "HTTP_X_REAL_IP"
    # Private files are served by the views only (permission check), never by the proxy.
    assert not re.search(r"^\s*location[^{\n]*media", nginx, re.M) and "/data/media" not in nginx
    assert "client_max_body_size 12m;" in nginx


def test_web_is_stateless_and_replicated(compose):
    web = compose["services"]["web"]
    assert web["deploy"]["replicas"] > 1 and "container_name" not in web
    env = web["environment"]
    assert env["REDIS_URL"] == "redis://redis:6379/0" and env["CACHE_REDIS_DB"] != "0"  # cache off the broker
    assert [v.split(":")[0] for v in web["volumes"]] == ["media"]  # uploads shared by every replica


def test_pgbouncer_stands_between_the_app_and_postgres(compose):
    s = compose["services"]
    bouncer = s["pgbouncer"]["environment"]
    assert bouncer["POOL_MODE"] == "transaction" and "@postgres:5432/kinerja" in bouncer["DATABASE_URL"]
    assert s["pgbouncer"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in APP - {"migrate"}:
        env = s[name]["environment"]
        assert "@pgbouncer:6432/kinerja" in env["DATABASE_URL"] and env["PGBOUNCER"] == "1", name
        assert s[name]["depends_on"]["pgbouncer"]["condition"] == "service_healthy", name
    # Migrations alone go straight to postgres, before anything else starts.
    migrate = s["migrate"]
    assert "@postgres:5432/kinerja" in migrate["environment"]["DATABASE_URL"]
    assert migrate["environment"]["PGBOUNCER"] == "0"
    assert migrate["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    for name in APP - {"migrate"}:
        assert s[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully", name
    # Through PgBouncer the app cannot set session options: the server itself runs without JIT.
    assert "jit=off" in s["postgres"]["command"]


def test_every_app_service_has_the_same_environment(compose):
    s = compose["services"]
    web = s["web"]["environment"]
    for name in APP:
        env = dict(s[name]["environment"])
        if name == "migrate":
            env.update(DATABASE_URL=web["DATABASE_URL"], PGBOUNCER=web["PGBOUNCER"])
        assert env == web, name
    assert web["DEBUG"] == "0" and web["SECRET_KEY"].startswith("${SECRET_KEY:?"), "no built-in secret key"
    assert web["DATABASE_REPLICA_URL"] == "${DATABASE_REPLICA_URL:-}"  # off unless the replica profile is used


def test_the_read_replica_is_optional(compose):
    s = compose["services"]
    assert s["postgres-replica"]["profiles"] == ["replica"]
    assert not any("postgres-replica" in (svc.get("depends_on") or {}) for svc in s.values())
    assert "pg_basebackup -h postgres -U replikator" in command(s["postgres-replica"])
    init = "./deploy/postgres-replikasi.sh:/docker-entrypoint-initdb.d/postgres-replikasi.sh:ro"
    assert init in s["postgres"]["volumes"] and (ROOT / "deploy" / "postgres-replikasi.sh").is_file()


def test_data_lives_in_named_volumes(compose):
    s, volumes = compose["services"], set(compose["volumes"])
    mounts = {name: [v.split(":")[0] for v in service.get("volumes", [])] for name, service in s.items()}
    assert "pgdata" in mounts["postgres"] and "redisdata" in mounts["redis"]
    assert "pgreplica" in mounts["postgres-replica"]
    assert all("media" in mounts[name] for name in {"web", *WORKERS})
    named = {m for ms in mounts.values() for m in ms if not m.startswith(".")}
    assert named <= volumes


def test_dockerfile_builds_the_served_image():
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("# ") and "FROM python:3.11-slim" in text
    assert "libharfbuzz-subset0" in text and "collectstatic --noinput" in text and "gunicorn" in text
    assert "deploy/tls/*.pem" in (ROOT / ".dockerignore").read_text().splitlines()  # the proxy's keys stay out
