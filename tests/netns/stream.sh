#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1
#
# stream.sh - the checksummed stream crosses one path intact, with sctp_dar
# loaded, on every socket style a user meets. Proves the topology library,
# the traffic tool and the module side by side.
#
#   $MN mn-a 10.0.1.1 fd00:1::1 ===== path A ===== cn-a 10.0.1.2 fd00:1::2 $CN
#
# Each case runs 1 KiB messages every 1 ms both ways for 2 s (on the debug
# kernel for 0.5 s: lib.sh debug_size) and checks both
# directions: nothing lost, duplicated, reordered or corrupted, END exchanged,
# association alive. The last one pulls path A's cable for good: the tool
# must still end within its -w bound and report the failure.
. "$(dirname "$0")/lib.sh"

# How long each case sends, in ms: the debug kernel needs the paths run
# under KASAN and lockdep, not 2000 messages each way.
D=$(debug_size 2000 500)

tap_plan 7
debug_note "each case sends for $D ms, not 2000"
topo_two_paths

modprobe sctp_dar
tap_result $? "sctp_dar loads"

# run_case NAME PORT PEER "SERVER_ARGS" "CLIENT_ARGS" (word-split)
run_case()
{
	local name=$1 port=$2 peer=$3 rc=0

	# shellcheck disable=SC2086
	stream_server "$name-cn" "$CN" "$port" -d "$D" $4 || rc=1
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$peer" "$port" -d "$D" $5 || rc=1
	stream_wait "$name-mn" || rc=1
	stream_wait "$name-cn" || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	if ((rc == 0)); then
		tap_diag "$name: $(stream_field "$name-mn" received) msgs down, $(stream_field "$name-cn" received) up, max gap $(stream_field "$name-mn" max_gap_ms) ms"
	fi
	tap_result $rc "$name: stream intact both ways"
}

run_case "ipv4 one-to-one" 5001 10.0.1.2 "-B 10.0.1.2" "-B 10.0.1.1"
run_case "ipv6 one-to-one" 5002 fd00:1::2 "-B fd00:1::2" "-B fd00:1::1"
run_case "ipv4 one-to-many" 5003 10.0.1.2 "-m -B 10.0.1.2" "-m -B 10.0.1.1"
run_case "ipv4 wildcard one-to-one" 5004 10.0.1.2 "" ""

# A path that dies for good: the stream must still end within its -w
# bound (SCTP itself would retransmit for minutes) and say what failed.
stream_server dead-cn "$CN" 5005 -d 60000 -B 10.0.1.2
stream_client dead-mn "$MN" 10.0.1.2 5005 -d 1500 -w 2000 -B 10.0.1.1
sleep 0.5
carrier "$MN" mn-a off
wait_for 20 sh -c "! kill -0 ${STREAM_PID[dead-mn]} 2>/dev/null"
rc=$?
tap_result $rc "dead path: sctp_stream ends within its -w bound"
((rc)) && kill -9 "${STREAM_PID[dead-mn]}" 2>/dev/null
wait "${STREAM_PID[dead-mn]}"
rc=$?
err=$(stream_field dead-mn error)
tap_diag "dead path: exit $rc, error: $err"
[[ $rc -eq 1 && -n $err && $err != null ]]
tap_result $? "dead path: reported as a failure (exit 1, error set)"
kill "${STREAM_PID[dead-cn]}" 2>/dev/null
tap_exit
