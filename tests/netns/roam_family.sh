#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [stock-6.12]
#
# roam_family.sh - roams across address families: an AF_INET6 socket
# (IPv4 addresses as v4-mapped ones) associates over an IPv4-only path A
# ("Wi-Fi"), then moves to an IPv6-only path B make-before-break and back;
# an IPv6 address that fails DAD is never added.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |       (IPv4 only)       |            |                         |
#     |  mn-b fd00:2::1   (new) |== path B ==|  cn-b fd00:2::2         |
#     |       fd00:2::5  (DAD   |            |       fd00:2::5 (owner) |
#     |        fails: in use)   |  (IPv6     |                         |
#     +-------------------------+   only)    +-------------------------+
#
# Both sides' sockets are AF_INET6 (sctp_stream -6); the correspondent is
# bound to 10.0.1.2 (as ::ffff:10.0.1.2) and fd00:2::2, the mobile node to
# ::ffff:10.0.1.1. The correspondent runs as stock Linux (lib.sh
# peer_stock). The stream (1 KiB every 1 ms both ways) runs through the
# whole sequence and must arrive whole; the correspondent's view of the
# mobile node is checked at each step.
#
# What a stock Linux peer does not allow (Documentation/testing.md, "Real
# networks"): it refuses every ASCONF parameter naming an IPv4 address
# that reaches it over IPv6 (sctp_v4_addr_valid() reads the IPv6 packet's
# route as an IPv4 one and takes it for a broadcast: Unresolvable
# Address). So once A's link is dead the DELETE of A is refused and A stays
# in the peer's view as a dead path; the check below is that the peer's
# primary stays B and that sctp_dar sent that DELETE. The way back then
# works without an ASCONF: A's cable is plugged in, B's pulled, the peer
# fails over to A on its own and the stream carries on.
# Break-before-make across families does not work yet (the peer's IPv6
# address was never confirmed, so the kernel will not send the rescue
# ASCONF there): not checked here, see the same section.
. "$(dirname "$0")/lib.sh"

# The correspondent's view (/proc/net/sctp/assocs: IPv6 uncompressed).
A4=10.0.1.1
B6=fd00:0002:0000:0000:0000:0000:0000:0001
DUP6=fd00:0002:0000:0000:0000:0000:0000:0005
DUR=120000
IVL=1000
WAIT=15
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=40
fi

tap_plan 5

require_tool jq
require_sctp_dar
require_own_tool sctp_stream sctpaddr
# Parameters apply to namespaces created afterwards.
manage_ports all
topo_two_paths || setup_fail "cannot build the topology"
# Path A IPv4 only, path B IPv6 only.
ip -n "$MN" addr del fd00:1::1/64 dev mn-a &&
	ip -n "$CN" addr del fd00:1::2/64 dev cn-a &&
	ip -n "$CN" addr del 10.0.2.2/24 dev cn-b &&
	ip -n "$CN" addr add fd00:2::5/64 dev cn-b nodad ||
	setup_fail "cannot make path A IPv4-only and path B IPv6-only"
asconf_enable "$MN" "$CN"
peer_stock || setup_fail "cannot make the correspondent a stock peer"

state_diag()
{
	local ns

	for ns in "$MN" "$CN"; do
		tap_diag "${ns%%-*} assocs: $(ip netns exec "$ns" cat /proc/net/sctp/assocs | tail -n +2)"
	done
	tap_diag "mn addrs: $(ip -n "$MN" addr show | grep inet)"
	tap_diag "$(dmesg | grep -E 'sctp_dar|sctp' | tail -n 20)"
}

view_is() { [[ $(peer_view "$1") == "*$2 " ]]; }

# start NAME PORT: the two AF_INET6 ends, associated over IPv4.
start()
{
	stream_server "$1-cn" "$CN" "$2" -6 -d "$DUR" -i "$IVL" -B 10.0.1.2 -B fd00:2::2 &&
		stream_client "$1-mn" "$MN" 10.0.1.2 "$2" -6 -d "$DUR" -i "$IVL" -B 10.0.1.1
}

