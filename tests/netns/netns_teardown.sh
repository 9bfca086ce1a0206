#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1 [stock-6.12]
#
# netns_teardown.sh - namespaces deleted, and the module unloaded, while
# sctp_dar has work pending:
#  1. the mobile node's namespace deleted during a stream, an address
#     event just queued (inside a long debounce window);
#  2. the mobile node's namespace deleted during a stream, the DELETE of a
#     deprecated address waiting for its grace period;
#  3. the correspondent's namespace deleted during a stream, the mobile
#     node's event queued;
#  4. afterwards a new pair of namespaces roams as usual (make-before-
#     break, stream intact), so the module is still healthy;
#  5. the module unloaded during a roam: an event queued (debounce);
#  6. the module unloaded during a roam: a deprecated address's grace
#     period running; the stream survives both unloads;
#  7. the module loads again and unloads cleanly.
# The harness checks each test's kernel log for splats and, on the debug
# kernel, kmemleak at the end.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |       fd00:1::1         |            |       fd00:1::2         |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2          |
#     |       fd00:2::1   (new) |            |       fd00:2::2         |
#     +-------------------------+            +-------------------------+
. "$(dirname "$0")/lib.sh"

DUR=4000
IVL=1000
WAIT=6
if [[ -e /proc/lockdep ]]; then	# lock debugging: several times slower
	DUR=20000
	IVL=10000
	WAIT=25
fi
P=/sys/module/sctp_dar/parameters
A6=fd00:0001:0000:0000:0000:0000:0000:0001
B6=fd00:0002:0000:0000:0000:0000:0000:0001

tap_plan 10

require_own_tool sctp_stream
require_sctp_dar
# This script changes debounce_ms and grace_ms and reloads the module:
# leave it as the other tests expect it, loaded with its defaults.
td_cleanup()
{
	cleanup
	if grep -q '^sctp_dar ' /proc/modules; then
		echo 20 >$P/debounce_ms 2>/dev/null
		echo 2000 >$P/grace_ms 2>/dev/null
	fi
}
trap td_cleanup EXIT

# fresh_pair TAG: new namespaces (the old ones deleted), sctp_dar
# managing the mobile node's client ports 66xx.
fresh_pair()
{
	local ns pid

	for ns in "${LIB_NS[@]}"; do
		for pid in $(ip netns pids "$ns" 2>/dev/null); do
			kill -9 "$pid"
		done
		ip netns del "$ns" 2>/dev/null
	done
	LIB_NS=()
	MN=mn-$LIB_TAG-$1
	CN=cn-$LIB_TAG-$1
	manage_ports 6601,6602,6603,6604,6605,6606 || return 1
	topo_two_paths || return 1
	for ns in "$MN" "$CN"; do
		sctp_sysctl "$ns" addip_enable 1
		sctp_sysctl "$ns" auth_enable 1
	done
}

# start NAME PORT LPORT PEER "SERVER_BINDS" CLIENT_BIND
start()
{
	# shellcheck disable=SC2086
	stream_server "$1-cn" "$CN" "$2" -d "$DUR" -i "$IVL" $5 &&
	stream_client "$1-mn" "$MN" "$4" "$2" -d "$DUR" -i "$IVL" -P "$3" -B "$6"
}

# ns_gone NS PEER_NS PEER_DEV: delete NS with everything in it killed, and
# wait until its exit ran (the veth peer PEER_DEV in PEER_NS goes with it;
# sctp_dar's pernet exit runs before the devices').
ns_gone()
{
	local pid

	for pid in $(ip netns pids "$1"); do
		kill -9 "$pid"
	done
	ip netns del "$1" || return 1
	wait_for "$WAIT" bash -c "! ip -n $2 link show $3"
}

# stream_check NAME: a second more of traffic after the case's event, then
# the end (SIGINT ends the sending phase), whatever is left of DUR: on the
# debug kernel DUR must outlast a slow set-up, not be waited out after it.
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

loaded() { grep -q '^sctp_dar ' /proc/modules; }

# open_window: an address event (on a new interface, down) served at once,
# so that the next one within debounce_ms waits in the queue.
WINDOWS=0
open_window()
{
	local dev=dq$((++WINDOWS))

	ip -n "$MN" link add "$dev" type dummy
	ip -n "$MN" addr add "192.0.2.$WINDOWS/32" dev "$dev"
	sleep 0.3
}

# --- 1. The mobile node's namespace deleted, an event queued.
echo 3000 >$P/debounce_ms
name="node deleted, event queued"
if fresh_pair 1 && start "$name" 5601 6601 10.0.1.2 "-B 10.0.1.2 -B 10.0.2.2" 10.0.1.1; then
	sleep 0.3
	open_window
	mn_addr_b	# the pass would run < 3 s from now
	ns_gone "$MN" "$CN" cn-a && loaded
	tap_result $? "$name: namespace gone, module loaded"
