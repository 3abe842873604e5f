"""Django's PostgreSQL backend, for parameters bound by the server (see base.py)."""
