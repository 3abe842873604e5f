"""Hundred's one settings module, driven by environment variables.

Defaults work on a laptop with no configuration: SQLite in the per-user data folder, a
secret key generated there on first run, debug off.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
import platformdirs
from csp.constants import NONE, SELF

from hundred.lib.clientip import parse_networks

BASE_DIR = Path(__file__).resolve().parent


def envbool(name: str, default: str = "False") -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


HUNDRED_HOME = Path(
    os.environ.get("HUNDRED_HOME") or platformdirs.user_data_dir("hundred", appauthor=False)
).expanduser()
HUNDRED_HOME.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """SECRET_KEY from the environment, or one generated once into the data folder."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = HUNDRED_HOME / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        # O_EXCL: two processes starting together must not write different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text().strip()
        with os.fdopen(fd, "w") as f:
            f.write(key)
        return key


SECRET_KEY = _secret_key()
DEBUG = envbool("DEBUG")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
# Served over HTTPS (by a proxy in front): cookies, redirect and HSTS follow unless told otherwise.
HTTPS = SITE_URL.startswith("https://")
# The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed; from anyone else those
# headers are dropped, so a client cannot choose its own address or scheme.
TRUSTED_PROXIES = parse_networks(envlist("TRUSTED_PROXIES"))
# The older setting TRUSTED_PROXIES replaced: read only so that a system check (and `hundred
# serve`) can say it no longer does anything (accounts/checks.py, hundred.W002).
BEHIND_PROXY = os.environ.get("BEHIND_PROXY")

INSTALLED_APPS = [
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    # django-ninja's own templates and static files: the API docs page with no CDN.
    "ninja",
    "hundred.accounts",
    "hundred.network",
    "hundred.transfer",
    "hundred.insight",
    "hundred.mail",
    "hundred.api",
    "hundred.centre",
]

# Background work (hundred/mail/tasks.py) goes through Django's tasks API (the django-tasks
# backport) into a table of the database: no Redis on a laptop; `hundred worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "hundred.accounts.middleware.ForwardedHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which answers static files itself with its own compressed copies.
    # BREACH: CSRF tokens are masked anew in every response, Django pads each gzipped page with
    # random bytes, and the session cookie is SameSite=Lax, so another site cannot make the
    # signed-in browser fetch pages whose size it could watch (docs/performance.md).
    "django.middleware.gzip.GZipMiddleware",
    "hundred.accounts.middleware.NoStoreMiddleware",
    "hundred.accounts.middleware.HeadAsGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Errors under /api/v1/ that the API's handlers never see, as problem JSON like the rest.
    "hundred.api.middleware.ProblemMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with the account's row read by SQL compiled once (accounts/signedin.py).
    "hundred.accounts.signedin.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "hundred.accounts.middleware.UserTimezoneMiddleware",
    "hundred.accounts.middleware.DataStampMiddleware",
    # After a write, Insights is computed again once the response has gone (insight/kept.py).
    "hundred.insight.middleware.KeepInsightsFreshMiddleware",
    # Last, as django-axes asks: it turns a lockout into the page that says when to try again.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hundred.urls"
WSGI_APPLICATION = "hundred.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hundred.accounts.context_processors.instance",
            ],
            # Every template's {% url %}, with integer arguments cached (network/urlcache.py).
            "builtins": ["hundred.network.templatetags.fasturl"],
        },
    }
]

SQLITE_MMAP_BYTES = 256 * 1024 * 1024

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    if DATABASES["default"]["ENGINE"].endswith("postgresql") and envbool(
        "DATABASE_PREPARED_STATEMENTS", "True"
    ):
        # Parameters bound by the server let psycopg prepare a query its connection has run
        # twice: PostgreSQL then skips parsing and planning it (Today's counts, the session,
        # the person page's reads run on every request), about half of the database's CPU a
        # request of the load mix (docs/performance.md). Off for a pooler that cannot keep
        # prepared statements (PgBouncer before 1.21, or without max_prepared_statements).
        # The server then takes at most 65,535 parameters a statement: hundred.postgresql is
        # Django's backend with its batches kept under that.
        DATABASES["default"]["ENGINE"] = "hundred.postgresql"
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=2
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": HUNDRED_HOME / "hundred.sqlite3",
            "OPTIONS": {
                # WAL lets the web server read while a write is in progress; IMMEDIATE takes
                # the write lock at BEGIN so two writers wait instead of failing mid-transaction.
                # mmap_size reads the database file through a memory map rather than a system
                # call a page: Insights, which reads whole tables at 30,000 people, computes
                # with ~7 % less CPU. It reserves address space, not memory: the pages are the
                # operating system's file cache, shared by every connection (docs/performance.md).
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                    f"PRAGMA mmap_size={SQLITE_MMAP_BYTES};"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out account or address before a password is tried.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]


