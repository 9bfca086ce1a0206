#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# sctpaddr_policy.sh - "sctpaddr policy" and "sctpaddr link": the policy of
# a namespace read and changed at run time (all or nothing), refused when
# malformed or unprivileged, and obeyed by the engine on a live association:
# sockets managed by port, pause and resume, deny-listed prefixes, and an
# interface priority that outweighs the newest-address rule.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1 (later)  |== path B ==|  cn-b 10.0.2.2          |
#     |       10.0.3.1 (denied) |            |                         |
#     +-------------------------+            +-------------------------+
#
# The association: $MN local port 5002 (bound to 10.0.1.1) to $CN port 5003.
. "$(dirname "$0")/lib.sh"

tap_plan 18
require_own_tool sctpaddr
require_own_tool nlraw
require_tool jq
require_sctp_dar
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

sa() { sctpaddr -n "$MN" "$@"; }
pol() { sa -j policy show; }

# check_diag: what a failing check (lib.sh) shows.
check_diag()
{
	tap_diag "policy: $(pol)"
	tap_diag "peer view: $(peer_view 5003)"
}

# 1. A new namespace starts with the module parameters.
defaults()
{
	[[ $(pol | jq -c .) == \
	   '{"manage_wildcard":true,"manage_all_bound":true,"manage_ports":[],"grace_ms":2000,"holddown_ms":3000,"debounce_ms":20,"require_auth":true,"paused":false,"route_metric":true,"deny":[]}' ]]
}
check "policy show: the module's defaults" defaults

# 2. Every setting changes, and reads back.
roundtrip()
{
	sa policy set grace-ms 500 holddown-ms 1500 debounce-ms 10 manage-ports 5002,5004 \
		deny 10.0.3.0/24,fd00:9::/32 require-auth on manage-wildcard on \
		route-metric off || return 1
	[[ $(pol | jq -c .) == \
	   '{"manage_wildcard":true,"manage_all_bound":false,"manage_ports":[5002,5004],"grace_ms":500,"holddown_ms":1500,"debounce_ms":10,"require_auth":true,"paused":false,"route_metric":false,"deny":["10.0.3.0/24","fd00:9::/32"]}' ]]
}
check "policy set: every setting reads back" roundtrip
BEFORE=$(pol)

# 3-6. Refusals change nothing, not even the request's valid settings.
refused()
{
	local want=$1 err

	shift
	err=$(sa "$@" 2>&1) && return 1
	[[ $err == "$want" ]] || { tap_diag "got: $err"; return 1; }
	[[ $(pol) == "$BEFORE" ]]
}
check "deny with host bits set is refused, nothing changes" refused \
	"Error: address has bits set past the prefix length." \
	policy set grace-ms 7 deny 10.0.1.1/24
check "33 ports are refused" refused "Error: at most 32 ports." \
	policy set manage-ports "$(seq -s, 6001 6033)"
check "a bad value is refused on the command line" refused \
	'Error: "paused" takes "on" or "off", not "maybe"; try "sctpaddr policy help".' \
	policy set paused maybe
check "an unknown interface is refused" refused \
	'Error: no interface "nope0" in this network namespace.' \
	link set dev nope0 priority 3

# 7-9. Raw requests: out-of-range values and privileges.
E() { echo "error errno=$1 msg=\"$2\" bad_attr=$3 miss_type=${4:--1}"; }
raw()
{
	local want=$1 got

	shift
	got=$(nlraw -n "$MN" "$@" 2>&1)
	[[ $got == "$want" ]] || { tap_diag "want: $want"; tap_diag "got:  $got"; return 1; }
}
check "raw: debounce over 10 s is out of range" raw \
	"$(E "ERANGE(34)" "integer out of range" 5)" policy-set 5:u32=10001
check "raw: route-metric 2 is out of range" raw \
	"$(E "ERANGE(34)" "integer out of range" 10)" policy-set 10:u8=2
check "raw: link-set on a missing ifindex" raw \
	"$(E "ENODEV(19)" "no such interface in this network namespace" 1)" \
	link-set 1:u32=9999 3:u32=1
