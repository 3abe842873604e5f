from django.urls import path

from hundred.transfer import views

urlpatterns = [path("", views.index, name="transfer-index")]
