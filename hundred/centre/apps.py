from django.apps import AppConfig


class CentreConfig(AppConfig):
    name = "hundred.centre"
    label = "centre"
    verbose_name = "Career centre: coaches, consent and the dashboard"
