#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 stock-6.12
#
# roam_usrsctp.sh - a correspondent that is not Linux: usrsctp (FreeBSD's
# SCTP in user space, Debian's libusrsctp) runs in the correspondent's
# namespace as usrsctp_peer, over UDP encapsulation (RFC 6951, UDP 9899:
# usrsctp speaks to a kernel no other way), with SCTP-AUTH and ADD-IP,
# echoing the mobile node's checksummed stream back. The mobile node is
# Linux with sctp_dar and its defaults (require_auth on: usrsctp
# authenticates ASCONF), the routed topology of roam_udp.sh:
#
#   +----- $MN -----+          +------ $RT ------+          +--- $CN ---+
#   | mn-a 10.0.1.1 |== A ===  | r-a 10.0.1.254  |          | usrsctp   |
#   | mn-b 10.0.2.1 |== B ===  | r-b 10.0.2.254  |== r-c == | cn-c      |
#   | udp_port 9899 |          |                 | 10.9.0.254  10.9.0.1 |
#   +---------------+          +-----------------+          +-----------+
#
# Make-before-break, with a socket bound to A and a wildcard one
# (auto_asconf): B comes up, sctp_dar adds it, makes it the peer's primary
# and deletes A once A's cable is pulled. usrsctp must end up knowing only
# B, as its primary (its own view, from its SCTP_PEER_ADDR_CHANGE events
# and getpaddrs), and every message must come back whole.
#
# The mobile node's devices send with gso_max_size 1500: the stock kernel
# leaves the CRC of UDP-encapsulated GSO super-packets to "hardware" veth
# does not have, and usrsctp, which checks every CRC, drops them
# (Documentation/deployment.md; roam_udp.sh shows the bug itself).
#
# usrsctp gives a path the peer adds by ASCONF the socket's remote UDP
# port (SCTP_REMOTE_UDP_ENCAPS_PORT), 0 unless the application set it:
# usrsctp_peer sets it. Without it (measured) usrsctp sends to B in plain
# SCTP or not at all and the association is aborted or stuck
# (Documentation/deployment.md).
# Not here: usrsctp as the mobile node; break-before-make (the issue
# measured it never to recover against usrsctp).
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
UDP_PORT=9899
DUR=120000
IVL=10000	# 100 messages/s each way: usrsctp echoes them in user space
WAIT=10

tap_plan 6

require_module sctp
require_module veth
require_module udp_tunnel
require_own_tool sctp_stream usrsctp_peer sctpaddr
require_sctp_dar
manage_ports all

topo()
{
	local dev

	topo_routed_links || return 1
	mn_a_up
	sctp_sysctl "$MN" addip_enable 1 &&
	sctp_sysctl "$MN" auth_enable 1 &&
	sctp_sysctl "$MN" udp_port "$UDP_PORT" &&
	sctp_sysctl "$MN" encap_port "$UDP_PORT" || return 1
	for dev in mn-a mn-b; do
		ip -n "$MN" link set "$dev" gso_max_size 1500 || return 1
	done
	sleep 0.7	# SCTP's address tick (lo, PLATFORM.md)
}

# The correspondent's view: usrsctp_peer's state file.
usr_view() { cat "$LIB_TMP/$1.state" 2>/dev/null; }
usr_view_is_b() { [[ $(usr_view "$1") == "*$B " ]]; }
usr_has_b() { [[ $(usr_view "$1") == *"$B "* ]]; }

# roam NAME PORT "CLIENT_ARGS": one make-before-break roam.
roam()
{
	local name=$1 port=$2 rc=0 pid

	ip netns exec "$CN" usrsctp_peer -p "$port" -u "$UDP_PORT" \
		-s "$LIB_TMP/$name.state" 2>"$LIB_TMP/$name.usr" &
	pid=$!
	LIB_PIDS+=("$pid")
	wait_for 10 grep -q listening "$LIB_TMP/$name.usr" || rc=1
	# shellcheck disable=SC2086
	((rc)) || stream_client "$name-mn" "$MN" "$CN_ADDR" "$port" -d "$DUR" -i "$IVL" $3 || rc=1
	if ((rc)); then
		tap_diag "$name: usrsctp_peer: $(tr '\n' ';' <"$LIB_TMP/$name.usr")"
		tap_fail "$name: usrsctp knows only B, as primary"
		tap_notrun "$name: stream echoed whole, association alive" "no association"
		tap_notrun "$name: usrsctp saw B added and A removed" "no association"
		kill "$pid" 2>/dev/null
		return
	fi
	tap_diag "$name: usrsctp's view at the start: $(usr_view "$name")"
	sleep 0.5	# the stream runs over A first
	mn_b_up
	wait_for "$WAIT" usr_has_b "$name" ||
		tap_diag "$name: usrsctp did not learn B before the break"
	mn_a_cable_pulled
	wait_for "$WAIT" usr_view_is_b "$name"
	rc=$?
	tap_diag "$name: usrsctp's view: $(usr_view "$name")"
	tap_result $rc "$name: usrsctp knows only B, as primary"

	sleep 0.5
	stream_end "$name-mn"
	rc=0
	stream_reap "$name-mn" 30 || rc=1
	stream_clean "$name-mn" || rc=1
	tap_diag "$name: max gap $(stream_field "$name-mn" max_gap_ms) ms, $(stream_field "$name-mn" received) messages echoed"
	tap_result $rc "$name: stream echoed whole, association alive"

	wait_for 10 bash -c "! kill -0 $pid"
	tap_diag "$name: usrsctp_peer: $(tr '\n' ';' <"$LIB_TMP/$name.usr")"
	grep -q "ADDED $B\$" "$LIB_TMP/$name.usr" &&
		grep -q "REMOVED $A\$" "$LIB_TMP/$name.usr"
	tap_result $? "$name: usrsctp saw B added and A removed"
	kill "$pid" 2>/dev/null

	mn_b_down
	mn_a_cable_plugged
	sleep 0.7
}

topo || setup_fail "cannot build the routed topology with UDP encapsulation"

roam "make-before-break, bound" 5401 "-B $A"
roam "make-before-break, wildcard" 5402 "-A"

tap_exit
