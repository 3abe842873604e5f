"""What happened in the demo's eight weeks: outreach, replies, meetings and their debriefs,
introductions, favours, keep-in-touch reminders, and where the generated people stand."""

from __future__ import annotations

from datetime import timedelta

from hundred.lib.dates import add_business_days
from hundred.network.demo.builder import Builder, business_days_before
from hundred.network.demo.data import (
    CAST,
    DECLINED,
    DECLINES,
    FAVOURS,
    MEETINGS,
    NURTURING,
    ONE_ATTEMPT_DUE,
    OUTREACH,
    PAUSED,
    PITCH,
    REPLIED_ASKED,
    REPLIES_LATER,
    REPLIES_YES,
    TOPICS,
    TOUCHES,
    TWO_ATTEMPTS_DUE,
    Meet,
)
from hundred.network.models import (
    Channel,
    Direction,
    Favour,
    FavourDirection,
    FavourState,
    FollowUpReason,
    HowKnown,
    Meeting,
    Person,
    Stage,
)
from hundred.network.rules import favour_followup_due, keep_in_touch_due, thank_you_due

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _channel_for(place: str) -> str:
    if place in ("Zoom", "Google Meet"):
        return Channel.VIDEO
    if place == "Phone":
        return Channel.PHONE
    return Channel.IN_PERSON


def _outreach_text(b: Builder, person: Person, introducer: Person | None = None) -> str:
    """A first message's summary, mentioning the introducer if there is one."""
    text = b.rng.choice(OUTREACH).format(topic=b.rng.choice(TOPICS))
    if introducer is not None:
        return f"Wrote to {person.first_name}, mentioning {introducer.first_name}. {text}"
    return text


def _introducer_of(b: Builder, key: str) -> Person | None:
    who = next(w for w in CAST if w.key == key)
    return b.cast[who.introduced_by] if who.introduced_by else None


def _introduce(b: Builder, key: str) -> None:
    """The introducer's e-mail putting the two of us in touch, the day after the meeting."""
    who = next(w for w in CAST if w.key == key)
    meet = next(m for m in MEETINGS if m.key == who.introduced_by)
    if meet.day >= -1:
        return  # the names came yesterday; no e-mail yet
    person, introducer = b.cast[key], b.cast[who.introduced_by]
    company = f", {who.company}" if who.company else ""
    b.touch(
        [introducer, person],
        b.some_time(b.day(meet.day + 1), 7, 9),
        Channel.EMAIL,
        Direction.IN,
        f"{introducer.first_name} introduced me to {person.first_name} "
        f"({who.title}{company}) by e-mail",
    )


def tell_meetings(b: Builder) -> None:
    """The cast's meetings: outreach, a yes, the meeting, and for most a debrief."""
    for meet in MEETINGS:
        person = b.cast[meet.key]
        introducer = _introducer_of(b, meet.key)
        if introducer is not None:
            _introduce(b, meet.key)
        pending, _, _ = b.outreach(
            person,
            b.day(meet.asked),
            meet.channel,
            1 + meet.nudges,
            _outreach_text(b, person, introducer),
        )
        meeting_day = b.day(meet.day)
        starts_at = b.at(meeting_day, meet.time)
        when = f"{_WEEKDAYS[meeting_day.weekday()]} at {meet.time}"
        replied_at = b.some_time(b.day(meet.replied), 9, 20)
        reply_channel = Channel.LINKEDIN if meet.channel == Channel.LINKEDIN else Channel.EMAIL
        if meet.channel in (Channel.TEXT, Channel.PHONE):
            reply_channel = meet.channel
        b.touch(
            [person],
            replied_at,
            reply_channel,
            Direction.IN,
            b.rng.choice(REPLIES_YES).format(when=when),
        )
        b.skip(pending, replied_at)
        person.set_stage(Stage.SCHEDULED)
        person.stage_changed_at = replied_at
        person.paused_until = None  # an answer after the last attempt still counts
        company = person.company
        meeting = Meeting(
            owner=b.owner,
            person=person,
            starts_at=starts_at,
            duration_minutes=meet.minutes,
            place=meet.place,
            agenda=(
                "My pitch in two sentences; how they came to their work; companies worth "
                "learning about; who else I should talk to; is there anything I can do for "
                "them?"
            ),
            questions=_questions(person),
            pitch_snapshot=PITCH,
            company_notes=company.notes if company is not None else "",
            created_at=replied_at,
        )
        b.meetings[meet.key] = meeting
        if meet.debrief is not None:
            _debrief(b, meet, person, meeting)


