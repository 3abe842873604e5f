"""`hundred` and `python -m hundred`: the command line."""

import sys

from hundred.cli import main as _main


def main() -> None:
    sys.exit(_main())


if __name__ == "__main__":
    main()
