from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hundred.accounts"
    label = "accounts"
    verbose_name = "Accounts"
