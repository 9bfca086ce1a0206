#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 stock-6.12 [debug]
#
# peer_delete_rtx.sh - DATA in flight to an address the peer deletes is
# retransmitted (issue 13: the flap storm's stalled downlink).
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1          |== path B ==|  cn-b 10.0.2.2 (netem   |
#     |  sctp_stream -B A -B B  |            |   loss 100%: CN -> MN)  |
#     |  (not managed)          |            |  sctp_stream -l :6401   |
#     +-------------------------+            |  (managed: the rescue)  |
#                                            +-------------------------+
#
# sctp.ko's defect (Documentation/design.md, Limits): when the peer deletes
# an address, sctp_assoc_rm_peer() moves the DATA in flight to it onto the
# active path without counting it in that path's flight_size, and the next
# SACK stops the path's T3-rtx timer (sctp_check_transmitted()): with fewer
# than three SACKs after it (no fast retransmit) the moved DATA is never
# sent again and that direction stalls for good. Built here on purpose:
# the correspondent sends on path B, whose packets are dropped; the mobile
# node's application deletes 10.0.2.1 (bindx REM: ASCONF over path A); the
# correspondent's application then ends its stream (END, on path A, is
# SACKed and stops the timer). Only the retransmission of the DATA lost on
# B can complete the stream. RTO minimum 10 s at the correspondent, so that
# B's own timer cannot fire before the DELETE arrives.
#
# sctp_dar manages only the correspondent's socket (port 6401): its passes
# (every 2 s: the association is multihomed there) restart the timer. The
# mobile node's socket is unmanaged: its application deletes the address.
. "$(dirname "$0")/lib.sh"

IVL=2500000	# one message every 2.5 s each way: few SACKs (see above)
WAITMS=40000

tap_plan 5
require_tool tc jq
require_module sch_netem
require_own_tool sctp_stream sctpaddr
require_sctp_dar
manage_ports 6401
topo_two_paths both || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
sctp_sysctl "$CN" rto_initial 10000 && sctp_sysctl "$CN" rto_min 10000 ||
	setup_fail "cannot set the correspondent's RTO"

# Bounds for a debug kernel on a loaded host (as tests/stress/common.sh).
export STREAM_LISTEN_WAIT=60 STREAM_ASSOC_WAIT=120
stream_server rtx-cn "$CN" 6401 -d 600000 -i "$IVL" -w "$WAITMS" -B 10.0.1.2 -B 10.0.2.2 ||
	setup_fail "no stream server"
stream_client rtx-mn "$MN" 10.0.1.2 6401 -d 600000 -i "$IVL" -w "$WAITMS" \
	-B 10.0.1.1 -B 10.0.2.1 -X rem:10.0.2.1 || setup_fail "no stream association"

# path_state ADDR: the state of the correspondent's path to ADDR.
path_state()
{
	sctpaddr -n "$CN" -j assoc show lport 6401 |
		jq -r --arg a "$1" '.[0].paths[] | select(.addr == $a) | .state'
}

# b_active: the correspondent's path B is confirmed and active.
b_active() { [[ $(path_state 10.0.2.1) == active ]]; }

# 1. The correspondent sends on path B, confirmed.
wait_for 60 b_active
rc=$?
CN_ID=$(sctpaddr -n "$CN" -j assoc show lport 6401 | jq -r '.[0].id')
if ((rc == 0)); then
	out=$(sctpaddr -n "$CN" assoc set id "$CN_ID" primary 10.0.2.1 2>&1) &&
		wait_for 10 peer_primary_is 6401 10.0.2.1
	rc=$?
fi
if ((rc)); then
	tap_diag "peer view: $(peer_view 6401); assoc set: ${out:-not run}"
	tap_diag "$(sctpaddr -n "$CN" assoc show lport 6401 2>&1)"
fi
tap_result $rc "the correspondent sends on path B (10.0.2.1), confirmed"
((rc)) && setup_fail "path B not in use"

# 2. Its packets on B are lost; wait until DATA is in flight there.
ip netns exec "$CN" tc qdisc add dev cn-b root netem loss 100% ||
	setup_fail "no netem on cn-b"
# TX_QUEUE (8th column of /proc/net/sctp/assocs): bytes not yet acknowledged.
unacked() { ip netns exec "$CN" awk '$12 == 6401 { print $8 }' /proc/net/sctp/assocs; }
in_flight() { (($(unacked) > 0)); }
wait_for 10 in_flight
tap_result $? "DATA in flight on the lossy path B ($(unacked) bytes unacknowledged)"

# 3. The mobile node's application deletes 10.0.2.1 (ASCONF over A); as
# soon as the correspondent has processed it, both ends stop sending.
kill -USR1 "${STREAM_PID[rtx-mn]}"
wait_for 10 peer_lacks 6401 10.0.2.1
rc=$?
stream_end rtx-cn rtx-mn
tap_result $rc "the correspondent processed the DELETE of 10.0.2.1 ($(peer_view 6401))"

# 4. The DATA lost on B is retransmitted: both streams complete.
rc=0
stream_wait rtx-cn || rc=1
stream_wait rtx-mn || rc=1
stream_clean rtx-cn && stream_clean rtx-mn || rc=1
((rc)) && tap_diag "$(dmesg | grep sctp_dar | tail -n 20)"
tap_result $rc "stream complete both ways: $(stream_field rtx-mn received) + $(stream_field rtx-cn received) messages"

# 5. ... because sctp_dar restarted the stopped timer (logged).
dmesg | grep -q "retransmission timer restarted"
tap_result $? "sctp_dar logged the restarted retransmission timer"
tap_exit
