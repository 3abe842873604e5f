"""Queries compiled once per process and database, then run with fresh values.

Django turns a queryset into SQL anew on every evaluation; for Today's counts (nine correlated
subqueries) and lists that was the larger part of the page's CPU, though their SQL is the same
text on every request but for the values in it (the account, today's date, the week's bounds).

`Prepared` builds the queryset once per database with stand-in values no real query uses,
compiles it, and notes where each stand-in lands among the SQL's parameters. A run puts the
real values there, converted as Django converts them for that database (a date or an aware
datetime is text in UTC on SQLite, itself on PostgreSQL), executes the same SQL on the
request's connection (counted and logged like any query) and converts the rows back with the
converters Django itself would have applied. The stand-ins must each be found, or compiling
fails loudly: a value Django put into the SQL text instead of a parameter cannot be changed
per run, and must be part of what the query is kept under (`key`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import connections
from django.db.models import QuerySet

# The kinds of value a query can be run with, and how each is stood in for.
ACCOUNT, DATE, DATETIME = "account", "date", "datetime"
_STAND_IN_PK = 2_147_480_000  # an account id no database hands out this side of 2^31
_STAND_IN_DAY = date(1901, 1, 1)
_STAND_IN_MOMENT = datetime(1902, 1, 1, tzinfo=UTC)


def _stand_ins(kinds: dict[str, str]) -> dict[str, object]:
    user_model = get_user_model()
    out = {}
    for i, (name, kind) in enumerate(kinds.items()):
        if kind == ACCOUNT:
            out[name] = user_model(pk=_STAND_IN_PK + i)
        elif kind == DATE:
            out[name] = _STAND_IN_DAY + timedelta(days=i)
        elif kind == DATETIME:
            out[name] = _STAND_IN_MOMENT + timedelta(hours=i)
        else:
            raise ValueError(f"unknown kind {kind!r} for {name}")
    return out


def _to_db(kind: str, value, ops):
    if kind == ACCOUNT:
        return value.pk
    if kind == DATE:
        return ops.adapt_datefield_value(value)
    return ops.adapt_datetimefield_value(value)


class _Compiled:
    __slots__ = ("sql", "params", "slots", "converters")

    def __init__(self, sql, params, slots, converters):
        self.sql = sql
        self.params = params  # the parameters as compiled, stand-ins included
        self.slots = slots  # (position, name, kind) of each stand-in
        self.converters = converters  # [(column, [converter, ...], expression)]


class Prepared:
    """A values_list() queryset, built by `build(**values)`, compiled once per database (and
    per `key`: a LIMIT is part of the SQL text) and run with fresh values."""

    def __init__(self, build: Callable[..., QuerySet], **kinds: str):
        self._build = build
        self._kinds = kinds
        self._compiled: dict[tuple, _Compiled] = {}

    def _compile(self, connection, key) -> _Compiled:
        stand_ins = _stand_ins(self._kinds)
        qs = self._build(*key, **stand_ins)
        compiler = qs.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        params = list(params)
        slots = []
        for name, kind in self._kinds.items():
            wanted = _to_db(kind, stand_ins[name], connection.ops)
            found = [i for i, p in enumerate(params) if type(p) is type(wanted) and p == wanted]
            if not found:
                raise RuntimeError(f"{name} is not a parameter of the prepared query: {sql}")
            slots += [(i, name, kind) for i in found]
        fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
        converters = [
            (pos, convs, expression)
            for pos, (convs, expression) in compiler.get_converters(fields).items()
        ]
        return _Compiled(sql, params, slots, converters)

    def rows(self, *key, using: str = "default", **values) -> list[list]:
        """The query's rows for these values, converted as the queryset would give them."""
        connection = connections[using]
        cache_key = (connection.alias, connection.vendor, *key)
        compiled = self._compiled.get(cache_key)
        if compiled is None:
            compiled = self._compiled[cache_key] = self._compile(connection, key)
        params = list(compiled.params)
        ops = connection.ops
        for i, name, kind in compiled.slots:
            params[i] = _to_db(kind, values[name], ops)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if not compiled.converters:
            return rows
        out = []
        for row in rows:
            row = list(row)
            for pos, convs, expression in compiled.converters:
                value = row[pos]
                for converter in convs:
                    value = converter(value, expression, connection)
                row[pos] = value
            out.append(row)
        return out
