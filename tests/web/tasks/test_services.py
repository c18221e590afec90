from __future__ import annotations

from typing import Any

import pytest

from cps.errors import InputError
from cps.web.tasks.models import Task, TaskStatus
from cps.web.tasks.registry import task_handler
from cps.web.tasks.services import task_claim_next, task_enqueue, task_recover_interrupted, task_run


@task_handler("test_ok")
def _ok(task: Any, progress: Any) -> dict[str, Any]:
    progress(50, "a mitad")
    assert Task.objects.get(pk=task.pk).progress == 50  # progress is visible while it runs
    return {"done_url": "/procesos/", "n": task.params["n"] * 2}


@task_handler("test_bad_input")
def _bad(task: Any, progress: Any) -> dict[str, Any]:
    raise InputError("el archivo no tiene la tabla de ítems", file="caso.yaml", line=12)


@task_handler("test_crash")
def _crash(task: Any, progress: Any) -> dict[str, Any]:
    raise RuntimeError("boom")


@pytest.mark.django_db
def test_a_task_is_claimed_once_and_runs(entity_a: Any, writer_a: Any) -> None:
    task = task_enqueue(user=writer_a, entity_id=entity_a.pk, kind="test_ok", label="prueba", params={"n": 21})
    claimed = task_claim_next()
    assert claimed is not None and claimed.pk == task.pk
    assert task_claim_next() is None  # nobody else gets it
    done = task_run(task=claimed)
    assert done.status == TaskStatus.DONE and done.result["n"] == 42 and done.done_url == "/procesos/"


@pytest.mark.django_db
def test_input_errors_keep_their_spanish_message(entity_a: Any, writer_a: Any) -> None:
    task_enqueue(user=writer_a, entity_id=entity_a.pk, kind="test_bad_input", label="prueba", params={})
    done = task_run(task=task_claim_next())  # type: ignore[arg-type]
    assert done.status == TaskStatus.FAILED
    assert done.error == "archivo «caso.yaml», línea 12: el archivo no tiene la tabla de ítems"


@pytest.mark.django_db
def test_crashes_give_a_generic_message(entity_a: Any, writer_a: Any) -> None:
    task_enqueue(user=writer_a, entity_id=entity_a.pk, kind="test_crash", label="prueba", params={})
    done = task_run(task=task_claim_next())  # type: ignore[arg-type]
    assert done.status == TaskStatus.FAILED and "error interno" in done.error and "boom" not in done.error


@pytest.mark.django_db
def test_tasks_left_running_are_marked_failed_on_restart(entity_a: Any, writer_a: Any) -> None:
    task_enqueue(user=writer_a, entity_id=entity_a.pk, kind="test_ok", label="prueba", params={"n": 1})
    task_claim_next()
    assert task_recover_interrupted() == 1
    assert Task.objects.get().status == TaskStatus.FAILED


@pytest.mark.django_db
def test_unknown_kinds_are_refused(entity_a: Any, writer_a: Any) -> None:
    with pytest.raises(LookupError):
        task_enqueue(user=writer_a, entity_id=entity_a.pk, kind="nope", label="x", params={})
