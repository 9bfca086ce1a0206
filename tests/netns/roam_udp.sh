#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 stock-6.12
#
# roam_udp.sh - roams of UDP-encapsulated associations (SCTP over UDP,
# RFC 6951), in the routed topology of roam_bbm.sh: both peers set
# net.sctp.udp_port (the kernel's tunnel socket listens there) and
# net.sctp.encap_port (the port new associations send to) to 9899 before
# any socket exists, so every association runs over UDP 9899.
#
#   +----- $MN -----+          +------ $RT ------+          +--- $CN ---+
#   | mn-a 10.0.1.1 |== A ===  | r-a 10.0.1.254  |          |           |
#   | mn-b 10.0.2.1 |== B ===  | r-b 10.0.2.254  |== r-c == | cn-c      |
#   | udp_port 9899 |          |    rp_filter=1  | 10.9.0.254  10.9.0.1 |
#   +---------------+          +-----------------+          +-----------+
#
# Cases: make-before-break (B up; A's cable pulled once the peer knows B)
# and break-before-make (A's cable pulled, B up at once), each with a
# socket bound to A and a wildcard one (auto_asconf, -A). Each checks that
# the correspondent ends up knowing only B, as its primary, and that the
# stream (1 KiB every 1 ms both ways) arrived whole. Then, from a capture
# on the correspondent's link over all the roams: SCTP went only inside
# UDP 9899, never plain; sctp_dar's wire hook saw the ASCONFs inside UDP
# on both ends (its counters).
#
# Last, the GSO checksum bug of the stock kernel (Documentation/
# deployment.md): a bulk transfer (iperf3 --sctp) over UDP leaves GSO
# super-packets whose SCTP CRC32c was left to "hardware" that veth does
# not have, so they reach the correspondent's link longer than the MTU
# and with a CRC a non-Linux receiver rejects (a Linux receiver trusts
# the skb's checksum state and takes them). With the workaround,
# `ip link set DEV gso_max_size 1500` on the sender's device, no packet
# is longer than the MTU and every CRC is right. sctp_crccheck computes
# the CRC of every captured packet.
#
# Not on the debug kernel (yet): there, on a loaded 2-core host, the
# streams' listeners and associations came up too slowly for lib.sh's
# bounds with tcpdump capturing every packet, and the script ran past the
# VM's 300 s (its first roam, through the hook's UDP path, did pass).
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
UDP_PORT=9899
DUR=120000
IVL=1000
WAIT=10
if [[ -e /proc/lockdep ]]; then
	IVL=10000
	WAIT=25
fi

tap_plan 14

require_module sctp
require_module veth
require_module udp_tunnel
require_tool tcpdump
require_own_tool sctp_stream sctp_crccheck sctpaddr
require_sctp_dar
manage_ports all

topo()
{
	local ns

	topo_routed_links || return 1
	mn_a_up
	for ns in "$MN" "$CN"; do
		sctp_sysctl "$ns" addip_enable 1 &&
		sctp_sysctl "$ns" auth_enable 1 &&
		sctp_sysctl "$ns" udp_port "$UDP_PORT" &&
		sctp_sysctl "$ns" encap_port "$UDP_PORT" || return 1
	done
	sleep 0.7	# SCTP's address tick (lo, PLATFORM.md)
}

state_diag()
{
	local ns

	for ns in "$MN" "$CN"; do
		tap_diag "${ns%%-*} assocs: $(ip netns exec "$ns" cat /proc/net/sctp/assocs | tail -n +2)"
		tap_diag "${ns%%-*} remaddr: $(ip netns exec "$ns" cat /proc/net/sctp/remaddr)"
	done
	tap_diag "mn routes: $(ip -n "$MN" route)"
	tap_diag "$(dmesg | grep -E 'sctp' | tail -n 20)"
}

peer_view_is_b()
{
	[[ $(assoc_raddrs "$CN" "$1" | tr '\n' ' ') == "*$B " ]]
}

# roam NAME PORT "CLIENT_ARGS" mbb|bbm
roam()
{
	local name=$1 port=$2 rc=0

	stream_server "$name-cn" "$CN" "$port" -d "$DUR" -i "$IVL" -B "$CN_ADDR" || rc=1
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$CN_ADDR" "$port" -d "$DUR" -i "$IVL" $3 || rc=1
	if ((rc)); then
		tap_fail "$name: peer knows only B, as primary"
		tap_notrun "$name: stream intact both ways, association alive" "no association"
		return
	fi
	sleep 0.5	# the stream runs over A first
	if [[ $4 == mbb ]]; then
		mn_b_up
		wait_for "$WAIT" peer_has "$port" "$B" ||
			tap_diag "$name: the peer did not learn B before the break"
		mn_a_cable_pulled
	else
		mn_a_cable_pulled
		mn_b_up
	fi
	wait_for "$WAIT" peer_view_is_b "$port"
	rc=$?
	tap_diag "$name: peer view: $(peer_view "$port")"
	((rc)) && state_diag
	tap_result $rc "$name: peer knows only B, as primary"

	sleep 0.5
	stream_end "$name-mn" "$name-cn"
	rc=0
	stream_reap "$name-mn" 30 || rc=1
	stream_reap "$name-cn" 5 || rc=1
	stream_clean "$name-mn" && stream_clean "$name-cn" || rc=1
	((rc)) && state_diag
	tap_diag "$name: max gap down $(stream_field "$name-mn" max_gap_ms) ms, up $(stream_field "$name-cn" max_gap_ms) ms"
	tap_result $rc "$name: stream intact both ways, association alive"

	mn_b_down
	mn_a_cable_plugged
	sleep 0.3
}

