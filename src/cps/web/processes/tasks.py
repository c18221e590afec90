"""Background review of an uploaded document with the core (``cps.documents.review``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cps.errors import InputError
from cps.web.processes.models import ProcessDocument
from cps.web.processes.services import (
    ANNEX_TASK,
    REVIEW_TASK,
    process_mark_failed,
    process_record_review,
    process_store_annex,
    process_url,
)
from cps.web.tasks.registry import Progress, task_handler
from cps.web.ui.jsonable import jsonable


def review_document(path: Path, entity_id: int | None = None) -> dict[str, Any]:
    """The core's review as the JSON of ``cps review --json``, with the sustainability gaps looked up
    in the entity's catalog (the package's criteria plus the entity's own)."""
    try:
        from cps.documents.review import review_path
    except ImportError:
        raise InputError("la revisión de documentos no está instalada en este servidor") from None
    from cps.web.catalog.core import catalog_for

    output: dict[str, Any] = jsonable(review_path(path, catalog_for(entity_id)).to_json())
    return output


@task_handler(REVIEW_TASK)
def run_review(task: Any, progress: Progress) -> dict[str, Any]:
    document = ProcessDocument.objects.select_related("process").get(pk=task.params["document_id"])
    progress(10, "Leyendo el documento…")
    try:
        output = review_document(Path(document.file.path), document.process.entity_id)
    except InputError as error:
        process_mark_failed(process_id=document.process_id)
        raise InputError(error.message, file=document.original_name, field=error.field, line=error.line) from None
    except Exception:
        process_mark_failed(process_id=document.process_id)
        raise
    progress(90, "Guardando la revisión…")
    review = process_record_review(user=task.created_by, document=document, output=output)
    return {"review_id": review.pk, "version": review.version, "done_url": process_url(document.process_id)}


@task_handler(ANNEX_TASK)
def run_annex(task: Any, progress: Progress) -> dict[str, Any]:
    from cps.web.processes.annex import build_annex_bytes
    from cps.web.processes.models import ProcessReview

    review = ProcessReview.objects.select_related("process", "document").get(pk=task.params["review_id"])
    progress(20, "Buscando en el documento los criterios que ya tiene…")
    level = task.params.get("level") or None
    data = build_annex_bytes(
        entity_id=review.process.entity_id,
        record=review.record,
        document_path=Path(review.document.file.path),
        criteria=list(task.params["criteria"]),
        level=level,
    )
    progress(80, "Guardando el anexo…")
    annex = process_store_annex(user=task.created_by, review=review, criteria=list(task.params["criteria"]), level=task.params.get("level") or "", data=data)
    return {"annex_id": annex.pk, "done_url": process_url(review.process_id) + "#anexo"}
