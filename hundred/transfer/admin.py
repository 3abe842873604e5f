from django.contrib import admin

from hundred.transfer import models


@admin.register(models.ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["created_at", "owner", "kind", "filename"]
    list_filter = ["kind"]
    raw_id_fields = ["owner"]


@admin.register(models.DismissedPair)
class DismissedPairAdmin(admin.ModelAdmin):
    list_display = ["owner"]
    raw_id_fields = ["owner"]


@admin.register(models.CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["owner"]
    raw_id_fields = ["owner"]
    # The token is a secret: the admin shows that a feed exists, not its address.
    exclude = ["token"]
