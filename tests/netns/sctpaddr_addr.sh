#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# sctpaddr_addr.sh - reconfiguration by hand: "sctpaddr addr add/del" and
# "sctpaddr assoc set ... primary/peer-primary" on live associations, the
# effect read on the correspondent, the events in "sctpaddr monitor", the
# counters; -4/-6 and monitor -t; and a manual peer primary that the engine
# keeps (as an application's) until its path dies.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1          |== path B ==|  cn-b 10.0.2.2          |
#     +-------------------------+            +-------------------------+
#
# Port 5001: a socket bound to 10.0.1.1 that sctp_dar does not manage
#   (manual changes work on any association).
# Local port 5002 (to the peer's 5003): a socket bound to 10.0.1.1 that
#   sctp_dar manages (manage_ports=5002); B appears only later, case 12.
. "$(dirname "$0")/lib.sh"

# Streams run until the cases are done (SIGINT ends their sending).
DUR=120000

tap_plan 15
require_own_tool sctpaddr
require_tool jq
require_sctp_dar
manage_ports 5002
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
ip -n "$MN" addr add 10.0.2.1/24 dev mn-b

MON=$LIB_TMP/monitor.json
sctpaddr -n "$MN" -t -j monitor >"$MON" 2>"$LIB_TMP/monitor.err" &
MON_PID=$!
LIB_PIDS+=("$MON_PID")
wait_for 5 grep -q '^271 ' "/proc/$MON_PID/syscall" || setup_fail "monitor did not start"

stream_server s1 "$CN" 5001 -d "$DUR" -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c1 "$MN" 10.0.1.2 5001 -d "$DUR" -B 10.0.1.1 ||
	setup_fail "cannot set up the association"
ID=$(sctpaddr -n "$MN" -j assoc show pport 5001 | jq '.[0].id')
[[ $ID =~ ^[0-9]+$ ]] || setup_fail "association id not found"
STATS0=$(sctpaddr -n "$MN" -j stats)

# check_diag: what a failing check (lib.sh) shows.
check_diag()
{
	tap_diag "peer view: $(peer_view 5001) / $(peer_view 5003)"
	tap_diag "ours: $(sctpaddr -n "$MN" -j assoc show | jq -c '[.[] | {id, pport, primary, local}]')"
}

# 1. ADD-IP by hand, on every association with peer port 5001 (this one):
# the peer learns B.
add_b()
{
	sctpaddr -n "$MN" addr add 10.0.2.1 pport 5001 &&
		wait_for 5 peer_has 5001 10.0.2.1
}
check "addr add (selector pport): the peer learns B" add_b

# 2. B acknowledged: it is a source in our view.
b_acked()
{
	wait_for 5 eval "sctpaddr -n $MN -j assoc get id $ID |
		jq -e '.[0].local | any(.addr == \"10.0.2.1\" and .state == \"usable\")'"
}
check "B is acknowledged (state usable)" b_acked

# 3. SET-PRIMARY by hand: the peer sends to B.
peer_prim_b()
{
	sctpaddr -n "$MN" assoc set id "$ID" peer-primary 10.0.2.1 &&
		wait_for 5 peer_primary_is 5001 10.0.2.1
}
check "assoc set peer-primary: the peer's primary is B" peer_prim_b

# 4. Our primary path by hand.
prim_b()
{
	sctpaddr -n "$MN" assoc set id "$ID" primary 10.0.2.2 &&
		[[ $(sctpaddr -n "$MN" -j assoc get id "$ID" | jq -r '.[0].primary') == 10.0.2.2 ]]
}
check "assoc set primary: we send to 10.0.2.2" prim_b

# 5. DELETE-IP by hand: the peer forgets A.
del_a()
{
	sctpaddr -n "$MN" addr del 10.0.1.1 id "$ID" &&
		wait_for 5 peer_lacks 5001 10.0.1.1 &&
		[[ $(peer_view 5001) == "*10.0.2.1 " ]]
}
check "addr del: the peer knows only B, as primary" del_a

# 6. B is now the last address: deleting it is refused, nothing changes.
del_last()
{
	local err

	err=$(sctpaddr -n "$MN" addr del 10.0.2.1 id "$ID" 2>&1) && return 1
	[[ $err == "Error: it is the association's last address (RFC 5061 section 4.2.2): add another one first." ]] ||
		{ tap_diag "got: $err"; return 1; }
	peer_has 5001 10.0.2.1
}
check "addr del of the last address is refused" del_last

