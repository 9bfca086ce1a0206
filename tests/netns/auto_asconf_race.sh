#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 debug [stock-6.12]
#
# auto_asconf_race.sh - the kernel's auto_asconf handler never runs on a
# wildcard socket while its application is inside it (src/auto_asconf.c).
# The stock handler takes a socket with bh_lock_sock() only; run from its
# timer while the application sends, it flushed the same outqueue from two
# contexts and make check's stock 6.1 VM panicked (a NULL chunk freed in
# sctp_packet_transmit(), roam_defaults.sh). sctp_dar now runs the handler
# itself, each socket owned.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1 (flaps)  |== path B ==|  cn-b 10.0.2.2          |
#     +-------------------------+            +-------------------------+
#
# An unmodified wildcard client (sctp_dar's defaults switch auto_asconf on
# for it) streams both ways as fast as the VM allows while 10.0.2.1 comes
# and goes every 100 ms: every change goes through the auto_asconf queue
# while the application is in sendmsg() and recvmsg(). Afterwards the
# stream is whole and, where the kernel has kprobe events, every run of
# sctp_addr_wq_timeout_handler() came from sctp_dar, none from the timer.
. "$(dirname "$0")/lib.sh"

SECS=10
IVL=500
if [[ -e /proc/lockdep ]]; then
	SECS=20
	IVL=5000
fi
T=/sys/kernel/tracing
PROBE=dar_aa_race

tap_plan 5
require_own_tool sctpaddr sctp_stream
require_tool jq
require_sctp_dar
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

# Where the kernel has kprobe events, each run of the handler leaves its
# stack in the trace.
KPROBE=0
probe_off()
{
	[[ -e $T/events/kprobes/$PROBE ]] || return 0
	echo 0 >"$T/events/kprobes/$PROBE/enable"
	echo '!stacktrace' >"$T/events/kprobes/$PROBE/trigger"
	echo "-:$PROBE" >>"$T/kprobe_events"
}
[[ -d $T/events ]] || mount -t tracefs nodev "$T" 2>/dev/null
if [[ -w $T/kprobe_events ]]; then
	probe_off
	if echo "p:$PROBE sctp_addr_wq_timeout_handler" >>"$T/kprobe_events" &&
	   echo stacktrace >"$T/events/kprobes/$PROBE/trigger" &&
	   echo >"$T/trace" &&
	   echo 1 >"$T/events/kprobes/$PROBE/enable"; then
		KPROBE=1
	else
		probe_off
		setup_fail "kprobe events present, but a probe on sctp_addr_wq_timeout_handler could not be set"
	fi
fi

stream_server s1 "$CN" 5001 -d 600000 -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c1 "$MN" 10.0.1.2 5001 -d 600000 -i "$IVL" ||
	setup_fail "cannot set up the association"
ID=$(sctpaddr -n "$MN" -j assoc show pport 5001 | jq '.[0].id')
[[ $ID =~ ^[0-9]+$ ]] || setup_fail "association id not found"
S0=$(sctpaddr -n "$MN" -j stats) || setup_fail "no stats"

# 1. The flapping address reaches the peer through auto_asconf, again and
# again.
t=$((SECONDS + SECS)) flaps=0 seen=0
while ((SECONDS < t)); do
	ip -n "$MN" addr add 10.0.2.1/24 dev mn-b
	sleep 0.1
	peer_has 5001 10.0.2.1 && seen=$((seen + 1))
	ip -n "$MN" addr del 10.0.2.1/24 dev mn-b
	sleep 0.1
	flaps=$((flaps + 1))
done
S1=$(sctpaddr -n "$MN" -j stats)
sent=$(jq -n --argjson a "$S0" --argjson b "$S1" '$b.asconf_sent - $a.asconf_sent')
on=$(jq -r '.auto_asconf_enabled' <<<"$S1")
tap_diag "$flaps flaps in $SECS s; the peer had 10.0.2.1 after $seen of them; $sent ASCONFs sent; auto_asconf switched on for $on socket(s)"
((on >= 1 && sent >= 2 && seen >= 1))
tap_result $? "auto_asconf carried the flaps to the peer (ASCONFs sent: $sent)"

# 2. The association lived through it, and converges on A alone.
alive()
{
	kill -0 "${STREAM_PID[c1]}" 2>/dev/null &&
		[[ $(sctpaddr -n "$MN" -j assoc get id "$ID" 2>/dev/null | jq -r '.[0].state') == established ]]
}
wait_for 15 peer_lacks 5001 10.0.2.1 && alive
tap_result $? "the association is established, the peer knows A only ($(peer_view 5001))"

# 3. No run of the handler from its timer.
if ((KPROBE)); then
	runs=$(grep -c "$PROBE:" "$T/trace")
	timer=$(grep -c "=> call_timer_fn" "$T/trace")
	ours=$(grep -c "=> sctp_dar_wq_run" "$T/trace")
	tap_diag "a run: $(grep -m1 -A12 '<stack trace>' "$T/trace" | grep '=>' | tr -s ' \n' ' ')"
	probe_off
	tap_diag "handler runs: $runs, from sctp_dar: $ours, from the timer: $timer"
	((runs >= 1 && timer == 0 && ours == runs))
	tap_result $? "every run of the kernel's auto_asconf handler came from sctp_dar, none from the timer"
else
	tap_skip "every run of the kernel's auto_asconf handler came from sctp_dar" \
		"kernel without kprobe events"
fi

# 4-5. The stream, both ways.
stream_end c1 s1
rc=0
stream_wait c1 || rc=1
stream_wait s1 || rc=1
stream_clean c1 && stream_clean s1 || rc=1
tap_result $rc "stream: $(stream_field c1 received) + $(stream_field s1 received) messages intact both ways"
eag=$(stream_field c1 eagain)
tap_diag "client: eagain stalls $eag, max gap $(stream_field c1 max_gap_ms) ms"
[[ $(stream_field c1 assoc_lost) == false && $(stream_field s1 assoc_lost) == false ]]
tap_result $? "neither end saw its association lost"
tap_exit
