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
# deny-lists 10.9.0.0/16. The injections run in enforce mode
# (verify_enforce=Y): each verdict but ok is dropped by the hook. Injected
# ASCONFs carry no AUTH chunk or one with a wrong HMAC, so what the hook
# passes, the correspondent's SCTP discards: the association is never
# disturbed, which the stream checks.
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

tap_plan 17

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
asconf_enable "$MN" "$CN"

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

# ctrs NS NAME...: several counters of NS from one read, space separated.
ctrs()
{
	local ns=$1 f

	shift
	f=$(printf '.%s,' "$@")
	ip netns exec "$ns" sctpaddr -j stats |
		jq -r "[${f%,}] | map(tostring) | join(\" \")"
}

# ctrs_are NS "NAME..." "VALUE...": those counters have those values
# (what was read is left in CTRS).
ctrs_are()
{
	CTRS=$(ctrs "$1" $2)
	[[ $CTRS == "$3" ]]
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
# From here on every ASCONF the correspondent sees is forged: the mobile
# node's engine leaves the association alone. (Otherwise path quality may
# move the primary again on a loaded host, with serials past the S the
# forgeries below are built on: measured, cases 14-15 then met replays.)
sctpaddr -n "$MN" policy set manage-ports none ||
	setup_fail "sctpaddr policy set manage-ports none failed"
wait_for "$WAIT" settled || tap_diag "ASCONFs still unanswered"
# The last serial the correspondent accepted.
S=$(ev "$MN_EV" '.event == "asconf-sent" and .lport == 6401' | jq -r .serial | sort -n | tail -n 1)
[[ $S =~ ^[0-9]+$ ]] || S=0

# From here on enforce mode (verify_enforce=Y): each forged ASCONF gets its
# verdict and is dropped, or, verdict ok, passed to sctp.ko.
echo Y >"$PARAMS/verify_enforce"

# 3. The association's tag and the mobile node's port, learned once by
# asconf_inject from a packet of the stream (later injections reuse them),
# with a wrong tag sent: an off-path spoof.
rc=0
read -r c0 d0 <<<"$(ctrs "$CN" asconf_rx_bad_vtag asconf_rx_dropped)"
e0=$(ev "$CN_EV" '.verdict == "bad-vtag"' | wc -l)
ip netns exec "$MN" asconf_inject -s 10.0.1.1 -d 10.0.1.2 -p "$PORT" \
	-S $((S + 1)) -A -w >"$LIB_TMP/inject.out" 2>&1 || rc=1
VTAG="" SPORT=""
read -r VTAG SPORT <<<"$(sed -n 's/^vtag=\(0x[0-9a-f]*\) sport=\([0-9]*\) .*/\1 \2/p' \
	"$LIB_TMP/inject.out")"
[[ -n $VTAG && -n $SPORT ]] || {
	rc=1
	tap_diag "asconf_inject: $(cat "$LIB_TMP/inject.out")"
}

# inject_check NAME VERDICT COUNTER N DROPS BEFORE_CTR BEFORE_DROPPED
# BEFORE_EVENTS: COUNTER went up by N, asconf_rx_dropped by DROPS, and an
# asconf-received event with VERDICT came.
inject_check()
{
	local name=$1 verdict=$2 counter=$3 n=$4 drops=$5 rc=0

	# Both counters move together (one verdict): one read per poll.
	wait_for "$WAIT" ctrs_are "$CN" "$counter asconf_rx_dropped" \
		"$(($6 + n)) $(($7 + drops))" || rc=1
	wait_for "$WAIT" test "$(ev "$CN_EV" ".verdict == \"$verdict\"" | wc -l)" -gt "$8" || rc=1
	tap_diag "$name: $counter, asconf_rx_dropped: $6 $7 -> $CTRS; $(ev "$CN_EV" ".verdict == \"$verdict\"" | tail -n 1)"
	return $rc
}

# The next injections go in one batch: each is sent at once, then the
# counters are polled together until every verdict is in (a read per poll
# rather than several per injection: VMs are slow), then each is judged.
BATCH_CTRS="asconf_rx_bad_lookup asconf_rx_replay asconf_rx_out_of_order
	asconf_rx_deny_listed asconf_rx_malformed asconf_rx_unauthenticated
	asconf_rx_uninspected asconf_rx_ok asconf_rx_dropped"
BATCH_CTRS=$(echo $BATCH_CTRS)
declare -A B0 BWANT EV0 EVWANT
B_NAME=() B_VERDICT=() B_COUNTER=() B_DROPS=() B_RC=()