def sso_settings(env) -> dict:
    """Single sign-on by OpenID Connect (docs/sso.md), from the environment `env`.

    Off unless OIDC_RP_CLIENT_ID is set: then the log-in page gains a button, /oidc/ answers,
    and a second backend after the password one signs in accounts by verified e-mail.
    """

    def envflag(name: str) -> bool:
        return env.get(name, "").strip().lower() in ("1", "true", "yes", "on")

    client_id = env.get("OIDC_RP_CLIENT_ID", "").strip()
    if not client_id:
        return {"SSO_ENABLED": False, "SSO_REQUIRED_FOR_STAFF": False, "SSO_FORM_ACTION": []}
    authorization = env.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "").strip()
    logout = env.get("OIDC_OP_LOGOUT_ENDPOINT", "").strip()
    return {
        "SSO_ENABLED": True,
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": env.get("OIDC_RP_CLIENT_SECRET", ""),
        "OIDC_OP_AUTHORIZATION_ENDPOINT": authorization,
        "OIDC_OP_TOKEN_ENDPOINT": env.get("OIDC_OP_TOKEN_ENDPOINT", "").strip(),
        "OIDC_OP_USER_ENDPOINT": env.get("OIDC_OP_USER_ENDPOINT", "").strip(),
        "OIDC_OP_JWKS_ENDPOINT": env.get("OIDC_OP_JWKS_ENDPOINT", "").strip() or None,
        # Logging out of Hundred also ends the provider's session (RP-initiated logout), which
        # needs the ID token of the sign-in: kept in the session only then.
        "OIDC_OP_LOGOUT_ENDPOINT": logout,
        "OIDC_STORE_ID_TOKEN": bool(logout),
        "OIDC_RP_SIGN_ALGO": env.get("OIDC_RP_SIGN_ALGO", "").strip() or "RS256",
        "OIDC_PROVIDER_NAME": env.get("OIDC_PROVIDER_NAME", "").strip() or "single sign-on",
        "OIDC_CREATE_USERS": envflag("OIDC_CREATE_USERS"),
        "SSO_REQUIRED_FOR_STAFF": envflag("SSO_REQUIRED_FOR_STAFF"),
        # Fixed choices, not settings: ask for the e-mail (and name), prove the code with PKCE.
        "OIDC_RP_SCOPES": "openid email profile",
        "OIDC_USE_PKCE": True,
        "OIDC_TIMEOUT": 15,
        "OIDC_CALLBACK_CLASS": "hundred.accounts.views.SSOCallbackView",
        "AUTHENTICATION_BACKENDS": [
            "axes.backends.AxesStandaloneBackend",
            # Refuses a password to staff when SSO_REQUIRED_FOR_STAFF (accounts/oidc.py).
            "hundred.accounts.oidc.PasswordBackend",
            "hundred.accounts.oidc.SSOBackend",
        ],
        # The sign-in button and the log-out button are forms whose answers may redirect to
        # the provider, which CSP must allow.
        "SSO_FORM_ACTION": list(
            dict.fromkeys(_origin(url) for url in (authorization, logout) if url)
        ),
    }


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


