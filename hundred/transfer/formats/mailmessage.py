"""One e-mail message, read into what Hundred keeps of it; an mbox file split into messages.

Pure: bytes in, a MailRecord out, and nothing here raises on bad mail. A message Hundred
cannot log says why in `problem`; an automatic one (a bounce, an out-of-office reply) says
which in `automatic`. Attachments are never read: only the headers and the plain text (or the
HTML turned into text) are looked at.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

from hundred.transfer.formats.sniffing import LABELS, sniff_kind

MAX_MESSAGE_BYTES = 10 * 1024 * 1024  # larger: only the headers are read
MAX_LINES = 6
MAX_TEXT = 600
# A Hundred logging address: log+<token>@domain (hundred/mail/models.py makes the tokens).
LOGGING_ADDRESS = re.compile(r"^[^@+]+\+([a-z0-9]{20,})@", re.IGNORECASE)


@dataclass(frozen=True)
class Address:
    email: str  # lower case
    name: str = ""


@dataclass(frozen=True)
class MailRecord:
    message_id: str = ""
    sender: Address | None = None
    recipients: tuple[Address, ...] = ()  # To and Cc
    routing: tuple[str, ...] = ()  # every address it was delivered to: To, Cc, Delivered-To …
    subject: str = ""
    sent_at: datetime | None = None
    text: str = ""  # the first lines of the message's own text
    in_reply_to: str = ""
    automatic: str = ""  # "a bounce" or "an automatic reply"; empty for a person's mail
    problem: str = ""  # why it cannot be logged; empty when it can
    forwarded: MailRecord | None = None  # the message forwarded in this one, when there is one
    notes: tuple[str, ...] = field(default=())


# -- headers ---------------------------------------------------------------------------------


def _header(msg, name: str) -> str:
    try:
        values = msg.get_all(name) or []
        return " ".join(str(v) for v in values).strip()
    except Exception:  # noqa: BLE001 — a header that cannot be decoded is treated as absent
        return ""


def _addresses(values: list[str]) -> tuple[Address, ...]:
    found: list[Address] = []
    for name, address in getaddresses(values):
        address = address.strip().strip("<>").lower()
        if "@" in address and " " not in address and address not in {a.email for a in found}:
            found.append(Address(address, name.strip()))
    return tuple(found)


def _header_values(msg, name: str) -> list[str]:
    try:
        return [str(v) for v in msg.get_all(name) or []]
    except Exception:  # noqa: BLE001 — a header that cannot be decoded is treated as absent
        return []


def _header_addresses(msg, *names: str) -> tuple[Address, ...]:
    # Each occurrence on its own: Delivered-To is often there once per hop.
    return _addresses([value for n in names for value in _header_values(msg, n)])


def _date(text: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return _loose_date(text)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


_LOOSE_DATES = ("%a, %b %d, %Y at %I:%M %p", "%B %d, %Y at %I:%M:%S %p", "%A, %B %d, %Y %I:%M %p")


def _loose_date(text: str) -> datetime | None:
    """The dates mail programs write in a forwarded block ("Mon, Mar 2, 2026 at 9:41 AM")."""
    text = re.sub(r"\s+(GMT|UTC)[+-]?\d*(:\d\d)?$", "", text.strip().replace("\u202f", " "))
    for pattern in _LOOSE_DATES:
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


AUTO_PRECEDENCE = {"bulk", "auto_reply", "junk", "list"}
BOUNCE_SENDERS = ("mailer-daemon@", "postmaster@")


def automatic(msg, sender: Address | None) -> str:
    """'a bounce', 'an automatic reply' or '' (RFC 3834, RFC 3464 and what mail programs do)."""
    if msg.get_content_type() == "multipart/report" or (
        sender and sender.email.startswith(BOUNCE_SENDERS)
    ):
        return "a bounce"
    if _header(msg, "Auto-Submitted").lower() not in ("", "no"):
        return "an automatic reply"
    if _header(msg, "X-Autoreply") or _header(msg, "X-Autorespond"):
        return "an automatic reply"
    if _header(msg, "Precedence").lower() in AUTO_PRECEDENCE:
        return "an automatic reply"
    return ""


# -- text ------------------------------------------------------------------------------------


class _Text(HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "blockquote", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(lines)


def _decoded(part) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError, KeyError):
        raw = part.get_payload(decode=True) or b""
        return raw.decode("utf-8", errors="replace")


def body_text(msg) -> str:
    """The plain text of the message (the HTML as text when there is no plain part)."""
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001 — a broken MIME tree: no text rather than a crash
        return ""
    if part is None:
        return ""
    text = _decoded(part)
    return html_to_text(text) if part.get_content_type() == "text/html" else text


FORWARD_MARKERS = re.compile(
    r"^\s*(-{2,} ?Forwarded message ?-{2,}|Begin forwarded message:"
    r"|-{2,} ?Original Message ?-{2,}|-{2,} Weitergeleitete Nachricht -{2,}|_{20,})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
QUOTE_HEADER = re.compile(r"^(On .+ wrote:|Le .+ a écrit ?:|Am .+ schrieb .+:)\s*$")


def first_lines(text: str, limit: int = MAX_LINES) -> str:
    """The writer's own first lines: quoted replies, signatures and blank lines left out."""
    kept: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped in ("--", "-- ") or QUOTE_HEADER.match(stripped) or FORWARD_MARKERS.match(line):
            break
        if not stripped or stripped.startswith(">"):
            continue
        kept.append(stripped)
        if len(kept) >= limit:
            break
    joined = "\n".join(kept)
    return joined if len(joined) <= MAX_TEXT else joined[: MAX_TEXT - 1].rstrip() + "…"


