#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1
#
# roam_routepref_policy.sh - the host's own preference (policy
# route-metric) against the administrator's settings: Wi-Fi (metric 600)
# carries the association; Ethernet comes up with a worse metric (700):
# its address is added, Wi-Fi stays the primary. An interface priority
# outweighs the metrics; route-metric off gives the newest-address rule
# back (Ethernet), on again the metrics (Wi-Fi); sctpaddr link show and
# policy show report what the engine sees. (roam_routepref.sh: the
# metrics moving the association.)
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1  "eth"   |== path A ==|  cn-a 10.0.1.2          |
#     |   default metric 700    |            |                         |
#     |  mn-b 10.0.2.1  "wifi"  |== path B ==|  cn-b 10.0.2.2          |
#     |   default metric 600    |            |                         |
#     +-------------------------+            +-------------------------+
#
# The default routes point at the correspondent's addresses (each path is
# a direct link, so any source works over its own link). The association:
# $MN local port 5002 (bound to B, managed) to $CN port 5003 (bound to
# both, a stock peer), a stream of 1 KiB every 1 ms both ways throughout.
. "$(dirname "$0")/lib.sh"

tap_plan 8
. "$(dirname "$0")/routepref_lib.sh"

# 1. Ethernet comes up with a worse metric than Wi-Fi's: its address
# joins the association, Wi-Fi stays the primary.
eth_up()
{
	ip -n "$MN" addr add 10.0.1.1/24 dev mn-a && eth_route 700 &&
		wait_for "$WAIT" peer_has 5003 10.0.1.1 &&
		peer_primary_is 5003 10.0.2.1
}
check "Ethernet comes up with metric 700 (> 600): added, Wi-Fi stays primary" eth_up
tap_diag "elapsed: ${SECONDS} s"

# 2. What the policy sees: each link's default-route metrics, "-" for none.
link_metrics()
{
	[[ $(sa -j link show | jq -c '[.[] | {name, metric, metric6}]') == \
	   '[{"name":"mn-a","metric":700,"metric6":null},{"name":"mn-b","metric":600,"metric6":600}]' ]] &&
		sa link show dev mn-a | grep -q ' metric 700 metric6 - ' &&
		sa policy show | grep -q 'route-metric on'
}
check "link show: the metrics of the default routes; policy show: route-metric on" link_metrics
tap_diag "elapsed: ${SECONDS} s"

# 3. An explicit priority outweighs the metrics, and clearing it gives the
# choice back to them.
prio()
{
	sa link set dev mn-a priority 10 && on_eth || return 1
	sa link set dev mn-a priority 0 && on_wifi
}
check "priority on Ethernet outweighs its metric; cleared, Wi-Fi again" prio
tap_diag "elapsed: ${SECONDS} s"

# 4. route-metric off: the old rule, the newest address (Ethernet's);
# policy show says so.
off()
{
	sa policy set route-metric off || return 1
	[[ $(sa -j policy show | jq .route_metric) == false ]] &&
		sa policy show | grep -q 'route-metric off' && on_eth
}
check "route-metric off: the newest address (Ethernet) wins, policy show says off" off
tap_diag "elapsed: ${SECONDS} s"

# 5. On again: the metrics decide (Wi-Fi).
on()
{
	sa policy set route-metric on && on_wifi
}
check "route-metric on again: Wi-Fi (600 < 700)" on
tap_diag "elapsed: ${SECONDS} s"

# 6. A bad value is refused and changes nothing.
refused()
{
	! sa policy set route-metric maybe 2>/dev/null &&
		[[ $(sa -j policy show | jq .route_metric) == true ]]
}
check "route-metric maybe: refused, nothing changed" refused
tap_diag "elapsed: ${SECONDS} s"

# 7. The stream crossed it all.
streamed()
{
	kill -INT "${STREAM_PID[c]}" "${STREAM_PID[s]}"
	stream_wait c && stream_wait s && stream_clean c && stream_clean s
}
check "stream intact both ways, association alive" streamed

check "the stock correspondent: sctp_dar changed nothing there" peer_untouched
tap_exit
