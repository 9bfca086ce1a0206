#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 stock-6.12
#
# roam_usrsctp_mn.sh - a mobile node that is not Linux: usrsctp (FreeBSD's
# SCTP in user space, Debian's libusrsctp) runs in the mobile node's
# namespace as usrsctp_peer -c, over UDP encapsulation (RFC 6951, UDP
# 9899), with SCTP-AUTH and ADD-IP, and moves its association from A to B
# with its own ASCONFs, as an application managing its addresses would:
# bindx ADD B, SET_PEER_PRIMARY B, bindx REM A. The correspondent is Linux
# with sctp_dar's wire hook in enforce mode (verify_enforce=1), which must
# pass each of usrsctp's ASCONFs, in the routed topology of roam_usrsctp.sh:
#
#   +----- $MN -----+          +------ $RT ------+          +--- $CN ------+
#   | usrsctp       |          |                 |          | sctp_stream  |
#   | mn-a 10.0.1.1 |== A ===  | r-a 10.0.1.254  |          | -l, sctp_dar |
#   | mn-b 10.0.2.1 |== B ===  | r-b 10.0.2.254  |== r-c == | cn-c         |
#   | UDP 9899      |          |                 | 10.9.0.254   10.9.0.1    |
#   +---------------+          +-----------------+          +--------------+
#
# Linux's sctp_stream server sends its checksummed stream and usrsctp
# echoes every message back: an echoed stream is a valid stream, so a
# message lost, duplicated, reordered or corrupted on either way shows at
# the server, and the END exchange closes both ways.
#
# usrsctp reads the host's addresses once, at start (getifaddrs; it has
# no address monitor on Linux), so B is configured before usrsctp_peer
# starts, bound to A only: the roam is usrsctp's bindx, not a new device.
# usrsctp's UDP socket sends without a source address: the kernel's
# routes choose each packet's source, so the DELETE of A is sent once A's
# cable is pulled and its route gone (from B: a peer refuses to delete the
# source of the ASCONF, RFC 5061 section 5.2).
#
# The correspondent's device sends with gso_max_size 1500: the stock
# kernel leaves the CRC of UDP-encapsulated GSO super-packets to
# "hardware" veth does not have, and usrsctp, which checks every CRC,
# drops them (Documentation/deployment.md).
#
# What sctp_dar's own engine does in the correspondent's namespace is left
# as deployed (defaults); peer_untouched checks that it changed nothing
# there, so B became the primary by usrsctp's SET-PRIMARY alone.
# Not here: break-before-make (A's cable pulled before B is added).
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
UDP_PORT=9899
PORT=5411
DUR=120000
IVL=10000	# 100 messages/s each way: usrsctp echoes them in user space
WAIT=10
PARAMS=/sys/module/sctp_dar/parameters

tap_plan 6

require_module sctp
require_module veth
require_module udp_tunnel
require_own_tool sctp_stream usrsctp_peer sctpaddr
require_tool jq
require_sctp_dar
[[ -w $PARAMS/verify_enforce ]] || setup_fail "sctp_dar has no wire hook"

# verify_enforce is global: put back what was there.
SAVED_ENFORCE=$(cat "$PARAMS/verify_enforce") ||
	setup_fail "cannot read verify_enforce"
restore_params()
{
	echo "$SAVED_ENFORCE" >"$PARAMS/verify_enforce"
	cleanup
}
trap restore_params EXIT
echo 1 >"$PARAMS/verify_enforce" || setup_fail "cannot set verify_enforce"

topo()
{
	topo_routed_links || return 1
	# Both access links up, as a DHCP client leaves them, before usrsctp
	# starts (it learns addresses only then); A's route is preferred.
	mn_a_up
	mn_b_up
	sctp_sysctl "$CN" addip_enable 1 &&
	sctp_sysctl "$CN" auth_enable 1 &&
	sctp_sysctl "$CN" udp_port "$UDP_PORT" &&
	sctp_sysctl "$CN" encap_port "$UDP_PORT" || return 1
	ip -n "$CN" link set cn-c gso_max_size 1500 || return 1
	sleep 0.7	# SCTP's address tick (lo, PLATFORM.md)
}

# The correspondent's hook counters, one JSON object.
cn_stats() { sctpaddr -n "$CN" -j stats; }

USR_ERR=$LIB_TMP/usr.err
USR_PID=""
ACTS=0

# usr_act: usrsctp_peer performs its next -X action (SIGUSR1); returns
# once it reported it done.
usr_act()
{
	ACTS=$((ACTS + 1))
	kill -USR1 "$USR_PID" || return 1
	wait_for "$WAIT" grep -q "^usrsctp_peer: action $ACTS .*: ok\$" "$USR_ERR" || {
		tap_diag "usrsctp action $ACTS: $(grep "action $ACTS " "$USR_ERR")"
		return 1
	}
}

view_is() { [[ $(peer_view "$PORT") == "$1" ]]; }

check_diag()
{
	tap_diag "Linux's view of usrsctp: $(peer_view "$PORT")"
	tap_diag "usrsctp_peer: $(tr '\n' ';' <"$USR_ERR")"
}

topo || setup_fail "cannot build the routed topology with UDP encapsulation"
CN_EV=$LIB_TMP/cn.events
monitor "$CN" "$CN_EV" || setup_fail "sctpaddr monitor does not start"
STATS0=$(cn_stats) || setup_fail "sctpaddr stats failed"

