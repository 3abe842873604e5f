"""What the Insights app stores: each account's page as last computed (kept.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class KeptPage(models.Model):
    """An account's Insights page, computed for one data stamp, good until a moment of the clock.

    Derived data, never the only copy of anything: it is not in the backup, and a row that does
    not match the account's stamp and clock is computed again. Either body may be missing: the
    account's own is computed when the account looks, the read-only copy when a coach does.
    The field is `account`, not `owner`, on purpose: saving a row with an owner gives the
    account a new data stamp (accounts/apps.py), which would make every kept page stale the
    moment it is kept.
    """

    account = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    stamp = models.BigIntegerField()  # the account's data stamp the page was computed for
    # The code that drew it (kept.CODE): a page kept by an older Hundred is drawn again.
    code = models.CharField(max_length=16, default="")
    valid_until = models.DateTimeField()  # when the figures may change with no write (metrics.py)
    body = models.BinaryField(null=True)  # the page's HTML, zlib-compressed
    # A coach's read-only copy (centre/views/coach.py), kept for the same stamp and moment.
    read_only_body = models.BinaryField(null=True)
    # The last day the account looked at its page; null while only a coach has.
    viewed_on = models.DateField(null=True)

    def __str__(self) -> str:
        return f"Insights of account {self.account_id}"
