from django.urls import path

from cps.web.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.evaluation_list, name="list"),
    path("nueva/", views.evaluation_create, name="create"),
    path("<int:evaluation_id>/", views.evaluation_detail, name="detail"),
    path("<int:evaluation_id>/datos/", views.evaluation_save, name="save"),
    path("<int:evaluation_id>/importar/", views.evaluation_import, name="import"),
    path("<int:evaluation_id>/decidir/", views.evaluation_decide, name="decide"),
    path("<int:evaluation_id>/versiones/<int:version>/informe-<str:kind>.<str:ext>", views.evaluation_report, name="report"),
]
