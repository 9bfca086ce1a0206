#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# asconf_wire.sh - the ASCONF wire hook: a real roam is seen on the wire
# (asconf-sent / asconf-acked with serial and latency on the mobile node,
# asconf-received ok on the correspondent); forged ASCONFs injected into
# the live association (tests/tools/asconf_inject) get their verdicts,
# counters and events while a checksummed stream keeps running; a stock
# peer's refusal reaches us with its Error Cause.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |       fd00:1::1         |            |       fd00:1::2         |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2          |
#     |  asconf_inject: forges  |  -------->  |  verdicts counted here  |
#     |  10.0.1.1 -> 10.0.1.2   |            |  (sctpaddr -j stats)    |
#     +-------------------------+            +-------------------------+
#
# sctp_dar manages the mobile node's stream socket (local port 6401) and
# deny-lists 10.9.0.0/16. Injected ASCONFs carry no AUTH chunk, so the
# correspondent's SCTP discards each one after the hook has judged it: the
# association is never disturbed, which the stream checks.
. "$(dirname "$0")/lib.sh"

# The stream runs until SIGINT after the last injection (DUR bounds it).
DUR=300000
IVL=2000
WAIT=8
if [[ -e /proc/lockdep ]]; then	# lock debugging: several times slower
	IVL=10000
	WAIT=30
fi
PORT=5401
PARAMS=/sys/module/sctp_dar/parameters

tap_plan 12

require_sctp_dar
require_own_tool asconf_inject
require_own_tool sctp_bindx
[[ -w $PARAMS/verify_enforce ]] || setup_fail "sctp_dar has no wire hook"

# Module parameters are global: put back what was there.
SAVED_DENY=$(cat "$PARAMS/deny_prefixes")
SAVED_RATE=$(cat "$PARAMS/asconf_rate")
SAVED_BURST=$(cat "$PARAMS/asconf_burst")
SAVED_ENFORCE=$(cat "$PARAMS/verify_enforce")
restore_params()
{
	echo "$SAVED_DENY" >"$PARAMS/deny_prefixes"
	echo "$SAVED_RATE" >"$PARAMS/asconf_rate"
	echo "$SAVED_BURST" >"$PARAMS/asconf_burst"
	echo "$SAVED_ENFORCE" >"$PARAMS/verify_enforce"
	cleanup
}
trap restore_params EXIT

manage_ports 6401
echo "10.9.0.0/16" >"$PARAMS/deny_prefixes"
echo 10 >"$PARAMS/asconf_rate"
echo 20 >"$PARAMS/asconf_burst"
echo N >"$PARAMS/verify_enforce"
topo_two_paths || setup_fail "cannot build the topology"
for ns in "$MN" "$CN"; do
	sctp_sysctl "$ns" addip_enable 1
	sctp_sysctl "$ns" auth_enable 1
done

# monitor NS FILE: sctpaddr -j monitor in NS, until cleanup; returns once
# it waits for events (its main thread sleeps in ppoll, syscall 271).
monitor()
{
	local pid

	ip netns exec "$1" sctpaddr -j monitor >"$2" 2>&1 &
	pid=$!
	LIB_PIDS+=("$pid")
	wait_for 5 grep -q '^271 ' "/proc/$pid/syscall"
}

# ev FILE FILTER: the events of FILE that FILTER (jq) selects, one a line.
ev()
{
	jq -c "select($2)" "$1" 2>/dev/null
}

# ev_has FILE FILTER: at least one event matches.
ev_has()
{
	[[ -n $(ev "$1" "$2") ]]
}

# ctr NS NAME: one counter of NS (sctpaddr -j stats).
ctr()
{
	ip netns exec "$1" sctpaddr -j stats | jq -r ".$2"
}

# ctr_is NS NAME VALUE
ctr_is()
{
	[[ $(ctr "$1" "$2") == "$3" ]]
}

MN_EV=$LIB_TMP/mn.events
CN_EV=$LIB_TMP/cn.events
monitor "$MN" "$MN_EV" && monitor "$CN" "$CN_EV" ||
	setup_fail "sctpaddr monitor does not start"

