from django.urls import path

from hundred.mail import views

urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="mail-unsubscribe"),
    path("logging-address/", views.logging_address, name="mail-logging"),
]
