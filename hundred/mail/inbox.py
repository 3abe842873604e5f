"""Mail in from the logging mailbox: the worker reads new messages over IMAP (imap-tools),
routes each to the account whose token is in its To, Cc or Delivered-To, and logs it through
transfer/mailin.py, the same path as `hundred import email`."""

from __future__ import annotations

import imaplib
import logging
import ssl
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.db import IntegrityError
from imap_tools import AND, MailBox, MailBoxStartTls, MailBoxUnencrypted, MailMessageFlags
from imap_tools.errors import MailboxLoginError

from hundred.mail.models import LoggingAddress
from hundred.transfer.formats.mailmessage import LOGGING_ADDRESS, MailRecord, parse_message
from hundred.transfer.mailin import do_log_mail, own_addresses

log = logging.getLogger(__name__)

BATCH = 200  # messages a tick; the rest wait for the next one


class BadMailInUrl(ValueError):
    pass


@dataclass(frozen=True)
class Mailbox:
    scheme: str  # imaps, imap or imap+starttls
    host: str
    port: int
    user: str
    password: str
    folder: str

    @property
    def address(self) -> str:
        """The mailbox's own address: MAIL_IN_ADDRESS, else its user name when an address."""
        return settings.MAIL_IN_ADDRESS or (self.user if "@" in self.user else "")


def parse_url(url: str) -> Mailbox:
    """imaps://user:password@host:993/INBOX (also imap:// and imap://…?starttls=true)."""
    parts = urlsplit(url)
    starttls = parse_qs(parts.query).get("starttls", [""])[0].lower() in ("1", "true", "yes")
    scheme = "imap+starttls" if parts.scheme == "imap" and starttls else parts.scheme
    if scheme not in ("imaps", "imap", "imap+starttls") or not parts.hostname:
        raise BadMailInUrl("MAIL_IN_URL must look like imaps://user:password@host:993/INBOX.")
    if not parts.username:
        raise BadMailInUrl("MAIL_IN_URL has no user name: imaps://user:password@host/INBOX.")
    try:
        port = parts.port or (993 if scheme == "imaps" else 143)
    except ValueError:
        raise BadMailInUrl("MAIL_IN_URL has a port that is not a number.") from None
    return Mailbox(
        scheme=scheme,
        host=parts.hostname,
        port=port,
        user=unquote(parts.username),
        password=unquote(parts.password or ""),
        folder=unquote(parts.path.lstrip("/")) or "INBOX",
    )


def mailbox_address() -> str:
    """The logging mailbox's address (log@domain), or "" when mail in is not set up."""
    if not settings.MAIL_IN_URL:
        return ""
    try:
        return parse_url(settings.MAIL_IN_URL).address
    except BadMailInUrl:
        return ""


def connect(box: Mailbox, timeout: float = 60):
    if box.scheme == "imaps":
        client = MailBox(
            box.host, box.port, timeout=timeout, ssl_context=ssl.create_default_context()
        )
    elif box.scheme == "imap+starttls":
        client = MailBoxStartTls(box.host, box.port, timeout=timeout)
    else:
        client = MailBoxUnencrypted(box.host, box.port, timeout=timeout)
    return client.login(box.user, box.password, initial_folder=box.folder)


def route(record: MailRecord) -> LoggingAddress | None:
    """The account whose logging address the message was sent to, if any."""
    for address in record.routing:
        found = LOGGING_ADDRESS.match(address)
        if found:
            owner = (
                LoggingAddress.objects.select_related("owner")
                .filter(token=found.group(1).lower(), owner__is_active=True)
                .first()
            )
            if owner is not None:
                return owner
    return None


def _own(record: MailRecord, logging_address: LoggingAddress, box_address: str) -> set[str]:
    """The account's addresses for this message. Only its owner knows the logging address, so
    whoever forwarded a message to it, or Bcc'd it on mail to others, is the account, whatever
    address they wrote from. Mail the account received and a server rule passed on (To: the
    account) or a reply-all that copies the address in Cc is from the person who wrote it."""
    token = logging_address.token
    own = own_addresses(logging_address.owner, box_address)
    own |= {a for a in record.routing if token in a.lower()}
    visible = {a.email for a in record.recipients}
    to_logging = any(token in a for a in visible)
    bcc = not to_logging and not (visible & own)
    if record.sender and (bcc or (to_logging and record.forwarded is not None)):
        own.add(record.sender.email)
    return own


def log_message(data: bytes, box_address: str = "") -> str:
    """Route and log one message; what became of it ("logged", "duplicate", "skipped",
    "nobody" or "unrouted"). Never raises on what the message says."""
    record = parse_message(data)
    logging_address = route(record) if not record.problem else None
    if logging_address is None:
        return "unrouted"
    own = _own(record, logging_address, box_address)
    try:
        return do_log_mail(logging_address.owner, record, own=own).status
    except IntegrityError:  # another worker logged the same Message-ID a moment ago
        return "duplicate"


def _log_one(mailbox, uid: str, box_address: str) -> str:
    # The message as the server stores it (BODY.PEEK leaves it unread until it is logged).
    _, data = mailbox.client.uid("FETCH", uid, "(BODY.PEEK[])")
    raw = next((item[1] for item in data or [] if isinstance(item, tuple)), b"")
    try:
        status = log_message(raw, box_address)
    except Exception:  # noqa: BLE001 — one message must not stop the worker; it is logged
        log.exception("Could not log message %s of the logging mailbox", uid)
        return "errors"
    if status == "unrouted":
        log.warning("Message %s of the logging mailbox names no account's logging address", uid)
    return status


def read_mailbox(url: str | None = None, limit: int = BATCH) -> dict[str, int]:
    """Log the unread messages of the logging mailbox and mark them read. A connection or
    login failure is logged and counted, never raised: the worker goes on."""
    url = settings.MAIL_IN_URL if url is None else url
    counts: dict[str, int] = {}
    if not url:
        return counts
    try:
        box = parse_url(url)
    except BadMailInUrl as e:
        log.warning("%s", e)
        return {"errors": 1}
    try:
        with connect(box) as mailbox:
            for uid in mailbox.uids(AND(seen=False))[:limit]:
                status = _log_one(mailbox, uid, box.address)
                counts[status] = counts.get(status, 0) + 1
                mailbox.flag(uid, MailMessageFlags.SEEN, True)
    except (MailboxLoginError, imaplib.IMAP4.error, OSError) as e:
        log.warning("Could not read the logging mailbox %s: %s", box.host, e)
        counts["errors"] = counts.get("errors", 0) + 1
    return counts
