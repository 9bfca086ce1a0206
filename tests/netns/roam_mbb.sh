#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# roam_mbb.sh - make-before-break roam: the mobile node gets address B on
# path B while A still works; sctp_dar adds B to the association, confirms
# the path, makes B the peer's primary; later A's cable is pulled (address
# kept, as when Wi-Fi drops) and sctp_dar deletes A at once.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |       fd00:1::1         |  (cable    |       fd00:1::2         |
#     |                         |   pulled)  |                         |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2          |
#     |       fd00:2::1   (new) |            |       fd00:2::2         |
#     +-------------------------+            +-------------------------+
#
# The correspondent is bound to both its addresses (a multihomed server)
# and runs as stock Linux: sctp_dar leaves its namespace alone (lib.sh
# peer_stock; the last case checks it changed nothing there), so every
# check on the peer side is made against a stock peer. One more case runs
# with sctp_dar managing the correspondent too.
# Each case streams 1 KiB messages every 1 ms both ways through the roam and
# checks: nothing lost, duplicated, reordered or corrupted either way; the
# association survived; the peer's final view of the mobile node (read on
# the correspondent) is B only, with B its primary.
. "$(dirname "$0")/lib.sh"

# A kernel with lock debugging is several times slower: give it time. (Its
# build carries the fix for the stock kernel's auto_asconf bug, tests/vm/
# patches/, so the wildcard case runs there too.)
# The streams send until the checks are done (stream_end), however slow
# the machine is; DUR only bounds a stuck case.
DUR=120000
IVL=1000
WAIT=10
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=25
fi

tap_plan 13

require_sctp_dar
# Parameters apply to namespaces created afterwards.
manage_ports all
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
peer_stock || setup_fail "cannot make the correspondent a stock peer"

# now_ms: CLOCK_REALTIME in milliseconds (sctp_stream's t0_unix_us base).
now_ms()
{
	local t=${EPOCHREALTIME/./}

	echo $((t / 1000))
}

# gap_diag NAME T_MAKE T_BREAK: where the longest gap of NAME's receive
# side was, relative to the make (B added) and the break (cable pulled).
gap_diag()
{
	local t0 at gap

	t0=$(stream_field "$1" t0_unix_us)
	at=$(stream_field "$1" max_gap_at_ms)
	gap=$(stream_field "$1" max_gap_ms)
	[[ $t0 =~ ^[0-9]+$ && $at =~ ^[0-9.]+$ ]] || return
	awk -v t0="$t0" -v at="$at" -v gap="$gap" -v m="$2" -v b="$3" -v n="$1" 'BEGIN {
		start = t0 / 1000 + at
		printf "%s: max gap %.1f ms, began %+.0f ms from the make, %+.0f ms from the break\n",
			n, gap, start - m, start - b }'
}

# roam NAME PORT PEER A B "SERVER_ARGS" "CLIENT_ARGS"
roam()
{
	local name=$1 port=$2 peer=$3 a=$4 b=$5 rc=0 view="" t_make t_break

	# shellcheck disable=SC2086
	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" $6 || rc=1
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$peer" "$port" -d "$DUR" -i "$IVL" $7 || rc=1
	if ((rc)); then
		tap_fail "$name: association set up"
		tap_notrun "$name: peer learns B, makes it primary" "no association"
		tap_notrun "$name: A deleted when its cable is pulled" "no association"
		return
	fi
	# Let the stream run on path A first.
	sleep 0.5

	t_make=$(now_ms)
	mn_addr_b
	wait_for "$WAIT" peer_primary_is "$port" "$b"
	rc=$?
	if ((rc)); then
		tap_diag "$name: peer view: $(assoc_raddrs "$CN" "$port" | tr '\n' ' ')"
	fi
	tap_result $rc "$name: peer learns B, makes it primary"

	t_break=$(now_ms)
	carrier "$MN" mn-a off
	wait_for "$WAIT" peer_lacks "$port" "$a"
	rc=$?
	view=$(assoc_raddrs "$CN" "$port" | tr '\n' ' ')
	tap_diag "$name: peer view after the break: $view"
	[[ $view == "*$b " ]] || rc=1
	tap_result $rc "$name: A deleted when its cable is pulled, B primary"

	# Half a second of traffic over B alone, then the end.
	sleep 0.5
	stream_end "$name-mn" "$name-cn"
	rc=0
	stream_wait "$name-mn" || rc=1
	stream_wait "$name-cn" || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	tap_diag "$(gap_diag "$name-mn" "$t_make" "$t_break") (downlink)"
	tap_diag "$(gap_diag "$name-cn" "$t_make" "$t_break") (uplink)"
	tap_result $rc "$name: stream intact both ways, association alive"

	# Back to the start: A plugged in, B gone.
	carrier "$MN" mn-a on
	ip -n "$MN" addr flush dev mn-b scope global
	sleep 0.3
}

roam "ipv4 bound" 5101 10.0.1.2 10.0.1.1 10.0.2.1 \
	"-B 10.0.1.2 -B 10.0.2.2" "-B 10.0.1.1"
# Wildcard: the kernel's auto_asconf (switched on by the application, -A)
# sends ADD and DELETE; sctp_dar orders and hurries it.
roam "ipv4 wildcard" 5102 10.0.1.2 10.0.1.1 10.0.2.1 \
	"-B 10.0.1.2 -B 10.0.2.2" "-A"
# /proc/net/sctp/assocs prints IPv6 addresses uncompressed.
roam "ipv6 bound" 5103 fd00:1::2 fd00:0001:0000:0000:0000:0000:0000:0001 \
	fd00:0002:0000:0000:0000:0000:0000:0001 \
	"-B fd00:1::2 -B fd00:2::2" "-B fd00:1::1"
check "the stock correspondent: sctp_dar changed nothing there" peer_untouched

# sctp_dar on both ends: the correspondent's sctp_dar must not get in the
# way of the mobile node's (it has nothing to announce, but watches its
# paths and may move its own primary).
peer_dar || setup_fail "cannot let sctp_dar manage the correspondent"
roam "ipv4 bound, sctp_dar on both ends" 5104 10.0.1.2 10.0.1.1 10.0.2.1 \
	"-B 10.0.1.2 -B 10.0.2.2" "-B 10.0.1.1"
tap_exit
