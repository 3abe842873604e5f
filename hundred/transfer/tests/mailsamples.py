"""Realistic messages, written as mail programs write them, for the mail-in tests."""

from __future__ import annotations

ALICE = "alice@example.org"


def crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


REPLY_WITH_QUOTE = crlf("""\
Received: from mail.example.net by mx.example.org; Wed, 25 Nov 2026 09:12:03 +0000
From: Ada Lovelace <Ada@Example.NET>
To: Alice Martin <alice@example.org>
Subject: Re: 20 minutes about analytics teams?
Date: Wed, 25 Nov 2026 09:12:00 +0000
Message-ID: <CAF=reply-1@mail.example.net>
In-Reply-To: <ask-1@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hi Alice,

Happy to talk =E2=80=94 Thursday at 10 works for me.
Ada

On Mon, Nov 23, 2026 at 8:00 AM Alice Martin <alice@example.org> wrote:
> Hi Ada, could you spare 20 minutes?
> Alice
""")

OUTBOUND_BCC = crlf("""\
From: Alice Martin <alice@example.org>
To: Ada Lovelace <ada@example.net>, Grace Hopper <grace@example.net>
Subject: 20 minutes about analytics teams?
Date: Mon, 23 Nov 2026 08:00:00 +0000
Message-ID: <ask-1@example.org>
Delivered-To: log+AbCdEfGhIjKlMnOpQrStUv@hundred.example.org
Content-Type: text/plain; charset=utf-8

Hi Ada and Grace,
could you spare 20 minutes to tell me how your teams work?
Alice
""")

HTML_ONLY = crlf("""\
From: "Grace Hopper" <grace@example.net>
To: alice@example.org
Subject: Re: coffee
Date: Tue, 24 Nov 2026 16:30:00 -0500
Message-ID: <html-1@example.net>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><head><style>p { color: red }</style></head><body><div>Hi Alice,</div>
<p>Sure &mdash; let&#39;s have <b>coffee</b> on Friday.</p><blockquote>old text</blockquote>
</body></html>
""")

LATIN1 = (
    b"From: =?ISO-8859-1?Q?Ren=E9_M=FCller?= <rene@example.net>\r\n"
    b"To: alice@example.org\r\n"
    b"Subject: =?ISO-8859-1?Q?R=E9ponse?=\r\n"
    b"Date: Tue, 24 Nov 2026 10:00:00 +0100\r\n"
    b"Message-ID: <latin-1@example.net>\r\n"
    b"Content-Type: text/plain; charset=ISO-8859-1\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n\r\n"
    b"Tr\xe8s volontiers, Alice. \xc0 bient\xf4t.\r\n"
)

WRONG_CHARSET = (
    b"From: Ada Lovelace <ada@example.net>\r\n"
    b"To: alice@example.org\r\n"
    b"Subject: odd\r\n"
    b"Date: Tue, 24 Nov 2026 11:00:00 +0000\r\n"
    b"Message-ID: <charset-1@example.net>\r\n"
    b"Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
    b"Caf\xe9 tomorrow?\r\n"
)

FORWARDED_INLINE = crlf("""\
From: Alice Martin <alice@example.org>
To: log+AbCdEfGhIjKlMnOpQrStUv@hundred.example.org
Subject: Fwd: Re: introductions
Date: Wed, 25 Nov 2026 12:00:00 +0000
Message-ID: <fwd-1@example.org>
Content-Type: text/plain; charset=utf-8

For Hundred.

---------- Forwarded message ---------
From: Grace Hopper <grace@example.net>
Date: Tue, Nov 24, 2026 at 3:15 PM
Subject: Re: introductions
To: Alice Martin <alice@example.org>
Cc: Ken Thompson <ken@example.com>


Alice, meet Ken: he runs the data team at Initech.
Grace
""")

