#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# roam.sh - benchmark scenarios 1 and 2 (and 7 for them): the longest gap
# in a 1 KiB-every-1-ms stream both ways through a roam, the stock kernel
# and sctp_dar alternating in the same boot, at each emulated path RTT.
#
# 1. Make-before-break (two-path topology of tests/netns/lib.sh):
#      $MN mn-a 10.0.1.1 ===== path A (cable pulled at +1 s) ===== cn-a $CN
#          mn-b 10.0.2.1 (added at 0) == path B =================== cn-b
#    stock: wildcard socket with the kernel's auto_asconf (its best case);
#    sctp_dar: socket bound to 10.0.1.1, managed (manage_ports=all).
#
# 2. Break-before-make (routed topology, as tests/netns/roam_bbm.sh): A's
#    cable is pulled, B's address and route appear 100 ms later; the router
#    drops packets with a foreign source address (strict rp_filter).
#      $MN mn-a 10.0.1.1 == r-a  $RT (rp_filter=1)  r-c == cn-c 10.9.0.1 $CN
#          mn-b 10.0.2.1 == r-b
#    Variants: stock wildcard + auto_asconf, stock bound to A, sctp_dar
#    bound to A (manage_ports=all), sctp_dar wildcard + auto_asconf. The
#    stock kernel never recovers here (PLATFORM.md): each attempt is capped
#    at BBM_CAP seconds after the break and reported as "no recovery", and
#    only one stock attempt is made per RTT.
#
# Repetitions: N at the first RTT, min(N, 2) at the others (the whole
# sweep must fit make bench's 20 minutes).
#
# The RTT is emulated by netem on the correspondent's egress (the whole
# round trip there). Records: @@BENCH {"scenario":"mbb"|"bbm", ...}; the
# first repetition at the first RTT also prints the downlink receive log
# as @@BENCHSERIES for the plot.
. "$(dirname "$0")/lib.sh"

A=10.0.1.1
B=10.0.2.1
CN_ADDR=10.9.0.1
BBM_CAP=10
# QUICK: the stock kernel's (non-)recovery is only shown, not timed.
((BENCH_QUICK)) && BBM_CAP=5

tap_plan $((4 * ${#BENCH_RTTS[@]}))
require_module sctp
require_module veth
require_module sch_netem
require_sctp_dar
rmmod sctp_dar

# variant_setup VARIANT: load or unload sctp_dar for it; sets CARGS for
# the mobile node's stream (its socket's binding).
variant_setup()
{
	case $1 in
	stock | stock-wildcard)
		dar_unload
		CARGS=(-A)
		;;
	stock-bound)
		dar_unload
		CARGS=(-B "$A")
		;;
	sctp_dar | dar-bound)
		dar_load manage_ports=all || return 1
		CARGS=(-B "$A")
		;;
	dar-wildcard)
		dar_load || return 1
		CARGS=(-A)
		;;
	esac
}