# 7. monitor saw each change, for this association, with a timestamp.
events_seen()
{
	local want

	wait_for 5 grep -q peer-primary-set "$MON"
	for want in "addr-added 10.0.2.1" "peer-primary-set 10.0.2.1" \
		"primary-changed 10.0.2.2" "addr-removed 10.0.1.1"; do
		jq -se --arg e "${want% *}" --arg a "${want#* }" --argjson id "$ID" \
			'any(.[]; .event == $e and .addr == $a and .assoc == $id and
			     (.time | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\.[0-9]{6}Z$")))' \
			"$MON" >/dev/null || { tap_diag "no event: $want"; return 1; }
	done
}
check "monitor -t -j: each change, with its time" events_seen

# 8. The counters moved.
counted()
{
	jq -e --argjson b "$STATS0" '.addrs_added > $b.addrs_added and
		.addrs_removed > $b.addrs_removed and
		.primary_changes >= $b.primary_changes + 2' \
		<<<"$(sctpaddr -n "$MN" -j stats)" >/dev/null
}
check "stats count the manual changes" counted

# 9-10. -4 / -6: IPv4 associations only under -4; -6 refuses an IPv4
# address on the command line.
fam_filter()
{
	[[ $(sctpaddr -n "$MN" -4 -j assoc show pport 5001 | jq length) == 1 &&
	   $(sctpaddr -n "$MN" -6 -j assoc show pport 5001 | jq length) == 0 ]]
}
check "-4 shows the IPv4 association, -6 does not" fam_filter
fam_arg()
{
	local err

	err=$(sctpaddr -n "$MN" -6 addr add 10.0.2.1 id "$ID" 2>&1)
	[[ $? == 2 && $err == 'Error: invalid IPv6 address "10.0.2.1".' ]]
}
check "-6 refuses an IPv4 address" fam_arg

# 11. The stream crossed all that intact.
stream1()
{
	kill -INT "${STREAM_PID[c1]}" "${STREAM_PID[s1]}"
	stream_wait c1 && stream_wait s1 && stream_clean c1 && stream_clean s1
}
check "stream intact through the manual changes" stream1

# 12-15. A managed association: its peer primary chosen by hand (A) stays
# when a better address (B, new) appears - the engine adds B but does not
# move the peer - and gives way when A's cable is pulled.
ip -n "$MN" addr del 10.0.2.1/24 dev mn-b
stream_server s2 "$CN" 5003 -d "$DUR" -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c2 "$MN" 10.0.1.2 5003 -d "$DUR" -B 10.0.1.1 -P 5002 ||
	setup_fail "cannot set up the managed association"
ID2=$(sctpaddr -n "$MN" -j assoc show lport 5002 | jq '.[0].id')
pinned()
{
	sctpaddr -n "$MN" assoc set id "$ID2" peer-primary 10.0.1.1 || return 1
	ip -n "$MN" addr add 10.0.2.1/24 dev mn-b
	wait_for 10 peer_has 5003 10.0.2.1 || return 1
	# Give the engine time to move the peer if it were going to.
	sleep 1
	peer_primary_is 5003 10.0.1.1
}
check "managed: a manual peer primary stays when B appears" pinned
counters()
{
	sctpaddr -n "$MN" -j assoc get id "$ID2" | jq -e '.[0] |
		.peer_primary == "10.0.1.1" and .counters.addrs_added >= 1 and
		(.counters | keys == ["addrs_added", "addrs_removed",
			"asconf_acked", "asconf_rejected", "asconf_sent", "errors",
			"heartbeats", "last_latency_us", "primary_changes"])' >/dev/null
}
check "assoc get: the peer primary and sctp_dar's counters" counters
unpinned()
{
	carrier "$MN" mn-a off
	wait_for 10 peer_primary_is 5003 10.0.2.1
}
check "managed: it gives way when its path dies" unpinned
stream2()
{
	kill -INT "${STREAM_PID[c2]}" "${STREAM_PID[s2]}"
	stream_wait c2 && stream_wait s2 && stream_clean c2 && stream_clean s2
}
check "managed: stream intact" stream2

kill -INT "$MON_PID"
wait "$MON_PID"
tap_exit
