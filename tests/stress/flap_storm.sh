#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# flap_storm.sh - a storm of host events (addresses added and removed,
# carriers toggled) on three interfaces while many managed associations
# and one checksummed stream run: afterwards every association is still
# up, sctp_dar's view and the kernel's agree, the peer has converged on
# the one stable address, nothing leaked, no splat.
#
#     +------------- $MN -------------+          +---------- $CN ----------+
#     |  mn-a 10.0.1.1  (stable)      |== A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1  (flapping)    |== B ==|  cn-b 10.0.2.2 (carrier |
#     |  mn-c 10.0.3.1  (flapping)    |== C ==|  cn-c 10.0.3.2  toggled)|
#     |  sctp_many -c xN -B 10.0.1.1  |        |  sctp_many -l :6200     |
#     |  sctp_stream -B 10.0.1.1      |        |  sctp_stream -l :6201   |
#     +-------------------------------+        +-------------------------+
#
# Two "ip -batch -force" loops drive the storm: in $MN, addresses of mn-b
# and mn-c added and deleted and mn-c set down and up; in $CN, cn-b and
# cn-c set down and up (mn-b's and mn-c's carriers). Each batch line is one
# event; events/s is what the loops reached (reported, not asserted).
# Path A is never touched: the associations must live through the storm,
# not merely come back.
#
# Size: reduced 10 associations, 3 s; STRESS_FULL=1: 200 associations,
# 60 s (FLAP_N, FLAP_SECS override).
. "$(dirname "$0")/../netns/lib.sh"
. "$(dirname "$0")/common.sh"

N=10
SECS=3
if stress_full; then
	N=200
	SECS=60
fi
N=${FLAP_N:-$N}
SECS=${FLAP_SECS:-$SECS}
IVL=1000
SETTLE=30
if stress_debug; then
	IVL=10000
	SETTLE=90
fi

tap_plan 9
require_own_tool sctp_many sctp_stream sctpaddr
require_tool jq
require_sctp_dar
manage_ports all
topo_two_paths || setup_fail "cannot build the topology"
ip link add mn-c netns "$MN" type veth peer name cn-c netns "$CN" || setup_fail "no third veth pair"
ip -n "$MN" link set mn-c up
ip -n "$CN" link set cn-c up
ip -n "$CN" addr add 10.0.3.2/24 dev cn-c
asconf_enable "$MN" "$CN"

# 1. The associations.
ip netns exec "$CN" sctp_many -l 10.0.1.2 -p 6200 -r "$LIB_TMP/srv.ready" 2>"$LIB_TMP/srv.err" &
LIB_PIDS+=($!)
wait_for 10 test -e "$LIB_TMP/srv.ready"
ip netns exec "$MN" sctp_many -c 10.0.1.2 -p 6200 -n "$N" -B 10.0.1.1 \
	-r "$LIB_TMP/cli.ready" 2>"$LIB_TMP/cli.err" &
CLI=$!
LIB_PIDS+=("$CLI")
wait_for 300 test -s "$LIB_TMP/cli.ready"
rc=0
[[ $(cat "$LIB_TMP/cli.ready" 2>/dev/null) == "$N" ]] || rc=1
stress_stream_server storm-cn "$CN" 6201 -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 -B 10.0.3.2 || rc=1
stress_stream_client storm-mn "$MN" 10.0.1.2 6201 -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.1 || rc=1
UP=$(assocs_established "$MN")
((UP == N + 1)) || rc=1
tap_result $rc "$N idle associations and one stream up ($UP ESTABLISHED)"
((rc)) && setup_fail "setup failed: $(head -c 300 "$LIB_TMP/cli.err")"

# For a failure: both ends' view of every association and the engine's
# log, shown by storm_diag; with FLAP_DEBUG=1 also the engine's debug log
# and the wire (both ends, every association), which slow the storm down
# several times.
CAP=()
if [[ ${FLAP_DEBUG:-0} == 1 ]] && command -v tcpdump >/dev/null; then
	for ns in "$MN" "$CN"; do
		ip netns exec "$ns" tcpdump -i any -nn -s 160 -U -Z root \
			-w "$LIB_TMP/$ns.pcap" sctp 2>/dev/null &
		CAP+=($!)
		LIB_PIDS+=($!)
	done
fi
if [[ ${FLAP_DEBUG:-0} == 1 ]]; then
	echo "module sctp_dar +p" >/proc/dynamic_debug/control
fi

# storm_snap: both ends' view of every association, to $LIB_TMP/snap.
storm_snap()
{
	local ns

	for ns in "$MN" "$CN"; do
		echo "---- $ns: /proc/net/sctp/assocs"
		ip netns exec "$ns" cat /proc/net/sctp/assocs
		echo "---- $ns: /proc/net/sctp/remaddr"
		ip netns exec "$ns" cat /proc/net/sctp/remaddr
		echo "---- $ns: sctpaddr assoc show"
		sctpaddr -n "$ns" assoc show 2>&1 | head -n 200
		echo "---- $ns: snmp (non-zero)"
		ip netns exec "$ns" awk '$2 != 0' /proc/net/sctp/snmp | tr -s '\t\n' '  '
		echo
	done >"$LIB_TMP/snap" 2>&1
}

# storm_diag: the snapshot, the engine's log and the last packets.
storm_diag()
{
	local ns pid

	tap_diag "$(cat "$LIB_TMP/snap")"
	tap_diag "---- sctp_dar log, last 150 lines"
	tap_diag "$(dmesg | grep -E 'sctp_dar|sctp:' | tail -n 150)"
	for pid in "${CAP[@]}"; do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	CAP=()
	for ns in "$MN" "$CN"; do
		[[ -s $LIB_TMP/$ns.pcap ]] || continue
		tap_diag "---- $ns: the last 150 packets"
		tap_diag "$(tcpdump -Z root -nn -tt -v -r "$LIB_TMP/$ns.pcap" 2>&1 | tail -n 150)"
	done
}

