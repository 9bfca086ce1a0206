#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh - boot one kernel of the harness in QEMU and run tests in it.
#
#   tests/vm/run.sh -k KERNEL [-t SECS] [-o DIR] [-r FILE] [-v] TEST...
#
#   -k KERNEL  stock-6.1 | stock-6.12 | debug (KUnit, KASAN, lockdep,
#              kmemleak, UBSAN; built from Debian's linux-source-6.1)
#   -t SECS    per-test timeout inside the guest (default 300)
#   -o DIR     where the console log and build products go
#              (default build/<kernel> in the checkout)
#   -r FILE    append results there, tab-separated (STATUS, name, detail)
#   -v         stream the console to stderr while the VM runs
#   TEST       "kunit", or a script path under tests/, e.g. netns/stream.sh
#
# SCTP_DAR_VM_ENV="NAME=VALUE ..." puts those variables in the guest's
# environment (kernel command line words the kernel hands to /init), e.g.
# the benchmarks' BENCH_N and BENCH_QUICK. SCTP_DAR_VM_MODULE=DIR boots
# DIR/sctp_dar.ko, built elsewhere (e.g. by DKMS: tests/pkg/check.sh),
# instead of building it; SCTP_DAR_VM_SCTPADDR=FILE puts that sctpaddr in.
#
# Prints one line per result (PASS/FAIL/SKIP) and exits 1 if any failed.
# The whole VM is killed after the sum of the per-test timeouts plus two
# minutes; a hung or crashed VM counts as a failure.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kernel="" tmo=300 outdir="" results="" verbose=0
while getopts "k:t:o:r:v" opt; do
	case $opt in
	k) kernel=$OPTARG ;;
	t) tmo=$OPTARG ;;
	o) outdir=$OPTARG ;;
	r) results=$OPTARG ;;
	v) verbose=1 ;;
	*) vm_die "usage: $0 -k KERNEL [-t SECS] [-o DIR] [-r FILE] [-v] TEST..." ;;
	esac
done
shift $((OPTIND - 1))
(($#)) || vm_die "no test given"
[[ $tmo =~ ^[0-9]+$ ]] || vm_die "-t takes whole seconds, not '$tmo'"

case $kernel in
stock-6.1) kdir=$("$SCTP_DAR_TOP/tests/vm/stock-kernel.sh" 6.1) ;;
stock-6.12) kdir=$("$SCTP_DAR_TOP/tests/vm/stock-kernel.sh" 6.12) ;;
debug) kdir=$("$SCTP_DAR_TOP/tests/vm/build-debug-kernel.sh" | tail -n 1) ;;
*) vm_die "unknown kernel '$kernel' (stock-6.1, stock-6.12 or debug)" ;;
esac
[[ -e $kdir/.done ]] || vm_die "kernel $kernel is not ready in $kdir"

outdir=${outdir:-$SCTP_DAR_TOP/build/$kernel}
mkdir -p "$outdir"
for t in "$@"; do
	[[ $t == kunit || -f $SCTP_DAR_TOP/tests/$t ]] || vm_die "no such test: $t"
done

# Userspace tools go into the initramfs; they do not depend on the kernel.
for d in tools/sctpaddr tests/tools; do
	if [[ -f $SCTP_DAR_TOP/$d/Makefile ]]; then
		make -s -C "$SCTP_DAR_TOP/$d" >&2 || vm_die "building $d failed"
	fi
done
if [[ -n ${SCTP_DAR_VM_MODULE:-} ]]; then
	[[ -f $SCTP_DAR_VM_MODULE/sctp_dar.ko ]] || vm_die "no sctp_dar.ko in $SCTP_DAR_VM_MODULE"
	modtree=$SCTP_DAR_VM_MODULE
else
	modtree=$("$SCTP_DAR_TOP/tests/vm/build-module.sh" "$kdir" "$outdir/module")
fi
"$SCTP_DAR_TOP/tests/vm/initramfs.sh" "$kdir" "$modtree" "$outdir/initrd.cpio.gz"

plan=$(IFS=,; echo "$*")
vm_timeout=$((120 + $# * tmo))
mem=1G
[[ $kernel == debug ]] && mem=2G
console=$outdir/console.log
vm_log "booting $kernel ($(cat "$kdir/kver")) for: $*"
start=$SECONDS
set +e
timeout --foreground -k 10 "$vm_timeout" \
	qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m "$mem" \
	-kernel "$kdir/vmlinuz" -initrd "$outdir/initrd.cpio.gz" \
	-append "console=ttyS0 panic=-1 oops=panic quiet loglevel=4 sctpdar_plan=$plan sctpdar_timeout=$tmo${SCTP_DAR_VM_ENV:+ $SCTP_DAR_VM_ENV}" \
	-nographic -no-reboot -nic none </dev/null 2>&1 |
	if ((verbose)); then tee "$console" >&2; else cat >"$console"; fi
set -e
vm_log "$kernel: VM ran $((SECONDS - start)) s; console in $console"

failed=0
while IFS=$'\t' read -r status name detail; do
	if [[ $status == "#" ]]; then
		printf '      %s\n' "$name"
		continue
	fi
	[[ -n $results ]] && printf '%s\t%s\t%s\n' "$status" "$name" "$detail" >>"$results"
	printf '%-4s  %s%s\n' "$status" "$name" "${detail:+  ($detail)}"
	[[ $status == FAIL ]] && failed=1
done < <("$SCTP_DAR_TOP/tests/vm/parse-console.py" "$kernel" "$console")
exit $failed
