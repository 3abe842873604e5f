from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter
from django.urls.converters import get_converters

from hundred.api.urls import api
from hundred.lib.ids import IdConverter

# `<id:pk>` in every app's URLs: an id too large for the database is a 404, not a 500.
# Registered here, before the includes below read the apps' patterns; once (a test reloads it).
if "id" not in get_converters():
    register_converter(IdConverter, "id")

urlpatterns = [
    path("", include("hundred.network.urls")),
    path("", include("hundred.centre.urls")),
    path("insights/", include("hundred.insight.urls")),
    path("transfer/", include("hundred.transfer.urls")),
    path("accounts/", include("hundred.accounts.urls")),
    path("mail/", include("hundred.mail.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

# Single sign-on (docs/sso.md): mozilla-django-oidc's routes, only when it is configured.
if settings.SSO_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
