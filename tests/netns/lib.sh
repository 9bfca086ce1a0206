#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# lib.sh - the one helper every netns test sources (runs in the test VM).
#
# Topology made by topo_two_paths (each box is a network namespace):
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mobile node            |            |  correspondent node     |
#     |  mn-a 10.0.1.1/24       |== path A ==|  cn-a 10.0.1.2/24       |
#     |       fd00:1::1/64      |            |       fd00:1::2/64      |
#     |  mn-b 10.0.2.1/24  (*)  |== path B ==|  cn-b 10.0.2.2/24       |
#     |       fd00:2::1/64 (*)  |            |       fd00:2::2/64      |
#     +-------------------------+            +-------------------------+
#   (*) only with "topo_two_paths both"; roam tests add them with mn_addr_b.
#
# Provides: TAP 13 output (tap_plan, tap_ok, tap_fail, tap_skip, tap_notrun,
# tap_result, tap_diag), the two ways to give up (skip_all: the machine
# lacks something; setup_fail: it has everything and setting up failed),
# the kselftest exit codes, unique namespace names, address and
# link helpers ("cable pulled" = carrier off with the address kept), a
# bounded poll (wait_for), the checksummed stream (stream_server,
# stream_client, stream_wait, stream_field), sctpaddr's event monitor
# (monitor) and an idempotent cleanup that
# only kills what it started.

set -u

ksft_pass=0
ksft_fail=1
ksft_skip=4

LIB_TAG=$$-$RANDOM
MN=mn-$LIB_TAG
CN=cn-$LIB_TAG
LIB_TMP=$(mktemp -d /tmp/netns-test.XXXXXX)
LIB_PIDS=()
LIB_NS=()
TAP_N=0
TAP_FAILED=0

# ---- TAP 13 ---------------------------------------------------------------

TAP_PLAN=""
tap_plan()
{
	TAP_PLAN=$1
	echo "TAP version 13"
	echo "1..$1"
}

tap_ok()
{
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $*"
}

tap_fail()
{
	TAP_N=$((TAP_N + 1))
	TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $*"
}

# tap_skip NAME REASON: a case that cannot run because the machine lacks
# a capability (a tool, a kernel feature); REASON says which. Never for a
# setup step that failed: that is tap_notrun.
tap_skip()
{
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1 # SKIP $2"
}

# tap_notrun NAME REASON: a case that could not run because something it
# needs failed to set up (no association, no id, a monitor that did not
# start). It counts as a failure: the suite must not look greener than it
# is.
tap_notrun()
{
	tap_diag "$1: not run: $2"
	tap_fail "$1"
}

# tap_result RC NAME: ok when RC is 0.
tap_result()
{
	local rc=$1

	shift
	if [[ $rc -eq 0 ]]; then
		tap_ok "$@"
	else
		tap_fail "$@"
	fi
}

# check NAME CMD...: one case from a command's status. On failure the
# script's check_diag function, if it defines one, prints what helps.
check()
{
	local name=$1

	shift
	if "$@"; then
		tap_ok "$name"
	else
		declare -F check_diag >/dev/null && check_diag
		tap_fail "$name"
	fi
}

tap_diag()
{
	local line

	while IFS= read -r line; do
		echo "# $line"
	done <<<"$*"
}

# Exit with the kselftest code matching what was reported.
tap_exit()
{
	if ((TAP_FAILED)); then
		exit $ksft_fail
	fi
	exit $ksft_pass
}

# skip_all REASON: the machine lacks a capability the rest of the script
# needs (a third-party tool, a kernel module or feature the kernel does
# not have): say which, exit 4. Before the plan the whole script is
# skipped; after it, every case not yet run is. For anything that exists
# but failed to set up, use setup_fail.
skip_all()
{
	if [[ -z $TAP_PLAN ]]; then
		echo "TAP version 13"
		echo "1..0 # SKIP $*"
	else
		while ((TAP_N < TAP_PLAN)); do
			tap_skip "case $((TAP_N + 1))" "$*"
		done
	fi
	exit $ksft_skip
}

