"""LinkedIn's history files: messages.csv, Profile.csv, Positions.csv and Skills.csv.

Pure: bytes in, a `History` of plain records out. The people in a conversation are named by
profile URL (normalised) and name; who the account owner is, is worked out from the file
itself (the one participant of nearly every conversation), helped by Profile.csv's name.
Connections.csv, Invitations.csv and the Jobs files stay with linkedin.py; `parse_export` reads
both, so one upload of the export zip brings everything.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from operator import itemgetter

from hundred.transfer.formats.fields import clean_line, clean_text, parse_date, parse_datetime
from hundred.transfer.formats.identity import fold, normalise_linkedin_url
from hundred.transfer.formats.linkedin import parse_linkedin
from hundred.transfer.formats.records import (
    Budget,
    Limits,
    ParseResult,
    Skipped,
    UnsupportedFile,
)
from hundred.transfer.formats.textfile import Table, cell, decode, find_table, header_key
from hundred.transfer.formats.ziparchive import is_zip, iter_zip_members, zip_names

# A 30,000-connection account can have hundreds of thousands of messages: messages.csv gets a
# row cap of its own, and its cells may be longer than a contact's (a sponsored InMail's HTML).
MAX_MESSAGES = 1_000_000
MAX_MESSAGE_CHARS = 100_000

_ROLES = ("messages", "profile", "positions", "skills")
_OTHER_MEMBERS = re.compile(
    r"(connections|invitations|saved jobs(_\d+)?|job applications(_\d+)?)\.csv"
)

NO_TEXT = "(a LinkedIn message with no text: an attachment, a sticker or a deleted message)"

# An outbound message that asks for a conversation or advice is an outreach (it sets "first
# asked" and, when recent and unanswered, gets its follow-up); thanks and small talk are not.
_ASK = re.compile(
    r"\b(?:coffee|chat|call|catch up|meet(?:ing)?|talk|conversation|advice|advise|"
    r"pick your brain|your (?:perspective|insights?|thoughts|experience|view)|"
    r"\d{1,2}\s*(?:-\s*\d{1,2}\s*)?min(?:ute)?s?|quick question|would you be (?:open|willing)|"
    r"could i ask|may i ask|learn (?:more )?(?:about|from)|hear (?:about|how))\b",
    re.IGNORECASE,
)
# Every alternative of _ASK contains one of these, lower-cased.
_ASK_HINTS = (
    "coffee", "chat", "call", "catch up", "meet", "talk", "conversation", "advi",
    "pick your brain", "your ", "min", "quick question", "would you be", "could i ask",
    "may i ask", "learn", "hear",
)  # fmt: skip
# Any of the hints, in one pass over the text (not one `in` test per hint).
_ASK_HINT = re.compile("|".join(map(re.escape, _ASK_HINTS)))
# An ask is in the opening of a message; the rest of a long one is not read for it.
ASK_SCAN_CHARS = 2000
_TAG = re.compile(r"<[^<>]{0,500}>")
_BREAK = re.compile(r"<\s*(?:br\s*/?|/p|/div|/li)\s*>", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%(?:FIRSTNAME|LASTNAME|FULLNAME|COMPANY)%", re.IGNORECASE)
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€")
_SPLIT_URLS = re.compile(r"\s*[;,]\s*")
# Who LinkedIn itself sends as, and page kinds that are not a person's profile.
_LINKEDIN_SENDERS = {"linkedin", "linkedin premium", "linkedin news", "linkedin learning"}
_PAGE = re.compile(r"linkedin\.com/(?:company|school|showcase|groups?|events?)/", re.I)


@dataclass(slots=True, frozen=True)
class Participant:
    """Someone in a conversation: a name and, when LinkedIn gave it, a normalised profile."""

    name: str
    url: str = ""


@dataclass(slots=True)
class MessageRecord:
    """One message with the people on the other side of it (for a message the owner sent,
    every recipient; for one they received, the sender)."""

    line: int
    conversation_id: str
    sent_at: datetime
    direction: str  # 'out' | 'in'
    counterparts: list[Participant]
    text: str
    external_id: str
    is_ask: bool = False


@dataclass(slots=True)
class Position:
    company: str
    title: str = ""
    location: str = ""
    started_on: date | None = None
    finished_on: date | None = None  # None: still there


@dataclass(slots=True)
class Profile:
    first_name: str = ""
    last_name: str = ""
    headline: str = ""
    industry: str = ""
    location: str = ""


@dataclass
class History:
    """What LinkedIn's history files of one export say."""

    messages: list[MessageRecord] = field(default_factory=list)
    owner: Participant | None = None
    profile: Profile | None = None
    positions: list[Position] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    from_linkedin: int = 0  # messages from LinkedIn itself, sponsored, or in SPAM
    duplicates: int = 0  # the same message twice in the file
    skipped: list[Skipped] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.files)


