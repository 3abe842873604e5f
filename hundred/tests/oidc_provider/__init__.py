"""A real OpenID Connect provider for the single sign-on tests: a second, tiny Django project
run by django-oauth-toolkit in its own process (`serve.py`); test_sso.py starts it."""
