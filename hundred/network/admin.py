from django.contrib import admin

from hundred.network import models


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "owner", "company", "stage", "how_known", "source"]
    list_filter = ["stage", "how_known", "source"]
    search_fields = ["first_name", "last_name", "title"]
    raw_id_fields = ["owner", "company", "introduced_by", "introduced_at"]


@admin.register(models.Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "industry", "is_target", "priority"]
    list_filter = ["is_target", "research_status"]
    search_fields = ["name"]
    raw_id_fields = ["owner"]


@admin.register(models.Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "owner", "channel", "direction", "is_outreach"]
    list_filter = ["channel", "direction", "is_outreach"]
    raw_id_fields = ["owner", "people", "meeting"]

    # Each person's asked_at follows their outreach: refresh it for whoever an edit or a
    # deletion touches (people taken off an interaction included).
    def save_related(self, request, form, formsets, change):
        before = [getattr(p, "pk", p) for p in form.initial.get("people", [])]
        super().save_related(request, form, formsets, change)
        people = {*before, *form.instance.people.values_list("pk", flat=True)}
        models.Person.objects.filter(pk__in=people).refresh_asked_at()

    def delete_model(self, request, obj):
        people = list(obj.people.values_list("pk", flat=True))
        super().delete_model(request, obj)
        models.Person.objects.filter(pk__in=people).refresh_asked_at()

    def delete_queryset(self, request, queryset):
        people = list(
            models.Person.objects.filter(interactions__in=queryset).values_list("pk", flat=True)
        )
        super().delete_queryset(request, queryset)
        models.Person.objects.filter(pk__in=people).refresh_asked_at()


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "owner", "person", "debriefed_at", "cancelled_at"]
    raw_id_fields = ["owner", "person", "companies_mentioned"]


@admin.register(models.QuestionBank)
class QuestionBankAdmin(admin.ModelAdmin):
    list_display = ["owner", "updated_at"]
    raw_id_fields = ["owner"]


@admin.register(models.FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["due_on", "owner", "person", "reason", "channel", "state", "attempt"]
    list_filter = ["state", "reason", "channel"]
    raw_id_fields = ["owner", "person", "meeting", "favour", "interaction"]


@admin.register(models.Favour)
class FavourAdmin(admin.ModelAdmin):
    list_display = ["what", "owner", "person", "direction", "state", "due_on"]
    list_filter = ["direction", "state"]
    raw_id_fields = ["owner", "person", "meeting"]


@admin.register(models.Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["owner", "pitch", "updated_at"]
    raw_id_fields = ["owner"]


@admin.register(models.Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "owner"]
    raw_id_fields = ["owner"]


@admin.register(models.TargetChange)
class TargetChangeAdmin(admin.ModelAdmin):
    list_display = ["owner", "created_at"]
    raw_id_fields = ["owner", "target"]


@admin.register(models.OutreachTemplate)
class OutreachTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "channel"]
    raw_id_fields = ["owner"]


@admin.register(models.FollowUpSettings)
class FollowUpSettingsAdmin(admin.ModelAdmin):
    list_display = ["owner", "no_reply_business_days", "max_attempts"]
    raw_id_fields = ["owner"]


@admin.register(models.MailSuggestion)
class MailSuggestionAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "owner", "last_seen_at", "dismissed"]
    list_filter = ["dismissed"]
    search_fields = ["email", "name"]
    raw_id_fields = ["owner"]
