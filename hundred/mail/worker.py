"""The worker: every minute, queue what is due (schedule.tick), then run every queued task.

Several workers may run side by side: claims are unique rows and django-tasks-db locks each
task row it runs (SKIP LOCKED on PostgreSQL), so no mail goes out twice."""

from __future__ import annotations

import threading

from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from hundred.mail.schedule import tick

INTERVAL_SECONDS = 60


def run_queued_tasks() -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    ).run()


def run_once() -> dict[str, int]:
    """What is due now, queued and run; the counts of what tick() did."""
    done = tick(timezone.now())
    run_queued_tasks()
    return done


def run_forever(stop: threading.Event, interval: float = INTERVAL_SECONDS) -> None:
    while not stop.is_set():
        run_once()
        stop.wait(interval)
