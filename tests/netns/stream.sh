#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# stream.sh - the checksummed stream crosses one path intact, with sctp_dar
# loaded, on every socket style a user meets. Proves the topology library,
# the traffic tool and the module side by side.
#
#   $MN mn-a 10.0.1.1 fd00:1::1 ===== path A ===== cn-a 10.0.1.2 fd00:1::2 $CN
#
# Each case runs 1 KiB messages every 1 ms both ways for 2 s and checks both
# directions: nothing lost, duplicated, reordered or corrupted, END exchanged,
# association alive.
. "$(dirname "$0")/lib.sh"

tap_plan 5
topo_two_paths

modprobe sctp_dar
tap_result $? "sctp_dar loads"

# run_case NAME PORT PEER "SERVER_ARGS" "CLIENT_ARGS" (word-split)
run_case()
{
	local name=$1 port=$2 peer=$3 rc=0

	# shellcheck disable=SC2086
	stream_server "$name-cn" "$CN" "$port" -d 2000 $4 || rc=1
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$peer" "$port" -d 2000 $5 || rc=1
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
tap_exit
