#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# roam_app.sh - the application alongside sctp_dar, on managed
# specifically-bound sockets (manage_ports):
#  (a) the application calls sctp_bindx() itself: ADD B (an address the
#      host had before the socket, so sctp_dar leaves it to the
#      application), then REM A. Both take effect, sctp_dar adds and
#      removes nothing itself and sends no ASCONF but the peer primary
#      change that follows A's removal (counted in "sctpaddr -j stats" and
#      seen on "sctpaddr -j monitor").
#  (b) the application chooses the primary (SCTP_PRIMARY_ADDR and
#      SCTP_SET_PEER_PRIMARY_ADDR: A) after sctp_dar made B primary; an
#      unrelated host event (a new NIC, its link flapping) leaves that
#      choice alone; when A's cable is pulled, A is replaced by B.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1          |== path B ==|  cn-b 10.0.2.2          |
#     |  dm0  (dummy, case b:   |            |                         |
#     |        unrelated NIC)   |            |                         |
#     +-------------------------+            +-------------------------+
#
# The application's actions are sctp_stream -X, one per SIGUSR1. Every case
# streams both ways through the changes and checks the stream (nothing
# lost, duplicated, reordered or corrupted, association alive) and the
# correspondent's view of the mobile node, read on the correspondent.
. "$(dirname "$0")/lib.sh"

# The streams run until the case is over (SIGINT ends their sending
# phase), however slow the kernel; DUR only bounds a stuck case.
DUR=120000
IVL=1000
WAIT=6
if [[ -e /proc/lockdep ]]; then	# lock debugging: several times slower
	DUR=300000
	IVL=10000
	WAIT=25
fi

tap_plan 6

require_own_tool sctpaddr sctp_stream
require_tool jq
require_sctp_dar
# For namespaces created from now on: the mobile node's client ports.
manage_ports 6401,6402
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

# stat NAME: one counter of the mobile node's namespace.
stat()
{
	sctpaddr -n "$MN" -j stats | jq -r ".$1"
}

# act NAME N: send the stream NAME's application its next action (the
# N-th) and wait for its result line; fails unless it says ok.
act()
{
	local err=$LIB_TMP/$1-mn.err

	kill -USR1 "${STREAM_PID[$1-mn]}"
	wait_for 5 grep -q "action $2 " "$err" || return 1
	grep "action $2 " "$err" | tap_diag "$(cat)"
	grep -q "action $2 .*: ok$" "$err"
}

# monitor_start NAME: sctpaddr -j monitor on the mobile node, into NAME.mon.
monitor_start()
{
	sctpaddr -n "$MN" -j monitor >"$LIB_TMP/$1.mon" 2>&1 &
	MON_PID=$!
	LIB_PIDS+=("$MON_PID")
	# ppoll (syscall 271): joined the group, waiting.
	wait_for 5 grep -q '^271 ' "/proc/$MON_PID/syscall"
}

monitor_stop()
{
	kill -INT "$MON_PID" 2>/dev/null
	wait "$MON_PID" 2>/dev/null
}

# mon_count NAME EVENT: how many EVENT lines NAME's monitor saw.
mon_count()
{
	jq -c "select(.event == \"$2\")" "$LIB_TMP/$1.mon" 2>/dev/null | wc -l
}

# node_sends_to LPORT ADDR: the node's association on LPORT has ADDR as
# its primary path.
node_sends_to() { [[ $(assoc_primary "$MN" "$1") == "$2" ]]; }

# peer_view_is PORT VIEW: the correspondent's view is exactly VIEW.
peer_view_is() { [[ $(peer_view "$1") == "$2" ]]; }

stream_check()
{
	local rc=0 side

	for side in mn cn; do
		if ! kill -INT "${STREAM_PID[$1-$side]}" 2>/dev/null; then
			tap_diag "$1-$side: ended before the case did"
			rc=1
		fi
	done
	stream_wait "$1-mn" || rc=1
	stream_wait "$1-cn" || rc=1
	stream_clean "$1-mn" && stream_clean "$1-cn" || rc=1
	tap_diag "$1: max gap down $(stream_field "$1-mn" max_gap_ms) ms, up $(stream_field "$1-cn" max_gap_ms) ms"
	tap_result $rc "$1: stream intact both ways, association alive"
}

