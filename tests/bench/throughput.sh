#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# throughput.sh - benchmark scenario 5: the fast-path cost of sctp_dar,
# as iperf3 throughput (SCTP, TCP, UDP) with the module loaded and not.
#
#   $MN mn-a 10.0.1.1 ===== path A ===== cn-a 10.0.1.2 $CN (iperf3 -s)
#
# A single run per variant is useless on a TCG VM whose host is shared:
# iperf3's rate moves by 20-50 % from one second to the next. So the two
# variants are measured in back-to-back pairs, each protocol for 1 s, in
# blocks ordered A B B A A B ... (one load or unload per pair), and the
# verdict is the median over the pairs of the ratio within each pair,
# which cancels the VM's slow drift. Pairs: 2 x N (10 by default, about
# 2 min), 3 in QUICK. SCTP and TCP: the receiver's rate; UDP (-b 0): the
# sender's rate times the share that arrived. What sctp_dar costs on the
# packet path is its netfilter hook (asconf_hook.c), on every packet of
# every protocol, loaded in every namespace.
. "$(dirname "$0")/lib.sh"

SECS=1
PAIRS=$((2 * BENCH_N))
PROTOS=(sctp tcp udp)

tap_plan ${#PROTOS[@]}
require_module sctp
require_module veth
require_tool iperf3
require_sctp_dar
rmmod sctp_dar

topo_two_paths || setup_fail "cannot build the topology"
ip netns exec "$CN" iperf3 -s -B 10.0.1.2 >"$LIB_TMP/srv.log" 2>&1 &
LIB_PIDS+=($!)
# iperf3 listens on TCP 5201 for its control connection.
iperf3_listening() { ip netns exec "$CN" ss -Hltn 'sport = :5201' | grep -q .; }
wait_for 5 iperf3_listening || setup_fail "iperf3 did not listen on 5201"

# measure PROTO: prints Mbit/s, or nothing.
measure()
{
	local args=() j

	case $1 in
	sctp) args=(--sctp) ;;
	udp) args=(-u -b 0) ;;
	esac
	j=$(ip netns exec "$MN" iperf3 -c 10.0.1.2 -t "$SECS" -J "${args[@]}" 2>/dev/null)
	jq -r 'if .end.sum_received then .end.sum_received.bits_per_second
	       else .end.sum.bits_per_second * (1 - (.end.sum.lost_percent // 0) / 100)
	       end / 1e6 | . * 100 | round / 100' <<<"$j" 2>/dev/null
}

declare -A got=()
for ((rep = 1; rep <= PAIRS; rep++)); do
	order=(stock sctp_dar)
	((rep % 2 == 0)) && order=(sctp_dar stock)
	for v in "${order[@]}"; do
		if [[ $v == stock ]]; then
			dar_unload
		elif ! grep -q '^sctp_dar ' /proc/modules; then
			dar_load
		fi
		for p in "${PROTOS[@]}"; do
			mbps=$(measure "$p")
			[[ $mbps =~ ^[0-9.]+$ ]] && got[$p]=$((${got[$p]:-0} + 1))
			bench_record "{\"scenario\":\"throughput\",\"proto\":\"$p\",\"variant\":\"$v\",\"rep\":$rep,\"secs\":$SECS,\"mbps\":$(json_num "$mbps")}"
		done
	done
done
dar_unload
for p in "${PROTOS[@]}"; do
	tap_result $((${got[$p]:-0} != 2 * PAIRS)) "throughput $p: ${got[$p]:-0}/$((2 * PAIRS)) runs measured"
done
tap_diag "$(basename "$0"): $SECONDS s"
tap_exit
