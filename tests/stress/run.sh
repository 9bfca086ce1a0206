#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - make stress: the stress scripts (tests/stress/*.sh) and the
# netlink fuzzer (tests/netns/netlink_fuzz.sh) in their full form
# (STRESS_FULL=1), in one VM, by default on the debug kernel (KASAN,
# lockdep, kmemleak, UBSAN).
#
#   tests/stress/run.sh [-k KERNEL] [-t SECS] [-v] [TEST...]
#
#   -k KERNEL  debug (default), stock-6.1 or stock-6.12
#   -t SECS    per-script timeout in the guest (default 3600: 100,000
#              fuzz messages take about 45 min on the debug kernel)
#   -v         stream the VM console to stderr
#   TEST       a subset, e.g. stress/flap_storm.sh netns/netlink_fuzz.sh
#
# Sizes can be overridden through SCTP_DAR_VM_ENV, e.g.
#   SCTP_DAR_VM_ENV="NL_FUZZ_N=200000 ROAM_N=500" make stress
# Prints one line per result, the measurements the scripts reported, and
# closes with "N passed, N failed[, N skipped]"; exits 1 if any failed.
# The reduced forms run in make check (tests/run.sh).
set -uo pipefail
. "$(dirname "$0")/../vm/lib.sh"

kernel=debug tmo=3600 verbose=""
while getopts "k:t:v" opt; do
	case $opt in
	k) kernel=$OPTARG ;;
	t) tmo=$OPTARG ;;
	v) verbose=-v ;;
	*) vm_die "usage: $0 [-k KERNEL] [-t SECS] [-v] [TEST...]" ;;
	esac
done
shift $((OPTIND - 1))

tests=("$@")
if ((${#tests[@]} == 0)); then
	tests=(netns/netlink_fuzz.sh)
	for f in "$SCTP_DAR_TOP"/tests/stress/*.sh; do
		case ${f##*/} in
		common.sh | run.sh) ;;
		*) tests+=("stress/${f##*/}") ;;
		esac
	done
fi

out=$SCTP_DAR_TOP/build/stress
mkdir -p "$out"
results=$out/results.tsv
: >"$results"
start=$SECONDS
SCTP_DAR_VM_ENV="STRESS_FULL=1${SCTP_DAR_VM_ENV:+ $SCTP_DAR_VM_ENV}" \
	"$SCTP_DAR_TOP/tests/vm/run.sh" -k "$kernel" -t "$tmo" -o "$out/$kernel" \
	-r "$results" $verbose "${tests[@]}" 2>"$out/vm.log"
if ! grep -q "^booting $kernel" "$out/vm.log"; then
	printf 'FAIL\tvm/%s: setup\tsee %s\n' "$kernel" "$out/vm.log" >>"$results"
	tail -n 20 "$out/vm.log" | sed 's/^/      /'
fi

echo
echo "---- measurements ($kernel) ----"
grep -E '^# (root|nobody|storm|roams|cycles|namespaces|policy|link|addr|primary|reader|downlink|uplink)[: ]|^# errno ' \
	<(tr -d '\r' <"$out/$kernel/console.log" 2>/dev/null) | sed 's/^# /  /'
echo
echo "---- results ($(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s; console in $out/$kernel/console.log) ----"
awk -F'\t' '$1 != "PASS" { printf "%-4s  %s%s\n", $1, $2, ($3 != "" ? "  (" $3 ")" : "") }' "$results"
pass=$(grep -c '^PASS' "$results")
fail=$(grep -c '^FAIL' "$results")
skip=$(grep -c '^SKIP' "$results")
if ((skip)); then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
((fail == 0))
