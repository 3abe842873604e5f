"""Django's PostgreSQL backend, for statements of more parameters than the server takes.

settings.py has psycopg bind parameters on the server, so that PostgreSQL can prepare the
queries a connection repeats. A statement bound on the server carries at most 65,535
parameters (the protocol counts them in 16 bits), where psycopg's client-side binding had no
limit, and Django builds larger ones: deleting an account collects its people and messages by
`IN (…)` and updates what pointed at them in one statement, which PostgreSQL refused
("number of parameters must be between 0 and 65535"). Such a statement is bound on the
client here instead, as every statement was before.
"""

import psycopg
from django.db.backends.postgresql import base

# A Bind message counts its parameters in an unsigned 16-bit integer.
MAX_PARAMETERS = 65_535


class ServerBindingCursor(base.ServerBindingCursor):
    def execute(self, query, params=None, **kwargs):
        if params is not None and len(params) > MAX_PARAMETERS:
            with psycopg.ClientCursor(self.connection) as client:
                query, params = client.mogrify(query, params), None
        return super().execute(query, params, **kwargs)


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        if params.get("cursor_factory") is base.ServerBindingCursor:
            params["cursor_factory"] = ServerBindingCursor
        return params