# setup_fail REASON: the rest of the script cannot run because setting it
# up failed (sctp_dar does not load, a topology, association, monitor or
# parameter is missing): a failure, never a skip. Before the plan one
# failing case "setup" is reported; after it, every case not yet run
# fails.
setup_fail()
{
	if [[ -z $TAP_PLAN ]]; then
		tap_plan 1
		tap_notrun "setup" "$*"
	else
		tap_diag "setup failed: $*"
		while ((TAP_N < TAP_PLAN)); do
			tap_notrun "case $((TAP_N + 1))" "setup failed: $*"
		done
	fi
	exit $ksft_fail
}

# ---- cleanup ----------------------------------------------------------------

LIB_SAVED_PORTS=""
LIB_PORTS_SAVED=0

# manage_ports VALUE: set sctp_dar's manage_ports parameter (it seeds the
# namespaces created afterwards); cleanup puts back what it was.
manage_ports()
{
	local p=/sys/module/sctp_dar/parameters/manage_ports

	if ((!LIB_PORTS_SAVED)); then
		LIB_SAVED_PORTS=$(cat "$p") || return 1
		LIB_PORTS_SAVED=1
	fi
	echo "$1" >"$p"
}

cleanup()
{
	local pid ns

	if ((LIB_PORTS_SAVED)); then
		echo "$LIB_SAVED_PORTS" 2>/dev/null >/sys/module/sctp_dar/parameters/manage_ports
		LIB_PORTS_SAVED=0
	fi
	for pid in "${LIB_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	for pid in "${LIB_PIDS[@]}"; do
		wait "$pid" 2>/dev/null
	done
	LIB_PIDS=()
	for ns in "${LIB_NS[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	LIB_NS=()
	rm -rf "$LIB_TMP"
}
trap cleanup EXIT

# ---- modules and namespaces -------------------------------------------------

