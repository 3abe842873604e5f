"""Which address a request came from: X-Forwarded-For only counts from a trusted proxy."""

import pytest

from hundred.lib.clientip import client_address, is_trusted, parse_networks

LOCAL_PROXY = parse_networks(["127.0.0.1", "::1"])
PROXY_NET = parse_networks(["10.0.0.0/8"])


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "expected"),
    [
        # No trusted proxy: the header is ignored, whatever it says.
        ("203.0.113.9", "198.51.100.1", [], "203.0.113.9"),
        ("127.0.0.1", "198.51.100.1", [], "127.0.0.1"),
        # A stranger's header is ignored even when proxies are configured.
        ("203.0.113.9", "198.51.100.1", LOCAL_PROXY, "203.0.113.9"),
        # The trusted proxy appended the client it saw.
        ("127.0.0.1", "198.51.100.1", LOCAL_PROXY, "198.51.100.1"),
        # A client that sends its own header first cannot choose: the proxy's entry is last.
        ("127.0.0.1", "1.2.3.4, 198.51.100.1", LOCAL_PROXY, "198.51.100.1"),
        # Two trusted hops: skip both.
        ("10.0.0.2", "198.51.100.1, 10.0.0.7", PROXY_NET, "198.51.100.1"),
        # Garbage stops the walk at the last good hop.
        ("10.0.0.2", "198.51.100.1, not-an-ip, 10.0.0.7", PROXY_NET, "10.0.0.7"),
        # Every hop trusted: the farthest is the client (someone inside the network).
        ("10.0.0.2", "10.0.0.9", PROXY_NET, "10.0.0.9"),
        # No header from the proxy: the proxy is all we know.
        ("127.0.0.1", "", LOCAL_PROXY, "127.0.0.1"),
        # Ports and brackets, and IPv4 seen through an IPv6 socket.
        ("127.0.0.1", "198.51.100.1:5555", LOCAL_PROXY, "198.51.100.1"),
        ("::1", "[2001:db8::5]:443", LOCAL_PROXY, "2001:db8::5"),
        ("::ffff:127.0.0.1", "198.51.100.1", LOCAL_PROXY, "198.51.100.1"),
    ],
)
def test_it_finds_the_client(remote, forwarded, trusted, expected):
    assert client_address(remote, forwarded, trusted) == expected


def test_a_rotating_header_changes_nothing_without_a_trusted_proxy():
    seen = {client_address("203.0.113.9", f"198.51.100.{i}", []) for i in range(50)}
    assert seen == {"203.0.113.9"}


def test_it_reads_addresses_and_networks():
    assert is_trusted("10.1.2.3", parse_networks(["10.0.0.0/8"]))
    assert not is_trusted("11.1.2.3", parse_networks(["10.0.0.0/8"]))
    assert not is_trusted("", parse_networks(["10.0.0.0/8"]))
    with pytest.raises(ValueError, match="'proxy.internal' is not an IP address"):
        parse_networks(["proxy.internal"])
