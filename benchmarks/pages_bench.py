"""Server time and query counts of the daily pages (People, Today, a person, Insights) on an
account with 30,000 people and 100,000 interactions. Run on purpose, not in the suite:

    .venv/bin/python benchmarks/pages_bench.py --save /tmp/new.json          # SQLite
    DATABASE_URL=postgres://… .venv/bin/python benchmarks/pages_bench.py

It builds a throwaway test database (Django's test-database machinery: nothing of yours is
touched) with bulk_create, shaped like a real LinkedIn export: ~8,100 distinct employers, titles,
e-mails, some names with accents, tags, every stage, follow-ups around today, meetings.
Each page is requested once to warm up, then BENCH_RUNS times; it prints the median server time
through Django's test client, the number of queries and the size of the HTML.

Old against new in one run: run this same file on a checkout of the old code with --save, then
here with --baseline; it prints new/old for each page. The builder works on both (the search
columns are filled only where the model has them).

    git archive main | tar -x -C /tmp/old && cp benchmarks/pages_bench.py /tmp/old/benchmarks/
    (cd /tmp/old && python benchmarks/pages_bench.py --save /tmp/old.json)
    python benchmarks/pages_bench.py --baseline /tmp/old.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HUNDRED_HOME", tempfile.mkdtemp(prefix="hundred-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hundred.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

PEOPLE = int(os.environ.get("BENCH_PEOPLE", 30_000))
INTERACTIONS = int(os.environ.get("BENCH_INTERACTIONS", 100_000))
EMPLOYERS = int(os.environ.get("BENCH_EMPLOYERS", 8_100))
RUNS = int(os.environ.get("BENCH_RUNS", 7))

FIRST = [
    "Ana",
    "José",
    "Zoë",
    "Chloé",
    "Maya",
    "Sam",
    "Priya",
    "Liam",
    "Noor",
    "Jürgen",
    "Fatima",
    "Owen",
    "Léa",
    "Tom",
    "Aisha",
    "Björn",
    "Carmen",
    "Dmitri",
    "Eva",
    "Hugo",
]
LAST = [
    "Lee",
    "García",
    "Müller",
    "Okafor",
    "Smith",
    "Nguyen",
    "Brontë",
    "Kowalski",
    "Rossi",
    "Dubois",
    "Silva",
    "Khan",
    "O'Brien",
    "Sato",
    "Novák",
    "Jensen",
    "Haddad",
    "Moreau",
]
TITLES = [
    "Data Analyst",
    "Product Manager",
    "Nurse Practitioner",
    "Software Engineer",
    "Director of Finance",
    "Teacher",
    "Recruiter",
    "UX Designer",
    "Policy Advisor",
]
WORDS = [
    "North",
    "Blue",
    "Harbor",
    "Summit",
    "Pioneer",
    "Cedar",
    "Bright",
    "Atlas",
    "Nova",
    "Granite",
    "Maple",
    "River",
    "Beacon",
    "Crescent",
    "Delta",
    "Élan",
]
SUFFIX = [
    "Health",
    "Labs",
    "Partners",
    "Bank",
    "Foundation",
    "Systems",
    "Group",
    "School",
    "Co",
    "Analytics",
    "Clinic",
    "Studio",
]


def _employers(rnd: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < EMPLOYERS:
        names.add(f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {rnd.choice(SUFFIX)} {len(names)}")
    return sorted(names)


def build(user) -> dict:  # noqa: C901 - a script: one straight line of inserts
    from hundred.network.models import (
        Company,
        Favour,
        FollowUp,
        HowKnown,
        Interaction,
        Meeting,
        Person,
        Stage,
        Tag,
    )

    rnd = random.Random(15)
    now = timezone.now()
    today = timezone.localdate()
    companies = Company.objects.bulk_create(
        (Company(owner=user, name=n, is_target=i < 40) for i, n in enumerate(_employers(rnd))),
        batch_size=2000,
    )
    tags = Tag.objects.bulk_create(Tag(owner=user, name=f"tag {i}") for i in range(40))
    stages = [s for s, _ in Stage.choices]
    kinds = [k for k, _ in HowKnown.choices]
    searchable = hasattr(Person, "search_text_for")
    people = []
    for i in range(PEOPLE):
        first, last = rnd.choice(FIRST), f"{rnd.choice(LAST)}{i}"
        company = rnd.choice(companies) if rnd.random() < 0.9 else None
        p = Person(
            owner=user,
            first_name=first,
            last_name=last,
            emails=[f"{first[:1].lower()}.{last.lower()}@mail{i % 97}.example.org"],
            title=rnd.choice(TITLES),
            company=company,
            how_known=rnd.choice(kinds),
            stage=rnd.choice(stages),
        )
        if searchable:
            p.fill_search_fields(company.name if company else "")
        people.append(p)
    people = Person.objects.bulk_create(people, batch_size=2000)
    through = Person.tags.through
    through.objects.bulk_create(
        (through(person_id=p.pk, tag_id=rnd.choice(tags).pk) for p in people if rnd.random() < 0.4),
        batch_size=5000,
    )
    meetings = Meeting.objects.bulk_create(
        (
            Meeting(
                owner=user,
                person=rnd.choice(people),
                starts_at=now - timedelta(days=rnd.randint(-14, 365), hours=rnd.randint(0, 23)),
                debriefed_at=now if rnd.random() < 0.7 else None,
            )
            for _ in range(PEOPLE // 10)
        ),
        batch_size=2000,
    )
    introduced = []
    for i, p in enumerate(people[100:], start=100):
        if rnd.random() < 0.2:
            p.introduced_by = people[rnd.randrange(i)]
            p.introduced_at = rnd.choice(meetings)
            introduced.append(p)
    Person.objects.bulk_update(introduced, ["introduced_by", "introduced_at"], batch_size=2000)
    channels = ["email", "email", "phone", "linkedin", "text"]
    interactions = []
    for _ in range(INTERACTIONS):
        kind = rnd.random()
        interactions.append(
            Interaction(
                owner=user,
                channel=rnd.choice(channels),
                direction="in" if kind < 0.3 else "out",
                is_outreach=kind >= 0.6,
                summary="Talked about the team",
                occurred_at=now - timedelta(days=rnd.randint(0, 365), minutes=rnd.randint(0, 1440)),
            )
        )
    interactions = Interaction.objects.bulk_create(interactions, batch_size=5000)
    link = Interaction.people.through
    link.objects.bulk_create(
        (link(interaction_id=it.pk, person_id=rnd.choice(people).pk) for it in interactions),
        batch_size=5000,
    )
    Person.objects.for_user(user).refresh_asked_at()
    FollowUp.objects.bulk_create(
        (
            FollowUp(
                owner=user,
                person=rnd.choice(people),
                due_on=today + timedelta(days=rnd.randint(-60, 30)),
                state=rnd.choice(("open", "done", "done", "skipped")),
                done_at=now - timedelta(days=rnd.randint(0, 90)),
                reason=rnd.choice(("no_reply", "thank_you", "keep_in_touch")),
            )
            for _ in range(PEOPLE * 2 // 3)
        ),
        batch_size=5000,
    )
    Favour.objects.bulk_create(
        (
            Favour(
                owner=user,
                person=rnd.choice(people),
                direction=rnd.choice(("they_asked", "i_offered", "they_did")),
                what="Read a CV",
                due_on=today + timedelta(days=rnd.randint(-20, 20)),
            )
            for _ in range(1000)
        ),
        batch_size=2000,
    )
    try:  # what an import or a restore this size does, and `hundred serve` on start
        from hundred.network.models.people import refresh_statistics
    except ImportError:  # the old code
        pass
    else:
        refresh_statistics()
    return {"people": people, "companies": companies, "tags": tags, "searchable": searchable}


def pages(made: dict) -> dict[str, str]:
    """The pages to time, by label; old code filters by company and tag id, new by name."""
    people, new = made["people"], made["searchable"]
    company = made["companies"][1234]
    tag = made["tags"][7]
    late = sorted(people, key=lambda p: (p.first_name.lower(), p.last_name.lower(), p.pk))[25_000]
    who = people[4321]
    if new:
        from hundred.network.views.people import keyset_cursor

        late_page = f"/people/?after={keyset_cursor(late)}"
        by_company, by_tag = f"company={company.name}", f"tag={tag.name}"
    else:
        late_page = f"/people/?page={25_000 // 50 + 1}"
        by_company, by_tag = f"company={company.pk}", f"tag={tag.pk}"
    return {
        "People, first page": "/people/",
        "People, search by name": f"/people/?q={who.last_name}",
        "People, search by e-mail": f"/people/?q={who.emails[0].split('@')[0]}",
        "People, search by company": f"/people/?q={company.name.rsplit(' ', 1)[0]}",
        "People, stage filter": "/people/?stage=asked",
        "People, company filter": f"/people/?{by_company}",
        "People, tag filter": f"/people/?{by_tag}",
        "People, a late page": late_page,
        "Today": "/",
        "a person": who.get_absolute_url(),
        "Insights": "/insights/",
    }


def web_write(client: Client, made: dict) -> None:
    """Log a reply from someone through the person page's form, then forget the pages this
    process keeps, as another server process would not have them."""
    who = made["people"][len(made["people"]) // 2]
    r = client.post(
        f"/people/{who.pk}/log/",
        {
            "channel": "email",
            "direction": "in",
            "summary": "Thanks, happy to talk.",
            "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert r.status_code == 302, r.status_code
    _forget_here()


def _forget_here() -> None:
    """Forget the pages this process keeps, as another server process would not have them."""
    try:
        from hundred.insight.kept import forget_cached_bodies
    except ImportError:  # the code before pages were kept in the database
        from hundred.insight.views import forget_cached_bodies
    forget_cached_bodies()


def coach_copy(user) -> tuple[Client, str]:
    """A coach of the account's centre, granted read-only access, signed in; the URL of the
    coach's copy of the account's Insights."""
    from django.urls import reverse

    from hundred.accounts.models import Organisation, Role, User
    from hundred.centre.actions.grants import do_grant
    from hundred.centre.models import CoachGrant

    if user.organisation_id is None:
        user.organisation = Organisation.objects.create(name="Bench Careers")
        user.save(update_fields=["organisation"])
    coach, _ = User.objects.get_or_create(
        email="coach@example.org",
        defaults={"role": Role.COACH, "organisation_id": user.organisation_id},
    )
    if not CoachGrant.objects.filter(seeker=user, coach=coach).exists():
        do_grant(user, coach)
    client = Client()
    client.force_login(coach)
    return client, reverse("coach-client-insights", args=[user.pk])


def _rebuilt(user) -> dict:
    """What build() returned, read back from a kept database."""
    from hundred.network.models import Company, Person, Tag

    return {
        "people": list(Person.objects.for_user(user).order_by("pk")),
        "companies": list(Company.objects.for_user(user).order_by("pk")),
        "tags": list(Tag.objects.for_user(user).order_by("pk")),
        "searchable": hasattr(Person, "search_text_for"),
    }


def measure(client: Client, url: str, profile: bool = False, before=None) -> dict:
    """Median and best ms of GET url after one warm-up, its queries and its size; `before`
    runs ahead of each request, untimed."""
    client.get(url)
    if profile:
        import cProfile
        import pstats

        if before:
            before()
        with cProfile.Profile() as prof, CaptureQueriesContext(connection) as queries:
            client.get(url)
        print(url)
        for q in queries.captured_queries:
            print(f"    {float(q['time']) * 1000:7.1f} ms  {q['sql'][:200]}")
        pstats.Stats(prof).sort_stats(os.environ.get("BENCH_SORT", "cumulative")).print_stats(18)
    times, cpu = [], []
    for _ in range(RUNS):
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            r = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        assert r.status_code == 200, (url, r.status_code)
    return {
        "median": round(statistics.median(times), 1),
        "best": round(min(times), 1),
        # This process's CPU time: on a loaded machine it moves less than the wall time.
        "cpu": round(statistics.median(cpu), 1),
        "queries": len(captured.captured_queries),
        "kb": round(len(r.content) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", help="write the results as JSON to this file")
    parser.add_argument("--baseline", help="JSON saved by a run on the old code: print ratios")
    parser.add_argument("--keep", help="SQLite: build into this file once, reuse it after")
    parser.add_argument("--only", help="time only the pages whose label contains this")
    parser.add_argument("--profile", action="store_true", help="print each page's profile")
    args = parser.parse_args()
    setup_test_environment()
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        # A file, as in real use: an in-memory database would flatter the figures.
        db.setdefault("TEST", {})["NAME"] = args.keep or str(
            Path(os.environ["HUNDRED_HOME"]) / "bench.sqlite3"
        )
    reuse = bool(args.keep and Path(args.keep).exists())
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=reuse)
    try:
        from hundred.accounts.models import User

        started = time.perf_counter()
        if reuse:
            user = User.objects.get(email="bench@example.org")
            made = _rebuilt(user)
        else:
            user = User.objects.create_user("bench@example.org", "bench-password")
            made = build(user)
        print(f"backend: {connection.vendor}; built in {time.perf_counter() - started:.0f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum would have by the time a user looks
        client = Client()
        client.force_login(user)
        results = {
            label: measure(client, url, args.profile)
            for label, url in pages(made).items()
            if not args.only or args.only in label
        }
        if made["searchable"] and (not args.only or args.only in "Insights, after a write"):
            # Computed, not kept: the account's data changed just before each view.
            results["Insights, after a write"] = measure(
                client, "/insights/", args.profile, before=user.mark_data_changed
            )
        if made["searchable"] and (not args.only or args.only in "Insights, after a web write"):
            # What a person sees: a reply logged through the form, then Insights in another
            # server process. Since pages are kept in the database (insight/kept.py) the
            # write's response, once closed, has the page computed; the test client closes it
            # as a server does, after the response. The older code computes on the view.
            results["Insights, after a web write"] = measure(
                client, "/insights/", args.profile, before=lambda: web_write(client, made)
            )
        if made["searchable"] and (not args.only or args.only in "Insights, a coach's copy"):
            # A coach looking again at a client's Insights, in another server process each
            # time. Kept since the coach's copy joined the client's page (insight/kept.py);
            # computed on every view before.
            coach, url = coach_copy(user)
            results["Insights, a coach's copy"] = measure(coach, url, args.profile, _forget_here)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    base = json.loads(Path(args.baseline).read_text()) if args.baseline else {}
    for label, r in results.items():
        line = (
            f"{label:<28} median {r['median']:7.1f} ms  best {r['best']:7.1f} ms  "
            f"cpu {r.get('cpu', 0):7.1f} ms  "
            f"{r['queries']:3d} queries  {r['kb']:6.1f} KB"
        )
        if label in base:
            old = base[label]
            line += (
                f"   old {old['median']:7.1f} ms cpu {old.get('cpu', 0):7.1f} ms "
                f"{old['queries']:3d} q {old['kb']:6.1f} KB"
                f"  new/old {r['median'] / old['median']:.2f}"
            )
        print(line)
    if args.save:
        Path(args.save).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
