"""Production settings: secrets and host names only from the environment, HTTPS everywhere.

Run behind a TLS proxy (nginx, Caddy, Apache) that forwards to ``cps serve`` on 127.0.0.1 and
sets ``X-Forwarded-Proto: https``. Required: ``CPS_SECRET_KEY`` (at least 50 random characters)
and ``CPS_ALLOWED_HOSTS`` (comma-separated). ``manage.py check --deploy`` passes with these settings.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from cps.web.config.env import envbool, envint, envlist, envsecret
from cps.web.config.settings import *  # noqa: F403

SECRET_KEY = envsecret("CPS_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = envlist("CPS_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("falta CPS_ALLOWED_HOSTS (nombres del servidor separados por comas)")
CSRF_TRUSTED_ORIGINS = envlist("CPS_CSRF_TRUSTED_ORIGINS", [f"https://{host}" for host in ALLOWED_HOSTS])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("CPS_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = envint("CPS_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("CPS_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("CPS_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
WHITENOISE_AUTOREFRESH = False
