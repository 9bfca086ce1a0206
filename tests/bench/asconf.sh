#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# asconf.sh - benchmark scenario 3 (and 7 for it): how long after an
# address event the first ASCONF is on the wire.
#
#   $MN mn-a 10.0.1.1 ===== path A ===== cn-a 10.0.1.2 $CN   (tcpdump here)
#       mn-b 10.0.2.1 (added, deleted, added, ...) == cn-b 10.0.2.2
#
# One idle association, the mobile node's socket wildcard-bound with the
# kernel's auto_asconf on (the only way the stock kernel reconfigures), the
# same socket with sctp_dar loaded, and (at the first RTT) sctp_dar with
# debounce_ms=0. Events alternate: B added, B deleted. The event's time is
# when the kernel announced the address change (`ip -ts monitor address` in
# the mobile node's namespace, i.e. the RTM_NEWADDR/DELADDR notification
# that sctp_dar and the stock kernel also react to); the ASCONF's time is
# the kernel timestamp of its capture on the correspondent's interface,
# where netem (the emulated RTT, on the correspondent's egress) does not
# delay it. Before the next event the association is let settle: the peer
# applied the change and no ASCONF went out for 100 ms + 2 RTT, so each
# event's first ASCONF is its own.
#
# Events per variant: 100 at the first RTT (the stock kernel: 50, its
# 500 ms tick needs no p99 to be told apart and costs a second an event;
# debounce_ms=0: 30), 10 at the others; 10 in QUICK.
. "$(dirname "$0")/lib.sh"

B=10.0.2.1
# ASCONF (0xc1) as the first chunk, or right after an AUTH chunk (0x0f).
FILTER='sctp[12] = 0xc1 or (sctp[12] = 0x0f and sctp[12 + ((sctp[14:2] + 3) & 0xfffc)] = 0xc1)'

