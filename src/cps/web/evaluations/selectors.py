from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from cps.web.accounts.access import object_for, require_member
from cps.web.accounts.models import Entity
from cps.web.evaluations.models import Evaluation, EvaluationVersion


def evaluation_list(*, user: Any, entity: Entity) -> QuerySet[Evaluation]:
    require_member(user=user, entity=entity)
    return Evaluation.objects.filter(entity=entity).select_related("process").order_by("-updated_at", "-id")


def evaluation_get(*, user: Any, evaluation_id: int) -> Evaluation:
    return object_for(Evaluation.objects.select_related("process"), user=user, pk=evaluation_id)


def evaluation_version_get(*, user: Any, evaluation_id: int, number: int) -> EvaluationVersion:
    evaluation = evaluation_get(user=user, evaluation_id=evaluation_id)
    version = evaluation.versions.filter(number=number).first()
    if version is None:
        from django.http import Http404

        raise Http404("No existe esa versión.")
    return version
