#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# common.sh - what every stress script (and netns/netlink_fuzz.sh) adds to
# tests/netns/lib.sh: the size switch and the closing checks.
#
# Size: STRESS_FULL=1 in the guest's environment (make stress sets it with
# SCTP_DAR_VM_ENV) selects the full form; otherwise a script runs its
# reduced form, the one make check runs so that it cannot rot.
#
# Closing checks, each one TAP case:
#   stress_unloads     sctp_dar's refcount is 0 and rmmod succeeds
#   stress_no_leak     a kmemleak scan finds no object it did not already
#                      report when the script started (skip: no kmemleak)
#   stress_no_splat    the kernel log since the script started holds no
#                      BUG/WARNING/KASAN/UBSAN/lockdep/RCU splat (the VM
#                      harness checks this too; here it fails the case
#                      that caused it)
# Source it after lib.sh.

STRESS_FULL=${STRESS_FULL:-0}
STRESS_KML=/sys/kernel/debug/kmemleak
STRESS_SPLAT='BUG:|WARNING:|KASAN:|UBSAN:|general protection fault|Oops:|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|DEBUG_LOCKS_WARN_ON|INFO: task .* blocked|unreferenced object|refcount_t: |list_(add|del) corruption|ODEBUG:|soft lockup'

# The kernel log up to now is not ours (guest-init.sh clears it between
# tests; a script run by hand starts from here).
STRESS_DMESG0=$(dmesg | wc -l)
STRESS_LEAKS0=0
[[ -r $STRESS_KML ]] && STRESS_LEAKS0=$(grep -c 'unreferenced object' "$STRESS_KML")

# stress_full: true for the full form.
stress_full() { [[ $STRESS_FULL == 1 ]]; }

# stress_debug: true on a kernel with lock debugging (3-5x slower).
stress_debug() { [[ -e /proc/lockdep ]]; }

# stress_unloads: one case, sctp_dar unloads with nothing holding it.
stress_unloads()
{
	local ref

	ref=$(cat /sys/module/sctp_dar/refcnt 2>/dev/null)
	if [[ $ref != 0 ]]; then
		tap_diag "sctp_dar refcnt '${ref:-absent}'"
		tap_fail "sctp_dar refcount 0, rmmod succeeds"
		return
	fi
	rmmod sctp_dar
	tap_result $? "sctp_dar refcount 0, rmmod succeeds"
}

# stress_no_leak: one case, kmemleak reports nothing new.
stress_no_leak()
{
	local n

	if [[ ! -w $STRESS_KML ]]; then
		tap_skip "kmemleak: nothing leaked" "kernel without kmemleak"
		return
	fi
	# An object must be unreferenced for 5 s and seen by two scans.
	echo scan >"$STRESS_KML"
	sleep 6
	echo scan >"$STRESS_KML"
	n=$(grep -c 'unreferenced object' "$STRESS_KML")
	if ((n > STRESS_LEAKS0)); then
		tap_diag "$(head -n 40 "$STRESS_KML")"
		tap_fail "kmemleak: nothing leaked ($((n - STRESS_LEAKS0)) new)"
	else
		tap_ok "kmemleak: nothing leaked"
	fi
}

# stress_no_splat: one case, no splat in the kernel log since the start.
stress_no_splat()
{
	local bad

	bad=$(dmesg | tail -n +$((STRESS_DMESG0 + 1)) | grep -E "$STRESS_SPLAT" | head -n 20)
	if [[ -n $bad ]]; then
		tap_diag "$bad"
		tap_fail "no kernel splat"
	else
		tap_ok "no kernel splat"
	fi
}

# assocs_established NS: how many of NS's associations are ESTABLISHED
# (/proc/net/sctp/assocs: ST, the 5th column, is 3).
assocs_established()
{
	ip netns exec "$1" awk 'NR > 1 && $5 == 3 { n++ } END { print n + 0 }' /proc/net/sctp/assocs
}

# stress_stream_server / stress_stream_client NAME NS ...: lib.sh's
# stream_server/stream_client with the bounds a debug kernel on a loaded
# host needs (listening within 60 s, associated within 120 s, where lib.sh
# allows 5 and 10): under KASAN and lockdep in TCG, with other VMs on the
# host, the listener alone was seen to take longer than 5 s.
stress_stream_server()
{
	STREAM_LISTEN_WAIT=60 stream_server "$@"
}

stress_stream_client()
{
	STREAM_ASSOC_WAIT=120 stream_client "$@"
}
