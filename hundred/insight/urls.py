from django.urls import path

from hundred.insight import views

urlpatterns = [path("", views.insights, name="insight-insights")]
