"""What is due now, for every account: mail at each account's local hour, and people whose
pause has ended back on the list. The worker calls tick() about once a minute."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from hundred.mail.inbox import read_mailbox
from hundred.mail.models import SentMail
from hundred.mail.sending import claim
from hundred.mail.tasks import send_claimed_mail
from hundred.network.actions.followups import bring_back_paused
from hundred.network.models import Person, Stage


def due_mail(user, now: datetime) -> list[str]:
    """The kinds of mail due for the account at this moment of its local day."""
    local = now.astimezone(user.tzinfo)
    if local.hour < user.digest_hour:
        return []
    kinds = [SentMail.Kind.DIGEST] if user.digest_enabled else []
    if user.weekly_review_enabled and local.weekday() == 0:  # Monday
        kinds.append(SentMail.Kind.WEEKLY)
    return kinds


def queue_mail(now: datetime) -> int:
    """Claim and queue each account's mail that is due and not yet claimed today."""
    queued = 0
    subscribers = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(digest_enabled=True) | Q(weekly_review_enabled=True))
    )
    for user in subscribers.iterator():
        day = now.astimezone(user.tzinfo).date()
        for kind in due_mail(user, now):
            # The claim and its task are written together: a worker killed between the two
            # leaves neither, and the next tick claims again.
            with transaction.atomic():
                claimed = claim(user, kind, day)
                if claimed is not None:
                    send_claimed_mail.enqueue(claimed.pk)
                    queued += 1
    return queued


def end_pauses(now: datetime) -> int:
    """Bring back everyone whose pause has ended, in every account (Today also does it for
    its own account when it opens). Candidates are read with one query across accounts."""
    latest_local_day = (now + timedelta(days=1)).date()  # no zone is more than a day ahead
    owners = (
        Person.objects.filter(stage=Stage.PAUSED, paused_until__lte=latest_local_day)
        .values_list("owner", flat=True)
        .distinct()
    )
    users = get_user_model().objects.filter(pk__in=list(owners))
    return sum(bring_back_paused(user, now.astimezone(user.tzinfo).date()) for user in users)


def tick(now: datetime) -> dict[str, int]:
    logged = read_mailbox()  # mail in, when MAIL_IN_URL is set
    return {
        "queued": queue_mail(now),
        "back_from_pause": end_pauses(now),
        "mail_logged": logged.get("logged", 0),
    }
