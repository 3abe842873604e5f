from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "hundred.mail"
    label = "mail"
    verbose_name = "Mail and the background worker"