stream_server mn "$CN" "$PORT" -B "$CN_ADDR" -d "$DUR" -i "$IVL" ||
	setup_fail "sctp_stream does not listen"
ip netns exec "$MN" usrsctp_peer -c "$CN_ADDR" -p "$PORT" -B "$A" -u "$UDP_PORT" \
	-X "add:$B" -X "peerprim:$B" -X "rem:$A" 2>"$USR_ERR" &
USR_PID=$!
LIB_PIDS+=("$USR_PID")

# (a) The association comes up over A: Linux knows usrsctp by A alone.
if ! wait_for "$WAIT" test -e "$LIB_TMP/mn.ready"; then
	check_diag
	setup_fail "no association from usrsctp"
fi
wait_for "$WAIT" view_is "*$A "
check "association up over A (Linux knows only A)" view_is "*$A "

# (b) bindx ADD B: usrsctp's ASCONF ADD-IP; Linux adds B and still sends
# to A.
sleep 0.5	# the stream runs over A first
rc=0
usr_act || rc=1
wait_for "$WAIT" peer_has "$PORT" "$B" || rc=1
peer_primary_is "$PORT" "$A" || rc=1
tap_diag "after ADD: Linux's view $(peer_view "$PORT")"
((rc)) && check_diag
tap_result $rc "ADD-IP: Linux knows B, its primary still A"

# (c) SET_PEER_PRIMARY B: usrsctp's ASCONF SET-PRIMARY; Linux sends to B.
# sctp_dar's engine there changed nothing itself.
rc=0
usr_act || rc=1
wait_for "$WAIT" peer_primary_is "$PORT" "$B" || rc=1
peer_untouched "$CN" || rc=1
tap_diag "after SET-PRIMARY: Linux's view $(peer_view "$PORT")"
((rc)) && check_diag
tap_result $rc "SET-PRIMARY: Linux's primary is B, by usrsctp's request alone"

# (d) A's cable pulled (its route goes, so the kernel sends usrsctp's
# packets from B), then bindx REM A: usrsctp's ASCONF DELETE-IP.
sleep 0.5	# the stream runs over B
PULL_US=${EPOCHREALTIME/./}
mn_a_cable_pulled
rc=0
usr_act || rc=1
wait_for "$WAIT" view_is "*$B " || rc=1
tap_diag "after DELETE: Linux's view $(peer_view "$PORT")"
((rc)) && check_diag
tap_result $rc "DELETE-IP: Linux knows only B"

# (e) The hook passed each of usrsctp's ASCONFs and refused none: one
# asconf-received event per ASCONF, each ok; asconf_rx_ok rose by their
# number (one per action), no other verdict and no drop.
rc=0
STATS1=$(cn_stats) || rc=1
ev=$(jq -c 'select(.event == "asconf-received")' "$CN_EV" 2>/dev/null)
n_ev=$(grep -c . <<<"$ev")
n_ok=$(jq -c 'select(.verdict == "ok")' <<<"$ev" | grep -c .)
tap_diag "asconf-received on Linux: $(jq -r '"serial \(.serial) \(.verdict) lookup \(.addr)"' <<<"$ev" | tr '\n' ';')"
delta=$(jq -n --argjson a "$STATS0" --argjson b "$STATS1" '
	[$b | to_entries[] | select(.key | startswith("asconf_rx_")) |
	 {key, value: (.value - ($a[.key] // 0))}] | from_entries') || rc=1
tap_diag "hook counters' rise: $(jq -c 'with_entries(select(.value != 0))' <<<"$delta")"
jq -e --argjson n "$ACTS" '
	.asconf_rx_ok == $n and .asconf_rx_dropped == 0 and
	([to_entries[] | select(.key != "asconf_rx_ok" and
				.key != "asconf_rx_dropped") | .value] | add) == 0' \
	<<<"$delta" >/dev/null || rc=1
((n_ev == ACTS && n_ok == ACTS)) || rc=1
tap_result $rc "the hook in enforce mode passed usrsctp's $ACTS ASCONFs (asconf_rx_ok +$ACTS, nothing dropped)"

# (f) The stream over B, then the END exchange: every message came back
# whole, the association alive to the end (usrsctp saw the server's
# graceful shutdown).
sleep 1
rc=0
wait_for "$WAIT" view_is "*$B " || {
	tap_diag "the association is not up with B alone: $(peer_view "$PORT")"
	rc=1
}
stream_end mn
stream_reap mn 30 || rc=1
stream_clean mn || {
	tap_diag "the stream did not arrive whole: $(cat "$LIB_TMP/mn.json")"
	rc=1
}
wait_for 10 bash -c "! kill -0 $USR_PID"
if ! wait "$USR_PID" || ! grep -q "^usrsctp_peer: peer shut down\$" "$USR_ERR"; then
	tap_diag "usrsctp_peer did not see a graceful end"
	rc=1
fi
t0=$(stream_field mn t0_unix_us)
[[ $t0 =~ ^[0-9]+$ ]] || t0=$PULL_US
tap_diag "max gap $(stream_field mn max_gap_ms) ms at $(stream_field mn max_gap_at_ms) ms (A's cable pulled at $(((PULL_US - t0) / 1000)) ms), $(stream_field mn received) of $(stream_field mn sent) messages echoed"
tap_diag "usrsctp_peer: $(tr '\n' ';' <"$USR_ERR")"
tap_result $rc "stream echoed whole both ways, association alive"

tap_exit