FORWARDED_ATTACHED = crlf("""\
From: Alice Martin <alice@example.org>
To: log+AbCdEfGhIjKlMnOpQrStUv@hundred.example.org
Subject: Fwd: notes
Date: Wed, 25 Nov 2026 12:30:00 +0000
Message-ID: <fwd-2@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: text/plain; charset=utf-8

See attached.
--outer
Content-Type: message/rfc822

From: Ada Lovelace <ada@example.net>
To: alice@example.org
Subject: notes from our call
Date: Tue, 24 Nov 2026 18:00:00 +0000
Message-ID: <inner-1@example.net>
Content-Type: text/plain; charset=utf-8

Here are the three names I promised.
--outer--
""")

WITH_ATTACHMENT = crlf("""\
From: Ada Lovelace <ada@example.net>
To: alice@example.org
Subject: my CV notes
Date: Tue, 24 Nov 2026 12:00:00 +0000
Message-ID: <attach-1@example.net>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Comments attached.
--b1
Content-Type: application/pdf; name="cv.pdf"
Content-Disposition: attachment; filename="cv.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKU0VDUkVUIEFUVEFDSE1FTlQ=
--b1--
""")

BOUNCE = crlf("""\
From: Mail Delivery Subsystem <mailer-daemon@example.org>
To: alice@example.org
Subject: Delivery Status Notification (Failure)
Date: Mon, 23 Nov 2026 08:01:00 +0000
Message-ID: <bounce-1@example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="r"

--r
Content-Type: text/plain

Your message to ada@example.net could not be delivered.
--r
Content-Type: message/delivery-status

Final-Recipient: rfc822; ada@example.net
Action: failed
Status: 5.1.1
--r--
""")

OUT_OF_OFFICE = crlf("""\
From: Ada Lovelace <ada@example.net>
To: alice@example.org
Subject: Automatic reply: 20 minutes about analytics teams?
Date: Mon, 23 Nov 2026 08:00:05 +0000
Message-ID: <ooo-1@example.net>
Auto-Submitted: auto-replied
Content-Type: text/plain

I am away until December 1st.
""")

X_AUTOREPLY = crlf("""\
From: Ada Lovelace <ada@example.net>
To: alice@example.org
Subject: Re: hello
Date: Mon, 23 Nov 2026 08:00:05 +0000
Message-ID: <ooo-2@example.net>
X-Autoreply: yes
Content-Type: text/plain

Away.
""")

PRECEDENCE_BULK = crlf("""\
From: Ada Lovelace <ada@example.net>
To: alice@example.org
Subject: Newsletter
Date: Mon, 23 Nov 2026 08:00:05 +0000
Message-ID: <bulk-1@example.net>
Precedence: bulk
Content-Type: text/plain

News.
""")

NO_FROM = crlf("""\
To: alice@example.org
Subject: who am I
Date: Mon, 23 Nov 2026 08:00:05 +0000
Message-ID: <nofrom-1@example.net>

Nobody wrote this.
""")

MBOX = (
    b"From ada@example.net Wed Nov 25 09:12:03 2026\n"
    b"From: Ada Lovelace <ada@example.net>\n"
    b"To: alice@example.org\n"
    b"Subject: first\n"
    b"Date: Wed, 25 Nov 2026 09:12:00 +0000\n"
    b"Message-ID: <mbox-1@example.net>\n\n"
    b"Line one.\n"
    b"\n"
    b">From the archive: this line was escaped by the mbox writer.\n"
    b"From here on the body goes, without a date, so it is no separator.\n"
    b"\n"
    b"From MAILER-DAEMON Thu Nov 26 10:00:00 2026\n"
    b"From: Grace Hopper <grace@example.net>\n"
    b"To: alice@example.org\n"
    b"Subject: second\n"
    b"Date: Thu, 26 Nov 2026 10:00:00 +0000\n"
    b"Message-ID: <mbox-2@example.net>\n\n"
    b"Second body.\n"
    b"\n"
    b"From ken@example.com Thu Nov 26 11:00:00 2026\n"
    b"From: Ken Thompson <ken@example.com>\n"
    b"To: alice@example.org\n"
    b"Subject: third, a stranger\n"
    b"Date: Thu, 26 Nov 2026 11:00:00 +0000\n\n"
    b"Hello from someone new.\n"
)
