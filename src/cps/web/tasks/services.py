"""Enqueue, claim and run background tasks.

Claiming is one conditional UPDATE (``status=pending`` → ``running``), so two workers never run
the same task, on SQLite and on PostgreSQL alike. A handler reports progress with
``progress(percent, message)``; an :class:`~cps.errors.InputError` ends the task with its Spanish
message, anything else with a generic message (the traceback goes to the log).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import close_old_connections
from django.utils import timezone

from cps.errors import InputError
from cps.web.tasks.models import Task, TaskStatus
from cps.web.tasks.registry import handler_for

log = logging.getLogger("cps.web.tasks")

INTERNAL_ERROR = (
    "Ocurrió un error interno al procesar la tarea. Intente de nuevo; si se repite, "
    "informe al administrador (el detalle quedó en el registro del servidor)."
)


def task_enqueue(*, user: Any, entity_id: int, kind: str, label: str, params: dict[str, Any]) -> Task:
    handler_for(kind)  # fail early on an unknown kind
    return Task.objects.create(created_by=user, entity_id=entity_id, kind=kind, label=label[:200], params=params)


def task_set_progress(*, task: Task, percent: int, message: str) -> None:
    percent = max(0, min(100, int(percent)))
    Task.objects.filter(pk=task.pk).update(progress=percent, message=message[:300])
    task.progress, task.message = percent, message[:300]


def task_claim_next() -> Task | None:
    """Mark the oldest pending task as running and return it; None when the queue is empty."""
    for task_id in Task.objects.filter(status=TaskStatus.PENDING).order_by("created_at", "id").values_list(
        "id", flat=True
    )[:5]:
        claimed = Task.objects.filter(pk=task_id, status=TaskStatus.PENDING).update(
            status=TaskStatus.RUNNING, started_at=timezone.now(), progress=1
        )
        if claimed:
            return Task.objects.get(pk=task_id)
    return None


def task_run(*, task: Task) -> Task:
    def progress(percent: int, message: str) -> None:
        task_set_progress(task=task, percent=percent, message=message)

    try:
        # no transaction around the handler: its progress must be visible while it runs;
        # handlers write their results in their own atomic blocks.
        result = handler_for(task.kind)(task, progress)
        task.status, task.result, task.progress = TaskStatus.DONE, result or {}, 100
        task.message = task.message or "Terminada"
        if (result or {}).get("done_url"):
            task.done_url = str(result["done_url"])
    except InputError as error:
        task.status, task.error = TaskStatus.FAILED, str(error)
    except Exception:
        log.exception("task %s (%s) failed", task.pk, task.kind)
        task.status, task.error = TaskStatus.FAILED, INTERNAL_ERROR
    task.finished_at = timezone.now()
    task.save(update_fields=["status", "result", "progress", "message", "error", "done_url", "finished_at"])
    return task


def task_run_next() -> bool:
    """Run one pending task if there is one; True when a task was run."""
    task = task_claim_next()
    if task is None:
        return False
    task_run(task=task)
    return True


def run_pending_tasks(limit: int = 100) -> int:
    """Run queued tasks in this thread until the queue is empty (management command, tests)."""
    count = 0
    while count < limit and task_run_next():
        count += 1
    return count


def task_recover_interrupted() -> int:
    """Tasks left running by a worker that stopped are marked as failed so the user can retry."""
    return Task.objects.filter(status=TaskStatus.RUNNING).update(
        status=TaskStatus.FAILED,
        error="El servidor se detuvo mientras se procesaba esta tarea. Cárguela de nuevo.",
        finished_at=timezone.now(),
    )


def worker_loop(*, stop: Any, poll_seconds: float) -> None:
    """Run tasks until ``stop`` (a ``threading.Event``) is set."""
    while not stop.is_set():
        close_old_connections()
        try:
            ran = task_run_next()
        except Exception:
            log.exception("task worker iteration failed")
            ran = False
        if not ran:
            stop.wait(poll_seconds)
