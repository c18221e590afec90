"""JSON API: the same shapes as the CLI's JSON (CONTRACTS.md), scoped to the token owner's entities."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from ninja import Body, File, Form, NinjaAPI, Query, Status, UploadedFile

from cps.errors import InputError
from cps.web.accounts.access import memberships_of, require_member
from cps.web.accounts.models import Entity
from cps.web.api.auth import TokenAuth
from cps.web.api.schemas import Accepted, EntityOut, ErrorOut, ProcessPage, TaskOut

api = NinjaAPI(
    title="Compras Sostenibles — API JSON",
    version="1",
    description=(
        "Las mismas estructuras JSON que el comando `cps` (docs/CONTRACTS.md). Autenticación: "
        "`Authorization: Bearer TOKEN` con un token personal creado en «Mi perfil». Cada consulta ve "
        "y modifica solo lo de las entidades del dueño del token, con su rol."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url="/docs",
    docs_decorator=login_required,
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> Any:
    return api.create_response(request, {"detail": "No existe o no pertenece a sus entidades."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> Any:
    return api.create_response(request, {"detail": str(exc) or "No tiene permiso."}, status=403)


@api.exception_handler(InputError)
def bad_input(request: HttpRequest, exc: InputError) -> Any:
    return api.create_response(request, {"detail": str(exc)}, status=422)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> Any:
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=422)


def _entity(request: HttpRequest, entidad: str | None) -> Entity:
    """The entity named by NIT (with or without check digit) or id; the first one when omitted."""
    memberships = memberships_of(user=request.user)
    if not memberships:
        raise Http404
    if not entidad:
        return memberships[0].entity
    for m in memberships:
        if entidad in {str(m.entity_id), m.entity.nit, m.entity.nit_base}:
            return m.entity
    raise Http404


def _task_out(task: Any) -> dict[str, Any]:
    return {"id": task.pk, "kind": task.kind, "status": task.status, "progress": task.progress,
            "message": task.message, "error": task.error, "result": task.result}


@api.get("/entidades", response=list[EntityOut], summary="Entidades del usuario y su rol")
def entities(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"id": m.entity_id, "name": m.entity.name, "nit": m.entity.nit, "role": m.role} for m in memberships_of(user=request.user)]


@api.get("/procesos", response=ProcessPage, summary="Procesos de una entidad (paginados, 50 por página)")
def processes(request: HttpRequest, entidad: str | None = None, q: str = "", page: int = 1) -> dict[str, Any]:
    from cps.web.processes.selectors import process_list

    entity = _entity(request, entidad)
    paginator = Paginator(process_list(user=request.user, entity=entity, query=q), 50)
    current = paginator.get_page(page)
    return {
        "count": paginator.count,
        "page": current.number,
        "results": [
            {"id": p.pk, "entity_nit": entity.nit, "number": p.number, "object": p.object, "modality": p.modality,
             "budget": p.budget, "state": p.state, "errors": p.errors_count, "warnings": p.warnings_count,
             "updated_at": p.updated_at.isoformat()}
            for p in current.object_list
        ],
    }


@api.get("/procesos/{process_id}", response={200: dict[str, Any], 404: ErrorOut},
         summary="Última revisión del proceso, como `cps review --json`")
def process_review(request: HttpRequest, process_id: int) -> dict[str, Any]:
    from cps.web.processes.selectors import process_get, process_latest_review

    process = process_get(user=request.user, process_id=process_id)
    review = process_latest_review(process=process)
    body: dict[str, Any] = {"id": process.pk, "state": process.state, "version": review.version if review else None}
    if review:
        body.update({"process": review.record, "findings": review.findings, "sustainability": review.sustainability})
    return body


@api.post("/procesos", response={202: Accepted, 403: ErrorOut, 422: ErrorOut},
          summary="Cargar una invitación o estudios previos; la revisión sigue en una tarea")
def process_upload(request: HttpRequest, documento: File[UploadedFile], entidad: Form[str] = "") -> Status[dict[str, Any]]:
    from django.conf import settings

    from cps.web.processes.services import process_create_from_upload
    from cps.web.ui.uploads import DOCUMENT, validate_upload

    entity = _entity(request, entidad or None)
    validate_upload(documento, kind=DOCUMENT, max_mb=settings.MAX_UPLOAD_MB)
    process, task = process_create_from_upload(user=request.user, entity=entity, upload=documento)
    return Status(202, {"id": process.pk, "task": _task_out(task)})


@api.get("/tareas/{task_id}", response={200: TaskOut, 404: ErrorOut}, summary="Estado de una tarea en segundo plano")
def task(request: HttpRequest, task_id: int) -> dict[str, Any]:
    from cps.web.tasks.selectors import task_get

    return _task_out(task_get(user=request.user, task_id=task_id))


@api.get("/criterios", summary="Criterios por código UNSPSC, como `cps criteria --json` (con los propios de la entidad)")
def criteria(
    request: HttpRequest,
    codigos: list[str] = Query(default_factory=list),  # noqa: B008 - ninja declares parameters this way
    modalidad: str | None = None,
    nivel: str | None = None,
    entidad: str | None = None,
) -> dict[str, Any]:
    from cps.web.catalog import core

    entity = _entity(request, entidad)
    codes = [c for c in codigos or [] if c]
    try:
        if codes:
            found = core.search(codes=codes, modality=modalidad, level=nivel, entity_id=entity.pk)
        else:
            found = core.all_criteria(entity.pk, modality=modalidad, level=nivel)
    except ImportError:
        raise InputError("el catálogo de criterios no está instalado en este servidor") from None
    except ValueError as error:
        raise InputError(str(error), field="codigos") from None
    return {"criteria": found}


@api.post("/evaluaciones/evaluar", summary="Evaluar un caso (formato YAML de `cps evaluate`, en JSON)")
def evaluate(request: HttpRequest, case: Body[dict[str, Any]]) -> dict[str, Any]:
    from cps.web.evaluations.core import evaluate_case

    require_member(user=request.user, entity=_entity(request, None))
    return evaluate_case(case)


@api.post("/ciclo-de-vida/calcular", summary="Costo del ciclo de vida, como `cps lcc --json`")
def lcc(request: HttpRequest, case: Body[dict[str, Any]]) -> dict[str, Any]:
    from cps.web.lcc.core import compute_case

    require_member(user=request.user, entity=_entity(request, None))
    result, sensitivity = compute_case(case)
    return {**result, "sensitivity": sensitivity}


@api.get("/metas", summary="Indicadores de la entidad, como `cps indicators --json`")
def goals(request: HttpRequest, entidad: str | None = None) -> dict[str, Any]:
    from cps.web.goals.selectors import latest_snapshot

    entity = _entity(request, entidad)
    snapshot = latest_snapshot(user=request.user, entity=entity)
    if snapshot is None:
        raise Http404
    return dict(snapshot.result)
