"""The closed lists: stages, how you know someone, channels, reasons, states."""

from __future__ import annotations

from django.db import models


class Stage(models.TextChoices):
    LISTED = "listed", "Listed"
    ASKED = "asked", "Asked"
    SCHEDULED = "scheduled", "Scheduled"
    MET = "met", "Met"
    NURTURING = "nurturing", "Nurturing"
    DECLINED = "declined", "Declined"
    PAUSED = "paused", "Paused"


def stage_order() -> models.Case:
    """An expression that sorts people along the funnel: listed, asked, … paused."""
    return models.Case(
        *(models.When(stage=value, then=i) for i, value in enumerate(Stage.values)),
        output_field=models.IntegerField(),
    )


class HowKnown(models.TextChoices):
    COLLEAGUE = "colleague", "Colleague or manager"
    CLASSMATE = "classmate", "Classmate"
    FRIEND = "friend", "Friend"
    FAMILY = "family", "Family or family friend"
    NEIGHBOUR = "neighbour", "Neighbour"
    COMMUNITY = "community", "Club or community"
    SERVICE = "service", "Someone who serves you"
    INTRODUCED = "introduced", "Introduced"
    LINKEDIN = "linkedin", "LinkedIn connection"
    OTHER = "other", "Other"


class Source(models.TextChoices):
    MANUAL = "manual", "Typed in"
    LINKEDIN = "linkedin", "LinkedIn"
    GOOGLE = "google", "Google Contacts"
    OUTLOOK = "outlook", "Outlook"
    VCARD = "vcard", "vCard"
    CSV = "csv", "CSV"
    INTRODUCED = "introduced", "Introduced at a meeting"


class Channel(models.TextChoices):
    EMAIL = "email", "E-mail"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video call"
    IN_PERSON = "in_person", "In person"
    LETTER = "letter", "Letter"
    LINKEDIN = "linkedin", "LinkedIn message"
    TEXT = "text", "Text message"
    EVENT = "event", "Event"


class Direction(models.TextChoices):
    OUT = "out", "I reached out"
    IN = "in", "They reached me"


class Closeness(models.IntegerChoices):
    CLOSE = 1, "Close"
    FRIENDLY = 2, "Friendly"
    DISTANT = 3, "Distant"


class ResearchStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    RESEARCHING = "researching", "Researching"
    DONE = "done", "Researched"


class FollowUpReason(models.TextChoices):
    NO_REPLY = "no_reply", "No reply yet"
    ASK_AGAIN = "ask_again", "Ask again"
    THANK_YOU = "thank_you", "Say thank you"
    PROMISED_INFO = "promised_info", "Send what I promised"
    FAVOUR = "favour", "Favour"
    KEEP_IN_TOUCH = "keep_in_touch", "Keep in touch"
    OTHER = "other", "Follow up"


# Follow-ups that are outreach attempts (rules.ATTEMPT_REASONS): the pest guard judges them,
# doing one logs an outreach, and a reply closes them.
ATTEMPT_REASONS = (FollowUpReason.NO_REPLY, FollowUpReason.ASK_AGAIN)


class FollowUpState(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"


class FavourDirection(models.TextChoices):
    THEY_ASKED = "they_asked", "They asked me"
    I_OFFERED = "i_offered", "I offered"
    THEY_DID = "they_did", "They did for me"


class FavourState(models.TextChoices):
    PROMISED = "promised", "Promised"
    DONE = "done", "Done"
