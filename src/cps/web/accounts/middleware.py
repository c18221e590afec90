"""Puts the entity the user is working on in ``request.entity`` (entity switcher in the session)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from cps.web.accounts.access import memberships_of

SESSION_KEY = "cps_entity_id"


class CurrentEntityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.entity = None  # type: ignore[attr-defined]
        request.membership = None  # type: ignore[attr-defined]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            memberships = memberships_of(user=user)
            wanted = request.session.get(SESSION_KEY)
            chosen = next((m for m in memberships if m.entity_id == wanted), None)
            if chosen is None and memberships:
                chosen = memberships[0]
            if chosen is not None:
                request.entity = chosen.entity  # type: ignore[attr-defined]
                request.membership = chosen  # type: ignore[attr-defined]
        return self.get_response(request)
