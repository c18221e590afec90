"""Production settings: ``check --deploy`` passes; without secrets from the environment they refuse to start."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path


def _check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CPS_", "DJANGO_", "DATABASE_URL"))}
    base.update({"DJANGO_SETTINGS_MODULE": "cps.web.config.production", "CPS_DATA_DIR": str(tmp_path), **env})
    return subprocess.run(
        [sys.executable, "-m", "cps.web.manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=base, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_passes_with_secrets_from_the_environment(tmp_path: Path) -> None:
    done = _check(tmp_path, CPS_SECRET_KEY=secrets.token_urlsafe(64), CPS_ALLOWED_HOSTS="cps.example.gov.co")
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    done = _check(tmp_path, CPS_ALLOWED_HOSTS="cps.example.gov.co")
    assert done.returncode != 0
    assert "falta la variable de entorno CPS_SECRET_KEY" in done.stderr


def test_production_refuses_a_short_secret_key(tmp_path: Path) -> None:
    done = _check(tmp_path, CPS_SECRET_KEY="corta", CPS_ALLOWED_HOSTS="cps.example.gov.co")
    assert done.returncode != 0
    assert "demasiado corta" in done.stderr
