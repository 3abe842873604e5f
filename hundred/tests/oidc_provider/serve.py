"""Start the test provider: migrate its database, register its users and Hundred as a client,
then serve on a free port of 127.0.0.1 and print the port (one line) once it listens.

    OIDC_PROVIDER_DB=/tmp/p.sqlite3 OIDC_PROVIDER_KEY="$(cat key.pem)" \\
        python -m hundred.tests.oidc_provider.serve < setup.json

setup.json: {"client": {"client_id", "client_secret", "redirect_uri", "post_logout_redirect_uri"},
             "users": [{"email", "password", "verified", "name"}]}
"""

import json
import os
import sys


def set_up(spec: dict) -> None:
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oauth2_provider.models import Application

    from hundred.tests.oidc_provider.validator import VERIFIED_GROUP

    call_command("migrate", run_syncdb=True, verbosity=0, interactive=False)
    verified = Group.objects.create(name=VERIFIED_GROUP)
    for person in spec["users"]:
        first, _, last = person.get("name", "").partition(" ")
        user = User.objects.create_user(
            person["email"], person["email"], person["password"], first_name=first, last_name=last
        )
        if person.get("verified"):
            user.groups.add(verified)
    client = spec["client"]
    Application.objects.create(
        name="Hundred",
        client_id=client["client_id"],
        client_secret=client["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=client["redirect_uri"],
        post_logout_redirect_uris=client.get("post_logout_redirect_uri", ""),
        algorithm=Application.RS256_ALGORITHM,
    )


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "hundred.tests.oidc_provider.settings"
    import django

    django.setup()
    set_up(json.load(sys.stdin))

    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    server = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(get_wsgi_application())
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
