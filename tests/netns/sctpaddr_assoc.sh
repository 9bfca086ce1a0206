#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# sctpaddr_assoc.sh - "sctpaddr assoc", "stats" and "monitor" against live
# associations: what they report matches the kernel's own view
# (/proc/net/sctp/assocs) and the peer's, in text and in JSON (checked with
# jq), and nothing crosses network namespaces.
#
#   $MN mn-a 10.0.1.1 fd00:1::1 ===== path A ===== cn-a 10.0.1.2 fd00:1::2 $CN
#       mn-b 10.0.2.1           ===== path B ===== cn-b 10.0.2.2
#
# Associations ($MN is the client of both, at 10 messages/s each way):
#   A4: port 5001, IPv4, multihomed over both paths, ADD-IP and AUTH off
#   A6: port 5002, IPv6 on path A, ADD-IP and AUTH on (net.sctp sysctls)
. "$(dirname "$0")/lib.sh"

tap_plan 18
require_own_tool sctpaddr
require_tool jq
topo_two_paths both
require_sctp_dar

# sa NS ARGS...: sctpaddr in namespace NS (its own -n option).
sa()
{
	local ns=$1

	shift
	sctpaddr -n "$ns" "$@"
}

# check (lib.sh) shows the last $OUT/$ERR of a failing case.
OUT="" ERR=""
check_diag()
{
	tap_diag "stdout: $OUT"
	tap_diag "stderr: $ERR"
}

# jqe ARGS...: jq -e, quietly.
jqe()
{
	jq -e "$@" >/dev/null
}

# run CMD...: capture stdout, stderr and status into OUT, ERR, RC.
run()
{
	local e=$LIB_TMP/stderr

	OUT=$("$@" 2>"$e")
	RC=$?
	ERR=$(cat "$e")
	return 0
}

# 1. Version of the tool and of the loaded module.
run sctpaddr -V
check "sctpaddr -V names the module version" \
	grep -q "module $(cat /sys/module/sctp_dar/version)" <<<"$OUT"

# 2. Nothing yet: no text, an empty JSON array.
run sa "$MN" assoc show
t=$OUT
run sa "$MN" -j assoc show
check "no associations: no text, JSON []" \
	test -z "$t" -a "$RC" = 0 -a "$OUT" = "[]"

# The associations.
stream_server s4 "$CN" 5001 -d 600000 -i 100000 -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c4 "$MN" 10.0.1.2,10.0.2.2 5001 -d 600000 -i 100000 \
		-B 10.0.1.1 -B 10.0.2.1 || setup_fail "cannot set up association A4"
asconf_enable "$MN" "$CN"
stream_server s6 "$CN" 5002 -d 600000 -i 100000 -B fd00:1::2 &&
	stream_client c6 "$MN" fd00:1::2 5002 -d 600000 -i 100000 -B fd00:1::1 ||
	setup_fail "cannot set up association A6"

run sa "$MN" -j assoc show
MNJ=$OUT
run sa "$CN" -j assoc show
CNJ=$OUT
a4() { jq -c '.[] | select(.pport == 5001)' <<<"$MNJ"; }
a6() { jq -c '.[] | select(.pport == 5002)' <<<"$MNJ"; }
A4=$(a4)
A6=$(a6)
A4_ID=$(jq -r .id <<<"$A4")
A6_ID=$(jq -r .id <<<"$A6")

# 3. Every association of /proc/net/sctp/assocs, with its id, socket inode
# and ports (columns 7, 11, 12, 13), and nothing else.
proc_matches()
{
	local id ino lport rport n=0 rows

	# No process substitution: the VM has no /dev/fd.
	rows=$(ip netns exec "$MN" awk 'NR > 1 { print $7, $11, $12, $13 }' /proc/net/sctp/assocs)
	while read -r id ino lport rport; do
		n=$((n + 1))
		jq -e --argjson id "$id" --argjson ino "$ino" --argjson l "$lport" \
			--argjson r "$rport" \
			'any(.[]; .id == $id and .ino == $ino and .lport == $l and .pport == $r)' \
			<<<"$MNJ" >/dev/null || return 1
	done <<<"$rows"
	((n == 2)) && jq -e 'length == 2' <<<"$MNJ" >/dev/null
}
check "dump matches /proc/net/sctp/assocs (id, inode, ports)" proc_matches

