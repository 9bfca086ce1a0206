#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# roam_events.sh - host events other than a plain roam: a NIC hot-plugged
# under a live association, a flapping carrier, IPv6 duplicate address
# detection and a deprecated IPv6 address (seed 004: withdrawn after the
# grace period).
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |       fd00:1::1         |  (flaps;   |       fd00:1::2         |
#     |                         | deprecated)|                         |
#     |  mn-b 10.0.2.1 (flap)   |== path B ==|  cn-b 10.0.2.2          |
#     |       fd00:2::1 (DAD)   |            |       fd00:2::2         |
#     |  mn-c 10.0.3.1  (NIC    |== path C ==|  cn-c 10.0.3.2 (NIC     |
#     |                 added)  |            |                 added)  |
#     +-------------------------+            +-------------------------+
#
# sctp_dar runs in both namespaces (one module); which sockets it manages
# is chosen by local port: the mobile node's (630x) always, the
# correspondent's only in the NIC case, where path C appears at both ends
# and each end adds its own new address (both ends mobile).
# Every case streams both ways through the events and checks the stream
# (nothing lost, duplicated, reordered or corrupted, association alive) and
# the correspondent's view of the mobile node, read on the correspondent.
. "$(dirname "$0")/lib.sh"

DUR=6000
IVL=1000
WAIT=6
if [[ -e /proc/lockdep ]]; then	# lock debugging: several times slower
	DUR=25000
	IVL=10000
	WAIT=20
fi

tap_plan 9

require_sctp_dar
# For namespaces created from now on: the mobile node's client ports, and
# the correspondent's server port of the NIC case.
manage_ports 6301,6302,6303,5303
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
STATS0=$(sctpaddr -n "$MN" -j stats) || setup_fail "sctpaddr stats"

# /proc/net/sctp/assocs prints IPv6 addresses uncompressed.
A6=fd00:0001:0000:0000:0000:0000:0000:0001
B6=fd00:0002:0000:0000:0000:0000:0000:0001


# stream_start NAME PORT PEER "SERVER_ARGS" "CLIENT_ARGS"
# shellcheck disable=SC2086
stream_start()
{
	stream_server "$1-cn" "$CN" "$2" -d "$DUR" -i "$IVL" $4 || return 1
	stream_client "$1-mn" "$MN" "$3" "$2" -d "$DUR" -i "$IVL" $5
}

# stream_check NAME: a second more of traffic after the case's checks,
# then the end (SIGINT ends the sending phase), whatever is left of DUR:
# on the debug kernel DUR must outlast a slow set-up, not be waited out
# after it. Then the stream's own verdict, as a TAP line.
stream_check()
{
	local rc=0

	sleep 1
	stream_end "$1-mn" "$1-cn"
	stream_wait "$1-mn" || rc=1
	stream_wait "$1-cn" || rc=1
	stream_clean "$1-mn" && stream_clean "$1-cn" || rc=1
	tap_diag "$1: max gap down $(stream_field "$1-mn" max_gap_ms) ms, up $(stream_field "$1-cn" max_gap_ms) ms"
	tap_result $rc "$1: stream intact both ways, association alive"
}

# --- IPv6: B is used only once DAD is over; A, deprecated, goes after the
# grace period (grace_ms, 2 s by default).
name="ipv6 DAD and deprecation"
port=5301
if stream_start "$name" $port fd00:1::2 "-B fd00:1::2 -B fd00:2::2" "-P 6301 -B fd00:1::1"; then
	sleep 0.3
	ip netns exec "$MN" sysctl -qw net.ipv6.conf.mn-b.accept_dad=1
	ip -n "$MN" addr add fd00:2::1/64 dev mn-b
	tentative=$(ip -n "$MN" -6 addr show dev mn-b tentative | grep -c fd00:2::1)
	wait_for "$WAIT" peer_primary_is $port $B6
	rc=$?
	tap_diag "$name: B tentative when added: $tentative; peer view: $(peer_view $port)"
	[[ $(peer_view $port) == *fe80* ]] && rc=1
	tap_result $rc "$name: B added after DAD, made primary, no link-local"

	ip -n "$MN" addr change fd00:1::1/64 dev mn-a preferred_lft 0
	wait_for "$WAIT" peer_lacks $port $A6
	rc=$?
	tap_diag "$name: peer view after A was deprecated: $(peer_view $port)"
	tap_result $rc "$name: deprecated A deleted after the grace period"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: deprecated A deleted" "no association"
	tap_notrun "$name: stream" "no association"
fi
ip -n "$MN" addr flush dev mn-b
ip -n "$MN" addr change fd00:1::1/64 dev mn-a preferred_lft forever

# --- Carrier flap: A's cable goes out and back three times while B works.
# Each outage is shorter than the hold-down: a flap costs nothing,
# sctp_dar deletes nothing, the association keeps going over B and ends
# knowing both addresses. The hold-down is raised to 60 s for this case so
# that what is checked is the behaviour, not how fast a loaded host runs
# the six "ip" commands (the default, 3 s, is restored afterwards).
name="ipv4 carrier flap"
port=5302
mn_addr_b
if hold=$(sctpaddr -n "$MN" -j policy | jq -r '.holddown_ms') &&
     sctpaddr -n "$MN" policy set holddown-ms 60000 &&
     removed=$(sctpaddr -n "$MN" -j stats | jq -r '.addrs_removed') &&
     stream_start "$name" $port 10.0.1.2 "-B 10.0.1.2 -B 10.0.2.2" "-P 6302 -B 10.0.1.1 -B 10.0.2.1"; then
	sleep 0.3
	for i in 1 2 3; do
		carrier "$MN" mn-a off
		sleep 0.3
		carrier "$MN" mn-a on
		sleep 0.3
	done
	wait_for "$WAIT" peer_has $port 10.0.1.1 && peer_has $port 10.0.2.1
	rc=$?
	tap_diag "$name: peer view after the flaps: $(peer_view $port)"
	now=$(sctpaddr -n "$MN" -j stats | jq -r '.addrs_removed')
	tap_diag "$name: addresses sctp_dar deleted during the flaps: $((now - removed))"
	[[ $now == "$removed" ]] || rc=1
	((rc)) && tap_diag "$name: correspondent: $(ip netns exec "$CN" cat /proc/net/sctp/assocs)"
	tap_result $rc "$name: nothing deleted, peer knows A and B after the flaps"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: stream" "no association"
fi
[[ -n ${hold:-} ]] && sctpaddr -n "$MN" policy set holddown-ms "$hold"

# --- A NIC hot-plugged: path C appears under the live association, each
# end adds its address, then A's cable is pulled and C carries on.
name="ipv4 NIC hot-plugged"
port=5303
if stream_start "$name" $port 10.0.1.2 "-B 10.0.1.2 -B 10.0.2.2" "-P 6303 -B 10.0.1.1"; then
	sleep 0.3
	ip link add mn-c netns "$MN" type veth peer name cn-c netns "$CN"
	ip -n "$CN" addr add 10.0.3.2/24 dev cn-c
	ip -n "$CN" link set cn-c up
	ip -n "$MN" addr add 10.0.3.1/24 dev mn-c
	ip -n "$MN" link set mn-c up
	wait_for "$WAIT" peer_has $port 10.0.3.1
	rc=$?
	tap_diag "$name: peer view with the new NIC: $(peer_view $port)"
	tap_result $rc "$name: peer learns the new NIC's address"
	carrier "$MN" mn-a off
	wait_for "$WAIT" peer_lacks $port 10.0.1.1
	rc=$?
	tap_diag "$name: peer view after A's cable was pulled: $(peer_view $port)"
	tap_result $rc "$name: A deleted when its cable is pulled"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: A deleted" "no association"
	tap_notrun "$name: stream" "no association"
fi

# --- The engine's own counters (stats-get) moved with what it did: passes
# ran, addresses went onto and off the bound sockets (the NIC added, A
# deleted when deprecated), the queue never overflowed, no socket was
# skipped and every managed association could be reconfigured.
name="engine counters"
STATS1=$(sctpaddr -n "$MN" -j stats)
tap_diag "$name: before $(jq -c '{passes, bindx_add, bindx_rem, events_coalesced, events_dropped, sockets_skipped, assocs_blocked}' <<<"$STATS0")"
tap_diag "$name: after  $(jq -c '{passes, bindx_add, bindx_rem, events_coalesced, events_dropped, sockets_skipped, assocs_blocked}' <<<"$STATS1")"
jq -e -n --argjson a "$STATS0" --argjson b "$STATS1" '
	$b.passes > $a.passes and $b.bindx_add > $a.bindx_add and
	$b.bindx_rem > $a.bindx_rem and $b.events_dropped == $a.events_dropped and
	$b.sockets_skipped == $a.sockets_skipped and
	$b.assocs_blocked == $a.assocs_blocked' >/dev/null
tap_result $? "$name: passes, bindx ADD and REM counted; nothing dropped, skipped or blocked"
tap_exit
