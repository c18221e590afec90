"""Every URL pattern, found by walking the resolver (not a hand-picked list):

* refuses anonymous users (login redirect, or 401 for the token API);
* refuses, on every object URL, a user of another entity (404: not even the existence leaks);
* refuses writes by the read-only role (consulta), and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# URLs that must answer without a session
PUBLIC = {"accounts:login"}
# POST views that are personal, not entity data: allowed for the read-only role
PERSONAL_POSTS = {"accounts:logout", "accounts:switch_entity", "accounts:profile", "accounts:token_revoke"}


def _walk(patterns: list[Any], namespace: str = "", prefix: str = "") -> Iterator[tuple[str, str, tuple[str, ...]]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            yield from _walk(pattern.url_patterns, f"{namespace}:{ns}".strip(":") if ns else namespace, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            route = prefix + str(pattern.pattern)
            kwargs = re.findall(r"<(?:\w+:)?(\w+)>", route)
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, route, tuple(kwargs)


ALL = sorted(set(_walk(get_resolver().url_patterns)))
OBJECT_URLS = [(name, route, kwargs) for name, route, kwargs in ALL if kwargs and kwargs != ("fmt",)]
API_OBJECT_URLS = [u for u in OBJECT_URLS if u[1].startswith("api/")]


def _url(name: str, kwargs: tuple[str, ...], objects: dict[str, Any]) -> str:
    missing = [k for k in kwargs if k not in objects]
    assert not missing, f"{name}: el test no sabe construir {missing}; agregue el objeto al fixture objects_a"
    return reverse(name, kwargs={k: objects[k] for k in kwargs})


def test_the_walk_finds_the_application_urls() -> None:
    names = {name for name, _, _ in ALL}
    for expected in ("processes:list", "processes:detail", "catalog:list", "evaluations:detail", "lcc:detail", "goals:dashboard", "tasks:status"):
        assert expected in names
    assert len(OBJECT_URLS) >= 10 and len(API_OBJECT_URLS) >= 2


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "kwargs"), ALL, ids=[a[0] for a in ALL])
def test_anonymous_is_refused(client: Any, objects_a: dict[str, Any], name: str, route: str, kwargs: tuple[str, ...]) -> None:
    url = _url(name, kwargs, objects_a)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        if name in PUBLIC:
            continue
        if url.startswith("/api/") and "docs" not in name and "openapi" not in name:
            # the token API: 401, or 404/405 for a method it does not have; never data
            assert response.status_code in (401, 404, 405), (method, url, response.status_code)
        else:
            assert response.status_code == 302, (method, url, response.status_code)
            assert response["Location"].startswith(reverse("accounts:login")), (method, url)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "kwargs"), OBJECT_URLS, ids=[a[0] for a in OBJECT_URLS])
def test_other_entity_is_refused(login: Any, objects_a: dict[str, Any], admin_b: Any, name: str, route: str, kwargs: tuple[str, ...]) -> None:
    from cps.web.audit.models import AuditEvent

    url = _url(name, kwargs, objects_a)
    before = AuditEvent.objects.count()
    client = login(admin_b)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        # the API takes tokens, not sessions: 401 there (the token case is the next test)
        refused = (401, 404, 405) if url.startswith("/api/") else (404, 405)
        assert response.status_code in refused, (method, url, response.status_code)
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "kwargs"), API_OBJECT_URLS, ids=[a[0] for a in API_OBJECT_URLS])
def test_other_entity_api_token_is_refused(login: Any, objects_a: dict[str, Any], admin_b: Any, name: str, route: str, kwargs: tuple[str, ...]) -> None:
    from cps.web.accounts.services import api_token_create

    _, token = api_token_create(user=admin_b, name="b")
    url = _url(name, kwargs, objects_a)
    response = login(admin_b).get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "route", "kwargs"), ALL, ids=[a[0] for a in ALL])
def test_read_only_role_cannot_write(login: Any, objects_a: dict[str, Any], reader_a: Any, name: str, route: str, kwargs: tuple[str, ...]) -> None:
    from cps.web.audit.models import AuditEvent
    from cps.web.tasks.models import Task

    if name in PUBLIC or name in PERSONAL_POSTS or route.startswith("api/"):
        return
    url = _url(name, kwargs, objects_a)
    audit, tasks = AuditEvent.objects.count(), Task.objects.count()
    response = login(reader_a).post(url, {"name": "x", "q": "x"})
    assert response.status_code in (403, 405), (url, response.status_code)
    assert AuditEvent.objects.count() == audit
    assert Task.objects.count() == tasks


@pytest.mark.django_db
def test_read_only_role_can_read(login: Any, objects_a: dict[str, Any], reader_a: Any) -> None:
    client = login(reader_a)
    for name in ("ui:home", "processes:list", "catalog:list", "evaluations:list", "lcc:list", "goals:dashboard"):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("processes:detail", kwargs={"process_id": objects_a["process_id"]})).status_code == 200
