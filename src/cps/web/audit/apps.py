from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "cps.web.audit"
    label = "audit"
    verbose_name = "Trazabilidad"