def _questions(person: Person) -> str:
    """The questions to prepare for a meeting with this person."""
    where = person.company.name if person.company is not None else "your corner of Boston"
    return "\n".join(
        (
            f"What keeps the finance people at {where} busy this year?",
            "Which non-profits around Boston are growing, and which are struggling?",
            "Who else would you talk to in my place?",
        )
    )


def _debrief(b: Builder, meet: Meet, person: Person, meeting: Meeting) -> None:
    ends_at = meeting.starts_at + timedelta(minutes=meet.minutes)
    debriefed_at = ends_at + timedelta(hours=b.rng.randint(1, 4))
    if debriefed_at.date() > ends_at.date():
        debriefed_at = ends_at + timedelta(minutes=30)
    meeting.advice = meet.debrief.advice
    meeting.debrief_notes = meet.debrief.notes
    meeting.debriefed_at = debriefed_at
    for name in meet.debrief.companies:
        b.mentions.append((meeting, b.companies[name]))
    given = [w for w in CAST if w.introduced_by == meet.key]
    summary = f"{meet.minutes}-minute advice conversation"
    if given:
        summary += f"; left with {len(given)} name{'s' if len(given) > 1 else ''}"
    b.touch(
        [person],
        meeting.starts_at,
        _channel_for(meet.place),
        Direction.OUT,
        summary,
        meeting=meeting,
    )
    person.set_stage(Stage.MET)
    person.stage_changed_at = debriefed_at
    # The thank-you: written for most, still open for the last two meetings.
    meeting_on = meeting.starts_at.date()
    thanks = b.follow_up(
        person,
        thank_you_due(meeting_on, b.rules),
        FollowUpReason.THANK_YOU,
        debriefed_at,
        meeting=meeting,
        note="Thank them for their time and the names; say what I will do next.",
    )
    if meet.key not in ("bernadette", "olivia"):
        when = b.some_time(thanks.due_on, 8, 10)
        names = " and the introductions" if given else ""
        note = b.touch(
            [person],
            when,
            Channel.EMAIL,
            Direction.OUT,
            f"Thank-you note to {person.first_name} for the advice{names}",
        )
        b.close(thanks, when, note)


