"""The centre's consent records in Django's admin, for whoever runs the server: to look, and to
delete if they must; grants, views and notes are written by the seeker's and coach's own pages."""

from django.contrib import admin

from hundred.accounts.admin import WrittenByCodeAdmin
from hundred.centre.models import ClientFigures, CoachGrant, CoachNote, CoachView


@admin.register(CoachGrant)
class CoachGrantAdmin(WrittenByCodeAdmin):
    list_display = ["seeker", "coach", "with_notes", "granted_at", "revoked_at"]


@admin.register(CoachView)
class CoachViewAdmin(WrittenByCodeAdmin):
    list_display = ["seeker", "coach", "page", "viewed_at"]


@admin.register(CoachNote)
class CoachNoteAdmin(WrittenByCodeAdmin):
    list_display = ["coach", "seeker", "updated_at"]
    exclude = ["text"]  # the coach's private words: not for browsing


@admin.register(ClientFigures)
class ClientFiguresAdmin(WrittenByCodeAdmin):
    list_display = ["seeker", "valid_until"]
    exclude = ["figures"]  # a client's figures: for their coaches' dashboards only
