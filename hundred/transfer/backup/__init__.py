"""The JSON backup: one account out to a versioned file, and back into an empty account.

table.py says what is in the file, field by field, and columns.py how each value converts;
export.py writes the file and restore.py reads it back, both from that one table.
"""

from hundred.transfer.backup.export import dumps_backup, export_backup
from hundred.transfer.backup.restore import AccountNotEmpty, BadBackup, do_restore, read_backup

__all__ = [
    "AccountNotEmpty",
    "BadBackup",
    "do_restore",
    "dumps_backup",
    "export_backup",
    "read_backup",
]
