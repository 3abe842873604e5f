"""The centre admin's pages at /centre/: members, their roles, and who may join.

Only a centre admin of a centre opens them; anyone else gets 404. An admin manages people and
sees none of their data: the members table shows e-mail, name, role, joined and last log-in.
Which member a form acts on comes in the form (never the URL) and must be of the admin's centre.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hundred.accounts.models import Organisation, Role, SignupMode, User
from hundred.centre.actions.admin import LastAdmin, do_change_role, do_remove_member
from hundred.centre.actions.invitations import pending
from hundred.centre.forms.admin import MemberForm, RoleForm, SignupModeForm
from hundred.centre.views.signup import join_path

MEMBERS_PER_PAGE = 100


def admin_centre(request) -> Organisation:
    """The signed-in admin's centre; 404 for anyone who is not a centre admin of one."""
    user = request.user
    if not user.is_centre_admin or user.organisation_id is None:
        raise Http404
    return user.organisation


def _member(organisation: Organisation, form: MemberForm) -> User:
    """The member a valid form names, if they are in `organisation`; else 404."""
    if not form.is_valid():
        raise Http404
    members = User.objects.filter(organisation=organisation)
    return get_object_or_404(members, pk=form.cleaned_data["member"])


@login_required
@require_http_methods(["GET", "POST"])
def centre_home(request):
    organisation = admin_centre(request)
    form = SignupModeForm(request.POST or None, instance=organisation)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Sign-up settings saved.")
            return redirect("centre-home")
        organisation.refresh_from_db()  # the page shows what is saved beside what was typed
    return _render_home(request, organisation, form, status=400 if form.errors else 200)


def _render_home(request, organisation: Organisation, form: SignupModeForm, status: int = 200):
    query = request.GET.get("q", "").strip()
    members = User.objects.filter(organisation=organisation).only(
        "email", "name", "role", "date_joined", "last_login"
    )
    if query:
        members = members.filter(Q(email__icontains=query) | Q(name__icontains=query))
    page = Paginator(members.order_by("email"), MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "organisation": organisation,
        "form": form,
        "page": page,
        "query": query,
        "roles": Role.choices,
        "counts": {
            label: User.objects.filter(organisation=organisation, role=value).count()
            for value, label in Role.choices
        },
        "pending_count": pending(organisation).count(),
        "join_path": join_path(organisation) if organisation.signup_mode == SignupMode.OPEN else "",
    }
    return render(request, "centre/admin_home.html", context, status=status)


@login_required
@require_POST
def change_role(request):
    organisation = admin_centre(request)
    form = RoleForm(request.POST)
    member = _member(organisation, MemberForm(request.POST))
    if not form.is_valid():
        messages.error(request, "Choose a job seeker, a coach or a centre admin.")
        return redirect("centre-home")
    role = form.cleaned_data["role"]
    try:
        do_change_role(member, role)
    except LastAdmin as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"{member.email} is now a {Role(role).label}.")
    return redirect("centre-home")


@login_required
@require_POST
def remove_member(request):
    organisation = admin_centre(request)
    member = _member(organisation, MemberForm(request.POST))
    try:
        do_remove_member(member)
    except LastAdmin as e:
        messages.error(request, str(e))
    else:
        messages.success(
            request,
            f"{member.email} is no longer in {organisation.name}; the account and its data "
            "stay theirs.",
        )
    return redirect("centre-home")