# finish NAME: end both streams, check them, report.
finish()
{
	local rc=0

	stream_end "$1-mn" "$1-cn"
	stream_reap "$1-mn" 60 || rc=1
	stream_reap "$1-cn" 10 || rc=1
	stream_clean "$1-mn" && stream_clean "$1-cn" || rc=1
	tap_diag "$1: max gap down $(stream_field "$1-mn" max_gap_ms) ms, up $(stream_field "$1-cn" max_gap_ms) ms"
	((rc)) && state_diag
	tap_result $rc "$1: stream intact both ways, association alive"
}

# dad_failed NS DEV ADDR: ADDR's DAD on DEV failed.
dad_failed()
{
	ip -n "$1" -6 addr show dev "$2" | grep -F "$3/" | grep -q dadfailed
}

# ---- make-before-break, there and back, with a DAD failure first ------------

name="mbb"
port=6501
if start "$name" $port; then
	sleep 0.5
	# The duplicate: DAD on for mn-b (lib.sh turns it off), an address
	# the correspondent already has.
	added=$(sctpaddr -n "$MN" -j stats | jq -r '.addrs_added')
	ip netns exec "$MN" sysctl -qw net.ipv6.conf.mn-b.accept_dad=1
	ip -n "$MN" addr add fd00:2::5/64 dev mn-b
	wait_for "$WAIT" dad_failed "$MN" mn-b fd00:2::5
	rc=$?
	((rc)) && tap_diag "$name: DAD did not fail: $(ip -n "$MN" -6 addr show dev mn-b)"
	# sctp_dar polls tentative addresses every 20 ms: a second is
	# fifty looks at it.
	sleep 1
	view=$(peer_view $port)
	now=$(sctpaddr -n "$MN" -j stats | jq -r '.addrs_added')
	tap_diag "$name: after the DAD failure: peer view: $view, addresses added: $((now - added))"
	[[ $view == "*$A4 " && $now == "$added" ]] || rc=1
	tap_result $rc "$name: an IPv6 address that failed DAD is never added"
	ip -n "$MN" addr del fd00:2::5/64 dev mn-b
	ip netns exec "$MN" sysctl -qw net.ipv6.conf.mn-b.accept_dad=0

	# To IPv6: B appears (A still works).
	ip -n "$MN" addr add fd00:2::1/64 dev mn-b nodad
	wait_for "$WAIT" peer_primary_is $port $B6
	rc=$?
	tap_diag "$name: peer view with B: $(peer_view $port)"
	((rc)) && state_diag
	tap_result $rc "$name: IPv4 -> IPv6: the peer learns B and makes it primary"

	# A's cable pulled: sctp_dar deletes A (after the hold-down); a
	# stock peer refuses that over IPv6 (see above).
	removed=$(sctpaddr -n "$MN" -j stats | jq -r '.addrs_removed')
	carrier "$MN" mn-a off
	# Polled together: one read of /proc/net/sctp/assocs can come back
	# empty while the kernel's transport table is being resized (seen on
	# the debug kernel).
	wait_for "$WAIT" eval '(( $(sctpaddr -n "$MN" -j stats | jq -r .addrs_removed) > removed )) &&
		peer_primary_is $port $B6'
	rc=$?
	tap_diag "$name: peer view after A's cable was pulled: $(peer_view $port)"
	tap_diag "$name: mobile node: $(sctpaddr -n "$MN" -j assoc show | jq -c '[.[] | .local]')"
	((rc)) && state_diag
	tap_result $rc "$name: A's cable pulled: the DELETE of A sent, the peer's primary stays B"

	# And back: A's cable plugged in, then B's pulled; the stream must
	# carry on over A.
	carrier "$MN" mn-a on
	sleep 1
	carrier "$MN" mn-b off
	sleep 2		# traffic over A alone (the stream's gap says when it resumed)
	tap_diag "$name: peer view back on IPv4: $(peer_view $port)"
	finish "$name"
else
	tap_fail "$name: association set up over IPv4"
	tap_notrun "$name: IPv4 -> IPv6" "no association"
	tap_notrun "$name: A's cable pulled" "no association"
	tap_notrun "$name: stream" "no association"
fi
carrier "$MN" mn-b on

check "the stock correspondent: sctp_dar changed nothing there" peer_untouched
tap_exit
