from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from hundred.network.models import Person


@login_required
def insights(request):
    return render(
        request,
        "insight/insights.html",
        {"people_count": Person.objects.for_user(request.user).count()},
    )
