from django.urls import path

from cps.web.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.evaluation_list, name="list"),
    path("nueva/", views.evaluation_create, name="create"),
    path("<int:evaluation_id>/", views.evaluation_detail, name="detail"),
]
