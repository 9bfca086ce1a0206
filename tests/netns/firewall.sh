#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1
#
# firewall.sh - a firewall between the peers admits SCTP only between the
# addresses in its nftables sets (the shipped example ruleset,
# tools/sctp-dar-nft.example.nft); sctp-dar-nft keeps those sets following
# sctp_dar's make-before-break roam from A to B (B appears, then A's address
# is released, as a DHCP client or NetworkManager does when Wi-Fi goes).
#
#   +----- $MN -----+          +------ $FW ------+          +--- $CN ---+
#   | mn-a 10.0.1.1 |== A ===  | r-a 10.0.1.254  |          |           |
#   |  (released)   |          |  nft: SCTP only |== r-c == | cn-c      |
#   | mn-b 10.0.2.1 |== B ===  | r-b 10.0.2.254  | 10.9.0.254  10.9.0.1 |
#   |  (new)        |          | between @sets   |          |           |
#   +---------------+          +-----------------+          +-----------+
#
# Both cases seed the set by hand with A and the correspondent (the
# association's first addresses pass by the administrator's rules), set up
# a stream bound to A, then B appears and A's address is released.
#  - with sctp-dar-nft following "sctpaddr -n $MN -j monitor" (started
#    before the association): B enters the set, the peer ends up knowing
#    only B as its primary, the stream is intact both ways, and A leaves
#    the set once sctp_dar deleted it;
#  - without it (the control, second so that its stuck association cannot
#    disturb the first): the firewall drops path B and the roam cannot
#    complete: this is what shows the firewall really filters.
. "$(dirname "$0")/lib.sh"

FW=fw-$LIB_TAG
# shellcheck disable=SC2034 # topo_routed_links uses RT
RT=$FW
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
RULESET=/usr/share/sctp-dar/sctp-dar-nft.example.nft
HELPER=/usr/bin/sctp-dar-nft
# The stream outlives the wait for the peer's view. Paths the firewall
# dropped before sctp-dar-nft admitted them recover by retransmission
# timeouts (seconds), so both are generous.
DUR=20000
IVL=1000
WAIT=15
if [[ -e /proc/lockdep ]]; then
	DUR=40000
	IVL=10000
	WAIT=25
fi

tap_plan 6

require_module sctp
require_module veth
require_sctp_dar
require_tool nft
[[ -f $RULESET && -f $HELPER ]] || setup_fail "the example ruleset or sctp-dar-nft is not in the VM"
modprobe nf_tables 2>/dev/null
# A kernel without nf_tables (the debug kernel's config) is known before
# any topology is built.
nft list tables >/dev/null 2>&1 ||
	skip_all "this kernel has no nf_tables (CONFIG_NF_TABLES)"
manage_ports all

topo_routed_links || setup_fail "cannot build the routed topology"
ip -n "$MN" addr add "$A/24" dev mn-a
ip -n "$MN" route add default via 10.0.1.254 dev mn-a metric 100
asconf_enable "$MN" "$CN"
sleep 0.7	# SCTP's 500 ms address tick after lo (PLATFORM.md)

out=$(ip netns exec "$FW" nft -f "$RULESET" 2>&1)
tap_result $? "the shipped example ruleset loads"
[[ -n $out ]] && tap_diag "$out"

# set_elems: the firewall's IPv4 set, sorted, space-separated.
set_elems()
{
	ip netns exec "$FW" nft -j list set inet sctp_dar sctp_dar_v4 |
		jq -r '.nftables[] | .set? | select(.) | .elem[]? | strings' |
		sort | tr '\n' ' '
}

drops()
{
	ip netns exec "$FW" nft -j list chain inet sctp_dar forward |
		jq '[.nftables[] | .rule? | select(.) | .expr[] | .counter? | select(.) | .packets] | add // 0'
}

peer_view_is_b()
{
	[[ $(assoc_raddrs "$CN" "$1" | tr '\n' ' ') == "*$B " ]]
}

