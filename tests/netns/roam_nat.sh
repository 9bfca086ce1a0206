#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1
# (the debug kernel has no nf_tables: there it would only skip)
#
# roam_nat.sh - the mobile node behind a NAT44 router (masquerade), moving
# from behind NAT A to behind NAT B; the association runs over UDP
# (RFC 6951, port 9899 both ends), as SCTP through a NAPT does.
#
#  +---- $MN ----+     +--- $NA ---+
#  | mn-a        |=====| na-in     |  masquerade   +--- $RT ---+   +- $CN -+
#  |  10.0.1.1   |     | na-out    |===============| r-na      |   |       |
#  |             |     | 100.64.1.1|               | r-c       |===| cn-c  |
#  | mn-b        |     +-----------+               | 10.9.0.254|   | 10.9. |
#  |  10.0.2.1   |=====| nb-in     |===============| r-nb      |   |  0.1  |
#  +-------------+     | nb-out    |  masquerade   +-----------+   +-------+
#                      | 100.64.2.1|
#                      +--- $NB ---+
#
# The core router $RT knows no route to the private networks 10.0.1.0/24
# and 10.0.2.0/24: the correspondent can reach the mobile node only at the
# NATs' outside addresses, 100.64.1.1 (A) and 100.64.2.1 (B), which the
# mobile node never sees.
#
# What RFC 5061 offers for this is the wildcard ADD (0.0.0.0: "add the
# packet's source address"), sent from the new address. What happens with
# Debian's sctp.ko on both ends (Documentation/deployment.md explains why):
# - set-up through NAT A works: the correspondent knows the mobile node by
#   NAT A's outside address (the INIT's source);
# - make-before-break: when B appears, the ASCONF sctp.ko sends (sctp_dar
#   asks for it through the only interface there is, the socket's bound
#   addresses) ADDs the private address 10.0.2.1 and leaves over path A;
#   the correspondent adds an address it cannot reach, makes it its
#   primary (unconfirmed, so it keeps sending over A) and never learns
#   100.64.2.1. sctp.ko cannot send a wildcard ADD;
# - once A's link is gone, everything the mobile node sends leaves from B
#   through NAT B: to the correspondent, packets from 100.64.2.1 belong to
#   no association (out of the blue; the ASCONF's lookup address is one of
#   the mobile node's private addresses), and it answers with an ABORT
#   (T bit, reflected tag) that the mobile node accepts: the association
#   is lost (some runs lost it with no ABORT captured). The same
#   happens at once in a break-before-make roam.
# The test asserts that behaviour (the association lost, NAT B's address
# never learned; the ABORTs in a capture of what the correspondent sends
# are reported), so that a kernel or a design that changes it shows up
# here. NAT A and NAT B's masquerading needs nf_tables and
# nf_nat: without them (the debug kernel's configuration) the script is
# skipped.
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
NA=na-$LIB_TAG
NB=nb-$LIB_TAG
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
A_OUT=100.64.1.1
B_OUT=100.64.2.1
UDP_PORT=9899
DUR=120000
IVL=1000
WAIT=10
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=25
fi

tap_plan 9

require_module sctp
require_module veth
require_module udp_tunnel
for m in nf_tables nf_conntrack nf_nat nft_chain_nat nft_masq; do
	require_module "$m"
done
require_tool nft tcpdump
require_own_tool sctp_stream sctpaddr sctp_crccheck
require_sctp_dar
manage_ports all

