"""Strict environment helpers (Healthchecks style): a bad value stops the app with a clear message."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "si", "sí"}
_FALSE = {"0", "false", "no", "off", ""}


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: se esperaba 1/0, true/false, yes/no u on/off")


def envint(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: se esperaba un número entero") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r}: debe ser al menos {minimum}")
    return value


def envlist(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def envsecret(name: str, *, min_length: int = 50) -> str:
    """A secret that must come from the environment: no default, no short values."""
    raw = os.environ.get(name)
    if not raw:
        raise ImproperlyConfigured(f"falta la variable de entorno {name} (secreta, obligatoria en producción)")
    if len(raw) < min_length:
        raise ImproperlyConfigured(f"{name} es demasiado corta: use al menos {min_length} caracteres aleatorios")
    return raw


def data_dir() -> Path:
    return Path(os.environ.get("CPS_DATA_DIR") or "data").resolve()


def database_from_env(data: Path) -> dict[str, object]:
    """SQLite under ``CPS_DATA_DIR`` by default; ``DATABASE_URL=postgres://…`` selects PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data / "cps.sqlite3"),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql"}:
        name = unquote(parsed.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL no indica el nombre de la base de datos (…/nombre)")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": envint("CPS_DB_CONN_MAX_AGE", 60, minimum=0),
            # a health check costs one more round trip per request; after a database restart the
            # first request of each thread fails once and the connection is replaced
            "CONN_HEALTH_CHECKS": envbool("CPS_DB_HEALTH_CHECKS", False),
        }
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path) or str(data / "cps.sqlite3")}
    raise ImproperlyConfigured(
        f"DATABASE_URL con esquema «{parsed.scheme}» no soportado: use postgres://usuario@servidor:puerto/base"
    )
