from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from cps.web.accounts.access import memberships_of


def current_entity(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    membership = getattr(request, "membership", None)
    return {
        "current_entity": getattr(request, "entity", None),
        "current_membership": membership,
        "can_write": bool(membership and membership.can_write),
        "is_entity_admin": bool(membership and membership.is_admin),
        "user_memberships": memberships_of(user=user) if user is not None else [],
    }
