#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# sctpaddr_writers.sh - several sctpaddr writers at once (policy set, link
# set, addr add/del, assoc set primary) and a reader, against a live
# managed association carrying the checksummed stream: no writer crashes
# or gets an answer that is not a one-line error, the last policy written
# is the one read back, the stream arrives whole, nothing leaks.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1          |== path B ==|  cn-b 10.0.2.2          |
#     |  sctp_stream -B 10.0.1.1|            |  sctp_stream -l :6501   |
#     |  5 sctpaddr loops       |            |  (bound to both)        |
#     +-------------------------+            +-------------------------+
#
# The writers race by design: "addr add" of an address just added, "addr
# del" of one just deleted, a primary on a path being deleted may be
# refused (exit 1, one line on stderr); exit status 2 or more, a signal,
# or more than one line of error output fails.
#
# Size: WRITERS_SECS seconds (reduced: 3; STRESS_FULL=1: 60).
. "$(dirname "$0")/../netns/lib.sh"
. "$(dirname "$0")/common.sh"

SECS=3
stress_full && SECS=60
SECS=${WRITERS_SECS:-$SECS}
IVL=1000
stress_debug && IVL=10000

tap_plan 8
require_own_tool sctp_stream sctpaddr
require_tool jq
require_sctp_dar
manage_ports all
topo_two_paths both || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

rc=0
stress_stream_server wr-cn "$CN" 6501 -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 || rc=1
stress_stream_client wr-mn "$MN" 10.0.1.2 6501 -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.1 || rc=1
ID=$(sctpaddr -n "$MN" -j assoc show pport 6501 | jq '.[0].id')
[[ $ID =~ ^[0-9]+$ ]] || rc=1
tap_result $rc "managed association up, streaming (id ${ID:-none})"
((rc)) && setup_fail "no association"

# writer NAME CMD...: run `sctpaddr -n $MN CMD` in a loop until $SECS
# have passed, each iteration's words chosen by the function NAME_args;
# counts ok/refused/bad in $LIB_TMP/NAME.count.
writer()
{
	local name=$1 end=$((SECONDS + SECS)) ok=0 refused=0 bad=0 rc lines

	while ((SECONDS < end)); do
		# shellcheck disable=SC2046
		sctpaddr -n "$MN" $("${name}_args") >/dev/null 2>"$LIB_TMP/$name.err"
		rc=$?
		lines=$(wc -l <"$LIB_TMP/$name.err")
		if ((rc == 0 && lines == 0)); then
			ok=$((ok + 1))
		elif ((rc == 1 && lines == 1)); then
			refused=$((refused + 1))
		else
			bad=$((bad + 1))
			echo "$name: exit $rc: $(head -n 3 "$LIB_TMP/$name.err")" >>"$LIB_TMP/bad"
		fi
	done
	echo "$ok $refused $bad" >"$LIB_TMP/$name.count"
}

policy_args()
{
	local paused=off ports=all

	((RANDOM % 4 == 0)) && paused=on
	((RANDOM % 4 == 0)) && ports=none
	echo "policy set debounce-ms $((RANDOM % 200)) grace-ms $((RANDOM % 2000)) paused $paused manage-ports $ports"
}
link_args()
{
	local devs=(mn-a mn-b)

	echo "link set dev ${devs[RANDOM % 2]} priority $((RANDOM % 256))"
}
addr_args()
{
	local ops=(add del)

	echo "addr ${ops[RANDOM % 2]} 10.0.2.1 id $ID"
}
primary_args()
{
	local peers=(10.0.1.2 10.0.2.2)

	echo "assoc set id $ID primary ${peers[RANDOM % 2]}"
}
reader_args()
{
	local what=("assoc show" "policy show" "stats show" "link show")

	echo "-j ${what[RANDOM % 4]}"
}

t0=$SECONDS
pids=()
for w in policy link addr primary reader; do
	writer "$w" &
	pids+=($!)
done
wait "${pids[@]}"
total=0 refused=0 bad=0
for w in policy link addr primary reader; do
	read -r o r b <"$LIB_TMP/$w.count"
	tap_diag "$w: $o ok, $r refused, $b bad"
	total=$((total + o + r + b))
	refused=$((refused + r))
	bad=$((bad + b))
done
[[ -s $LIB_TMP/bad ]] && tap_diag "$(head -n 10 "$LIB_TMP/bad")"
((bad == 0 && total > 0))
tap_result $? "$total sctpaddr commands from 5 concurrent loops in $((SECONDS - t0)) s ($refused refused), none crashed"

# The last policy written is the one read back.
sctpaddr -n "$MN" policy set debounce-ms 123 grace-ms 456 paused off manage-ports all &&
	sctpaddr -n "$MN" -j policy show | jq -e '.debounce_ms == 123 and .grace_ms == 456' >/dev/null
tap_result $? "policy reads back what was last written"

# sctp_dar still has the association; the stream arrived whole.
[[ $(sctpaddr -n "$MN" -j assoc get id "$ID" | jq '.[0].id') == "$ID" ]]
tap_result $? "sctp_dar still lists association $ID"
kill -INT "${STREAM_PID[wr-mn]}" "${STREAM_PID[wr-cn]}" 2>/dev/null
rc=0
stream_wait wr-mn || rc=1
stream_wait wr-cn || rc=1
stream_clean wr-mn && stream_clean wr-cn || rc=1
tap_result $rc "stream: $(stream_field wr-mn received) + $(stream_field wr-cn received) messages intact both ways"

stress_unloads
stress_no_leak
stress_no_splat
tap_exit
