from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "hundred.transfer"
    label = "transfer"
