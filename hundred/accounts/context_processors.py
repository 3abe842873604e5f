from django.conf import settings

from hundred import __version__


def instance(request) -> dict:
    return {"hundred_version": __version__, "registration_open": settings.REGISTRATION_OPEN}
