"""``cps serve`` serves on 127.0.0.1 and its forked workers answer concurrent signed-in requests
correctly (no database connection is shared across the fork)."""

from __future__ import annotations

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def database_url() -> Iterator[str | None]:
    """None for SQLite; with DATABASE_URL (the PostgreSQL run) a throw-away database beside it."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield None
        return
    import psycopg

    parsed = urlparse(url)
    name = f"{parsed.path.lstrip('/')}_serve_{os.getpid()}"
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}"')
        con.execute(f'CREATE DATABASE "{name}"')
    yield parsed._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_serve_answers_concurrent_signed_in_requests(tmp_path: Path, database_url: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env["CPS_DATA_DIR"] = str(tmp_path)
    if database_url:
        env["DATABASE_URL"] = database_url
    setup = (
        "from cps.web.accounts.services import entity_create, membership_set, user_create;"
        "e = entity_create(name='Alcaldía Municipal de Gachetá', nit='899999331-2');"
        "membership_set(entity=e, user=user_create(username='ana', password='clave-de-prueba-123'), role='consulta')"
    )
    subprocess.run([sys.executable, "-m", "cps.web.manage", "migrate", "-v", "0"], env=env, check=True, timeout=300)
    subprocess.run([sys.executable, "-m", "cps.web.manage", "shell", "-c", setup], env=env, check=True, timeout=120)
    port = _port()
    server = subprocess.Popen([sys.executable, "-m", "cps", "serve", "--port", str(port), "--workers", "3", "--no-worker"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/cuentas/ingresar/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)

        def session(n: int) -> list[int]:
            """Log in through the form, then open the process list a few times."""
            jar = http.cookiejar.CookieJar()
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
            opener.open(base + "/cuentas/ingresar/", timeout=10)
            token = next(c.value for c in jar if c.name == "csrftoken")
            data = urllib.parse.urlencode({"username": "ana", "password": "clave-de-prueba-123", "csrfmiddlewaretoken": token}).encode()
            codes = []
            try:
                opener.open(urllib.request.Request(base + "/cuentas/ingresar/", data=data, headers={"Referer": base + "/"}), timeout=10)
            except urllib.error.HTTPError as error:
                codes.append(int(error.code))
            for path in ("/procesos/", "/", "/metas/", "/procesos/", "/catalogo/?code=15121504"):
                try:
                    codes.append(int(opener.open(base + path, timeout=30).status))
                except urllib.error.HTTPError as error:
                    codes.append(int(error.code))
            return codes

        with ThreadPoolExecutor(max_workers=12) as pool:
            codes = [c for result in pool.map(session, range(24)) for c in result]
        assert codes.count(302) == 24  # each login redirects
        assert codes.count(200) == 24 * 5, codes
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "Traceback" not in err


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
