from django.apps import AppConfig


class LccConfig(AppConfig):
    name = "cps.web.lcc"
    label = "lcc"
    verbose_name = "Costo del ciclo de vida"
