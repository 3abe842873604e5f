"""Who is signed in: Django's `AuthenticationMiddleware` and `auth.get_user`, with the account's
row read by SQL compiled once per database connection instead of on every request.

Django's `ModelBackend.get_user` runs `User.objects.get(pk=…)`, which builds and compiles the
query anew on each request (~0.25 ms of CPU here, with the session's the largest part of a
signed-in page's floor). `load_user` runs the SQL that query compiles to, kept on the
connection (each thread has its own), with the same converters and model construction. The
rest is Django's `get_user` as it stands in 5.2: the backend named in the session must still be
configured, the account must still be allowed to sign in (`user_can_authenticate`), and the
session's hash of the password must still match — a changed password ends other sessions, and
log-out deletes the session row (sessions.py), so nothing is trusted that the server did not
keep. Backends with their own `get_user` are asked as before.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, load_backend
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthMiddleware
from django.contrib.auth.middleware import auser
from django.contrib.auth.models import AnonymousUser
from django.db import connections, router
from django.utils.crypto import constant_time_compare
from django.utils.functional import SimpleLazyObject

_KEPT = "_hundred_user_by_pk"  # where each connection keeps the compiled SELECT
_PLACEHOLDER = 987_654_321_987  # an id in the SQL's parameters while it is compiled


def _compiled(connection, model):
    kept = connection.__dict__.get(_KEPT)
    if kept is None or kept[0] is not model:
        query = model._default_manager.filter(pk=_PLACEHOLDER).query
        compiler = query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        if list(params) != [_PLACEHOLDER]:  # a manager that adds conditions: not this way
            kept = (model, None, None, None)
        else:
            columns = [col for col, _, _ in compiler.select]
            names = [col.target.attname for col in columns]
            converters = compiler.get_converters(columns)
            kept = (model, sql, names, (compiler, converters))
        connection.__dict__[_KEPT] = kept
    return kept


def load_user(model, pk):
    """`model._default_manager.get(pk=pk)`, or None where that raises DoesNotExist."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    _, sql, names, conv = _compiled(connection, model)
    if sql is None:
        return model._default_manager.filter(pk=pk).first()
    pk = model._meta.pk.get_prep_value(pk)  # what the ORM does first: "x" raises ValueError
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    compiler, converters = conv
    if converters:
        row = next(compiler.apply_converters([row], converters))
    return model.from_db(alias, names, row)


def _backend_user(backend, user_id):
    if type(backend).get_user is not ModelBackend.get_user:
        return backend.get_user(user_id)
    user = load_user(auth.get_user_model(), user_id)
    return user if user is not None and backend.user_can_authenticate(user) else None


def get_user(request):
    """django.contrib.auth.get_user (Django 5.2), the user read by `_backend_user`."""
    user = None
    try:
        user_id = auth._get_user_session_key(request)
        backend_path = request.session[BACKEND_SESSION_KEY]
    except KeyError:
        pass
    else:
        if backend_path in settings.AUTHENTICATION_BACKENDS:
            backend = load_backend(backend_path)
            user = _backend_user(backend, user_id)
            # Verify the session
            if hasattr(user, "get_session_auth_hash"):
                session_hash = request.session.get(HASH_SESSION_KEY)
                if not session_hash:
                    session_hash_verified = False
                else:
                    session_auth_hash = user.get_session_auth_hash()
                    session_hash_verified = constant_time_compare(session_hash, session_auth_hash)
                if not session_hash_verified:
                    # A session made under a key of SECRET_KEY_FALLBACKS: moved to the
                    # current key; else the session is ended.
                    if session_hash and any(
                        constant_time_compare(session_hash, fallback_auth_hash)
                        for fallback_auth_hash in user.get_session_auth_fallback_hash()
                    ):
                        request.session.cycle_key()
                        request.session[HASH_SESSION_KEY] = session_auth_hash
                    else:
                        request.session.flush()
                        user = None
    return user or AnonymousUser()


def _cached_user(request):
    if not hasattr(request, "_cached_user"):
        request._cached_user = get_user(request)
    return request._cached_user


class AuthenticationMiddleware(DjangoAuthMiddleware):
    def process_request(self, request):
        super().process_request(request)  # its checks; then the user from get_user above
        request.user = SimpleLazyObject(partial(_cached_user, request))
        request.auser = partial(auser, request)
