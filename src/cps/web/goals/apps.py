from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "cps.web.goals"
    label = "goals"
    verbose_name = "Metas e indicadores"

    def ready(self) -> None:
        from cps.web.goals import tasks  # noqa: F401  (registers the task handlers)