# ev_counts FILE: "COUNT VERDICT" lines of the asconf-received events.
ev_counts()
{
	jq -r 'select(.event == "asconf-received") | .verdict' "$1" 2>/dev/null |
		sort | uniq -c
}

batch_start()
{
	local v c i=0 n verdict

	read -ra v <<<"$(ctrs "$CN" $BATCH_CTRS)"
	for c in $BATCH_CTRS; do
		B0[$c]=${v[i]}
		BWANT[$c]=${v[i]}
		((i++))
	done
	while read -r n verdict; do
		[[ -n $verdict ]] && EV0[$verdict]=$n
	done <<<"$(ev_counts "$CN_EV")"
}

# inject NAME VERDICT COUNTER DROPS [ARGS...]: forge one ASCONF 10.0.1.1 ->
# 10.0.1.2 from the mobile node with the association's tag and port; the
# correspondent's COUNTER is to go up by one, asconf_rx_dropped by DROPS
# (1: dropped, 0: passed to sctp.ko), and it is to report VERDICT.
inject()
{
	local name=$1 verdict=$2 counter=$3 drops=$4 rc=0

	shift 4
	if ! ip netns exec "$MN" asconf_inject -s 10.0.1.1 -d 10.0.1.2 \
			-p "$PORT" -V "$VTAG" -o "$SPORT" "$@" \
			>"$LIB_TMP/inject.out" 2>&1; then
		tap_diag "$name: asconf_inject: $(cat "$LIB_TMP/inject.out")"
		rc=1
	fi
	BWANT[$counter]=$((BWANT[$counter] + 1))
	BWANT[asconf_rx_dropped]=$((BWANT[asconf_rx_dropped] + drops))
	EVWANT[$verdict]=$((${EVWANT[$verdict]:-${EV0[$verdict]:-0}} + 1))
	B_NAME+=("$name")
	B_VERDICT+=("$verdict")
	B_COUNTER+=("$counter")
	B_DROPS+=("$drops")
	B_RC+=("$rc")
}

# batch_events: every verdict expected has its events.
batch_events()
{
	local -A now
	local n verdict

	while read -r n verdict; do
		[[ -n $verdict ]] && now[$verdict]=$n
	done <<<"$(ev_counts "$CN_EV")"
	for verdict in "${!EVWANT[@]}"; do
		((${now[$verdict]:-0} >= EVWANT[$verdict])) || return 1
	done
}

batch_done()
{
	local -A now
	local want="" c i=0 rc v

	for c in $BATCH_CTRS; do
		want+="${want:+ }${BWANT[$c]}"
	done
	wait_for "$WAIT" ctrs_are "$CN" "$BATCH_CTRS" "$want"
	wait_for "$WAIT" batch_events
	read -ra v <<<"$CTRS"
	for c in $BATCH_CTRS; do
		now[$c]=${v[i]}
		((i++))
	done
	tap_diag "counters $BATCH_CTRS"
	tap_diag "  before: $(for c in $BATCH_CTRS; do printf '%s ' "${B0[$c]}"; done)"
	tap_diag "  wanted: $want"
	tap_diag "  after:  $CTRS"
	for i in "${!B_NAME[@]}"; do
		rc=${B_RC[i]}
		c=${B_COUNTER[i]}
		[[ ${now[$c]} == "${BWANT[$c]}" &&
		   ${now[asconf_rx_dropped]} == "${BWANT[asconf_rx_dropped]}" ]] ||
			rc=1
		ev_has "$CN_EV" ".verdict == \"${B_VERDICT[i]}\"" || rc=1
		if ((B_DROPS[i])); then
			tap_result $rc "${B_NAME[i]}: dropped, counted ($c), reported (verdict ${B_VERDICT[i]})"
		else
			tap_result $rc "${B_NAME[i]}: passed to sctp.ko, counted ($c), reported (verdict ${B_VERDICT[i]})"
		fi
	done
	batch_events || tap_diag "events: $(ev_counts "$CN_EV" | tr '\n' ' ')"
}

((rc == 0)) && inject_check "wrong verification tag" bad-vtag \
	asconf_rx_bad_vtag 1 1 "$c0" "$d0" "$e0" || rc=1
tap_result $rc "wrong verification tag: dropped, counted (asconf_rx_bad_vtag), reported (verdict bad-vtag)"

# 4-9. Forged ASCONFs, each with an AUTH chunk (wrong HMAC) but one.
batch_start
inject "wrong lookup address" bad-lookup asconf_rx_bad_lookup 1 \
	-A -S $((S + 1)) -l 192.0.2.99
inject "replayed serial" replay asconf_rx_replay 1 -A -S $(((S - 1) & 0xffffffff))
inject "serial out of order" out-of-order asconf_rx_out_of_order 1 \
	-A -S $(((S + 5) & 0xffffffff))
