"""Accounts: one per job seeker, identified by e-mail address."""

import hashlib
import operator
import secrets
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import connections, models, router, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac


def new_data_stamp() -> int:
    """A fresh value of User.data_stamp: random, so no two states of any account share one."""
    return secrets.randbits(62)


def mark_data_changed(user_id: int | None) -> None:
    """Give the account a new data stamp: whatever was cached for its old data is not shown.

    `User.objects.filter(pk=…).update(data_stamp=…)` as one plain UPDATE: every write runs
    this (a logged interaction three times), and compiling the queryset was most of its CPU.
    """
    if user_id is not None:
        connection = connections[router.db_for_write(User)]
        qn, meta = connection.ops.quote_name, User._meta
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {qn(meta.db_table)} SET {qn(meta.get_field('data_stamp').column)} = %s"
                f" WHERE {qn(meta.pk.column)} = %s",
                [new_data_stamp(), operator.index(user_id)],
            )


def mark_owner_changed(instance, **kwargs) -> None:
    """post_save, post_delete and m2m_changed of any row with an owner: a new data stamp for
    the owner (connected in apps.py)."""
    if not kwargs.get("raw") and kwargs.get("action", "post_").startswith("post_"):
        mark_data_changed(getattr(instance, "owner_id", None))


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class UserManager(BaseUserManager):
    def signup_allowed(self) -> bool:
        """The first account can always be made from the web; later ones if the instance allows,
        or for addresses at a centre's allowed domains (accounts/signup.py)."""
        if settings.REGISTRATION_OPEN or not self.exists():
            return True
        by_domain = Organisation.objects.filter(signup_mode=SignupMode.DOMAINS)
        return by_domain.exclude(allowed_domains="").exists()

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An account needs an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, email: str) -> "User":
        # E-mail addresses are stored lower-cased; log-in should not care how they are typed.
        return self.get(email__iexact=email)


class Role(models.TextChoices):
    """What an account is at a career centre: most are job seekers; a laptop has only those."""

    SEEKER = "seeker", "job seeker"
    COACH = "coach", "coach"
    ADMIN = "admin", "centre admin"


class SignupMode(models.TextChoices):
    OPEN = "open", "open: anyone may join"
    INVITE = "invite", "invite-only"
    DOMAINS = "domains", "addresses at the allowed e-mail domains"


class Organisation(models.Model):
    """A career centre. An instance holds none (one person on a laptop), one or several."""

    name = models.CharField(max_length=150, unique=True)
    signup_mode = models.CharField(
        "who may join", max_length=10, choices=SignupMode.choices, default=SignupMode.INVITE
    )
    allowed_domains = models.TextField(
        "allowed e-mail domains",
        blank=True,
        help_text="One a line, such as example.edu; used when joining is by domain.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def domains(self) -> list[str]:
        return [
            line.strip().lstrip("@").lower()
            for line in self.allowed_domains.splitlines()
            if line.strip()
        ]


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("e-mail address", unique=True)
    name = models.CharField(
        "your name", max_length=150, blank=True, help_text="Used to sign your outreach messages."
    )
    time_zone = models.CharField(max_length=64, default="UTC", choices=time_zone_choices)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Accounts made by staff, the command line or the first sign-up have no address to confirm;
    # open sign-up makes them with None.
    email_confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        default=timezone.now,
        help_text="When the link mailed at sign-up was opened; empty while it waits (the "
        "account is inactive until then).",
    )
    onboarded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the first-run steps (target, pitch, names) ended."
    )
    # Mail from the background worker (hundred/mail/): opt-in, at the account's local time.
    digest_enabled = models.BooleanField(
        "mail me a morning digest",
        default=False,
        help_text="Follow-ups due, today's meetings, thank-yous and favours — only on days "
        "with something to do.",
    )
    digest_hour = models.PositiveSmallIntegerField(
        "at (hour, your time)",
        default=7,
        choices=[(h, f"{h:02d}:00") for h in range(24)],
    )
    calendar_alarm_minutes = models.PositiveSmallIntegerField(
        "calendar reminders",
        default=0,
        choices=[
            (0, "none"),
            (10, "10 minutes before a meeting"),
            (30, "30 minutes before a meeting"),
            (60, "an hour before a meeting"),
            (120, "two hours before a meeting"),
        ],
        help_text="Alarms in the calendar feed and download: before each meeting, and at 9:00 "
        "on the day a follow-up is due.",
    )
    weekly_review_enabled = models.BooleanField(
        "mail me a weekly review on Mondays",
        default=False,
        help_text="Last week's asks, meetings, names and replies.",
    )
    # Changes whenever the account's data may have changed: a web request that can write (any
    # method but GET, HEAD, OPTIONS), a save or delete of a row it owns, a command run for it.
    # Insights keeps its page for the same stamp (insight/views.py).
    data_stamp = models.BigIntegerField(default=new_data_stamp, editable=False)
    # The career-centre edition (hundred/centre/): a coach sees only clients who granted it; a
    # centre admin manages members and sees no client data. Without a centre, a job seeker.
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.SEEKER)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name="centre",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.email

    def mark_data_changed(self) -> None:
        mark_data_changed(self.pk)

    @property
    def is_coach(self) -> bool:
        return self.role == Role.COACH

    @property
    def is_centre_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def signature(self) -> str:
        return self.name or self.email.split("@")[0]

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_awaiting_confirmation(self) -> bool:
        return self.email_confirmed_at is None and not self.is_active

    @property
    def offline_key(self) -> str:
        """Which account a kept offline copy of Today belongs to (docs/security.md): the
        installed app forgets the copy on any page of another account or of nobody."""
        return salted_hmac("hundred.offline-today", str(self.pk)).hexdigest()[:20]

    def local_today(self):
        """Today's date in the account's time zone."""
        return timezone.localdate(timezone.now(), self.tzinfo)


