from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from hundred.accounts.models import (
    ApiToken,
    Invitation,
    Organisation,
    SetupToken,
    Throttle,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "role", "organisation", "is_active", "is_staff", "date_joined"]
    list_filter = ["role", "organisation", "is_active", "is_staff"]
    search_fields = ["email"]
    fieldsets = [
        (None, {"fields": ["email", "password", "time_zone"]}),
        ("Career centre", {"fields": ["organisation", "role"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["last_login", "date_joined", "email_confirmed_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


class WrittenByCodeAdmin(admin.ModelAdmin):
    """Counters and tokens that Hundred writes itself: staff may look and delete, not add."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Throttle)
class ThrottleAdmin(WrittenByCodeAdmin):
    list_display = ["window_start", "count", "ends_at"]


@admin.register(SetupToken)
class SetupTokenAdmin(WrittenByCodeAdmin):
    list_display = ["created_at"]


@admin.register(ApiToken)
class ApiTokenAdmin(WrittenByCodeAdmin):
    """Staff see who has tokens and may delete one; the secret itself is never stored."""

    list_display = ["name", "owner", "can_write", "created_at", "last_used_at", "revoked_at"]
    exclude = ["digest"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "signup_mode", "created_at"]
    search_fields = ["name"]


@admin.register(Invitation)
class InvitationAdmin(WrittenByCodeAdmin):
    """Staff see who was invited where and may delete an invitation (its link then fails)."""

    list_display = ["email", "organisation", "role", "invited_by", "expires_at", "accepted_at"]
    exclude = ["digest"]
