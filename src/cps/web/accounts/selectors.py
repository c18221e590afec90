from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from cps.web.accounts.access import require_member
from cps.web.accounts.models import ApiToken, Entity, Membership


def entity_members(*, user: Any, entity: Entity) -> QuerySet[Membership]:
    require_member(user=user, entity=entity)
    return Membership.objects.filter(entity=entity).select_related("user").order_by("user__username")


def api_tokens_of(*, user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)
