"""`hundred worker`, `sendtestmail` and `digest`."""

from __future__ import annotations

import argparse

from hundred.cli import UsageError, arguments, command


def _worker_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--once", action="store_true", help="run what is due now, then exit (for cron)"
    )


@command(
    "worker",
    help="run background work: morning digests, weekly reviews, pauses that end",
    example="hundred worker",
    needs="database",
)
@arguments(_worker_args)
def worker(args: argparse.Namespace) -> int:
    import threading

    from django.conf import settings

    from hundred.mail.inbox import BadMailInUrl, parse_url
    from hundred.mail.worker import run_forever, run_once

    if settings.MAIL_IN_URL:
        try:
            parse_url(settings.MAIL_IN_URL)
        except BadMailInUrl as e:
            raise UsageError(str(e)) from None
    if args.once:
        done = run_once()
        print(
            f"Queued {done['queued']} mails; {done['back_from_pause']} people back from a pause; "
            f"{done['mail_logged']} messages logged from the logging mailbox; "
            f"{done['insights']} Insights pages computed ahead of a view."
        )
        return 0
    print("Hundred's worker is running. Press Ctrl+C to stop.", flush=True)
    stop = threading.Event()
    try:
        run_forever(stop)
    except KeyboardInterrupt:
        stop.set()
    return 0


def _sendtestmail_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("email", metavar="EMAIL", help="the address to send the test to")


@command(
    "sendtestmail",
    help="send one test message, to check the mail settings (EMAIL_URL)",
    example="hundred sendtestmail ann@example.org",
    needs="django",
)
@arguments(_sendtestmail_args)
def sendtestmail(args: argparse.Namespace) -> int:
    import smtplib
    import sys

    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.core.mail import send_mail
    from django.core.validators import validate_email

    try:
        validate_email(args.email)
    except ValidationError:
        raise UsageError(f"{args.email!r} is not an e-mail address.") from None
    try:
        send_mail(
            "Hundred: test message",
            "Hundred can send mail from here: digests and password resets will arrive.",
            settings.DEFAULT_FROM_EMAIL,
            [args.email],
        )
    except (smtplib.SMTPException, OSError) as e:
        print(f"Could not send: {type(e).__name__}: {e}. Check EMAIL_URL.", file=sys.stderr)
        return 1
    print(f"Sent a test message to {args.email} from {settings.DEFAULT_FROM_EMAIL}.")
    return 0


def _digest_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--now", action="store_true", help="send it at once (when there is something to say)"
    )


@command(
    "digest",
    help="show an account's morning digest; --now sends it",
    example="hundred digest --user ann@example.org --now",
    needs="account",
    json=True,
)
@arguments(_digest_args)
def digest(args: argparse.Namespace, user) -> int:
    import json
    import sys

    from django.utils import timezone

    from hundred.mail.digest import build_digest
    from hundred.mail.sending import send_to

    now = timezone.now()
    mail = build_digest(user, now)
    sent, error = False, ""
    if args.now and not mail.is_empty:
        try:
            send_to(user, mail)
            sent = True
        except Exception as e:  # noqa: BLE001 — any SMTP or network failure is reported
            error = f"{type(e).__name__}: {e}"
    if args.json:
        report = {"sent": sent, "items": mail.items, "subject": mail.subject, **mail.summary}
        if error:
            report["error"] = error
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(f"Subject: {mail.subject}\n\n{mail.text}")
        if args.now:
            print(
                f"Sent to {user.email}."
                if sent
                else error or "Nothing to do today, so nothing was sent."
            )
    if error:
        print(f"Could not send: {error}. Check EMAIL_URL.", file=sys.stderr)
        return 1
    return 0
