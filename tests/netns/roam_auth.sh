#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug] [stock-6.12]
#
# roam_auth.sh - SCTP-AUTH (RFC 4895) on and off, on a specifically-bound
# managed socket (manage_ports), one make-before-break roam per case (B
# added, then A's cable pulled, address kept):
#  1. require_auth=1 (default), the correspondent without AUTH
#     (auth_enable=0, addip_noauth_enable=1 at both ends): nothing is
#     reconfigured, sctp_dar says why on "sctpaddr monitor" (event-ignored,
#     reason peer-no-auth) and in the kernel log;
#  2. require_auth=0, the same peer: the roam works without AUTH;
#  3. AUTH at both ends, require_auth=1: the roam works, and "sctpaddr
#     assoc show" flags the association peer-auth;
#  4. AUTH at both ends, require_auth=1, but the correspondent's AUTH chunk
#     list (its INIT-ACK, rewritten on the way out by nfq_authlist) lacks
#     ASCONF and ASCONF-ACK, as RFC 4895 allows: sctp.ko would send our
#     ASCONFs unsigned, so nothing is reconfigured (event-ignored
#     peer-no-auth), although the peer does AUTH. Needs nf_tables and
#     nfnetlink_queue (not in the debug kernel).
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2          |
#     +-------------------------+            +-------------------------+
#
# require_auth applies to namespaces created afterwards: every case builds
# its own pair. Each streams both ways through the roam and checks the
# stream (nothing lost, duplicated, reordered or corrupted, association
# alive) and the correspondent's view of the mobile node, read on the
# correspondent.
. "$(dirname "$0")/lib.sh"

DUR=8000
IVL=1000
WAIT=10
if [[ -e /proc/lockdep ]]; then	# lock debugging: several times slower
	DUR=25000
	IVL=10000
	WAIT=25
fi
PARAM=/sys/module/sctp_dar/parameters/require_auth

tap_plan 13

require_own_tool sctpaddr sctp_stream nfq_authlist
require_tool jq
require_sctp_dar
SAVED_AUTH=$(cat $PARAM)
auth_cleanup()
{
	echo "$SAVED_AUTH" >$PARAM 2>/dev/null
	cleanup
}
trap auth_cleanup EXIT
manage_ports 6501,6502,6503,6504

# fresh_pair REQUIRE_AUTH CN_AUTH: new namespaces (the old pair deleted)
# with sctp_dar's require_auth and the correspondent's auth_enable.
fresh_pair()
{
	local ns

	for ns in "${LIB_NS[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	LIB_NS=()
	MN=mn-$LIB_TAG-$3
	CN=cn-$LIB_TAG-$3
	echo "$1" >$PARAM || return 1
	topo_two_paths || return 1
	for ns in "$MN" "$CN"; do
		sctp_sysctl "$ns" addip_enable 1
		sctp_sysctl "$ns" addip_noauth_enable 1
	done
	sctp_sysctl "$MN" auth_enable 1
	sctp_sysctl "$CN" auth_enable "$2"
}

# peer_auth LPORT: "true"/"false", the association's peer-auth flag.
peer_auth()
{
	sctpaddr -n "$MN" -j assoc show lport "$1" | jq -r '.[0].peer_auth'
}

# stream_check NAME: a second more of traffic after the case's checks,
# then the end (SIGINT ends the sending phase), whatever is left of DUR:
# on the debug kernel DUR must outlast a slow set-up, not be waited out
# after it. Then the stream's own verdict, as a TAP line.
stream_check()
{
	local rc=0

	sleep 1
	stream_end "$1-mn" "$1-cn"
	stream_wait "$1-mn" || rc=1
	stream_wait "$1-cn" || rc=1
	stream_clean "$1-mn" && stream_clean "$1-cn" || rc=1
	tap_diag "$1: max gap down $(stream_field "$1-mn" max_gap_ms) ms, up $(stream_field "$1-cn" max_gap_ms) ms"
	tap_result $rc "$1: stream intact both ways, association alive"
}

# start NAME PORT LPORT
start()
{
	stream_server "$1-cn" "$CN" "$2" -d "$DUR" -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client "$1-mn" "$MN" 10.0.1.2 "$2" -d "$DUR" -i "$IVL" -P "$3" -B 10.0.1.1
}

# roam NAME PORT: B added, then A's cable pulled; the peer ends knowing
# only B, as primary.
roam()
{
	local rc

	mn_addr_b
	wait_for "$WAIT" peer_primary_is "$2" 10.0.2.1
	rc=$?
	tap_diag "$1: peer view once B was added: $(peer_view "$2") (rc $rc)"
	carrier "$MN" mn-a off
	wait_for "$WAIT" peer_lacks "$2" 10.0.1.1 || rc=1
	tap_diag "$1: peer view after the roam: $(peer_view "$2")"
	[[ $(peer_view "$2") == "*10.0.2.1 " ]] || rc=1
	return $rc
}

