#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# roam_quality.sh - path quality (the seeds' "better signal" trigger): the
# mobile node roams to a new network B, which then turns out much slower
# than A; sctp_dar moves both primaries back to A once B's smoothed RTT has
# been clearly worse for a while, and ignores a small difference
# (hysteresis). An interface priority outweighs quality.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1 (new)    |== path B ==|  cn-b 10.0.2.2          |
#     |                         | (netem: 5, |                         |
#     |                         |  then 150 ms each way)               |
#     +-------------------------+            +-------------------------+
#
# The association: $MN local port 5002 (bound to A, managed) to $CN port
# 5003 (bound to both), a stream of 1 KiB every 1 ms both ways throughout.
. "$(dirname "$0")/lib.sh"

tap_plan 5
require_tool tc
require_sctp_dar
require_module sch_netem
manage_ports 5002
topo_two_paths || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
WAIT=15
[[ -e /proc/lockdep ]] && WAIT=45

# delay_b MS: netem delay on both ends of path B.
delay_b()
{
	local op=add

	ip netns exec "$MN" tc qdisc show dev mn-b | grep -q netem && op=change
	ip netns exec "$MN" tc qdisc "$op" dev mn-b root netem delay "${1}ms" &&
		ip netns exec "$CN" tc qdisc "$op" dev cn-b root netem delay "${1}ms"
}

our_primary() { sctpaddr -n "$MN" -j assoc show lport 5002 | jq -r '.[0].primary'; }

# check_diag: what a failing check (lib.sh) shows.
check_diag()
{
	tap_diag "peer view: $(peer_view 5003); our primary: $(our_primary)"
	tap_diag "paths: $(sctpaddr -n "$MN" -j assoc show lport 5002 | jq -c '[.[0].paths[] | {addr, state, srtt_ms}]')"
}

stream_server s "$CN" 5003 -d 120000 -B 10.0.1.2 -B 10.0.2.2 &&
	stream_client c "$MN" 10.0.1.2 5003 -d 120000 -B 10.0.1.1 -P 5002 ||
	setup_fail "cannot set up the association"

# 1. The roam to B (make-before-break).
roamed()
{
	mn_addr_b
	wait_for "$WAIT" peer_primary_is 5003 10.0.2.1 &&
		wait_for "$WAIT" eval '[[ $(our_primary) == 10.0.2.2 ]]'
}
check "roam: B is the peer's primary, we send to 10.0.2.2" roamed

# 2. B a little slower (5 ms each way): noise, nothing moves.
small()
{
	delay_b 5 || return 1
	sleep 5
	peer_primary_is 5003 10.0.2.1 && [[ $(our_primary) == 10.0.2.2 ]]
}
check "B 10 ms slower: the primaries stay (hysteresis)" small

# 3. B much slower (150 ms each way): back to A, both ways.
slow()
{
	delay_b 150 || return 1
	wait_for "$WAIT" peer_primary_is 5003 10.0.1.1 &&
		wait_for "$WAIT" eval '[[ $(our_primary) == 10.0.1.2 ]]'
}
check "B 300 ms slower: both primaries move back to A" slow

# 4. An interface priority outweighs quality: B again, slow as it is.
prio()
{
	sctpaddr -n "$MN" link set dev mn-b priority 5 &&
		wait_for "$WAIT" peer_primary_is 5003 10.0.2.1
}
check "link priority on B outweighs its RTT" prio

# 5. The stream crossed it all.
streamed()
{
	kill -INT "${STREAM_PID[c]}" "${STREAM_PID[s]}"
	stream_wait c && stream_wait s && stream_clean c && stream_clean s
}
check "stream intact" streamed

tap_exit
