from django.conf import settings

from hundred import __version__


def instance(request) -> dict:
    from hundred.accounts.models import User

    return {
        "hundred_version": __version__,
        "registration_open": settings.REGISTRATION_OPEN,
        # A callable: the template asks (one query) only on pages that show the sign-up link.
        "signup_allowed": User.objects.signup_allowed,
        # The log-in page's "Sign in with …" button: empty when single sign-on is off.
        "sso_provider": settings.OIDC_PROVIDER_NAME if settings.SSO_ENABLED else "",
    }
