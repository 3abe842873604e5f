"""Every `hundred` command, registered by importing the modules that define them."""

from hundred import serve as _serve  # noqa: F401
from hundred.accounts import cli as _accounts_cli  # noqa: F401
from hundred.centre import cli as _centre_cli  # noqa: F401
from hundred.mail import cli as _mail_cli  # noqa: F401
from hundred.network import cli as _network_cli  # noqa: F401
from hundred.transfer import cli as _transfer_cli  # noqa: F401
