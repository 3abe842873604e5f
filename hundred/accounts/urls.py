from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.views.generic import TemplateView

from hundred.accounts import views
from hundred.accounts.forms import LoginForm, PasswordResetForm

urlpatterns = [
    path("signup/", views.signup, name="accounts-signup"),
    path(
        "signup/sent/",
        TemplateView.as_view(template_name="accounts/signup_sent.html"),
        name="accounts-signup-sent",
    ),
    path("confirm/<str:token>/", views.confirm, name="accounts-confirm"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="accounts-login",
    ),
    path("logout/", views.logout, name="accounts-logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts-password-change-done"),
        ),
        name="accounts-password-change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="accounts-password-change-done",
    ),
    path(
        "password/reset/",
        views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=PasswordResetForm,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts-password-reset-sent"),
        ),
        name="accounts-password-reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="accounts-password-reset-sent",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts-password-reset-complete"),
        ),
        name="accounts-password-reset-confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="accounts-password-reset-complete",
    ),
    path("settings/", views.account_settings, name="accounts-settings"),
    path("settings/tokens/", views.create_api_token, name="accounts-create-token"),
    path("settings/tokens/<id:pk>/revoke/", views.revoke_api_token, name="accounts-revoke-token"),
]
