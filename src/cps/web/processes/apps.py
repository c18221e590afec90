from django.apps import AppConfig


class ProcessesConfig(AppConfig):
    name = "cps.web.processes"
    label = "processes"
    verbose_name = "Procesos"

    def ready(self) -> None:
        from cps.web.processes import tasks  # noqa: F401  (registers the task handlers)
