from django.urls import path

from cps.web.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.catalog_list, name="list"),
    path("propios/nuevo/", views.criterion_create_view, name="create"),
    path("propios/<int:criterion_id>/", views.criterion_edit, name="edit"),
]
