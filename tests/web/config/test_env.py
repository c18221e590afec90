from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cps.web.config.env import database_from_env, envbool, envint


def test_bad_booleans_and_integers_stop_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CPS_X", "quizás")
    with pytest.raises(ImproperlyConfigured, match="CPS_X"):
        envbool("CPS_X", False)
    monkeypatch.setenv("CPS_N", "diez")
    with pytest.raises(ImproperlyConfigured, match="número entero"):
        envint("CPS_N", 1)
    monkeypatch.setenv("CPS_X", "sí")
    assert envbool("CPS_X", False) is True


def test_sqlite_by_default_postgres_by_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_from_env(tmp_path)["NAME"] == str(tmp_path / "cps.sqlite3")
    monkeypatch.setenv("DATABASE_URL", "postgres://cps:cl%40ve@db.local:5433/compras")
    db = database_from_env(tmp_path)
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql", "compras", "cps", "cl@ve", "db.local", "5433")
    monkeypatch.setenv("DATABASE_URL", "mysql://x@y/z")
    with pytest.raises(ImproperlyConfigured, match="no soportado"):
        database_from_env(tmp_path)