# nat_add NS IN_ADDR OUT_ADDR RT_ADDR DEV_SUFFIX: a NAT44 router namespace
# between the mobile node's link and the core router.
nat_add()
{
	local ns=$1 in=$2 out=$3 rt=$4 s=$5

	ns_add "$ns" || return 1
	ip link add "n$s-in" netns "$ns" type veth peer name "mn-$s" netns "$MN" &&
	ip link add "n$s-out" netns "$ns" type veth peer name "r-n$s" netns "$RT" ||
		return 1
	ip -n "$ns" addr add "$in/24" dev "n$s-in"
	ip -n "$ns" addr add "$out/24" dev "n$s-out"
	ip -n "$ns" link set "n$s-in" up
	ip -n "$ns" link set "n$s-out" up
	ip -n "$ns" route add default via "$rt"
	ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
	ip -n "$RT" addr add "$rt/24" dev "r-n$s"
	ip -n "$RT" link set "r-n$s" up
	ip netns exec "$ns" nft -f - <<-EOF
		table ip nat {
			chain post {
				type nat hook postrouting priority srcnat;
				oifname "n$s-out" masquerade
			}
		}
	EOF
}

topo()
{
	local ns

	ns_add "$MN" && ns_add "$RT" && ns_add "$CN" || return 1
	ip link add cn-c netns "$CN" type veth peer name r-c netns "$RT" || return 1
	ip -n "$RT" addr add 10.9.0.254/24 dev r-c
	ip -n "$RT" link set r-c up
	ip netns exec "$RT" sysctl -qw net.ipv4.ip_forward=1
	ip -n "$CN" addr add "$CN_ADDR/24" dev cn-c
	ip -n "$CN" link set cn-c up
	ip -n "$CN" route add default via 10.9.0.254
	nat_add "$NA" 10.0.1.254 "$A_OUT" 100.64.1.254 a || return 1
	nat_add "$NB" 10.0.2.254 "$B_OUT" 100.64.2.254 b || return 1
	ip -n "$MN" link set mn-a up
	ip -n "$MN" link set mn-b up
	mn_a_up
	for ns in "$MN" "$CN"; do
		sctp_sysctl "$ns" addip_enable 1 &&
		sctp_sysctl "$ns" auth_enable 1 &&
		sctp_sysctl "$ns" udp_port "$UDP_PORT" &&
		sctp_sysctl "$ns" encap_port "$UDP_PORT" || return 1
	done
	sleep 0.7	# SCTP's address tick (lo, PLATFORM.md)
}

mn_a_up()
{
	ip -n "$MN" addr replace "$A/24" dev mn-a
	ip -n "$MN" route replace default via 10.0.1.254 dev mn-a metric 100
}

mn_b_up()
{
	ip -n "$MN" addr replace "$B/24" dev mn-b
	ip -n "$MN" route replace default via 10.0.2.254 dev mn-b metric 200
}

mn_b_down()
{
	ip -n "$MN" route del default via 10.0.2.254 2>/dev/null
	ip -n "$MN" addr del "$B/24" dev mn-b 2>/dev/null
}

mn_a_cable_pulled()
{
	ip -n "$NA" link set na-in down
	ip -n "$MN" route del default via 10.0.1.254 2>/dev/null
}

mn_a_cable_plugged()
{
	ip -n "$NA" link set na-in up
	mn_a_up
}

stream_reap()
{
	local pid=${STREAM_PID[$1]}

	if ! wait_for "$2" bash -c "! kill -0 $pid"; then
		kill -9 "$pid" 2>/dev/null
	fi
	wait "$pid" 2>/dev/null
}

state_diag()
{
	local ns

	for ns in "$MN" "$CN"; do
		tap_diag "${ns%%-*} assocs: $(ip netns exec "$ns" cat /proc/net/sctp/assocs | tail -n +2)"
		tap_diag "${ns%%-*} remaddr: $(ip netns exec "$ns" cat /proc/net/sctp/remaddr)"
	done
	tap_diag "$(dmesg | grep -E 'sctp' | tail -n 10)"
}

# mn_assoc_gone PORT: the mobile node has no association on PORT any more.
mn_assoc_gone()
{
	[[ -z $(assoc_raddrs "$MN" "$1") ]]
}

topo || setup_fail "cannot build the NAT topology"
peer_stock || setup_fail "cannot make the correspondent a stock peer"

