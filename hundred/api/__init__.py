"""The JSON API at /api/v1/ (docs/api.md): django-ninja over the apps' domain layer.

It sits above the apps, like the command line: every write calls the same `do_*` actions (and
forms, for their validation) as the web, so no rule is written twice.
"""
