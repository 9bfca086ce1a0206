#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1
#
# roam_loss.sh - make-before-break roams over lossy paths: netem drops
# 1 %, then 5 % of the packets in both directions on both paths while the
# mobile node roams, and a burst (100 % for 300 ms on both paths, at the
# moment of the roam) swallows the first ASCONF and whatever goes with it.
# (Break-before-make under loss: roam_loss_bbm.sh.) SCTP retransmits
# DATA, the kernel's T4 timer the ASCONF; sctp_dar must neither lose its
# place (a DELETE ahead of an ADD not yet acknowledged, a lost ASCONF
# taken as refused) nor let the association die.
#
# Make-before-break in the two-path topology (lib.sh topo_two_paths):
#
#     +---------- $MN ----------+  netem on  +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2          |
#     +-------------------------+  all four  +-------------------------+
#                                   ends
#
# The correspondent runs as stock Linux (lib.sh peer_stock). Each case
# streams 1 KiB every 1 ms both ways and checks that the correspondent
# ends up knowing only B, as its primary, and that nothing was lost,
# duplicated, reordered or corrupted either way (the stream's own
# sequence numbers and CRCs, not SCTP's), with the association alive.
# The longest gap is reported, never asserted.
. "$(dirname "$0")/lib.sh"

# The streams send until the checks are done (stream_end); DUR only
# bounds a stuck case. Loss makes every step slower: generous bounds.
DUR=120000
IVL=1000
WAIT=20
# Each stream's wait for the END exchange (-w): after a burst, RTO backoff
# stalled a stream for 18 s on the debug kernel, past the default 10 s.
ENDWAIT=60000
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=40
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

# ---- make-before-break ------------------------------------------------------

# mbb NAME PORT LOSS [burst]: B appears (with a burst then, if asked), the
# peer must make it primary; A's cable is pulled, the peer must forget A.
mbb()
{
	local name=$1 port=$2 rc=0

	LOSS=$3
	lossy loss "$LOSS" || { tap_notrun "$name: peer knows only B" "netem failed"; return; }
	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" -w "$ENDWAIT" \
		-B 10.0.1.2 -B 10.0.2.2 || rc=1
	stream_client "$name-mn" "$MN" 10.0.1.2 "$port" -d "$DUR" -i "$IVL" -w "$ENDWAIT" \
		-B 10.0.1.1 || rc=1
	if ((rc)); then
		tap_notrun "$name: peer knows only B" "no association"
		tap_notrun "$name: stream intact both ways, association alive" "no association"
		return
	fi
	sleep 0.5	# the stream runs over A first

	mn_addr_b
	[[ ${4:-} == burst ]] && burst
	wait_for "$WAIT" peer_primary_is "$port" 10.0.2.1
	rc=$?
	if ((rc == 0)); then
		carrier "$MN" mn-a off
		wait_for "$WAIT" peer_view_is "$port" 10.0.2.1
		rc=$?
	fi
	tap_diag "$name: peer view: $(peer_view "$port")"
	((rc)) && state_diag
	tap_result $rc "$name: peer made B primary, then knows only B"

	sleep 0.5	# traffic over B alone
	stream_checked "$name"

	# Back to the start: A plugged in, B gone.
	carrier "$MN" mn-a on
	ip -n "$MN" addr flush dev mn-b scope global
	sleep 0.3
}

topo_two_paths || setup_fail "cannot build the two-path topology"
asconf_enable "$MN" "$CN"
peer_stock || setup_fail "cannot make the correspondent a stock peer"
ENDS=("$MN" mn-a "$MN" mn-b "$CN" cn-a "$CN" cn-b)

((DEBUG)) || mbb "mbb, 1 % loss" 5301 1%
((DEBUG)) || mbb "mbb, 5 % loss" 5302 5%
mbb "mbb, 5 % loss, 300 ms burst as B appears" 5303 5% burst
check "the stock correspondent: sctp_dar changed nothing there" peer_untouched

tap_exit
