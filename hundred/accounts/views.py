from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from hundred.accounts import lockout, throttle
from hundred.accounts.clients import client_ip
from hundred.accounts.forms import AccountSettingsForm, ApiTokenForm, SignUpForm
from hundred.accounts.models import ApiToken, SetupToken, User
from hundred.accounts.oidc import REFUSAL_ATTRIBUTE, provider_logout_url
from hundred.accounts.signup import (
    centre_for_address,
    do_confirm,
    do_create_first_account,
    do_sign_up,
    waiting_user,
)
from hundred.accounts.site import absolute_url

# Sign-up is open here only for a centre's domains (REGISTRATION_OPEN is off): whether this
# address has an account or which centres exist is not said.
DOMAINS_ONLY = (
    "Sign-up on this server is for addresses at a career centre's e-mail domains. Use your "
    "centre's address, or ask your centre for an invitation."
)


@require_POST
def logout(request):
    """Log out, and ask the browser to forget what this site kept on the device: the installed
    app's offline copy of Today and its files (Clear-Site-Data; app.js forgets the copy too).

    A session signed in by the provider goes on to the provider's logout, so that on a shared
    computer the next person's "Sign in with …" does not find the last person still signed in
    there (docs/sso.md)."""
    id_token = request.session.get("oidc_id_token")  # the session is flushed below
    response = auth_views.LogoutView.as_view()(request)
    back_to = absolute_url(request, reverse("accounts-login"))
    ending = provider_logout_url(id_token, back_to)
    if ending:
        response = redirect(ending)
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


def throttled(request, refusal: throttle.Refusal):
    response = render(request, "accounts/throttled.html", {"refusal": refusal}, status=429)
    response["Retry-After"] = str(refusal.retry_after_seconds)
    return response


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("network-today")
    if not User.objects.signup_allowed():
        return render(request, "accounts/signup_closed.html", status=403)
    first = not User.objects.exists()
    if request.method == "POST":
        limit = settings.SIGNUP_LIMIT_PER_HOUR
        refusal = throttle.limit_client("signup", client_ip(request), limit)
        if refusal:
            return throttled(request, refusal)
    needs_token = first and SetupToken.objects.exists()
    form = SignUpForm(request.POST or None, needs_token=needs_token)
    if request.method == "POST" and form.is_valid():
        if first:
            user = do_create_first_account(form.cleaned_data)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            # A new account starts with its target, its pitch and its first names.
            return redirect("network-welcome")
        centre = centre_for_address(form.cleaned_data["email"])
        if centre is None and not settings.REGISTRATION_OPEN:
            form.add_error("email", DOMAINS_ONLY)
        else:
            refusal = throttle.limit_mail(form.cleaned_data["email"])
            if refusal:
                return throttled(request, refusal)
            do_sign_up(form.cleaned_data, lambda path: absolute_url(request, path), centre)
            return redirect("accounts-signup-sent")
    domains_only = not first and not settings.REGISTRATION_OPEN
    context = {"form": form, "needs_token": needs_token, "domains_only": domains_only}
    return render(request, "accounts/signup.html", context)


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """The link mailed at sign-up: a button (mail scanners open links; only a person posts)."""
    user = waiting_user(token)
    if request.method == "POST" and user is not None:
        do_confirm(user)
        messages.success(request, "Your address is confirmed. Log in with your password.")
        # Then, as after the first sign-up, the first-run steps: target, pitch, names.
        return redirect(f"{reverse('accounts-login')}?next={reverse('network-welcome')}")
    context = {"waiting": user, "days": settings.SIGNUP_CONFIRM_DAYS}
    return render(request, "accounts/confirm.html", context, status=200 if user else 400)


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("accounts-settings")
    return _render_settings(request, form=form)


def _render_settings(request, *, form=None, token_form=None, new_secret="", status=200):
    return render(
        request,
        "accounts/settings.html",
        {
            "form": form or AccountSettingsForm(instance=request.user),
            "token_form": token_form or ApiTokenForm(),
            "tokens": ApiToken.objects.for_user(request.user),
            "new_secret": new_secret,
        },
        status=status,
    )


@login_required
@require_POST
def create_api_token(request):
    """A new API token, its secret shown on this one page and never again."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _render_settings(request, token_form=form, status=400)
    token, secret = ApiToken.objects.issue(
        request.user, form.cleaned_data["name"].strip(), write=form.cleaned_data["write"]
    )
    messages.success(request, f"Token “{token.name}” created: copy it now, it is shown once.")
    return _render_settings(request, new_secret=secret)


@login_required
@require_POST
def revoke_api_token(request, pk: int):
    token = get_object_or_404(ApiToken.objects.for_user(request.user), pk=pk)
    token.revoke()
    messages.success(request, f"Token “{token.name}” revoked: it no longer opens the API.")
    return redirect("accounts-settings")


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, limited per client and per address, with links on SITE_URL."""

    def form_valid(self, form):
        limit = settings.PASSWORD_RESET_LIMIT_PER_HOUR
        refusal = throttle.limit_client("reset", client_ip(self.request), limit)
        refusal = refusal or throttle.limit_mail(form.cleaned_data["email"])
        if refusal:
            return throttled(self.request, refusal)
        if settings.SITE_URL:
            scheme, _, domain = settings.SITE_URL.partition("://")
            self.extra_email_context = {"protocol": scheme, "domain": domain}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's, and a new password also ends a log-in lockout on the account."""

    def form_valid(self, form):
        response = super().form_valid(form)
        lockout.unlock(form.user.email)
        return response


class SSOCallbackView(OIDCAuthenticationCallbackView):
    """Where the OpenID Connect provider sends the browser back (/oidc/callback/): a refusal
    is shown on the log-in page as a sentence, never a bare redirect (docs/sso.md)."""

    def login_failure(self):
        reason = getattr(self.request, REFUSAL_ATTRIBUTE, None) or (
            f"Signing in with {settings.OIDC_PROVIDER_NAME} did not work. Try again, or log in "
            "with your password."
        )
        messages.error(self.request, reason)
        return redirect("accounts-login")
