#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# scale.sh - benchmark scenarios 4 and 6: one address event reconfiguring
# many associations, and the memory sctp_dar keeps per association.
#
#   $MN sctp_many -c: N one-to-one sockets, wildcard-bound, auto_asconf on
#       mn-a 10.0.1.1 ===== path A ===== cn-a 10.0.1.2  $CN sctp_many -l
#       mn-b 10.0.2.1 (the event)        (one one-to-many socket)
#
# 4. `ip addr add 10.0.2.1/24 dev mn-b` on the mobile node; measured: the
#    time until the correspondent's kernel lists 10.0.2.1 as a peer address
#    of every association (it applied, and acknowledged, the ASCONF ADD;
#    /proc/net/sctp/assocs polled every 250 ms), the VM's busy CPU time in
#    that window (/proc/stat: both ends, both CPUs, softirq included; the
#    poller's own share is recorded apart), and associations lost (either
#    end's count after the
#    event vs. N). Stock: the kernel's auto_asconf; sctp_dar: the same
#    sockets with the module loaded. Capped at 90 s.
# 6. After sctp_dar's run: the bytes in use in all slab caches
#    (/proc/slabinfo, active objects x object size) before and after
#    `rmmod sctp_dar`, divided by N: what sctp_dar holds per managed
#    association (its per-association and per-socket state, amortised fixed
#    state included). For scale, SCTP's own slab use per association (both
#    ends) is taken from the same counters around setting the associations
#    up.
#
# Sizes: 1,000 (min(N, 3) runs per variant) and 10,000 (one run per
# variant); QUICK: 100, one run.
. "$(dirname "$0")/lib.sh"

CAP=90
if ((BENCH_QUICK)); then
	SIZES=(100)
else
	SIZES=(1000 10000)
fi

tap_plan $((2 * ${#SIZES[@]}))
require_module sctp
require_module veth
command -v sctp_many >/dev/null || skip_all "sctp_many is not installed"
modprobe sctp_dar || skip_all "sctp_dar cannot be loaded"
rmmod sctp_dar

# learned PID: associations in PID's namespace whose peer addresses
# include 10.0.2.1. /proc/PID/net is that namespace's: cheaper than `ip
# netns exec` (a mount namespace and a sysfs mount per call), which
# matters when polling under TCG.
learned()
{
	# "*" marks the peer's primary, which sctp_dar moves to the new one
	grep -c '[ *]10\.0\.2\.1[[:space:]]' "/proc/$1/net/sctp/assocs"
}

# assocs PID: associations in PID's namespace.
assocs()
{
	awk 'NR > 1 { n++ } END { print n + 0 }' "/proc/$1/net/sctp/assocs"
}

# self_cpu: the main shell's and its waited-for children's CPU, jiffies.
self_cpu()
{
	awk '{ print $14 + $15 + $16 + $17 }' "/proc/$$/stat"
}

# run VARIANT N REP: one event over N associations.
run()
{
	local v=$1 n=$2 rep=$3 up s0 s1 j0 j1 p0 p1 t0 t1 k=0 done_ms=null
	local lost_cn lost_mn mem=null m0 m1 hz=100 srv cli

	fresh_tmp
	case $v in
	stock) dar_unload ;;
	sctp_dar) dar_load || return 1 ;;
	esac
	topo_two_paths || return 1
	sctp_both "$MN" "$CN"
	ip netns exec "$CN" sctp_many -l 10.0.1.2 -p 7000 -r "$LIB_TMP/srv.ready" \
		2>"$LIB_TMP/srv.err" &
	srv=$!
	LIB_PIDS+=($!)
	wait_for 5 test -e "$LIB_TMP/srv.ready" || return 1
	s0=$(slab_bytes)
	ip netns exec "$MN" sctp_many -c 10.0.1.2 -p 7000 -n "$n" -A \
		-r "$LIB_TMP/cli.ready" 2>"$LIB_TMP/cli.err" &
	cli=$!
	LIB_PIDS+=($!)
	wait_for 400 test -s "$LIB_TMP/cli.ready"
	up=$(cat "$LIB_TMP/cli.ready" 2>/dev/null)
	if [[ $up != "$n" ]]; then
		tap_diag "only ${up:-0}/$n associations: $(head -c 300 "$LIB_TMP/cli.err")"
		return 1
	fi
	# Let the handshakes' retransmissions and SACKs die down.
	sleep 2
	s1=$(slab_bytes)

	j0=$(cpu_jiffies)
	p0=$(self_cpu)
	t0=$(now_us)
	ip -n "$MN" addr add 10.0.2.1/24 dev mn-b
	while :; do
		k=$(learned "$srv")
		t1=$(now_us)
		((k >= n)) && break
		((t1 - t0 > CAP * 1000000)) && break
		sleep 0.25
	done
	j1=$(cpu_jiffies)
	p1=$(self_cpu)
	((k >= n)) && done_ms=$(((t1 - t0) / 1000))
	sleep 1
	lost_cn=$((n - $(assocs "$srv")))
	lost_mn=$((n - $(assocs "$cli")))

	if [[ $v == sctp_dar ]]; then
		m0=$(slab_bytes)
		rmmod sctp_dar
		sleep 0.5
		m1=$(slab_bytes)
		mem=$(((m0 - m1) / n))
	fi
	bench_record "$(jq -cn --arg v "$v" --argjson n "$n" --argjson rep "$rep" \
		--argjson acked "$done_ms" --argjson k "$k" \
		--argjson cpu $(((j1 - j0) * 1000 / hz)) \
		--argjson poll $(((p1 - p0) * 1000 / hz)) \
		--argjson lc "$lost_cn" --argjson lm "$lost_mn" \
		--argjson sctp $(((s1 - s0) / n)) --argjson mem "$mem" \
		'{scenario: "scale", variant: $v, assocs: $n, rep: $rep,
		  all_acked_ms: $acked, learned: $k, cpu_ms: $cpu, poller_cpu_ms: $poll,
		  lost_peer: $lc, lost_local: $lm, sctp_slab_bytes_per_assoc: $sctp,
		  dar_slab_bytes_per_assoc: $mem}')"
	# Whether every peer acknowledged within CAP is a timing, reported;
	# losing an association is a failure.
	((lost_cn == 0 && lost_mn == 0))
}

for n in "${SIZES[@]}"; do
	reps=1
	((n <= 1000 && BENCH_N > 1)) && reps=$((BENCH_N < 3 ? BENCH_N : 3))
	good=0 dar_good=0
	for ((rep = 1; rep <= reps; rep++)); do
		for v in stock sctp_dar; do
			if run "$v" "$n" "$rep"; then
				good=$((good + 1))
				[[ $v == sctp_dar ]] && dar_good=$((dar_good + 1))
			fi
		done
		# Tearing thousands of associations down takes the kernel a
		# while after the namespaces are gone: let it finish.
		fresh_tmp
		sleep $((n / 2000 + 1))
	done
	tap_ok "scale $n: measured ($good/$((2 * reps)) runs lost no association)"
	tap_result $((dar_good != reps)) "scale $n: sctp_dar lost no association"
done
fresh_tmp
dar_unload
tap_diag "$(basename "$0"): $SECONDS s"
tap_exit
