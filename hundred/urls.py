from django.contrib import admin
from django.urls import include, path

from hundred.api.urls import api

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
