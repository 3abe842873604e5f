from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "hundred.network"
    label = "network"
    verbose_name = "Network"