# 4. The multihomed association as this end sees it.
check "A4: established, both local addresses usable, both paths, primary on A" \
	jqe '.state == "established" and
	       ([.local[] | .addr] | sort) == ["10.0.1.1", "10.0.2.1"] and
	       all(.local[]; .state == "usable") and
	       ([.paths[] | .addr] | sort) == ["10.0.1.2", "10.0.2.2"] and
	       (.paths[] | select(.addr == "10.0.1.2") | .state) == "active" and
	       all(.paths[]; (.rto_ms | type) == "number" and .cwnd > 0 and
		   .pmtu > 0 and (.srtt_ms | type) == "number" and
		   (.errors | type) == "number") and
	       .primary == "10.0.1.2" and
	       .peer_asconf == false and .peer_auth == false' <<<"$A4"

# 5. ... and as the peer sees it: the mirror image.
peer_view()
{
	local lport peer

	lport=$(jq -r .lport <<<"$A4")
	peer=$(jq -c --argjson l "$lport" '.[] | select(.pport == $l)' <<<"$CNJ")
	jq -e --argjson me "$A4" '.lport == 5001 and .state == "established" and
		([.paths[] | .addr] | sort) == ([$me.local[] | .addr] | sort) and
		([.local[] | .addr] | sort) == ([$me.paths[] | .addr] | sort)' \
		<<<"$peer" >/dev/null
}
check "A4: the peer's view mirrors ours" peer_view

# 6. The IPv6 association, with ADD-IP and AUTH negotiated.
check "A6: IPv6 addresses, primary, peer ASCONF- and AUTH-capable" \
	jqe '.state == "established" and
	       [.local[] | .addr] == ["fd00:1::1"] and
	       [.paths[] | .addr] == ["fd00:1::2"] and
	       .primary == "fd00:1::2" and
	       .peer_asconf == true and .peer_auth == true' <<<"$A6"

# 7. Selectors: each alone and combined.
count() { sa "$MN" -j assoc show "$@" | jq 'length'; }
selectors()
{
	local l4 ino4 r=0 c

	l4=$(jq -r .lport <<<"$A4")
	ino4=$(jq -r .ino <<<"$A4")
	for c in "lport $l4:1" "lport 9:0" "pport 5002:1" "addr 10.0.2.1:1" \
		 "addr fd00:1::2:1" "addr 10.9.9.9:0" "id $A6_ID:1" "ino $ino4:1" \
		 "pport 5001 addr fd00:1::2:0" "pport 5001 addr 10.0.1.2:1"; do
		# shellcheck disable=SC2086
		if [[ $(count ${c%:*}) != "${c##*:}" ]]; then
			tap_diag "selector '${c%:*}': expected ${c##*:}"
			r=1
		fi
	done
	return $r
}
check "selectors id, lport, pport, addr, ino (alone and combined)" selectors

# 8. get (the do form) agrees with the dump on everything but timers.
stable='.[0] | {id, state, lport, pport, ino, primary, peer_asconf, peer_auth,
		local, paths: [.paths[] | {addr, state}]}'
get_eq_dump()
{
	local g d

	g=$(sa "$MN" -j assoc get id "$A6_ID" | jq -S "$stable") &&
	d=$(sa "$MN" -j assoc show id "$A6_ID" | jq -S "$stable") &&
	[[ -n $g && $g == "$d" ]]
}
check "assoc get id N equals the dump's entry" get_eq_dump