# --- 1. require_auth=1, peer without AUTH: nothing is reconfigured.
name="no-auth peer, require_auth=1"
port=5501
if fresh_pair 1 0 1 && start "$name" $port 6501; then
	sctpaddr -n "$MN" -j monitor >"$LIB_TMP/mon1" 2>&1 &
	mon=$!
	LIB_PIDS+=("$mon")
	wait_for 5 grep -q '^271 ' "/proc/$mon/syscall"
	tap_diag "$name: peer-auth $(peer_auth 6501)"
	sleep 0.3
	mn_addr_b
	wait_for "$WAIT" grep -q '"reason":"peer-no-auth"' "$LIB_TMP/mon1"
	rc=$?
	grep '"event-ignored"' "$LIB_TMP/mon1" | head -n 3 | tap_diag "$(cat)"
	log=$(dmesg | grep 'cannot be reconfigured: ASCONFs not authenticated' | tail -n 1)
	tap_diag "$name: log: $log"
	[[ -n $log ]] || rc=1
	tap_result $rc "$name: event-ignored peer-no-auth on the monitor, explained in the log"

	# Nothing to wait for: give sctp_dar time to act wrongly.
	sleep 1.5
	kill -INT "$mon"
	wait "$mon"
	view=$(peer_view $port)
	added=$(sctpaddr -n "$MN" -j stats | jq -r '.addrs_added')
	asconfs=$(sctpaddr -n "$MN" -j stats | jq -r '.asconf_sent')
	tap_diag "$name: peer view with B on the host: $view; addresses added $added, ASCONFs $asconfs"
	[[ $view == "*10.0.1.1 " && $added == 0 && $asconfs == 0 ]]
	tap_result $? "$name: nothing reconfigured (peer knows only A, no ASCONF)"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: nothing reconfigured" "no association"
	tap_notrun "$name: stream" "no association"
fi

# --- 2. require_auth=0, the same peer: the roam works without AUTH.
name="no-auth peer, require_auth=0"
port=5502
if fresh_pair 0 0 2 && start "$name" $port 6502; then
	sleep 0.3
	pa=$(peer_auth 6502)
	roam "$name" $port
	rc=$?
	tap_diag "$name: peer-auth $pa"
	[[ $pa == false ]] || rc=1
	tap_result $rc "$name: roam works without AUTH: peer knows only B, as primary"
	added=$(sctpaddr -n "$MN" -j stats | jq -r '.addrs_added')
	tap_diag "$name: stats: $(sctpaddr -n "$MN" -j stats | jq -c .)"
	[[ $added -ge 1 ]]
	tap_result $? "$name: sctp_dar counted the reconfiguration"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: counted" "no association"
	tap_notrun "$name: stream" "no association"
fi

# --- 3. AUTH at both ends, require_auth=1: the roam works, peer-auth.
name="auth peer, require_auth=1"
port=5503
if fresh_pair 1 1 3 && start "$name" $port 6503; then
	sleep 0.3
	pa=$(peer_auth 6503)
	roam "$name" $port
	rc=$?
	tap_diag "$name: peer-auth $pa"
	tap_result $rc "$name: roam works: peer knows only B, as primary"
	[[ $pa == true ]]
	tap_result $? "$name: association flagged peer-auth"
	stream_check "$name"
else
	tap_fail "$name: association set up"
	tap_notrun "$name: peer-auth" "no association"
	tap_notrun "$name: stream" "no association"
fi
# --- 4. AUTH at both ends, but ASCONF not in the peer's AUTH chunk list.
name="auth peer without ASCONF in its chunk list, require_auth=1"
port=5504
if ! modprobe nft_queue 2>/dev/null || ! modprobe nfnetlink_queue 2>/dev/null; then
	for c in "association set up" "event-ignored" "nothing reconfigured" "stream"; do
		tap_skip "$name: $c" "this kernel has no nf_tables queueing (nft_queue, nfnetlink_queue)"
	done
elif fresh_pair 1 1 4 &&
     ip netns exec "$CN" nft -f - <<-EOF &&
	table inet authlist {
		chain out {
			type filter hook output priority 0;
			meta l4proto sctp @th,96,8 2 queue num 0
		}
	}
	EOF
     { ip netns exec "$CN" nfq_authlist -q 0 -c "$LIB_TMP/rewritten" 2>"$LIB_TMP/nfq.err" &
       LIB_PIDS+=($!); wait_for 5 grep -q listening "$LIB_TMP/nfq.err"; } &&
     start "$name" $port 6504; then
	n=$(cat "$LIB_TMP/rewritten")
	tap_diag "$name: INIT-ACKs rewritten: $n; peer-auth $(peer_auth 6504)"
	[[ $n == 1 ]]
	tap_result $? "$name: association set up, the peer's INIT-ACK listed no ASCONF"
	sctpaddr -n "$MN" -j monitor >"$LIB_TMP/mon4" 2>&1 &
	mon=$!
	LIB_PIDS+=("$mon")
	wait_for 5 grep -q '^271 ' "/proc/$mon/syscall"
	sleep 0.3
	mn_addr_b
	wait_for "$WAIT" grep -q '"reason":"peer-no-auth"' "$LIB_TMP/mon4"
	tap_result $? "$name: event-ignored peer-no-auth on the monitor"
	sleep 1.5
	kill -INT "$mon"
	wait "$mon"
	view=$(peer_view $port)
	asconfs=$(sctpaddr -n "$MN" -j stats | jq -r '.asconf_sent')
	tap_diag "$name: peer view with B on the host: $view; ASCONFs $asconfs"
	[[ $view == "*10.0.1.1 " && $asconfs == 0 ]]
	tap_result $? "$name: nothing reconfigured (peer knows only A, no ASCONF)"
	stream_check "$name"
else
	tap_diag "$name: $(cat "$LIB_TMP/nfq.err" 2>/dev/null)"
	tap_fail "$name: association set up"
	tap_notrun "$name: event-ignored" "no association"
	tap_notrun "$name: nothing reconfigured" "no association"
	tap_notrun "$name: stream" "no association"
fi
tap_exit
