"""pytest fixture: the test OpenID provider as a real server on 127.0.0.1, once per test session."""
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rsa_key() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture(scope="session")
def oidc_provider(live_server, tmp_path_factory):
    """django-oauth-toolkit's OpenID provider in a subprocess (its own SQLite DB), with Kinerja's
    live_server registered as a confidential client. Yields the issuer URL and the client credentials."""
    from .pengguna import CLIENT_ID, CLIENT_SECRET

    port = _free_port()
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings", "PYTHONPATH": str(ROOT),
        "OP_DB": str(tmp_path_factory.mktemp("op") / "op.sqlite3"), "OP_RSA_KEY": _rsa_key(),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.oidc_provider.siapkan", live_server.url], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )
    if done.returncode:
        raise RuntimeError(f"OpenID provider set-up failed:\n{done.stderr}")
    log = open(tmp_path_factory.getbasetemp() / "op.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    issuer = f"http://127.0.0.1:{port}/o"
    try:
        for _ in range(100):
            try:
                if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if proc.poll() is not None:
                raise RuntimeError(f"OpenID provider stopped: {log.name}")
            time.sleep(0.1)
        else:
            raise RuntimeError(f"OpenID provider did not start: {log.name}")
        yield SimpleNamespace(
            issuer=issuer, url=f"http://127.0.0.1:{port}", client_id=CLIENT_ID, client_secret=CLIENT_SECRET
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