# roam NAME PORT WITH_HELPER: seed, stream, roam; sets RC_VIEW (the peer's
# view became B only) and RC_STREAM (the streams arrived whole).
roam()
{
	local name=$1 port=$2 helper=$3 pid

	ip netns exec "$FW" nft flush set inet sctp_dar sctp_dar_v4
	ip netns exec "$FW" nft add element inet sctp_dar sctp_dar_v4 "{ $A, $CN_ADDR }"
	RC_VIEW=1 RC_STREAM=1
	if ((helper)); then
		# Running before the association, as it would be; it keeps the
		# seed until an association has used it.
		ip netns exec "$FW" bash "$HELPER" -v -n "$MN" >"$LIB_TMP/helper.log" 2>&1 &
		pid=$!
		LIB_PIDS+=("$pid")
		HELPER_PID=$pid
		wait_for 30 grep -q 'sync:' "$LIB_TMP/helper.log" ||
			tap_diag "$name: sctp-dar-nft not ready: $(cat "$LIB_TMP/helper.log")"
		# What an administrator would watch (printed below).
		ip netns exec "$MN" sctpaddr -t monitor >"$LIB_TMP/monitor.log" 2>&1 &
		LIB_PIDS+=($!)
	fi
	if ! stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" -B "$CN_ADDR" ||
	   ! stream_client "$name-mn" "$MN" "$CN_ADDR" "$port" -d "$DUR" -i "$IVL" -B "$A"; then
		tap_diag "$name: no association through the firewall"
		return
	fi
	sleep 0.5	# the stream runs over A first

	ip -n "$MN" addr add "$B/24" dev mn-b
	ip -n "$MN" route add default via 10.0.2.254 dev mn-b metric 200
	sleep 1
	ip -n "$MN" route del default via 10.0.1.254 2>/dev/null
	ip -n "$MN" addr del "$A/24" dev mn-a	# A released

	wait_for "$WAIT" peer_view_is_b "$port"
	RC_VIEW=$?
	tap_diag "$name: peer view: $(assoc_raddrs "$CN" "$port" | tr '\n' ' ')"
	tap_diag "$name: firewall set: $(set_elems); dropped: $(drops) packets"
	if ((helper)); then
		local rc=0
		wait_for $((DUR / 1000 + 15)) bash -c "! kill -0 ${STREAM_PID[$name-mn]}" || rc=1
		stream_wait "$name-mn" || rc=1
		stream_wait "$name-cn" || rc=1
		stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
		tap_diag "$name: max gap down $(stream_field "$name-mn" max_gap_ms) ms, up $(stream_field "$name-cn" max_gap_ms) ms"
		RC_STREAM=$rc
	else
		kill "${STREAM_PID[$name-mn]}" "${STREAM_PID[$name-cn]}" 2>/dev/null
		wait "${STREAM_PID[$name-mn]}" "${STREAM_PID[$name-cn]}" 2>/dev/null
	fi
}

# Back to the start: A again, B gone.
reset_paths()
{
	mn_b_down
	ip -n "$MN" addr replace "$A/24" dev mn-a
	ip -n "$MN" route replace default via 10.0.1.254 dev mn-a metric 100
	sleep 1
}

roam "sctp-dar-nft" 5301 1
tap_result $RC_VIEW "with sctp-dar-nft the peer knows only B, as primary"
tap_result $RC_STREAM "with sctp-dar-nft the stream is intact both ways, association alive"
# A leaves the set once sctp_dar has deleted it from the association (at
# once: it is gone from the host) and the peer has acknowledged that.
check_forgotten()
{
	[[ $(set_elems) == "$B $CN_ADDR " ]]
}
wait_for "$WAIT" check_forgotten
tap_result $? "the set ends with the correspondent and B only (A forgotten)"
tap_diag "set: $(set_elems); helper said: $(tr '\n' ';' <"$LIB_TMP/helper.log")"
tap_diag "sctpaddr -t monitor on the mobile node:"
tap_diag "$(cat "$LIB_TMP/monitor.log")"
kill "$HELPER_PID" 2>/dev/null
wait "$HELPER_PID" 2>/dev/null
tap_result $? "sctp-dar-nft exits 0 on SIGTERM"

reset_paths

# The control: the firewall filters, and nothing updates it.
drops0=$(drops)
roam "no helper" 5302 0
((RC_VIEW != 0 && $(drops) > drops0))
tap_result $? "without sctp-dar-nft the firewall drops path B and the roam cannot complete"

tap_exit
