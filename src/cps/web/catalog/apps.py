from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "cps.web.catalog"
    label = "catalog"
    verbose_name = "Catálogo de criterios"
