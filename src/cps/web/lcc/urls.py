from django.urls import path

from cps.web.lcc import views

app_name = "lcc"
urlpatterns = [
    path("", views.analysis_list, name="list"),
    path("nuevo/", views.analysis_create, name="create"),
    path("<int:analysis_id>/", views.analysis_detail, name="detail"),
    path("<int:analysis_id>/editar/", views.analysis_edit, name="edit"),
    path("<int:analysis_id>/grafico.svg", views.analysis_chart, name="chart"),
]
