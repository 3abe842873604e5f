"""The outreach composer and its templates: the ask-checker as you type, then send and record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from hundred.lib.ids import is_id
from hundred.network import askcheck, outreach
from hundred.network import pitch as pitchlib
from hundred.network.actions.followups import PestGuard
from hundred.network.actions.outreach import do_record_outreach
from hundred.network.forms.outreach import ComposeForm, OutreachTemplateForm
from hundred.network.forms.pestguard import offer_override
from hundred.network.models import (
    OutreachTemplate,
    Person,
    Target,
)
from hundred.network.views.owned import get_person_for_user, get_template_for_user


def _people_from_request(request) -> list[Person]:
    ids = request.POST.getlist("ids") or request.GET.getlist("ids")
    try:
        ids = [int(i) for i in ids]
    except ValueError:
        raise Http404("No such person.") from None
    if not all(is_id(i) for i in ids):
        raise Http404("No such person.")
    people = list(
        Person.objects.for_user(request.user).filter(pk__in=ids).select_related("introduced_by")
    )
    if not people or len(people) != len(set(ids)):
        raise Http404("No such person.")
    return people


NOBODY_PICKED = "Pick at least one person: tick the box beside each name, then ask."


def _back_to_the_list(request):
    """The People list as it was when "Ask the people I picked" was pressed with nobody
    ticked: its search, filters and page come along as `back`, and the reason is shown."""
    messages.error(request, NOBODY_PICKED)
    back = QueryDict(request.GET.get("back", "")).urlencode()
    return redirect(reverse("network-people") + (f"?{back}" if back else ""))


def _recipient(person: Person) -> outreach.Recipient:
    introducer = person.introduced_by.full_name if person.introduced_by else ""
    return outreach.Recipient(person.first_name, person.how_known, introducer)


def _values(request, person: Person, target: Target) -> dict[str, str]:
    return outreach.placeholder_values(
        _recipient(person), pitch=target.current_pitch(), my_name=request.user.signature
    )


def _fill(request, text: str, person: Person, target: Target) -> str:
    """The text as the person will read it: placeholders filled, {short_pitch} fitted to a
    LinkedIn note for a free account."""
    pitch, lists = target.current_pitch(), target.as_lists()
    return outreach.fill(
        text,
        _values(request, person, target),
        lambda limit: pitchlib.short_pitch(pitch, limit=limit, **lists),
    )


def highlight(text: str, findings: list[askcheck.Finding]) -> str:
    """The text as HTML with each finding's words wrapped in <mark>."""
    spans = sorted(
        (f.start, f.end, f.code) for f in findings if f.start is not None and f.end is not None
    )
    out, pos = [], 0
    for start, end, code in spans:
        if start < pos:
            continue  # overlapping findings: the first one is marked
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="finding-{code}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


def _check_context(text: str, channel: str) -> dict:
    # An empty message is an error, not a clean one: the verdict and preview go, and the
    # checker says to write something.
    checked = bool(text.strip())
    findings = askcheck.check(text, first_message=True) if checked else []
    context = {
        "findings": findings,
        "has_job_ask": askcheck.has_job_ask(findings),
        "highlighted": highlight(text, findings),
        "checked": checked,
        "empty_message": askcheck.EMPTY_MESSAGE,
        "length": len(text),
    }
    if channel == "linkedin":
        context["note"] = outreach.note_length(text)
        context["note_free"] = outreach.LINKEDIN_FREE_NOTE_LIMIT
        context["note_paid"] = outreach.LINKEDIN_NOTE_LIMIT
    return context


def _asks_for_job(texts: list[str], subject: str) -> bool:
    """Whether any person's copy, or the subject line, asks for a job: one can hide in either."""
    if subject.strip() and askcheck.has_job_ask(askcheck.check(subject, first_message=False)):
        return True
    return any(askcheck.has_job_ask(askcheck.check(text)) for text in texts)


def _templates(user) -> list[dict]:
    own = [
        {
            "key": f"t{t.pk}",
            "name": t.name,
            "channel": t.channel,
            "subject": t.subject,
            "body": t.body,
        }
        for t in OutreachTemplate.objects.for_user(user)
    ]
    defaults = [
        {"key": t.key, "name": t.name, "channel": t.channel, "subject": t.subject, "body": t.body}
        for t in outreach.DEFAULT_TEMPLATES
    ]
    return defaults + own


