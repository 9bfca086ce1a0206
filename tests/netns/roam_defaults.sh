#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# roam_defaults.sh - what a new user gets: the README's set-up only
# (net.sctp.addip_enable=1 and auth_enable=1 on both peers, "modprobe
# sctp_dar", no parameter, no policy, net.sctp.default_auto_asconf left 0)
# and unmodified applications. A client that connects without binding (a
# wildcard endpoint) roams make-before-break and break-before-make, and so
# does one bound to its address; an association sctp_dar manages but must
# leave alone is reported on the monitor, with the reason, at every host
# event it misses.
#
#   +----- $MN -----+          +------ $RT ------+          +--- $CN ---+
#   | mn-a 10.0.1.1 |== A ===  | r-a 10.0.1.254  |          |           |
#   |  (dies)       |          |    rp_filter=1  |== r-c == | cn-c      |
#   | mn-b 10.0.2.1 |== B ===  | r-b 10.0.2.254  | 10.9.0.254  10.9.0.1 |
#   |  (new)        |          |    rp_filter=1  |          |           |
#   +---------------+          +-----------------+          +-----------+
#
# The correspondent has one address behind a router that drops packets with
# a foreign source address (shared TESTING.md #1). Each roam streams 1 KiB
# every 1 ms both ways and checks, from the correspondent's side, that it
# ends up knowing only B, as its primary, and that the stream crossed
# intact both ways.
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
# A kernel with lock debugging is several times slower. (Its build carries
# a fix for the stock auto_asconf timer's GFP_KERNEL-under-spinlock bug,
# tests/vm/patches/, so the wildcard roams run there too.)
# The streams run until the checks are done and are then stopped (SIGINT):
# DUR only bounds a stuck case (the hold-down alone takes 3 s).
DUR=120000
IVL=1000
WAIT=8
SLOW=0
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=25
	SLOW=1
fi

tap_plan 11

require_module sctp
require_module veth
require_sctp_dar

# The defaults this test is about (a test before it may have left the
# module loaded: its cleanup restores what it changed).
defaults()
{
	local ports

	ports=$(cat /sys/module/sctp_dar/parameters/manage_ports) &&
		[[ $ports == all ]] &&
		[[ $(ip netns exec "$MN" sysctl -n net.sctp.default_auto_asconf) == 0 ]]
}

topo_routed_links || setup_fail "cannot build the routed topology"
asconf_enable "$MN" "$CN"
check "defaults: manage_ports all, default_auto_asconf 0, nothing else set" defaults

# The access links as a DHCP client manages them (lib.sh's mn_a_up,
# mn_b_up, mn_a_cable_pulled/plugged). B is the better network (its
# default route's metric is lower, as NetworkManager gives Ethernet over
# Wi-Fi): with route-metric on (the default) the association moves to it
# before A breaks.
MN_B_METRIC=50

mn_b_down()
{
	ip -n "$MN" addr del "$B/24" dev mn-b 2>/dev/null
}

peer_view_is_b() { [[ $(peer_view "$1") == "*$B " ]]; }

state_diag()
{
	local ns

	for ns in "$MN" "$CN"; do
		tap_diag "${ns%%-*} assocs: $(ip netns exec "$ns" cat /proc/net/sctp/assocs | tail -n +2)"
	done
	tap_diag "mn stats: $(sctpaddr -n "$MN" -j stats 2>&1)"
	tap_diag "$(dmesg | grep -E 'sctp' | tail -n 20)"
}

mn_a_up
# Let SCTP's 500 ms address tick pass (lo, PLATFORM.md).
sleep 0.7

