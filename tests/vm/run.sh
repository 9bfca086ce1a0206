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
# and exits 1 if any failed. A VM whose console shows no progress for the
# per-test timeout plus two minutes is hung and killed; a hung or crashed
# VM counts as a failure, and a test that hung it (or left a task in
# uninterruptible sleep: guest-init.sh) fails while the tests after it
# run in a new boot. SCTP_DAR_DEADLINE=EPOCH_SECONDS kills the VM then
# (make check's time budget: tests/run.sh); its unfinished tests fail.
# A VM that dies before its first test began (a kernel panic while
# booting under TCG, seen now and then on both stock kernels, or no
# sign of life within SCTP_DAR_VM_BOOT_TIMEOUT seconds, default 600) is
# booted once more and a NOTE line says so; dying again is a failure.
# A VM that dies once tests have begun is retried only when it died of
# "Oops: int3" (below): all its tests run again, and a NOTE says so;
# one whose console went silent (froze) runs that test and the rest again.
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

tests=("$@")
mem=1G
[[ $kernel == debug ]] && mem=2G
console=$outdir/console.log
boot_tmo=${SCTP_DAR_VM_BOOT_TIMEOUT:-600}
[[ $boot_tmo =~ ^[0-9]+$ ]] || vm_die "SCTP_DAR_VM_BOOT_TIMEOUT takes whole seconds"
# guest-init.sh ends every test within $tmo s plus 30 s of KILL grace and
# prints a framing line ("@@SCTPDAR ...") at least that often: silence
# for this long means the guest is hung.
hang_tmo=$((tmo + 30 + 90))
deadline=${SCTP_DAR_DEADLINE:-}
[[ -z $deadline || $deadline =~ ^[0-9]+$ ]] ||
	vm_die "SCTP_DAR_DEADLINE takes seconds since the epoch, not '$deadline'"

# boot_vm TEST...: run a VM for those tests to its end, its console in
# $console (and on stderr with -v). A watchdog kills it when guest-init
# has not said BOOT within $boot_tmo s, when the console shows no new
# framing line for $hang_tmo s (hung), or at $SCTP_DAR_DEADLINE (make
# check's time budget), and appends "@@SCTPDAR HOST <why>" to the console.
qpid=""
# QEMU runs in the background (for the watchdog), where SIGINT does not
# reach it: whatever ends this script ends the VM too.
trap '[[ -n $qpid ]] && kill "$qpid" 2>/dev/null' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# kill_vm: end the VM: TERM, then KILL to QEMU and its timeout(1) both
# if QEMU has not gone 15 s later (a stopped or wedged process).
kill_vm()
{
	local i

	kill "$qpid" 2>/dev/null
	for ((i = 0; i < 15; i++)); do
		kill -0 "$qpid" 2>/dev/null || return 0
		sleep 1
	done
	pkill -KILL -P "$qpid" 2>/dev/null
	kill -KILL "$qpid" 2>/dev/null
}

