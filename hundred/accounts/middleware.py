from django.utils import timezone


class UserTimezoneMiddleware:
    """Shows every date and time in the signed-in account's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            timezone.activate(request.user.tzinfo)
        else:
            timezone.deactivate()
        return self.get_response(request)