# record_stream SCEN VARIANT RTT REP EXTRA_JSON: the record of one run.
record_stream()
{
	local mn cn

	mn=$(stream_json "$1-mn")
	cn=$(stream_json "$1-cn")
	bench_record "$(jq -cn --arg s "$1" --arg v "$2" --argjson rtt "$3" \
		--argjson rep "$4" --argjson mn "$mn" --argjson cn "$cn" \
		--argjson x "$5" '{scenario: $s, variant: $v, rtt_ms: $rtt, rep: $rep,
		  gap_down_ms: $mn.max_gap_ms, gap_up_ms: $cn.max_gap_ms,
		  lost_down: $mn.lost, lost_up: $cn.lost,
		  duplicated: (($mn.duplicated // 0) + ($cn.duplicated // 0)),
		  corrupted: (($mn.corrupted // 0) + ($cn.corrupted // 0)),
		  out_of_order: (($mn.out_of_order // 0) + ($cn.out_of_order // 0)),
		  received_down: $mn.received, received_up: $cn.received,
		  undelivered_down: (($cn.sent // 0) - ($mn.received // 0)),
		  undelivered_up: (($mn.sent // 0) - ($cn.received // 0)),
		  assoc_lost: (($mn.assoc_lost != false) or ($cn.assoc_lost != false)),
		  end_received: (($mn.end_received == true) and ($cn.end_received == true)),
		  clean: (($mn.lost == 0) and ($cn.lost == 0) and
			  ($mn.duplicated == 0) and ($cn.duplicated == 0) and
			  ($mn.corrupted == 0) and ($cn.corrupted == 0) and
			  ($mn.out_of_order == 0) and ($cn.out_of_order == 0) and
			  ($mn.end_received == true) and ($cn.end_received == true) and
			  ($mn.assoc_lost == false) and ($cn.assoc_lost == false))} + $x')"
}

# intact SCEN: both of SCEN's streams arrived whole: nothing lost,
# duplicated, reordered or corrupted, the END marker received (a stream
# that never recovered and was stopped at its bound has lost nothing it
# received, but did not arrive) and the association alive. How long the
# recovery took is a number for the table, never asserted; the bound
# (BBM_CAP s after the break, the stream's length + 15 s for mbb) only
# tells "recovered" from "never".
intact()
{
	stream_clean "$1-mn" && stream_clean "$1-cn"
}

# ---- 1. make-before-break ---------------------------------------------------

# mbb_run VARIANT RTT REP PLOT: one roam; returns 1 when sctp_dar's
# streams lost, duplicated, reordered or corrupted data (or nothing could
# be measured).
mbb_run()
{
	local v=$1 rtt=$2 rep=$3 plot=$4 warm dur t_add t_cut t0 ok=0

	fresh_tmp
	variant_setup "$v" || return 1
	topo_two_paths || return 1
	sctp_both "$MN" "$CN"
	netem_rtt "$CN" cn-a "$rtt"
	netem_rtt "$CN" cn-b "$rtt"
	# Slow start must be over before the roam: at least 10 RTTs.
	warm=$((rtt * 10 > 1500 ? rtt * 10 : 1500))
	dur=$((warm + 1000 + 3000))
	stream_server mbb-cn "$CN" 6000 -d "$dur" -w 5000 -L "$LIB_TMP/cn.log" || ok=1
	stream_client mbb-mn "$MN" 10.0.1.2 6000 -d "$dur" -w 5000 \
		-L "$LIB_TMP/mn.log" "${CARGS[@]}" || ok=1
	((ok)) && return 1
	sleep "$(awk -v w="$warm" 'BEGIN { printf "%.3f", w / 1000 }')"
	t_add=${EPOCHREALTIME/./}
	ip -n "$MN" addr add "$B/24" dev mn-b
	wait_until $((t_add + 1000000))
	t_cut=${EPOCHREALTIME/./}
	carrier "$MN" mn-a off
	stream_stop mbb-mn $((dur / 1000 + 15))
	stream_stop mbb-cn 5
	# The noise floor: the longest gaps in the second before the roam.
	record_stream mbb "$v" "$rtt" "$rep" \
		"{\"t_cut_ms\": $(((t_cut - t_add) / 1000)),
		  \"baseline_gap_down_ms\": $(gap_window "$LIB_TMP/mn.log" \
			"$(stream_field mbb-mn t0_unix_us)" $((t_add - 1000000)) "$t_add"),
		  \"baseline_gap_up_ms\": $(gap_window "$LIB_TMP/cn.log" \
			"$(stream_field mbb-cn t0_unix_us)" $((t_add - 1000000)) "$t_add")}"
	if ((plot)); then
		t0=$(stream_field mbb-mn t0_unix_us)
		bench_record "{\"scenario\":\"plot\",\"roam\":\"mbb\",\"variant\":\"$v\",\"rtt_ms\":$rtt,\"t_cut_ms\":$(((t_cut - t_add) / 1000))}"
		[[ $t0 =~ ^[0-9]+$ ]] && series_emit "mbb-$v" "$LIB_TMP/mn.log" "$t0" "$t_add"
	fi
	[[ $v == stock* ]] && return 0
	intact mbb
}

# ---- 2. break-before-make ---------------------------------------------------

topo_routed()
{
	RT=rt-$LIB_TAG
	topo_routed_links || return 1
	ip -n "$MN" addr replace "$A/24" dev mn-a
	ip -n "$MN" route replace default via 10.0.1.254 dev mn-a metric 100
	sctp_both "$MN" "$CN"
	# Let SCTP's 500 ms address tick pass (lo, PLATFORM.md).
	sleep 0.7
}

# bbm_run VARIANT RTT REP PLOT
bbm_run()
{
	local v=$1 rtt=$2 rep=$3 plot=$4 warm dur t_break t_make t0 ok=0 rec pids

	fresh_tmp
	variant_setup "$v" || return 1
	topo_routed || return 1
	netem_rtt "$CN" cn-c "$rtt"
	warm=$((rtt * 10 > 1000 ? rtt * 10 : 1000))
	dur=$((warm + 3000))
	stream_server bbm-cn "$CN" 6100 -B "$CN_ADDR" -d "$dur" -w 3000 \
		-L "$LIB_TMP/cn.log" || ok=1
	stream_client bbm-mn "$MN" "$CN_ADDR" 6100 -d "$dur" -w 3000 \
		-L "$LIB_TMP/mn.log" "${CARGS[@]}" || ok=1
	((ok)) && return 1
	sleep "$(awk -v w="$warm" 'BEGIN { printf "%.3f", w / 1000 }')"
	# A's cable pulled: no carrier, the address stays, its route goes;
	# 100 ms later B's address and route appear (a DHCP client). Each
	# `ip` takes tens of ms under TCG: the commands are started on time
	# in the background rather than one after the other.
	t_break=${EPOCHREALTIME/./}
	ip -n "$RT" link set r-a down &
	pids=($!)
	ip -n "$MN" route del default via 10.0.1.254 2>/dev/null &
	pids+=($!)
	wait_until $((t_break + 100000))
	t_make=${EPOCHREALTIME/./}
	printf '%s\n' "addr replace $B/24 dev mn-b" \
		"route replace default via 10.0.2.254 dev mn-b metric 200" |
		ip -n "$MN" -batch - &
	pids+=($!)
	wait "${pids[@]}"
	# Whatever has not finished BBM_CAP s after the break never will.
	stream_stop bbm-mn $(((t_break + BBM_CAP * 1000000 - $(now_us)) / 1000000 + 1))
	stream_stop bbm-cn 2
	rec="{\"t_make_ms\": $(((t_make - t_break) / 1000)), \"cap_s\": $BBM_CAP,
	      \"baseline_gap_down_ms\": $(gap_window "$LIB_TMP/mn.log" \
		"$(stream_field bbm-mn t0_unix_us)" $((t_break - 1000000)) "$t_break"),
	      \"baseline_gap_up_ms\": $(gap_window "$LIB_TMP/cn.log" \
		"$(stream_field bbm-cn t0_unix_us)" $((t_break - 1000000)) "$t_break")}"
	record_stream bbm "$v" "$rtt" "$rep" "$rec"
	if ((plot)); then
		t0=$(stream_field bbm-mn t0_unix_us)
		bench_record "{\"scenario\":\"plot\",\"roam\":\"bbm\",\"variant\":\"$v\",\"rtt_ms\":$rtt,\"t_make_ms\":$(((t_make - t_break) / 1000))}"
		[[ $t0 =~ ^[0-9]+$ ]] && series_emit "bbm-$v" "$LIB_TMP/mn.log" "$t0" "$t_break"
	fi
	[[ $v == stock* ]] && return 0
	intact bbm
}

# ---- the runs: stock and sctp_dar alternating ----------------------------

first=1
for rtt in "${BENCH_RTTS[@]}"; do
	# The RTT sweep (scenario 7) repeats each roam min(N, 2) times; the
	# first RTT N times.
	reps=$BENCH_N
	((!first && reps > 2)) && reps=2
	measured=0 clean=0 runs=0
	for ((rep = 1; rep <= reps; rep++)); do
		plot=$((first && rep == 1))
		for v in stock sctp_dar; do
			runs=$((runs + 1))
			if mbb_run "$v" "$rtt" "$rep" "$plot"; then
				clean=$((clean + 1))
			else
				tap_diag "mbb $v rtt $rtt rep $rep: $(stream_json mbb-mn) $(stream_json mbb-cn)"
			fi
			[[ $(stream_json mbb-mn) != '{}' ]] && measured=$((measured + 1))
		done
	done
	tap_result $((measured != runs)) "mbb rtt ${rtt} ms: $measured/$runs runs measured"
	tap_result $((clean != runs)) "mbb rtt ${rtt} ms: with sctp_dar the streams arrived whole, association alive ($clean/$runs runs ok)"

	measured=0 clean=0 runs=0
	for ((rep = 1; rep <= reps; rep++)); do
		plot=$((first && rep == 1))
		for v in stock-wildcard dar-bound stock-bound dar-wildcard; do
			# The stock kernel never recovers (PLATFORM.md): one
			# attempt per RTT tells.
			[[ $v == stock* ]] && ((rep > 1)) && continue
			runs=$((runs + 1))
			if bbm_run "$v" "$rtt" "$rep" "$plot"; then
				clean=$((clean + 1))
			else
				tap_diag "bbm $v rtt $rtt rep $rep: $(stream_json bbm-mn) $(stream_json bbm-cn)"
			fi
			[[ $(stream_json bbm-mn) != '{}' ]] && measured=$((measured + 1))
		done
	done
	tap_result $((measured != runs)) "bbm rtt ${rtt} ms: $measured/$runs runs measured"
	tap_result $((clean != runs)) "bbm rtt ${rtt} ms: with sctp_dar the streams arrived whole, association alive ($clean/$runs runs ok)"
	first=0
done
fresh_tmp
dar_unload
tap_diag "$(basename "$0"): $SECONDS s"
tap_exit