if unshare -U true 2>/dev/null; then
	check "raw: unprivileged user namespace gets EPERM" raw \
		"$(E "EPERM(1)" "" -1)" -U policy-set 7:u8=1
else
	tap_no_userns "raw: unprivileged user namespace gets EPERM"
fi

# 10. link show lists the interfaces with their priority.
links()
{
	sa link set dev mn-b priority 0 || return 1
	[[ $(sa -j link show | jq -c '[.[] | {name, priority, up}]') == \
	   '[{"name":"mn-a","priority":0,"up":true},{"name":"mn-b","priority":0,"up":true}]' ]]
}
check "link show: every interface but loopback" links

# ---- the engine obeys -------------------------------------------------------
# Bounds for the engine's reconfigurations (lock debugging and KASAN under
# emulation on a busy host are several times slower; bounds, not delays).
WAIT=10
[[ -e /proc/lockdep ]] && WAIT=30
MON=$LIB_TMP/monitor.json
sctpaddr -n "$MN" -j monitor >"$MON" 2>/dev/null &
MON_PID=$!
LIB_PIDS+=("$MON_PID")
wait_for 5 grep -q '^271 ' "/proc/$MON_PID/syscall" || setup_fail "monitor did not start"
stream_server s "$CN" 5003 -d 120000 -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c "$MN" 10.0.1.2 5003 -d 120000 -B 10.0.1.1 -P 5002 ||
	setup_fail "cannot set up the association"

# event_seen TYPE ADDR [REASON]: monitor printed it.
event_seen()
{
	wait_for 5 jq -se --arg e "$1" --arg a "$2" --arg r "${3:-}" \
		'any(.[]; .event == $e and .addr == $a and ($r == "" or .reason == $r))' "$MON"
}

# 11-12. Paused: B appears, nothing happens but an event saying why.
paused()
{
	sa policy set paused on || return 1
	ip -n "$MN" addr add 10.0.2.1/24 dev mn-b
	event_seen event-ignored 10.0.2.1 paused || return 1
	sleep 1
	peer_lacks 5003 10.0.2.1
}
check "paused: B is reported ignored (paused), not added" paused
resumed()
{
	sa policy set paused off &&
		wait_for "$WAIT" peer_has 5003 10.0.2.1 &&
		wait_for "$WAIT" peer_primary_is 5003 10.0.2.1
}
check "resumed: B added and made the peer's primary" resumed

# 13. A deny-listed address is never offered.
denied()
{
	ip -n "$MN" addr add 10.0.3.1/24 dev mn-b
	event_seen event-ignored 10.0.3.1 deny-listed || return 1
	sleep 1
	peer_lacks 5003 10.0.3.1
}
check "deny: 10.0.3.1 is reported deny-listed, not added" denied

# 14-15. An interface priority outweighs the newest address: A again.
prio()
{
	sa link set dev mn-a priority 10 &&
		[[ $(sa -j link show dev mn-a | jq '.[0].priority') == 10 ]] &&
		wait_for "$WAIT" peer_primary_is 5003 10.0.1.1
}
check "link priority: A becomes the peer's primary again" prio
unmanaged()
{
	# Not managed any more: B's removal is left to the application.
	sa policy set manage-ports none || return 1
	ip -n "$MN" addr del 10.0.3.1/24 dev mn-b
	ip -n "$MN" link set mn-b down
	sleep 1
	peer_has 5003 10.0.2.1
}
check "manage-ports none: the association is left alone" unmanaged

# 16. The stream crossed all of it.
streamed()
{
	ip -n "$MN" link set mn-b up
	kill -INT "${STREAM_PID[c]}" "${STREAM_PID[s]}"
	stream_wait c && stream_wait s && stream_clean c && stream_clean s
}
check "stream intact" streamed

# 17. The counters saw the ignored events.
ignored()
{
	jq -e '.events_ignored >= 2' <<<"$(sa -j stats)" >/dev/null
}
check "stats count the ignored events" ignored

kill -INT "$MON_PID"
wait "$MON_PID"
tap_exit
