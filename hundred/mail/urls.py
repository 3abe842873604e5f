from django.urls import path

from hundred.mail import views

urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="mail-unsubscribe"),
]
