#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# roam_routepref.sh - the host's own preference (policy route-metric):
# without interface priorities, the association's primary follows the
# default route with the lowest metric, as NetworkManager sets them
# (Ethernet 100, Wi-Fi 600). The mobile node starts on Wi-Fi; Ethernet
# comes up and the association moves to it; it moves back to Wi-Fi when
# Ethernet's default route goes or its metric is raised above Wi-Fi's.
# Priorities, route-metric off and what sctpaddr shows are in
# roam_routepref_policy.sh (two scripts, so that each fits the time one
# script has on the debug kernel of a loaded host).
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1  "eth"   |== path A ==|  cn-a 10.0.1.2          |
#     |   default metric 100    |            |                         |
#     |  mn-b 10.0.2.1  "wifi"  |== path B ==|  cn-b 10.0.2.2          |
#     |   default metric 600    |            |                         |
#     +-------------------------+            +-------------------------+
#
# The default routes point at the correspondent's addresses (each path is
# a direct link, so any source works over its own link). The association:
# $MN local port 5002 (bound to B, managed) to $CN port 5003 (bound to
# both, a stock peer), a stream of 1 KiB every 1 ms both ways throughout.
. "$(dirname "$0")/lib.sh"

tap_plan 6
require_sctp_dar
require_tool jq
manage_ports 5002
topo_two_paths || setup_fail "cannot build the topology"
for ns in "$MN" "$CN"; do
	sctp_sysctl "$ns" addip_enable 1
	sctp_sysctl "$ns" auth_enable 1
done
peer_stock || setup_fail "cannot make the correspondent a stock peer"
# A kernel with lock debugging is several times slower: a slower stream
# (as roam_mbb.sh) and more time.
WAIT=15
IVL=1000
if [[ -e /proc/lockdep ]]; then
	WAIT=45
	IVL=10000
	# sctp_stream itself starts slowly there (seen: over 5 s to listen).
	STREAM_LISTEN_WAIT=30
	STREAM_ASSOC_WAIT=60
fi

sa() { sctpaddr -n "$MN" "$@"; }
our_primary() { sa -j assoc show lport 5002 | jq -r '.[0].primary'; }

# check_diag: what a failing check (lib.sh) shows.
check_diag()
{
	tap_diag "peer view: $(peer_view 5003); our primary: $(our_primary)"
	tap_diag "mn routes: $(ip -n "$MN" route | tr '\n' ';') $(ip -n "$MN" -6 route show default | tr '\n' ';')"
	tap_diag "links: $(sa -j link show | jq -c '[.[] | {name, priority, metric, metric6}]')"
	tap_diag "policy: $(sa -j policy show | jq -c .)"
}

# Ethernet is not configured yet; Wi-Fi is, with its default routes.
ip -n "$MN" addr flush dev mn-a scope global
mn_addr_b
ip -n "$MN" route add default via 10.0.2.2 dev mn-b metric 600 &&
	ip -n "$MN" -6 route add default via fd00:2::2 dev mn-b metric 600 ||
	setup_fail "cannot add Wi-Fi's default routes"

stream_server s "$CN" 5003 -d 600000 -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c "$MN" 10.0.2.2 5003 -d 600000 -i "$IVL" -B 10.0.2.1 -P 5002 ||
	setup_fail "cannot set up the association"
sleep 0.5	# the stream runs over Wi-Fi first
tap_diag "set up: ${SECONDS} s"

eth_route() { ip -n "$MN" route replace default via 10.0.1.2 dev mn-a metric "$1"; }
eth_unroute() { ip -n "$MN" route del default via 10.0.1.2 dev mn-a; }
on_eth() { wait_for "$WAIT" peer_primary_is 5003 10.0.1.1; }
on_wifi() { wait_for "$WAIT" peer_primary_is 5003 10.0.2.1; }

# 1. Ethernet comes up, its address first, its default route a moment
# later (as a DHCP client configures it): the association moves to it.
eth_up()
{
	ip -n "$MN" addr add 10.0.1.1/24 dev mn-a || return 1
	sleep 0.2
	eth_route 100 && on_eth
}
check "Ethernet comes up (metric 100 < 600): the association moves to it" eth_up
tap_diag "elapsed: ${SECONDS} s"

# 2. Ethernet's default route goes (the cable is in, the address stays):
# back to Wi-Fi.
eth_noroute()
{
	eth_unroute && on_wifi
}
check "Ethernet's default route removed: back to Wi-Fi" eth_noroute
tap_diag "elapsed: ${SECONDS} s"

# 3. The route comes back: Ethernet again.
eth_back()
{
	eth_route 100 && on_eth
}
check "Ethernet's default route back: Ethernet again" eth_back
tap_diag "elapsed: ${SECONDS} s"

# 4. Ethernet's metric raised above Wi-Fi's (as NetworkManager does when a
# link loses connectivity): Wi-Fi.
eth_worse()
{
	eth_unroute && eth_route 700 && on_wifi
}
check "Ethernet's metric raised to 700 (> 600): Wi-Fi" eth_worse
tap_diag "elapsed: ${SECONDS} s"

# 5. The stream crossed it all.
streamed()
{
	kill -INT "${STREAM_PID[c]}" "${STREAM_PID[s]}"
	stream_wait c && stream_wait s && stream_clean c && stream_clean s
}
check "stream intact both ways, association alive" streamed
tap_diag "elapsed: ${SECONDS} s"

check "the stock correspondent: sctp_dar changed nothing there" peer_untouched
tap_exit
