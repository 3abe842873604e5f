"""Mail in: one message (read by formats/mailmessage.py) logged as an interaction on the
timelines of the people it names, through the same follow-up engine as a touch logged by hand.

The one path for the worker's logging mailbox and for `hundred import email` / the upload.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from hundred.network.actions.followups import on_interaction_logged
from hundred.network.actions.people import do_log_interaction
from hundred.network.models import (
    Channel,
    Direction,
    Interaction,
    MailSuggestion,
    Person,
    Stage,
)
from hundred.transfer.formats.mailmessage import (
    LOGGING_ADDRESS,
    MailRecord,
    is_mbox,
    parse_message,
    split_mbox,
)

# An outbound mail to someone still being asked is an attempt; to anyone further along it is
# a conversation, not an ask.
ASKING_STAGES = (Stage.LISTED, Stage.ASKED, Stage.PAUSED)
NOT_PEOPLE = ("noreply", "no-reply", "donotreply", "do-not-reply", "notifications", "bounce")


@dataclass
class Logged:
    status: str  # "logged", "duplicate", "skipped" or "nobody"
    reason: str = ""
    interaction: Interaction | None = None
    new_addresses: int = 0


@dataclass
class MailReport:
    created: int = 0
    duplicates: int = 0
    skipped_rows: list[dict[str, Any]] = field(default_factory=list)
    nobody: int = 0
    new_addresses: int = 0

    def add(self, number: int, logged: Logged) -> None:
        self.new_addresses += logged.new_addresses
        if logged.status == "logged":
            self.created += 1
        elif logged.status == "duplicate":
            self.duplicates += 1
        elif logged.status == "nobody":
            self.nobody += 1
        else:
            self.skipped_rows.append({"line": number, "reason": logged.reason})

    def contract(self) -> dict[str, Any]:
        """The `hundred import --json` shape; `line` is the message's number in the file."""
        return {
            "created": self.created,
            "updated": 0,
            "skipped": len(self.skipped_rows) + self.duplicates + self.nobody,
            "skipped_rows": self.skipped_rows,
            "duplicates": self.duplicates,
            "no_known_people": self.nobody,
            "new_addresses": self.new_addresses,
        }

    def summary(self) -> str:
        return (
            f"Logged {_n(self.created, 'message')}; {self.duplicates} already logged, "
            f"{self.nobody} with nobody on your list, {len(self.skipped_rows)} skipped; "
            f"{_n(self.new_addresses, 'new address', 'new addresses')} to review on Today."
        )


def _n(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def people_by_address(user) -> dict[str, Person]:
    """Every address of the account's people, in lower case (the first person wins)."""
    index: dict[str, Person] = {}
    for person in Person.objects.for_user(user).exclude(emails=[]).order_by("pk"):
        for address in person.emails or []:
            index.setdefault(str(address).strip().lower(), person)
    return index


def own_addresses(user, *more: str) -> set[str]:
    return {a.strip().lower() for a in (user.email, *more) if a}


def _the_message(record: MailRecord, own: set[str]) -> MailRecord:
    """A message the account forwarded is logged as the message it forwarded."""
    if record.forwarded and record.sender and record.sender.email in own:
        inner = record.forwarded
        if inner.sender is not None:
            return MailRecord(
                message_id=inner.message_id or record.message_id,
                sender=inner.sender,
                recipients=inner.recipients,
                subject=inner.subject or record.subject,
                sent_at=inner.sent_at or record.sent_at,
                text=inner.text,
                automatic=inner.automatic,
            )
    return record


def _summary(record: MailRecord) -> str:
    subject = record.subject or "(no subject)"
    return f"{subject}\n\n{record.text}".strip() if record.text else subject


def _is_outreach(user, people: list[Person], sent_at: datetime) -> bool:
    if not all(p.stage in ASKING_STAGES for p in people):
        return False
    latest = (
        Interaction.objects.for_user(user)
        .filter(people__in=people, occurred_at__lt=sent_at)
        .order_by("-occurred_at")
        .values_list("direction", flat=True)
        .first()
    )
    return latest != Direction.IN  # answering them is not asking them


def _note_unknown(user, record: MailRecord, addresses, index, own) -> int:
    new = 0
    for address in addresses:
        local = address.email.split("@")[0]
        if address.email in index or address.email in own or local.startswith(NOT_PEOPLE):
            continue
        seen = record.sent_at or timezone.now()
        new += MailSuggestion.objects.note(user, address.email, address.name, record.subject, seen)
    return new


@transaction.atomic
def do_log_mail(
    user,
    record: MailRecord,
    *,
    own: set[str],
    index: dict[str, Person] | None = None,
    now: datetime | None = None,
) -> Logged:
    """Log one message for the account. `own` are the account's addresses (direction: a
    message from one of them went out). Never raises on what the message says."""
    if record.problem:
        return Logged("skipped", f"Not logged: {record.problem}.")
    if record.automatic:
        return Logged("skipped", f"Not logged: {record.automatic}.")
    message = _the_message(record, own)
    if message.automatic:
        return Logged("skipped", f"Not logged: it forwards {message.automatic}.")
    index = people_by_address(user) if index is None else index
    if Interaction.objects.for_user(user).filter(message_id=message.message_id).exists():
        return Logged("duplicate", "Already logged.")
    outbound = message.sender.email in own
    others = [
        a
        for a in (message.sender, *message.recipients)
        if a.email not in own and not LOGGING_ADDRESS.match(a.email)
    ]
    people = list(dict.fromkeys(index[a.email] for a in others if a.email in index))
    new = _note_unknown(user, message, others, index, own)
    known = [a.email for a in others if a.email in index]
    MailSuggestion.objects.for_user(user).filter(email__in=known).delete()  # listed since
    if not people:
        return Logged("nobody", "Nobody on your list is in it.", new_addresses=new)
    occurred_at = min(message.sent_at or now or timezone.now(), now or timezone.now())
    fields = {
        "channel": Channel.EMAIL,
        "occurred_at": occurred_at,
        "summary": _summary(message),
        "message_id": message.message_id,
    }
    if outbound:
        interaction = do_log_interaction(
            user,
            people,
            override=True,  # it was sent already: the guard's sentence is kept with it
            direction=Direction.OUT,
            is_outreach=_is_outreach(user, people, occurred_at),
            **fields,
        )
    else:
        # Everyone named is on the timeline; only the one who wrote has replied.
        interaction = Interaction.objects.record(user, people, direction=Direction.IN, **fields)
        writer = index.get(message.sender.email)
        on_interaction_logged(user, interaction, [writer] if writer else [])
    return Logged("logged", interaction=interaction, new_addresses=new)


def do_log_mail_bytes(user, data: bytes, *, own: set[str], index=None) -> Logged:
    return do_log_mail(user, parse_message(data), own=own, index=index)


def messages_in(data: bytes) -> list[bytes]:
    """The messages of an .eml (one) or an .mbox file (many)."""
    return split_mbox(data) if is_mbox(data) else [data]


def do_import_mail(user, data: bytes, *, extra_own: tuple[str, ...] = ()) -> MailReport:
    """An .eml or .mbox file through the mail-in path, one message at a time."""
    report = MailReport()
    own = own_addresses(user, *extra_own)
    index = people_by_address(user)
    for number, raw in enumerate(messages_in(data), start=1):
        report.add(number, do_log_mail_bytes(user, raw, own=own, index=index))
    return report