stream_server wire-cn "$CN" "$PORT" -d "$DUR" -i "$IVL" \
	-B 10.0.1.2 -B 10.0.2.2 &&
	stream_client wire-mn "$MN" 10.0.1.2 "$PORT" -d "$DUR" -i "$IVL" \
		-P 6401 -B 10.0.1.1 ||
	setup_fail "no association"

# 1. A real roam: B appears, sctp_dar adds it and makes it the peer's
# primary; the mobile node's hook sees each ASCONF leave and its ACK come.
mn_addr_b
rc=0
wait_for "$WAIT" peer_primary_is "$PORT" 10.0.2.1 || rc=1
wait_for "$WAIT" ev_has "$MN_EV" '.event == "asconf-acked"' || rc=1
# Settled: every ASCONF sent was answered.
settled()
{
	local s a

	s=$(ev "$MN_EV" '.event == "asconf-sent" and .lport == 6401' | wc -l)
	a=$(ev "$MN_EV" '(.event == "asconf-acked" or .event == "asconf-rejected") and .lport == 6401' | wc -l)
	((s > 0 && s == a))
}
wait_for "$WAIT" settled || rc=1
ev "$MN_EV" '.lport == 6401 and (.event | startswith("asconf"))' |
	while read -r line; do
		tap_diag "mn: $line"
	done
for s in $(ev "$MN_EV" '.event == "asconf-sent" and .lport == 6401' | jq -r .serial); do
	ev_has "$MN_EV" ".event == \"asconf-acked\" and .serial == $s and
		(.latency_us | type) == \"number\"" || {
		tap_diag "asconf-sent serial $s: no asconf-acked with a latency"
		rc=1
	}
done
tap_result $rc "roam: asconf-sent and asconf-acked with serial and latency"

# 2. The correspondent's hook passed each of them.
rc=0
sent=$(ev "$MN_EV" '.event == "asconf-sent" and .lport == 6401' | jq -r .serial | sort -n)
ok=$(ev "$CN_EV" '.event == "asconf-received" and .verdict == "ok" and .lport == '"$PORT" |
	jq -r .serial | sort -n)
[[ -n $sent && $sent == "$ok" ]] || rc=1
tap_diag "serials sent: $(echo $sent), passed on the peer: $(echo $ok)"
((rc == 0)) && ctr_is "$CN" asconf_rx_ok "$(echo "$ok" | wc -l)" || rc=1
tap_result $rc "roam: the peer's hook passed every ASCONF (asconf_rx_ok)"
# The last serial the correspondent accepted.
S=$(echo "$sent" | tail -n 1)
[[ $S =~ ^[0-9]+$ ]] || S=0

# inject NAME VERDICT COUNTER [ARGS...]: forge one ASCONF 10.0.1.1 ->
# 10.0.1.2 from the mobile node; the correspondent's COUNTER goes up by
# one and it reports an asconf-received event with VERDICT.
inject()
{
	local name=$1 verdict=$2 counter=$3 before rc=0 n

	shift 3
	before=$(ctr "$CN" "$counter")
	n=$(ev "$CN_EV" ".verdict == \"$verdict\"" | wc -l)
	if ! ip netns exec "$MN" asconf_inject -s 10.0.1.1 -d 10.0.1.2 \
			-p "$PORT" "$@" >"$LIB_TMP/inject.out" 2>&1; then
		tap_diag "$name: asconf_inject: $(cat "$LIB_TMP/inject.out")"
		rc=1
	fi
	wait_for "$WAIT" ctr_is "$CN" "$counter" $((before + 1)) || rc=1
	wait_for "$WAIT" test "$(ev "$CN_EV" ".verdict == \"$verdict\"" | wc -l)" -gt "$n" || rc=1
	tap_diag "$name: $counter $before -> $(ctr "$CN" "$counter"); $(ev "$CN_EV" ".verdict == \"$verdict\"" | tail -n 1)"
	tap_result $rc "$name: counted ($counter) and reported (verdict $verdict)"
}

# 3-8. Forged ASCONFs.
inject "wrong lookup address" bad-lookup asconf_rx_bad_lookup \
	-S $((S + 1)) -l 192.0.2.99
