"""Meetings (book, move, cancel, debrief) and favours, through the web's actions."""

from __future__ import annotations

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field, field_validator

from hundred.api.core import PROBLEMS, ApiProblem, Day, Moment, Problem, Text, refused
from hundred.api.people import get_person
from hundred.lib.ids import is_id
from hundred.lib.reach import reach_kind
from hundred.network.actions import favours as favour_actions
from hundred.network.actions import meetings as engine
from hundred.network.forms.meetings import NOT_A_REACH
from hundred.network.models import Favour, FavourDirection, FavourState, Meeting, QuestionBank
from hundred.network.models.people import long_name_error

router = Router(tags=["meetings and favours"])


class MeetingOut(Schema):
    id: int
    person: int
    starts_at: datetime
    duration_minutes: int
    place: str
    agenda: str
    questions: str
    advice: str
    debrief_notes: str
    debriefed_at: datetime | None
    cancelled_at: datetime | None


class MeetingIn(Schema):
    starts_at: Moment
    duration_minutes: int = Field(20, ge=5, le=600)
    place: Text = Field("", max_length=200)


class QuestionGroupOut(Schema):
    key: str
    title: str
    questions: list[str]


class PrepOut(Schema):
    """What the prep sheet shows: the pitch to say, the questions offered and those kept."""

    meeting: MeetingOut
    person: str
    company: str
    company_notes: str
    pitch: str
    bank: list[QuestionGroupOut]
    closing: str
    questions: list[str]


class PrepIn(Schema):
    questions: list[Text] = Field(
        ..., max_length=100, description="the questions to keep for the meeting, in order"
    )


class CancelIn(Schema):
    follow_up_on: Day | None = Field(None, description="a reminder to find another time")


class NameIn(Schema):
    name: Text = Field(..., min_length=1, max_length=300)
    company: Text = Field("", max_length=200)
    title: Text = Field("", max_length=200)
    reach: Text = Field(
        "", max_length=300, description="an e-mail address, a phone number or a web address"
    )
    note: Text = ""

    @field_validator("reach")
    @classmethod
    def _an_address(cls, value: str) -> str:
        if value.strip() and not reach_kind(value):
            raise ValueError(NOT_A_REACH.format(value=value.strip()))
        return value


class CompanyIn(Schema):
    name: Text = Field(..., min_length=1, max_length=200)
    is_target: bool = False


class FavourNoteIn(Schema):
    what: Text = Field(..., min_length=1, max_length=300)
    due_on: Day | None = None
    direction: FavourDirection = FavourDirection.THEY_ASKED


class DebriefIn(Schema):
    advice: Text = ""
    notes: Text = ""
    names: list[NameIn] = Field([], max_length=50)
    companies: list[CompanyIn] = Field([], max_length=50)
    favours: list[FavourNoteIn] = Field([], max_length=50)


class DebriefOut(Schema):
    meeting: MeetingOut
    new_people: list[int]
    linked_people: list[int] = Field(
        description="people already on your list that a name was linked to, not added again"
    )


class FavourOut(Schema):
    id: int
    person: int
    direction: FavourDirection
    what: str
    state: FavourState
    due_on: date | None
    done_on: date | None
    meeting: int | None


class FavourIn(Schema):
    direction: FavourDirection
    what: Text = Field(..., min_length=1, max_length=300)
    due_on: Day | None = None


MEETING_FIELDS = (
    "id starts_at duration_minutes place agenda questions advice debrief_notes debriefed_at "
    "cancelled_at"
).split()


def meeting_out(m: Meeting) -> dict:
    return {**{f: getattr(m, f) for f in MEETING_FIELDS}, "person": m.person_id}


def favour_out(f: Favour) -> dict:
    return {
        **{k: getattr(f, k) for k in ("id", "direction", "what", "state", "due_on", "done_on")},
        "person": f.person_id,
        "meeting": f.meeting_id,
    }


def _meeting(request, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.for_user(request.user).select_related("person", "person__company"), pk=pk
    )


@router.get("/meetings/", response={200: list[MeetingOut], PROBLEMS: Problem}, url_name="meetings")
def list_meetings(request, person: int | None = None):
    """Meetings, latest first; `person` keeps one person's."""
    rows = Meeting.objects.for_user(request.user)
    if person is not None:
        # An id too large for the database names nobody (SQLite would raise OverflowError).
        rows = rows.filter(person_id=person) if is_id(person) else rows.none()
    return [meeting_out(m) for m in rows.order_by("-starts_at", "-id")]


@router.post(
    "/people/{int:pk}/meetings/",
    response={201: MeetingOut, PROBLEMS: Problem},
    url_name="person-meetings",
)
def book_meeting(request, pk: int, body: MeetingIn):
    """Book a meeting: the person moves to scheduled, pending no-reply follow-ups end."""
    meeting = engine.do_schedule_meeting(request.user, get_person(request, pk), **body.dict())
    return Status(201, meeting_out(_meeting(request, meeting.pk)))


@router.get(
    "/meetings/{int:pk}/", response={200: MeetingOut, PROBLEMS: Problem}, url_name="meeting"
)
def read_meeting(request, pk: int):
    return meeting_out(_meeting(request, pk))


