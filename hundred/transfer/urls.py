from django.urls import path

from hundred.transfer.views import duplicates, exports, feed, history, imports, mailupload

urlpatterns = [
    path("", imports.index, name="transfer-index"),
    path("upload/", imports.upload, name="transfer-upload"),
    path("upload/<str:token>/columns/", imports.map_columns, name="transfer-map"),
    path("upload/<str:token>/preview/", imports.preview, name="transfer-preview"),
    path("upload/<str:token>/confirm/", imports.confirm, name="transfer-confirm"),
    path("imports/<id:pk>/", imports.run, name="transfer-run"),
    path("mail/", mailupload.upload_mail, name="transfer-upload-mail"),
    path("imports/<id:pk>/target/", history.accept_target, name="transfer-accept-target"),
    path("imports/<id:pk>/colleagues/", history.mark_colleagues, name="transfer-colleagues"),
    path("duplicates/", duplicates.duplicates, name="transfer-duplicates"),
    path("duplicates/merge/", duplicates.merge, name="transfer-merge"),
    path("duplicates/dismiss/", duplicates.dismiss, name="transfer-dismiss"),
    path("export/<str:kind>/", exports.export, name="transfer-export"),
    path("feed/rotate/", feed.rotate_feed, name="transfer-rotate-feed"),
    path("feed/<str:token>.ics", feed.feed, name="transfer-feed"),
]
