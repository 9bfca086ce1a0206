#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 debug [stock-6.12]
#
# stale_abort.sh - a packet still in flight on a path just deleted reaches
# the peer after the DELETE-IP did; the peer, which no longer has the
# address, answers it as out of the blue (RFC 9260 section 8.4: an ABORT
# with the T bit and the tag it received); if our association has the
# address again by then (added back), or still (the ASCONF-ACK not yet
# in), sctp.ko takes that ABORT and the association ends although every
# path works. The wire hook drops it (src/asconf_grace.c). make stress's
# flap storm loses associations that way without it; here the peer's
# answer is forged (asconf_inject -O), at the moment that kills.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1          |== path B ==|  cn-b 10.0.2.2          |
#     +-------------------------+            +-------------------------+
#
# Both ends behave as stock Linux (peer_stock): the only part of sctp_dar
# at work is the wire hook. The DELETE and ADD are made by hand (sctpaddr
# addr del / add), as an application's sctp_bindx() would.
. "$(dirname "$0")/lib.sh"

tap_plan 6
require_own_tool sctpaddr sctp_stream asconf_inject
require_tool jq
require_sctp_dar
topo_two_paths both || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
peer_stock "$MN" && peer_stock "$CN" || setup_fail "cannot make both ends stock"

stream_server s1 "$CN" 5001 -d 120000 -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c1 "$MN" 10.0.1.2 5001 -d 120000 -B 10.0.1.1 -B 10.0.2.1 ||
	setup_fail "cannot set up the association"
ID=$(sctpaddr -n "$MN" -j assoc show pport 5001 | jq '.[0].id')
[[ $ID =~ ^[0-9]+$ ]] || setup_fail "association id not found"

stale() { sctpaddr -n "$MN" -j stats | jq .stale_aborts; }
alive()
{
	kill -0 "${STREAM_PID[c1]}" 2>/dev/null &&
		[[ $(sctpaddr -n "$MN" -j assoc get id "$ID" 2>/dev/null | jq -r '.[0].state') == established ]]
}

# 1-2. 10.0.2.1 leaves the association and comes back.
del_b() { sctpaddr -n "$MN" addr del 10.0.2.1 id "$ID" && wait_for 5 peer_lacks 5001 10.0.2.1; }
check "addr del 10.0.2.1: the peer forgets it" del_b
add_b() { sctpaddr -n "$MN" addr add 10.0.2.1 id "$ID" && wait_for 5 peer_has 5001 10.0.2.1; }
check "addr add 10.0.2.1: the peer knows it again" add_b

# 3. The answer to a straggler of the deleted path: dropped, counted, the
# association lives.
S0=$(stale)
OUT=$(ip netns exec "$MN" asconf_inject -O -s 10.0.2.2 -d 10.0.2.1 -p 5001 2>&1)
rc=$?
tap_diag "asconf_inject: $OUT"
sleep 1
S1=$(stale)
((rc == 0)) && alive && [[ $S0 =~ ^[0-9]+$ && $S1 =~ ^[0-9]+$ ]] && ((S1 == S0 + 1))
tap_result $? "an out-of-the-blue ABORT to the address deleted 1 s ago is dropped (stale_aborts $S0 -> $S1), the association lives"

# 4. The stream went on meanwhile.
n0=$(ip netns exec "$CN" awk '$1 == "SctpInDataChunks" || $1 == "SctpInOrderChunks" { s += $2 } END { print s }' /proc/net/sctp/snmp)
sleep 1
n1=$(ip netns exec "$CN" awk '$1 == "SctpInDataChunks" || $1 == "SctpInOrderChunks" { s += $2 } END { print s }' /proc/net/sctp/snmp)
((n1 > n0))
tap_result $? "DATA still arrives ($n0 -> $n1 chunks at the peer)"

# 5. The same ABORT on a path never deleted is the peer's to send: it
# passes, and ends the association (the forged ABORT is a valid one; this
# is what case 3 would have done without the hook).
OUT=$(ip netns exec "$MN" asconf_inject -O -s 10.0.1.2 -d 10.0.1.1 -p 5001 2>&1)
rc=$?
tap_diag "asconf_inject: $OUT"
((rc == 0)) && wait_for 5 eval '! alive' && [[ $(stale) == "$S1" ]]
tap_result $? "the same ABORT on path A (never deleted) passes and ends the association"

# 6. The stream's application saw its association end.
stream_end s1
stream_wait c1 >/dev/null 2>&1
jq -e '.assoc_lost' "$LIB_TMP/c1.json" >/dev/null 2>&1
tap_result $? "the application was told (assoc_lost)"
tap_exit
