"""The domain of DESIGN.md: a job seeker's target, people, companies and what happens with them.

Every row has an owner; every query for a user goes through `Model.objects.for_user(user)`.
One module a noun; everything is importable from here, as migrations and callers expect.
"""

from hundred.network.models.choices import (
    ATTEMPT_REASONS,
    Channel,
    Closeness,
    Direction,
    FavourDirection,
    FavourState,
    FollowUpReason,
    FollowUpState,
    HowKnown,
    ResearchStatus,
    Source,
    Stage,
    stage_order,
)
from hundred.network.models.companies import Company, CompanyQuerySet
from hundred.network.models.favours import Favour, FavourQuerySet
from hundred.network.models.followups import (
    FollowUp,
    FollowUpSettings,
    FollowUpSettingsQuerySet,
    _validate_channel_rotation,
    _validate_holidays,
    default_channel_rotation,
)
from hundred.network.models.interactions import Interaction, InteractionQuerySet
from hundred.network.models.mail import MailSuggestion, MailSuggestionQuerySet
from hundred.network.models.meetings import (
    Meeting,
    MeetingQuerySet,
    QuestionBank,
    QuestionBankQuerySet,
)
from hundred.network.models.outreach import OutreachTemplate
from hundred.network.models.owned import OwnedModel, OwnedQuerySet
from hundred.network.models.people import Person, PersonQuerySet, Tag, TagQuerySet
from hundred.network.models.target import Target, TargetChange, TargetQuerySet

__all__ = [
    "ATTEMPT_REASONS",
    "Channel",
    "Closeness",
    "Company",
    "CompanyQuerySet",
    "Direction",
    "Favour",
    "FavourDirection",
    "FavourQuerySet",
    "FavourState",
    "FollowUp",
    "FollowUpReason",
    "FollowUpSettings",
    "FollowUpSettingsQuerySet",
    "FollowUpState",
    "HowKnown",
    "Interaction",
    "InteractionQuerySet",
    "MailSuggestion",
    "MailSuggestionQuerySet",
    "Meeting",
    "MeetingQuerySet",
    "OutreachTemplate",
    "OwnedModel",
    "OwnedQuerySet",
    "Person",
    "PersonQuerySet",
    "QuestionBank",
    "QuestionBankQuerySet",
    "ResearchStatus",
    "Source",
    "Stage",
    "Tag",
    "TagQuerySet",
    "Target",
    "TargetChange",
    "TargetQuerySet",
    "_validate_channel_rotation",
    "_validate_holidays",
    "default_channel_rotation",
    "stage_order",
]