# kernel_has_module NAME: the running kernel has NAME, built in or as a
# module it ships (modules.builtin / modules.dep).
kernel_has_module()
{
	local d m=${1//-/_}

	[[ -d /sys/module/$m ]] && return 0
	d=/lib/modules/$(uname -r)
	cat "$d/modules.builtin" "$d/modules.dep" 2>/dev/null |
		sed 's/:.*//; s#.*/##; s/\.ko.*//; s/-/_/g' | grep -qx "$m"
}

# require_module NAME: load a kernel module. A kernel that does not have it
# is a missing capability (skip the script); one that has it but fails to
# load it is a setup failure.
require_module()
{
	modprobe "$1" 2>/dev/null && return 0
	kernel_has_module "$1" || skip_all "the kernel has no module $1"
	setup_fail "modprobe $1 failed"
}

# require_sctp_dar: load sctp_dar, the module under test; failing to is a
# failure, whatever the reason.
require_sctp_dar()
{
	modprobe sctp_dar || setup_fail "modprobe sctp_dar failed"
}

# require_tool CMD...: a third-party program the script needs (jq, tc,
# tcpdump, iperf3): absent, the script is skipped, saying which.
require_tool()
{
	local t

	for t in "$@"; do
		command -v "$t" >/dev/null || skip_all "$t is not installed"
	done
}

# require_own_tool CMD...: one of our own programs (tests/tools, sctpaddr),
# which the harness builds into every VM image: absent is a failure.
require_own_tool()
{
	local t

	for t in "$@"; do
		command -v "$t" >/dev/null || setup_fail "$t is not in the VM image (not built?)"
	done
}

# ns_add NAME: a namespace with lo up, registered for cleanup.
ns_add()
{
	ip netns add "$1" || return 1
	LIB_NS+=("$1")
	ip -n "$1" link set lo up
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.accept_dad=0
	ip netns exec "$1" sysctl -qw net.ipv6.conf.default.accept_dad=0
}

# sctp_sysctl NS NAME VALUE: set net.sctp.NAME in NS.
sctp_sysctl()
{
	ip netns exec "$1" sysctl -qw "net.sctp.$2=$3"
}

# asconf_enable NS...: ADD-IP and SCTP-AUTH on in each NS, as RFC 5061
# roams need on both ends (set before the associations are).
asconf_enable()
{
	local ns

	for ns in "$@"; do
		sctp_sysctl "$ns" addip_enable 1
		sctp_sysctl "$ns" auth_enable 1
	done
}

# topo_two_paths [both]: build the diagram above. SCTP's address tick
# (500 ms) is let pass after lo comes up, so that 127.0.0.1 is not
# announced to the first association (PLATFORM.md).
topo_two_paths()
{
	local p

	require_module sctp
	require_module veth
	ns_add "$MN" && ns_add "$CN" || return 1
	for p in a b; do
		ip link add "mn-$p" netns "$MN" type veth peer name "cn-$p" netns "$CN" || return 1
		ip -n "$MN" link set "mn-$p" up
		ip -n "$CN" link set "cn-$p" up
	done
	ip -n "$MN" addr add 10.0.1.1/24 dev mn-a
	ip -n "$MN" addr add fd00:1::1/64 dev mn-a nodad
	ip -n "$CN" addr add 10.0.1.2/24 dev cn-a
	ip -n "$CN" addr add fd00:1::2/64 dev cn-a nodad
	ip -n "$CN" addr add 10.0.2.2/24 dev cn-b
	ip -n "$CN" addr add fd00:2::2/64 dev cn-b nodad
	# carrier() pulls the mobile node's cable by downing the
	# correspondent's end: its IPv6 addresses must survive that, as a
	# real correspondent's would (IPv4 ones stay anyway).
	for p in a b; do
		ip netns exec "$CN" sysctl -qw "net.ipv6.conf.cn-$p.keep_addr_on_down=1"
	done
	[[ ${1:-} == both ]] && mn_addr_b
	sleep 0.7
}

# topo_routed_links: the routed topology of shared TESTING.md #1 (drawn in
# roam_bbm.sh): $MN with access links mn-a and mn-b to router $RT (which
# drops packets with a foreign source address: strict rp_filter), $CN
# behind it with $CN_ADDR on cn-c. The mobile node's links are up without
# addresses or routes: the caller configures them as a DHCP client would.
# Needs RT and CN_ADDR set.
topo_routed_links()
{
	local dev

	ns_add "$MN" && ns_add "$RT" && ns_add "$CN" || return 1
	ip link add mn-a netns "$MN" type veth peer name r-a netns "$RT" &&
	ip link add mn-b netns "$MN" type veth peer name r-b netns "$RT" &&
	ip link add cn-c netns "$CN" type veth peer name r-c netns "$RT" || return 1
	ip -n "$RT" addr add 10.0.1.254/24 dev r-a
	ip -n "$RT" addr add 10.0.2.254/24 dev r-b
	ip -n "$RT" addr add 10.9.0.254/24 dev r-c
	ip netns exec "$RT" sysctl -qw net.ipv4.ip_forward=1
	ip netns exec "$RT" sysctl -qw net.ipv4.conf.all.rp_filter=1
	for dev in r-a r-b r-c; do
		ip netns exec "$RT" sysctl -qw "net.ipv4.conf.$dev.rp_filter=1"
		ip -n "$RT" link set "$dev" up
	done
	ip -n "$CN" addr add "$CN_ADDR/24" dev cn-c
	ip -n "$CN" link set cn-c up
	ip -n "$CN" route add default via 10.9.0.254
	ip -n "$MN" link set mn-a up
	ip -n "$MN" link set mn-b up
}

# The routed topology's access links, as a DHCP client manages them ($A,
# $B: the mobile node's addresses; B's default route has metric
# ${MN_B_METRIC:-200}, A's 100). A script may define its own after sourcing.
mn_a_up()
{
	ip -n "$MN" addr replace "$A/24" dev mn-a
	ip -n "$MN" route replace default via 10.0.1.254 dev mn-a metric 100
}

mn_b_up()
{
	ip -n "$MN" addr replace "$B/24" dev mn-b
	ip -n "$MN" route replace default via 10.0.2.254 dev mn-b \
		metric "${MN_B_METRIC:-200}"
}

mn_b_down()
{
	ip -n "$MN" route del default via 10.0.2.254 2>/dev/null
	ip -n "$MN" addr del "$B/24" dev mn-b 2>/dev/null
}

# A's cable pulled: no carrier, the address stays, the route goes.
mn_a_cable_pulled()
{
	ip -n "$RT" link set r-a down
	ip -n "$MN" route del default via 10.0.1.254 2>/dev/null
}

mn_a_cable_plugged()
{
	ip -n "$RT" link set r-a up
	mn_a_up
}

# mn_addr_b: give the mobile node its path-B addresses.
mn_addr_b()
{
	ip -n "$MN" addr add 10.0.2.1/24 dev mn-b
	ip -n "$MN" addr add fd00:2::1/64 dev mn-b nodad
}

# carrier NS DEV on|off: pull or plug the cable of DEV (the peer end of the
# veth goes down), leaving DEV's own addresses configured.
carrier()
{
	local ns=$CN peer=${2/mn-/cn-} state=down

	if [[ $1 == "$CN" ]]; then
		ns=$MN
		peer=${2/cn-/mn-}
	fi
	[[ $3 == on ]] && state=up
	ip -n "$ns" link set "$peer" "$state"
}

# ---- the debug kernel -----------------------------------------------------------

# The debug kernel (KASAN, lockdep, kmemleak, UBSAN) runs several times
# slower than the stock ones, and what it is for is running every code
# path under its checkers, not the sizes, durations and repeats that the
# stock kernels already run. A script shrinks those there with these
# helpers, uniformly, and says so in its output (debug_note); it never
# drops a case there in silence.
#
# DEBUG_SCALE: the percentage of a size kept on the debug kernel (default
# 25). SCTP_DAR_VM_ENV="DEBUG_SCALE=100" (tests/vm/run.sh) runs the full
# sizes there.
DEBUG_SCALE=${DEBUG_SCALE:-25}

# on_debug: this is the debug kernel. tests/vm/run.sh says which kernel
# it booted (SCTP_DAR_KERNEL); elsewhere, a kernel with lock debugging is
# taken for it.
on_debug()
{
	if [[ -n ${SCTP_DAR_KERNEL:-} ]]; then
		[[ $SCTP_DAR_KERNEL == debug ]]
	else
		[[ -e /proc/lockdep ]]
	fi
}

# debug_size N [MIN]: N; on the debug kernel N * DEBUG_SCALE / 100, but at
# least MIN (default 1).
debug_size()
{
	local n=$1 min=${2:-1}

	if on_debug; then
		n=$((n * DEBUG_SCALE / 100))
		((n < min)) && n=$min
	fi
	echo "$n"
}

# debug_note TEXT: on the debug kernel, a TAP diagnostic saying what runs
# reduced there ("debug kernel: TEXT (DEBUG_SCALE=N%)").
debug_note()
{
	on_debug && tap_diag "debug kernel: $* (DEBUG_SCALE=$DEBUG_SCALE%)"
	return 0
}

# ---- polling ------------------------------------------------------------------

# wait_for SECONDS CMD...: run CMD every 50 ms until it succeeds; fail after
# SECONDS. Never a bare sleep where a condition can be observed.
wait_for()
{
	local deadline=$((SECONDS + $1))

	shift
	until "$@" >/dev/null 2>&1; do
		((SECONDS < deadline)) || return 1
		sleep 0.05
	done
}

# ---- the checksummed stream -------------------------------------------------

# stream_server NAME NS PORT [ARGS...]: start a passive sctp_stream in NS;
# its JSON goes to $LIB_TMP/NAME.json, stderr to NAME.err; PID in
# STREAM_PID[NAME]. It must listen within STREAM_LISTEN_WAIT seconds
# (default 5, 20 on the debug kernel); stream_client's association must be
# up within STREAM_ASSOC_WAIT (default 10, 30 on the debug kernel). These
# are bounds, not delays: KASAN and lockdep under emulation on a busy host
# can take seconds to start a process.
declare -A STREAM_PID=()
if [[ -e /proc/lockdep ]]; then
	: "${STREAM_LISTEN_WAIT:=20}" "${STREAM_ASSOC_WAIT:=30}"
fi
stream_server()
{
	local name=$1 ns=$2 port=$3

	shift 3
	ip netns exec "$ns" sctp_stream -q -l -p "$port" -r "$LIB_TMP/$name.ready" "$@" \
		>"$LIB_TMP/$name.json" 2>"$LIB_TMP/$name.err" &
	STREAM_PID[$name]=$!
	LIB_PIDS+=($!)
	# A listener is ready once its port shows in /proc/net/sctp/eps
	# (LPORT, the 6th column, is decimal).
	if ! wait_for "${STREAM_LISTEN_WAIT:-5}" ip netns exec "$ns" awk -v p="$port" \
			'$6 == p { found = 1 } END { exit !found }' /proc/net/sctp/eps; then
		tap_diag "$name: not listening on $port: $(cat "$LIB_TMP/$name.err" 2>/dev/null)"
		return 1
	fi
}

# stream_client NAME NS PEER PORT [ARGS...]: start the active side; waits
# until the association is up (ready file) or fails.
stream_client()
{
	local name=$1 ns=$2 peer=$3 port=$4

	shift 4
	ip netns exec "$ns" sctp_stream -q -c "$peer" -p "$port" -r "$LIB_TMP/$name.ready" "$@" \
		>"$LIB_TMP/$name.json" 2>"$LIB_TMP/$name.err" &
	STREAM_PID[$name]=$!
	LIB_PIDS+=($!)
	if ! wait_for "${STREAM_ASSOC_WAIT:-10}" test -e "$LIB_TMP/$name.ready"; then
		tap_diag "$name: no association to $peer:$port: $(cat "$LIB_TMP/$name.err" 2>/dev/null)"
		return 1
	fi
}

# stream_reap NAME SECS: wait for NAME to finish, SIGKILL it after SECS
# (a stuck stream must not hang the VM), then report like stream_wait.
stream_reap()
{
	local pid=${STREAM_PID[$1]}

	if ! wait_for "$2" bash -c "! kill -0 $pid"; then
		tap_diag "$1: still running after $2 s, killed"
		kill -9 "$pid" 2>/dev/null
	fi
	stream_wait "$1"
}

# stream_wait NAME: wait for it to finish; returns its exit status.
stream_wait()
{
	local rc

	wait "${STREAM_PID[$1]}"
	rc=$?
	if ((rc)); then
		tap_diag "$1: exit $rc: $(cat "$LIB_TMP/$1.json" "$LIB_TMP/$1.err" 2>/dev/null)"
	fi
	return $rc
}

# stream_end NAME...: end the sending phase of these streams now (SIGINT;
# each then sends END and waits for its peer's). Streams that must outlast
# a roam however slow the machine send with a long -d and are ended so.
stream_end()
{
	local n

	for n in "$@"; do
		kill -INT "${STREAM_PID[$n]}" 2>/dev/null
	done
}

# stream_field NAME KEY: one field of NAME's JSON result.
stream_field()
{
	jq -r ".$2" "$LIB_TMP/$1.json" 2>/dev/null
}

# stream_clean NAME: the stream arrived whole (no loss, duplication,
# reordering or corruption; END seen; association alive).
stream_clean()
{
	jq -e '.lost == 0 and .duplicated == 0 and .corrupted == 0 and
	       .out_of_order == 0 and .end_received and (.assoc_lost | not)' \
		"$LIB_TMP/$1.json" >/dev/null 2>&1
}

# monitor NS FILE: sctpaddr -j monitor in NS, until cleanup; returns once
# it waits for events (its main thread sleeps in ppoll, syscall 271).
monitor()
{
	local pid

	ip netns exec "$1" sctpaddr -j monitor >"$2" 2>&1 &
	pid=$!
	LIB_PIDS+=("$pid")
	wait_for 5 grep -q '^271 ' "/proc/$pid/syscall"
}

# ---- the peer's view ----------------------------------------------------------

# assoc_raddrs NS LPORT: the remote addresses of NS's association(s) on local
# port LPORT, as NS's kernel knows them (/proc/net/sctp/assocs), one per
# line; the one NS sends to (its primary path) is prefixed with '*'.
assoc_raddrs()
{
	ip netns exec "$1" awk -v p="$2" '
		NR > 1 && $12 == p {
			sub(/.*<-> /, ""); sub(/\t.*/, "")
			for (i = 1; i <= NF; i++) print $i
		}' /proc/net/sctp/assocs
}

# assoc_primary NS LPORT: the address NS's association on LPORT sends to.
assoc_primary()
{
	assoc_raddrs "$1" "$2" | sed -n 's/^\*//p' | head -n 1
}

# assoc_has_raddr NS LPORT ADDR: NS's association knows ADDR as a peer address.
assoc_has_raddr()
{
	assoc_raddrs "$1" "$2" | sed 's/^\*//' | grep -qx "$3"
}

# The correspondent's view of the mobile node, for its association on PORT
# (IPv6 addresses in /proc's uncompressed form).
peer_has() { assoc_has_raddr "$CN" "$1" "$2"; }
peer_lacks() { ! assoc_has_raddr "$CN" "$1" "$2"; }
peer_primary_is() { [[ $(assoc_primary "$CN" "$1") == "$2" ]]; }
peer_view() { assoc_raddrs "$CN" "$1" | tr '\n' ' '; }

# ---- a stock correspondent ------------------------------------------------------

# sctp_dar is loaded once per kernel, so a correspondent namespace cannot be
# without it; it can be left alone. peer_stock makes sctp_dar ignore NS:
# automatic reconfiguration paused (no pass looks at a socket, no address
# event is acted on) and no socket managed (manage-wildcard off,
# manage-ports none). What remains is the wire hook, which in NS only
# observes: it counts and reports the ASCONFs NS receives and sends, and
# would drop or rewrite a packet only with the global parameters
# verify_enforce (drop ASCONFs failing a check) or init_set_primary (add a
# parameter to outgoing INIT/INIT-ACK) on, so both must be off. NS then
# behaves as stock Linux; peer_untouched checks afterwards that sctp_dar
# changed nothing there.

# peer_stock [NS]: NS (default $CN) behaves as a stock Linux peer.
peer_stock()
{
	local ns=${1:-$CN} p=/sys/module/sctp_dar/parameters v

	for v in verify_enforce init_set_primary; do
		[[ $(cat "$p/$v" 2>/dev/null) == N ]] || {
			tap_diag "peer_stock: sctp_dar parameter $v is not N"
			return 1
		}
	done
	sctpaddr -n "$ns" policy set paused on manage-wildcard off manage-ports none
}

# peer_dar [NS]: sctp_dar manages NS (default $CN) again, every socket.
peer_dar()
{
	sctpaddr -n "${1:-$CN}" policy set paused off manage-wildcard on manage-ports all
}

# peer_untouched [NS]: sctp_dar changed nothing in NS (default $CN): no
# address added or removed, no primary changed, no ASCONF dropped, no INIT
# rewritten. On failure its counters go to the TAP diagnostics.
peer_untouched()
{
	local stats

	stats=$(sctpaddr -n "${1:-$CN}" -j stats) || return 1
	if ! jq -e '.addrs_added == 0 and .addrs_removed == 0 and
		    .primary_changes == 0 and .asconf_rx_dropped == 0 and
		    .init_primary_added == 0' <<<"$stats" >/dev/null; then
		tap_diag "sctp_dar acted in the stock peer: $stats"
		return 1
	fi
}

# tap_no_userns NAME: case NAME needs an unprivileged user namespace and
# `unshare -U` failed. A kernel without user namespaces lacks a capability
# (skip); one that has them failed to set the case up (failure).
tap_no_userns()
{
	if [[ -e /proc/self/ns/user ]]; then
		tap_notrun "$1" "unshare -U failed although the kernel has user namespaces"
	else
		tap_skip "$1" "the kernel has no user namespaces (CONFIG_USER_NS)"
	fi
}