def parse_export(data: bytes, *, default_region: str, limits: Limits) -> ParseResult:
    """LinkedIn's export: what linkedin.py reads, plus the history files of a zip.

    Outside a zip, a messages.csv, Profile.csv, Positions.csv or Skills.csv on its own is read
    as such; anything else goes to linkedin.py (Connections.csv).
    """
    if is_zip(data):
        names = [n.rsplit("/", 1)[-1].lower() for n in zip_names_safe(data)]
        # linkedin.py reads first: its sentences for a damaged or foreign zip stay the ones
        # the user sees. A zip of history files alone skips it.
        if any(_OTHER_MEMBERS.fullmatch(n) for n in names) or not any(map(_role, names)):
            result = parse_linkedin(data, default_region=default_region, limits=limits)
        else:
            result = ParseResult(kind="linkedin")
        history = parse_history_zip(data, limits)
        result.history = history if history else None
        return result
    role = _sniff_role(data, limits)
    if role is None:
        return parse_linkedin(data, default_region=default_region, limits=limits)
    history = History()
    _READERS[role](data, history, _history_limits(limits), "")
    result = ParseResult(kind="linkedin")
    result.history = history
    return result


def zip_names_safe(data: bytes) -> list[str]:
    try:
        return zip_names(data)
    except Exception:  # noqa: BLE001 - iter_zip_members gives the damaged zip its sentence
        return []


def parse_history_zip(data: bytes, limits: Limits) -> History:
    """The history files of an export zip; a zip without them gives an empty History."""
    history = History()
    big = _history_limits(limits)
    for name, content in iter_zip_members(data, big, _rank):
        role = _role(name)
        if role is None or name in history.files:  # pragma: no cover - _rank filtered it
            continue
        _READERS[role](content, history, big, name)
    return history


def _history_limits(limits: Limits) -> Limits:
    return replace(
        limits,
        max_rows=max(limits.max_rows, MAX_MESSAGES),
        max_field_chars=max(limits.max_field_chars, MAX_MESSAGE_CHARS),
        max_file_bytes=max(limits.max_file_bytes, limits.max_unzipped_bytes),
    )


def _role(name: str) -> str | None:
    base = name.rsplit("/", 1)[-1].lower()
    stem = base.removesuffix(".csv")
    return stem if stem != base and stem in _ROLES else None


def _rank(name: str) -> int | None:
    role = _role(name)
    # Profile first: its name helps tell the owner among a message file's participants.
    return None if role is None else ("profile", "positions", "skills", "messages").index(role)


def _sniff_role(data: bytes, limits: Limits) -> str | None:
    head = data[:4096]
    try:
        first = decode(head).splitlines()[0] if head.strip() else ""
    except UnsupportedFile:
        return None
    keys = {header_key(k.strip('"')) for k in first.split(",")}
    for role, test in _HEADERS.items():
        if test(keys):
            return role
    return None


def _is_messages(keys) -> bool:
    return {"conversation id", "from", "date", "content"} <= set(keys)


def _is_profile(keys) -> bool:
    return {"first name", "last name", "headline"} <= set(keys)


def _is_positions(keys) -> bool:
    return {"company name", "title", "started on"} <= set(keys)


def _is_skills(keys) -> bool:
    return list(keys) == ["name"] or set(keys) == {"name"}


_HEADERS = {
    "messages": _is_messages,
    "profile": _is_profile,
    "positions": _is_positions,
    "skills": _is_skills,
}


