"""The career centre's pages, included at the site's root (hundred/urls.py).

SHARED between the centre's parts; keep each part's routes in its own block:
- centre admin (views/admin.py, views/invitations.py, views/signup.py): /centre/, the
  invitations and their links, the open centre's join page;
- coaching and the coach's dashboard (/coaching/, /coach/...): their own block below.
"""

from django.urls import path

from hundred.centre.views import admin, coach, coaching, invitations, signup

urlpatterns = [
    # Centre admin: members, roles, sign-up mode (docs/centre.md).
    path("centre/", admin.centre_home, name="centre-home"),
    path("centre/members/role/", admin.change_role, name="centre-change-role"),
    path("centre/members/remove/", admin.remove_member, name="centre-remove-member"),
    # Invitations: sent by an admin or a coach; the secret in the link is the key to accept.
    path("centre/invite/", invitations.invite, name="centre-invite"),
    path("centre/invite/revoke/", invitations.revoke_invitation, name="centre-invite-revoke"),
    path("invite/<str:secret>/", invitations.accept, name="invite-accept"),
    # A centre in open mode: its public join link.
    path("join/<id:org_id>-<slug:slug>/", signup.join, name="centre-join"),
    # Coaching: the seeker's grants, the coach's dashboard and read-only client pages
    # (docs/coaching.md).
    path("coaching/", coaching.coaching, name="coaching"),
    path("coach/", coach.dashboard, name="coach-dashboard"),
    path("coach/report.csv", coach.report, name="coach-report"),
    path("coach/clients/<id:client_id>/", coach.client_today, name="coach-client-today"),
    path(
        "coach/clients/<id:client_id>/insights/",
        coach.client_insights,
        name="coach-client-insights",
    ),
    path(
        "coach/clients/<id:client_id>/hundred/", coach.client_hundred, name="coach-client-hundred"
    ),
    path("coach/clients/<id:client_id>/people/", coach.client_people, name="coach-client-people"),
    path("coach/clients/<id:client_id>/note/", coach.client_note, name="coach-client-note"),
]