def tell_cast_without_meetings(b: Builder) -> None:
    """The cast without a meeting yet: asked and waiting, said yes, or only introduced."""
    # Beatriz: two tries, no answer yet; the third is a day late.
    beatriz = b.cast["beatriz"]
    _introduce(b, "beatriz")
    b.outreach(
        beatriz,
        business_days_before(b.day(-1), 10),
        Channel.EMAIL,
        2,
        _outreach_text(b, beatriz, b.cast["marcus"]),
    )
    # Dev: asked once, the follow-up is due today.
    dev = b.cast["dev"]
    _introduce(b, "dev")
    b.outreach(
        dev,
        business_days_before(b.day(0), 5),
        Channel.EMAIL,
        1,
        _outreach_text(b, dev, b.cast["samuel"]),
    )
    # Rafael: asked two days ago; the follow-up comes later this week or next.
    rafael = b.cast["rafael"]
    _introduce(b, "rafael")
    text = _outreach_text(b, rafael, b.cast["bernadette"])
    b.outreach(rafael, b.day(-2), Channel.EMAIL, 1, text)
    # Hannah: said yes, and waits for two times to choose from.
    hannah = b.cast["hannah"]
    _introduce(b, "hannah")
    pending, _, _ = b.outreach(
        hannah, b.day(-7), Channel.EMAIL, 1, _outreach_text(b, hannah, b.cast["yuki"])
    )
    replied_at = b.some_time(b.day(-5), 9, 18)
    b.touch(
        [hannah],
        replied_at,
        Channel.EMAIL,
        Direction.IN,
        "Glad to talk once she is back from a conference; asked me to send two times for next week",
    )
    b.skip(pending, replied_at)
    b.follow_up(
        hannah,
        b.day(1),
        FollowUpReason.OTHER,
        replied_at,
        note="Send Hannah two times for a 20-minute call next week.",
    )
    _introduce(b, "chloe")
    _introduce(b, "sunita")
    # Desmond, the plumber: asked in person while he fixed the kitchen tap.
    desmond = b.cast["desmond"]
    pending, _, _ = b.outreach(
        desmond,
        b.day(-14),
        Channel.IN_PERSON,
        1,
        "Mentioned my search while he fixed the kitchen tap; asked whether he knows anyone "
        "in non-profit finance",
    )
    asked_at = b.interactions[-1].occurred_at
    answered_at = asked_at + timedelta(minutes=10)
    b.touch(
        [desmond],
        answered_at,
        Channel.IN_PERSON,
        Direction.IN,
        "His sister sits on the Mystic Valley Hospice board; he will ask her",
    )
    b.skip(pending, answered_at)
    # Inés wanted my target list before the call.
    b.follow_up(
        b.cast["ines"],
        b.day(0),
        FollowUpReason.PROMISED_INFO,
        b.at(b.day(-10), "18:00"),
        note="Send Inés my one-page target list before our call.",
        meeting=b.meetings["ines"],
    )


def tell_touches(b: Builder) -> None:
    """Later news, notes and favours done with the cast; those met first become nurturing."""
    for t in TOUCHES:
        person = b.cast[t.key]
        people = [person, b.cast[t.also]] if t.also else [person]
        when = b.at(b.day(t.day), t.time)
        interaction = b.touch(people, when, t.channel, t.direction, t.summary)
        if t.key in NURTURING and t.key not in b.nurtured_at:
            b.nurtured_at[t.key] = when
        if t.reason and t.reason != FollowUpReason.FAVOUR:
            followup = b.follow_up(
                person, when.date(), t.reason, when - timedelta(days=3), channel=t.channel
            )
            b.close(followup, when, interaction)
        if t.reason == FollowUpReason.FAVOUR:
            b.favour_done_by[t.key] = interaction
    for key in NURTURING:
        person = b.cast[key]
        person.set_stage(Stage.NURTURING)
        person.stage_changed_at = b.nurtured_at[key]


def tell_favours(b: Builder) -> None:
    """Favours both ways: a follow-up for each the seeker owes, a check-in on one promised."""
    for fav in FAVOURS:
        person = b.cast[fav.key]
        meeting = b.meetings.get(fav.key)
        if meeting is not None and meeting.debriefed_at is not None:
            created_at = meeting.debriefed_at
            asked_on = meeting.starts_at.date()
        else:
            meeting = None
            created_at = b.at(b.day(-14), "19:00")
            asked_on = b.day(-14)
        due_on = None
        if fav.due is not None:
            due_on = b.today if fav.due == 0 else b.day(fav.due)
        favour = Favour(
            owner=b.owner,
            person=person,
            direction=fav.direction,
            what=fav.what,
            state=FavourState.DONE if fav.done is not None else FavourState.PROMISED,
            due_on=due_on,
            done_on=b.day(fav.done) if fav.done is not None else None,
            meeting=meeting,
            created_at=created_at,
        )
        b.favours.append(favour)
        if fav.direction == FavourDirection.THEY_DID:
            if favour.state == FavourState.PROMISED:
                # Their promise: check in kindly if nothing has come of it in a few days.
                b.follow_up(
                    person,
                    b.day(3),
                    FollowUpReason.FAVOUR,
                    created_at,
                    channel=Channel.PHONE,
                    note="Check in kindly about his sister.",
                    favour=favour,
                )
            continue
        followup = b.follow_up(
            person,
            favour_followup_due(due_on, asked_on, b.rules),
            FollowUpReason.FAVOUR,
            created_at,
            note=fav.what,
            meeting=meeting,
            favour=favour,
        )
        if fav.done is not None:
            done_by = b.favour_done_by.get(fav.key)
            when = done_by.occurred_at if done_by else b.at(b.day(fav.done), "17:00")
            b.close(followup, when, done_by)