def prep_out(request, meeting: Meeting) -> dict:
    from hundred.network.models import Target

    target = Target.objects.get_for(request.user)
    bank = QuestionBank.objects.filled_for(request.user)
    company = meeting.person.company
    return {
        "meeting": meeting_out(meeting),
        "person": meeting.person.full_name,
        "company": company.name if company else "",
        "company_notes": meeting.company_notes or (company.notes if company else ""),
        "pitch": meeting.pitch_to_say(target),
        "bank": [
            {"key": g.key, "title": g.title, "questions": list(g.questions)} for g in bank.groups
        ],
        "closing": bank.closing,
        "questions": meeting.questions_list,
    }


@router.get(
    "/meetings/{int:pk}/prep/", response={200: PrepOut, PROBLEMS: Problem}, url_name="meeting-prep"
)
def read_prep(request, pk: int):
    """The prep sheet: your pitch, the question bank (your target's places written in), the
    questions kept for this meeting and what you know of their company."""
    return prep_out(request, _meeting(request, pk))


@router.put(
    "/meetings/{int:pk}/prep/", response={200: PrepOut, PROBLEMS: Problem}, url_name="meeting-prep"
)
def keep_prep_questions(request, pk: int, body: PrepIn):
    """Keep these questions for the meeting (from the bank or your own), as the prep sheet does."""
    meeting = _meeting(request, pk)
    meeting.keep_questions(body.questions)
    return prep_out(request, meeting)


@router.post(
    "/meetings/{int:pk}/reschedule/",
    response={200: MeetingOut, PROBLEMS: Problem},
    url_name="meeting-reschedule",
)
def reschedule_meeting(request, pk: int, body: MeetingIn):
    try:
        meeting = engine.do_reschedule_meeting(request.user, _meeting(request, pk), **body.dict())
    except engine.MeetingRefused as e:
        raise refused(e) from e
    return meeting_out(_meeting(request, meeting.pk))  # as stored: in UTC


@router.post(
    "/meetings/{int:pk}/cancel/",
    response={200: MeetingOut, PROBLEMS: Problem},
    url_name="meeting-cancel",
)
def cancel_meeting(request, pk: int, body: CancelIn):
    try:
        meeting = engine.do_cancel_meeting(
            request.user, _meeting(request, pk), follow_up_on=body.follow_up_on
        )
    except engine.MeetingRefused as e:
        raise refused(e) from e
    return meeting_out(meeting)


@router.post(
    "/meetings/{int:pk}/debrief/",
    response={200: DebriefOut, PROBLEMS: Problem},
    url_name="meeting-debrief",
)
def debrief_meeting(request, pk: int, body: DebriefIn):
    """What the meeting gave: advice, names (added to your list), companies, favours."""
    meeting = _meeting(request, pk)
    long = [(i, e) for i, n in enumerate(body.names) if (e := long_name_error(n.name))]
    if long:  # as the web's debrief form refuses them
        errors = [{"field": f"names[{i}].name", "detail": e} for i, e in long]
        raise ApiProblem(422, "Invalid request", long[0][1], errors=errors)
    debrief = engine.Debrief(
        advice=body.advice,
        notes=body.notes,
        names=[engine.NameGiven(**n.dict()) for n in body.names],
        companies=[engine.CompanyMentioned(**c.dict()) for c in body.companies],
        favours=[engine.FavourNoted(**f.dict()) for f in body.favours],
    )
    try:
        engine.check_can_debrief(request.user, meeting)
        saved = engine.do_debrief_meeting(request.user, meeting, debrief)
    except engine.MeetingRefused as e:
        raise refused(e) from e
    return {
        "meeting": meeting_out(_meeting(request, pk)),
        "new_people": [p.pk for p in saved.new],
        "linked_people": [p.pk for p in saved.linked],
    }


@router.get("/favours/", response={200: list[FavourOut], PROBLEMS: Problem}, url_name="favours")
def list_favours(request, person: int | None = None):
    """Favours, newest first; `person` keeps one person's."""
    rows = Favour.objects.for_user(request.user)
    if person is not None:
        # An id too large for the database names nobody (SQLite would raise OverflowError).
        rows = rows.filter(person_id=person) if is_id(person) else rows.none()
    return [favour_out(f) for f in rows.order_by("-created_at", "-id")]


@router.post(
    "/people/{int:pk}/favours/",
    response={201: FavourOut, PROBLEMS: Problem},
    url_name="person-favours",
)
def add_favour(request, pk: int, body: FavourIn):
    """Note a favour; one you owe gets its follow-up."""
    favour = favour_actions.do_add_favour(request.user, get_person(request, pk), **body.dict())
    return Status(201, favour_out(favour))


@router.post(
    "/favours/{int:pk}/done/", response={200: FavourOut, PROBLEMS: Problem}, url_name="favour-done"
)
def favour_done(request, pk: int):
    favour = get_object_or_404(Favour.objects.for_user(request.user), pk=pk)
    if favour.state != FavourState.DONE:
        favour_actions.do_complete_favour(request.user, favour)
    return favour_out(favour)
