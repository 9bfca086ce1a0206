#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
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
. "$(dirname "$0")/routepref_lib.sh"

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
