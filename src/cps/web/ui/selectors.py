from __future__ import annotations

from typing import Any

from cps.web.accounts.access import require_member
from cps.web.accounts.models import Entity


def home_summary(*, user: Any, entity: Entity) -> dict[str, Any]:
    """Counts for the start page of the entity the user works on."""
    require_member(user=user, entity=entity)
    from cps.web.evaluations.models import Evaluation
    from cps.web.lcc.models import LccAnalysis
    from cps.web.processes.models import Process
    from cps.web.tasks.models import Task, TaskStatus

    processes = Process.objects.filter(entity=entity)
    return {
        "processes": processes.count(),
        "recent_processes": list(processes.order_by("-updated_at", "-id")[:5]),
        "evaluations": Evaluation.objects.filter(entity=entity).count(),
        "lcc": LccAnalysis.objects.filter(entity=entity).count(),
        "running_tasks": list(
            Task.objects.filter(entity=entity, status__in=[TaskStatus.PENDING, TaskStatus.RUNNING]).order_by(
                "-created_at"
            )[:5]
        ),
    }
