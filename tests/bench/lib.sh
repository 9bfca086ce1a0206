#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# lib.sh - helpers of the benchmark scenarios (run in the VM; `make bench`
# boots it). Builds on tests/netns/lib.sh (topologies, TAP, the stream).
#
# Every number a scenario measures goes to the console as one line
#   @@BENCH {"scenario": "...", ...}
# and every point of the roam plot as
#   @@BENCHSERIES <series> <ms since the event> <seq>
# tests/bench/report.py collects them into results.json, results.md and
# the plot. The scenarios' TAP cases only say whether each measurement was
# made and whether sctp_dar's streams arrived whole: never a timing.
#
# Environment (kernel command line, see tests/bench/run.sh):
#   BENCH_N      repetitions (default 5)
#   BENCH_QUICK  1: one repetition, one delay, small scales (make check)
. "$(dirname "${BASH_SOURCE[0]}")/../netns/lib.sh"

BENCH_N=${BENCH_N:-5}
BENCH_QUICK=${BENCH_QUICK:-0}
[[ $BENCH_N =~ ^[1-9][0-9]*$ ]] || BENCH_N=5
if ((BENCH_QUICK)); then
	BENCH_N=1
	BENCH_RTTS=(5)
else
	# Emulated path round-trip times, ms (scenario 7).
	BENCH_RTTS=(5 50 200)
fi

now_us()
{
	echo "${EPOCHREALTIME/./}"
}

# wait_until T_US: return when CLOCK_REALTIME reaches T_US (microseconds),
# without forking: a fork and exec cost tens of ms under TCG, so `sleep`
# cannot time a 100 ms step. read -t on a FIFO nobody writes does.
BENCH_SLEEP_FD=""
wait_until()
{
	local d s

	if [[ -z $BENCH_SLEEP_FD ]]; then
		mkfifo "/tmp/bench-sleep.$$" || return 1
		exec {BENCH_SLEEP_FD}<>"/tmp/bench-sleep.$$"
		rm -f "/tmp/bench-sleep.$$"
	fi
	d=$(($1 - ${EPOCHREALTIME/./}))
	((d > 0)) || return 0
	printf -v s '%d.%06d' $((d / 1000000)) $((d % 1000000))
	read -r -t "$s" -u "$BENCH_SLEEP_FD" _
	return 0
}

# bench_record JSON: one result record for report.py.
bench_record()
{
	echo "@@BENCH $*"
}

# json_num VALUE: VALUE if it is a number, else null.
json_num()
{
	if [[ $1 =~ ^-?[0-9]+(\.[0-9]+)?$ ]]; then
		echo "$1"
	else
		echo null
	fi
}

# dar_load [PARAM=VALUE...]: load sctp_dar fresh with these parameters.
dar_load()
{
	rmmod sctp_dar 2>/dev/null
	modprobe sctp_dar "$@"
}

dar_unload()
{
	if grep -q '^sctp_dar ' /proc/modules; then
		rmmod sctp_dar
	fi
}

# netem_rtt NS DEV RTT_MS: the whole round-trip delay on DEV's egress. The
# benchmarks put it on the correspondent's side only, so that a capture on
# the correspondent sees the mobile node's packets as they left it.
netem_rtt()
{
	tc -n "$1" qdisc replace dev "$2" root netem delay "${3}ms" limit 100000
}

# sctp_both NS...: ASCONF and AUTH on in each namespace.
sctp_both()
{
	local ns

	for ns in "$@"; do
		sctp_sysctl "$ns" addip_enable 1
		sctp_sysctl "$ns" auth_enable 1
	done
}

# stream_stop NAME SECS: let NAME finish by itself for up to SECS, then end
# it with SIGTERM (twice: stop sending, stop waiting) so it still prints
# its JSON, and SIGKILL as a last resort. Returns its exit status.
stream_stop()
{
	local pid=${STREAM_PID[$1]} i

	if ! wait_for "$2" bash -c "! kill -0 $pid"; then
		kill -TERM "$pid" 2>/dev/null
		sleep 0.2
		kill -TERM "$pid" 2>/dev/null
		for ((i = 0; i < 30; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -KILL "$pid" 2>/dev/null
	fi
	wait "$pid" 2>/dev/null
}

# stream_json NAME: its JSON line, or {} when it printed none.
stream_json()
{
	local j

	j=$(head -n 1 "$LIB_TMP/$1.json" 2>/dev/null)
	if jq -e . >/dev/null 2>&1 <<<"$j"; then
		echo "$j"
	else
		echo '{}'
	fi
}

# series_emit NAME LOG T0_UNIX_US T_EVENT_US: the receive log of a stream
# (-L) as plot points relative to the event, thinned to every 10th message
# except around gaps (which are what the plot is for).
series_emit()
{
	awk -v n="$1" -v t0="$3" -v te="$4" '
		{ t = (t0 + $1 - te) / 1000.0
		  if (NR == 1 || $2 % 10 == 0 || t - last > 3 || keep) {
			printf "@@BENCHSERIES %s %.2f %d\n", n, t, $2
			keep = (t - last > 3)
		  }
		  last = t }' "$2"
}

# gap_window LOG T0_UNIX_US FROM_US TO_US: the longest time, ms, between
# two consecutive arrivals in a receive log (-L, times from T0) that both
# fall in [FROM, TO) (CLOCK_REALTIME microseconds): the stream's own noise
# floor when the window holds no event.
gap_window()
{
	[[ -s $1 && $2 =~ ^[0-9]+$ ]] || { echo null; return; }
	awk -v t0="$2" -v from="$3" -v to="$4" '
		{ t = t0 + $1 }
		t >= from && t < to { if (have && t - last > g) g = t - last
				      last = t; have = 1 }
		END { printf "%.3f\n", g / 1000 }' "$1"
}

# slab_bytes: bytes in use in every slab cache (active objects x object
# size, /proc/slabinfo), kmalloc caches included.
slab_bytes()
{
	awk 'NR > 2 { s += $2 * $4 } END { printf "%d\n", s }' /proc/slabinfo
}

# cpu_jiffies: busy jiffies of the whole VM (/proc/stat: user, nice,
# system, irq, softirq, steal).
cpu_jiffies()
{
	awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

# fresh_tmp: a new scratch directory after cleanup() removed the last one.
fresh_tmp()
{
	cleanup
	LIB_TMP=$(mktemp -d /tmp/bench.XXXXXX)
	LIB_TAG=$$-$RANDOM
	MN=mn-$LIB_TAG
	CN=cn-$LIB_TAG
}
