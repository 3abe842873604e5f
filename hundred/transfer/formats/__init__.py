"""Import formats, one module each; pure: bytes in, records out, no Django.

`dispatch.parse(kind, data)` is the one entry point; `records` holds what every format returns.
"""