class ThrottleQuerySet(models.QuerySet):
    def hit(self, key: str, window_start, period: timedelta) -> int:
        """Count one more in `key`'s window; returns the new count.

        The increment is one UPDATE, atomic on SQLite and PostgreSQL alike, so parallel
        requests cannot read the same count and all slip under the limit.
        """
        with transaction.atomic():
            self.filter(ends_at__lt=timezone.now()).delete()
            row, _ = self.get_or_create(
                key=key, window_start=window_start, defaults={"ends_at": window_start + period}
            )
            self.filter(pk=row.pk).update(count=F("count") + 1)
            return self.filter(pk=row.pk).values_list("count", flat=True).get()


class Throttle(models.Model):
    """How often one client or one address did one thing in one window (see throttle.py)."""

    # A hash of what is counted and for whom: the address itself need not be kept.
    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    ends_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    objects = ThrottleQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="throttle_one_a_window")
        ]

    def __str__(self) -> str:
        return f"{self.count} since {self.window_start:%Y-%m-%d %H:%M}"


class SetupTokenQuerySet(models.QuerySet):
    def issue(self) -> str:
        """A new set-up token; only its hash is stored."""
        token = secrets.token_urlsafe(16)
        self.create(digest=_digest(token))
        return token

    def accepts(self, token: str) -> bool:
        return bool(token) and self.filter(digest=_digest(token.strip())).exists()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class SetupToken(models.Model):
    """A one-time token `hundred serve` prints when it starts on a public address with no
    account yet: the first sign-up must give it, so a stranger cannot claim the instance."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SetupTokenQuerySet.as_manager()

    def __str__(self) -> str:
        return f"set-up token of {self.created_at:%Y-%m-%d %H:%M}"


# A personal access token reads "hpat_" then 32 random URL-safe characters: the prefix makes a
# leaked one recognisable (a secret scanner, a log), and only its SHA-256 is stored.
API_TOKEN_PREFIX = "hpat_"


class ApiTokenQuerySet(models.QuerySet):
    def for_user(self, user) -> "ApiTokenQuerySet":
        return self.filter(owner=user)

    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True)

    def issue(self, owner, name: str, *, write: bool) -> tuple["ApiToken", str]:
        """A new token for `owner`; the secret is returned once and never stored."""
        secret = API_TOKEN_PREFIX + secrets.token_urlsafe(24)
        token = self.create(owner=owner, name=name, can_write=write, digest=_digest(secret))
        return token, secret

    def authenticate(self, secret: str) -> "ApiToken | None":
        """The live token with this secret (its owner active), or None."""
        secret = (secret or "").strip()
        if not secret.startswith(API_TOKEN_PREFIX):
            return None
        return (
            self.active()
            .select_related("owner")
            .filter(digest=_digest(secret), owner__is_active=True)
            .first()
        )


class ApiToken(models.Model):
    """A personal access token for the JSON API (`/api/v1/`), named by its owner."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    can_write = models.BooleanField(
        "read and write", default=False, help_text="Without it the token can only read."
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def access(self) -> str:
        return "read-write" if self.can_write else "read-only"

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def touch(self) -> None:
        """Note a use, at most once a minute (one UPDATE, not one per request)."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at > timedelta(minutes=1):
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class InvitationQuerySet(models.QuerySet):
    def issue(
        self, organisation, email: str, role: str, invited_by=None
    ) -> tuple["Invitation", str]:
        """A new invitation; the link's secret is returned once and only its hash stored."""
        secret = secrets.token_urlsafe(24)
        invitation = self.create(
            organisation=organisation,
            email=email.strip().lower(),
            role=role,
            invited_by=invited_by,
            digest=_digest(secret),
            expires_at=timezone.now() + timedelta(days=14),
        )
        return invitation, secret

    def open_for(self, secret: str) -> "Invitation | None":
        """The unaccepted, unexpired invitation with this secret, or None."""
        if not secret:
            return None
        return (
            self.select_related("organisation", "invited_by")
            .filter(digest=_digest(secret.strip()), accepted_at__isnull=True)
            .filter(expires_at__gt=timezone.now())
            .first()
        )


class Invitation(models.Model):
    """An e-mailed link to join a centre in a role: a coach invites job seekers, an admin
    invites coaches and admins. The invited person's account is made when they follow it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.SEEKER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email} as {self.get_role_display()}"
