#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1
#
# roam_loss_bbm.sh - break-before-make roams over lossy paths: netem drops
# 1 %, then 5 % of the packets in both directions on both access paths
# while the mobile node roams, and a burst (100 % for 300 ms on both
# paths, as B appears) swallows whatever goes then.
# (Make-before-break under loss: roam_loss.sh.) SCTP retransmits
# DATA, the kernel's T4 timer the ASCONF; sctp_dar must neither lose its
# place (a DELETE ahead of an ADD not yet acknowledged, a lost ASCONF
# taken as refused) nor let the association die.
#
# Here a lost ASCONF is expensive: when the DELETE of the last address is
# pending, the kernel resets every path's RTO to rto_initial (3 s) before
# the rescue ASCONF goes out, and each loss doubles it (3, 6, 12 s: a
# stall of 20-30 s was seen on stock 6.1 with 5 % loss). The bounds are
# set for that: WAIT for the peer's view, and -w (each stream's wait for
# the END exchange) 60 s.
#
# Break-before-make in the routed topology of roam_bbm.sh (router drops
# foreign source addresses), netem on mn-a, mn-b, r-a and r-b: A's cable
# is pulled and B appears at once.
#
# The correspondent runs as stock Linux (lib.sh peer_stock). Each case
# streams 1 KiB every 1 ms both ways and checks that the correspondent
# ends up knowing only B, as its primary, and that nothing was lost,
# duplicated, reordered or corrupted either way (the stream's own
# sequence numbers and CRCs, not SCTP's), with the association alive.
# The longest gap is reported, never asserted.
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
CN_ADDR=10.9.0.1
# The streams send until the checks are done (stream_end); DUR only
# bounds a stuck case. Loss makes every step slower: generous bounds.
DUR=120000
IVL=1000
WAIT=60
ENDWAIT=60000
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=90
fi

# The debug kernel (lockdep) runs one case: on a loaded 2-core host one
# lossy roam takes it 1-2 minutes, and make check gives a script two.
DEBUG=0
[[ -e /proc/lockdep ]] && DEBUG=1
tap_plan $((DEBUG ? 3 : 7))

require_tool tc jq
require_sctp_dar
require_module sch_netem
require_own_tool sctp_stream sctpaddr
# Parameters apply to namespaces created afterwards.
manage_ports all

. "$(dirname "$0")/loss_lib.sh"

state_diag()
{
	local ns

	for ns in "$MN" "$CN"; do
		tap_diag "${ns%%-*} assocs: $(ip netns exec "$ns" cat /proc/net/sctp/assocs | tail -n +2)"
	done
	tap_diag "mn stats: $(sctpaddr -n "$MN" -j stats)"
	tap_diag "$(dmesg | grep -E 'sctp_dar|sctp' | tail -n 20)"
}

peer_view_is() { [[ $(peer_view "$1") == "*$2 " ]]; }

# stream_checked NAME: end NAME's two streams, check them, report.
stream_checked()
{
	local name=$1 rc=0

	stream_end "$name-mn" "$name-cn"
	stream_reap "$name-mn" 150 || rc=1
	stream_reap "$name-cn" 20 || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	tap_diag "$name: max gap down $(stream_field "$name-mn" max_gap_ms) ms, up $(stream_field "$name-cn" max_gap_ms) ms"
	((rc)) && state_diag
	tap_result $rc "$name: stream intact both ways, association alive"
}

# ---- break-before-make ------------------------------------------------------

A=10.0.1.1
B=10.0.2.1
mn_a_up()
{
	ip -n "$MN" addr replace "$A/24" dev mn-a
	ip -n "$MN" route replace default via 10.0.1.254 dev mn-a metric 100
}

mn_b_up()
{
	ip -n "$MN" addr replace "$B/24" dev mn-b
	ip -n "$MN" route replace default via 10.0.2.254 dev mn-b metric 200
}

# bbm NAME PORT LOSS [burst]: A's cable pulled (its route goes), B
# appears at once; a burst then, if asked.
bbm()
{
	local name=$1 port=$2 rc=0

	LOSS=$3
	lossy loss "$LOSS" || { tap_notrun "$name: peer knows only B" "netem failed"; return; }
	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" -w "$ENDWAIT" \
		-B "$CN_ADDR" || rc=1
	stream_client "$name-mn" "$MN" "$CN_ADDR" "$port" -d "$DUR" -i "$IVL" -w "$ENDWAIT" \
		-B "$A" || rc=1
	if ((rc)); then
		tap_notrun "$name: peer knows only B" "no association"
		tap_notrun "$name: stream intact both ways, association alive" "no association"
		return
	fi
	sleep 0.5

	ip -n "$RT" link set r-a down
	ip -n "$MN" route del default via 10.0.1.254 2>/dev/null
	mn_b_up
	[[ ${4:-} == burst ]] && burst
	wait_for "$WAIT" peer_view_is "$port" "$B"
	rc=$?
	tap_diag "$name: peer view: $(peer_view "$port")"
	((rc)) && state_diag
	tap_result $rc "$name: peer knows only B, as primary"

	sleep 0.5
	stream_checked "$name"

	# Back to the start: A up, B gone.
	ip -n "$MN" addr del "$B/24" dev mn-b 2>/dev/null
	ip -n "$RT" link set r-a up
	mn_a_up
	sleep 0.3
}

topo_routed_links || setup_fail "cannot build the routed topology"
mn_a_up
asconf_enable "$MN" "$CN"
sleep 0.7	# SCTP's 500 ms address tick (lo, PLATFORM.md)
peer_stock || setup_fail "cannot make the correspondent a stock peer"
ENDS=("$MN" mn-a "$MN" mn-b "$RT" r-a "$RT" r-b)

((DEBUG)) || bbm "bbm, 1 % loss" 5311 1%
bbm "bbm, 5 % loss" 5312 5%
((DEBUG)) || bbm "bbm, 5 % loss, 300 ms burst as B appears" 5313 5% burst
check "the stock correspondent: sctp_dar changed nothing there" peer_untouched
tap_exit
