from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "cps.web.evaluations"
    label = "evaluations"
    verbose_name = "Evaluaciones"
