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
#   -r FILE    append results there, tab-separated (STATUS, name, detail);
#              a boot retried (see below) adds a NOTE line
#   -e FILE    append each test's elapsed time there, tab-separated
#              (kernel, test, seconds, as the guest's clock counts them);
#              default $SCTP_DAR_VM_TIMES (tests/run.sh sets it, so that
#              make check times the VMs of bench/, demo/ and pkg/ too)
#   -v         stream the console to stderr while the VM runs
#   TEST       "kunit", or a script path under tests/, e.g. netns/stream.sh
#
# SCTP_DAR_VM_ENV="NAME=VALUE ..." puts those variables in the guest's
# environment (kernel command line words the kernel hands to /init), e.g.
# the benchmarks' BENCH_N and BENCH_QUICK. SCTP_DAR_VM_MODULE=DIR boots
# DIR/sctp_dar.ko, built elsewhere (e.g. by DKMS: tests/pkg/check.sh),
# instead of building it; SCTP_DAR_VM_SCTPADDR=FILE puts that sctpaddr in.
#
# Prints one line per result (PASS/FAIL/SKIP), one "time" line per test
# and exits 1 if any failed. The whole VM is killed after the sum of the
# per-test timeouts plus two minutes; a hung or crashed VM counts as a
# failure. A VM that dies before its first test began (a kernel panic
# while booting under TCG, seen now and then on both stock kernels, or no
# sign of life within SCTP_DAR_VM_BOOT_TIMEOUT seconds, default 600) is
# booted once more and a NOTE line says so; dying again is a failure.
# A VM that dies once tests have begun is retried only when it died of
# "Oops: int3" (below): all its tests run again, and a NOTE says so.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kernel="" tmo=300 outdir="" results="" times=${SCTP_DAR_VM_TIMES:-} verbose=0
while getopts "k:t:o:r:e:v" opt; do
	case $opt in
	k) kernel=$OPTARG ;;
	t) tmo=$OPTARG ;;
	o) outdir=$OPTARG ;;
	r) results=$OPTARG ;;
	e) times=$OPTARG ;;
	v) verbose=1 ;;
	*) vm_die "usage: $0 -k KERNEL [-t SECS] [-o DIR] [-r FILE] [-e FILE] [-v] TEST..." ;;
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
boot_tmo=${SCTP_DAR_VM_BOOT_TIMEOUT:-600}
[[ $boot_tmo =~ ^[0-9]+$ ]] || vm_die "SCTP_DAR_VM_BOOT_TIMEOUT takes whole seconds"

# boot_vm: run the VM to its end, its console in $console (and on stderr
# with -v). A watchdog kills it if guest-init has not said BOOT within
# $boot_tmo seconds: a boot that hangs would otherwise hold the whole
# run's timeout.
qpid=""
# QEMU runs in the background (for the watchdog), where SIGINT does not
# reach it: whatever ends this script ends the VM too.
trap '[[ -n $qpid ]] && kill "$qpid" 2>/dev/null' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
boot_vm()
{
	local tpid="" t0=$SECONDS killed=0

	: >"$console"
	# SCTP_DAR_KERNEL tells the tests which kernel they run on (lib.sh's
	# on_debug); the kernel hands NAME=VALUE words to /init's environment.
	timeout --foreground -k 10 "$vm_timeout" \
		qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m "$mem" \
		-kernel "$kdir/vmlinuz" -initrd "$outdir/initrd.cpio.gz" \
		-append "console=ttyS0 panic=-1 oops=panic quiet loglevel=4 sctpdar_plan=$plan sctpdar_timeout=$tmo SCTP_DAR_KERNEL=$kernel${SCTP_DAR_VM_ENV:+ $SCTP_DAR_VM_ENV}" \
		-nographic -no-reboot -nic none </dev/null >"$console" 2>&1 &
	qpid=$!
	if ((verbose)); then
		tail -n +1 -f --pid="$qpid" "$console" >&2 &
		tpid=$!
	fi
	while kill -0 "$qpid" 2>/dev/null && ! grep -q '@@SCTPDAR BOOT' "$console"; do
		if ((SECONDS - t0 > boot_tmo)); then
			kill "$qpid"
			killed=1
			break
		fi
		sleep 2
	done
	wait "$qpid"
	qpid=""
	[[ -n $tpid ]] && wait "$tpid"
	# QEMU writes at its own offset: say it once it is gone.
	((killed)) && echo "@@SCTPDAR HOST no BOOT marker within $boot_tmo s: VM killed" >>"$console"
	return 0
}

# died_booting: the console shows no test begun and no end reached; prints
# why, as far as the console says.
died_booting()
{
	local why

	grep -q '@@SCTPDAR BEGIN \|@@SCTPDAR DONE' "$console" && return 1
	why=$(tr -d '\r' <"$console" | grep -m 1 -oE '(Kernel panic|Oops|BUG:|general protection|@@SCTPDAR HOST).*' | cut -c1-120)
	why=${why#@@SCTPDAR HOST }
	echo "${why:-no panic message; console ends: $(tr -d '\r' <"$console" | grep -v '^ *$' | tail -n 1 | cut -c1-100)}"
}

# died_int3: the VM died of "Oops: int3" before the end; prints that line.
# An int3 the kernel does not expect is what QEMU's TCG leaves behind
# when a vCPU runs code another vCPU is live-patching (text_poke_bp(), at
# every static-key flip: loading sctp_dar registers netfilter hooks): seen
# on stock 6.12 in ip_local_deliver() 16 s into module_lifecycle.sh, and
# while booting. No kernel reaches it on real hardware.
died_int3()
{
	local why

	grep -q '@@SCTPDAR DONE' "$console" && return 1
	why=$(tr -d '\r' <"$console" | grep -m 1 -oE 'Oops: int3.*' | cut -c1-80)
	[[ -n $why ]] || return 1
	echo "$why"
}

# reboot_vm KEEP NOTE: keep the console as $outdir/KEEP, say NOTE (on
# stdout, in the log and in the results) and boot the VM once more.
reboot_vm()
{
	mv "$console" "$outdir/$1"
	vm_log "NOTE $2; first console in $outdir/$1"
	printf 'NOTE  %s\n' "$2"
	[[ -n $results ]] && printf 'NOTE\t%s\t%s\n' "$2" "" >>"$results"
	boot_vm
}

vm_log "booting $kernel ($(cat "$kdir/kver")) for: $*"
start=$SECONDS
set +e
boot_vm
if why=$(died_booting); then
	reboot_vm console-boot1.log "$kernel: VM died during boot ($why), retried"
fi
if why=$(died_int3); then
	reboot_vm console-int3.log "$kernel: VM died of an emulator trap ($why: TCG and the kernel's text patching), its tests run again"
fi
set -e
vm_log "$kernel: VM ran $((SECONDS - start)) s; console in $console"

failed=0
while IFS=$'\t' read -r status name detail; do
	if [[ $status == "#" ]]; then
		printf '      %s\n' "$name"
		continue
	fi
	if [[ $status == TIME ]]; then
		[[ -n $times ]] && printf '%s\t%s\t%s\n' "$kernel" "$name" "$detail" >>"$times"
		printf 'time  %s %s: %s s\n' "$kernel" "$name" "$detail"
		continue
	fi
	[[ -n $results ]] && printf '%s\t%s\t%s\n' "$status" "$name" "$detail" >>"$results"
	printf '%-4s  %s%s\n' "$status" "$name" "${detail:+  ($detail)}"
	[[ $status == FAIL ]] && failed=1
done < <("$SCTP_DAR_TOP/tests/vm/parse-console.py" "$kernel" "$console")
exit $failed