def _table(data: bytes, history: History, limits: Limits, file: str, role: str) -> Table | None:
    table = find_table(decode(data), limits, _HEADERS[role], Budget(limits))
    if table is None:
        what = {"messages": "CONVERSATION ID, FROM, DATE and CONTENT"}.get(role, "its columns")
        if not file:
            raise UnsupportedFile(
                f"This is not a LinkedIn {role} file: no header row with {what} was found; "
                "import the LinkedIn export zip instead."
            )
        history.skipped.append(Skipped(1, f"no header row with {what}; file left out", file))
        return None
    history.files.append(file or f"{role}.csv")
    return table


# --- Profile, positions, skills ----------------------------------------------------------


def _read_profile(data: bytes, history: History, limits: Limits, file: str) -> None:
    table = _table(data, history, limits, file, "profile")
    if table is None:
        return
    col = table.index()
    for _, row in table.rows:
        if any(c.strip() for c in row):
            history.profile = Profile(
                first_name=clean_line(cell(row, col.get("first name"))),
                last_name=clean_line(cell(row, col.get("last name"))),
                headline=clean_line(cell(row, col.get("headline"))),
                industry=clean_line(cell(row, col.get("industry"))),
                location=clean_line(cell(row, col.get("geo location", col.get("location")))),
            )
            return


def _read_positions(data: bytes, history: History, limits: Limits, file: str) -> None:
    table = _table(data, history, limits, file, "positions")
    if table is None:
        return
    col = table.index()
    for line, row in table.rows:
        company = clean_line(cell(row, col.get("company name")))
        if not company:
            if any(c.strip() for c in row):
                history.skipped.append(Skipped(line, "the position has no company", file))
            continue
        history.positions.append(
            Position(
                company=company,
                title=clean_line(cell(row, col.get("title"))),
                location=clean_line(cell(row, col.get("location"))),
                started_on=parse_date(cell(row, col.get("started on")), us_slashes=True),
                finished_on=parse_date(cell(row, col.get("finished on")), us_slashes=True),
            )
        )


def _read_skills(data: bytes, history: History, limits: Limits, file: str) -> None:
    table = _table(data, history, limits, file, "skills")
    if table is None:
        return
    seen = {fold(s) for s in history.skills}
    for _, row in table.rows:
        skill = clean_line(cell(row, 0))
        if skill and fold(skill) not in seen:
            seen.add(fold(skill))
            history.skills.append(skill)


# --- messages.csv --------------------------------------------------------------------------


# A message as read, with who sent it and to whom, before the owner is known.
_Raw = tuple[MessageRecord, Participant, list[Participant]]


class _Urls(dict):
    """normalise_linkedin_url, remembered: the same few thousand profiles fill every row."""

    def __missing__(self, raw: str) -> str:
        value = normalise_linkedin_url(raw) if raw else ""
        self[raw] = value
        return value


_COLUMNS = (
    "conversation id", "from", "sender profile url", "to", "recipient profile urls", "date",
    "subject", "content", "folder", "conversation title",
)  # fmt: skip


