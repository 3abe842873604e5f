"""Target and pitch, the ask-checker, Today and the JSON backup."""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from ninja import Router, Schema
from pydantic import Field

from hundred.api.core import PROBLEMS, ApiProblem, Problem, Text, field_errors
from hundred.network import askcheck
from hundred.network.actions.target import do_save_pitch, do_save_target
from hundred.network.forms.target import PitchForm, TargetForm
from hundred.network.models import Target
from hundred.network.today import build_today
from hundred.transfer.backup.export import dumps_backup, export_backup

router = Router(tags=["target, pitch, ask-checker, Today, backup"])


class TargetOut(Schema):
    skills: list[str]
    industries: list[str]
    company_kinds: list[str]
    work_environment: list[str]
    geographies: list[str]
    pitch: str = Field(description="the pitch saved, or '' for none")
    suggested_pitch: str = Field(description="the pitch the target suggests")


class TargetIn(Schema):
    """The lists to replace (each left out keeps its value), and the pitch."""

    skills: list[Text] | None = None
    industries: list[Text] | None = None
    company_kinds: list[Text] | None = None
    work_environment: list[Text] | None = None
    geographies: list[Text] | None = None
    pitch: Text | None = None


class CheckAskIn(Schema):
    text: Text = Field(..., description="the outreach message")
    follow_up: bool = Field(False, description="a follow-up, not a first message")


class FindingOut(Schema):
    code: str
    severity: str
    message: str
    words: str | None
    start: int | None
    end: int | None
    suggestion: str | None


class CheckAskOut(Schema):
    job_ask: bool = Field(description="true when the message asks for a job (the CLI's exit 3)")
    findings: list[FindingOut]


class TodayItem(Schema):
    kind: str = Field(description="followup, meeting, debrief or favour")
    person: str
    due: str | None
    channel: str
    reason: str
    overdue: bool | None = None
    id: int


class TodayOut(Schema):
    today: date
    items: list[TodayItem]
    asks_this_week: int
    asks_target: int
    meetings_this_week: int
    meetings_target: int


def target_out(target: Target) -> dict:
    return {**target.as_lists(), "pitch": target.pitch, "suggested_pitch": target.suggested_pitch()}


@router.get("/target/", response={200: TargetOut, PROBLEMS: Problem}, url_name="target")
def read_target(request):
    """What you look for (article point 3) and your pitch (point 4)."""
    target = Target.objects.for_user(request.user).first() or Target(owner=request.user)
    return target_out(target)


@router.patch("/target/", response={200: TargetOut, PROBLEMS: Problem}, url_name="target")
def update_target(request, body: TargetIn):
    """Replace the lists sent and the pitch if sent; a change keeps a dated copy."""
    sent = body.model_dump(exclude_unset=True)
    current = Target.objects.for_user(request.user).first() or Target(owner=request.user)
    pitch = sent.pop("pitch", None)
    lists = {**current.as_lists(), **{k: v or [] for k, v in sent.items()}}
    form = TargetForm({k: "\n".join(v) for k, v in lists.items()})
    if not form.is_valid():
        raise field_errors(form)
    target = do_save_target(request.user, form.lists())
    if pitch is not None:
        pitch_form = PitchForm({"pitch": pitch})
        if not pitch_form.is_valid():
            raise field_errors(pitch_form)
        target = do_save_pitch(request.user, pitch_form.cleaned_data["pitch"])
    return target_out(target)


@router.post("/check-ask/", response={200: CheckAskOut, PROBLEMS: Problem}, url_name="check-ask")
def check_ask(request, body: CheckAskIn):
    """The ask-checker: job asks (errors) and what a good ask has (tips). Writes nothing."""
    try:
        findings = askcheck.check(body.text, first_message=not body.follow_up)
    except askcheck.EmptyMessage as e:
        raise field_errors_for("text", "The message is empty, so there is nothing to check.") from e
    return {
        "job_ask": askcheck.has_job_ask(findings),
        "findings": [f.as_dict() for f in findings],
    }


def field_errors_for(field: str, detail: str) -> ApiProblem:
    return ApiProblem(422, "Invalid request", detail, errors=[{"field": field, "detail": detail}])


@router.get("/today/", response={200: TodayOut, PROBLEMS: Problem}, url_name="today")
def today(request):
    """What to do today: follow-ups due, meetings, debriefs to write, favours owed."""
    data = build_today(request.user)
    return {
        "today": data.today,
        "items": data.items(),
        "asks_this_week": data.asks_this_week,
        "asks_target": data.asks_target,
        "meetings_this_week": data.meetings_this_week,
        "meetings_target": data.meetings_target,
    }


@router.get("/backup/", response={200: dict, PROBLEMS: Problem}, url_name="backup")
def backup(request):
    """The whole account as the JSON backup (docs/backup-format.md), without the feed token."""
    response = HttpResponse(
        dumps_backup(export_backup(request.user)), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="hundred-backup.json"'
    return response
