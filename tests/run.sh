#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - everything `make check` runs, with one line per result and the
# closing count "N passed, N failed[, N skipped]".
#
#   tests/run.sh [-T PATTERNS] [-K KERNELS] [-v]
#
#   -T  space or comma separated prefixes of test ids to run (default all):
#         static/checkpatch  static/sparse  build/<what>  unit/<name>
#         kunit  netns/<script>  bench/quick (make bench QUICK=1, stock-6.1
#         only)  demo/quick (make demo, reduced; stock-6.1 only)
#         pkg (make dist, Debian packages, DKMS; stock kernels)
#         e.g. -T netns/roam  or  -T "kunit static"
#   -K  kernels to boot (default "debug stock-6.1 stock-6.12"; the debug
#       VM always runs last, see "debug kernel" below)
#   -F  full: also run each script on the kernels its header names in
#       brackets (`make check FULL=1`; see runs_on below)
#   -v  stream VM consoles to stderr
#
# Installs missing host packages, fetches and caches the kernels (see
# tests/vm/), builds the module for each kernel with W=1 (a warning fails),
# runs checkpatch --strict and sparse on our kernel sources, the host unit
# tests, then the KUnit suites on the debug kernel and every netns test on
# each kernel in a VM.
set -uo pipefail
. "$(dirname "$0")/vm/lib.sh"

patterns="" kernels="debug stock-6.1 stock-6.12" verbose="" full=0
while getopts "T:K:Fv" opt; do
	case $opt in
	T) patterns=${OPTARG//,/ } ;;
	K) kernels=${OPTARG//,/ } ;;
	F) full=1 ;;
	v) verbose=-v ;;
	*) vm_die "usage: $0 [-T PATTERNS] [-K KERNELS] [-F] [-v]" ;;
	esac
done

out=$SCTP_DAR_TOP/build/check
rm -rf "$out"
mkdir -p "$out"
results=$out/results.tsv
: >"$results"
# Every VM's per-test elapsed times (tests/vm/run.sh -e), and each phase's
# wall time: the summary names the slowest.
export SCTP_DAR_VM_TIMES=$out/times.tsv
phases=$out/phases.tsv
: >"$SCTP_DAR_VM_TIMES"
: >"$phases"
start=$SECONDS
phase_t0=$SECONDS

# make check's time budget. CI stops a run at 90 minutes and then shows
# nothing of it, so make check must always end with its summary: a VM
# still running after SCTP_DAR_CHECK_BUDGET minutes (default 80) is
# killed (tests/vm/run.sh: its unfinished tests fail), and each phase
# that would start after that fails as not run. Measured times are in
# Documentation/testing.md; this is a safety net, not the plan.
budget=${SCTP_DAR_CHECK_BUDGET:-80}
[[ $budget =~ ^[0-9]+$ ]] || vm_die "SCTP_DAR_CHECK_BUDGET takes whole minutes, not '$budget'"
SCTP_DAR_DEADLINE=$(($(date +%s) + budget * 60))
export SCTP_DAR_DEADLINE

# phase NAME: the time since the last phase ended was NAME's. Said as it
# ends, so that a run cut short still shows where its time went.
phase()
{
	printf '%s\t%s\n' "$1" $((SECONDS - phase_t0)) >>"$phases"
	printf 'time  phase %s: %d s (make check at %d min %d s)\n' "$1" \
		$((SECONDS - phase_t0)) $(((SECONDS - start) / 60)) $(((SECONDS - start) % 60))
	phase_t0=$SECONDS
}

# out_of_time WHAT: the budget is spent; WHAT fails as not run.
out_of_time()
{
	(($(date +%s) < SCTP_DAR_DEADLINE)) && return 1
	result FAIL "$1: not run" "make check's ${budget}-minute budget was spent (SCTP_DAR_CHECK_BUDGET)"
	return 0
}

# selected ID: is this test id selected by -T?
selected()
{
	local p

	[[ -z $patterns ]] && return 0
	for p in $patterns; do
		[[ $1 == "$p"* || $p == "$1"* ]] && return 0
	done
	return 1
}