# roam NAME PORT "CLIENT_ARGS" MAKE BREAK: stream over A, then MAKE, wait
# until the peer makes B its primary when MAKE comes first, BREAK; the
# peer must end up knowing only B, as its primary.
roam()
{
	local name=$1 port=$2 rc=0 mbb=0

	[[ $4 == mn_b_up ]] && mbb=1
	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" -B "$CN_ADDR" || rc=1
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$CN_ADDR" "$port" -d "$DUR" -i "$IVL" $3 || rc=1
	if ((rc)); then
		tap_fail "$name: association set up"
		tap_notrun "$name: stream intact" "no association"
		return
	fi
	sleep 0.5	# the stream runs over A first

	$4
	if ((mbb)); then
		wait_for "$WAIT" peer_primary_is "$port" "$B" ||
			tap_diag "$name: B not the peer's primary before the break: $(peer_view "$port")"
	fi
	$5
	wait_for "$WAIT" peer_view_is_b "$port"
	rc=$?
	tap_diag "$name: peer view: $(peer_view "$port")"
	((rc)) && state_diag
	tap_result $rc "$name: peer knows only B, as primary"

	rc=0
	kill -INT "${STREAM_PID[$name-mn]}" "${STREAM_PID[$name-cn]}" 2>/dev/null
	stream_reap "$name-mn" 15 || rc=1
	stream_reap "$name-cn" 5 || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	((rc)) && state_diag
	tap_diag "$name: max gap down $(stream_field "$name-mn" max_gap_ms) ms, up $(stream_field "$name-cn" max_gap_ms) ms"
	tap_result $rc "$name: stream intact both ways, association alive"

	# Back to the start: A up, B gone.
	mn_b_down
	mn_a_cable_plugged
	sleep 0.7
}

# An unmodified client: no bind, no socket option.
roam "wildcard, make-before-break" 5301 "" mn_b_up mn_a_cable_pulled
roam "wildcard, B appears as A's cable is pulled" 5302 "" \
	mn_a_cable_pulled mn_b_up
roam "bound to A, make-before-break" 5303 "-B $A" mn_b_up mn_a_cable_pulled
roam "bound to A, B appears as A's cable is pulled" 5304 "-B $A" \
	mn_a_cable_pulled mn_b_up

# Left alone, and why: a correspondent without ADD-IP (its socket made
# while addip_enable and auth_enable were 0, as on a stock host): sctp_dar
# cannot reconfigure the association; the monitor must say so at each host
# event (not only the first time it meets the association), and the peer
# must see nothing.
mon_ignored()
{
	jq -c "select(.event == \"event-ignored\" and .pport == 5305 and .reason == \"peer-no-asconf\")" \
		"$LIB_TMP/mon" 2>/dev/null | wc -l
}

ignored_at_least() { (($(mon_ignored) >= $1)); }
peer_view_is_a() { [[ $(peer_view "$1") == "*$A " ]]; }

alone()
{
	sctp_sysctl "$CN" addip_enable 0
	sctp_sysctl "$CN" auth_enable 0
	stream_server alone-cn "$CN" 5305 -d 600000 -i 100000 -B "$CN_ADDR" || return 1
	sctp_sysctl "$CN" addip_enable 1
	sctp_sysctl "$CN" auth_enable 1
	stream_client alone-mn "$MN" "$CN_ADDR" 5305 -d 600000 -i 100000 || return 1
	sctpaddr -n "$MN" -j monitor >"$LIB_TMP/mon" 2>&1 &
	MON_PID=$!
	LIB_PIDS+=("$MON_PID")
	# ppoll (syscall 271): joined the group, waiting.
	wait_for 5 grep -q '^271 ' "/proc/$MON_PID/syscall" || return 1

	mn_b_up
	wait_for "$WAIT" ignored_at_least 1 || return 1
	sleep 0.3
	mn_b_down
	wait_for "$WAIT" ignored_at_least 2
}

if alone; then
	tap_ok "left alone: the monitor says peer-no-asconf at each host event"
else
	tap_fail "left alone: the monitor says peer-no-asconf at each host event"
	tap_diag "monitor: $(cat "$LIB_TMP/mon" 2>/dev/null)"
fi
check "left alone: the peer's view is unchanged (A only)" peer_view_is_a 5305
kill -INT "$MON_PID" 2>/dev/null
tap_exit