tap_plan $((2 * ${#BENCH_RTTS[@]}))
require_module sctp
require_module veth
require_module sch_netem
require_tool tcpdump
require_sctp_dar
rmmod sctp_dar

caplines()
{
	wc -l <"$LIB_TMP/cap.txt"
}

# cap_grew N: more than N ASCONFs captured.
cap_grew()
{
	(($(caplines) > $1))
}

# settle RTT: no new ASCONF for 100 ms + 2 RTT.
settle()
{
	local quiet_us=$(((100 + 2 * $1) * 1000)) n m

	n=$(caplines)
	while :; do
		wait_until $((${EPOCHREALTIME/./} + quiet_us))
		m=$(caplines)
		((m == n)) && return
		n=$m
	done
}

# peer_knows_b PID: the correspondent (PID is in its namespace) lists B
# as a peer address ("*" marks its primary). /proc/PID/net spares the
# `ip netns exec` per poll, which costs a sysfs mount under TCG.
peer_knows_b()
{
	grep -q '[ *]10\.0\.2\.1[[:space:]]' "/proc/$1/net/sctp/assocs"
}

peer_forgot_b()
{
	! peer_knows_b "$1"
}

# run VARIANT RTT EVENTS: prints nothing; records one @@BENCH line.
run()
{
	local v=$1 rtt=$2 events=$3 i before ok=0 lat alive=false

	fresh_tmp
	case $v in
	stock) dar_unload ;;
	sctp_dar) dar_load || return 1 ;;
	sctp_dar-debounce0) dar_load debounce_ms=0 || return 1 ;;
	esac
	topo_two_paths || return 1
	sctp_both "$MN" "$CN"
	netem_rtt "$CN" cn-a "$rtt"
	netem_rtt "$CN" cn-b "$rtt"
	stream_server asc-cn "$CN" 6200 -n -d 3600000 -w 1000 || return 1
	stream_client asc-mn "$MN" 10.0.1.2 6200 -n -d 3600000 -w 1000 -A || return 1

	ip netns exec "$CN" tcpdump -i any -n -tt -l -Z root "$FILTER" \
		>"$LIB_TMP/cap.txt" 2>"$LIB_TMP/cap.err" &
	LIB_PIDS+=($!)
	ip -n "$MN" -ts monitor address >"$LIB_TMP/mon.txt" 2>/dev/null &
	LIB_PIDS+=($!)
	wait_for 10 grep -q 'listening on' "$LIB_TMP/cap.err" || return 1
	sleep 0.3

	for ((i = 0; i < events; i++)); do
		before=$(caplines)
		if ((i % 2 == 0)); then
			ip -n "$MN" addr add "$B/24" dev mn-b
			wait_for 10 peer_knows_b "${STREAM_PID[asc-cn]}" || ok=1
		else
			ip -n "$MN" addr del "$B/24" dev mn-b
			wait_for 10 peer_forgot_b "${STREAM_PID[asc-cn]}" || ok=1
		fi
		wait_for 5 cap_grew "$before" || ok=1
		settle "$rtt"
	done
	sleep 0.2
	# The association lived through every event (read on the peer).
	[[ -n $(assoc_raddrs "$CN" 6200) ]] && alive=true

	# Event times: seconds of the day from `ip -ts` ("[...THH:MM:SS.us]");
	# captures: tcpdump -tt epoch seconds, taken modulo a day (UTC).
	lat=$(awk '
		FNR == 1 { f++ }
		f == 1 && /10\.0\.2\.1\// && match($0, /T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]+/) {
			s = substr($0, RSTART + 1, RLENGTH - 1); split(s, p, ":")
			ev[ne++] = p[1] * 3600 + p[2] * 60 + p[3]
		}
		f == 2 { cap[nc++] = $1 % 86400 }
		END {
			j = 0; out = ""
			for (i = 0; i < ne; i++) {
				while (j < nc && cap[j] < ev[i]) j++
				if (j < nc && (i + 1 >= ne || cap[j] < ev[i + 1]))
					out = out sprintf("%s%.3f", out == "" ? "" : ",", (cap[j] - ev[i]) * 1000)
				else
					miss++
			}
			printf "{\"latencies_ms\":[%s],\"events_seen\":%d,\"missed\":%d,\"asconfs\":%d}\n", out, ne, miss + 0, nc
		}' "$LIB_TMP/mon.txt" "$LIB_TMP/cap.txt")
	bench_record "$(jq -cn --arg v "$v" --argjson rtt "$rtt" --argjson ev "$events" \
		--argjson r "$lat" --argjson ok "$ok" --argjson alive "$alive" \
		'{scenario: "asconf", variant: $v, rtt_ms: $rtt, events: $ev,
		  peer_followed: ($ok == 0), assoc_alive: $alive} + $r')"
	stream_stop asc-mn 0
	stream_stop asc-cn 2
	jq -e '.latencies_ms | length > 0' >/dev/null <<<"$lat" && ((ok == 0)) || return 1
	[[ $v == stock || $alive == true ]] || { tap_diag "asconf $v rtt $rtt: association lost"; return 2; }
}

first=1
for rtt in "${BENCH_RTTS[@]}"; do
	if ((BENCH_QUICK)); then
		events=10
	elif ((first)); then
		events=100
	else
		events=10
	fi
	variants=(stock sctp_dar)
	((first)) && variants+=(sctp_dar-debounce0)
	good=0 dar_alive=0 dar_runs=0
	for v in "${variants[@]}"; do
		# debounce_ms=0 only differs from the default for events
		# closer than 20 ms: 30 show it (the default serves the first
		# event after a quiet window at once too).
		n=$events
		[[ $v == sctp_dar-debounce0 ]] && ((n > 30)) && n=30
		[[ $v == stock ]] && ((n > 50)) && n=50
		run "$v" "$rtt" "$n"
		rc=$?
		if ((rc == 0)); then
			good=$((good + 1))
		else
			tap_diag "asconf $v rtt $rtt: $(head -c 300 "$LIB_TMP/cap.err" 2>/dev/null)"
		fi
		[[ $v == stock ]] && continue
		dar_runs=$((dar_runs + 1))
		((rc == 2)) || dar_alive=$((dar_alive + 1))
	done
	# The latency itself is never asserted: it goes to the table.
	tap_result $((good != ${#variants[@]})) "asconf rtt ${rtt} ms: every variant measured, the peer followed every event"
	tap_result $((dar_alive != dar_runs)) "asconf rtt ${rtt} ms: with sctp_dar the association lived through up to ${events} events"
	first=0
done
fresh_tmp
dar_unload
tap_diag "$(basename "$0"): $SECONDS s"
tap_exit