class _Reader:
    """One messages.csv read row by row; names and profiles repeat, so each is cleaned once."""

    def __init__(self, table: Table, history: History, file: str) -> None:
        self.width = len(table.headers)
        col = table.index()
        # A column the file lacks reads the empty cell each row gets at position `width`.
        self.cols = tuple(col.get(k, self.width) for k in _COLUMNS)
        # Every column there: the cells of a full row in one C call, without padding a copy.
        self.pick = itemgetter(*self.cols) if max(self.cols) < self.width else None
        self.history, self.file = history, file
        self.urls = _Urls()
        # Each sender once: who they are, and whether LinkedIn itself (or a page) sends as them.
        self.senders: dict[tuple[str, str], tuple[Participant, bool, str]] = {}
        self.recipients: dict[tuple[str, str], list[Participant]] = {}

    def padded(self, row: list[str]) -> tuple[str, ...]:
        """The cells of _COLUMNS, '' for a column the file or a short row lacks."""
        row = row[: self.width] + [""] * (self.width + 1 - min(len(row), self.width))
        return tuple(row[i] for i in self.cols)

    def read(self, line: int, row: list[str]) -> _Raw | None:
        full = self.pick is not None and len(row) >= self.width
        conversation, name, url, to, to_urls, date_text, subject, content, folder, title = (
            self.pick(row) if full else self.padded(row)
        )
        date_text = date_text.strip()
        sent_at = _moment(date_text)
        if sent_at is None:
            if any(c.strip() for c in row):
                reason = f"the date '{date_text[:40]}' cannot be read"
                self.history.skipped.append(Skipped(line, reason, self.file))
            return None
        sender, from_linkedin, sender_key = self.sender(name, url)
        if from_linkedin or _is_unwanted(content, folder, title):
            self.history.from_linkedin += 1
            return None
        key = (to, to_urls)
        recipients = self.recipients.get(key)
        if recipients is None:
            recipients = self.recipients[key] = _recipients(*key, self.urls)
        conversation = conversation.strip()
        # A hex SHA-1 is 40 characters: the id is "li:" and all of it.
        digest = hashlib.sha1(  # noqa: S324 - an identity for idempotence, not security
            "\x1f".join((conversation, date_text, sender_key, content)).encode(
                "utf-8", "surrogatepass"
            )
        ).hexdigest()
        text = _message_text(clean_line(subject) if subject else "", content)
        record = MessageRecord(line, conversation, sent_at, "", [], text, "li:" + digest)
        return record, sender, recipients

    def sender(self, name: str, url: str) -> tuple[Participant, bool, str]:
        """The sender, whether LinkedIn itself (or a page) sends as them, and their _key."""
        key = (name, url)
        found = self.senders.get(key)
        if found is None:
            sender = Participant(clean_line(name), self.urls[url.strip()])
            found = (sender, _is_linkedin_sender(sender, url), _key(sender))
            self.senders[key] = found
        return found


def _read_messages(data: bytes, history: History, limits: Limits, file: str) -> None:
    table = _table(data, history, limits, file, "messages")
    if table is None:
        return
    reader = _Reader(table, history, file)
    raws: list[_Raw] = []
    seen: set[str] = set()
    for line, row in table.rows:
        raw = reader.read(line, row)
        if raw is None:
            continue
        if raw[0].external_id in seen:
            history.duplicates += 1
            continue
        seen.add(raw[0].external_id)
        raws.append(raw)
    owner = _find_owner(raws, history.profile)
    history.owner = owner
    history.messages.extend(_directed(raws, owner))


# Current exports' dates, in ASCII digits: datetime.fromisoformat reads these as the
# slices below do, four times faster (int() also takes other digits and "1_2", so the
# slices stay for what this does not match).
_EXPORT_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?: UTC)?")


def _moment(text: str) -> datetime | None:
    """parse_datetime, with a fast path for current exports' 'YYYY-MM-DD HH:MM:SS UTC'."""
    if _EXPORT_MOMENT.fullmatch(text):
        try:
            # "+00:00" gives datetime.UTC itself, as tzinfo=UTC does.
            return datetime.fromisoformat(text[:19] + "+00:00")
        except ValueError:
            pass
    if len(text) >= 19 and text[4] == "-" and text[10] == " " and text[19:] in ("", " UTC"):
        try:
            return datetime(
                int(text[:4]), int(text[5:7]), int(text[8:10]),
                int(text[11:13]), int(text[14:16]), int(text[17:19]), tzinfo=UTC,
            )  # fmt: skip
        except ValueError:
            pass
    return parse_datetime(text)


def _is_linkedin_sender(sender: Participant, url: str) -> bool:
    """LinkedIn itself, or a company, school or group page, as the sender."""
    return sender.name.casefold() in _LINKEDIN_SENDERS or bool(url and _PAGE.search(url))


def _is_unwanted(content: str, folder: str, title: str) -> bool:
    """Spam, a sponsored message, or a mail-merge left unfilled (%FIRSTNAME%)."""
    if folder.strip().upper() == "SPAM" or (title and "sponsored" in title.casefold()):
        return True
    return "%" in content and bool(_PLACEHOLDER.search(content))