# capture_start NAME: what the correspondent sends, into NAME.pcap.
CAP_PID=""
capture_start()
{
	ip netns exec "$CN" tcpdump -i cn-c -U -n -s 0 -Z root -w "$LIB_TMP/$1.pcap" \
		"udp port $UDP_PORT and src host $CN_ADDR" 2>"$LIB_TMP/$1.tcpdump" &
	CAP_PID=$!
	LIB_PIDS+=($!)
	wait_for 60 grep -q "listening on" "$LIB_TMP/$1.tcpdump"
}

# aborts NAME: packets with an ABORT chunk the correspondent sent.
aborts()
{
	sleep 0.3	# the last packets reach the file (-U)
	kill "$CAP_PID" 2>/dev/null
	wait "$CAP_PID" 2>/dev/null
	sctp_crccheck -u "$UDP_PORT" -t 6 "$LIB_TMP/$1.pcap" | jq -r .with_chunk
}

# lost_after_break NAME PORT: the mobile node's association is gone and
# the correspondent never learned NAT B's outside address. How many
# ABORTs the correspondent sent is reported, not asserted: usually one
# ends the association (its answer to the out-of-the-blue packets from
# NAT B), but some runs lost it with none captured (not pinned down;
# Documentation/deployment.md).
lost_after_break()
{
	local name=$1 port=$2 rc=0 n

	wait_for "$WAIT" mn_assoc_gone "$port" || rc=1
	tap_diag "$name: peer view after the break: $(peer_view "$port")"
	peer_lacks "$port" "$B_OUT" || rc=1
	n=$(aborts "$name")
	tap_diag "$name: packets with an ABORT from the correspondent: ${n:-?}"
	((rc)) && state_diag
	tap_result $rc "$name: after the break the association is lost, the peer never learned NAT B's outside address"
}

# nat_roam NAME PORT "CLIENT_ARGS" mbb|bbm
nat_roam()
{
	local name=$1 port=$2 rc=0

	capture_start "$name" || setup_fail "tcpdump did not start"
	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" -B "$CN_ADDR" || rc=1
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$CN_ADDR" "$port" -d "$DUR" -i "$IVL" $3 || rc=1
	((rc)) && setup_fail "$name: no association through NAT A"
	tap_diag "$name: peer view after set-up: $(peer_view "$port")"
	check "$name: set up through NAT A, the peer sends to NAT A's outside address" \
		peer_primary_is "$port" "$A_OUT"
	sleep 0.5	# the stream runs over A first

	if [[ $4 == mbb ]]; then
		# Make: B appears behind NAT B. The peer is told of the
		# private B (over path A, which still works).
		mn_b_up
		wait_for "$WAIT" peer_has "$port" "$B"
		rc=$?
		sleep 1	# time for anything else the peer might learn
		tap_diag "$name: peer view after B appeared: $(peer_view "$port")"
		((rc)) && state_diag
		peer_lacks "$port" "$B_OUT" || rc=1
		tap_result $rc "$name: the peer learns the private address B, not NAT B's outside address"
		mn_a_cable_pulled
	else
		mn_a_cable_pulled
		mn_b_up
	fi
	lost_after_break "$name" "$port"

	stream_end "$name-mn" "$name-cn"
	stream_reap "$name-mn" 20
	stream_reap "$name-cn" 5
	tap_diag "$name: the mobile node's stream: $(cat "$LIB_TMP/$name-mn.json" 2>/dev/null)"
	mn_b_down
	mn_a_cable_plugged
	sleep 0.3
}

nat_roam "make-before-break, bound" 5401 "-B $A" mbb
nat_roam "make-before-break, wildcard" 5402 "-A" mbb
nat_roam "break-before-make, bound" 5403 "-B $A" bbm
check "the stock correspondent: sctp_dar changed nothing there" peer_untouched
tap_exit
