"""Insights kept between writes: computed once for each state of an account, read after.

Computing the page reads the whole account (~160-230 ms at 30,000 people and 100,000
interactions, docs/performance.md), so it is kept, under the account's data stamp (which
every write to the account changes: accounts/models.py) and until the first moment its
figures could change with no write: the next midnight of the account's clock, or sooner the
next meeting to start (metrics.figures_hold_until). The page is never behind a write or the
clock.

Two places keep it: this process, for the next view here, and the database (`KeptPage`), for
every other server process, so a page is computed once for each state of the account, not
once in each process. And it is computed before anyone asks, for an account that looked at
Insights in the last week: after a web write, once the write's response has gone (`refresh`,
run by middleware.KeepInsightsFreshMiddleware), and by the worker for a page whose moment has
passed or whose account changed with no web request (`refresh_due`). The next view reads
it; a view that comes first computes the page itself, as before.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from django.db.models import F, Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from hundred.accounts.models import User
from hundred.insight.metrics import figures_hold_until
from hundred.insight.models import KeptPage
from hundred.insight.page import render_body

log = logging.getLogger(__name__)

CACHED_ACCOUNTS = 64  # pages kept in each process (an account's own and a coach's copy count apart)
FRESH_FOR = timedelta(days=7)  # pages are computed before a view while viewed this recently
DUE_SECONDS = 20.0  # the worker's time for pages each minute; the rest wait for the next


def _code_fingerprint() -> str:
    """A fingerprint of the code that draws the page (this app's Python and templates): after
    an upgrade that changes it, the pages kept by the old code are drawn again."""
    digest = hashlib.sha256()
    app = Path(__file__).parent
    for path in sorted(
        [*app.glob("*.py"), *app.glob("templates/**/*.html"), *app.glob("templatetags/*.py")]
    ):
        digest.update(path.relative_to(app).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


CODE = _code_fingerprint()

# (account id, read-only copy?) -> (data stamp, valid until, body)
_bodies: OrderedDict[tuple[int, bool], tuple[int, datetime, SafeString]] = OrderedDict()
_bodies_lock = threading.Lock()


def forget_cached_bodies() -> None:
    """Drop every page kept in this process (tests, whose accounts reuse ids)."""
    with _bodies_lock:
        _bodies.clear()


def page_for(user) -> SafeString:
    """The account's Insights body: kept here, kept in the database, or computed and kept."""
    now = timezone.now()
    here = _kept_here(user, now, read_only=False)
    if here is not None:
        return here
    today = timezone.localdate(now, user.tzinfo)
    kept = KeptPage.objects.filter(account_id=user.pk, code=CODE)
    row = kept.values_list("stamp", "valid_until", "body", "viewed_on").first()
    if row is None or row[0] != user.data_stamp or now >= row[1] or row[2] is None:
        return _compute(user, now, viewed_on=today)
    stamp, until, packed, viewed_on = row
    body = mark_safe(zlib.decompress(packed).decode())  # safe: a page rendered by _compute
    if viewed_on != today:
        kept.update(viewed_on=today)
    _keep_here(user.pk, False, stamp, until, body)
    return body


def read_only_page_for(user, person_url: str) -> SafeString:
    """A coach's read-only copy of the account's page, its people linking to `person_url`
    (always the coach's pages of this client): kept beside the account's own, under the same
    stamp and until the same moment, so a coach looking again, from any server process,
    reads it. Looking does not count as the account looking (`viewed_on`): the copy is never
    computed ahead of a view."""
    now = timezone.now()
    here = _kept_here(user, now, read_only=True)
    if here is not None:
        return here
    kept = KeptPage.objects.filter(account_id=user.pk, code=CODE)
    row = kept.values_list("stamp", "valid_until", "read_only_body").first()
    if row is not None and row[0] == user.data_stamp and now < row[1] and row[2] is not None:
        body = mark_safe(zlib.decompress(row[2]).decode())  # safe: rendered below
        _keep_here(user.pk, True, row[0], row[1], body)
        return body
    with _collector_paused():
        body = render_body(user, person_url=person_url, read_only=True, now=now)
    until = figures_hold_until(user, now)
    packed = zlib.compress(body.encode(), 1)
    if row is not None and row[0] == user.data_stamp and row[1] == until:
        # The account's own page is kept for this state: the copy joins it.
        kept.filter(stamp=row[0], valid_until=until).update(read_only_body=packed)
    elif User.objects.filter(pk=user.pk, data_stamp=user.data_stamp).exists():
        KeptPage.objects.bulk_create(  # an upsert; the account's own page, stale, goes
            [
                KeptPage(
                    account_id=user.pk,
                    stamp=user.data_stamp,
                    code=CODE,
                    valid_until=until,
                    body=None,
                    read_only_body=packed,
                )
            ],
            update_conflicts=True,
            unique_fields=["account"],
            update_fields=["stamp", "code", "valid_until", "body", "read_only_body"],
        )
    else:
        return body  # written to while computed: not to keep
    _keep_here(user.pk, True, user.data_stamp, until, body)
    return body


def refresh(user_id: int) -> bool:
    """Compute the account's page for its data now, if it looked at Insights lately and what
    is kept is not for this state; whether it computed. Run after a web write's response has
    gone and by the worker: it never raises (there is nobody to show an error to), it logs,
    and the next view computes the page itself."""
    try:
        user = User.objects.get(pk=user_id)
        now = timezone.now()
        row = KeptPage.objects.filter(account_id=user_id).values_list(
            "stamp", "valid_until", "viewed_on", "code"
        )
        kept = row.first()
        if (
            kept is None
            or kept[2] is None
            or kept[2] < timezone.localdate(now, user.tzinfo) - FRESH_FOR
        ):
            return False
        stamp, until, viewed_on, code = kept
        if stamp == user.data_stamp and now < until and code == CODE:
            return False
        _compute(user, now, viewed_on=viewed_on)
        return True
    except Exception:
        log.exception("Computing the Insights page of account %s ahead of a view failed", user_id)
        return False


def refresh_due(seconds: float = DUE_SECONDS) -> int:
    """The worker's part: compute the pages of accounts that looked lately whose moment has
    passed (midnight, a meeting's start) or whose data changed with no web request (a
    command, mail read by the worker), those due longest first, for at most `seconds`; how
    many it computed."""
    now = timezone.now()
    due = (
        KeptPage.objects.filter(viewed_on__gte=now.date() - FRESH_FOR - timedelta(days=1))
        .filter(Q(valid_until__lte=now) | ~Q(stamp=F("account__data_stamp")) | ~Q(code=CODE))
        .order_by("valid_until")
        .values_list("account_id", flat=True)
    )
    stop, done = time.monotonic() + seconds, 0
    for account_id in due[:1000]:
        if time.monotonic() >= stop:
            break
        done += refresh(account_id)
    return done


def _compute(user, now: datetime, *, viewed_on: date) -> SafeString:
    with _collector_paused():
        body = render_body(user, now=now)
    until = figures_hold_until(user, now)
    if not User.objects.filter(pk=user.pk, data_stamp=user.data_stamp).exists():
        # Written to while computed: this page is for the view that asked, not to keep (it
        # must not replace one another process computed for the newer stamp).
        return body
    packed = zlib.compress(body.encode(), 1)
    same_state = KeptPage.objects.filter(
        account_id=user.pk, stamp=user.data_stamp, valid_until=until, code=CODE
    )
    if not same_state.update(body=packed, viewed_on=viewed_on):  # a coach's copy stays
        KeptPage.objects.bulk_create(  # an upsert, and no signal (models.py)
            [
                KeptPage(
                    account_id=user.pk,
                    stamp=user.data_stamp,
                    code=CODE,
                    valid_until=until,
                    body=packed,
                    read_only_body=None,
                    viewed_on=viewed_on,
                )
            ],
            update_conflicts=True,
            unique_fields=["account"],
            update_fields=["stamp", "code", "valid_until", "body", "read_only_body", "viewed_on"],
        )
    _keep_here(user.pk, False, user.data_stamp, until, body)
    return body


def _kept_here(user, now: datetime, *, read_only: bool) -> SafeString | None:
    with _bodies_lock:
        here = _bodies.get((user.pk, read_only))
    if here is not None and here[0] == user.data_stamp and now < here[1]:
        return here[2]
    return None


def _keep_here(
    user_id: int, read_only: bool, stamp: int, until: datetime, body: SafeString
) -> None:
    with _bodies_lock:
        _bodies[user_id, read_only] = (stamp, until, body)
        _bodies.move_to_end((user_id, read_only))
        while len(_bodies) > CACHED_ACCOUNTS:
            _bodies.popitem(last=False)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector off while the page is computed and rendered.

    A large account makes tens of thousands of short-lived objects (rows, tree nodes), which
    set off a full collection over the whole process on nearly every view: ~40-50 ms of a
    ~350 ms page at 30,000 people. The page makes no reference cycles worth waiting for;
    everything it makes is freed by reference counting, and the collector runs as usual
    afterwards. Whoever paused it turns it back on, so concurrent requests leave it enabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
