"""The single way to write the audit trail; every write service calls :func:`audit_record`."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from cps.web.audit.models import AuditEvent


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{field: {"antes": old, "después": new}}`` for the fields whose value changed."""
    keys = sorted(set(before) | set(after))
    return {k: {"antes": before.get(k), "después": after.get(k)} for k in keys if before.get(k) != after.get(k)}


def audit_record(
    *,
    user: Any,
    entity_id: int,
    action: str,
    obj: Model,
    summary: str,
    changes: dict[str, Any] | None = None,
    object_type: str | None = None,
) -> AuditEvent:
    return AuditEvent.objects.create(
        entity_id=entity_id,
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=object_type or obj._meta.model_name or "",
        object_id=int(obj.pk),
        summary=summary[:300],
        changes=changes or {},
    )
