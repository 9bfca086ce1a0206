#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# init_primary.sh - SET_PRIMARY at association set-up (seed 001, fig. 10):
# the correspondent reaches the mobile node through its old address A, but
# the mobile node's routing now prefers B; with init_set_primary on, the
# mobile node's INIT-ACK carries a Set Primary Address parameter naming B,
# and the stock peer sends to B from its first DATA chunk.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1  (old)   |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1  (pref.) |== path B ==|  cn-b 10.0.2.2          |
#     |  route 10.0.1.2/32 via  |            |  sctp_stream -c 10.0.1.1|
#     |    10.0.2.2 src 10.0.2.1|            |                         |
#     |  sctp_stream -l (A, B)  |            |                         |
#     +-------------------------+            +-------------------------+
#
# The mobile node listens bound to A and B (not managed by sctp_dar's
# engine: no ASCONF is involved). The peer's primary is read on the peer
# (/proc/net/sctp/assocs) as soon as the association is established.
. "$(dirname "$0")/lib.sh"

PARAMS=/sys/module/sctp_dar/parameters
DUR=2000
IVL=2000
[[ -e /proc/lockdep ]] && DUR=6000

tap_plan 4

require_sctp_dar
[[ -w $PARAMS/init_set_primary ]] || setup_fail "sctp_dar has no init_set_primary"
SAVED=$(cat "$PARAMS/init_set_primary")
restore_params()
{
	echo "$SAVED" >"$PARAMS/init_set_primary"
	cleanup
}
trap restore_params EXIT

topo_two_paths both || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"
ip -n "$MN" route add 10.0.1.2/32 via 10.0.2.2 dev mn-b src 10.0.2.1 ||
	setup_fail "cannot add the preferred route"

# assoc NAME PORT: a stream from the correspondent (local port 6500 + the
# last two digits of PORT) to the mobile node's old address; PRIM gets the
# peer's primary once established.
PRIM=""
assoc()
{
	local name=$1 port=$2 lport=$((6500 + $2 % 100))

	PRIM=""
	stream_server "$name-mn" "$MN" "$port" -d "$DUR" -i "$IVL" \
		-B 10.0.1.1 -B 10.0.2.1 || return 1
	stream_client "$name-cn" "$CN" 10.0.1.1 "$port" -d "$DUR" -i "$IVL" \
		-P "$lport" -B 10.0.1.2 -B 10.0.2.2 || return 1
	PRIM=$(assoc_primary "$CN" "$lport")
}

ctr()
{
	ip netns exec "$1" sctpaddr -j stats | jq -r ".$2"
}

# 1. Off (the default): the peer keeps the address it connected to.
echo N >"$PARAMS/init_set_primary"
assoc off 5501
tap_diag "init_set_primary=N: the peer's primary: ${PRIM:-none}"
[[ $PRIM == 10.0.1.1 ]]
tap_result $? "without the parameter the peer's primary is the address it dialled"

# 2-3. On: the INIT-ACK names B, the peer adopts it at once.
echo Y >"$PARAMS/init_set_primary"
before=$(ctr "$MN" init_primary_added)
assoc on 5502
tap_diag "init_set_primary=Y: the peer's primary: ${PRIM:-none}, peer view: $(assoc_raddrs "$CN" 6502 | tr '\n' ' ')"
[[ $PRIM == 10.0.2.1 ]]
tap_result $? "with it the stock peer's primary is the preferred address from the start"
after=$(ctr "$MN" init_primary_added)
tap_diag "init_primary_added: $before -> $after"
[[ $after =~ ^[0-9]+$ ]] && ((after > before))
tap_result $? "the INIT-ACK was extended (init_primary_added)"

# 4. Both streams whole (lengths and CRC32c of the extended INIT-ACK were
# right, or the association would not exist).
rc=0
for n in off-mn off-cn on-mn on-cn; do
	[[ -n ${STREAM_PID[$n]:-} ]] || { rc=1; continue; }
	stream_wait "$n" || rc=1
	stream_clean "$n" || rc=1
done
tap_result $rc "both associations carried their streams intact"

tap_exit
