"""Which address a request came from, trusting X-Forwarded-For only from known proxies.

A client can write any X-Forwarded-For it likes; only the entries that a trusted proxy
appended can be believed. So the chain is read from the right (the nearest hop first), each
trusted proxy is skipped, and the first address that is not a trusted proxy is the client.
With no trusted proxies the header is ignored altogether: rotating it changes nothing.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(entries: Iterable[str]) -> list[Network]:
    """Addresses or networks (`10.0.0.5`, `10.0.0.0/8`, `::1`) as networks.

    >>> parse_networks(["127.0.0.1"])
    [IPv4Network('127.0.0.1/32')]

    Raises ValueError naming the entry that is neither.
    """
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{entry!r} is not an IP address or network") from None
    return networks


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [::1]:443
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # 192.0.2.1:443
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket is the same client.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_trusted(address: str, trusted: Sequence[Network]) -> bool:
    parsed = _address(address)
    return parsed is not None and any(parsed in network for network in trusted)


def client_address(remote_addr: str, forwarded_for: str, trusted: Sequence[Network]) -> str:
    """The client's address: the peer's, or from X-Forwarded-For when the peer is trusted.

    >>> proxy = parse_networks(["127.0.0.1"])
    >>> client_address("127.0.0.1", "198.51.100.7, 203.0.113.9", proxy)
    '203.0.113.9'
    >>> client_address("192.0.2.1", "203.0.113.9", proxy)
    '192.0.2.1'
    """
    if not trusted or not is_trusted(remote_addr, trusted):
        return str(_address(remote_addr) or remote_addr)
    nearest = _address(remote_addr)
    hops = [hop for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        parsed = _address(hop)
        if parsed is None:
            break  # garbage in the chain: nothing to its left can be believed
        nearest = parsed
        if not any(parsed in network for network in trusted):
            return str(parsed)
    # Every hop was a trusted proxy (or the header was empty or broken): the farthest we
    # could follow is the client.
    return str(nearest or remote_addr)