# 2. The storm. One batch file per side, replayed until the time is up.
{
	for _ in $(seq 25); do
		echo "address add 10.0.2.1/24 dev mn-b"
		echo "address add 10.0.3.1/24 dev mn-c"
		echo "link set mn-c down"
		echo "address del 10.0.2.1/24 dev mn-b"
		echo "link set mn-c up"
		echo "address del 10.0.3.1/24 dev mn-c"
	done
} >"$LIB_TMP/mn.batch"
{
	for _ in $(seq 25); do
		echo "link set cn-b down"
		echo "link set cn-c down"
		echo "link set cn-b up"
		echo "link set cn-c up"
	done
} >"$LIB_TMP/cn.batch"
# storm NS FILE COUNTFILE: replay FILE in NS until $SECS have passed; the
# number of lines run goes to COUNTFILE.
storm()
{
	local end=$((SECONDS + SECS)) lines n=0

	lines=$(wc -l <"$2")
	while ((SECONDS < end)); do
		ip -n "$1" -force -batch "$2" >/dev/null 2>&1
		n=$((n + lines))
	done
	echo "$n" >"$3"
}
t0=${EPOCHREALTIME/./}
storm "$MN" "$LIB_TMP/mn.batch" "$LIB_TMP/mn.count" &
P1=$!
storm "$CN" "$LIB_TMP/cn.batch" "$LIB_TMP/cn.count" &
P2=$!
wait "$P1" "$P2"
t1=${EPOCHREALTIME/./}
# The end state: B and C without addresses, every cable plugged in.
ip -n "$MN" addr flush dev mn-b scope global
ip -n "$MN" addr flush dev mn-c scope global
ip -n "$MN" link set mn-c up
ip -n "$CN" link set cn-b up
ip -n "$CN" link set cn-c up
EVENTS=$(($(cat "$LIB_TMP/mn.count") + $(cat "$LIB_TMP/cn.count")))
US=$((t1 - t0))
RATE=$((EVENTS * 1000000 / (US > 0 ? US : 1)))
tap_diag "storm: $EVENTS events in $((US / 1000)) ms: $RATE events/s"
[[ $(cat /sys/module/sctp_dar/refcnt 2>/dev/null) ]]
tap_result $? "storm of $EVENTS host events ($RATE/s) over $SECS s, sctp_dar still loaded"

# 3. Every association lived through it.
now=$(assocs_established "$MN")
kill -0 "$CLI" 2>/dev/null && ((now == N + 1))
rc=$?
((rc)) && storm_snap && storm_diag
tap_result $rc "all $((N + 1)) associations still ESTABLISHED ($now)"

# 4. The peer converges on 10.0.1.1 only: every address that came and
# went during the storm is deleted again.
converged()
{
	[[ -z $(assoc_raddrs "$CN" 6200 | sed 's/^\*//' | grep -v '^10\.0\.1\.1$') &&
	   -z $(assoc_raddrs "$CN" 6201 | sed 's/^\*//' | grep -v '^10\.0\.1\.1$') ]]
}
t=$SECONDS
wait_for "$SETTLE" converged
rc=$?
((rc)) && tap_diag "peer still lists: $(assoc_raddrs "$CN" 6200 | sed 's/^\*//' | grep -v '^10\.0\.1\.1$' | sort | uniq -c | tr '\n' ' ')"
tap_result $rc "peer converged on 10.0.1.1 for every association ($((SECONDS - t)) s after the storm)"
tap_diag "out-of-the-blue ABORTs dropped (stale_aborts): $(sctpaddr -n "$MN" -j stats | jq .stale_aborts) here, $(sctpaddr -n "$CN" -j stats | jq .stale_aborts) at the peer"

# 5. sctp_dar's view agrees with the kernel's: the same association ids,
# once the peer has converged (while paths change, a dump of either may be
# interrupted: sctpaddr says so; /proc may list an association twice).
same_view()
{
	mine=$(sctpaddr -n "$MN" -j assoc show 2>/dev/null | jq -r '.[].id' | sort -un | tr '\n' ' ')
	kern=$(ip netns exec "$MN" awk 'NR > 1 { print $7 }' /proc/net/sctp/assocs | sort -un | tr '\n' ' ')
	[[ -n $mine && $mine == "$kern" ]]
}
wait_for 10 same_view
rc=$?
((rc)) && tap_diag "sctpaddr: $mine" && tap_diag "kernel:   $kern"
tap_result $rc "sctpaddr lists exactly the kernel's associations"

# 6. The stream arrived whole. Both ends' view of its paths first (for a
# failure: where each end was sending when the storm ended).
tap_diag "stream, our view: $(ip netns exec "$MN" awk 'NR > 1 && $13 == 6201 { sub(/.*<-> /, ""); sub(/\t.*/, ""); print }' /proc/net/sctp/assocs)"
tap_diag "stream, peer view: $(peer_view 6201)"
storm_snap
kill -INT "${STREAM_PID[storm-mn]}" "${STREAM_PID[storm-cn]}" 2>/dev/null
rc=0
stream_wait storm-mn || rc=1
stream_wait storm-cn || rc=1
stream_clean storm-mn && stream_clean storm-cn || rc=1
if ((rc)); then
	storm_diag
fi
tap_result $rc "stream: $(stream_field storm-mn received) + $(stream_field storm-cn received) messages intact both ways"

# 7-8 (+ kmemleak). Close the idle associations, unload, check.
kill "$CLI" 2>/dev/null
wait "$CLI" 2>/dev/null
stress_unloads
stress_no_leak
stress_no_splat
tap_exit
