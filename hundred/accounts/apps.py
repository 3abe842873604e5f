from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "hundred.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from hundred.accounts import checks  # noqa: F401  (registers the system checks)
        from hundred.accounts.models import mark_owner_changed

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(mark_owner_changed, dispatch_uid=f"data-stamp-{id(signal)}")
