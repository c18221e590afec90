"""The API's URLs. They are exempt from the login redirect: the token authentication answers 401."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver

from cps.web.api.views import api


def _exempt(patterns: list[Any]) -> list[Any]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _exempt(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            pattern.callback = login_not_required(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls
api_urlpatterns = (_exempt(list(_patterns)), "api")
