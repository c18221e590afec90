from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "cps.web.accounts"
    label = "accounts"
    verbose_name = "Entidades y personas"
