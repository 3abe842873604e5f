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
from operator import index

from django.contrib.auth import get_user_model
from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

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


_STAND_IN_ID = 7_919_000_000_001  # no id of any table comes near


class Compiled:
    """Querysets whose SQL is compiled once per database connection and run again with other ids.

    Django builds and compiles a queryset's SQL anew every time it runs: for the short queries of
    a page (a person, their meetings, their follow-ups) that is most of their CPU — ~0.4–1.3 ms
    each here, where running the SQL and making the rows is a tenth of it. `Compiled(build)` calls
    `build` once per connection (each thread has its own) with stand-in integers, compiles the
    queryset, notes where each stand-in went among the SQL's parameters, and from then on runs that
    SQL with the real values and makes the rows into model instances as Django's own ModelIterable
    does (select_related objects included, through Django's populators and converters), or into
    tuples for a `values_list()`.

    Only integers (ids) vary: `build`'s arguments must each end up as a query parameter, which is
    checked when it is compiled; anything else in the queryset is fixed text of the SQL. What the
    ORM does around a queryset that is not in the SQL — a related manager's "known related
    objects", prefetching — is the caller's to do, and the callers here say so.
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self.arity = build.__code__.co_argcount
        self._key = f"_hundred_compiled_{id(self)}"
        self._model = None

    def _prepared(self, connection):
        kept = connection.__dict__.get(self._key)
        if kept is None:
            stand_ins = [_STAND_IN_ID + i for i in range(self.arity)]
            queryset = self.build(*stand_ins)
            compiler = queryset.query.get_compiler(connection=connection)
            sql, params = compiler.as_sql()
            slots = [
                stand_ins.index(p) if type(p) is int and p in stand_ins else None for p in params
            ]
            if set(slots) - {None} != set(range(self.arity)):
                raise ValueError(f"{self.build.__qualname__}: an argument is not a parameter")
            iterable = queryset._iterable_class
            if iterable not in (ModelIterable, ValuesListIterable):
                raise ValueError(f"{self.build.__qualname__}: models or values_list() only")
            kept = (sql, list(params), slots, compiler, iterable is ModelIterable)
            connection.__dict__[self._key] = kept
        return kept

    def __call__(self, *values) -> list:
        if self._model is None:
            self._model = self.build(*range(self.arity)).model
        alias = router.db_for_read(self._model)
        connection = connections[alias]
        sql, params, slots, compiler, as_models = self._prepared(connection)
        values = [index(v) for v in values]  # ids only: "1 OR 1=1" raises TypeError
        params = [p if s is None else values[s] for p, s in zip(params, slots, strict=True)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not rows:
            return []
        if compiler.has_extra_select:
            rows = [r[: compiler.col_count] for r in rows]
        if not as_models:  # values_list(): the rows as tuples
            return [tuple(row) for row in compiler.results_iter([rows])]
        select, klass_info = compiler.select, compiler.klass_info
        model = klass_info["model"]
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        names = [f[0].target.attname for f in select[start:end]]
        populators = get_related_populators(klass_info, select, alias)
        annotations = compiler.annotation_col_map
        out = []
        for row in compiler.results_iter([rows]):
            obj = model.from_db(alias, names, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, pos in annotations.items():
                setattr(obj, name, row[pos])
            out.append(obj)
        return out
