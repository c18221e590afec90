from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from cps.web.accounts.access import object_for, require_member
from cps.web.accounts.models import Entity
from cps.web.catalog.models import EntityCriterion


def entity_criteria(*, user: Any, entity: Entity, query: str = "", code: str = "", level: str = "") -> list[EntityCriterion]:
    require_member(user=user, entity=entity)
    rows: QuerySet[EntityCriterion] = EntityCriterion.objects.filter(entity=entity)
    if query:
        rows = rows.filter(Q(title__icontains=query) | Q(text__icontains=query) | Q(code__icontains=query))
    if level:
        rows = rows.filter(level=level)
    result = list(rows)
    if code:
        # a code matches criteria of its commodity, class, family or segment (CONTRACTS.md)
        prefixes = {code[:2] + "000000", code[:4] + "0000", code[:6] + "00", code}
        result = [c for c in result if any(a in prefixes or a.startswith(code.rstrip("0")) for a in c.applies_to)]
    return result


def criterion_get(*, user: Any, criterion_id: int) -> EntityCriterion:
    return object_for(EntityCriterion.objects.all(), user=user, pk=criterion_id)
