#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug] [stock-6.12]
#
# roam_both.sh - both ends move: the mobile node and the correspondent
# each get an address on a new network B, one after the other or at the
# same moment (both commands within one RTT), then both lose network A
# (its cable pulled, addresses kept). The association must follow, with
# its stream intact both ways.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |                         |  (cable    |                         |
#     |                         |   pulled)  |                         |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2    (new) |
#     +-------------------------+            +-------------------------+
#
# Path B starts without addresses at either end, so an address added at
# one end alone leads nowhere until the other end's arrives: the first
# ADD is acknowledged over A, but its path cannot be confirmed yet.
# Cases:
#  - a stock correspondent (sctp_dar leaves its namespace alone, lib.sh
#    peer_stock) that moves with the kernel's own auto_asconf (a wildcard
#    server, default_auto_asconf=1): both at once. The stock kernel never
#    deletes an address whose link is down, so there only the mobile
#    node's side must end on B alone. The mobile node's sctp_dar learns
#    the peer's B only after its own switch (the stock timer announces it
#    up to 0.5 s later), and must still move its own primary onto it.
#  - sctp_dar on both ends, sockets bound to their addresses: the mobile
#    node moves first, the correspondent 1 s later; then both at once.
# Each case checks, on both ends (/proc/net/sctp/assocs): each knows the
# other's B address and sends to it; where sctp_dar runs at the other end,
# A is gone; the stream arrived whole both ways and the association lived.
. "$(dirname "$0")/lib.sh"

# The streams send until the checks are done (stream_end); DUR only
# bounds a stuck case.
DUR=120000
IVL=1000
WAIT=15
if [[ -e /proc/lockdep ]]; then	# lock debugging: several times slower
	IVL=10000
	WAIT=40
fi

tap_plan 7

require_own_tool sctp_stream
require_sctp_dar
# Parameters apply to namespaces created afterwards.
manage_ports all
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

# b_down: path B without addresses at either end (the start of a case).
b_down()
{
	ip -n "$MN" addr flush dev mn-b scope global
	ip -n "$CN" addr flush dev cn-b scope global
}

mn_b() { ip -n "$MN" addr add 10.0.2.1/24 dev mn-b; }
cn_b() { ip -n "$CN" addr add 10.0.2.2/24 dev cn-b; }

# ends_on_b CPORT MPORT ONLY: the correspondent (its association on local
# port CPORT) sends to 10.0.2.1 and the mobile node (on MPORT) to
# 10.0.2.2; ONLY=both: each knows nothing else; ONLY=cn: the
# correspondent's view is B only; ONLY=none: either may know A still.
ends_on_b()
{
	local cn mn

	cn=" $(assoc_raddrs "$CN" "$1" | tr '\n' ' ')"
	mn=" $(assoc_raddrs "$MN" "$2" | tr '\n' ' ')"
	[[ $cn == *" *10.0.2.1 "* && $mn == *" *10.0.2.2 "* ]] || return 1
	case $3 in
	both) [[ $cn == " *10.0.2.1 " && $mn == " *10.0.2.2 " ]] ;;
	cn) [[ $cn == " *10.0.2.1 " ]] ;;
	*) true ;;
	esac
}

views_diag()
{
	tap_diag "$1: correspondent's view: $(assoc_raddrs "$CN" "$2" | tr '\n' ' '); mobile node's: $(assoc_raddrs "$MN" "$3" | tr '\n' ' ')"
}

# roam NAME PORT ORDER ONLY "SERVER_ARGS": ORDER is "seq" (the mobile
# node first, the correspondent 1 s later) or "same"; the mobile node's
# client is bound to 10.0.1.1 on local port PORT+100.
roam()
{
	local name=$1 port=$2 order=$3 only=$4 mport=$(($2 + 100)) rc=0 pid

	b_down
	# shellcheck disable=SC2086
	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" $5 || rc=1
	((rc)) || stream_client "$name-mn" "$MN" 10.0.1.2 "$port" -d "$DUR" \
		-i "$IVL" -P "$mport" -B 10.0.1.1 || rc=1
	if ((rc)); then
		tap_fail "$name: both ends learn B and send to it"
		tap_notrun "$name: A pulled: B only, stream intact both ways" "no association"
		return
	fi
	sleep 0.5	# the stream runs on A first

	if [[ $order == seq ]]; then
		mn_b
		sleep 1
		cn_b
	else
		mn_b &
		pid=$!
		cn_b
		wait "$pid"	# (a bare wait would wait for the streams too)
	fi
	wait_for "$WAIT" ends_on_b "$port" "$mport" none
	rc=$?
	((rc)) && views_diag "$name: make" "$port" "$mport"
	tap_result $rc "$name: both ends learn B and send to it"

	carrier "$MN" mn-a off	# both ends lose A
	wait_for "$WAIT" ends_on_b "$port" "$mport" "$only"
	rc=$?
	views_diag "$name: break" "$port" "$mport"
	sleep 0.5	# traffic over B alone, then the end
	stream_end "$name-mn" "$name-cn"
	stream_wait "$name-mn" || rc=1
	stream_wait "$name-cn" || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	tap_diag "$name: max gap down $(stream_field "$name-mn" max_gap_ms) ms, up $(stream_field "$name-cn" max_gap_ms) ms"
	tap_result $rc "$name: A pulled: B only, stream intact both ways"

	carrier "$MN" mn-a on
	sleep 0.3
}

peer_stock || setup_fail "cannot make the correspondent a stock peer"
# The accepted socket gets auto_asconf from the sysctl, not the listener.
sctp_sysctl "$CN" default_auto_asconf 1
roam "stock correspondent (auto_asconf), at the same moment" 5203 same cn ""
check "the stock correspondent: sctp_dar changed nothing there" peer_untouched
sctp_sysctl "$CN" default_auto_asconf 0
peer_dar || setup_fail "cannot let sctp_dar manage the correspondent"
roam "sctp_dar on both ends, one after the other" 5201 seq both "-B 10.0.1.2"
roam "sctp_dar on both ends, at the same moment" 5202 same both "-B 10.0.1.2"
tap_exit
