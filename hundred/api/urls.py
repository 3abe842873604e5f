"""The API's routers gathered on one NinjaAPI, mounted at /api/v1/ by hundred/urls.py."""

from hundred.api import companies, followups, imports, insights, meetings, misc, people
from hundred.api.core import api

for module in (people, companies, followups, meetings, misc, insights, imports):
    api.add_router("", module.router)
