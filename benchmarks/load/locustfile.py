"""The mixed load of issue #15, and a log-in spike, for locust.

    locust -f benchmarks/load/locustfile.py --host http://127.0.0.1:8765 SignedIn   # the mix
    locust -f benchmarks/load/locustfile.py --host http://127.0.0.1:8765 LoginSpike # log-ins

benchmarks/load/run.py starts the server, seeds the accounts (seed.py) and runs both headless.
Accounts are load-small-N@example.org (150 people each, most users) and load-large-N@example.org
(30,000 people, LARGE_SHARE of users), all with the password common.PASSWORD.

With LOAD_CENTRE=1 the job seekers are seed_centre.py's centre-seeker-N@example.org (200–800
people; the first LOAD_LARGE_ACCOUNTS have 30,000, LARGE_SHARE of users) and `Coach` users
(centre-coach-N@example.org) open their dashboard and their clients' pages:

    locust -f benchmarks/load/locustfile.py --host … SignedIn Coach    # the centre's mix
"""

from __future__ import annotations

import itertools
import os
import random
import re
from datetime import datetime

from common import PASSWORD  # noqa: E402
from locust import FastHttpUser, between, constant, events, task

SMALL = int(os.environ.get("LOAD_SMALL_ACCOUNTS", 20))
LARGE = int(os.environ.get("LOAD_LARGE_ACCOUNTS", 2))
LARGE_SHARE = float(os.environ.get("LOAD_LARGE_SHARE", 0.1))
WORDS = ["ana", "kim", "lee", "first12", "last3", "maya", "okafor", "north", "smith", "wei"]
_PERSON = re.compile(r'href="/people/(\d+)/"')
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@events.test_start.add_listener
def _measure_the_steady_state(environment, **_kwargs) -> None:
    """Reset the statistics LOAD_RESET_AFTER seconds into the run (run.py sets it to after the
    last user has started and settled), so that start-up log-ins are not in the figures."""
    after = float(os.environ.get("LOAD_RESET_AFTER", 0))
    if after and environment.runner is not None:
        import gevent

        gevent.spawn_later(after, environment.runner.stats.reset_all)


CENTRE = os.environ.get("LOAD_CENTRE") == "1"
COACHES = int(os.environ.get("LOAD_COACHES", 50))
_CLIENT = re.compile(r'href="/coach/clients/(\d+)/"')


def account() -> str:
    if CENTRE:
        if LARGE and random.random() < LARGE_SHARE:
            return f"centre-seeker-{random.randrange(LARGE)}@example.org"
        return f"centre-seeker-{random.randrange(LARGE, SMALL + LARGE)}@example.org"
    if LARGE and random.random() < LARGE_SHARE:
        return f"load-large-{random.randrange(LARGE)}@example.org"
    return f"load-small-{random.randrange(SMALL)}@example.org"


class _Visitor(FastHttpUser):
    """FastHttpUser (geventhttpclient) rather than HttpUser (requests): locust runs on the
    server's machine, and requests costs it several times more CPU a request."""

    abstract = True

    def log_in(self) -> None:
        self.client.cookiejar.clear()
        page = self.client.get("/accounts/login/", name="log-in page")
        token = _CSRF.search(page.text)
        with self.client.post(
            "/accounts/login/",
            {
                "username": self.email,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={"Referer": page.url},
            name="log in",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != 302:
                r.failure(f"log-in answered {r.status_code}")


class SignedIn(_Visitor):
    """A signed-in user going about their day: Today, People, a person, Insights, a form."""

    wait_time = between(1, 3)
    weight = 4

    def on_start(self) -> None:
        self.email = account()
        self.log_in()
        people = self.client.get("/people/", name="/people/")
        self.people = [int(i) for i in _PERSON.findall(people.text)] or [0]

    @task(4)
    def today(self) -> None:
        self.client.get("/", name="/ (Today)")

    @task(3)
    def search(self) -> None:
        self.client.get(f"/people/?q={random.choice(WORDS)}", name="/people/?q=")

    @task(3)
    def person(self) -> None:
        self.client.get(f"/people/{random.choice(self.people)}/", name="/people/N/")

    @task(1)
    def insights(self) -> None:
        self.client.get("/insights/", name="/insights/")

    @task(1)
    def log_interaction(self) -> None:
        pk = random.choice(self.people)
        page = self.client.get(f"/people/{pk}/", name="/people/N/")
        token = _CSRF.search(page.text)
        self.client.post(
            f"/people/{pk}/log/",
            {
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "channel": "email",
                "direction": "in",
                "occurred_at": datetime.now().strftime("%Y-%m-%dT%H:%M"),
                "summary": "They wrote back (load test).",
            },
            headers={"Referer": page.url},
            name="POST /people/N/log/",
        )

    @task(1)
    def log_in_again(self) -> None:
        self.log_in()


class Coach(_Visitor):
    """A coach of the centre (LOAD_CENTRE=1): the dashboard, then one client's pages.

    One user in five of the centre's mix (weight 1 against the job seekers' 4).
    """

    wait_time = between(1, 3)
    weight = 1

    def on_start(self) -> None:
        self.email = f"centre-coach-{random.randrange(COACHES)}@example.org"
        self.log_in()
        page = self.client.get("/coach/", name="/coach/ (dashboard)")
        self.clients = [int(i) for i in _CLIENT.findall(page.text)] or [0]

    @task(3)
    def dashboard(self) -> None:
        self.client.get("/coach/", name="/coach/ (dashboard)")

    @task(3)
    def client_today(self) -> None:
        self.client.get(f"/coach/clients/{random.choice(self.clients)}/", name="/coach/clients/N/")

    @task(1)
    def client_people(self) -> None:
        pk = random.choice(self.clients)
        self.client.get(f"/coach/clients/{pk}/people/", name="/coach/clients/N/people/")


class LoginSpike(_Visitor):
    """One log-in each, then nothing: spawned at 5 a second, 100 of them make 100 in 20 s.

    Each logs in to an account of its own, load-spike-KIND-N, whose hash has today's parameters
    (LOAD_SPIKE=new) or Django's defaults (LOAD_SPIKE=old; seed.py spike resets them).
    """

    wait_time = constant(3600)
    numbers = itertools.count()

    def on_start(self) -> None:
        kind = os.environ.get("LOAD_SPIKE", "new")
        self.email = f"load-spike-{kind}-{next(self.numbers) % 100}@example.org"
        self.log_in()

    @task
    def idle(self) -> None:
        pass