# 9. Text output: one line per association, then its addresses and paths
# (a loaded debug kernel may see the path potentially failed for a moment).
text_format()
{
	local lines tab=$'\t'

	mapfile -t lines <<<"$(sa "$MN" assoc show pport 5002)"
	[[ ${#lines[@]} == 3 ]] &&
	[[ ${lines[0]} =~ ^assoc\ $A6_ID\ established\ lport\ [0-9]+\ pport\ 5002\ ino\ [0-9]+\ primary\ fd00:1::2\ peer-asconf\ peer-auth$ ]] &&
	[[ ${lines[1]} == "${tab}local fd00:1::1 usable" ]] &&
	[[ ${lines[2]} =~ ^${tab}path\ fd00:1::2\ (active|potentially-failed)\ srtt\ [0-9]+ms\ rto\ [0-9]+ms\ cwnd\ [0-9]+\ errors\ [0-9]+\ pmtu\ [0-9]+$ ]]
}
run sa "$MN" assoc show pport 5002
check "text output: assoc line, local line, path line" text_format

# 10. -p: the same JSON, indented.
pretty()
{
	local p c

	p=$(sa "$MN" -j -p assoc get id "$A6_ID") || return 1
	c=$(sa "$MN" -j assoc get id "$A6_ID") || return 1
	(($(wc -l <<<"$p") > 10)) &&
		[[ $(jq -S "$stable" <<<"$p") == "$(jq -S "$stable" <<<"$c")" ]]
}
check "-j -p prints the same JSON, indented" pretty

# 11. Another namespace's association: not found, not listed.
run sa "$CN" assoc get id "$A4_ID"
check "another namespace's association: not found, with extack" \
	test "$RC" = 1 -a "$ERR" = "Error: no such association in this network namespace." -a -z "$OUT"
check "another namespace's associations are not listed" \
	jqe --argjson a "$A4_ID" --argjson b "$A6_ID" \
		'length == 2 and all(.[]; .id != $a and .id != $b)' <<<"$CNJ"

# 12. Counters.
run sa "$MN" -j stats
check "stats: every counter, as numbers" \
	jqe 'keys == ["addr_events", "addrs_added", "addrs_removed",
			"asconf_ack_unmatched", "asconf_acked",
			"asconf_rejected", "asconf_rx_bad_lookup",
			"asconf_rx_bad_vtag", "asconf_rx_deny_listed",
			"asconf_rx_dropped", "asconf_rx_malformed",
			"asconf_rx_no_assoc", "asconf_rx_ok",
			"asconf_rx_out_of_order", "asconf_rx_rate_limited",
			"asconf_rx_replay", "asconf_rx_retransmit",
			"asconf_rx_unauthenticated", "asconf_rx_uninspected",
			"asconf_sent",
			"asconf_untracked", "assocs_blocked",
			"auto_asconf_enabled", "auto_asconf_kicks",
			"auto_asconf_queued", "bindx_add", "bindx_rem",
			"events_coalesced", "events_dropped", "events_ignored",
			"init_primary_added", "init_primary_skipped",
			"notify_failed", "passes", "primary_changes",
			"rescues", "sockets_skipped", "stale_aborts"] and
	       all(.[]; type == "number")' <<<"$OUT"

# 13-14. monitor joins the events group and ends cleanly on SIGINT, in text
# and JSON. It is waiting once its main thread sleeps in ppoll (271).
monitor_sigint()
{
	local pid rc out=$LIB_TMP/monitor.out

	sctpaddr -n "$MN" "$@" monitor >"$out" 2>&1 &
	pid=$!
	LIB_PIDS+=("$pid")
	if ! wait_for 5 grep -q '^271 ' "/proc/$pid/syscall"; then
		tap_diag "monitor never waited: $(cat "$out")"
		return 1
	fi
	kill -INT "$pid"
	wait "$pid"
	rc=$?
	OUT=$(cat "$out")
	((rc == 0)) && [[ -z $OUT ]]
}
check "monitor exits 0 on SIGINT" monitor_sigint
check "monitor -j exits 0 on SIGINT" monitor_sigint -j

# 15-16. A real event: a link-local address is never offered to a peer, so
# adding one is reported as ignored (reason link-local) to every monitor,
# and counted.
monitor_event()
{
	local pid ifi line want out=$LIB_TMP/event.json err=$LIB_TMP/event.err

	STATS_BEFORE=$(sa "$MN" -j stats)
	sctpaddr -n "$MN" -j monitor >"$out" 2>"$err" &
	pid=$!
	LIB_PIDS+=("$pid")
	wait_for 5 grep -q '^271 ' "/proc/$pid/syscall" || return 1
	ip -n "$MN" addr add fe80::1234/64 dev mn-b nodad
	ifi=$(ip -n "$MN" -o link show dev mn-b | cut -d: -f1)
	wait_for 5 grep -q 'fe80::1234' "$out"
	kill -INT "$pid"
	wait "$pid" || return 1
	line=$(grep -m1 'fe80::1234' "$out")
	want="{\"event\":\"event-ignored\",\"addr\":\"fe80::1234\",\"ifindex\":$ifi,\"reason\":\"link-local\"}"
	OUT=$(cat "$out")
	ERR="want $want; $(cat "$err")"
	[[ $line == "$want" ]]
}
check "monitor -j: a link-local address is reported ignored" monitor_event
counted()
{
	local after

	after=$(sa "$MN" -j stats)
	OUT="before $STATS_BEFORE after $after"
	jqe --argjson b "$STATS_BEFORE" \
		'.addr_events > $b.addr_events and
		 .events_ignored > $b.events_ignored' <<<"$after"
}
check "stats count the host event and the ignored event" counted

# 17. The queries did not disturb the traffic: end both streams.
streams_clean()
{
	local n r=0

	for n in c4 s4 c6 s6; do
		kill -INT "${STREAM_PID[$n]}"
	done
	for n in c4 s4 c6 s6; do
		stream_wait "$n" || r=1
		stream_clean "$n" || r=1
	done
	return $r
}
check "streams intact after all queries" streams_clean

tap_exit
