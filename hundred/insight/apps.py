from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "hundred.insight"
    label = "insight"
