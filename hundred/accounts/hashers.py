"""The password hash: Argon2id at OWASP's minimum, cheaper per log-in than Django's default.

Django's Argon2PasswordHasher uses 100 MiB, 2 passes and 8 lanes: ~250 ms and ~100 MB for each
log-in, so 20 log-ins at once held ~1 GB in one worker (issue #15). OWASP's password storage
cheat sheet gives m=19 MiB, t=2, p=1 as the minimum for Argon2id; that costs a fifth of the
memory and took 160-200 ms on the loaded development machine, against 330-1,140 ms for Django's
parameters in the same minute (docs/security.md). The algorithm name stays "argon2", so hashes
made with Django's parameters still verify, and Django's must_update() rehashes them with these
at the next log-in.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
