"""Target, pitch, onboarding, the 100 list and the outreach composer (article points 2–4)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from hundred.network import askcheck, outreach
from hundred.network import pitch as pitchlib
from hundred.network.actions import (
    do_quick_add_person,
    do_record_outreach,
    do_save_pitch,
    do_save_target,
)
from hundred.network.forms_outreach import (
    ComposeForm,
    OutreachTemplateForm,
    PitchForm,
    QuickAddForm,
    TargetForm,
)
from hundred.network.models import (
    HowKnown,
    OutreachTemplate,
    Person,
    Target,
    TargetChange,
)

GOAL = 100
ONBOARDING_NAMES = 20

# Brainstorm prompts for the 100 list, one per way of knowing people (article point 2).
PROMPTS = {
    "colleague": "Former colleagues and managers, from every job you have had.",
    "classmate": "Classmates from school, university, courses and certifications.",
    "friend": "Friends, and friends you have lost touch with.",
    "family": "Family and family friends — your parents' friends, your cousins' partners.",
    "neighbour": "Neighbours, past and present.",
    "community": "Clubs, teams, volunteering, faith communities, your children's school.",
    "service": "People who serve you: your accountant, doctor, hairdresser — even your plumber.",
    "introduced": "People others have introduced you to.",
    "other": "Anyone else you could call or e-mail and ask for 15–20 minutes.",
}


# How the target's history names each saved part.
HISTORY_LABELS = {
    "skills": "Skills",
    "industries": "Industries",
    "company_kinds": "Kinds of organisation",
    "work_environment": "Work environment",
    "geographies": "Geography",
    "pitch": "Pitch",
}


def get_target(user) -> Target | None:
    return Target.objects.for_user(user).first()


def completeness(target: Target | None) -> pitchlib.Completeness:
    lists = target.as_lists() if target else {name: [] for name in Target.LIST_FIELDS}
    return pitchlib.target_completeness(**lists)


def suggested_pitch(target: Target | None) -> str:
    if target is None:
        return ""
    return pitchlib.build_pitch(**target.as_lists())


def current_pitch(target: Target | None) -> str:
    """The pitch the user saved, or the one their target suggests."""
    if target is None:
        return ""
    return target.pitch or suggested_pitch(target)


# Target and pitch


@login_required
@require_http_methods(["GET", "POST"])
def target(request):
    current = get_target(request.user)
    form = TargetForm(request.POST or None, target=current)
    if request.method == "POST" and form.is_valid():
        do_save_target(request.user, form.lists())
        messages.success(request, "Target saved.")
        return redirect("network-target")
    changes = [
        {
            "created_at": c.created_at,
            "parts": [(HISTORY_LABELS.get(k, k), v) for k, v in c.snapshot.items() if v],
        }
        for c in TargetChange.objects.for_user(request.user)[:20]
    ]
    return render(
        request,
        "network/target.html",
        {
            "form": form,
            "target": current,
            "completeness": completeness(current),
            "homework": pitchlib.homework_prompt(completeness(current).missing),
            "pitch": current_pitch(current),
            "changes": changes,
        },
    )


def _pitch_context(target: Target | None, text: str) -> dict:
    lists = target.as_lists() if target else {}
    warnings = pitchlib.pitch_warnings(
        text,
        skills=lists.get("skills", []),
        industries=lists.get("industries", []),
        geographies=lists.get("geographies", []),
    )
    return {"warnings": warnings, "suggested": suggested_pitch(target)}


@login_required
@require_http_methods(["GET", "POST"])
def pitch(request):
    current = get_target(request.user)
    form = PitchForm(request.POST or None, initial={"pitch": current_pitch(current)})
    if request.method == "POST" and form.is_valid():
        if request.htmx and "save" not in request.POST:
            context = _pitch_context(current, form.cleaned_data["pitch"])
            return render(request, "network/pitch.html#warnings", context)
        do_save_pitch(request.user, form.cleaned_data["pitch"])
        messages.success(request, "Pitch saved.")
        return redirect("network-pitch")
    text = form.data.get("pitch", "") if form.is_bound else current_pitch(current)
    return render(
        request,
        "network/pitch.html",
        {"form": form, "target": current, **_pitch_context(current, text)},
    )


# Onboarding: target -> pitch -> first names -> Today. Each step can be skipped.

WELCOME_STEPS = ("target", "pitch", "names")


def _finish_onboarding(user) -> None:
    if user.onboarded_at is None:
        user.onboarded_at = timezone.now()
        user.save(update_fields=["onboarded_at"])


@login_required
@require_http_methods(["GET", "POST"])
def welcome(request, step: str = "target"):
    if step not in WELCOME_STEPS:
        raise Http404("No such step.")
    user = request.user
    current = get_target(user)
    next_step = {"target": "pitch", "pitch": "names", "names": None}[step]

    def advance():
        if next_step:
            return redirect("network-welcome-step", step=next_step)
        _finish_onboarding(user)
        return redirect("network-today")

    if request.method == "POST" and "skip" in request.POST:
        return advance()
    context = {"step": step, "number": WELCOME_STEPS.index(step) + 1, "steps": WELCOME_STEPS}
    if step == "target":
        form = TargetForm(request.POST or None, target=current)
        if request.method == "POST" and form.is_valid():
            do_save_target(user, form.lists())
            return advance()
        context.update(form=form, completeness=completeness(current))
    elif step == "pitch":
        form = PitchForm(request.POST or None, initial={"pitch": current_pitch(current)})
        if request.method == "POST" and form.is_valid():
            do_save_pitch(user, form.cleaned_data["pitch"])
            return advance()
        context.update(form=form, **_pitch_context(current, current_pitch(current)))
    else:
        rows = [
            QuickAddForm(request.POST or None, prefix=f"n{i}", use_required_attribute=False)
            for i in range(ONBOARDING_NAMES)
        ]
        if request.method == "POST":
            # A row counts when it has a name; the others are left blank on purpose.
            filled = [r for r in rows if r.data.get(r.add_prefix("name"), "").strip()]
            if all(r.is_valid() for r in filled):
                for r in filled:
                    do_quick_add_person(
                        user,
                        name=r.cleaned_data["name"],
                        how_known=r.cleaned_data["how_known"],
                        company_name=r.cleaned_data["company"].strip(),
                    )
                if filled:
                    messages.success(request, f"{len(filled)} added to your list.")
                return advance()
            # Show the blank rows again as typed but unchecked: "required" is not their error.
            rows = [
                r
                if r in filled
                else QuickAddForm(
                    prefix=r.prefix,
                    use_required_attribute=False,
                    initial={
                        "how_known": r.data.get(r.add_prefix("how_known")),
                        "company": r.data.get(r.add_prefix("company"), ""),
                    },
                )
                for r in rows
            ]
        context.update(rows=rows, prompts=PROMPTS)
    return render(request, "network/welcome.html", context)


# The 100 list


def _hundred_context(user, form: QuickAddForm) -> dict:
    counts = dict(
        Person.objects.for_user(user).values_list("how_known").annotate(n=Count("id")).order_by()
    )
    total = sum(counts.values())
    kinds = [
        {"key": key, "label": label, "count": counts.get(key, 0), "prompt": PROMPTS[key]}
        for key, label in HowKnown.choices
    ]
    recent = Person.objects.for_user(user).select_related("company").order_by("-created_at")[:10]
    return {
        "total": total,
        "goal": GOAL,
        "percent": min(100, total * 100 // GOAL),
        "kinds": kinds,
        "form": form,
        "recent": recent,
    }


@login_required
def hundred_list(request):
    # After a quick add without JavaScript, keep the "how you know them" just used.
    how_known = request.GET.get("how_known")
    initial = {"how_known": how_known} if how_known in HowKnown.values else {}
    form = QuickAddForm(initial=initial)
    return render(request, "network/hundred.html", _hundred_context(request.user, form))


@login_required
@require_POST
def quick_add(request):
    form = QuickAddForm(request.POST)
    if form.is_valid():
        person = do_quick_add_person(
            request.user,
            name=form.cleaned_data["name"],
            how_known=form.cleaned_data["how_known"],
            company_name=form.cleaned_data["company"].strip(),
        )
        if not request.htmx:
            messages.success(request, f"{person} is on your list.")
            return redirect(
                f"{reverse('network-hundred')}?how_known={form.cleaned_data['how_known']}"
            )
        # Keep the "how you know them" choice: people are usually listed a group at a time.
        form = QuickAddForm(initial={"how_known": form.cleaned_data["how_known"]})
        context = _hundred_context(request.user, form)
        context["added"] = person
        return render(request, "network/hundred.html#board", context)
    context = _hundred_context(request.user, form)
    template = "network/hundred.html#board" if request.htmx else "network/hundred.html"
    return render(request, template, context, status=200 if request.htmx else 400)


# The outreach composer


def _people_from_request(request) -> list[Person]:
    ids = request.POST.getlist("ids") or request.GET.getlist("ids")
    try:
        ids = [int(i) for i in ids]
    except ValueError:
        raise Http404("No such person.") from None
    people = list(
        Person.objects.for_user(request.user).filter(pk__in=ids).select_related("introduced_by")
    )
    if not people or len(people) != len(set(ids)):
        raise Http404("No such person.")
    return people


def _recipient(person: Person) -> outreach.Recipient:
    introducer = person.introduced_by.full_name if person.introduced_by else ""
    return outreach.Recipient(person.first_name, person.how_known, introducer)


def _values(request, person: Person, target: Target | None) -> dict[str, str]:
    return outreach.placeholder_values(
        _recipient(person), pitch=current_pitch(target), my_name=request.user.signature
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
    findings = askcheck.check(text, first_message=True) if text.strip() else []
    context = {
        "findings": findings,
        "has_job_ask": askcheck.has_job_ask(findings),
        "highlighted": highlight(text, findings),
        "checked": bool(text.strip()),
        "length": len(text),
    }
    if channel == "linkedin" and len(text) > outreach.LINKEDIN_NOTE_LIMIT:
        context["too_long_for_linkedin"] = outreach.LINKEDIN_NOTE_LIMIT
    return context


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


@login_required
@require_http_methods(["GET", "POST"])
def compose(request, pk: int | None = None):
    """Write a request for 15–20 minutes to one person (pk) or several (?ids=…)."""
    people = (
        [get_object_or_404(Person.objects.for_user(request.user), pk=pk)]
        if pk is not None
        else _people_from_request(request)
    )
    single = len(people) == 1
    target = get_target(request.user)
    templates = _templates(request.user)
    chosen = next((t for t in templates if t["key"] == request.GET.get("template")), templates[0])
    # For one person the text is filled in; for several the placeholders stay until recording.
    values = _values(request, people[0], target)
    initial = {
        "channel": chosen["channel"],
        "subject": outreach.fill(chosen["subject"], values) if single else chosen["subject"],
        "body": outreach.fill(chosen["body"], values) if single else chosen["body"],
    }
    form = ComposeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        filled = [(p, outreach.fill(data["body"], _values(request, p, target))) for p in people]
        # Every person's copy and the subject line: a job ask can hide in either.
        asks_for_job = any(
            askcheck.has_job_ask(askcheck.check(text)) for _, text in filled
        ) or askcheck.has_job_ask(askcheck.check(data["subject"], first_message=False))
        if asks_for_job and not data["send_anyway"]:
            form.add_error(
                "body",
                "This message asks for a job. Ask for advice, names and ideas instead — or "
                "tick the box below to record it anyway.",
            )
        else:
            subject_by_person = {
                p.pk: outreach.fill(data["subject"], _values(request, p, target)) for p in people
            }
            summaries = [(p, f"{subject_by_person[p.pk]}\n\n{text}".strip()) for p, text in filled]
            interactions = do_record_outreach(request.user, summaries, channel=data["channel"])
            request.session["last_outreach"] = {
                "ids": [i.pk for i in interactions],
                "send": request.POST.get("send", "copy"),
                "subjects": {
                    str(i.pk): subject_by_person[p.pk]
                    for i, p in zip(interactions, people, strict=True)
                },
            }
            names = ", ".join(str(p) for p in people)
            messages.success(request, f"Recorded your outreach to {names}.")
            return redirect("network-outreach-sent")
    text = form.data.get("body", "") if form.is_bound else initial["body"]
    channel = form.data.get("channel", "") if form.is_bound else initial["channel"]
    preview_text = outreach.fill(text, values)
    comp = completeness(target)
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
            "has_pitch": bool(current_pitch(target)),
            "placeholders": outreach.PLACEHOLDERS,
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
        text = outreach.fill(text, _values(request, person, get_target(request.user)))
    return render(request, "network/compose.html#findings", _check_context(text, channel))


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


# The user's own templates


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
        get_object_or_404(OutreachTemplate.objects.for_user(request.user), pk=pk)
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
    template = get_object_or_404(OutreachTemplate.objects.for_user(request.user), pk=pk)
    if request.method == "POST":
        template.delete()
        messages.success(request, "Template deleted.")
        return redirect("network-templates")
    return render(
        request,
        "network/confirm_delete.html",
        {"obj": template, "cancel_url": reverse("network-templates")},
    )
