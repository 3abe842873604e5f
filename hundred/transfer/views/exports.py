"""Downloads: the JSON backup, CSV, vCards and iCalendar."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from hundred.transfer import calendar, exports
from hundred.transfer.backup import dumps_backup, export_backup

_DOWNLOADS = {
    "json": ("application/json", "hundred-backup.json"),
    "csv": ("text/csv; charset=utf-8", "hundred-people.csv"),
    "vcard": ("text/vcard; charset=utf-8", "hundred-people.vcf"),
    "ics": ("text/calendar; charset=utf-8", "hundred.ics"),
}


@login_required
@require_GET
def export(request, kind: str):
    if kind not in _DOWNLOADS:
        raise Http404
    user = request.user
    content_type, filename = _DOWNLOADS[kind]
    if kind == "json":
        feed_token = request.GET.get("feed") == "1"
        body: str | bytes = dumps_backup(export_backup(user, feed_token=feed_token))
    elif kind == "csv":
        bom = request.GET.get("bom") == "1"
        body = exports.export_csv(user, bom=bom)
        if bom:  # two downloads, two names: the Excel copy does not overwrite the other
            filename = "hundred-people-excel.csv"
    elif kind == "vcard":
        version = "3.0" if request.GET.get("version") == "3.0" else "4.0"
        body = exports.export_vcards(user, version=version)
        if version == "3.0":
            filename = "hundred-people-vcard3.vcf"
    else:
        body = calendar.export_ics(user)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