def _record_or_refuse(
    request, form: ComposeForm, summaries: list[tuple[Person, str]], *, asks_for_job: bool
):
    """Record the outreach through the pest guard; a refusal goes on the form, as typed, and
    gives None (nothing is recorded for anyone)."""
    data = form.cleaned_data
    try:
        return do_record_outreach(
            request.user,
            summaries,
            channel=data["channel"],
            override=data["override"],
            asks_for_job=asks_for_job,
        )
    except PestGuard as refusal:
        offer_override(form, refusal)
        return None


def _too_long_for_linkedin(length: int, several: bool) -> str:
    whose = "The longest copy of this LinkedIn note" if several else "This LinkedIn note"
    return (
        f"{whose} has {length} characters: LinkedIn stops notes at "
        f"{outreach.LINKEDIN_NOTE_LIMIT} on paid accounts, and at "
        f"{outreach.LINKEDIN_FREE_NOTE_LIMIT} on free ones. Shorten it — or tick the box below "
        "to record it anyway."
    )


def _record_unless_refused(request, form: ComposeForm, people: list[Person], target: Target):
    """Record a valid composer post, or add the error that refuses it and return None: an
    empty message, a job ask not sent anyway, or the pest guard."""
    data = form.cleaned_data
    filled = [(p, _fill(request, data["body"], p, target)) for p in people]
    if any(not text.strip() for _, text in filled):
        # Placeholders alone ("{pitch}" with no pitch yet) fill to nothing.
        form.add_error("body", askcheck.EMPTY_MESSAGE)
        return None
    asks_for_job = _asks_for_job([text for _, text in filled], data["subject"])
    if asks_for_job and not data["send_anyway"]:
        form.add_error(
            "body",
            "This message asks for a job. Ask for advice, names and ideas instead — or "
            "tick the box below to record it anyway.",
        )
        return None
    if data["channel"] == "linkedin" and not data["long_anyway"]:
        longest = max(len(text) for _, text in filled)
        if longest > outreach.LINKEDIN_NOTE_LIMIT:
            form.add_error("body", _too_long_for_linkedin(longest, several=len(filled) > 1))
            return None
    subject_by_person = {p.pk: _fill(request, data["subject"], p, target) for p in people}
    summaries = [(p, f"{subject_by_person[p.pk]}\n\n{text}".strip()) for p, text in filled]
    interactions = _record_or_refuse(request, form, summaries, asks_for_job=asks_for_job)
    if interactions is None:
        return None
    request.session["last_outreach"] = {
        "ids": [i.pk for i in interactions],
        "send": request.POST.get("send", "copy"),
        "subjects": {
            str(i.pk): subject_by_person[p.pk] for i, p in zip(interactions, people, strict=True)
        },
    }
    names = ", ".join(str(p) for p in people)
    messages.success(request, f"Recorded your outreach to {names}.")
    return redirect("network-outreach-sent")


