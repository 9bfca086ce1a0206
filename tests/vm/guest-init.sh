#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# guest-init.sh - /init of the test VM.
#
# Runs the tests named on the kernel command line (sctpdar_plan=a,b,c; each
# "kunit" or a path under /tests), each under a timeout (sctpdar_timeout=S),
# and frames everything for the host's parser (tests/vm/parse-console.py):
#   @@SCTPDAR BEGIN <test> ... TAP or KTAP ... @@SCTPDAR END <test> rc=<n>
#   @@SCTPDAR KMSG <test> ... kernel log during that test ... @@SCTPDAR KMSG-END
# A test that times out leaves a list of its processes and the kernel's
# blocked tasks; if a task stays in uninterruptible sleep after SIGKILL,
# "@@SCTPDAR WEDGED <test> <why>" ends the VM (the host reboots for the
# tests after it).
# then unloads sctp_dar, asks kmemleak for a scan, prints DONE and powers off.

/bin/busybox --install -s /bin
export PATH=/usr/bin:/usr/sbin:/bin:/sbin
export HOME=/root SCTP_DAR_GUEST=1

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs tmp /tmp
mount -t tmpfs run /run
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
mkdir -p /run/netns /dev/pts
mount -t devpts devpts /dev/pts 2>/dev/null
ip link set lo up

cmdline_arg()
{
	sed -n "s/.*$1=\([^ ]*\).*/\1/p" /proc/cmdline
}

plan=$(cmdline_arg sctpdar_plan | tr , ' ')
tmo=$(cmdline_arg sctpdar_timeout)
[ -n "$tmo" ] || tmo=300
# A test that ignores TERM at $tmo s gets KILL this much later.
grace=30
kml=/sys/kernel/debug/kmemleak

kmsg_section()
{
	echo "@@SCTPDAR KMSG $1"
	dmesg -c
	echo "@@SCTPDAR KMSG-END $1"
}

run_kunit()
{
	local d

	modprobe sctp_dar || { echo "@@SCTPDAR ERROR modprobe sctp_dar failed"; return 1; }
	modprobe sctp_dar_test || { echo "@@SCTPDAR ERROR modprobe sctp_dar_test failed"; return 1; }
	for d in /sys/kernel/debug/kunit/sctp_dar_*; do
		[ -r "$d/results" ] || continue
		echo "@@KTAP ${d##*/}"
		cat "$d/results"
		echo "@@KTAP-END ${d##*/}"
	done
	rmmod sctp_dar_test
}

echo "@@SCTPDAR BOOT $(uname -r)"
# Objects kmemleak already suspects at boot (early ACPI caches and the
# like) are not ours: scan once, then forget what that scan found.
if [ -w $kml ]; then
	echo scan >$kml
	echo clear >$kml
fi
kmsg_section boot

# after_timeout TEST: TEST ran out of time (TERM at $tmo s, KILL $grace s
# later). Show what was left running and what the kernel is blocked on,
# kill whatever the test left behind, and set $wedged to why the kernel
# is wedged (a task still in uninterruptible sleep: later tests would
# hang behind it), or to nothing. Runs in /init itself, not a subshell:
# everything but PID 1 is killed.
# user_proc PID: a process of the tests (not /init, not a kernel thread:
# those have no command line; procfs files report size 0, so read it).
user_proc()
{
	[ "$1" -gt 1 ] && [ -n "$(head -c 1 "/proc/$1/cmdline" 2>/dev/null)" ]
}

after_timeout()
{
	local p st left n

	wedged=""
	{
		echo "@@SCTPDAR TIMEOUT $1: processes left"
		ps -o pid,stat,args | grep -v ' \[.*\]$'
		# Blocked (D state) tasks with their stacks, into the kernel log
		# that kmsg_section prints next.
		echo w >/proc/sysrq-trigger 2>/dev/null
	} >&2
	for p in /proc/[0-9]*; do
		p=${p#/proc/}
		user_proc "$p" && kill -9 "$p" 2>/dev/null
	done
	n=0
	while [ $n -lt 10 ]; do
		sleep 1
		left=""
		for p in /proc/[0-9]*; do
			p=${p#/proc/}
			user_proc "$p" || continue
			st=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$p/status" 2>/dev/null)
			[ "$st" = D ] && left="$left $p:$(tr '\0' ' ' <"/proc/$p/cmdline" | cut -c1-40)"
		done
		[ -z "$left" ] && return 0
		n=$((n + 1))
	done
	wedged="task(s) in uninterruptible sleep after SIGKILL:$left"
}

# uptime_s: seconds since boot, whole (the guest has no other clock worth
# trusting under TCG; elapsed times are what the host reports per test).
uptime_s()
{
	cut -d. -f1 /proc/uptime
}

for t in $plan; do
	echo "@@SCTPDAR BEGIN $t"
	t0=$(uptime_s)
	if [ "$t" = kunit ]; then
		run_kunit
		rc=$?
	elif [ -f "/tests/$t" ]; then
		(cd /tmp && timeout -k "$grace" "$tmo" bash "/tests/$t" </dev/null 2>&1)
		rc=$?
	else
		echo "@@SCTPDAR ERROR no such test: $t"
		rc=127
	fi
	echo "@@SCTPDAR END $t rc=$rc secs=$(($(uptime_s) - t0))"
	wedged=""
	case $rc in
	124 | 137 | 143) after_timeout "$t" ;;
	esac
	kmsg_section "$t"
	if [ -n "$wedged" ]; then
		echo "@@SCTPDAR WEDGED $t $wedged"
		# rmmod and kmemleak would hang behind it: the host boots a
		# new VM for the tests after this one (tests/vm/run.sh).
		reboot -f
	fi
done

# Whatever the tests left loaded must unload; then look for leaks.
for m in sctp_dar_test sctp_dar; do
	if grep -q "^$m " /proc/modules; then
		rmmod $m || echo "@@SCTPDAR ERROR rmmod $m failed"
	fi
done
if [ -w $kml ]; then
	echo scan >$kml
	sleep 1
	echo scan >$kml
	echo "@@SCTPDAR KMEMLEAK"
	cat $kml
	echo "@@SCTPDAR KMEMLEAK-END"
fi
kmsg_section final
echo "@@SCTPDAR DONE"
# -no-reboot turns a reboot into QEMU exiting, with or without ACPI.
reboot -f
