from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from cps.web.accounts.access import memberships_of


def current_entity(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    membership = getattr(request, "membership", None)
    memberships = memberships_of(user=user) if user is not None else []
    return {
        "chrome_key": _chrome_key(request, membership, memberships),
        "current_entity": getattr(request, "entity", None),
        "current_membership": membership,
        "can_write": bool(membership and membership.can_write),
        "is_entity_admin": bool(membership and membership.is_admin),
        "user_memberships": memberships,
    }


def _chrome_key(request: HttpRequest, membership: Any, memberships: list[Any]) -> str:
    """Cache key of the page header and navigation: everything they show, and the session's CSRF
    secret (their forms carry a token), so a cached header is never another session's."""
    import hashlib
    import uuid

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    if not request.META.get("CSRF_COOKIE"):
        return uuid.uuid4().hex  # no CSRF secret yet: never share a rendered header
    match = getattr(request, "resolver_match", None)
    parts = [
        str(user.pk), user.get_full_name(), user.username,
        str(membership.entity_id if membership else ""), membership.role if membership else "",
        match.namespace if match else "",
        ";".join(f"{m.entity_id}:{m.role}:{m.entity.name}" for m in memberships),
        request.META.get("CSRF_COOKIE", ""),
    ]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()