@login_required
@require_http_methods(["GET", "POST"])
def compose(request, pk: int | None = None):
    """Write a request for 15–20 minutes to one person (pk) or several (?ids=…)."""
    if pk is None and not (request.POST.getlist("ids") or request.GET.getlist("ids")):
        return _back_to_the_list(request)
    people = [get_person_for_user(request, pk)] if pk is not None else _people_from_request(request)
    single = len(people) == 1
    target = Target.objects.get_for(request.user)
    templates = _templates(request.user)
    chosen = next((t for t in templates if t["key"] == request.GET.get("template")), templates[0])
    # For one person the text is filled in; for several the placeholders stay until recording.
    initial = {
        "channel": chosen["channel"],
        "subject": _fill(request, chosen["subject"], people[0], target)
        if single
        else chosen["subject"],
        "body": _fill(request, chosen["body"], people[0], target) if single else chosen["body"],
    }
    form = ComposeForm(request.POST or None, initial=initial)
    form.fields["body"].error_messages["required"] = askcheck.EMPTY_MESSAGE
    if request.method == "POST" and form.is_valid():
        recorded = _record_unless_refused(request, form, people, target)
        if recorded:
            return recorded
    text = form.data.get("body", "") if form.is_bound else initial["body"]
    channel = form.data.get("channel", "") if form.is_bound else initial["channel"]
    preview_text = _fill(request, text, people[0], target)
    comp = target.completeness()
    return render(
        request,
        "network/compose.html",
        {
            "form": form,
            "people": people,
            "single": single,
            # One person picked from the list comes by ?ids=: keep it in links and posts.
            "by_ids": pk is None,
            "templates": templates,
            "chosen": chosen,
            "completeness": comp,
            "homework": pitchlib.homework_prompt(comp.missing),
            "has_pitch": bool(target.current_pitch()),
            "placeholders": outreach.PLACEHOLDERS,
            # The box to record a job ask anyway, offered only once one was flagged.
            "offer_send_anyway": any("asks for a job" in e for e in form.errors.get("body", [])),
            # The box to record a note past LinkedIn's limit, offered once it was refused.
            "offer_long_anyway": any("LinkedIn note has" in e for e in form.errors.get("body", [])),
            **_check_context(preview_text, channel),
        },
    )


@login_required
@require_POST
def check_text(request):
    """The ask-checker as the user types: findings and the highlighted text (htmx partial)."""
    text = request.POST.get("body", "")[:20000]
    channel = request.POST.get("channel", "")
    ids = request.POST.getlist("ids")
    if ids:
        # Several people: check the text as the first of them will read it.
        person = _people_from_request(request)[0]
        text = _fill(request, text, person, Target.objects.get_for(request.user))
    # For one person the box holds the text as they will read it, so the counter may follow
    # the typing; for several it holds placeholders, and only this check counts a copy.
    context = {**_check_context(text, channel), "single": not ids}
    return render(request, "network/compose.html#findings", context)


@login_required
def outreach_sent(request):
    last = request.session.get("last_outreach")
    if not last:
        return redirect("network-people")
    from hundred.network.models import Interaction

    interactions = (
        Interaction.objects.for_user(request.user)
        .filter(pk__in=last["ids"])
        .prefetch_related("people")
    )
    rows = []
    for interaction in interactions:
        person = interaction.people.all()[0]
        # The summary is "subject\n\nbody", or the body alone: a message with no subject has
        # paragraphs too, so the subject comes from what was recorded, not from the first one.
        subject = last.get("subjects", {}).get(str(interaction.pk), "")
        body = interaction.summary
        if subject and body.startswith(f"{subject}\n\n"):
            body = body[len(subject) + 2 :]
        else:
            subject = ""
        rows.append(
            {
                "person": person,
                "channel": interaction.get_channel_display(),
                "body": body,
                "subject": subject,
                "mailto": outreach.mailto_url(person.emails[:1], subject, body)
                if person.emails
                else "",
            }
        )
    return render(
        request,
        "network/outreach_sent.html",
        {"rows": rows, "open_mail": last.get("send") == "mail"},
    )


@login_required
def templates(request):
    return render(
        request,
        "network/templates.html",
        {
            "own": OutreachTemplate.objects.for_user(request.user),
            "defaults": outreach.DEFAULT_TEMPLATES,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_template(request, pk: int | None = None):
    template = (
        get_template_for_user(request, pk)
        if pk is not None
        else OutreachTemplate(owner=request.user)
    )
    if pk is None and request.method == "GET" and request.GET.get("from"):
        base = outreach.default_template(request.GET["from"])
        if base:
            template = OutreachTemplate(
                owner=request.user,
                name=f"My {base.name}",
                channel=base.channel,
                subject=base.subject,
                body=base.body,
            )
    form = OutreachTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Template saved.")
        return redirect("network-templates")
    return render(request, "network/template_form.html", {"form": form, "template": template})


@login_required
@require_http_methods(["GET", "POST"])
def delete_template(request, pk: int):
    template = get_template_for_user(request, pk)
    if request.method == "POST":
        template.delete()
        messages.success(request, "Template deleted.")
        return redirect("network-templates")
    return render(
        request,
        "network/confirm_delete.html",
        {"obj": template, "cancel_url": reverse("network-templates")},
    )
