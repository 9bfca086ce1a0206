#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# roam_one2many.sh - one-to-many sockets (SOCK_SEQPACKET) roam like
# one-to-one ones: the mobile node's application holds ONE one-to-many
# socket with three associations on it (sctp_stream -m -N 3: to ports P,
# P+1 and P+2 of the correspondent, a checksummed stream on each), and
# every one of them must learn B, lose A and carry its stream through.
#
# Make-before-break in the two-path topology (lib.sh topo_two_paths),
# the socket bound to A, then wildcard-bound:
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1    (new) |== path B ==|  cn-b 10.0.2.2          |
#     |  1 socket, 3 assocs     |            |  3 servers, P..P+2      |
#     +-------------------------+            +-------------------------+
#
# Break-before-make in roam_bbm.sh's routed topology (a router that drops
# foreign source addresses, one correspondent address 10.9.0.1): A's
# cable is pulled and B appears at once, bound and wildcard.
#
# The correspondent runs as stock Linux (lib.sh peer_stock); its three
# servers are one-to-one sockets. Each case checks, on the correspondent, that each of the
# three associations ends up knowing only B, as its primary, and that
# every stream crossed intact both ways (sctp_stream's counters are the
# sum of the three; any association lost fails the case).
. "$(dirname "$0")/lib.sh"

RT=rt-$LIB_TAG
CN_ADDR=10.9.0.1
A=10.0.1.1
B=10.0.2.1
N=3
# The streams send until the checks are done (stream_end); DUR only
# bounds a stuck case.
DUR=120000
IVL=1000
WAIT=15
# The debug kernel (lockdep) runs two of the four roams (make check gives
# a script two minutes there) and is given longer to set up.
DEBUG=0
if [[ -e /proc/lockdep ]]; then
	DEBUG=1
	IVL=10000
	WAIT=40
	STREAM_LISTEN_WAIT=30
	STREAM_ASSOC_WAIT=60
fi

tap_plan $((DEBUG ? 6 : 10))

require_tool jq
require_sctp_dar
require_own_tool sctp_stream sctpaddr
# Parameters apply to namespaces created afterwards.
manage_ports all

state_diag()
{
	local ns

	for ns in "$MN" "$CN"; do
		tap_diag "${ns%%-*} assocs: $(ip netns exec "$ns" cat /proc/net/sctp/assocs | tail -n +2)"
	done
	tap_diag "$(dmesg | grep -E 'sctp_dar|sctp' | tail -n 20)"
}

# all_views PORT WANT: the correspondent's association on each of PORT ..
# PORT+N-1 sees exactly WANT ("*ADDR " or a prefix test, see below).
all_views_are()
{
	local p

	for ((p = $1; p < $1 + N; p++)); do
		[[ $(peer_view "$p") == "$2" ]] || return 1
	done
}

all_primaries_are()
{
	local p

	for ((p = $1; p < $1 + N; p++)); do
		peer_primary_is "$p" "$2" || return 1
	done
}

views()
{
	local p out=""

	for ((p = $1; p < $1 + N; p++)); do
		out+="$p: $(peer_view "$p")| "
	done
	echo "$out"
}

# start NAME PORT PEER "SERVER_ARGS" "CLIENT_ARGS": N servers on PORT..,
# one one-to-many client with N associations. Returns 1 with a diagnostic
# when they are not all up.
start()
{
	local name=$1 port=$2 peer=$3 i

	for ((i = 0; i < N; i++)); do
		# shellcheck disable=SC2086
		stream_server "$name-cn$i" "$CN" $((port + i)) -d "$DUR" -i "$IVL" $4 ||
			return 1
	done
	# shellcheck disable=SC2086
	stream_client "$name-mn" "$MN" "$peer" "$port" -m -N "$N" -d "$DUR" -i "$IVL" $5 ||
		return 1
	# One socket (INODE, the 11th column) holds all of them.
	[[ $(ip netns exec "$MN" awk -v p="$port" -v n="$N" \
		'NR > 1 && $13 >= p && $13 < p + n { print $11 }' \
		/proc/net/sctp/assocs | sort | uniq -c | awk '{ print $1 }') == "$N" ]] ||
		{ tap_diag "$name: not $N associations on one socket"; return 1; }
}

