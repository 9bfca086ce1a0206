#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - `make bench`: boot one kernel (default Debian's stock 6.1) and run
# every benchmark scenario in it, the stock kernel and sctp_dar alternating
# in the same boot; then write the results directory.
#
#   tests/bench/run.sh [-n N] [-q] [-k KERNEL] [-o DIR] [-c] [-v]
#
#   -n N       repetitions (default 5)
#   -q         quick: one repetition, one RTT, small scales (make check)
#   -k KERNEL  stock-6.1 (default), stock-6.12 or debug
#   -o DIR     results directory (default build/bench/<UTC date-time>)
#   -c         check mode (make check's bench/quick): print PASS/FAIL lines
#              for the guest's TAP cases and for the results themselves
#   -v         stream the VM console
#
# Results: results.json, results.md, roam.svg, roam.png, console.log.
set -uo pipefail
. "$(dirname "$0")/../vm/lib.sh"

n=5 quick=0 kernel=stock-6.1 out="" check=0 verbose=""
while getopts "n:qk:o:cv" opt; do
	case $opt in
	n) n=$OPTARG ;;
	q) quick=1 ;;
	k) kernel=$OPTARG ;;
	o) out=$OPTARG ;;
	c) check=1 ;;
	v) verbose=-v ;;
	*) vm_die "usage: $0 [-n N] [-q] [-k KERNEL] [-o DIR] [-c] [-v]" ;;
	esac
done
[[ $n =~ ^[1-9][0-9]*$ ]] || vm_die "-n takes a positive number, not '$n'"
((quick)) && n=1

vm_ensure_host_pkgs
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${out:-$SCTP_DAR_TOP/build/bench/$stamp}
mkdir -p "$out"
# The module build, initramfs and console of this run, apart from any
# other run's (make check may run QUICK=1 beside a full make bench).
vmdir=$out/vm
plan=(bench/throughput.sh bench/asconf.sh bench/roam.sh bench/scale.sh)
# Per-scenario timeout inside the guest (the VM's is 2 min + their sum).
tmo=1500
((quick)) && tmo=300

vm_log "make bench: $kernel, N=$n$( ((quick)) && echo ", quick"); results in $out"
start=$SECONDS
SCTP_DAR_VM_ENV="BENCH_N=$n BENCH_QUICK=$quick slab_nomerge" \
	"$SCTP_DAR_TOP/tests/vm/run.sh" -k "$kernel" -o "$vmdir" -t "$tmo" $verbose \
	-r "$out/vm-results.tsv" \
	"${plan[@]}" >"$out/vm-results.txt" 2>"$out/run.log"
vmrc=$?
cp "$vmdir/console.log" "$out/console.log" 2>/dev/null
rm -rf "$vmdir"
vm_log "make bench: VM ran $((SECONDS - start)) s"

args=(--console "$out/console.log" --out "$out" --n "$n" --quick "$quick"
      --commit "$(git -C "$SCTP_DAR_TOP" describe --always --dirty 2>/dev/null || echo unknown)"
      --date "$stamp" --vm-seconds $((SECONDS - start)))
((check)) && args+=(--check)
if ((check)); then
	# The guest's TAP cases and the VM's own checks, as make check shows them.
	cat "$out/vm-results.tsv" 2>/dev/null
	grep -q '^booting' "$out/run.log" ||
		printf 'FAIL\tbench/quick: VM setup\tsee %s\n' "$out/run.log"
fi
/usr/bin/python3 "$SCTP_DAR_TOP/tests/bench/report.py" "${args[@]}"
rc=$?
if ((!check)); then
	cat "$out/results.md" 2>/dev/null
	grep '^FAIL' "$out/vm-results.txt" >&2
	vm_log "results: $out"
fi
((rc == 0 && vmrc == 0))
