"""Settings of the web app for local use (``cps serve``); production overrides are in ``production.py``.

Everything configurable comes from the environment through the strict helpers of ``env.py``:

* ``CPS_DATA_DIR`` (default ``./data``): SQLite database, uploaded files, generated reports;
* ``DATABASE_URL=postgres://user:password@host:port/name`` selects PostgreSQL;
* ``CPS_SECRET_KEY``: required in production; for local use a random key is kept in the data folder;
* ``CPS_DEBUG``, ``CPS_ALLOWED_HOSTS``, ``CPS_MAX_UPLOAD_MB``, ``CPS_MAX_EXTRACT_MB``.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from cps.web.config.env import data_dir, database_from_env, envbool, envint, envlist, envstr

WEB_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = data_dir()


def _local_secret_key(folder: Path) -> str:
    """Random key kept in the data folder, so sessions survive a restart of a local installation."""
    given = envstr("CPS_SECRET_KEY", "")
    if given:
        return given
    path = folder / ".secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    path.touch(mode=0o600)
    path.write_text(key, encoding="utf-8")
    return key


SECRET_KEY = _local_secret_key(DATA_DIR)
DEBUG = envbool("CPS_DEBUG", False)
ALLOWED_HOSTS = envlist("CPS_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CPS_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "cps.web.ui",
    "cps.web.accounts",
    "cps.web.audit",
    "cps.web.tasks",
    "cps.web.processes",
    "cps.web.catalog",
    "cps.web.evaluations",
    "cps.web.lcc",
    "cps.web.goals",
    "cps.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cps.web.accounts.middleware.CurrentEntityMiddleware",
    "cps.web.ui.middleware.VaryOnHtmxMiddleware",
]

ROOT_URLCONF = "cps.web.config.urls"
WSGI_APPLICATION = "cps.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cps.web.accounts.context_processors.current_entity",
            ],
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    ["django.template.loaders.filesystem.Loader"],
                )
            ],
        },
    }
]

DATABASES = {"default": database_from_env(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["cps.web.accounts.backends.MembershipsBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "ui:home"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_AGE = 60 * 60 * 10  # a working day
# sessions in the database, read through each process's memory cache (one query less per page)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "es-co"
LANGUAGES = [("es-co", "Español (Colombia)")]
TIME_ZONE = "America/Bogota"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [WEB_DIR / "locale"]

STATIC_URL = "/static/"
# collected files (``manage.py collectstatic``) are optional: without them WhiteNoise reads the package
STATIC_ROOT = envstr("CPS_STATIC_ROOT", "") or None
STATICFILES_DIRS = [WEB_DIR / "static"]
# Assets are served by the app itself (WhiteNoise); no CDN. Files are read from the package
# directly when STATIC_ROOT was not collected (WHITENOISE_USE_FINDERS), with a day of caching.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_MAX_AGE = 86400

MEDIA_ROOT = DATA_DIR / "files"
MAX_UPLOAD_MB = envint("CPS_MAX_UPLOAD_MB", 20, minimum=1)
MAX_EXTRACT_MB = envint("CPS_MAX_EXTRACT_MB", 200, minimum=1)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Background tasks: the worker polls the task table this often (seconds).
CPS_TASK_POLL_SECONDS = 0.5

# per-process memory cache: sessions (cached_db) and rendered fragments whose keys carry their own
# validators (counts and latest changes read from the database), so processes never serve stale data
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"cps": {"level": "INFO"}},
}