# finish NAME: end all streams, check them, report.
finish()
{
	local name=$1 rc=0 i before

	before=$(ip netns exec "$CN" cat /proc/net/sctp/assocs /proc/net/sctp/remaddr)
	stream_end "$name-mn"
	for ((i = 0; i < N; i++)); do
		stream_end "$name-cn$i"
	done
	stream_reap "$name-mn" 60 || rc=1
	stream_clean "$name-mn" || rc=1
	[[ $(stream_field "$name-mn" assocs) == "$N" ]] || rc=1
	for ((i = 0; i < N; i++)); do
		stream_reap "$name-cn$i" 10 || rc=1
		stream_clean "$name-cn$i" || rc=1
	done
	tap_diag "$name: client $(cat "$LIB_TMP/$name-mn.json")"
	if ((rc)); then
		tap_diag "$name: correspondent before the end: $before"
		for ((i = 0; i < N; i++)); do
			tap_diag "$name-cn$i: $(cat "$LIB_TMP/$name-cn$i.json")"
		done
	fi
	tap_result $rc "$name: all $N streams intact both ways, associations alive"
}

# ---- make-before-break ------------------------------------------------------

mbb()
{
	local name=$1 port=$2 rc=0

	if ! start "$name" "$port" 10.0.1.2 "-B 10.0.1.2 -B 10.0.2.2" "$3"; then
		tap_notrun "$name: every association: B primary, then B only" "no associations"
		tap_notrun "$name: all $N streams intact both ways, associations alive" "no associations"
		return
	fi
	sleep 0.5	# the streams run over A first

	mn_addr_b
	wait_for "$WAIT" all_primaries_are "$port" 10.0.2.1
	rc=$?
	if ((rc == 0)); then
		carrier "$MN" mn-a off
		wait_for "$WAIT" all_views_are "$port" "*10.0.2.1 "
		rc=$?
	fi
	tap_diag "$name: peer views: $(views "$port")"
	((rc)) && state_diag
	tap_result $rc "$name: every association: B primary, then B only"

	sleep 0.5
	finish "$name"

	carrier "$MN" mn-a on
	ip -n "$MN" addr flush dev mn-b scope global
	sleep 0.3
}

topo_two_paths || setup_fail "cannot build the two-path topology"
asconf_enable "$MN" "$CN"
peer_stock || setup_fail "cannot make the correspondent a stock peer"

mbb "mbb, bound" 6401 "-B 10.0.1.1"
((DEBUG)) || mbb "mbb, wildcard" 6411 ""
check "mbb: the stock correspondent: sctp_dar changed nothing there" peer_untouched

# ---- break-before-make ------------------------------------------------------

mn_a_up()
{
	ip -n "$MN" addr replace "$A/24" dev mn-a
	ip -n "$MN" route replace default via 10.0.1.254 dev mn-a metric 100
}

bbm()
{
	local name=$1 port=$2 rc=0

	if ! start "$name" "$port" "$CN_ADDR" "-B $CN_ADDR" "$3"; then
		tap_notrun "$name: every association knows only B, as primary" "no associations"
		tap_notrun "$name: all $N streams intact both ways, associations alive" "no associations"
		return
	fi
	sleep 0.5

	ip -n "$RT" link set r-a down
	ip -n "$MN" route del default via 10.0.1.254 2>/dev/null
	ip -n "$MN" addr replace "$B/24" dev mn-b
	ip -n "$MN" route replace default via 10.0.2.254 dev mn-b metric 200
	wait_for "$WAIT" all_views_are "$port" "*$B "
	rc=$?
	tap_diag "$name: peer views: $(views "$port")"
	((rc)) && state_diag
	tap_result $rc "$name: every association knows only B, as primary"

	sleep 0.5
	finish "$name"

	ip -n "$MN" addr del "$B/24" dev mn-b 2>/dev/null
	ip -n "$RT" link set r-a up
	mn_a_up
	sleep 0.3
}

# New namespaces for the routed topology.
cleanup
LIB_TMP=$(mktemp -d /tmp/netns-test.XXXXXX)
LIB_TAG=$$-$RANDOM-r
MN=mn-$LIB_TAG
CN=cn-$LIB_TAG
RT=rt-$LIB_TAG
manage_ports all
topo_routed_links || setup_fail "cannot build the routed topology"
mn_a_up
asconf_enable "$MN" "$CN"
sleep 0.7	# SCTP's 500 ms address tick (lo, PLATFORM.md)
peer_stock || setup_fail "cannot make the correspondent a stock peer"

((DEBUG)) || bbm "bbm, bound" 6421 "-B $A"
bbm "bbm, wildcard" 6431 ""
check "bbm: the stock correspondent: sctp_dar changed nothing there" peer_untouched
tap_exit
