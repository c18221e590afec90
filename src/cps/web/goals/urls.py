from django.urls import path

from cps.web.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plan/", views.plan_edit, name="plan"),
    path("extractos/", views.extracts, name="extracts"),
    path("registro/", views.register, name="register"),
    path("registro/<int:entry_id>/retirar/", views.register_remove, name="register_remove"),
    path("exportar.<str:fmt>", views.export, name="export"),
    path("grafico.png", views.chart, name="chart"),
]
