"""Imports: a file in, a preview of what it would do, then the same file confirmed.

The API keeps no upload between the two: the preview (`confirm` false, the default) runs the
import and rolls it back, as `hundred import --dry-run` does; sending the file again with
`confirm` true writes it. Both go through the web's and the CLI's parse and `do_import`.
"""

from __future__ import annotations

from typing import Literal

from django.conf import settings
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from hundred.api.core import PROBLEMS, ApiProblem, Problem
from hundred.transfer.formats.dispatch import UnsupportedFile, parse
from hundred.transfer.loader import do_import
from hundred.transfer.tasks import after_import

router = Router(tags=["imports"])

Kind = Literal["linkedin", "google", "outlook", "vcard", "csv"]


class ImportOut(Schema):
    kind: str
    filename: str
    is_dry_run: bool
    created: int
    updated: int
    unchanged: int
    companies_created: int
    interactions_created: int
    skipped: int
    skipped_rows: list[dict]
    warnings: list[dict]
    new_examples: list[str]
    merged_examples: list[str]
    run_id: int | None


@router.post("/imports/", response={200: ImportOut, PROBLEMS: Problem}, url_name="imports")
def import_file(
    request,
    kind: Form[Kind],
    file: File[UploadedFile],
    confirm: Form[bool] = False,
):
    """Import an export (multipart: `kind`, `file`, `confirm`); without `confirm`, a preview
    that changes nothing. `csv` guesses its columns, as `hundred import csv` does."""
    data = file.read()
    name = (file.name or "")[:255]
    try:
        result = parse(kind, data, filename=name, default_region=settings.DEFAULT_PHONE_REGION)
    except UnsupportedFile as e:
        raise ApiProblem(
            422, "Invalid request", str(e), errors=[{"field": "file", "detail": str(e)}]
        ) from e
    report = do_import(request.user, result, dry_run=not confirm, filename=name)
    after_import(request.user, report)
    return Status(200, {**report.as_dict(), "skipped": report.skipped})
