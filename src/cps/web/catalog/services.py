from __future__ import annotations

from typing import Any

from django.db import transaction

from cps.web.accounts.access import require_admin
from cps.web.accounts.models import Entity
from cps.web.audit.services import audit_record, changes_between
from cps.web.catalog.models import EntityCriterion

FIELDS = (
    "code", "title", "applies_to", "level", "placement", "text", "verification", "legal_basis", "dimension",
    "aspect", "nature", "verification_means", "source_title", "source_status", "detect",
)


def _publish(entity_id: int) -> None:
    """Write the entity's catalog file and have the core validate it (InputError undoes the change)."""
    import tempfile
    from pathlib import Path

    from cps.web.catalog.core import validate_file
    from cps.web.catalog.entity_file import write_entity_file

    entity = Entity.objects.get(pk=entity_id)
    rows = list(EntityCriterion.objects.filter(entity_id=entity_id).order_by("code"))
    with tempfile.TemporaryDirectory() as folder:
        trial = write_entity_file(entity_id=entity_id, entity_name=entity.name, criteria=rows, path=Path(folder) / "entidad.yaml")
        if trial is not None:
            validate_file(trial)
    write_entity_file(entity_id=entity_id, entity_name=entity.name, criteria=rows)


@transaction.atomic
def criterion_create(*, user: Any, entity: Entity, data: dict[str, Any]) -> EntityCriterion:
    """The entity administrator adds one of the entity's own criteria."""
    require_admin(user=user, entity=entity)
    criterion = EntityCriterion.objects.create(entity=entity, created_by=user, **{k: data[k] for k in FIELDS})
    _publish(entity.pk)
    audit_record(user=user, entity_id=entity.pk, action="created", obj=criterion, object_type="criterion", summary=f"Criterio propio {criterion.code}: {criterion.title}")
    return criterion


@transaction.atomic
def criterion_update(*, user: Any, criterion: EntityCriterion, data: dict[str, Any]) -> EntityCriterion:
    require_admin(user=user, entity=criterion.entity_id)
    before = {k: getattr(criterion, k) for k in FIELDS}
    for key in FIELDS:
        setattr(criterion, key, data[key])
    criterion.save()
    _publish(criterion.entity_id)
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
