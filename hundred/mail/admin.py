from django.contrib import admin

from hundred.mail import models


@admin.register(models.SentMail)
class SentMailAdmin(admin.ModelAdmin):
    list_display = ["day", "kind", "owner", "state", "sent_at"]
    list_filter = ["kind", "state"]
    raw_id_fields = ["owner"]


@admin.register(models.LoggingAddress)
class LoggingAddressAdmin(admin.ModelAdmin):
    # The token is the address's secret: shown on the account's own settings page only.
    list_display = ["owner", "created_at"]
    exclude = ["token"]
    raw_id_fields = ["owner"]
