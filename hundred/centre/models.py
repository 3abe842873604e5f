"""Consent between a job seeker and a coach: grants, the log of every view, the coach's notes.

A coach reads a client's data only through an active grant the client made; nothing here is
visible by default, and a revocation takes effect on the next request.
"""

from contextlib import nullcontext

from django.conf import settings
from django.db import connections, models, router, transaction
from django.db.models import Q
from django.utils import timezone


class CoachGrantQuerySet(models.QuerySet):
    def active(self) -> "CoachGrantQuerySet":
        return self.filter(revoked_at__isnull=True)

    def for_coach(self, coach) -> "CoachGrantQuerySet":
        return self.active().filter(coach=coach)

    def for_seeker(self, seeker) -> "CoachGrantQuerySet":
        return self.filter(seeker=seeker)


class CoachGrant(models.Model):
    """A job seeker's read-only grant to one named coach, until revoked."""

    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_grants"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_grants"
    )
    with_notes = models.BooleanField(
        "include notes and message texts",
        default=False,
        help_text="Without it the coach sees figures, names and dates, not what you wrote.",
    )
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = CoachGrantQuerySet.as_manager()

    class Meta:
        ordering = ["-granted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["seeker", "coach"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_grant_per_coach",
            )
        ]

    def __str__(self) -> str:
        return f"{self.seeker} → {self.coach}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class CoachViewManager(models.Manager):
    # Rows a statement: 4 parameters each, well under SQLite's and PostgreSQL's limits.
    BATCH = 500

    def log(self, coach_id: int, seeker_ids, page: str) -> None:
        """One row for each client in `seeker_ids` that `coach_id` saw on `page`, all at this
        moment: what `bulk_create` of as many CoachView instances writes, in one INSERT of
        plain values (the dashboard logs 40–50 clients a view; building and reading back 50
        model instances was a quarter of its CPU). Like bulk_create, it sends no signals."""
        ids = list(seeker_ids)
        if not ids:
            return
        model = self.model
        connection = connections[router.db_for_write(model)]
        meta, qn = model._meta, connection.ops.quote_name
        columns = ", ".join(
            qn(meta.get_field(name).column) for name in ("seeker", "coach", "page", "viewed_at")
        )
        at = connection.ops.adapt_datetimefield_value(timezone.now())
        # Several statements in one transaction, as bulk_create's batches are: all or none.
        several = len(ids) > self.BATCH
        with (
            transaction.atomic(using=connection.alias, savepoint=False)
            if several
            else nullcontext(),
            connection.cursor() as cursor,
        ):
            for start in range(0, len(ids), self.BATCH):
                batch = ids[start : start + self.BATCH]
                values = ", ".join(["(%s, %s, %s, %s)"] * len(batch))
                params = [p for seeker in batch for p in (seeker, coach_id, page, at)]
                cursor.execute(
                    f"INSERT INTO {qn(meta.db_table)} ({columns}) VALUES {values}", params
                )


class CoachView(models.Model):
    """One page a coach opened about a client: the client sees every one (who, when, which)."""

    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_views"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_views"
    )
    page = models.CharField(max_length=100)
    viewed_at = models.DateTimeField(default=timezone.now)

    objects = CoachViewManager()

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["seeker", "-viewed_at"], name="coachview_seeker_recent")]

    def __str__(self) -> str:
        return f"{self.coach} viewed {self.page}"


class CoachNote(models.Model):
    """A coach's private note about one client: the client does not see it."""

    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach_notes"
    )
    seeker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notes_by_coaches"
    )
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["coach", "seeker"], name="one_note_per_coach_client")
        ]

    def __str__(self) -> str:
        return f"{self.coach} on {self.seeker}"


class ClientFigures(models.Model):
    """A client's dashboard figures as last computed, kept while they still hold: until the
    client's data changes (their data stamp) or time moves them (`valid_until`: the client's
    next midnight, or the start of their next meeting, whichever comes first). A coach's
    dashboard then recomputes only the clients whose figures moved (centre/dashboard.py)."""

    seeker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_figures"
    )
    stamp = models.BigIntegerField()
    valid_until = models.DateTimeField()
    figures = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"figures of {self.seeker}"
