#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# roam_bbm.sh - break-before-make roams in the routed topology (shared
# TESTING.md #1): the correspondent has ONE address behind a router whose
# access links drop packets with a foreign source address (strict rp_filter,
# BCP 38); the mobile node has a default route per access link, and a link
# that goes down loses its route (as a DHCP client does).
#
#   +----- $MN -----+          +------ $RT ------+          +--- $CN ---+
#   | mn-a 10.0.1.1 |== A ===  | r-a 10.0.1.254  |          |           |
#   |  (dies)       |          |    rp_filter=1  |== r-c == | cn-c      |
#   | mn-b 10.0.2.1 |== B ===  | r-b 10.0.2.254  | 10.9.0.254  10.9.0.1 |
#   |  (new)        |          |    rp_filter=1  |          |           |
#   +---------------+          +-----------------+          +-----------+
#
# Wildcard cases use the kernel's auto_asconf (switched on by the
# application, -A), which sctp_dar orders and hurries.
#
# The stock stack never recovers from these: its ADD of B can only leave
# with source A, which the router drops, and B cannot be a source before
# the peer acknowledged it. sctp_dar makes the DELETE of A pending first, so
# that the kernel bundles it with the ADD of B and sends that ASCONF from B
# (RFC 5061 §5.3 F1).
#
# Each case streams 1 KiB every 1 ms both ways through the roam and checks
# that nothing was lost, duplicated, reordered or corrupted, that the
# association survived, and that the correspondent ends up knowing only B,
# as its primary. The correspondent runs as stock Linux: sctp_dar leaves
# its namespace alone (lib.sh peer_stock; the last case checks it changed
# nothing there), so the peer-side checks are made against a stock peer.
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
# A kernel with lock debugging is several times slower: give it time. (Its
# build carries the fix for the stock kernel's auto_asconf bug, tests/vm/
# patches/, so the wildcard cases run there too.)
# The streams send until the checks are done (stream_end), however slow
# the machine is; DUR only bounds a stuck case.
DUR=120000
IVL=1000
WAIT=10
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=20
fi

tap_plan 11

require_module sctp
require_module veth
require_sctp_dar
# Parameters apply to namespaces created afterwards.
manage_ports all

topo_routed()
{
	topo_routed_links || return 1
	mn_a_up
	for ns in "$MN" "$CN"; do
		sctp_sysctl "$ns" addip_enable 1
		sctp_sysctl "$ns" auth_enable 1
	done
	# Let SCTP's 500 ms address tick pass (lo, PLATFORM.md).
	sleep 0.7
}

mn_b_down()
{
	ip -n "$MN" addr del "$B/24" dev mn-b 2>/dev/null
}

# A released (DHCP): the address and its route go.
mn_a_released()
{
	ip -n "$MN" route del default via 10.0.1.254 2>/dev/null
	ip -n "$MN" addr del "$A/24" dev mn-a
}

# kmsg_diag: sctp_dar's recent messages, for a failing case. The log is
# not cleared: the harness reads it after the script for splats.
kmsg_diag()
{
	tap_diag "$(dmesg | grep -E 'sctp_dar|sctp' | tail -n 40)"
}

# state_diag: both ends' associations and paths, the node's routes.
state_diag()
{
	local ns

	for ns in "$MN" "$CN"; do
		tap_diag "${ns%%-*} assocs: $(ip netns exec "$ns" cat /proc/net/sctp/assocs | tail -n +2)"
		tap_diag "${ns%%-*} remaddr: $(ip netns exec "$ns" cat /proc/net/sctp/remaddr)"
	done
	tap_diag "mn routes: $(ip -n "$MN" route)"
	tap_diag "mn addrs: $(ip -n "$MN" -4 addr show | grep inet)"
}

peer_view_is_b()
{
	[[ $(assoc_raddrs "$CN" "$1" | tr '\n' ' ') == "*$B " ]]
}

# bbm NAME PORT "CLIENT_ARGS" BREAK MAKE: stream, then BREAK and MAKE back
# to back (shell functions), then check.
bbm()
{
	local name=$1 port=$2 rc=0 view

	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" -B "$CN_ADDR" || rc=1
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$CN_ADDR" "$port" -d "$DUR" -i "$IVL" $3 || rc=1
	if ((rc)); then
		tap_fail "$name: association set up"
		tap_notrun "$name: stream intact both ways, association alive" "no association"
		return
	fi
	sleep 0.5	# the stream runs over A first

	$4
	$5
	wait_for "$WAIT" peer_view_is_b "$port"
	rc=$?
	view=$(assoc_raddrs "$CN" "$port" | tr '\n' ' ')
	tap_diag "$name: peer view: $view"
	((rc)) && state_diag && kmsg_diag
	tap_result $rc "$name: peer knows only B, as primary"

	# Half a second of traffic after the check, then the end.
	sleep 0.5
	stream_end "$name-mn" "$name-cn"
	rc=0
	stream_reap "$name-mn" 30 || rc=1
	stream_reap "$name-cn" 5 || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	((rc)) && state_diag && kmsg_diag
	tap_diag "$name: max gap down $(stream_field "$name-mn" max_gap_ms) ms, up $(stream_field "$name-cn" max_gap_ms) ms"
	tap_result $rc "$name: stream intact both ways, association alive"

	# Back to the start: A up, B gone.
	mn_b_down
	mn_a_cable_plugged
	sleep 0.3
}

topo_routed || setup_fail "cannot build the routed topology"
peer_stock || setup_fail "cannot make the correspondent a stock peer"
echo 'module sctp_dar +p' >/proc/dynamic_debug/control 2>/dev/null
dmesg -n 4 2>/dev/null

bbm "bound, B appears as A's cable is pulled" 5201 "-B $A" \
	mn_a_cable_pulled mn_b_up
bbm "wildcard, B appears as A's cable is pulled" 5202 "-A" \
	mn_a_cable_pulled mn_b_up
bbm "bound, A released then B" 5203 "-B $A" mn_a_released mn_b_up
bbm "wildcard, A released then B" 5204 "-A" mn_a_released mn_b_up

# Failover: B is already part of the association when A's cable is pulled.
mn_b_up
bbm_failover()
{
	local rc=0

	stream_server "failover-cn" "$CN" 5205 -d "$DUR" -i "$IVL" -B "$CN_ADDR" || rc=1
	stream_client "failover-mn" "$MN" "$CN_ADDR" 5205 -d "$DUR" -i "$IVL" -B "$A" -B "$B" || rc=1
	if ((rc)); then
		tap_fail "failover: association set up"
		tap_notrun "failover: stream intact both ways, association alive" "no association"
		return
	fi
	sleep 0.5
	mn_a_cable_pulled
	wait_for "$WAIT" peer_view_is_b 5205
	rc=$?
	tap_diag "failover: peer view: $(assoc_raddrs "$CN" 5205 | tr '\n' ' ')"
	tap_result $rc "failover: A's cable pulled, peer knows only B"
	sleep 0.5
	stream_end failover-mn failover-cn
	rc=0
	stream_reap "failover-mn" 30 || rc=1
	stream_reap "failover-cn" 5 || rc=1
	stream_clean "failover-mn" && stream_clean "failover-cn" || rc=1
	tap_diag "failover: max gap down $(stream_field failover-mn max_gap_ms) ms, up $(stream_field failover-cn max_gap_ms) ms"
	tap_result $rc "failover: stream intact both ways, association alive"
}
bbm_failover
check "the stock correspondent: sctp_dar changed nothing there" peer_untouched
tap_exit
