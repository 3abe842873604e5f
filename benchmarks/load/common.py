"""What the seeder and the locustfile share (the locustfile imports gevent; the seeder must not)."""

PASSWORD = "load-test-passphrase-2026"
