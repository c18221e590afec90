from __future__ import annotations

from typing import Any

from django.db import transaction

from cps.web.accounts.access import require_admin
from cps.web.accounts.models import Entity
from cps.web.audit.services import audit_record, changes_between
from cps.web.catalog.models import EntityCriterion

FIELDS = ("code", "title", "applies_to", "level", "placement", "text", "verification", "legal_basis")


@transaction.atomic
def criterion_create(*, user: Any, entity: Entity, data: dict[str, Any]) -> EntityCriterion:
    """The entity administrator adds one of the entity's own criteria."""
    require_admin(user=user, entity=entity)
    criterion = EntityCriterion.objects.create(entity=entity, created_by=user, **{k: data[k] for k in FIELDS})
    audit_record(user=user, entity_id=entity.pk, action="created", obj=criterion, object_type="criterion", summary=f"Criterio propio {criterion.code}: {criterion.title}")
    return criterion


@transaction.atomic
def criterion_update(*, user: Any, criterion: EntityCriterion, data: dict[str, Any]) -> EntityCriterion:
    require_admin(user=user, entity=criterion.entity_id)
    before = {k: getattr(criterion, k) for k in FIELDS}
    for key in FIELDS:
        setattr(criterion, key, data[key])
    criterion.save()
    audit_record(
        user=user,
        entity_id=criterion.entity_id,
        action="updated",
        obj=criterion,
        object_type="criterion",
        summary=f"Criterio propio {criterion.code}",
        changes=changes_between(before, {k: getattr(criterion, k) for k in FIELDS}),
    )
    return criterion
