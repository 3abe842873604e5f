from django.urls import path

from hundred.network import views, views_followups, views_outreach

urlpatterns = [
    path("", views.today, name="network-today"),
    path("people/", views.people, name="network-people"),
    path("people/add/", views.add_person, name="network-add-person"),
    path("people/introducers/", views.introducers, name="network-introducers"),
    path("people/company-names/", views.company_names, name="network-company-names"),
    path("people/<int:pk>/", views.person, name="network-person"),
    path("people/<int:pk>/edit/", views.edit_person, name="network-edit-person"),
    path("people/<int:pk>/delete/", views.delete_person, name="network-delete-person"),
    path("people/<int:pk>/log/", views.log_interaction, name="network-log-interaction"),
    path("companies/", views.companies, name="network-companies"),
    path("companies/add/", views.add_company, name="network-add-company"),
    path("companies/<int:pk>/", views.company, name="network-company"),
    path("companies/<int:pk>/edit/", views.edit_company, name="network-edit-company"),
    path("companies/<int:pk>/delete/", views.delete_company, name="network-delete-company"),
    path("people/<int:pk>/compose/", views_outreach.compose, name="network-compose-person"),
    path("people/compose/", views_outreach.compose, name="network-compose"),
    path("outreach/check/", views_outreach.check_text, name="network-check-ask"),
    path("outreach/sent/", views_outreach.outreach_sent, name="network-outreach-sent"),
    path("outreach/templates/", views_outreach.templates, name="network-templates"),
    path("outreach/templates/add/", views_outreach.edit_template, name="network-add-template"),
    path(
        "outreach/templates/<int:pk>/edit/",
        views_outreach.edit_template,
        name="network-edit-template",
    ),
    path(
        "outreach/templates/<int:pk>/delete/",
        views_outreach.delete_template,
        name="network-delete-template",
    ),
    path("target/", views_outreach.target, name="network-target"),
    path("target/pitch/", views_outreach.pitch, name="network-pitch"),
    path("welcome/", views_outreach.welcome, name="network-welcome"),
    path("welcome/<str:step>/", views_outreach.welcome, name="network-welcome-step"),
    path("hundred/", views_outreach.hundred_list, name="network-hundred"),
    path("hundred/add/", views_outreach.quick_add, name="network-quick-add"),
    path(
        "settings/follow-ups/",
        views_followups.followup_settings,
        name="network-followup-settings",
    ),
    path(
        "people/<int:pk>/follow-up/",
        views_followups.schedule_followup,
        name="network-schedule-followup",
    ),
    path("follow-ups/<int:pk>/done/", views_followups.followup_done, name="network-followup-done"),
    path(
        "follow-ups/<int:pk>/snooze/",
        views_followups.followup_snooze,
        name="network-followup-snooze",
    ),
    path("follow-ups/<int:pk>/skip/", views_followups.followup_skip, name="network-followup-skip"),
    path(
        "follow-ups/<int:pk>/reschedule/",
        views_followups.followup_reschedule,
        name="network-followup-reschedule",
    ),
    path(
        "people/<int:pk>/meet/", views_followups.schedule_meeting, name="network-schedule-meeting"
    ),
    path("meetings/<int:pk>/", views_followups.meeting_prep, name="network-meeting-prep"),
    path(
        "meetings/<int:pk>/debrief/",
        views_followups.meeting_debrief,
        name="network-meeting-debrief",
    ),
    path("people/<int:pk>/favours/", views_followups.add_favour, name="network-add-favour"),
    path("favours/<int:pk>/done/", views_followups.favour_done, name="network-favour-done"),
    path("give-back/", views_followups.give_back, name="network-give-back"),
]
