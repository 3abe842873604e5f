from django.urls import path

from hundred.centre.views import coach, coaching

urlpatterns = [
    path("coaching/", coaching.coaching, name="coaching"),
    path("coach/", coach.dashboard, name="coach-dashboard"),
    path("coach/report.csv", coach.report, name="coach-report"),
    path("coach/clients/<int:client_id>/", coach.client_today, name="coach-client-today"),
    path(
        "coach/clients/<int:client_id>/insights/",
        coach.client_insights,
        name="coach-client-insights",
    ),
    path(
        "coach/clients/<int:client_id>/hundred/", coach.client_hundred, name="coach-client-hundred"
    ),
    path("coach/clients/<int:client_id>/people/", coach.client_people, name="coach-client-people"),
    path("coach/clients/<int:client_id>/note/", coach.client_note, name="coach-client-note"),
]
