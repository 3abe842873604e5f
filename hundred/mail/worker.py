"""The worker: every minute, queue what is due (schedule.tick), then run every queued task.

Several workers may run side by side: claims are unique rows and django-tasks-db locks each
task row it runs (SKIP LOCKED on PostgreSQL), so no mail goes out twice."""

from __future__ import annotations

import threading

from django.db import close_old_connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from hundred.insight.kept import refresh_due
from hundred.mail.schedule import tick

INTERVAL_SECONDS = 60


def run_queued_tasks() -> int:
    """Run every task waiting in the queue, each claimed under a row lock as django-tasks-db's
    own worker claims it; the number run. (Its Worker.run() also closes the database
    connection between tasks, which is right for a long-lived process and what run_forever
    does between ticks, but not inside a caller's transaction.)"""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    ready = DBTaskResult.objects.ready().filter(backend_name="default", queue_name="default")
    done = 0
    while True:
        with exclusive_transaction(ready.db):
            task = ready.get_locked()
            if task is None:
                return done
            task.claim(worker.worker_id)
        worker.run_task(task)
        done += 1


def run_once() -> dict[str, int]:
    """What is due now, queued and run, then the Insights pages due to be computed ahead of a
    view (insight/kept.py); the counts of what was done."""
    done = tick(timezone.now())
    run_queued_tasks()
    done["insights"] = refresh_due()
    return done


def run_forever(stop: threading.Event, interval: float = INTERVAL_SECONDS) -> None:
    while not stop.is_set():
        close_old_connections()  # a long-lived process: drop a broken or stale connection
        run_once()
        close_old_connections()
        stop.wait(interval)
