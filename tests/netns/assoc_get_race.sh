#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernels: debug stock-6.1
#
# assoc_get_race.sh - an unprivileged user's assoc-get (do) racing the close
# of the association's socket: every request gets the association or
# ENOENT, and the kernel log stays clean (the harness fails the script on
# any BUG:, WARNING: or KASAN report in its log section).
#
#     +------------- $MN --------------+
#     |  lo 127.0.0.1                  |
#     |  sctp_getrace (uid 65534):     |
#     |    connect/close -> :5099      |
#     |    assoc-get by id, in a loop  |
#     +--------------------------------+
. "$(dirname "$0")/lib.sh"

CYCLES=500
[[ -e /proc/lockdep ]] && CYCLES=100	# lock debugging, KASAN: ~10 times slower

tap_plan 2
require_own_tool sctp_getrace
require_own_tool su
require_module sctp
modprobe sctp_dar || { tap_fail "load sctp_dar"; tap_exit; }
ns_add "$MN" || { tap_fail "create a namespace"; tap_exit; }
# Let lo's address event pass before the first association (PLATFORM.md).
sleep 0.7

# 1. The race, as an unprivileged user.
out=$(ip netns exec "$MN" su -s "$BASH" -c '"$0" "$@"' -- nobody \
	"$(command -v sctp_getrace)" -c "$CYCLES" 2>&1)
rc=$?
tap_diag "$out"
[[ $rc -eq 0 && $out == "ok cycles=$CYCLES "* ]]
tap_result $? "assoc-get racing close: a reply or ENOENT, every time"

# 2. The race was run at all: some requests found their association.
found=$(sed -n 's/.* found=\([0-9]*\).*/\1/p' <<<"$out")
[[ ${found:-0} -gt 0 ]]
tap_result $? "assoc-get found live associations during the race ($found)"
tap_exit
