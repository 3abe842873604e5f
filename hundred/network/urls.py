from django.urls import path

from hundred.network import views

urlpatterns = [
    path("", views.today, name="network-today"),
    path("people/", views.people, name="network-people"),
    path("people/add/", views.add_person, name="network-add-person"),
    path("people/<int:pk>/", views.person, name="network-person"),
    path("people/<int:pk>/edit/", views.edit_person, name="network-edit-person"),
    path("people/<int:pk>/delete/", views.delete_person, name="network-delete-person"),
    path("people/<int:pk>/log/", views.log_interaction, name="network-log-interaction"),
    path("companies/", views.companies, name="network-companies"),
    path("companies/add/", views.add_company, name="network-add-company"),
    path("companies/<int:pk>/", views.company, name="network-company"),
    path("companies/<int:pk>/edit/", views.edit_company, name="network-edit-company"),
    path("companies/<int:pk>/delete/", views.delete_company, name="network-delete-company"),
]
