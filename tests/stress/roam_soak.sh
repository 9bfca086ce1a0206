#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# roam_soak.sh - roam back and forth, again and again, under the
# checksummed stream: nothing lost, duplicated, corrupted or reordered,
# the association never reset.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1  (added  |== path B ==|  cn-b 10.0.2.2          |
#     |   once the stream runs) |            |  (bound to both)        |
#     +-------------------------+            +-------------------------+
#
# The mobile node's socket is bound to 10.0.1.1 and managed (manage_ports
# all). A roam to X plugs X's cable (the first time: X's address appears),
# waits until the peer knows X, pulls the other cable (address kept, as
# when Wi-Fi drops) and waits until the peer has deleted that address and
# sends to X. Every wait is bounded; the first roam that does not complete
# fails the case and ends the loop.
#
# Size: ROAM_N roams (reduced: 2; STRESS_FULL=1: 1,000 on the stock
# kernels, 200 on the debug kernel, where one roam takes seconds under TCG).
. "$(dirname "$0")/../netns/lib.sh"
. "$(dirname "$0")/common.sh"

N=2
stress_full && N=1000
stress_full && stress_debug && N=200
N=${ROAM_N:-$N}
IVL=1000
WAIT=10
if stress_debug; then
	IVL=10000
	WAIT=30
fi
PORT=5301

tap_plan 6
require_own_tool sctp_stream
require_sctp_dar
manage_ports all
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

rc=0
stress_stream_server soak-cn "$CN" "$PORT" -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.2 -B 10.0.2.2 || rc=1
stress_stream_client soak-mn "$MN" 10.0.1.2 "$PORT" -d 36000000 -w 20000 -i "$IVL" -B 10.0.1.1 || rc=1
tap_result $rc "association up, stream running both ways"
((rc)) && setup_fail "no association"

# roam_to X Y: the peer learns X, then forgets Y and sends to X.
roam_to()
{
	local x=$1 y=$2 dx=${3} dy=${4}

	if [[ $x == 10.0.2.1 ]] && ! ip -n "$MN" -4 addr show dev mn-b | grep -q 10.0.2.1; then
		ip -n "$MN" addr add 10.0.2.1/24 dev mn-b
	else
		carrier "$MN" "$dx" on
	fi
	wait_for "$WAIT" peer_has "$PORT" "$x" || { tap_diag "peer never learnt $x: $(peer_view "$PORT")"; return 1; }
	carrier "$MN" "$dy" off
	wait_for "$WAIT" eval "peer_lacks $PORT $y && peer_primary_is $PORT $x" ||
		{ tap_diag "peer kept $y or did not move to $x: $(peer_view "$PORT")"; return 1; }
}

t0=$SECONDS
done_n=0
while ((done_n < N)); do
	if ((done_n % 2 == 0)); then
		roam_to 10.0.2.1 10.0.1.1 mn-b mn-a || break
	else
		roam_to 10.0.1.1 10.0.2.1 mn-a mn-b || break
	fi
	done_n=$((done_n + 1))
done
secs=$((SECONDS - t0))
tap_diag "roams: $done_n of $N in $secs s"
((done_n == N))
tap_result $? "$done_n of $N roams back and forth completed"

# End both sides' sending, then the END exchange.
kill -INT "${STREAM_PID[soak-mn]}" "${STREAM_PID[soak-cn]}" 2>/dev/null
rc=0
stream_wait soak-mn || rc=1
stream_wait soak-cn || rc=1
stream_clean soak-mn && stream_clean soak-cn || rc=1
tap_diag "downlink: $(jq -c '{received, lost, duplicated, corrupted, out_of_order, assoc_lost, max_gap_ms}' "$LIB_TMP/soak-mn.json" 2>/dev/null)"
tap_diag "uplink: $(jq -c '{received, lost, duplicated, corrupted, out_of_order, assoc_lost, max_gap_ms}' "$LIB_TMP/soak-cn.json" 2>/dev/null)"
tap_result $rc "stream: $(stream_field soak-mn received) + $(stream_field soak-cn received) messages, none lost, duplicated, corrupted or reordered, no reset"

stress_unloads
stress_no_leak
stress_no_splat
tap_exit