# capture_start NAME NS DEV: tcpdump SCTP, plain or in UDP, into NAME.pcap.
CAP_PID=""
capture_start()
{
	ip netns exec "$2" tcpdump -i "$3" -U -n -s 0 -Z root -w "$LIB_TMP/$1.pcap" \
		"sctp or udp port $UDP_PORT" 2>"$LIB_TMP/$1.tcpdump" &
	CAP_PID=$!
	LIB_PIDS+=($!)
	# tcpdump says so once its socket is up (slow on the debug kernel).
	wait_for 60 grep -q "listening on" "$LIB_TMP/$1.tcpdump" && return 0
	tap_diag "tcpdump (pid $CAP_PID, $(kill -0 "$CAP_PID" 2>/dev/null && echo running || echo exited)): $(cat "$LIB_TMP/$1.tcpdump")"
	return 1
}

capture_stop()
{
	sleep 0.3	# the last packets reach the file (-U)
	kill "$CAP_PID" 2>/dev/null
	wait "$CAP_PID" 2>/dev/null
	sctp_crccheck -u "$UDP_PORT" "$LIB_TMP/$1.pcap" >"$LIB_TMP/$1.crc" ||
		return 1
	tap_diag "$1: $(cat "$LIB_TMP/$1.crc")"
}

crc()
{
	jq -r ".$2" "$LIB_TMP/$1.crc"
}

ctr()
{
	ip netns exec "$1" sctpaddr -j stats | jq -r ".$2"
}

topo || setup_fail "cannot build the routed topology with UDP encapsulation"
peer_stock || setup_fail "cannot make the correspondent a stock peer"
capture_start roams "$CN" cn-c || setup_fail "tcpdump did not start"

roam "make-before-break, bound" 5301 "-B $A" mbb
roam "make-before-break, wildcard" 5302 "-A" mbb
roam "break-before-make, bound" 5303 "-B $A" bbm
roam "break-before-make, wildcard" 5304 "-A" bbm

capture_stop roams || setup_fail "sctp_crccheck could not read the capture"
check "on the wire: SCTP only inside UDP $UDP_PORT, none plain" \
	test "$(crc roams plain)" = 0 -a "$(crc roams udp)" -gt 100

# The wire hook reads the SCTP packet inside the UDP datagram: it timed
# the mobile node's ASCONFs and checked them on the correspondent.
mn_sent=$(ctr "$MN" asconf_sent)
mn_acked=$(ctr "$MN" asconf_acked)
cn_ok=$(ctr "$CN" asconf_rx_ok)
tap_diag "wire hook: mobile node asconf_sent $mn_sent asconf_acked $mn_acked, correspondent asconf_rx_ok $cn_ok"
check "wire hook on the mobile node: ASCONFs inside UDP sent and acknowledged" \
	test "${mn_sent:-0}" -gt 0 -a "${mn_acked:-0}" -gt 0
check "wire hook on the correspondent: ASCONFs inside UDP checked" \
	test "${cn_ok:-0}" -gt 0
check "the stock correspondent: sctp_dar changed nothing there" peer_untouched

# ---- the GSO checksum bug --------------------------------------------------

# bulk NAME: 2 s of iperf3 --sctp from the mobile node, captured on the
# correspondent's link.
bulk()
{
	capture_start "$1" "$CN" cn-c || return 1
	ip netns exec "$MN" timeout 30 iperf3 -c "$CN_ADDR" --sctp -t 2 \
		>"$LIB_TMP/$1.iperf" 2>&1
	tap_diag "$1: iperf3: $(grep -E 'receiver|error' "$LIB_TMP/$1.iperf" | tr -s ' ')"
	capture_stop "$1"
}

# The VM image always carries iperf3 (tests/vm/initramfs.sh): without it
# the set-up failed, which is a failure, not a missing capability.
if ! command -v iperf3 >/dev/null; then
	tap_diag "iperf3 is not in the image (tests/vm/initramfs.sh puts it there)"
	tap_fail "GSO bug: bad CRCs on GSO super-packets"
	tap_fail "GSO bug: gso_max_size 1500 avoids it"
	tap_exit
fi
ip netns exec "$CN" iperf3 -s -B "$CN_ADDR" >"$LIB_TMP/iperf-srv.log" 2>&1 &
LIB_PIDS+=($!)
iperf_listening()
{
	ip netns exec "$CN" ss -ltn 'sport = :5201' | grep -q LISTEN
}
wait_for 10 iperf_listening || setup_fail "iperf3 server did not start"

if bulk gso-on; then
	check "GSO bug (stock kernel): GSO super-packets over the MTU with bad CRC reach the wire" \
		test "$(crc gso-on bad_crc_over_1500)" -gt 0
else
	tap_notrun "GSO bug (stock kernel): GSO super-packets over the MTU with bad CRC reach the wire" \
		"capture or CRC check failed"
fi
# The workaround, on each sender's egress device (the SACKs the
# correspondent sends are small, but it is a sender too).
ip -n "$MN" link set mn-a gso_max_size 1500 &&
	ip -n "$CN" link set cn-c gso_max_size 1500 ||
	setup_fail "cannot set gso_max_size"
if bulk gso-off; then
	check "gso_max_size 1500 on the sender's device: no packet over the MTU, every CRC right" \
		test "$(crc gso-off sctp)" -gt 100 -a "$(crc gso-off over_1500)" = 0 -a \
		"$(crc gso-off bad_crc)" = 0
else
	tap_notrun "gso_max_size 1500 on the sender's device: no packet over the MTU, every CRC right" \
		"capture or CRC check failed"
fi
tap_exit
