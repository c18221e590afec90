"""URLs in Spanish (CONTRACTS.md): /cuentas/ingresar/, /procesos/, /catalogo/, /evaluaciones/,
/ciclo-de-vida/, /metas/; the JSON API under /api/ (OpenAPI at /api/docs)."""

from django.urls import include, path

from cps.web.api.urls import api_urlpatterns

urlpatterns = [
    path("", include("cps.web.ui.urls")),
    path("cuentas/", include("cps.web.accounts.urls")),
    path("tareas/", include("cps.web.tasks.urls")),
    path("procesos/", include("cps.web.processes.urls")),
    path("catalogo/", include("cps.web.catalog.urls")),
    path("evaluaciones/", include("cps.web.evaluations.urls")),
    path("ciclo-de-vida/", include("cps.web.lcc.urls")),
    path("metas/", include("cps.web.goals.urls")),
    path("api/", include(api_urlpatterns)),
]

handler403 = "cps.web.ui.errors.forbidden"
handler404 = "cps.web.ui.errors.not_found"
handler500 = "cps.web.ui.errors.server_error"
