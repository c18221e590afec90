from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "cps.web.ui"
    label = "ui"
    verbose_name = "Interfaz"