inject "replayed serial" replay asconf_rx_replay -S $(((S - 1) & 0xffffffff))
inject "serial out of order" out-of-order asconf_rx_out_of_order \
	-S $(((S + 5) & 0xffffffff))
inject "deny-listed address" deny-listed asconf_rx_deny_listed \
	-S $((S + 1)) -a 10.9.0.1
inject "truncated chunk" malformed asconf_rx_malformed -S $((S + 1)) -t
inject "no AUTH chunk" unauthenticated asconf_rx_unauthenticated \
	-S $((S + 1))

# 9. Rate: 1 per second, 2 at once; 6 at once: some over the rate.
echo 1 >"$PARAMS/asconf_rate"
echo 2 >"$PARAMS/asconf_burst"
before=$(ctr "$CN" asconf_rx_rate_limited)
rc=0
ip netns exec "$MN" asconf_inject -s 10.0.1.1 -d 10.0.1.2 -p "$PORT" \
	-S $((S + 1)) -n 6 >/dev/null 2>&1 || rc=1
wait_for "$WAIT" test "$(ctr "$CN" asconf_rx_rate_limited)" -gt "$before" || rc=1
wait_for "$WAIT" ev_has "$CN_EV" '.verdict == "rate-limited"' || rc=1
tap_diag "rate-limited: $before -> $(ctr "$CN" asconf_rx_rate_limited) of 6"
tap_result $rc "rate limit: counted and reported (verdict rate-limited)"
echo 10 >"$PARAMS/asconf_rate"
echo 20 >"$PARAMS/asconf_burst"

# 10. Enforce mode: the replay is dropped, and counted as such.
echo Y >"$PARAMS/verify_enforce"
before=$(ctr "$CN" asconf_rx_dropped)
rc=0
ip netns exec "$MN" asconf_inject -s 10.0.1.1 -d 10.0.1.2 -p "$PORT" \
	-S $(((S - 1) & 0xffffffff)) >/dev/null 2>&1 || rc=1
wait_for "$WAIT" ctr_is "$CN" asconf_rx_dropped $((before + 1)) || rc=1
tap_result $rc "verify_enforce: a replayed ASCONF is dropped (asconf_rx_dropped)"
echo N >"$PARAMS/verify_enforce"

# 11. Through all of it the association carried the stream.
rc=0
kill -INT "${STREAM_PID[wire-mn]}" "${STREAM_PID[wire-cn]}" 2>/dev/null
stream_wait wire-mn || rc=1
stream_wait wire-cn || rc=1
stream_clean wire-mn && stream_clean wire-cn || rc=1
tap_diag "mn: $(cat "$LIB_TMP/wire-mn.json")"
tap_result $rc "stream intact both ways, association alive"

# 12. A stock peer refuses: an AF_INET6 socket adds an IPv6 address to an
# association whose peer socket is IPv4-only; the peer answers
# Unresolvable Address (5), which only the wire shows.
rc=0
ip netns exec "$CN" sctp_bindx -l -p 5402 -H 20000 >/dev/null 2>&1 &
LIB_PIDS+=($!)
wait_for 5 ip netns exec "$CN" awk '$6 == 5402 { f = 1 } END { exit !f }' \
	/proc/net/sctp/eps || rc=1
ip netns exec "$MN" sctp_bindx -6 -B 10.0.1.1 -c 10.0.1.2 -p 5402 \
	-a fd00:1::1 -H 2000 >"$LIB_TMP/bindx.out" 2>&1 &
LIB_PIDS+=($!)
wait_for "$WAIT" ev_has "$MN_EV" '.event == "asconf-rejected" and .pport == 5402' || rc=1
line=$(ev "$MN_EV" '.event == "asconf-rejected" and .pport == 5402' | head -n 1)
tap_diag "mn: $line"
jq -e '.error_cause == 5 and .addr == "fd00:1::1" and
       (.latency_us | type) == "number" and (.serial | type) == "number"' \
	<<<"$line" >/dev/null 2>&1 || rc=1
((rc)) && tap_diag "sctp_bindx: $(cat "$LIB_TMP/bindx.out")"
tap_result $rc "peer refusal: asconf-rejected with its Error Cause (unresolvable-address)"

tap_exit