# result STATUS NAME [DETAIL]
result()
{
	printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >>"$results"
	printf '%-4s  %s%s\n' "$1" "$2" "${3:+  ($3)}"
}

# show_log FILE: the last lines of a failure's log, indented.
show_log()
{
	tail -n "${2:-20}" "$1" | sed 's/^/      /'
}

# host_tap ID LOG RC: report a host-side TAP log through the VM console
# parser, so host and guest TAP are judged by the same rules.
host_tap()
{
	local id=$1 log=$2 rc=$3 console=$out/${1//\//_}.console status name detail

	{
		echo "@@SCTPDAR BOOT host"
		echo "@@SCTPDAR BEGIN $id"
		grep -E '^(TAP version|1\.\.|ok |not ok |# )' "$log"
		echo "@@SCTPDAR END $id rc=$rc"
		echo "@@SCTPDAR DONE"
	} >"$console"
	while IFS=$'\t' read -r status name detail; do
		[[ $status == "#" ]] && { printf '      %s\n' "$name"; continue; }
		[[ $name == "host vm: ran to completion" ]] && continue
		result "$status" "$name" "$detail"
	done < <("$SCTP_DAR_TOP/tests/vm/parse-console.py" host "$console")
}

vm_ensure_host_pkgs

# ---- which tests run where ------------------------------------------------------

# module_lifecycle.sh first: it needs sctp.ko not yet loaded.
netns_tests=()
for f in "$SCTP_DAR_TOP"/tests/netns/module_lifecycle.sh "$SCTP_DAR_TOP"/tests/netns/*.sh; do
	t=netns/$(basename "$f")
	[[ $t == netns/lib.sh || $t == netns/*_lib.sh ]] && continue	# sourced
	[[ " ${netns_tests[*]} " == *" $t "* ]] && continue
	selected "$t" && netns_tests+=("$t")
done

# runs_on TEST KERNEL: a script whose header has a line
# "# kernels: K1 K2 [K3]" runs on those kernels only; without such a line
# it runs on every kernel. A kernel in brackets runs the script only with
# -F (make check FULL=1): it would find something there, but not enough
# for make check's time budget (Documentation/testing.md).
runs_on()
{
	local want

	want=$(sed -n '1,40s/^# kernels: *//p' "$SCTP_DAR_TOP/tests/$1" | head -n 1)
	((full)) && want=${want//[\[\]]/}
	[[ -z $want || " $want " == *" $2 "* ]]
}

# ---- debug kernel ---------------------------------------------------------------
# Building the debug kernel from cold takes longer than all the host checks
# together (tens of minutes on 2 cores: KASAN instruments every file). It
# builds in the background at the lowest CPU priority while everything
# else runs, and the debug VM runs last; tests/vm/run.sh -k debug then
# finds it built, or waits for it (the build holds the cache's lock). With
# the kernel cached this costs nothing. Its own log: $out/debug-kernel.log.

# debug_wanted: will the debug VM run at all?
debug_wanted()
{
	local t

	[[ " $kernels " == *" debug "* ]] || return 1
	selected kunit || selected build/module-debug && return 0
	for t in "${netns_tests[@]}"; do
		runs_on "$t" debug && return 0
	done
	return 1
}

# debug_cached: is the debug kernel of this tree built already?
debug_cached()
{
	local key

	key=$("$SCTP_DAR_TOP/tests/vm/build-debug-kernel.sh" --print-key 2>/dev/null) &&
		[[ -f $SCTP_DAR_CACHE/kernels/debug-$key/.done ]]
}

# What this machine is, said again in the summary: a run on another
# machine (CI's) can then be compared with the times measured here.
mkdir -p "$SCTP_DAR_CACHE"
machine="$(nproc) cores, $(awk '/^MemTotal/ { printf "%d", $2 / 1048576 }' /proc/meminfo) GiB, $(df -h --output=avail "$SCTP_DAR_CACHE" 2>/dev/null | tail -n 1 | tr -d ' ') free in the cache"

prebuild=""
if debug_wanted && ! debug_cached; then
	machine+="; debug kernel not cached"
	# Its own process group, so that all of it can be stopped (below,
	# and when make check is interrupted), in this session: setsid(1)
	# would put it in an autogroup of its own, which the scheduler
	# shares the CPU with fairly whatever its nice value (seen: the
	# build took half the CPU from the VMs).
	python3 -c 'import os, sys; os.setpgid(0, 0); os.execvp(sys.argv[1], sys.argv[1:])' \
		nice -n 19 "$SCTP_DAR_TOP/tests/vm/build-debug-kernel.sh" \
		>/dev/null 2>"$out/debug-kernel.log" &
	prebuild=$!
	trap '[[ -n $prebuild ]] && kill -- -"$prebuild" 2>/dev/null' EXIT
	vm_log "debug kernel not cached: building it in the background (log: $out/debug-kernel.log)"
fi

# ---- host: tools, static checks, unit tests ---------------------------------

for d in tests/tools tools/sctpaddr; do
	[[ -f $SCTP_DAR_TOP/$d/Makefile ]] || continue
	id=build/$(basename "$d")
	selected "$id" || selected netns || selected kunit || continue
	if make -C "$SCTP_DAR_TOP/$d" >"$out/${id//\//_}.log" 2>&1; then
		result PASS "$id: -Wall -Wextra -Werror"
	else
		result FAIL "$id: -Wall -Wextra -Werror" "see $out/${id//\//_}.log"
		show_log "$out/${id//\//_}.log"
	fi
done

# The top-level Makefile as a user meets it: build against a kernel tree,
# install into a staging root, and leave the tree as clean as it was.
if selected build/make; then
	log=$out/make.log
	kdir=$("$SCTP_DAR_TOP/tests/vm/stock-kernel.sh" 6.1 2>>"$log")
	tree=$out/make-tree
	rm -rf "$tree"
	mkdir -p "$tree"
	(cd "$SCTP_DAR_TOP" && git ls-files -co --exclude-standard -z |
		xargs -0 cp --parents -t "$tree") 2>>"$log"
	ok=1
	(cd "$tree" && git init -q && git add -A && git -c user.name=t -c user.email=t@t \
		commit -qm t) >>"$log" 2>&1 || ok=0
	make -C "$tree" KDIR="$kdir/build" KVER="$(cat "$kdir/kver")" >>"$log" 2>&1 || ok=0
	[[ -f $tree/sctp_dar.ko ]] || ok=0
	if ((ok)); then
		result PASS "build/make: make builds sctp_dar.ko and the tools"
	else
		result FAIL "build/make: make builds sctp_dar.ko and the tools" "see $log"
		show_log "$log"
	fi
	stage=$out/make-stage
	rm -rf "$stage"
	if make -C "$tree" KDIR="$kdir/build" KVER="$(cat "$kdir/kver")" \
			DESTDIR="$stage" PREFIX=/usr install >>"$log" 2>&1 &&
	   compgen -G "$stage/lib/modules/*/updates/sctp_dar.ko*" >/dev/null ||
	   compgen -G "$stage/lib/modules/*/extra/sctp_dar.ko*" >/dev/null; then
		result PASS "build/make: make install stages the module and depmod output"
	else
		result FAIL "build/make: make install stages the module and depmod output" "see $log"
		show_log "$log"
	fi
	make -C "$tree" KDIR="$kdir/build" clean >>"$log" 2>&1
	dirty=$(cd "$tree" && git status --porcelain --ignored)
	if [[ -z $dirty ]]; then
		result PASS "build/make: make clean leaves the tree clean"
	else
		result FAIL "build/make: make clean leaves the tree clean" "$(echo "$dirty" | head -n 3 | tr '\n' ' ')"
	fi
fi

kernel_sources()
{
	(cd "$SCTP_DAR_TOP" && git ls-files -co --exclude-standard \
		'src/*.[ch]' 'include/*.h' 'tests/kunit/*.[ch]' 2>/dev/null ||
	 ls src/*.[ch] include/uapi/linux/*.h tests/kunit/*.[ch])
}

if selected static/checkpatch; then
	cp=$("$SCTP_DAR_TOP/tests/static/checkpatch.sh" --path) || cp=""
	if [[ -z $cp ]]; then
		result FAIL "static/checkpatch" "checkpatch.pl could not be unpacked from linux-source-6.1"
	else
		while read -r f; do
			log=$out/checkpatch_${f//\//_}.log
			if "$SCTP_DAR_TOP/tests/static/checkpatch.sh" "$SCTP_DAR_TOP/$f" >"$log" 2>&1; then
				result PASS "static/checkpatch --strict: $f"
			else
				result FAIL "static/checkpatch --strict: $f" "$(grep -cE '^(ERROR|WARNING|CHECK):' "$log") finding(s)"
				grep -A3 -E '^(ERROR|WARNING|CHECK):' "$log" | head -n 30 | sed 's/^/      /'
			fi
		done < <(kernel_sources)
	fi
fi

if selected static/sparse; then
	kdir=$("$SCTP_DAR_TOP/tests/vm/stock-kernel.sh" 6.1 2>"$out/sparse-fetch.log")
	if [[ -z $kdir ]]; then
		result FAIL "static/sparse" "could not fetch the 6.1 kernel headers"
		show_log "$out/sparse-fetch.log"
	elif SCTP_DAR_MAKEFLAGS="C=2" "$SCTP_DAR_TOP/tests/vm/build-module.sh" \
			"$kdir" "$out/sparse" >/dev/null 2>"$out/sparse.err"; then
		# build-module.sh fails on any "warning:", sparse's included.
		result PASS "static/sparse C=2 W=1 on stock-6.1 headers"
	else
		result FAIL "static/sparse C=2 W=1 on stock-6.1 headers" "see $out/sparse/build.log"
		show_log "$out/sparse.err"
	fi
fi

if [[ -f $SCTP_DAR_TOP/tests/unit/Makefile ]] && selected unit; then
	log=$out/unit.log
	make -C "$SCTP_DAR_TOP/tests/unit" check >"$log" 2>&1
	rc=$?
	host_tap unit "$log" $rc
	if ((rc)) && ! grep -q '^not ok' "$log"; then
		result FAIL "host unit: build" "see $log"
		show_log "$log"
	fi
fi

# The netlink spec, the uAPI header and the kernel's policies must agree.
if [[ -f $SCTP_DAR_TOP/tests/unit/spec_check.py ]] && selected unit/spec; then
	log=$out/spec.log
	/usr/bin/python3 "$SCTP_DAR_TOP/tests/unit/spec_check.py" >"$log" 2>&1
	host_tap unit/spec "$log" $?
fi

# The VM harness reports a hung, wedged or cut-short VM as failures.
if [[ -f $SCTP_DAR_TOP/tests/unit/harness_check.py ]] && selected unit/harness; then
	log=$out/harness.log
	/usr/bin/python3 "$SCTP_DAR_TOP/tests/unit/harness_check.py" >"$log" 2>&1
	host_tap unit/harness "$log" $?
fi

# A short libFuzzer run per `make check` keeps the harness from rotting;
# long runs are `make -C tests/fuzz run SECONDS=N`.
if [[ -f $SCTP_DAR_TOP/tests/fuzz/Makefile ]] && selected unit/fuzz; then
	log=$out/fuzz.log
	if make -C "$SCTP_DAR_TOP/tests/fuzz" run SECONDS="${SCTP_DAR_FUZZ_SECONDS:-20}" >"$log" 2>&1; then
		result PASS "unit/fuzz: $(awk '/^== / { t = $2 }
			/^stat::number_of_executed_units:/ { printf "%s%s %s", s, t, $2; s = ", " }' "$log") executions, no crash"
	else
		result FAIL "unit/fuzz" "see $log"
		grep -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | head -n 10 | sed 's/^/      /'
	fi
fi

phase "host: builds, static checks, unit tests"

# ---- VMs ------------------------------------------------------------------------

# run_vm KERNEL: boot KERNEL once and run every selected test that runs
# on it.
run_vm()
{
	local k=$1 t f id log plan=()

	# KUnit loads sctp.ko, so it goes after module_lifecycle.sh.
	for t in "${netns_tests[@]}"; do
		runs_on "$t" "$k" || continue
		plan+=("$t")
		[[ $t == netns/module_lifecycle.sh ]] || continue
		[[ $k == debug ]] && selected kunit && plan+=(kunit)
	done
	if [[ $k == debug && " ${plan[*]} " != *" kunit "* ]] && selected kunit; then
		plan=(kunit "${plan[@]}")
	fi
	# make stress's scripts in their reduced form (ids stress/<script>,
	# selectable with -T like netns/<script>), on stock-6.1: on the debug
	# kernel they take 3-5x the 4-5 min measured there, over the budget.
	if [[ $k == stock-6.1 ]]; then
		for f in "$SCTP_DAR_TOP"/tests/stress/*.sh; do
			t=stress/${f##*/}
			[[ $t == stress/common.sh || $t == stress/run.sh ]] && continue
			selected "$t" || continue
			plan+=("$t")
		done
	fi
	id=build/module-$k
	if ((${#plan[@]} == 0)) && ! selected "$id"; then
		return 0
	fi
	out_of_time "vm/$k" && return 0
	if [[ $k == debug && -n $prebuild ]]; then
		while kill -0 "$prebuild" 2>/dev/null && (($(date +%s) < SCTP_DAR_DEADLINE)); do
			sleep 5
		done
		if kill -0 "$prebuild" 2>/dev/null; then
			kill -- -"$prebuild" 2>/dev/null
			wait "$prebuild"
			prebuild=""
			result FAIL "vm/debug: not run" "its kernel was still building when make check's ${budget}-minute budget was spent (log: $out/debug-kernel.log)"
			return 0
		fi
		if wait "$prebuild"; then
			vm_log "debug kernel built in the background"
		else
			# run.sh below builds it again and reports why it fails.
			vm_log "background debug kernel build failed: see $out/debug-kernel.log"
		fi
		prebuild=""
	fi
	log=$out/vm-$k.log
	if ((${#plan[@]} == 0)); then
		plan=(netns/module_lifecycle.sh)
	fi
	# run.sh prints its own PASS/FAIL/SKIP lines and appends them to
	# $results; here only its setup (kernel, module build) is judged.
	"$SCTP_DAR_TOP/tests/vm/run.sh" -k "$k" -o "$SCTP_DAR_TOP/build/$k" \
		-r "$results" $verbose "${plan[@]}" 2>"$log"
	if grep -q '^error: module build' "$log"; then
		result FAIL "$id: W=1 clean" "see $log"
		grep -E ': (warning|error):' "$log" | head -n 20 | sed 's/^/      /'
	elif grep -q "^booting $k" "$log"; then
		result PASS "$id: W=1 clean"
	else
		result FAIL "vm/$k: setup" "see $log"
		show_log "$log"
	fi
	phase "vm $k: module build, boot, ${#plan[@]} test(s)"
}

for k in $kernels; do
	[[ $k == debug ]] || run_vm "$k"
done

# ---- install it as Debian users do (pkg/) ------------------------------------------
# make dist, the Debian packages, DKMS against each stock kernel's headers
# (scratch trees only), then a roam in the VM with what was installed
# (tests/pkg/check.sh).
if selected pkg && ! out_of_time pkg; then
	pk=""
	for k in $kernels; do
		[[ $k == stock-* ]] && pk+=" $k"
	done
	"$SCTP_DAR_TOP/tests/pkg/check.sh" -o "$out/pkg" -k "$pk" $verbose \
		>"$out/pkg.tsv" 2>"$out/pkg.log"
	rc=$?
	n=0
	while IFS=$'\t' read -r status name detail; do
		if [[ $status == NOTE ]]; then
			result NOTE "$name"
			continue
		fi
		[[ $status == PASS || $status == FAIL || $status == SKIP ]] || continue
		result "$status" "$name" "$detail"
		n=$((n + 1))
	done <"$out/pkg.tsv"
	if ((n == 0 || (rc != 0 && $(grep -c '^FAIL' "$out/pkg.tsv") == 0))); then
		result FAIL "pkg: tests/pkg/check.sh ran" "see $out/pkg.log"
		show_log "$out/pkg.log"
	fi
	phase pkg
fi

# ---- make bench QUICK=1 (bench/quick) ------------------------------------------
# The benchmarks run once, small, so they never rot: every scenario must
# produce its numbers, the JSON parse, the table and plot exist and
# sctp_dar's streams arrive whole. No timing is asserted (tests/bench/).
if [[ " $kernels " == *" stock-6.1 "* ]] && selected bench/quick && ! out_of_time bench/quick; then
	log=$out/bench-quick.log
	"$SCTP_DAR_TOP/tests/bench/run.sh" -q -c -o "$out/bench-quick" $verbose \
		>"$out/bench-quick.tsv" 2>"$log"
	rc=$?
	n=0
	while IFS=$'\t' read -r status name detail; do
		if [[ $status == NOTE ]]; then
			result NOTE "$name"
			continue
		fi
		[[ $status == PASS || $status == FAIL || $status == SKIP ]] || continue
		result "$status" "$name" "$detail"
		n=$((n + 1))
	done <"$out/bench-quick.tsv"
	if ((n == 0 || (rc != 0 && $(grep -c '^FAIL' "$out/bench-quick.tsv") == 0))); then
		result FAIL "bench/quick: make bench QUICK=1 ran" "see $log"
		show_log "$log"
	fi
	phase bench/quick
fi

# ---- make demo, reduced (demo/quick) ---------------------------------------------
# The demo's four roams in one stock-6.1 boot (break-before-make waits 3 s,
# not 10) and its plot, so that `make demo` cannot rot: sctp_dar's streams
# must arrive whole, every case must say what happened, the PNG must be
# drawn. No timing is asserted (tests/demo/).
if [[ " $kernels " == *" stock-6.1 "* ]] && selected demo/quick && ! out_of_time demo/quick; then
	log=$out/demo-quick.log
	"$SCTP_DAR_TOP/tests/demo/run.sh" -q -c -o "$out/demo-quick" \
		>"$out/demo-quick.tsv" 2>"$log"
	rc=$?
	n=0
	while IFS=$'\t' read -r status name detail; do
		if [[ $status == NOTE ]]; then
			result NOTE "$name"
			continue
		fi
		[[ $status == PASS || $status == FAIL || $status == SKIP ]] || continue
		result "$status" "$name" "$detail"
		n=$((n + 1))
	done <"$out/demo-quick.tsv"
	if ((n == 0 || (rc != 0 && $(grep -c '^FAIL' "$out/demo-quick.tsv") == 0))); then
		result FAIL "demo/quick: make demo -q ran" "see $log"
		show_log "$log"
	fi
	phase demo/quick
fi

# ---- the debug kernel's VM, last (see "debug kernel" above) ------------------
if [[ " $kernels " == *" debug "* ]]; then
	run_vm debug
fi

# ---- summary ----------------------------------------------------------------------

# Where the time went: each phase, then the slowest scripts (elapsed in
# the guest, so a VM's boot is in its phase only).
if [[ -s $phases ]]; then
	echo
	echo "---- time by phase ($machine) ----"
	awk -F'\t' '{ printf "%6d s  %s\n", $2, $1 }' "$phases"
fi
if [[ -s $SCTP_DAR_VM_TIMES ]]; then
	echo "---- slowest of $(wc -l <"$SCTP_DAR_VM_TIMES") timed tests (all in $SCTP_DAR_VM_TIMES) ----"
	sort -t $'\t' -k3,3nr "$SCTP_DAR_VM_TIMES" | head -n 12 |
		awk -F'\t' '{ printf "%6d s  %s %s\n", $3, $1, $2 }'
	awk -F'\t' '{ t[$1] += $3; n[$1]++ } END {
		for (k in t) printf "%6d s  %s: the sum of its %d tests\n", t[k], k, n[k] }' \
		"$SCTP_DAR_VM_TIMES" | sort -k3,3
fi

# Results written by tests/vm/run.sh go straight to the file; list them too.
echo
echo "---- results ($(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s; logs in $out) ----"
sort -s -t $'\t' -k1,1 "$results" | awk -F'\t' '$1 != "PASS" { printf "%-4s  %s%s\n", $1, $2, ($3 != "" ? "  (" $3 ")" : "") }'
pass=$(grep -c '^PASS' "$results")
fail=$(grep -c '^FAIL' "$results")
skip=$(grep -c '^SKIP' "$results")
if ((skip)); then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
((fail == 0))