# --- (a) the application's own sctp_bindx() on a managed socket.
name=bindx
port=5401
mn_addr_b	# the host has B before the socket: the application's to use
sleep 0.3
monitor_start $name || tap_diag "$name: monitor did not start"
if stream_server "$name-cn" "$CN" $port -d "$DUR" -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 &&
   stream_client "$name-mn" "$MN" 10.0.1.2 $port -d "$DUR" -i "$IVL" -P 6401 \
	-B 10.0.1.1 -X add:10.0.2.1 -X rem:10.0.1.1; then
	# A host event (a new NIC) makes sctp_dar look at the association
	# before the application acts, so that it counts what follows.
	ip -n "$MN" link add dm0 type dummy
	ip -n "$MN" link set dm0 up
	sleep 0.5
	s_sent=$(stat asconf_sent)
	s_added=$(stat addrs_added)
	s_removed=$(stat addrs_removed)
	rc=0
	act $name 1 || rc=1
	wait_for "$WAIT" peer_has $port 10.0.2.1 || rc=1
	tap_diag "$name: peer view after the application's ADD: $(peer_view $port)"
	act $name 2 || rc=1
	wait_for "$WAIT" peer_lacks $port 10.0.1.1 || rc=1
	wait_for "$WAIT" peer_primary_is $port 10.0.2.1 || rc=1
	# Let sctp_dar look again (an unrelated event: the NIC's link
	# flaps): it must not put A back.
	ip -n "$MN" link set dm0 down
	ip -n "$MN" link set dm0 up
	sleep 1
	view=$(peer_view $port)
	tap_diag "$name: peer view after the application's REM: $view"
	[[ $view == "*10.0.2.1 " ]] || rc=1
	tap_result $rc "$name: the application's ADD B and REM A both work, peer knows only B, as primary"

	monitor_stop
	d_sent=$(($(stat asconf_sent) - s_sent))
	d_added=$(($(stat addrs_added) - s_added))
	d_removed=$(($(stat addrs_removed) - s_removed))
	tap_diag "$name: ASCONFs sent $d_sent, addresses sctp_dar added $d_added, removed $d_removed; monitor: $(mon_count $name asconf-sent) asconf-sent, $(mon_count $name asconf-rejected) asconf-rejected, $(mon_count $name addr-added) addr-added, $(mon_count $name addr-removed) addr-removed, $(mon_count $name peer-primary-set) peer-primary-set"
	# Two ASCONFs are the application's (ADD B, REM A); sctp_dar may
	# add one SET_PRIMARY for B, nothing else.
	((d_sent >= 2 && d_sent <= 3 && d_added == 0 && d_removed == 0)) &&
	[[ $(mon_count $name addr-added) == 0 && $(mon_count $name addr-removed) == 0 &&
	   $(mon_count $name asconf-rejected) == 0 ]]
	tap_result $? "$name: sctp_dar neither repeats nor undoes the application's ASCONFs"
	stream_check $name
else
	monitor_stop
	tap_fail "$name: association set up"
	tap_notrun "$name: ASCONF count" "no association"
	tap_notrun "$name: stream" "no association"
fi
ip -n "$MN" link del dm0 2>/dev/null
ip -n "$MN" addr flush dev mn-b scope global
sleep 0.3

# --- (b) an application-chosen primary.
name=primary
port=5402
if stream_server "$name-cn" "$CN" $port -d "$DUR" -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 &&
   stream_client "$name-mn" "$MN" 10.0.1.2 $port -d "$DUR" -i "$IVL" -P 6402 \
	-B 10.0.1.1 -X prim:10.0.1.2 -X peerprim:10.0.1.1; then
	sleep 0.3
	# A new network: sctp_dar adds B and makes it primary.
	mn_addr_b
	wait_for "$WAIT" peer_primary_is $port 10.0.2.1
	rc=$?
	tap_diag "$name: peer view once sctp_dar moved to B: $(peer_view $port)"
	# The application moves both primaries back to A.
	act $name 1 || rc=1
	act $name 2 || rc=1
	wait_for "$WAIT" peer_primary_is $port 10.0.1.1 || rc=1
	s_prim=$(stat primary_changes)
	# Unrelated host events: a NIC appears, its link flaps (its IPv6
	# link-local address is ignored).
	ip -n "$MN" link add dm0 type dummy
	ip -n "$MN" link set dm0 up
	sleep 0.3
	ip -n "$MN" link set dm0 down
	ip -n "$MN" link set dm0 up
	# Nothing to wait for: give sctp_dar time to act wrongly.
	sleep 1.5
	view=$(peer_view $port)
	mine=$(assoc_primary "$MN" 6402)
	d_prim=$(($(stat primary_changes) - s_prim))
	tap_diag "$name: after the unrelated events: peer view $view, node sends to $mine, $d_prim primary changes"
	[[ $view == "*10.0.1.1 10.0.2.1 " && $mine == 10.0.1.2 && $d_prim == 0 ]] || rc=1
	tap_result $rc "$name: the application's primary stays across an unrelated host event"

	t0=$SECONDS
	carrier "$MN" mn-a off
	wait_for "$WAIT" peer_view_is $port "*10.0.2.1 "
	rc=$?
	# The node moves its own primary at once, or in the next pass.
	wait_for "$WAIT" node_sends_to 6402 10.0.2.2 || rc=1
	view=$(peer_view $port)
	mine=$(assoc_primary "$MN" 6402)
	tap_diag "$name: peer view after A's cable was pulled: $view; node sends to $mine ($((SECONDS - t0)) s or less)"
	[[ $view == "*10.0.2.1 " && $mine == 10.0.2.2 ]] || rc=1
	if ((rc)); then
		kill -0 "${STREAM_PID[$name-mn]}" 2>/dev/null || tap_diag "$name: the node's stream has ended"
		tap_diag "node: $(ip netns exec "$MN" cat /proc/net/sctp/assocs /proc/net/sctp/remaddr)"
		tap_diag "correspondent: $(ip netns exec "$CN" cat /proc/net/sctp/assocs)"
	fi
	tap_result $rc "$name: replaced when its path dies: peer knows only B, as primary; node sends to B's path"
	stream_check $name
	carrier "$MN" mn-a on
else
	tap_fail "$name: association set up"
	tap_notrun "$name: replaced when its path dies" "no association"
	tap_notrun "$name: stream" "no association"
fi
tap_exit
