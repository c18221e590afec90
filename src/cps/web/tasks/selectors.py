from __future__ import annotations

from typing import Any

from cps.web.accounts.access import object_for
from cps.web.tasks.models import Task


def task_get(*, user: Any, task_id: int) -> Task:
    return object_for(Task.objects.all(), user=user, pk=task_id)
