from django.urls import path

from cps.web.tasks import views

app_name = "tasks"
urlpatterns = [
    path("<int:task_id>/", views.task_status, name="status"),
]