inject "deny-listed address" deny-listed asconf_rx_deny_listed 1 \
	-A -S $((S + 1)) -a 10.9.0.1
inject "truncated chunk" malformed asconf_rx_malformed 1 -A -S $((S + 1)) -t
inject "no AUTH chunk" unauthenticated asconf_rx_unauthenticated 1 \
	-S $((S + 1))

# 10-12. What the hook cannot inspect in full is refused (fail closed);
# and an ASCONF placed after 16 other chunks is inspected all the same.
inject "ASCONF over 1 KiB" uninspected asconf_rx_uninspected 1 \
	-A -S $((S + 1)) -P 1100
inject "ASCONF with 17 requests" uninspected asconf_rx_uninspected 1 \
	-A -S $((S + 1)) -r 17
inject "deny-listed ASCONF after 20 PAD chunks" deny-listed \
	asconf_rx_deny_listed 1 -A -S $((S + 1)) -a 10.9.0.1 -c 20

# 13. A hostile "authenticated" ASCONF (AUTH chunk, wrong HMAC) that
# passes every check the hook can make goes on to sctp.ko, which
# discards it on the HMAC (the stream, checked below, is unharmed).
inject "authenticated-looking ASCONF" ok asconf_rx_ok 0 \
	-A -S $((S + 1)) -a 10.0.3.1
batch_done

# 14. Rate: 1 per second, 2 at once (the bucket holds at least one
# token: at 10 per second, 20 at once, one was spent). Six ASCONFs
# without AUTH spend none: the authenticated-looking one right behind
# them, in the same burst, passes.
echo 1 >"$PARAMS/asconf_rate"
echo 2 >"$PARAMS/asconf_burst"
rc=0
read -r u0 o0 r0 <<<"$(ctrs "$CN" asconf_rx_unauthenticated asconf_rx_ok \
	asconf_rx_rate_limited)"
ip netns exec "$MN" asconf_inject -s 10.0.1.1 -d 10.0.1.2 -p "$PORT" \
	-V "$VTAG" -o "$SPORT" -S $((S + 1)) -A -u 6 -n 1 >/dev/null 2>&1 || rc=1
wait_for "$WAIT" ctrs_are "$CN" \
	"asconf_rx_unauthenticated asconf_rx_ok asconf_rx_rate_limited" \
	"$((u0 + 6)) $((o0 + 1)) $r0" || rc=1
tap_diag "6 without AUTH, then 1 with: unauthenticated, ok, rate-limited: $u0 $o0 $r0 -> $CTRS"
tap_result $rc "rate limit: ASCONFs without AUTH spend no token"

# 15. Six authenticated-looking ones at once: over the rate, dropped.
rc=0
read -r r0 o0 d0 <<<"$(ctrs "$CN" asconf_rx_rate_limited asconf_rx_ok \
	asconf_rx_dropped)"
ip netns exec "$MN" asconf_inject -s 10.0.1.1 -d 10.0.1.2 -p "$PORT" \
	-V "$VTAG" -o "$SPORT" -S $((S + 1)) -A -n 6 >/dev/null 2>&1 || rc=1
# All six judged: ok or rate-limited; each rate-limited one dropped.
all6()
{
	local r o d

	read -r r o d <<<"$(ctrs "$CN" asconf_rx_rate_limited asconf_rx_ok \
		asconf_rx_dropped)"
	CTRS="$r $o $d"
	((r - r0 + o - o0 == 6 && r > r0 && d - d0 == r - r0))
}
wait_for "$WAIT" all6 || rc=1
wait_for "$WAIT" ev_has "$CN_EV" '.verdict == "rate-limited"' || rc=1
tap_diag "6 at once: rate-limited, ok, asconf_rx_dropped: $r0 $o0 $d0 -> $CTRS"
tap_result $rc "rate limit: over the rate, dropped, counted and reported (verdict rate-limited)"
echo 10 >"$PARAMS/asconf_rate"
echo 20 >"$PARAMS/asconf_burst"
echo N >"$PARAMS/verify_enforce"

# 16. Through all of it the association carried the stream.
rc=0
kill -INT "${STREAM_PID[wire-mn]}" "${STREAM_PID[wire-cn]}" 2>/dev/null
stream_wait wire-mn || rc=1
stream_wait wire-cn || rc=1
stream_clean wire-mn && stream_clean wire-cn || rc=1
tap_diag "mn: $(cat "$LIB_TMP/wire-mn.json")"
tap_result $rc "stream intact both ways, association alive"

# 17. A stock peer refuses: an AF_INET6 socket adds an IPv6 address to an
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
