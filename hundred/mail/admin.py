from django.contrib import admin

from hundred.mail import models


@admin.register(models.SentMail)
class SentMailAdmin(admin.ModelAdmin):
    list_display = ["day", "kind", "owner", "state", "sent_at"]
    list_filter = ["kind", "state"]
    raw_id_fields = ["owner"]
