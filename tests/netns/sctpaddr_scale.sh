#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: stock-6.1 [debug]
#
# sctpaddr_scale.sh - an association dump scales: 10,000 associations
# (SCTPADDR_SCALE_N; 1,000 on the debug kernel) dump completely, each
# exactly once, across netlink message boundaries, on both ends: $MN holds
# one one-to-one socket per association, $CN one one-to-many socket for all
# of them.
#
#   $MN mn-a 10.0.1.1 ===== path A ===== cn-a 10.0.1.2 $CN (port 6000)
. "$(dirname "$0")/lib.sh"

# Under KASAN and lockdep in TCG, 10,000 handshakes (and their teardown,
# thousands of SCTP timers in softirq) take longer than any sane timeout:
# the debug kernel dumps 1,000.
N=10000
[[ $(uname -r) == *debug* ]] && N=1000
N=${SCTPADDR_SCALE_N:-$N}

tap_plan 8
require_own_tool sctpaddr nlraw sctp_many
require_tool jq
topo_two_paths
require_sctp_dar

ip netns exec "$CN" sctp_many -l 10.0.1.2 -p 6000 -r "$LIB_TMP/srv.ready" \
	2>"$LIB_TMP/srv.err" &
LIB_PIDS+=($!)
wait_for 5 test -e "$LIB_TMP/srv.ready" || setup_fail "listener did not start"
t0=$SECONDS
ip netns exec "$MN" sctp_many -c 10.0.1.2 -p 6000 -n "$N" -B 10.0.1.1 \
	-r "$LIB_TMP/cli.ready" 2>"$LIB_TMP/cli.err" &
CLI=$!
LIB_PIDS+=("$CLI")
wait_for 400 test -s "$LIB_TMP/cli.ready"
up=$(cat "$LIB_TMP/cli.ready" 2>/dev/null)
[[ $up == "$N" ]]
tap_result $? "$N associations up ($((SECONDS - t0)) s)"
[[ $up == "$N" ]] || setup_fail "only ${up:-0} associations: $(head -c 300 "$LIB_TMP/cli.err")"

# dump_all NS NAME: the JSON dump lists N associations, each once, and the
# tool reported no interrupted dump.
dump_all()
{
	local ns=$1 t=$SECONDS n u

	sctpaddr -n "$ns" -j assoc show >"$LIB_TMP/$2.json" 2>"$LIB_TMP/$2.err" || return 1
	n=$(jq 'length' "$LIB_TMP/$2.json")
	u=$(jq '[.[].id] | unique | length' "$LIB_TMP/$2.json")
	tap_diag "$2: $n associations, $u distinct ids, $((SECONDS - t)) s"
	[[ $n == "$N" && $u == "$N" && ! -s $LIB_TMP/$2.err ]]
}
dump_all "$MN" mn
tap_result $? "one-to-one side: JSON dump lists all $N, each once"
dump_all "$CN" cn
tap_result $? "one-to-many side: JSON dump lists all $N, each once"

# The kernel's own list agrees.
proc_ids=$(ip netns exec "$MN" awk 'NR > 1 { print $7 }' /proc/net/sctp/assocs | sort -n)
dump_ids=$(jq '.[].id' "$LIB_TMP/mn.json" | sort -n)
[[ -n $proc_ids && $proc_ids == "$dump_ids" ]]
tap_result $? "the ids are those of /proc/net/sctp/assocs"

# Raw: many multi-part messages, none flagged as interrupted.
out=$(nlraw -n "$MN" -D assoc-get)
[[ $out == "ok replies=$N intr=0" ]]
tap_result $? "raw dump: $N messages, not interrupted ($out)"

n=$(sctpaddr -n "$MN" assoc show | grep -c '^assoc ')
[[ $n == "$N" ]]
tap_result $? "text dump: $N association lines"

# Associations torn down while a dump runs: the dump still completes
# (flagged as interrupted or not, with no kernel splat).
nlraw -n "$MN" -D assoc-get >"$LIB_TMP/churn.out" 2>&1 &
dump=$!
kill -INT "$CLI"
wait "$dump"
rc=$?
tap_diag "dump during teardown: $(cat "$LIB_TMP/churn.out")"
((rc == 0))
tap_result $? "a dump during teardown completes"

# sctpaddr itself while associations come up: every dump ends with a
# complete JSON array and status 0; an interrupted one adds exactly the
# warning on stderr (libmnl alone would stop it with "Interrupted system
# call" after part of the list). Dumps repeat until one was interrupted
# or the associations are all up.
M=$((N / 5))
ip netns exec "$MN" sctp_many -c 10.0.1.2 -p 6000 -n "$M" -B 10.0.1.1 \
	-r "$LIB_TMP/cli2.ready" 2>"$LIB_TMP/cli2.err" &
LIB_PIDS+=($!)
WARN="Warning: the associations changed during the dump; it may be inconsistent."
runs=0 warned=0 bad=0
while ((runs < 500)) && ! [[ -s $LIB_TMP/cli2.ready ]] && ((warned == 0)); do
	runs=$((runs + 1))
	if ! sctpaddr -n "$MN" -j assoc show >"$LIB_TMP/d.json" 2>"$LIB_TMP/d.err" ||
	   ! jq -e 'type == "array" and length > 0' "$LIB_TMP/d.json" >/dev/null 2>&1; then
		bad=$((bad + 1))
		tap_diag "dump $runs: $(head -c 200 "$LIB_TMP/d.err")"
	elif [[ -s $LIB_TMP/d.err ]]; then
		if [[ $(cat "$LIB_TMP/d.err") == "$WARN" ]]; then
			warned=$((warned + 1))
		else
			bad=$((bad + 1))
			tap_diag "dump $runs: $(head -c 200 "$LIB_TMP/d.err")"
		fi
	fi
done
tap_diag "$runs dumps while $M associations came up: $warned interrupted (warned), $bad failed"
((bad == 0 && warned > 0))
tap_result $? "sctpaddr: an interrupted dump is completed, with a warning, status 0"

tap_exit
