"""Several app processes starting together on one fresh PostgreSQL database all come up."""

import os
import subprocess
import sys

import psycopg
import pytest
from django.db import connection

START = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "hundred.settings"
django.setup()
from hundred.cli import ensure_migrated
ensure_migrated()
"""


@pytest.mark.django_db
def test_it_migrates_once_when_processes_start_together(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite's IMMEDIATE transactions serialise writers already")
    name = f"hundred_race_{os.getpid()}"
    settings = connection.settings_dict
    base = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    # CREATE and DROP DATABASE need a connection outside the test's transaction.
    admin = psycopg.connect(f"{base}/postgres", autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env = {**os.environ, "DATABASE_URL": f"{base}/{name}", "HUNDRED_HOME": str(tmp_path)}
        procs = [
            subprocess.Popen([sys.executable, "-c", START], env=env, stderr=subprocess.PIPE)
            for _ in range(3)
        ]
        errors = [p.communicate(timeout=120)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], errors
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()
