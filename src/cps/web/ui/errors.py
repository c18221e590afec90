"""Error pages in Spanish."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = str(exception) if exception and str(exception) else "No tiene permiso para hacer esto."
    return render(request, "ui/error.html", {"title": "Acceso denegado", "message": message}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "ui/error.html",
        {"title": "No encontrado", "message": "La página no existe o no pertenece a sus entidades."},
        status=404,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "ui/error.html",
        {
            "title": "Error interno",
            "message": "Ocurrió un error inesperado. Intente de nuevo; si se repite, informe al administrador.",
        },
        status=500,
    )