def _recipients(names: str, raw_urls: str, urls: _Urls) -> list[Participant]:
    found = [urls[u] for u in _SPLIT_URLS.split(raw_urls.strip()) if u] if raw_urls else []
    found = [u for u in found if u]
    split_names = [clean_line(n) for n in names.split(", ")] if names.strip() else []
    # Names and URLs come in the same order when their counts agree; a name with a comma in it
    # breaks the pairing, and then each URL stands alone.
    if found and len(split_names) == len(found):
        return [Participant(n, u) for n, u in zip(split_names, found, strict=True)]
    if found:
        return [Participant("", u) for u in found]
    return [Participant(n) for n in split_names if n]


def _message_text(subject: str, content: str) -> str:
    text = content
    if "<" in text and _TAG.search(text):
        text = _TAG.sub("", _BREAK.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii() and _MOJIBAKE.search(text):
        text = _unmangle(text)
    text = clean_text(text)
    if subject and subject.casefold() not in ("", "no subject"):
        text = f"{subject}\n\n{text}" if text else subject
    return text or NO_TEXT


def _unmangle(text: str) -> str:
    """UTF-8 read as cp1252 ('Ã©' for 'é'), read back; left as it is when that fails."""
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


def _key(p: Participant) -> str:
    return p.url or "name:" + fold(p.name)


def _find_owner(raws: list[_Raw], profile: Profile | None) -> Participant | None:
    """The participant of the most conversations: every conversation has the owner in it."""
    if not raws:
        return None
    in_conversations: dict[str, set[str]] = {}
    named: dict[str, Participant] = {}
    # Senders and recipient lists are shared objects (_Reader cleans each once): a
    # conversation's messages mostly repeat the same few, and a repeat changes nothing below.
    distinct = {(r.conversation_id, id(s), id(rs)): (r, s, rs) for r, s, rs in raws}
    for record, sender, recipients in distinct.values():
        for p in (sender, *recipients):
            key = _key(p)
            if key == "name:":
                continue
            in_conversations.setdefault(key, set()).add(record.conversation_id)
            if key not in named or (p.name and not named[key].name):
                named[key] = p
    counts = Counter({k: len(v) for k, v in in_conversations.items()})
    top = counts.most_common(2)
    if profile is not None:
        wanted = fold(f"{profile.first_name} {profile.last_name}")
        best = top[0][1]
        for key, n in counts.most_common(5):
            if n == best and fold(named[key].name) == wanted:
                return named[key]
    if len(top) == 2 and top[0][1] == top[1][1] and len(raws) > 1:
        # One conversation, or a tie: the sender of most messages is the likelier owner.
        senders = Counter(_key(sender) for _, sender, _ in raws)
        return named[max((top[0][0], top[1][0]), key=lambda k: senders[k])]
    return named[top[0][0]]


def _directed(raws: list[_Raw], owner: Participant | None) -> list[MessageRecord]:
    owner_key = _key(owner) if owner else ""
    owner_name = fold(owner.name) if owner else ""
    # By identity: senders and recipients are shared objects (raws keeps them alive), and a
    # frozen dataclass's __hash__ runs in Python for each of 300,000 look-ups.
    known: dict[int, bool] = {}

    def is_owner(p: Participant) -> bool:
        found = known.get(id(p))
        if found is None:
            found = known[id(p)] = bool(
                (p.url and p.url == owner_key)
                or (not p.url and owner_name and fold(p.name) == owner_name)
            )
        return found

    out: list[MessageRecord] = []
    for record, sender, recipients in raws:
        if is_owner(sender):
            record.direction = "out"
            record.counterparts = [p for p in recipients if not is_owner(p)]
            record.is_ask = _is_ask(record.text)
        else:
            record.direction = "in"
            record.counterparts = [sender]
        out.append(record)
    return out


def _is_ask(text: str) -> bool:
    opening = text[:ASK_SCAN_CHARS]
    lowered = opening.lower()
    # Most messages have none of the words: plain substring tests rule them out before the
    # regular expression (with its word boundaries) reads them.
    return bool(_ASK_HINT.search(lowered)) and bool(_ASK.search(opening))


_READERS = {
    "messages": _read_messages,
    "profile": _read_profile,
    "positions": _read_positions,
    "skills": _read_skills,
}
