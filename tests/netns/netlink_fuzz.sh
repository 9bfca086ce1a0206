#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# netlink_fuzz.sh - random and mutated requests to the sctp_dar family
# (tests/tools/nl_fuzz.c), as root and as an unprivileged user, while live
# associations give the ids, ports and addresses real objects to hit:
# every request answered with an errno or a reply that parses, never
# silence; admin commands refused to the unprivileged user; afterwards the
# associations still up, sctp_dar unloads with refcount 0, nothing leaked,
# no kernel splat.
#
#     +---------- $MN ----------+            +---------- $CN ----------+
#     |  mn-a 10.0.1.1          |== path A ==|  cn-a 10.0.1.2          |
#     |  mn-b 10.0.2.1          |== path B ==|  cn-b 10.0.2.2          |
#     |  nl_fuzz (root, nobody) |            |  sctp_many -l :6100     |
#     |  sctp_many -c x10 bound |            |                         |
#     |  sctp_many -c x5 wildc. |            |                         |
#     +-------------------------+            +-------------------------+
#
# Size: NL_FUZZ_N messages per user (default 3,000, debug kernel 500;
# STRESS_FULL=1, i.e. make stress: 100,000, debug kernel 50,000: 100,000 in
# all there); seeds NL_FUZZ_SEED (root) and
# NL_FUZZ_SEED+1 (unprivileged), default 1: a failure names its message
# index, and the same seed replays the same sequence.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/../stress/common.sh"

# KASAN and lockdep under TCG answer ~40 messages/s on a loaded host (a
# stock kernel ~700): the debug kernel sends fewer.
N=3000
stress_full && N=100000
if stress_debug; then
	N=500
	stress_full && N=50000
fi
N=${NL_FUZZ_N:-$N}
SEED=${NL_FUZZ_SEED:-1}

tap_plan 8
require_own_tool nl_fuzz sctp_many sctpaddr
require_sctp_dar
# Managed specifically-bound sockets too, so that address commands and
# policy changes reach associations sctp_dar acts on.
manage_ports all
topo_two_paths both || setup_fail "cannot build the topology"
asconf_enable "$MN" "$CN"

# 1. Live associations: 10 bound to 10.0.1.1, 5 wildcard.
ip netns exec "$CN" sctp_many -l 10.0.1.2 -p 6100 -r "$LIB_TMP/srv.ready" \
	2>"$LIB_TMP/srv.err" &
LIB_PIDS+=($!)
wait_for 10 test -e "$LIB_TMP/srv.ready"
ip netns exec "$MN" sctp_many -c 10.0.1.2 -p 6100 -n 10 -B 10.0.1.1 \
	-r "$LIB_TMP/bound.ready" 2>"$LIB_TMP/bound.err" &
LIB_PIDS+=($!)
ip netns exec "$MN" sctp_many -c 10.0.1.2 -p 6100 -n 5 \
	-r "$LIB_TMP/wild.ready" 2>"$LIB_TMP/wild.err" &
LIB_PIDS+=($!)
wait_for 60 test -s "$LIB_TMP/bound.ready" -a -s "$LIB_TMP/wild.ready"
UP_MN=$(assocs_established "$MN")
UP_CN=$(assocs_established "$CN")
[[ $UP_MN == 15 && $UP_CN == 15 ]]
tap_result $? "15 live associations (ESTABLISHED: $UP_MN here, $UP_CN on the peer)"

# fuzz NAME ARGS...: run nl_fuzz in $MN; its summary and histogram go to
# the TAP diagnostics.
fuzz()
{
	local name=$1 rc

	shift
	ip netns exec "$MN" nl_fuzz -n "$N" "$@" >"$LIB_TMP/$name.out" 2>"$LIB_TMP/$name.err"
	rc=$?
	tap_diag "$name: $(cat "$LIB_TMP/$name.out")"
	[[ -s $LIB_TMP/$name.err ]] && tap_diag "$(head -n 30 "$LIB_TMP/$name.err")"
	return $rc
}

# sent NAME: how many messages NAME sent.
sent() { sed -n 's/.* sent=\([0-9]*\) .*/\1/p' "$LIB_TMP/$1.out"; }

# 2. As root.
fuzz root -s "$SEED"
tap_result $? "root: $(sent root) messages, each answered by an errno or a reply that parses"

# 3. As nobody: the same, and no admin command ever succeeds (nl_fuzz
# fails on that); EPERM must show in the histogram.
fuzz nobody -s "$((SEED + 1))" -u 65534
rc=$?
grep -q '^errno EPERM ' "$LIB_TMP/nobody.out" || rc=1
tap_result $rc "unprivileged: $(sent nobody) messages answered, admin commands refused (EPERM)"

# 4. The associations survived whatever the fuzzer changed.
now_mn=$(assocs_established "$MN")
now_cn=$(assocs_established "$CN")
[[ $now_mn == "$UP_MN" && $now_cn == "$UP_CN" ]]
tap_result $? "associations still ESTABLISHED ($now_mn of $UP_MN here, $now_cn of $UP_CN on the peer)"

# 5. The family still serves a plain client.
sctpaddr -n "$MN" -j policy show >/dev/null && sctpaddr -n "$MN" -j assoc show >/dev/null
tap_result $? "sctpaddr policy show and assoc show still work"

# 6-8. Unload with the associations still up, then leaks and splats.
stress_unloads
stress_no_leak
stress_no_splat
tap_exit
