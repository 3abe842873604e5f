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


@admin.register(models.DuplicateCandidate)
class DuplicateCandidateAdmin(admin.ModelAdmin):
    list_display = ["owner", "score"]
    raw_id_fields = ["owner", "a", "b"]


@admin.register(models.DuplicateScan)
class DuplicateScanAdmin(admin.ModelAdmin):
    list_display = ["owner", "scanned_at"]
    raw_id_fields = ["owner"]
