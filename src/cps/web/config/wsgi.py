"""WSGI entry point (gunicorn in ``cps serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cps.web.config.settings")
application = get_wsgi_application()
