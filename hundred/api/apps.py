from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "hundred.api"
    label = "api"
    verbose_name = "JSON API"

    def ready(self) -> None:
        # Build the schemas when Django starts: their date and time types are then the real
        # ones, even if the first request comes under a test's frozen clock.
        from hundred.api import urls  # noqa: F401
