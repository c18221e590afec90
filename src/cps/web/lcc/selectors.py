from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from cps.web.accounts.access import object_for, require_member
from cps.web.accounts.models import Entity
from cps.web.lcc.models import LccAnalysis


def analysis_list(*, user: Any, entity: Entity) -> QuerySet[LccAnalysis]:
    require_member(user=user, entity=entity)
    return LccAnalysis.objects.filter(entity=entity).order_by("-updated_at", "-id")


def analysis_get(*, user: Any, analysis_id: int) -> LccAnalysis:
    return object_for(LccAnalysis.objects.all(), user=user, pk=analysis_id)