boot_vm()
{
	local plan tpid="" t0=$SECONDS why="" n mark="" mark_t=$SECONDS vm_timeout
	local size=0 size_t=$SECONDS last

	plan=$(IFS=,; echo "$*")
	# A backstop only: the watchdog below acts long before.
	vm_timeout=$((120 + $# * (tmo + 60)))
	: >"$console"
	# SCTP_DAR_KERNEL tells the tests which kernel they run on (lib.sh's
	# on_debug); the kernel hands NAME=VALUE words to /init's environment.
	timeout --foreground -k 10 "$vm_timeout" \
		qemu-system-x86_64 -accel tcg -cpu max -smp 2 -m "$mem" \
		-kernel "$kdir/vmlinuz" -initrd "$outdir/initrd.cpio.gz" \
		-append "console=ttyS0 panic=-1 oops=panic softlockup_panic=1 quiet loglevel=5 sctpdar_plan=$plan sctpdar_timeout=$tmo SCTP_DAR_KERNEL=$kernel${SCTP_DAR_VM_ENV:+ $SCTP_DAR_VM_ENV}" \
		-nographic -no-reboot -nic none </dev/null >"$console" 2>&1 &
	qpid=$!
	if ((verbose)); then
		tail -n +1 -f --pid="$qpid" "$console" >&2 &
		tpid=$!
	fi
	while kill -0 "$qpid" 2>/dev/null; do
		sleep 2
		# One pass over the console: the last framing line with its
		# byte offset, which changes with every new framing line.
		last=$(grep -a -b '@@SCTPDAR ' "$console" | tail -n 1 | tr -d '\r')
		if [[ $last != "$mark" ]]; then
			mark=$last
			mark_t=$SECONDS
		fi
		last=${last#*:}
		last=${last:10:70}
		n=$(stat -c %s "$console")
		if ((n != size)); then
			size=$n
			size_t=$SECONDS
		fi
		if [[ -z $mark ]] && ((SECONDS - t0 > boot_tmo)); then
			why="no BOOT marker within $boot_tmo s"
		elif [[ -n $mark ]] && ((SECONDS - size_t > hang_tmo)); then
			# Not a byte, not even a kernel warning: the whole
			# guest stopped (guest-init's timeout, the kernel's
			# lockup detectors and RCU stall warnings all run on
			# its timers), which under TCG is the emulator.
			why="froze: not a byte on the console for $hang_tmo s after '$last'"
		elif [[ -n $mark ]] && ((SECONDS - mark_t > hang_tmo)); then
			why="hung: no progress for $hang_tmo s after '$last'"
		elif [[ -n $deadline ]] && (($(date +%s) >= deadline)); then
			why="out of time: make check's deadline (SCTP_DAR_DEADLINE) came"
		fi
		if [[ -n $why ]]; then
			kill_vm
			break
		fi
	done
	wait "$qpid"
	qpid=""
	[[ -n $tpid ]] && wait "$tpid"
	# QEMU writes at its own offset: say it once it is gone.
	[[ -n $why ]] && echo "@@SCTPDAR HOST $why: VM killed" >>"$console"
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

# stuck_in: the VM hung, crashed (a panic: oops=panic, softlockup_panic)
# or was wedged in a test, and did not just run out of time; prints that
# test.
stuck_in()
{
	local t

	grep -q '@@SCTPDAR DONE' "$console" && return 1
	grep -q '^@@SCTPDAR HOST out of time' "$console" && return 1
	t=$(tr -d '\r' <"$console" | sed -n 's/^@@SCTPDAR WEDGED \([^ ]*\).*/\1/p' | tail -n 1)
	if [[ -z $t ]]; then
		t=$(tr -d '\r' <"$console" | sed -n 's/^@@SCTPDAR BEGIN \([^ ]*\).*/\1/p' | tail -n 1)
		# Ended, not died in it: nothing to run again.
		[[ -n $t ]] && tr -d '\r' <"$console" | grep -q "^@@SCTPDAR END $t " && t=""
	fi
	[[ -n $t ]] || return 1
	echo "$t"
}

# reboot_vm KEEP NOTE TEST...: keep the console as $outdir/KEEP, say NOTE
# (on stdout, in the log and in the results) and boot the VM for TESTs.
reboot_vm()
{
	local keep=$1 note=$2

	shift 2
	mv "$console" "$outdir/$keep"
	vm_log "NOTE $note; first console in $outdir/$keep"
	printf 'NOTE  %s\n' "$note"
	[[ -n $results ]] && printf 'NOTE\t%s\t%s\n' "$note" "" >>"$results"
	boot_vm "$@"
}

# parse CONSOLE TEST...: report that console's results (the TESTs it was
# to run, so that one never begun fails), return 1 if any failed.
parse()
{
	local c=$1 status name detail failed=0

	shift
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
	done < <("$SCTP_DAR_TOP/tests/vm/parse-console.py" "$kernel" "$c" "$@")
	return $failed
}

vm_log "booting $kernel ($(cat "$kdir/kver")) for: ${tests[*]}"
start=$SECONDS
set +e
boot_vm "${tests[@]}"
if why=$(died_booting); then
	reboot_vm console-boot1.log "$kernel: VM died during boot ($why), retried" "${tests[@]}"
fi
if why=$(died_int3); then
	reboot_vm console-int3.log "$kernel: VM died of an emulator trap ($why: TCG and the kernel's text patching), its tests run again" "${tests[@]}"
fi
# A test that hangs the guest, or leaves the kernel wedged, fails; the
# tests after it run in a new boot (at most twice a run), so that one
# hang costs one test, not all that follow it. A guest that froze whole
# (not a byte on its console: the emulator, as with int3 above) runs that
# test again too, once a run, and a NOTE says so.
failed=0
plan=("${tests[@]}")
n=0 refrozen=0
while ((n < 2)) && stuck=$(stuck_in); do
	rest=() done_tests=() seen=0 froze=0
	if ((!refrozen)) && grep -q '^@@SCTPDAR HOST froze' "$console"; then
		froze=1
		refrozen=1
	fi
	for t in "${plan[@]}"; do
		[[ $t == "$stuck" ]] && ((froze)) && seen=1
		if ((seen)); then
			rest+=("$t")
		else
			done_tests+=("$t")
		fi
		[[ $t == "$stuck" ]] && seen=1
	done
	((seen && ${#rest[@]})) || break
	n=$((n + 1))
	mv "$console" "$outdir/console-stuck$n.log"
	if ((froze)); then
		parse "$outdir/console-stuck$n.log" --upto "$stuck" "${done_tests[@]}" || failed=1
		note="$kernel: the VM froze in $stuck, not a byte on its console (the emulator; console-stuck$n.log); it and the $((${#rest[@]} - 1)) test(s) after it run in a new boot"
	else
		parse "$outdir/console-stuck$n.log" "${done_tests[@]}" || failed=1
		note="$kernel: the VM hung, crashed or wedged in $stuck (console-stuck$n.log); the ${#rest[@]} test(s) after it run in a new boot"
	fi
	vm_log "NOTE $note"
	printf 'NOTE  %s\n' "$note"
	[[ -n $results ]] && printf 'NOTE\t%s\t%s\n' "$note" "" >>"$results"
	plan=("${rest[@]}")
	boot_vm "${plan[@]}"
done
set -e
vm_log "$kernel: VM ran $((SECONDS - start)) s; console in $console"
parse "$console" "${plan[@]}" || failed=1
exit $failed