_sso = sso_settings(os.environ)
globals().update(_sso)
PASSWORD_HASHERS = [
    # Argon2id at OWASP's minimum (m=19 MiB, t=2, p=1); Django's own parameters cost five times
    # the memory a log-in. Hashes made with them still verify and are upgraded at log-in.
    "hundred.accounts.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts-login"
LOGIN_REDIRECT_URL = "network-today"
LOGOUT_REDIRECT_URL = "accounts-login"

# Anyone may create the first account from the web; later ones only when this is on
# (or through `hundred createuser`), and then each must be confirmed from its mailbox.
REGISTRATION_OPEN = envbool("REGISTRATION_OPEN")
# How long the link mailed at sign-up stays good.
SIGNUP_CONFIRM_DAYS = 3

# Log-in lockout (django-axes, attempts kept in the database): after LOGIN_FAILURE_LIMIT
# failures for one account, or from one client address, log-in is refused for
# LOGIN_LOCKOUT_MINUTES after the latest try.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_ENABLED = AXES_FAILURE_LIMIT > 0  # 0 turns the lockout off, as for the other limits
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "hundred.accounts.clients.client_ip"
AXES_USERNAME_CALLABLE = "hundred.accounts.lockout.login_username"
AXES_LOCKOUT_CALLABLE = "hundred.accounts.lockout.lockout_response"
# Failures are kept until they expire; a forever log of every successful log-in's address is
# more than Hundred needs to keep about anyone.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Rate limits, per hour (hundred/accounts/throttle.py): mails sent to one address (reset links,
# sign-up confirmations), and password-reset requests and sign-ups from one client address.
MAIL_LIMIT_PER_HOUR = envint("MAIL_LIMIT_PER_HOUR", 3)
PASSWORD_RESET_LIMIT_PER_HOUR = envint("PASSWORD_RESET_LIMIT_PER_HOUR", 10)
SIGNUP_LIMIT_PER_HOUR = envint("SIGNUP_LIMIT_PER_HOUR", 20)
# Requests to the JSON API per token (or signed-in browser) per hour (docs/api.md).
API_REQUESTS_PER_HOUR = envint("API_REQUESTS_PER_HOUR", 3600)

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Where `hundred serve` collects the static files (hashed names, compressed copies) on every
# start: no step for the user to run (hundred/staticfiles.py).
STATIC_ROOT = os.environ.get("STATIC_ROOT") or str(HUNDRED_HOME / "static")
if not os.environ.get("STATIC_ROOT"):
    (HUNDRED_HOME / "static").mkdir(exist_ok=True)  # WhiteNoise warns of a missing one
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "hundred.staticfiles.StaticFiles"},
}
# Files not collected (tests, runserver) are served straight from the app's static folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# WhiteNoise does not know the web app manifest's type; browsers want it for installing.
WHITENOISE_MIMETYPES = {".webmanifest": "application/manifest+json"}
# Django 5.2 caches compiled templates without being told (the cached loader wraps the
# default loaders whenever OPTIONS has no "loaders"; with DEBUG it also reloads on change):
# hundred/tests/test_performance_settings.py checks it.

# Mail out: EMAIL_URL=smtp://user:password@host:port (?tls=true or ?ssl=true); unset, mail is
# written to the console of `hundred serve` / `hundred worker` (docs/mail.md).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The separate variables of earlier versions still work when EMAIL_URL is not set.
EMAIL_FILE_PATH = HUNDRED_HOME / "sent-mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL")
if EMAIL_URL:
    _mail = dj_email_url.parse(EMAIL_URL)
    EMAIL_BACKEND = _mail["EMAIL_BACKEND"]
    EMAIL_HOST = _mail["EMAIL_HOST"]
    EMAIL_PORT = _mail["EMAIL_PORT"]
    EMAIL_HOST_USER = _mail["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _mail["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS = _mail["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _mail["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hundred@localhost")
# Mail in: the IMAP mailbox the worker reads (imaps://user:password@host:993/INBOX) and its
# address, under which each account gets log+<token>@domain (docs/mail.md). Unset: off.
MAIL_IN_URL = os.environ.get("MAIL_IN_URL", "")
MAIL_IN_ADDRESS = os.environ.get("MAIL_IN_ADDRESS", "")

# Sessions in the database, so that log-out ends them on the server; read by one plain SELECT
# instead of an ORM query compiled on each request (accounts/sessions.py).
SESSION_ENGINE = "hundred.accounts.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", str(HTTPS))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", str(HTTPS))
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if TRUSTED_PROXIES:
    # Safe because ForwardedHeadersMiddleware drops the header unless a trusted proxy sent it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SILENCED_SYSTEM_CHECKS = [
    # includeSubDomains and preload bind every name under the domain, which only the domain's
    # owner can decide; Hundred's HSTS covers its own host name.
    "security.W005",
    "security.W021",
]

# No inline script or style anywhere: every page's behaviour is in hundred/static/hundred/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "connect-src": [SELF],
        "font-src": [SELF],
        "form-action": [SELF, *_sso["SSO_FORM_ACTION"]],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
    }
}

# Phone numbers typed without a country code are read in this region (ISO 3166 code).
DEFAULT_PHONE_REGION = os.environ.get("DEFAULT_PHONE_REGION", "US")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