def keep_in_touch(b: Builder) -> None:
    """A keep-in-touch follow-up for everyone met, timed from their latest interaction."""
    for meet in MEETINGS:
        person = b.cast[meet.key]
        if person.stage not in (Stage.MET, Stage.NURTURING):
            continue
        last = b.last_touch[id(person)]
        b.follow_up(
            person,
            keep_in_touch_due(last, person.closeness, b.rules),
            FollowUpReason.KEEP_IN_TOUCH,
            b.at(last, "21:00"),
            note="Share news from the search; ask how things are with them.",
        )


def tell_filler(b: Builder) -> None:
    """Stages for the generated people: closer people tend to be asked first."""
    rng = b.rng
    # Anyone listed mid-search is not asked yet; among the rest, warmth decides the order.
    ready = [p for p in b.filler if p.created_at < b.at(b.start, "00:00")]
    ranked = sorted(ready, key=lambda p: p.closeness + rng.random() * 1.8)
    queue = iter(ranked)
    for due in ONE_ATTEMPT_DUE:
        _silent(b, next(queue), 1, due)
    for due in TWO_ATTEMPTS_DUE:
        _silent(b, next(queue), 2, due)
    for _ in range(REPLIED_ASKED):
        person = next(queue)
        replied = -rng.randint(1, 2)
        pending, _, _ = b.outreach(
            person,
            b.day(replied - rng.randint(1, 3)),
            _first_channel(b, person),
            1,
            _outreach_text(b, person),
        )
        reply_on = b.day(replied)
        replied_at = b.some_time(reply_on, 9, 20)
        b.touch([person], replied_at, Channel.EMAIL, Direction.IN, rng.choice(REPLIES_LATER))
        b.skip(pending, replied_at)
        b.follow_up(
            person,
            add_business_days(reply_on, 2, b.rules.holidays),
            FollowUpReason.OTHER,
            replied_at,
            note="Suggest two times for a 20-minute call.",
        )
    for text in DECLINES[:DECLINED]:
        person = next(queue)
        asked = -rng.randint(12, 30)
        pending, _, _ = b.outreach(
            person, b.day(asked), _first_channel(b, person), 1, _outreach_text(b, person)
        )
        replied_at = b.some_time(b.day(asked + rng.randint(1, 3)), 9, 20)
        b.touch([person], replied_at, Channel.EMAIL, Direction.IN, text)
        b.skip(pending, replied_at)
        person.set_stage(Stage.DECLINED)
        person.stage_changed_at = replied_at
    for _ in range(PAUSED):
        person = next(queue)
        b.outreach(
            person,
            b.day(-rng.randint(34, 40)),
            _first_channel(b, person),
            3,
            _outreach_text(b, person),
        )


def _silent(b: Builder, person: Person, attempts: int, due: int) -> None:
    """Asked `attempts` times without an answer; the next attempt falls due `due` days on."""
    first_on = business_days_before(b.day(due), 5 * attempts)
    b.outreach(person, first_on, _first_channel(b, person), attempts, _outreach_text(b, person))


def _first_channel(b: Builder, person: Person) -> str:
    """E-mail; or, for a colleague, classmate or other on LinkedIn, e-mail or LinkedIn."""
    if (
        person.how_known
        in (HowKnown.COLLEAGUE, HowKnown.CLASSMATE, HowKnown.LINKEDIN, HowKnown.OTHER)
        and person.linkedin_url
    ):
        return b.rng.choice((Channel.EMAIL, Channel.LINKEDIN))
    return Channel.EMAIL
