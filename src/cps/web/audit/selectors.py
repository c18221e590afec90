from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from cps.web.accounts.access import scoped
from cps.web.audit.models import AuditEvent


def audit_for_object(*, user: Any, object_type: str, object_id: int) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.filter(object_type=object_type, object_id=object_id).select_related("user")
    return scoped(events, user=user)


def audit_for_entity(*, user: Any, entity_id: int, limit: int = 200) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.filter(entity_id=entity_id).select_related("user")
    return scoped(events, user=user)[:limit]