else
	tap_fail "$name: association set up"
fi

# --- 2. The mobile node's namespace deleted, a grace period running.
echo 20 >$P/debounce_ms
echo 10000 >$P/grace_ms
name="node deleted, grace pending"
if fresh_pair 2 && start "$name" 5602 6602 fd00:1::2 "-B fd00:1::2 -B fd00:2::2" fd00:1::1; then
	sleep 0.3
	ip -n "$MN" addr add fd00:2::1/64 dev mn-b nodad
	wait_for "$WAIT" peer_primary_is 5602 $B6
	rc=$?
	ip -n "$MN" addr change fd00:1::1/64 dev mn-a preferred_lft 0
	sleep 0.5	# the pass saw it: A's DELETE waits 10 s
	peer_has 5602 $A6 || rc=1
	tap_diag "$name: peer view, A deprecated: $(peer_view 5602)"
	ns_gone "$MN" "$CN" cn-a && loaded || rc=1
	tap_result $rc "$name: namespace gone, module loaded"
else
	tap_fail "$name: association set up"
fi

# --- 3. The correspondent's namespace deleted, the node's event queued.
echo 3000 >$P/debounce_ms
echo 2000 >$P/grace_ms
name="correspondent deleted, event queued"
if fresh_pair 3 && start "$name" 5603 6603 10.0.1.2 "-B 10.0.1.2 -B 10.0.2.2" 10.0.1.1; then
	sleep 0.3
	open_window
	mn_addr_b
	ns_gone "$CN" "$MN" mn-a && loaded
	rc=$?
	# The node's pass runs meanwhile, on an association whose peer and
	# links are gone; its stream may end as it likes.
	pid=${STREAM_PID[$name-mn]}
	wait_for 20 bash -c "! kill -0 $pid" || kill -9 "$pid"
	wait "$pid"
	tap_diag "$name: node's stream: $(cat "$LIB_TMP/$name-mn.json")"
	tap_result $rc "$name: namespace gone, module loaded"
else
	tap_fail "$name: association set up"
fi
echo 20 >$P/debounce_ms

# --- 4. A new pair roams as usual. The cable pull deletes A at once
# (hold-down 0): what is checked is that the module is healthy, and the
# stream must not end before the peer's view is read.
name="afterwards"
echo 0 >$P/holddown_ms
if fresh_pair 4 && start "$name" 5604 6604 10.0.1.2 "-B 10.0.1.2 -B 10.0.2.2" 10.0.1.1; then
	sleep 0.3
	mn_addr_b
	wait_for "$WAIT" peer_primary_is 5604 10.0.2.1
	rc=$?
	carrier "$MN" mn-a off
	wait_for "$WAIT" peer_lacks 5604 10.0.1.1 || rc=1
	tap_diag "$name: peer view: $(peer_view 5604)"
	[[ $(peer_view 5604) == "*10.0.2.1 " ]] || rc=1
	tap_result $rc "$name: a new namespace pair roams: peer knows only B, as primary"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: stream" "no association"
fi
echo 3000 >$P/holddown_ms

# --- 5. Unloaded with an event queued.
echo 3000 >$P/debounce_ms
name="unload, event queued"
if fresh_pair 5 && start "$name" 5605 6605 10.0.1.2 "-B 10.0.1.2 -B 10.0.2.2" 10.0.1.1; then
	sleep 0.3
	open_window
	mn_addr_b
	rmmod sctp_dar && ! loaded
	tap_result $? "$name: rmmod with a pass pending"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: stream" "no association"
fi

# --- 6. Unloaded with a grace period running.
modprobe sctp_dar grace_ms=10000
name="unload, grace pending"
if fresh_pair 6 && start "$name" 5606 6606 fd00:1::2 "-B fd00:1::2 -B fd00:2::2" fd00:1::1; then
	sleep 0.3
	ip -n "$MN" addr add fd00:2::1/64 dev mn-b nodad
	wait_for "$WAIT" peer_primary_is 5606 $B6
	rc=$?
	tap_diag "$name: peer view: $(peer_view 5606)"
	ip -n "$MN" addr change fd00:1::1/64 dev mn-a preferred_lft 0
	sleep 0.5	# the pass saw it: A's DELETE waits 10 s
	rmmod sctp_dar && ! loaded || rc=1
	tap_result $rc "$name: rmmod with a grace period running"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: stream" "no association"
fi

# --- 7. Loads again, unloads cleanly, is left loaded with its defaults.
modprobe sctp_dar && rmmod sctp_dar && modprobe sctp_dar &&
	[[ $(cat $P/debounce_ms) == 20 && $(cat $P/grace_ms) == 2000 ]]
tap_result $? "the module loads and unloads again"
tap_exit