def _inline_forward(text: str) -> MailRecord | None:
    """The headers of a message forwarded inline, from the block mail programs write."""
    found = FORWARD_MARKERS.search(text)
    if not found:
        return None
    head: dict[str, str] = {}
    rest = text[found.end() :].lstrip("\r\n").split("\n")
    i = 0
    while i < len(rest) and (line := rest[i].strip().lstrip(">").strip()):
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in ("from", "to", "cc", "date", "sent", "subject"):
            head[key.strip().lower()] = value.strip()
        i += 1
    if "from" not in head:
        return None
    values = {k: re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", v) for k, v in head.items()}
    sender = _addresses([values["from"]])
    return MailRecord(
        sender=sender[0] if sender else None,
        recipients=_addresses([values[k] for k in ("to", "cc") if k in values]),
        subject=values.get("subject", ""),
        sent_at=_date(values.get("date") or values.get("sent", "")),
        text=first_lines("\n".join(rest[i:])),
    )


def _attached_message(msg) -> EmailMessage | None:
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            if isinstance(payload, list) and payload:
                return payload[0]
    return None


# -- the message -----------------------------------------------------------------------------


def _stand_in_id(sender: Address | None, sent_at, subject: str, text: str) -> str:
    """A message without a Message-ID gets one made from what it says, so that the same
    message read twice is still one interaction."""
    key = "\n".join([sender.email if sender else "", str(sent_at), subject, text])
    return f"<{hashlib.sha256(key.encode('utf-8', 'replace')).hexdigest()[:32]}@no-message-id>"


def _record(msg, read_body: bool = True) -> MailRecord:
    senders = _header_addresses(msg, "From")
    sender = senders[0] if senders else None
    subject = " ".join(_header(msg, "Subject").split())
    sent_at = _date(_header(msg, "Date"))
    text = body_text(msg) if read_body else ""
    kept = first_lines(text)
    message_id = _header(msg, "Message-ID").split(" ")[0][:250]
    forwarded = None
    if read_body:
        inner = _attached_message(msg)
        if inner is not None:
            forwarded = _record(inner)
        elif re.match(r"^\s*(fwd?|wg|tr)\s*:", subject, re.IGNORECASE):
            forwarded = _inline_forward(text)
    return MailRecord(
        message_id=message_id or _stand_in_id(sender, sent_at, subject, kept),
        sender=sender,
        recipients=_header_addresses(msg, "To", "Cc"),
        routing=tuple(
            a.email
            for a in _header_addresses(
                msg, "To", "Cc", "Delivered-To", "X-Original-To", "X-Delivered-To", "Envelope-To"
            )
        ),
        subject=subject,
        sent_at=sent_at,
        text=kept,
        in_reply_to=_header(msg, "In-Reply-To"),
        automatic=automatic(msg, sender),
        problem="" if sender else "it has no From address",
        forwarded=forwarded,
    )


def parse_message(data: bytes, max_bytes: int = MAX_MESSAGE_BYTES) -> MailRecord:
    """What Hundred keeps of one message. Never raises: a message it cannot read comes back
    with `problem` set; one over `max_bytes` is read for its headers only."""
    try:
        if len(data) > max_bytes:
            msg = BytesHeaderParser(policy=policy.default).parsebytes(data)
            record = _record(msg, read_body=False)
            return replace(record, notes=("too large: only its headers were read",))
        return _record(message_from_bytes(data, policy=policy.default))
    except Exception as e:  # noqa: BLE001 — bad mail must never stop the worker or an import
        return MailRecord(problem=f"it could not be read ({type(e).__name__})")


# -- mbox ------------------------------------------------------------------------------------

_FROM_LINE = re.compile(rb"^From \S+ +.*\d\d:\d\d(:\d\d)?.*\d{4}\s*$")
_ESCAPED_FROM = re.compile(rb"^>(>*From )")


_HEADER_LINE = re.compile(rb"([A-Za-z][A-Za-z0-9-]*)[ \t]*:")
# Headers every message has one of; a calendar's BEGIN: or a CSV's Notes: is none of them.
_MAIL_HEADERS = frozenset(
    (
        b"from", b"to", b"cc", b"subject", b"date", b"received", b"message-id", b"return-path",
        b"delivered-to", b"mime-version", b"sender", b"reply-to", b"in-reply-to", b"references",
    )
)  # fmt: skip
_MAIL_HEAD_BYTES = 65536


def looks_like_mail(data: bytes) -> bool:
    """An mbox, or a file that starts with mail headers ("From: …", "Received: …"): header
    lines up to the first blank line, a message's own among them."""
    if is_mbox(data):
        return True
    head = data.lstrip(b"\xef\xbb\xbf\r\n\t ")[:_MAIL_HEAD_BYTES]
    lines = head.splitlines()
    if len(head) == _MAIL_HEAD_BYTES:
        lines = lines[:-1]  # cut short: the last line may be half a header
    names = set()
    for line in lines:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded header goes on
        if not (m := _HEADER_LINE.match(line)):
            return False
        names.add(m[1].lower())
    return not names.isdisjoint(_MAIL_HEADERS)


def not_mail(data: bytes) -> tuple[str, str]:
    """What a file that is not mail looks like, and the import kind that reads it ('' when
    none does): ("a vCard file", "vcard")."""
    if re.match(rb"(\xef\xbb\xbf)?\s*BEGIN:VCALENDAR", data[:1000], re.IGNORECASE):
        return "a calendar file (iCalendar)", ""
    kind = sniff_kind(data)
    if kind is None:
        return "", ""
    if data[:2] == b"PK":
        return "a LinkedIn data export (zip)", kind
    return LABELS.get(kind, "a CSV file"), kind


def is_mbox(data: bytes) -> bool:
    return data.lstrip(b"\r\n").startswith(b"From ")


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox file. A "From " line starts a message only at the start of the
    file or after a blank line, and only when it looks like a separator (an address and a
    date); ">From " lines in bodies are unescaped (mboxrd). CRLF files work too."""
    messages: list[list[bytes]] = []
    previous_blank = True
    for line in data.splitlines(keepends=True):
        bare = line.rstrip(b"\r\n")
        if previous_blank and _FROM_LINE.match(bare):
            messages.append([])
        elif messages:
            messages[-1].append(_ESCAPED_FROM.sub(rb"\1", line))
        previous_blank = not bare.strip()
    return [
        b"".join(lines).rstrip(b"\r\n") + b"\n" for lines in messages if b"".join(lines).strip()
    ]
