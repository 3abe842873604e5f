from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hundred.accounts.forms import AccountSettingsForm, SignUpForm
from hundred.accounts.models import User


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("network-today")
    if not User.objects.signup_allowed():
        return render(request, "accounts/signup_closed.html", status=403)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = User.objects.create_user(
            form.cleaned_data["email"],
            form.cleaned_data["password"],
            time_zone=form.cleaned_data["time_zone"],
            name=form.cleaned_data["name"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        # A new account starts with its target, its pitch and its first names.
        return redirect("network-welcome")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("accounts-settings")
    return render(request, "accounts/settings.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, with links in the mail built on SITE_URL when it is set."""

    def form_valid(self, form):
        if settings.SITE_URL:
            scheme, _, domain = settings.SITE_URL.partition("://")
            self.extra_email_context = {"protocol": scheme, "domain": domain}
        return super().form_valid(form)
