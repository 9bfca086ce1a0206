#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# module_cycle.sh - sctp_dar unloaded and loaded again and again while
# managed associations carry traffic: every load adopts the associations
# that already exist, every unload succeeds, the stream never notices,
# nothing leaks.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b (10.0.2.1 comes   |== path B ==|  cn-b 10.0.2.2          |
#     |   and goes)             |            |                         |
#     |  sctp_stream -B 10.0.1.1|            |  sctp_stream -l :6301   |
#     |  sctp_many x10 -B ..1.1 |            |  sctp_many -l :6300     |
#     +-------------------------+            +-------------------------+
#
# sctp_dar is loaded with manage_ports=all, so the bound sockets are
# managed. Every third cycle 10.0.2.1 appears just before the unload (the
# unload meets queued work) and goes again after the load.
#
# Size: CYCLE_N cycles (reduced: 3; STRESS_FULL=1: 100).
. "$(dirname "$0")/../netns/lib.sh"
. "$(dirname "$0")/common.sh"

N=3
stress_full && N=100
N=${CYCLE_N:-$N}
IVL=1000
WAIT=10
if stress_debug; then
	IVL=10000
	WAIT=30
fi

tap_plan 7
require_own_tool sctp_many sctp_stream sctpaddr
require_tool jq
grep -q '^sctp_dar ' /proc/modules && rmmod sctp_dar
modprobe sctp_dar manage_ports=all || setup_fail "sctp_dar cannot be loaded"
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

rc=0
ip netns exec "$CN" sctp_many -l 10.0.1.2 -p 6300 -r "$LIB_TMP/srv.ready" 2>"$LIB_TMP/srv.err" &
LIB_PIDS+=($!)
wait_for 10 test -e "$LIB_TMP/srv.ready" || rc=1
ip netns exec "$MN" sctp_many -c 10.0.1.2 -p 6300 -n 10 -B 10.0.1.1 \
	-r "$LIB_TMP/cli.ready" 2>"$LIB_TMP/cli.err" &
CLI=$!
LIB_PIDS+=("$CLI")
wait_for 60 test -s "$LIB_TMP/cli.ready" || rc=1
stress_stream_server cyc-cn "$CN" 6301 -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 || rc=1
stress_stream_client cyc-mn "$MN" 10.0.1.2 6301 -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.1 || rc=1
UP=$(assocs_established "$MN")
((UP == 11)) || rc=1
tap_result $rc "11 managed associations up, one streaming ($UP ESTABLISHED)"
((rc)) && setup_fail "setup failed"

# adopted: sctp_dar lists all 11 associations again.
adopted()
{
	[[ $(sctpaddr -n "$MN" -j assoc show 2>/dev/null | jq length) == 11 ]]
}

t0=$SECONDS
done_n=0
why=""
while ((done_n < N)); do
	if ((done_n % 3 == 2)); then
		ip -n "$MN" addr add 10.0.2.1/24 dev mn-b
	fi
	if ! rmmod sctp_dar; then
		why="rmmod failed (refcnt $(cat /sys/module/sctp_dar/refcnt))"
		break
	fi
	if ! modprobe sctp_dar manage_ports=all; then
		why="modprobe failed"
		break
	fi
	if ! wait_for "$WAIT" adopted; then
		why="sctp_dar lists $(sctpaddr -n "$MN" -j assoc show 2>&1 | jq length 2>&1) associations, not 11"
		break
	fi
	ip -n "$MN" addr flush dev mn-b scope global
	done_n=$((done_n + 1))
done
tap_diag "cycles: $done_n of $N in $((SECONDS - t0)) s${why:+; stopped: $why}"
((done_n == N))
tap_result $? "$done_n of $N unload/load cycles under traffic, each load adopting all 11"

now=$(assocs_established "$MN")
((now == UP))
tap_result $? "all associations still ESTABLISHED ($now of $UP)"

kill -INT "${STREAM_PID[cyc-mn]}" "${STREAM_PID[cyc-cn]}" 2>/dev/null
rc=0
stream_wait cyc-mn || rc=1
stream_wait cyc-cn || rc=1
stream_clean cyc-mn && stream_clean cyc-cn || rc=1
tap_result $rc "stream: $(stream_field cyc-mn received) + $(stream_field cyc-cn received) messages intact both ways"

stress_unloads
stress_no_leak
stress_no_splat
tap_exit
