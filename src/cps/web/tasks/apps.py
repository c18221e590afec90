from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "cps.web.tasks"
    label = "tasks"
    verbose_name = "Tareas en segundo plano"
