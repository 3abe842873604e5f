from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hundred.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from hundred.accounts import checks  # noqa: F401  (registers the system checks)
