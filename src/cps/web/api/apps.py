from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cps.web.api"
    label = "api"
    verbose_name = "API JSON"
