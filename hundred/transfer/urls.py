from django.urls import path

from hundred.transfer import views

urlpatterns = [
    path("", views.index, name="transfer-index"),
    path("upload/", views.upload, name="transfer-upload"),
    path("upload/<str:token>/columns/", views.map_columns, name="transfer-map"),
    path("upload/<str:token>/preview/", views.preview, name="transfer-preview"),
    path("upload/<str:token>/confirm/", views.confirm, name="transfer-confirm"),
    path("imports/<int:pk>/", views.run, name="transfer-run"),
    path("duplicates/", views.duplicates, name="transfer-duplicates"),
    path("duplicates/merge/", views.merge, name="transfer-merge"),
    path("duplicates/dismiss/", views.dismiss, name="transfer-dismiss"),
    path("export/<str:kind>/", views.export, name="transfer-export"),
    path("feed/rotate/", views.rotate_feed, name="transfer-rotate-feed"),
    path("feed/<str:token>.ics", views.feed, name="transfer-feed"),
]
